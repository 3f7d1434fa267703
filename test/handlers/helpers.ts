/**
 * Shared test helpers for the handler modules: an engine over the real handler catalogue and a stub condition
 * catalogue that knows no conditions, a binding builder, a realistic base event, and a compile helper.
 */
import type { CompiledAction, ConditionCatalogue } from '../../src/core/catalogue.js'
import { makeContext } from '../../src/core/context.js'
import { isLeft } from '../../src/core/either.js'
import { createEngine } from '../../src/core/engine.js'
import type { Issue } from '../../src/core/errors.js'
import type { Binding, Evaluation, Event, Intent } from '../../src/core/model.js'
import { handlerCatalogue } from '../../src/handlers/index.js'

/** A condition catalogue that knows no conditions: every condition is a configuration error. */
export const noConditions: ConditionCatalogue = {
  compile: (name) => ({
    _tag: 'Left',
    left: [{ code: 'unknown-condition', message: `unknown condition ${name}`, path: [] }],
  }),
}

/** The engine every handler test evaluates through. */
export const engine = createEngine({ conditions: noConditions, handlers: handlerCatalogue })

/** A binding with sensible defaults; `over` replaces fields. */
export const binding = (
  handlerModule: string,
  action: string,
  options: Readonly<Record<string, string>> = {},
  over: Partial<Binding> = {},
): Binding => ({
  id: 1,
  name: 'b1',
  events: ['token_init'],
  handlerModule,
  action,
  position: 'post',
  ordering: 0,
  active: true,
  options,
  conditions: {},
  ...over,
})

/** A helpdesk admin enrolled a TOTP token for alice in realm1 (post event). */
/** An event with nothing but its name, position, time and an empty request. */
export const bareEvent = (): Event => ({ name: 'x', position: 'post', now: baseEvent.now, request: { params: {} } })

export const baseEvent: Event = {
  name: 'token_init',
  position: 'post',
  now: '2026-11-29T10:00:00+01:00',
  entropy: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  baseUrl: 'https://pi.example.com/',
  request: {
    path: '/token/init',
    method: 'POST',
    params: { type: 'totp', user: 'alice', realm: 'realm1', serial: 'TOTP0001' },
    clientIp: '10.0.0.5',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0',
    browser: 'firefox',
  },
  response: {
    result: { status: true, value: true },
    detail: {
      serial: 'TOTP0001',
      googleurl: { value: 'otpauth://totp/TOTP0001?secret=ABC', img: 'data:image/png;base64,iVBOR' },
    },
  },
  loggedIn: { role: 'admin', username: 'helpdesk', realm: 'adminrealm' },
  user: {
    login: 'alice',
    realm: 'realm1',
    resolver: 'resolver1',
    info: { givenname: 'Alice', surname: 'Liddell', email: 'alice@example.com', mobile: '+491701234567' },
  },
  serial: 'TOTP0001',
  token: {
    serial: 'TOTP0001',
    type: 'totp',
    realms: ['realm1'],
    resolvers: ['resolver1'],
    owner: { login: 'alice', realm: 'realm1', resolver: 'resolver1', exists: true },
    failcount: 0,
    maxfail: 10,
    otpCounter: 0,
    description: 'work phone',
    info: {},
  },
}

/** Compiles a binding with the real catalogue: the compiled action or the issues. */
export const compile = (b: Binding): { readonly action?: CompiledAction; readonly issues: ReadonlyArray<Issue> } => {
  const module = handlerCatalogue.module(b.handlerModule)
  if (module === undefined) return { issues: [{ code: 'unknown-module', message: '', path: ['handlerModule'] }] }
  const r = module.compile(b)
  return isLeft(r) ? { issues: r.left } : { action: r.right, issues: [] }
}

/** Evaluates one binding against an event (the binding's events and position follow the event). */
export const evaluate = (b: Binding, event: Event = baseEvent): Evaluation =>
  engine.evaluate(event, [{ ...b, events: [event.name], position: event.position }])

/** The single intent of an evaluation (throws when there is none, to fail the test loudly). */
export const onlyIntent = <I = Intent>(e: Evaluation): I => {
  if (e.intents.length !== 1) throw new Error(`expected one intent, got ${JSON.stringify(e)}`)
  return e.intents[0] as I
}

/** Runs a compiled action directly on an event. */
export const run = (b: Binding, event: Event = baseEvent) => {
  const c = compile(b)
  if (c.action === undefined) throw new Error(`does not compile: ${JSON.stringify(c.issues)}`)
  return c.action.run(makeContext(event), b)
}

/** The fields every intent of a `binding(...)` evaluated on `baseEvent` starts with. */
export const intentHeader = (handlerModule: string, action: string) => ({
  _tag: `${handlerModule}.${action}`,
  bindingId: 1,
  bindingName: 'b1',
  handlerModule,
  action,
  event: 'token_init',
  position: 'post',
})

/** The issues' codes and paths, for compact assertions. */
export const issueSummary = (issues: ReadonlyArray<Issue>) => issues.map((i) => ({ code: i.code, path: i.path }))

/** Deep-freezes a value (for "never mutates" tests). */
export const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const k of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[k])
  }
  return value
}

/** JSON round trip. */
export const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

/** A WebHook binding posting JSON to a fixed URL, with `options` over the defaults. */
export const webhookBinding = (options: Record<string, string>): Binding =>
  binding('WebHook', 'post_webhook', {
    URL: 'https://hooks.example.com/pi',
    content_type: 'application/json',
    data: '{}',
    ...options,
  })
