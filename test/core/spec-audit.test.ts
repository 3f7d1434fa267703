/**
 * SPEC conformance audit of the framework (SPEC 1.2–1.7, 1.9, D15), one example per SPEC statement, through the
 * public `evaluate(event, bindings)` with the real condition and handler catalogues.
 */
import { describe, expect, test } from 'vitest'
import type { Binding, Event } from '../../src/index.js'
import { evaluate } from '../../src/index.js'

const event: Event = {
  name: 'token_init',
  position: 'post',
  now: '2026-11-29T10:00:00+01:00',
  request: { path: '/token/init', method: 'POST', params: { serial: 'TOTP0001', user: 'alice' }, clientIp: '10.0.0.5' },
  response: { result: { status: true, value: true }, detail: { serial: 'TOTP0001', message: 'enrolled' } },
  loggedIn: { role: 'admin', username: 'helpdesk', realm: 'adminrealm' },
  user: { login: 'alice', realm: 'realm1', resolver: 'resolver1', info: { givenname: 'Alice' } },
  serial: 'TOTP0001',
  token: {
    serial: 'TOTP0001',
    type: 'totp',
    realms: ['realm1'],
    resolvers: ['resolver1'],
    failcount: 0,
    maxfail: 10,
    otpCounter: 0,
    info: {},
  },
}

const pre: Event = (() => {
  const { response: _r, ...rest } = event
  return { ...rest, position: 'pre' }
})()

/** A Logging binding (fires on any event view) whose message names it. */
const log = (id: number | string, over: Partial<Binding> = {}): Binding => ({
  id,
  name: `b${String(id)}`,
  events: ['token_init'],
  handlerModule: 'Logging',
  action: 'logging',
  position: 'post',
  ordering: 0,
  active: true,
  options: { message: `m${String(id)}` },
  conditions: {},
  ...over,
})

const ids = (e: { readonly audit: ReadonlyArray<{ readonly bindingId: string | number }> }) =>
  e.audit.map((a) => a.bindingId)

describe('SPEC 1.2 selection', () => {
  test('the event name is an exact, case-sensitive member of the event list: no wildcards, prefixes or blanks', () => {
    const bindings = [
      log(1, { events: ['Token_init'] }),
      log(2, { events: ['token_*'] }),
      log(3, { events: ['token'] }),
      log(4, { events: ['token_init '] }),
      log(5, { events: ['validate_check', 'token_init'] }),
      log(6, { events: [] }),
    ]
    expect(ids(evaluate(event, bindings))).toEqual([5])
  })

  test('inactive bindings are never selected; the position must equal the phase', () => {
    const bindings = [log(1, { active: false }), log(2, { position: 'pre' }), log(3)]
    expect(ids(evaluate(event, bindings))).toEqual([3])
    expect(ids(evaluate(pre, bindings))).toEqual([2])
  })

  test('a binding listing the event twice runs once', () => {
    expect(ids(evaluate(event, [log(1, { events: ['token_init', 'token_init'] })]))).toEqual([1])
  })
})

describe('SPEC 1.3 execution order (D15)', () => {
  test('ordering ascending, negative orderings included; ties in ascending id order', () => {
    const bindings = [
      log(10, { ordering: 1 }),
      log(3, { ordering: 1 }),
      log(7, { ordering: 0 }),
      log(2, { ordering: -1 }),
    ]
    expect(ids(evaluate(event, bindings))).toEqual([2, 7, 3, 10])
  })

  test('pre bindings get no response even when the host passes one; Evaluation.response is absent', () => {
    const withResponse: Event = { ...event, position: 'pre' }
    const e = evaluate(withResponse, [
      log(1, { position: 'pre', conditions: { result_value: 'True' } }),
      log(2, { position: 'pre', options: { message: 'detail={googleurl_value}|{pin}|' } }),
    ])
    expect(ids(e)).toEqual([2])
    expect(e.intents[0]).toMatchObject({ message: 'detail=||' })
    expect('response' in e).toBe(false)
  })

  test('a post binding sees the response as earlier post handlers left it', () => {
    const e = evaluate(event, [
      {
        ...log(1),
        handlerModule: 'ResponseMangler',
        action: 'set',
        options: { 'JSON pointer': '/result/value', type: 'bool', value: 'False' },
      },
      log(2, { ordering: 1, conditions: { result_value: 'True' } }),
      log(3, { ordering: 1, conditions: { result_value: 'False' } }),
    ])
    expect(ids(e)).toEqual([1, 3])
    expect(e.response).toMatchObject({ result: { value: false } })
  })

  test('the input event is never changed by the manglers', () => {
    const copy = JSON.parse(JSON.stringify(event)) as Event
    evaluate(event, [
      { ...log(1), handlerModule: 'ResponseMangler', action: 'delete', options: { 'JSON pointer': '/detail' } },
      { ...log(2), handlerModule: 'RequestMangler', action: 'delete', options: { parameter: 'serial' } },
    ])
    expect(event).toEqual(copy)
  })
})

describe('SPEC 1.4 condition combination', () => {
  test('all conditions are ANDed: one false condition silences the binding', () => {
    const both = { tokentype: 'totp', result_value: 'True' }
    expect(ids(evaluate(event, [log(1, { conditions: both })]))).toEqual([1])
    expect(ids(evaluate(event, [log(1, { conditions: { ...both, tokentype: 'hotp' } })]))).toEqual([])
  })

  test('no conditions: the binding fires', () => {
    expect(ids(evaluate(event, [log(1, { conditions: {} })]))).toEqual([1])
  })
})

describe('SPEC 1.5 failure semantics', () => {
  test('conditions false: nothing happens and nothing is audited', () => {
    const e = evaluate(event, [log(1, { conditions: { tokentype: 'hotp' } })])
    expect(e).toMatchObject({ intents: [], audit: [] })
  })

  test('a failure writes a failure audit entry and the next binding still runs (abortOnError false)', () => {
    const e = evaluate(event, [log(1, { options: { message: '{nope}' } }), log(2, { ordering: 1 })])
    expect(e.audit.map((a) => [a.bindingId, a.success, a.info])).toEqual([
      [1, false, 'b1 (ConfigurationError)'],
      [2, true, 'b2'],
    ])
    expect(e.intents.map((i) => i.bindingId)).toEqual([2])
    expect(e.aborted).toBeUndefined()
  })

  test('abortOnError: the failure is audited, later bindings do not run, the evaluation is aborted', () => {
    const e = evaluate(event, [log(1, { options: { message: '{nope}' }, abortOnError: true }), log(2, { ordering: 1 })])
    expect(ids(e)).toEqual([1])
    expect(e.intents).toEqual([])
    expect(e.aborted).toMatchObject({ bindingId: 1 })
  })

  test('an aborting pre binding: the host must not run the API call (aborted is set in pre)', () => {
    const e = evaluate(pre, [log(1, { position: 'pre', options: { message: '{' }, abortOnError: true })])
    expect(e.aborted).toMatchObject({ bindingId: 1 })
  })

  test('a soft failure (do returns false) is audited with success false and never aborts', () => {
    const noSerial: Event = { ...event, serial: '', request: { ...event.request, params: {} } }
    const { token: _t, ...withoutToken } = noSerial
    const e = evaluate(withoutToken, [
      { ...log(1), handlerModule: 'Token', action: 'disable', options: {}, abortOnError: true },
      log(2, { ordering: 1 }),
    ])
    expect(e.audit.map((a) => [a.bindingId, a.success, a.info, a.details])).toEqual([
      [1, false, 'b1', 'no token serials found'],
      [2, true, 'b2', undefined],
    ])
    expect(e.aborted).toBeUndefined()
  })

  test('Federation aborts by default; an explicit abortOnError false keeps going', () => {
    const fed = (over: Partial<Binding>): Binding => ({
      ...log('f'),
      handlerModule: 'Federation',
      action: 'forward',
      options: {},
      ...over,
    })
    expect(evaluate(event, [fed({}), log(2, { ordering: 1 })]).aborted).toMatchObject({ bindingId: 'f' })
    const e = evaluate(event, [fed({ abortOnError: false }), log(2, { ordering: 1 })])
    expect(e.aborted).toBeUndefined()
    expect(ids(e)).toEqual(['f', 2])
  })

  test('other modules do not abort by default', () => {
    for (const handlerModule of ['Logging', 'Token', 'UserNotification', 'WebHook', 'Counter', 'Container']) {
      const e = evaluate(event, [log(1, { handlerModule, action: 'no such action' }), log(2, { ordering: 1 })])
      expect(e.aborted, handlerModule).toBeUndefined()
      expect(ids(e), handlerModule).toEqual([1, 2])
    }
  })
})

describe('SPEC 1.6 audit entries', () => {
  test('action marker, action detail as a Python dict, info = name, success', () => {
    const e = evaluate(event, [log(1, { name: 'Log it', options: { message: "it's {serial}", level: 'INFO' } })])
    expect(e.audit).toEqual([
      expect.objectContaining({
        action: 'POST-EVENT token_init>>Logging:logging',
        actionDetail: `{'message': "it's {serial}", 'level': 'INFO'}`,
        info: 'Log it',
        success: true,
        event: 'token_init',
        position: 'post',
        bindingId: 1,
      }),
    ])
  })

  test('PRE-EVENT marker in pre; an empty options map renders as {}', () => {
    const e = evaluate(pre, [log(1, { position: 'pre', options: {} })])
    expect(e.audit[0]).toMatchObject({ action: 'PRE-EVENT token_init>>Logging:logging', actionDetail: '{}' })
  })

  test('the entry carries the request audit data: serial, user, realm, token type', () => {
    const e = evaluate(event, [log(1)])
    expect(e.audit[0]).toMatchObject({ serial: 'TOTP0001', user: 'alice', realm: 'realm1', tokenType: 'totp' })
  })

  test('on failure: info "<name> (<ExceptionClassName>)" without the message, success false', () => {
    const e = evaluate(pre, [
      { ...log(1, { position: 'pre' }), handlerModule: 'Token', action: 'set random pin', options: {} },
    ])
    expect(e.audit[0]).toMatchObject({ info: 'b1 (AttributeError)', success: false })
    expect(e.audit[0]?.info).not.toContain('response')
  })

  test('info is truncated to the 500-character column', () => {
    const e = evaluate(event, [log(1, { name: 'n'.repeat(600) })])
    expect(e.audit[0]?.info).toHaveLength(500)
  })

  test('no audit entry when the conditions are false', () => {
    expect(evaluate(event, [log(1, { conditions: { result_value: 'False' } })]).audit).toEqual([])
  })
})

describe('SPEC 1.7 mutating request and response', () => {
  test('a pre RequestMangler changes Evaluation.request and what later bindings read', () => {
    const e = evaluate(pre, [
      {
        ...log(1, { position: 'pre' }),
        handlerModule: 'RequestMangler',
        action: 'set',
        options: { parameter: 'serial', value: 'HOTP0002' },
      },
      {
        ...log(2, { position: 'pre', ordering: 1 }),
        handlerModule: 'WebHook',
        action: 'post_webhook',
        options: {
          URL: 'https://h.example.com',
          content_type: 'urlencoded',
          replace: 'True',
          data: 's={token_serial}',
        },
      },
    ])
    expect(e.request.params).toMatchObject({ serial: 'HOTP0002' })
    expect(e.intents[1]).toMatchObject({ data: 's=HOTP0002' })
  })

  test('response-writing actions cannot run in pre: ResponseMangler is refused (configuration error)', () => {
    const e = evaluate(pre, [
      {
        ...log(1, { position: 'pre' }),
        handlerModule: 'ResponseMangler',
        action: 'delete',
        options: { 'JSON pointer': '/detail' },
      },
    ])
    expect(e.audit[0]).toMatchObject({ success: false, info: 'b1 (ConfigurationError)' })
    expect(e.intents).toEqual([])
  })
})

describe('SPEC 1.9 positions', () => {
  test('Federation and ResponseMangler are post only; every other module also runs in pre', () => {
    const modules: ReadonlyArray<readonly [string, string, Record<string, string>]> = [
      ['UserNotification', 'savefile', { body: 'x', filename: 'f' }],
      ['Token', 'enroll', { tokentype: 'hotp' }],
      ['Script', 'run.sh', { background: 'wait' }],
      ['Counter', 'reset_counter', { counter_name: 'c' }],
      ['RequestMangler', 'delete', { parameter: 'p' }],
      ['Logging', 'logging', {}],
      ['CustomUserAttributes', 'set_custom_user_attributes', { attrkey: 'k' }],
      ['WebHook', 'post_webhook', { URL: 'u', content_type: 'json', data: '{}' }],
      ['Container', 'create', { type: 'generic' }],
      ['Federation', 'forward', { privacyIDEA: 'remote' }],
      ['ResponseMangler', 'delete', { 'JSON pointer': '/detail' }],
    ]
    const ran = modules.map(([handlerModule, action, options], i) => {
      const e = evaluate(pre, [{ ...log(i, { position: 'pre' }), handlerModule, action, options, abortOnError: false }])
      return [handlerModule, e.audit[0]?.success] as const
    })
    expect(ran.filter(([, ok]) => ok !== true).map(([m]) => m)).toEqual(['Federation', 'ResponseMangler'])
  })
})
