/**
 * Token (SPEC 4.2): behaviour the example tests leave implicit — the descriptor texts, the facts each action reads,
 * the failure and run-detail sentences, the enroll parameters per token type and the attach application options.
 */
import { describe, expect, test } from 'vitest'
import { AUDIT_FACTS, KERNEL_FACTS, requiredFactsWith } from '../../src/analysis/facts.js'
import type { Event } from '../../src/core/model.js'
import { handlerCatalogue } from '../../src/handlers/index.js'
import { tokenModule } from '../../src/handlers/token.js'
import { baseEvent, binding, compile, evaluate, noConditions, onlyIntent } from './helpers.js'
import { expectDescribed, expectFactsSuffice } from './mutants-helpers.js'

const token = (action: string, options: Record<string, string> = {}, event: Event = baseEvent) =>
  evaluate(binding('Token', action, options), event)

const params = (options: Record<string, string>, event: Event = baseEvent) =>
  onlyIntent<{ params: Record<string, unknown> }>(token('enroll', options, event)).params

const { entropy: _e, ...noEntropy } = baseEvent
const { user: _u, ...noUser } = baseEvent

describe('Token descriptor', () => {
  test('the module, each action and each option describe themselves', () => {
    expectDescribed(tokenModule)
  })
})

describe('Token facts: evaluating the event pruned to the required facts changes nothing', () => {
  test.each([
    ['disable', {}],
    ['set tokenrealm', { realm: 'r2', only_realm: 'True' }],
    ['set random pin', { length: '8' }],
    ['set description', { description: '{now}+1d {client_ip} {ua_browser} {ua_string}' }],
    ['set validity', { 'valid from': '+1h', 'valid till': '2030-01-01' }],
    ['set tokeninfo', { key: 'k', value: '{username}@{realm} {now} {client_ip}' }],
    ['set tokeninfo', { key: 'k', value: '{realm}' }],
    ['set tokeninfo', { key: 'k', value: '{username}' }],
    ['increase tokeninfo', { key: 'k', increment: '2' }],
    ['attach application', { application: 'ssh', 'machine ID': 'm', user: 'root' }],
    ['enroll', { tokentype: 'sms', user: 'True', sms_identifier: 'gw' }],
    ['enroll', { tokentype: 'email', user: 'True' }],
    ['enroll', { tokentype: 'hotp', container: 'True' }],
  ] as const)('%s %j', (action, options) => {
    const e = expectFactsSuffice(binding('Token', action, options))
    expect(e.intents).toHaveLength(1)
  })
  test('actions that read nothing of their own ask for no more than every binding needs', () => {
    const requiredFacts = requiredFactsWith({ conditions: noConditions, handlers: handlerCatalogue })
    for (const [action, options] of [
      ['delete', {}],
      ['set countwindow', {}],
      ['set validity', { 'valid from': '2026-01-01', 'valid till': '2027-01-01' }],
      ['set validity', {}],
      ['enroll', { tokentype: 'hotp' }],
      ['attach application', { application: 'ssh' }],
      ['set tokeninfo', { key: 'k', value: 'fixed' }],
      ['set description', { description: 'fixed' }],
    ] as const)
      expect([action, requiredFacts([binding('Token', action, options)], 'token_init', 'post')]).toEqual([
        action,
        [...KERNEL_FACTS, ...AUDIT_FACTS].sort(),
      ])
  })
  test('the serial list: from event.serial, else the single token', () => {
    const { serial: _s, ...tokenOnly } = baseEvent
    expect(onlyIntent(expectFactsSuffice(binding('Token', 'disable'), tokenOnly))).toMatchObject({
      serials: ['TOTP0001'],
    })
  })
  test('set random pin reads the entropy and the response detail', () => {
    const r = expectFactsSuffice(binding('Token', 'set random pin'), {
      ...baseEvent,
      response: { detail: { message: 'kept' } },
    })
    expect(r.response).toMatchObject({ detail: { message: 'kept' } })
  })
  test('the user of enroll comes with its resolver and its mobile number', () => {
    const r = expectFactsSuffice(binding('Token', 'enroll', { tokentype: 'sms', user: 'True' }))
    expect(onlyIntent(r)).toMatchObject({
      user: { login: 'alice', realm: 'realm1', resolver: 'resolver1' },
      params: { phone: '+491701234567' },
    })
  })
})

describe('Token failures and run details say what happened', () => {
  test('set random pin in pre: AttributeError naming the missing response', () => {
    const { response: _r, ...pre } = { ...baseEvent, position: 'pre' as const }
    expect(token('set random pin', {}, pre).audit[0]?.error).toEqual({
      tag: 'AttributeError',
      message: 'set random pin writes the PIN into the response, which pre handlers do not have',
    })
  })
  test('set random pin with a detail that is not an object: TypeError naming detail.pin', () => {
    expect(token('set random pin', {}, { ...baseEvent, response: { detail: [1] } }).audit[0]?.error).toEqual({
      tag: 'TypeError',
      message: "the response's detail is not an object: detail.pin cannot be set",
    })
  })
  test('set random pin keeps the rest of the response and of its detail', () => {
    const r = token('set random pin', {}, { ...baseEvent, response: { result: { status: true }, detail: { a: 1 } } })
    const pin = onlyIntent<{ pins: Array<{ pin: string }> }>(r).pins[0]?.pin
    expect(r.response).toEqual({ result: { status: true }, detail: { a: 1, pin } })
  })
  test('a response that is not an object is read as {}: only detail.pin remains', () => {
    const r = token('set random pin', {}, { ...baseEvent, response: 'not json' })
    expect(Object.keys(r.response as object)).toEqual(['detail'])
  })
  test('set random pin without entropy: the draw request, no PINs', () => {
    const r = token('set random pin', { length: '5' }, noEntropy)
    expect(onlyIntent(r)).not.toHaveProperty('pins')
  })
  test('an unreadable clock: ValueError saying the time cannot be rendered', () => {
    for (const [action, options] of [
      ['set description', { description: 'at {current_time}' }],
      ['set tokeninfo', { key: 'k', value: '{now}' }],
      ['set validity', { 'valid till': '+1d' }],
    ] as const)
      expect([action, token(action, options, { ...baseEvent, now: 'garbage' }).audit[0]?.error]).toEqual([
        action,
        { tag: 'ValueError', message: 'event.now is not a date-time: the time cannot be rendered' },
      ])
  })
  test('templates without a clock tag and fixed validity dates need no clock', () => {
    const garbage = { ...baseEvent, now: 'garbage' }
    expect(onlyIntent(token('set description', { description: 'from {client_ip}' }, garbage))).toMatchObject({
      description: 'from 10.0.0.5',
    })
    expect(onlyIntent(token('set tokeninfo', { key: 'k', value: '{username}' }, garbage))).toMatchObject({
      value: 'alice',
    })
    expect(
      onlyIntent(token('set validity', { 'valid from': '2026-01-01', 'valid till': '2027-01-01' }, garbage)),
    ).toMatchObject({ validFrom: '2026-01-01T00:00', validTill: '2027-01-01T00:00' })
  })
  test('an overflowing validity names the option and its value', () => {
    expect(token('set validity', { 'valid from': '+3000000d' }).audit[0]?.error).toEqual({
      tag: 'OverflowError',
      message:
        'valid from +3000000d lands outside the years 1 to 9999 for event.now "2026-11-29T10:00:00+01:00": date value out of range',
    })
    expect(token('set validity', { 'valid till': '+3000000d' }).audit[0]?.error?.message).toMatch(
      /^valid till \+3000000d lands outside/,
    )
    expect(token('set description', { description: 'x {now}+3000000d' }).audit[0]?.error?.message).toMatch(
      /^\{now\}\+3000000d lands outside/,
    )
  })
  test('set validity: only the dates given; both wrong is two configuration errors', () => {
    expect(onlyIntent(token('set validity', { 'valid from': '+1d' }))).not.toHaveProperty('validTill')
    expect(onlyIntent(token('set validity', { 'valid till': '+1d' }))).not.toHaveProperty('validFrom')
    expect(compile(binding('Token', 'set validity', { 'valid from': 'soon', 'valid till': 'later' })).issues).toEqual([
      {
        code: 'invalid-option',
        message:
          'valid from: "soon" is not a date; write e.g. 2016-12-23, 2016-12-23T15:30+0600, 2016/12/23, 23.12.2016 9:30 or an offset such as +7d',
        path: ['options', 'valid from'],
      },
      {
        code: 'invalid-option',
        message:
          'valid till: "later" is not a date; write e.g. 2016-12-23, 2016-12-23T15:30+0600, 2016/12/23, 23.12.2016 9:30 or an offset such as +7d',
        path: ['options', 'valid till'],
      },
    ])
    expect(
      compile(binding('Token', 'set validity', { 'valid from': '+1d', 'valid till': 'later' })).issues.map(
        (i) => i.path,
      ),
    ).toEqual([['options', 'valid till']])
  })
  test('no token serials: declined with privacyIDEA’s words for every per-token action', () => {
    const { serial: _s, token: _t, ...none } = baseEvent
    for (const a of tokenModule.actions.filter((x) => x.name !== 'enroll')) {
      const options = Object.fromEntries(
        a.options.filter((o) => o.required === true && o.default === undefined).map((o) => [o.name, 'ssh']),
      )
      const r = token(a.name, a.name === 'set random pin' ? {} : options, none)
      expect([a.name, r.intents, r.audit[0]?.info, r.audit[0]?.details]).toEqual([
        a.name,
        [],
        'b1',
        'no token serials found',
      ])
    }
  })
})

describe('Token option templates: sentences name the option', () => {
  test('an offset with another unit warns; the text stays as written', () => {
    expect(compile(binding('Token', 'set description', { description: '{now}+3y' })).action?.warnings).toEqual([
      {
        code: 'offset-unit',
        message:
          'description: the offset unit "y" after {now} is not one of s, m, h, d; the offset text stays as written',
        path: ['options', 'description'],
      },
    ])
    expect(compile(binding('Token', 'set tokeninfo', { key: 'k', value: '{now}+3y' })).action?.warnings).toEqual([
      {
        code: 'offset-unit',
        message: 'value: the offset unit "y" after {now} is not one of s, m, h, d; the offset text stays as written',
        path: ['options', 'value'],
      },
    ])
    expect(onlyIntent(token('set tokeninfo', { key: 'k', value: '{now}+3y' }))).toMatchObject({
      value: '2026-11-29 10:00:00.000000+0100+3y',
    })
  })
  test('an unknown tag lists the tags the option knows', () => {
    expect(compile(binding('Token', 'set description', { description: '{x}' })).issues.map((i) => i.message)).toEqual([
      'description: unknown tag {x}; known tags: {now}, {current_time} (with an optional offset such as +7d), {client_ip}, {ua_browser}, {ua_string}',
    ])
    expect(compile(binding('Token', 'set tokeninfo', { key: 'k', value: '{x}' })).issues.map((i) => i.message)).toEqual(
      [
        'value: unknown tag {x}; known tags: {now}, {current_time} (with an optional offset such as +7d), {client_ip}, {ua_browser}, {ua_string}, {username}, {realm}',
      ],
    )
  })
})

describe('Token enroll parameters (SPEC 4.2)', () => {
  test('no identifier key unless the identifier is given', () => {
    expect(Object.keys(params({ tokentype: 'sms', user: 'True' }))).toEqual(['type', 'genkey', 'realm', 'phone'])
    expect(Object.keys(params({ tokentype: 'email', user: 'True' }))).toEqual(['type', 'genkey', 'realm', 'email'])
  })
  test('sms: the user’s mobile number; no gateway unless given; empty when the user has none', () => {
    expect(params({ tokentype: 'sms', user: 'True' })).toEqual({
      type: 'sms',
      genkey: 1,
      realm: '',
      phone: '+491701234567',
    })
    const noMobile = { ...baseEvent, user: { login: 'alice', realm: 'realm1', resolver: 'resolver1', info: {} } }
    expect(params({ tokentype: 'sms', user: 'True' }, noMobile)).toEqual({
      type: 'sms',
      genkey: 1,
      realm: '',
      phone: '',
    })
    expect(params({ tokentype: 'sms', user: 'True', dynamic_email: 'True', smtp_identifier: 's' })).toEqual({
      type: 'sms',
      genkey: 1,
      realm: '',
      phone: '+491701234567',
    })
  })
  test('email: the user’s address, or dynamic_email; the SMTP identifier only when given', () => {
    expect(params({ tokentype: 'email', user: 'True' })).toEqual({
      type: 'email',
      genkey: 1,
      realm: '',
      email: 'alice@example.com',
    })
    expect(params({ tokentype: 'email', user: 'True', dynamic_email: 'True', smtp_identifier: 'smtp1' })).toEqual({
      type: 'email',
      genkey: 1,
      realm: '',
      dynamic_email: 1,
      'email.identifier': 'smtp1',
    })
    expect(params({ tokentype: 'email', user: 'True', dynamic_phone: 'True', sms_identifier: 'gw' })).toEqual({
      type: 'email',
      genkey: 1,
      realm: '',
      email: 'alice@example.com',
    })
  })
  test('sms with dynamic_phone and a gateway', () => {
    expect(params({ tokentype: 'sms', user: 'True', dynamic_phone: 'True', sms_identifier: 'gw' })).toEqual({
      type: 'sms',
      genkey: 1,
      realm: '',
      dynamic_phone: 1,
      'sms.identifier': 'gw',
    })
  })
  test('motp: the mOTP PIN, empty when not given; other types get no extras', () => {
    expect(params({ tokentype: 'motp', user: 'True' })).toEqual({ type: 'motp', genkey: 1, realm: '', motppin: '' })
    expect(params({ tokentype: 'motp', user: 'True', motppin: '1234' })).toMatchObject({ motppin: '1234' })
    expect(params({ tokentype: 'hotp', user: 'True', motppin: '1234', sms_identifier: 'gw' })).toEqual({
      type: 'hotp',
      genkey: 1,
      realm: '',
    })
  })
  test('extras need both the user option and a user in event', () => {
    expect(params({ tokentype: 'email', smtp_identifier: 'smtp1' })).toEqual({ type: 'email', genkey: 1, realm: '' })
    expect(params({ tokentype: 'motp', user: 'True', motppin: '1' }, noUser)).toEqual({
      type: 'motp',
      genkey: 1,
      realm: '',
    })
  })
  test('the realm option and the user target', () => {
    const i = onlyIntent(token('enroll', { tokentype: 'hotp', realm: 'realm2', user: 'True' }))
    expect(i).toMatchObject({
      params: { type: 'hotp', genkey: 1, realm: 'realm2' },
      user: { login: 'alice', realm: 'realm1', resolver: 'resolver1' },
    })
    expect(onlyIntent(token('enroll', { tokentype: 'hotp' }))).not.toHaveProperty('user')
    expect(token('enroll', { tokentype: 'hotp', user: 'True' }).audit[0]?.info).toBe('b1')
  })
  test('the container only when asked for', () => {
    const e = { ...baseEvent, request: { ...baseEvent.request, params: { container_serial: 'SMPH1' } } }
    expect(onlyIntent(token('enroll', { tokentype: 'hotp' }, e))).not.toHaveProperty('container')
  })
  test('the user extras win over additional_params of the same name', () => {
    expect(
      params({ tokentype: 'sms', user: 'True', additional_params: '{"phone": "123", "hashlib": "sha1"}' }),
    ).toEqual({ type: 'sms', genkey: 1, realm: '', phone: '+491701234567', hashlib: 'sha1' })
  })
  test('additional_params: a key named __proto__ is an ordinary parameter', () => {
    const p = params({ tokentype: 'hotp', additional_params: '{"__proto__": {"x": 1}, "otplen": 8}' })
    expect(Object.keys(p)).toEqual(['type', 'genkey', 'realm', '__proto__', 'otplen'])
    expect(Object.getPrototypeOf(p)).toBe(Object.prototype)
  })
  test('additional_params warnings say what happens; an unreadable one declines with the reason', () => {
    const list = compile(binding('Token', 'enroll', { tokentype: 'hotp', additional_params: '[1, 2]' }))
    expect(list.action?.warnings).toEqual([
      {
        code: 'invalid-additional-params',
        message: 'additional_params is not a mapping; it is ignored',
        path: ['options', 'additional_params'],
      },
    ])
    expect(params({ tokentype: 'hotp', additional_params: '[1, 2]' })).toEqual({ type: 'hotp', genkey: 1, realm: '' })
    const broken = binding('Token', 'enroll', { tokentype: 'hotp', additional_params: '{a: [1, 2}' })
    expect(compile(broken).action?.warnings).toEqual([
      {
        code: 'invalid-additional-params',
        message: 'additional_params: cannot read "a: [1, 2"; write a JSON object; the enrollment will fail',
        path: ['options', 'additional_params'],
      },
    ])
    const r = evaluate(broken)
    expect([r.intents, r.audit[0]?.info, r.audit[0]?.details]).toEqual([
      [],
      'b1',
      'additional_params: cannot read "a: [1, 2"; write a JSON object',
    ])
    expect(
      compile(binding('Token', 'enroll', { tokentype: 'hotp', additional_params: '{a: 1}' })).action?.warnings,
    ).toEqual([])
  })
})

describe('Token attach application options', () => {
  test('each application option given is passed on under its name; none given is an empty set', () => {
    const all = { count: '10', rounds: '20', slot: '1', partition: '/dev/sda2', user: 'root', service_id: 'web' }
    expect(onlyIntent(token('attach application', { application: 'luks', ...all }))).toMatchObject({
      application: 'luks',
      applicationOptions: all,
    })
    const none = onlyIntent<{ applicationOptions: object }>(token('attach application', { application: 'luks' }))
    expect(Object.keys(none.applicationOptions)).toEqual([])
    expect(none).not.toHaveProperty('machineId')
    const some = onlyIntent<{ applicationOptions: object }>(
      token('attach application', { application: 'ssh', user: 'root' }),
    )
    expect(Object.entries(some.applicationOptions)).toEqual([['user', 'root']])
  })
})
