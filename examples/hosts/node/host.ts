/**
 * A privacyIDEA-like HTTP host (node:http) that runs its event handlers through tripline: a fake `/validate/check`
 * and `/token/init`, an in-memory user and token store, and intents carried out for real (effects.ts).
 *
 * For each call: resolve the request user → build the pre `Event` → evaluate → carry out, audit, stop if aborted →
 * run the API function on the (possibly mangled) request → build the post `Event` with the response → evaluate →
 * carry out, audit → reply with the (possibly mangled) response.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { carryOutAll, type EffectsConfig, writeAudit } from './effects.js'
import { buildEvent, type Call } from './event.js'
import { createStore, findUser, type Store, tokensOf, type UserRecord } from './store.js'
import type { Binding, Evaluation, Request, RuleSet, TriplineIntent } from './tripline.js'
import { compile, evaluate } from './tripline.js'

export interface HostConfig extends Omit<EffectsConfig, 'store'> {
  readonly bindings: ReadonlyArray<Binding>
  /** Admin API keys (header `PI-Authorization`) → admin name. */
  readonly admins: ReadonlyMap<string, string>
  readonly store?: Store
  /** The clock; tests pass a fixed one. */
  readonly clock?: () => Date
}

export interface Host {
  readonly server: Server
  readonly store: Store
  /** Starts listening on 127.0.0.1 (port 0: any free port) and resolves to the base URL. */
  readonly listen: (port?: number) => Promise<string>
  readonly close: () => Promise<void>
}

type ApiResult = { readonly status: number; readonly body: unknown }
type Api = (store: Store, request: Request, user: UserRecord | undefined, now: string) => ApiResult

const MAX_BODY = 64 * 1024

/** The fake `/validate/check`: `pass` must equal the secret of one of the user's active tokens. */
const validateCheck: Api = (store, _request, user, now) => {
  const pass = _request.params.pass ?? ''
  const tokens = user === undefined ? [] : tokensOf(store, user).filter((t) => t.active)
  if (user === undefined || tokens.length === 0)
    return {
      status: 200,
      body: {
        result: { status: true, value: false, authentication: 'REJECT' },
        detail: { message: 'The user has no tokens assigned' },
      },
    }
  const match = tokens.find((t) => t.secret === pass && t.failcount < t.maxfail)
  if (match === undefined) {
    for (const t of tokens) t.failcount = Math.min(t.failcount + 1, t.maxfail)
    return {
      status: 200,
      body: {
        result: { status: true, value: false, authentication: 'REJECT' },
        detail: { message: 'wrong otp pin', ...(tokens.length === 1 ? { serial: tokens[0]?.serial } : {}) },
      },
    }
  }
  match.failcount = 0
  match.otpCounter += 1
  match.info.last_auth = now
  match.info.count_auth = String(Number(match.info.count_auth ?? '0') + 1)
  return {
    status: 200,
    body: {
      result: { status: true, value: true, authentication: 'ACCEPT' },
      detail: { message: 'matching 1 tokens', serial: match.serial, type: match.type },
    },
  }
}

/** The fake `/token/init`: enrols a token of `type` for the request user. */
const tokenInit: Api = (store, request, user) => {
  const type = (request.params.type ?? 'hotp').toLowerCase()
  const serial = `${type.toUpperCase()}${String(store.nextSerial++).padStart(8, '0')}`
  const secret = String(100000 + (randomBytes(4).readUInt32BE() % 900000))
  store.tokens.set(serial, {
    serial,
    type,
    ...(user !== undefined ? { owner: { login: user.login, realm: user.realm } } : {}),
    realms: user !== undefined ? [user.realm] : [],
    secret,
    active: true,
    failcount: 0,
    maxfail: 10,
    otpCounter: 0,
    description: request.params.description ?? '',
    rolloutState: 'enrolled',
    info: {},
  })
  return {
    status: 200,
    body: {
      result: { status: true, value: true },
      detail: { serial, googleurl: { value: `otpauth://${type}/${serial}?secret=${secret}`, img: '' } },
    },
  }
}

const ROUTES: Readonly<Record<string, { readonly event: string; readonly admin: boolean; readonly api: Api }>> = {
  '/validate/check': { event: 'validate_check', admin: false, api: validateCheck },
  '/token/init': { event: 'token_init', admin: true, api: tokenInit },
}

const readBody = async (req: IncomingMessage): Promise<Record<string, string>> => {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY) throw new Error('request body too large')
    chunks.push(chunk)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (text === '') return {}
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    const json: unknown = JSON.parse(text)
    if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('expected a JSON object')
    return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]))
  }
  return Object.fromEntries(new URLSearchParams(text))
}

const reply = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
}

const failure = (message: string) => ({ result: { status: false, error: { code: -1, message } } })

/** privacyIDEA resolves the request user before the handlers run: the `user` and `realm` parameters. */
const requestUser = (store: Store, params: Readonly<Record<string, string>>): UserRecord | undefined =>
  params.user !== undefined ? findUser(store, params.user, params.realm ?? 'office') : undefined

/** `RequestMangler` with `reset_user`: the host makes the named user the request user. */
const resetUser = (store: Store, evaluation: Evaluation, user: UserRecord | undefined): UserRecord | undefined => {
  let current = user
  for (const intent of evaluation.intents as ReadonlyArray<TriplineIntent>) {
    if (intent._tag === 'RequestMangler.set' && intent.resetUser !== undefined)
      current = findUser(store, intent.resetUser.login, intent.resetUser.realm)
  }
  return current
}

export const createHost = (config: HostConfig): Host => {
  const store = config.store ?? createStore()
  const effects: EffectsConfig = { ...config, store }
  // Compile once, at start-up: configuration errors surface here, not per request.
  const rules: RuleSet = compile(config.bindings)
  const clock = config.clock ?? (() => new Date())

  /** Evaluates one position and carries it out; returns the evaluation. */
  const run = async (call: Call, position: 'pre' | 'post', response: unknown): Promise<Evaluation> => {
    const now = clock().toISOString()
    const event = buildEvent(store, call, position, response, now, randomBytes(16).toString('hex'))
    const evaluation = evaluate(event, rules)
    const done = await carryOutAll(effects, now, evaluation.intents)
    await writeAudit(effects, now, evaluation.audit, done)
    return evaluation
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const route = ROUTES[url.pathname]
    if (route === undefined || req.method !== 'POST') return reply(res, 404, failure('not found'))
    const admin = config.admins.get(String(req.headers['pi-authorization'] ?? ''))
    if (route.admin && admin === undefined) return reply(res, 401, failure('authentication required'))
    const params = { ...Object.fromEntries(url.searchParams), ...(await readBody(req)) }
    const request: Request = {
      path: url.pathname,
      method: 'POST',
      params,
      clientIp: req.socket.remoteAddress ?? '',
      userAgent: String(req.headers['user-agent'] ?? ''),
    }
    const call: Call = {
      name: route.event,
      request,
      user: requestUser(store, params),
      ...(admin !== undefined ? { loggedIn: { role: 'admin', username: admin } } : {}),
    }
    const pre = await run(call, 'pre', undefined)
    if (pre.aborted !== undefined) return reply(res, 400, failure(`event handler failed: ${pre.aborted.reason}`))
    // The API function runs on the request as the pre handlers left it.
    const mangled: Call = { ...call, request: pre.request, user: resetUser(store, pre, call.user) }
    const result = route.api(store, mangled.request, mangled.user, clock().toISOString())
    const post = await run(mangled, 'post', result.body)
    if (post.aborted !== undefined) return reply(res, 400, failure(`event handler failed: ${post.aborted.reason}`))
    return reply(res, result.status, post.response ?? result.body)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => reply(res, 400, failure(e instanceof Error ? e.message : String(e))))
  })
  return {
    server,
    store,
    listen: (port = 0) =>
      new Promise((resolve) => {
        server.listen(port, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))
      }),
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections()
        server.close((e) => (e ? reject(e) : resolve()))
      }),
  }
}
