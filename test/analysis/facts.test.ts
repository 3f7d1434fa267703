import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { AUDIT_FACTS, factSegments, KERNEL_FACTS, prune, requiredFactsWith } from '../../src/analysis/facts.js'
import { compileWith } from '../../src/core/compile.js'
import { createEngine } from '../../src/core/engine.js'
import type { Event } from '../../src/core/model.js'
import { fixtureBindings, fixtureEvent } from './arbitraries.js'
import { binding, fixtureCatalogue } from './fixture-catalogue.js'

const requiredFacts = requiredFactsWith(fixtureCatalogue)
const engine = createEngine(fixtureCatalogue)

const event: Event = {
  name: 'validate_check',
  position: 'post',
  now: '2026-11-29T10:00:00+00:00',
  entropy: 'abcd',
  baseUrl: 'https://pi',
  request: { path: '/validate/check', params: { user: 'alice' }, clientIp: '10.0.0.1' },
  response: { result: { status: true, value: true } },
  loggedIn: { role: 'admin', username: 'admin' },
  user: { login: 'alice', realm: 'r1', resolver: 'res', info: { givenname: 'Alice', email: 'a@x' }, tokenCount: 2 },
  serial: 'OATH0001',
  token: {
    serial: 'OATH0001',
    type: 'hotp',
    realms: ['r1'],
    resolvers: ['res'],
    failcount: 3,
    maxfail: 10,
    otpCounter: 5,
    info: { last_auth: '2026-01-01', count_auth: '4', other: 'x' },
  },
  counters: { fails: 3, 'logins.failed': 9, other: 1 },
  challenges: [],
}

describe('factSegments', () => {
  it('splits on dots, keeping record keys whole', () => {
    expect(factSegments('token.info.last_auth')).toEqual(['token', 'info', 'last_auth'])
    expect(factSegments('counters.logins.failed')).toEqual(['counters', 'logins.failed'])
    expect(factSegments('request.params.a.b')).toEqual(['request', 'params', 'a.b'])
    expect(factSegments('user.info')).toEqual(['user', 'info'])
    expect(factSegments('token')).toEqual(['token'])
  })
})

describe('requiredFacts', () => {
  it('is the kernel facts alone when nothing is selected', () => {
    expect(requiredFacts([binding({ id: 1, events: ['token_init'] })], 'validate_check', 'post')).toEqual(
      [...KERNEL_FACTS].sort(),
    )
    expect(requiredFacts([binding({ id: 1, active: false })], 'validate_check', 'post')).toEqual(
      [...KERNEL_FACTS].sort(),
    )
    expect(requiredFacts([binding({ id: 1 })], 'validate_check', 'pre')).toEqual([...KERNEL_FACTS].sort())
  })

  it("unites the selected bindings' condition and action facts with the kernel and audit facts", () => {
    const facts = requiredFacts(
      [
        binding({
          id: 1,
          conditions: { tokeninfo: 'last_auth > 3', counter: 'logins.failed > 3', user_token_number: '>1' },
        }),
        binding({
          id: 2,
          handlerModule: 'UserNotification',
          action: 'sendmail',
          options: { emailconfig: 'm', body: '{givenname}' },
        }),
        binding({ id: 3, events: ['token_init'], conditions: { failcounter: '>1' } }),
      ],
      'validate_check',
      'post',
    )
    expect(facts).toEqual(
      [
        ...KERNEL_FACTS,
        ...AUDIT_FACTS,
        'token.info.last_auth',
        'counters.logins.failed',
        'user.tokenCount',
        'user.info.email',
        'user.info.givenname',
      ].sort(),
    )
    expect(facts).not.toContain('token.failcount')
  })

  it('drops facts a shorter one covers', () => {
    const facts = requiredFacts(
      [binding({ id: 1, conditions: { token_has_owner: 'True' }, options: { message: '{client_ip}' } })],
      'validate_check',
      'post',
    )
    expect(facts).toContain('request')
    expect(facts).not.toContain('request.clientIp')
    expect(facts).toContain('token.owner')
  })

  it('is cached per rule set, event name and position', () => {
    const bindings = [binding({ id: 1, conditions: { failcounter: '>1' } })]
    const a = requiredFacts(bindings, 'validate_check', 'post')
    expect(requiredFacts(bindings, 'validate_check', 'post')).toBe(a)
    const rules = compileWith(fixtureCatalogue, bindings)
    expect(requiredFacts(rules, 'validate_check', 'post')).toEqual(a)
  })
})

describe('prune', () => {
  it('keeps only the planned fields, and the required ones', () => {
    expect(prune(event, ['token.info.last_auth', 'counters.logins.failed', 'user.login'])).toEqual({
      name: 'validate_check',
      position: 'post',
      now: '2026-11-29T10:00:00+00:00',
      request: event.request,
      token: { info: { last_auth: '2026-01-01' } },
      counters: { 'logins.failed': 9 },
      user: { login: 'alice' },
    })
  })

  it('keeps whole subtrees and ignores paths that are not there', () => {
    const p = prune(event, ['token', 'container.states', 'user.info.nope'])
    expect(p.token).toBe(event.token)
    expect(p.container).toBeUndefined()
    expect(p.user).toEqual({ info: {} })
  })

  it('never touches the prototype, whatever the key', () => {
    const hostile = JSON.parse(
      '{"name":"x","position":"post","now":"n","request":{"params":{}},"counters":{"__proto__":{"polluted":1},"constructor":2}}',
    ) as Event
    const p = prune(hostile, ['counters.__proto__', 'counters.constructor', 'counters.toString'])
    expect(Object.keys(p.counters ?? {})).toEqual(['__proto__', 'constructor'])
    expect(Object.getPrototypeOf(p.counters)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('does not mutate the event', () => {
    const copy = structuredClone(event)
    prune(event, ['token.info.count_auth'])
    expect(event).toEqual(copy)
  })
})

describe('the facts law', () => {
  test.prop([fixtureEvent, fixtureBindings], { numRuns: 300 })(
    'evaluating with every field outside the plan removed gives the same evaluation',
    (ev, bindings) => {
      const plan = requiredFacts(bindings, ev.name, ev.position)
      expect(engine.evaluate(prune(ev, plan), bindings)).toEqual(engine.evaluate(ev, bindings))
    },
  )

  test.prop([fixtureEvent, fixtureBindings, fc.constantFrom('token.info', 'user', 'counters', 'serial')], {
    numRuns: 200,
  })('the plan is not trivially everything: a field no binding reads may go', (ev, bindings, field) => {
    const plan = requiredFacts(bindings, ev.name, ev.position)
    const p = prune(ev, plan)
    const covered = plan.some((f) => f === field || field.startsWith(`${f}.`) || f.startsWith(`${field}.`))
    if (!covered)
      expect(
        field.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], p),
      ).toBeUndefined()
  })
})
