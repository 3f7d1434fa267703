/**
 * A Cloudflare Worker that runs privacyIDEA-style event handlers through tripline: a fake `/validate/check` over an
 * in-memory user and token table, WebHook intents carried out with `fetch`, Logging intents as console lines (the
 * Workers log), audit entries as JSON console lines, RequestMangler/ResponseMangler applied to the real request and
 * response. The bindings come from the `BINDINGS` variable (JSON, tripline's or privacyIDEA's shape) and are compiled
 * once per isolate.
 *
 * Only Web APIs are used (fetch, Request, Response, URL, crypto.getRandomValues): it runs on workerd as it is.
 */
import type { Evaluation, Event, Request as EventRequest, RuleSet, TriplineIntent, User } from './tripline.js'
import { compile, decodeBindings, evaluate, formatDecodeErrors } from './tripline.js'

export interface Env {
  /** The bindings, as JSON text. */
  readonly BINDINGS: string
  /** Comma-separated host names a WebHook may reach. */
  readonly WEBHOOK_HOSTS?: string
}

interface Account {
  readonly user: User
  readonly serial: string
  readonly secret: string
}

const ACCOUNTS: ReadonlyArray<Account> = [
  {
    user: { login: 'alice', realm: 'office', resolver: 'ldap', info: { givenname: 'Alice', surname: 'Archer' } },
    serial: 'TOTP00000001',
    secret: '123456',
  },
]

const findAccount = (login: string | undefined, realm: string | undefined): Account | undefined =>
  ACCOUNTS.find((a) => a.user.login === login && a.user.realm === (realm ?? 'office'))

/** Compiled once per isolate and configuration text. */
let compiled: { readonly text: string; readonly rules: RuleSet } | undefined
const rulesOf = (env: Env): RuleSet => {
  if (compiled?.text === env.BINDINGS) return compiled.rules
  const decoded = decodeBindings(JSON.parse(env.BINDINGS))
  if (decoded._tag === 'Left') throw new Error(`BINDINGS: ${formatDecodeErrors(decoded.left)}`)
  compiled = { text: env.BINDINGS, rules: compile(decoded.right) }
  return compiled.rules
}

const entropy = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')

const buildEvent = (
  position: 'pre' | 'post',
  request: EventRequest,
  account: Account | undefined,
  response?: unknown,
) => {
  const event: Event = {
    name: 'validate_check',
    position,
    now: new Date().toISOString(),
    entropy: entropy(),
    request,
    ...(position === 'post' ? { response } : {}),
    ...(account !== undefined
      ? {
          user: { ...account.user, tokenCount: 1 },
          serial: account.serial,
          token: {
            serial: account.serial,
            type: 'totp',
            realms: [account.user.realm],
            resolvers: [account.user.resolver],
            owner: { ...account.user, exists: true },
            active: true,
            failcount: 0,
            maxfail: 10,
            otpCounter: 0,
            info: {},
          },
        }
      : {}),
  }
  return event
}

/** Carries out the intents this worker supports; returns success per binding id. */
const carryOut = async (env: Env, evaluation: Evaluation): Promise<ReadonlyMap<string | number, string | true>> => {
  const allowed = (env.WEBHOOK_HOSTS ?? '').split(',').filter(Boolean)
  const done = new Map<string | number, string | true>()
  for (const intent of evaluation.intents as ReadonlyArray<TriplineIntent>) {
    switch (intent._tag) {
      case 'Logging.logging':
        console.log(`${intent.level} [${intent.logger}] ${intent.message}`)
        done.set(intent.bindingId, true)
        break
      case 'WebHook.post_webhook': {
        const target = new URL(intent.url)
        if (!allowed.includes(target.hostname)) {
          done.set(intent.bindingId, `refused: ${target.host} is not allowed`)
          break
        }
        try {
          const r = await fetch(target, {
            method: 'POST',
            headers: { 'content-type': intent.contentType },
            body: intent.data,
            signal: AbortSignal.timeout(10_000),
          })
          await r.arrayBuffer()
          done.set(intent.bindingId, true)
        } catch (e) {
          done.set(intent.bindingId, `network error: ${String(e)}`)
        }
        break
      }
      case 'RequestMangler.set':
      case 'RequestMangler.delete':
      case 'ResponseMangler.set':
      case 'ResponseMangler.delete':
        done.set(intent.bindingId, true)
        break
      default:
        done.set(intent.bindingId, `${intent._tag} is not supported by this worker`)
    }
  }
  for (const entry of evaluation.audit) {
    const result = done.get(entry.bindingId)
    const success = entry.success && (result ?? true) === true
    console.log(
      `audit ${JSON.stringify({ ...entry, success, ...(typeof result === 'string' ? { hostDetail: result } : {}) })}`,
    )
  }
  return done
}

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

const validateCheck = (params: Readonly<Record<string, string>>) => {
  const account = findAccount(params.user, params.realm)
  const ok = account !== undefined && params.pass === account.secret
  return {
    result: { status: true, value: ok, authentication: ok ? 'ACCEPT' : 'REJECT' },
    detail: { message: ok ? 'matching 1 tokens' : 'wrong otp pin', ...(account ? { serial: account.serial } : {}) },
  }
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url)
    if (url.pathname !== '/validate/check' || request.method !== 'POST') return json(404, { error: 'not found' })
    const rules = rulesOf(env)
    const params = Object.fromEntries(new URLSearchParams(await request.text()))
    const eventRequest: EventRequest = {
      path: url.pathname,
      method: 'POST',
      params,
      clientIp: request.headers.get('cf-connecting-ip') ?? '127.0.0.1',
      userAgent: request.headers.get('user-agent') ?? '',
    }
    const pre = evaluate(buildEvent('pre', eventRequest, findAccount(params.user, params.realm)), rules)
    await carryOut(env, pre)
    if (pre.aborted !== undefined)
      return json(400, { result: { status: false, error: { message: pre.aborted.reason } } })
    // The API runs on the request as the pre handlers left it (RequestMangler).
    const account = findAccount(pre.request.params.user, pre.request.params.realm)
    const response = validateCheck(pre.request.params)
    const post = evaluate(buildEvent('post', pre.request, account, response), rules)
    await carryOut(env, post)
    if (post.aborted !== undefined)
      return json(400, { result: { status: false, error: { message: post.aborted.reason } } })
    return json(200, post.response ?? response)
  },
}
