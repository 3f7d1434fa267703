import { describe, expect, expectTypeOf, test } from 'vitest'
import { check } from '../../src/check.js'
import type { Event } from '../../src/core/model.js'
import { ALPHANUMERIC } from '../../src/handlers/entropy.js'
import type {
  TokenAttachApplicationIntent,
  TokenChangeFailcounterIntent,
  TokenIncreaseTokeninfoIntent,
  TokenSetCountWindowIntent,
  TokenSetFailcounterIntent,
  TokenSetMaxFailcountIntent,
} from '../../src/handlers/token.js'
import { baseEvent, binding, compile, engine, evaluate, onlyIntent } from './helpers.js'

const base = {
  bindingId: 1,
  bindingName: 'b1',
  handlerModule: 'Token',
  event: 'token_init',
  position: 'post',
  serials: ['TOTP0001'],
}
const token = (action: string, options: Record<string, string> = {}, event: Event = baseEvent) =>
  evaluate(binding('Token', action, options), event)

const { serial: _s, token: _t, ...noSerial } = baseEvent

describe('Token per-token actions (SPEC 4.2)', () => {
  test('targets: every serial of event.serial (blanks removed), else the single token', () => {
    expect(onlyIntent(token('disable', {}, { ...baseEvent, serial: 'A1, B2 ,,C3' }))).toMatchObject({
      serials: ['A1', 'B2', 'C3'],
    })
    const { serial: _x, ...tokenOnly } = baseEvent
    expect(onlyIntent(token('disable', {}, tokenOnly))).toMatchObject({ serials: ['TOTP0001'] })
  })
  test('without serials every per-token action declines: "no token serials found"', () => {
    for (const [action, options] of [
      ['delete', {}],
      ['set tokenrealm', { realm: 'r' }],
      ['set random pin', {}],
      ['set tokeninfo', { key: 'k' }],
      ['attach application', { application: 'ssh' }],
    ] as const) {
      const r = token(action, options, noSerial)
      expect([action, r.intents, r.audit[0]?.success, r.audit[0]?.info, r.audit[0]?.details]).toEqual([
        action,
        [],
        false,
        'b1',
        'no token serials found',
      ])
    }
  })
  test.each([
    ['delete', 'Token.delete'],
    ['unassign', 'Token.unassign'],
    ['disable', 'Token.disable'],
    ['enable', 'Token.enable'],
  ])('%s', (action, tag) => {
    expect(onlyIntent(token(action))).toEqual({ ...base, _tag: tag, action, options: {} })
  })
  test('set tokenrealm: add (default) or only_realm', () => {
    expect(onlyIntent(token('set tokenrealm', { realm: 'realm2' }))).toEqual({
      ...base,
      _tag: 'Token.set tokenrealm',
      action: 'set tokenrealm',
      options: { realm: 'realm2', only_realm: false },
      realm: 'realm2',
      onlyRealm: false,
    })
    expect(onlyIntent(token('set tokenrealm', { realm: 'realm2', only_realm: 'True' }))).toMatchObject({
      onlyRealm: true,
    })
  })
  test('set description renders {now}/{current_time} with offsets and request tags', () => {
    expect(
      onlyIntent(
        token('set description', { description: 'enrolled {now} via {ua_browser}, expires {current_time}+30d' }),
      ),
    ).toEqual({
      ...base,
      _tag: 'Token.set description',
      action: 'set description',
      options: { description: 'enrolled {now} via {ua_browser}, expires {current_time}+30d' },
      description: 'enrolled 2026-11-29 10:00:00.000000+0100 via firefox, expires 2026-12-29 10:00:00.000000+0100',
    })
    expect(onlyIntent(token('set description'))).toMatchObject({ description: '' })
    expect(compile(binding('Token', 'set description', { description: '{username}' })).issues).toMatchObject([
      { code: 'unknown-tag', path: ['options', 'description'] },
    ])
  })
  test('set validity: offsets from the event clock, fixed dates as stored', () => {
    expect(onlyIntent(token('set validity', { 'valid from': '+10m', 'valid till': '2016-12-23T15:30+0600' }))).toEqual({
      ...base,
      _tag: 'Token.set validity',
      action: 'set validity',
      options: { 'valid from': '+10m', 'valid till': '2016-12-23T15:30+0600' },
      validFrom: '2026-11-29T10:10+0100',
      validTill: '2016-12-23T15:30+0600',
    })
    expect(onlyIntent(token('set validity', { 'valid till': '23.12.2026 9:30' }))).toMatchObject({
      validTill: '2026-12-23T09:30',
    })
    expect(onlyIntent(token('set validity'))).not.toHaveProperty('validFrom')
    expect(compile(binding('Token', 'set validity', { 'valid from': 'tomorrow' })).issues).toMatchObject([
      { code: 'invalid-option', path: ['options', 'valid from'] },
    ])
    // privacyIDEA's int() raises on the amount of an offset with a unit: a configuration error, not "now"
    expect(compile(binding('Token', 'set validity', { 'valid till': '+xd' })).issues).toEqual([
      {
        code: 'invalid-option',
        message: 'valid till: "+xd": the offset amount "x" is not an integer; write e.g. +10m, +24h or +7d',
        path: ['options', 'valid till'],
      },
    ])
  })
  test('set countwindow: default 50 when absent; not an integer ("" included) is a configuration error', () => {
    expect(onlyIntent(token('set countwindow'))).toMatchObject({ options: { 'count window': 50 }, countWindow: 50 })
    expect(onlyIntent(token('set countwindow', { 'count window': '100' }))).toMatchObject({ countWindow: 100 })
    expect(compile(binding('Token', 'set countwindow', { 'count window': 'many' })).issues).toMatchObject([
      { code: 'invalid-option', path: ['options', 'count window'] },
    ])
    expect(compile(binding('Token', 'set countwindow', { 'count window': '' })).issues).toMatchObject([
      { code: 'invalid-option', path: ['options', 'count window'] },
    ])
  })
  test('set tokeninfo: {username}/{realm} of the user in event (D4), {now} with offset', () => {
    expect(
      onlyIntent(token('set tokeninfo', { key: 'enrolled_by', value: '{username}@{realm} {now}-1h {client_ip}' })),
    ).toEqual({
      ...base,
      _tag: 'Token.set tokeninfo',
      action: 'set tokeninfo',
      options: { key: 'enrolled_by', value: '{username}@{realm} {now}-1h {client_ip}' },
      key: 'enrolled_by',
      value: 'alice@realm1 2026-11-29 09:00:00.000000+0100 10.0.0.5',
    })
    expect(onlyIntent(token('set tokeninfo', { key: 'k' }))).toMatchObject({ value: '' })
    expect(compile(binding('Token', 'set tokeninfo', { key: 'k', value: '{serial}' })).issues).toMatchObject([
      { code: 'unknown-tag', path: ['options', 'value'] },
    ])
  })
  test('an unreadable event clock fails a clock template (ValueError)', () => {
    const r = token('set tokeninfo', { key: 'k', value: '{now}' }, { ...baseEvent, now: 'garbage' })
    expect(r.audit[0]).toMatchObject({ success: false, error: { tag: 'ValueError' } })
  })
  test('a {now} offset past the years 1 to 9999 fails the binding (OverflowError), as privacyIDEA raises', () => {
    for (const [action, options] of [
      ['set tokeninfo', { key: 'k', value: 'until {now}+99999999999d' }],
      ['set description', { description: '{now}-740000d' }],
      ['set validity', { 'valid till': '+99999999999d' }],
      ['set validity', { 'valid till': '+99999999999999999999999d' }], // beyond 2^53: still an overflow, not an error
      ['set validity', { 'valid from': '+3000000d', 'valid till': '+1d' }],
    ] as const) {
      const r = token(action, options)
      expect([action, r.intents, r.audit[0]?.success, r.audit[0]?.error?.tag]).toEqual([
        action,
        [],
        false,
        'OverflowError',
      ])
    }
    // 700,000 days back from 2026 is the year 110: still a date
    expect(onlyIntent(token('set description', { description: '{now}-700000d' }))).toMatchObject({
      description: '0110-05-18 10:00:00.000000+0100',
    })
    expect(onlyIntent(token('set validity', { 'valid till': '+2900000d' }))).toMatchObject({
      validTill: '9966-11-04T10:00+0100',
    })
  })
  test('increase tokeninfo: increment defaults to 1, may be negative, not an integer ⇒ null and a warning', () => {
    expect(onlyIntent(token('increase tokeninfo', { key: 'logins' }))).toEqual({
      ...base,
      _tag: 'Token.increase tokeninfo',
      action: 'increase tokeninfo',
      options: { key: 'logins', increment: 1 },
      key: 'logins',
      increment: 1,
    })
    expect(onlyIntent(token('increase tokeninfo', { key: 'logins', increment: '-2' }))).toMatchObject({ increment: -2 })
    expect(onlyIntent(token('increase tokeninfo', { key: 'logins', increment: 'x' }))).toMatchObject({
      increment: null,
    })
    expect(
      compile(binding('Token', 'increase tokeninfo', { key: 'k', increment: 'x' })).action?.warnings.map((w) => w.code),
    ).toEqual(['invalid-integer'])
  })
  test('delete tokeninfo', () => {
    expect(onlyIntent(token('delete tokeninfo', { key: 'k' }))).toMatchObject({
      _tag: 'Token.delete tokeninfo',
      key: 'k',
    })
  })
  test('fail counters: integers, or null with a warning (privacyIDEA only warns)', () => {
    expect(onlyIntent(token('set failcounter', { 'fail counter': '0' }))).toMatchObject({ failCounter: 0 })
    expect(onlyIntent(token('set failcounter', { 'fail counter': 'zero' }))).toMatchObject({ failCounter: null })
    expect(onlyIntent(token('set max failcount', { 'max failcount': '15' }))).toMatchObject({ maxFailcount: 15 })
    expect(onlyIntent(token('change failcounter', { 'change fail counter': '+3' }))).toMatchObject({ change: 3 })
    expect(onlyIntent(token('change failcounter', { 'change fail counter': '-1' }))).toMatchObject({ change: -1 })
    expect(onlyIntent(token('change failcounter', { 'change fail counter': '3x' }))).toMatchObject({ change: null })
  })
  test('tokengroups', () => {
    expect(onlyIntent(token('add tokengroup', { tokengroup: 'g' }))).toMatchObject({
      _tag: 'Token.add tokengroup',
      tokengroup: 'g',
    })
    expect(onlyIntent(token('remove tokengroup', { tokengroup: 'g' }))).toMatchObject({
      _tag: 'Token.remove tokengroup',
      tokengroup: 'g',
    })
  })
  test('attach application: the given application options only', () => {
    expect(
      onlyIntent(token('attach application', { application: 'offline', count: '100', 'machine ID': 'm1' })),
    ).toEqual({
      ...base,
      _tag: 'Token.attach application',
      action: 'attach application',
      options: { application: 'offline', 'machine ID': 'm1', count: '100' },
      application: 'offline',
      machineId: 'm1',
      applicationOptions: { count: '100' },
    })
    expect(
      onlyIntent(token('attach application', { application: 'ssh', user: 'root', service_id: 'web' })),
    ).toMatchObject({
      applicationOptions: { user: 'root', service_id: 'web' },
    })
  })
})

describe('Token set random pin (SPEC 4.2, D16)', () => {
  test('PINs from the entropy; the last one is written to detail.pin of the response later bindings see', () => {
    const r = token('set random pin', { length: '8' }, { ...baseEvent, serial: 'A1,B2' })
    const intent = onlyIntent<{ pins: Array<{ serial: string; pin: string }> } & Record<string, unknown>>(r)
    expect(intent).toMatchObject({
      _tag: 'Token.set random pin',
      serials: ['A1', 'B2'],
      length: 8,
      options: { length: 8 },
    })
    expect(intent.pins.map((p) => p.serial)).toEqual(['A1', 'B2'])
    for (const p of intent.pins) expect(p.pin).toMatch(/^[A-Za-z0-9]{8}$/)
    expect(intent.pins[0]?.pin).not.toBe(intent.pins[1]?.pin)
    expect((r.response as { detail: { pin: string } }).detail.pin).toBe(intent.pins[1]?.pin)
    expect(r.audit[0]?.info).toBe('b1')
    expect(JSON.stringify(r.audit)).not.toContain(intent.pins[0]?.pin as string)
  })
  test('deterministic for the same entropy and binding; different for another binding', () => {
    const a = onlyIntent(token('set random pin'))
    expect(onlyIntent(token('set random pin'))).toEqual(a)
    const other = onlyIntent(evaluate(binding('Token', 'set random pin', {}, { id: 2 })))
    expect(other).not.toEqual({ ...a, bindingId: 2 })
    expect(a).toMatchObject({ length: 6 })
  })
  test('empty length means 6; 1..31 allowed; outside is a configuration error', () => {
    expect(onlyIntent(token('set random pin', { length: '' }))).toMatchObject({ length: 6 })
    expect(onlyIntent(token('set random pin', { length: '31' }))).toMatchObject({ length: 31 })
    for (const bad of ['0', '32', 'six'])
      expect(compile(binding('Token', 'set random pin', { length: bad })).issues).toMatchObject([
        { code: 'invalid-option', path: ['options', 'length'] },
      ])
  })
  test('without entropy the host draws: no PINs, no response change, run details say so', () => {
    const { entropy: _e, ...noEntropy } = baseEvent
    const r = token('set random pin', { length: '4' }, noEntropy)
    expect(onlyIntent(r)).toEqual({
      ...base,
      _tag: 'Token.set random pin',
      action: 'set random pin',
      options: { length: 4 },
      length: 4,
      draw: { length: 4, alphabet: ALPHANUMERIC },
    })
    expect(r.response).toEqual(baseEvent.response)
    expect(r.audit[0]).toMatchObject({ info: 'b1', details: 'no entropy in the event: the host draws the PINs' })
  })
  test('in pre position it fails (no response), as privacyIDEA raises', () => {
    const { response: _r, ...pre } = { ...baseEvent, position: 'pre' as const }
    const r = token('set random pin', {}, pre)
    expect(r.audit[0]).toMatchObject({ success: false, error: { tag: 'AttributeError' } })
    expect(r.aborted).toBeUndefined()
  })
  test('a detail that is not an object fails (TypeError); a missing one is created', () => {
    expect(token('set random pin', {}, { ...baseEvent, response: { detail: 'x' } }).audit[0]).toMatchObject({
      error: { tag: 'TypeError' },
    })
    const r = token('set random pin', {}, { ...baseEvent, response: { result: { status: true } } })
    expect(Object.keys((r.response as { detail: object }).detail)).toEqual(['pin'])
  })
})

describe('Token enroll (SPEC 4.2)', () => {
  test('defaults: type, genkey, realm ""; not assigned', () => {
    expect(onlyIntent(token('enroll', { tokentype: 'hotp' }))).toEqual({
      bindingId: 1,
      bindingName: 'b1',
      handlerModule: 'Token',
      event: 'token_init',
      position: 'post',
      _tag: 'Token.enroll',
      action: 'enroll',
      options: {
        tokentype: 'hotp',
        user: false,
        realm: '',
        dynamic_phone: false,
        dynamic_email: false,
        container: false,
      },
      tokentype: 'hotp',
      params: { type: 'hotp', genkey: 1, realm: '' },
    })
  })
  test('sms for the user: the mobile number and the gateway; dynamic_phone instead of a number', () => {
    expect(
      onlyIntent(token('enroll', { tokentype: 'sms', user: 'True', realm: 'realm1', sms_identifier: 'gw' })),
    ).toMatchObject({
      params: { type: 'sms', genkey: 1, realm: 'realm1', phone: '+491701234567', 'sms.identifier': 'gw' },
      user: { login: 'alice', realm: 'realm1', resolver: 'resolver1' },
    })
    expect(onlyIntent(token('enroll', { tokentype: 'sms', user: 'True', dynamic_phone: 'True' }))).toMatchObject({
      params: { type: 'sms', genkey: 1, realm: '', dynamic_phone: 1 },
    })
  })
  test('email and motp extras', () => {
    expect(onlyIntent(token('enroll', { tokentype: 'email', user: 'True', smtp_identifier: 'smtp1' }))).toMatchObject({
      params: { email: 'alice@example.com', 'email.identifier': 'smtp1' },
    })
    expect(onlyIntent(token('enroll', { tokentype: 'email', user: 'True', dynamic_email: '1' }))).toMatchObject({
      params: { dynamic_email: 1 },
    })
    expect(onlyIntent(token('enroll', { tokentype: 'motp', user: 'True', motppin: '1234' }))).toMatchObject({
      params: { motppin: '1234' },
    })
  })
  test('user extras only with a user; without a user in event the token is not assigned (run details)', () => {
    expect(onlyIntent(token('enroll', { tokentype: 'sms', user: 'False' }))).toMatchObject({
      params: { type: 'sms', genkey: 1, realm: '' },
    })
    const { user: _u, ...noUser } = baseEvent
    const r = token('enroll', { tokentype: 'sms', user: 'True' }, noUser)
    expect(onlyIntent(r)).not.toHaveProperty('user')
    expect(r.audit[0]).toMatchObject({ info: 'b1', details: 'no user in event: the token is not assigned' })
  })
  test('additional_params: JSON or simple YAML merged, may override type and genkey', () => {
    expect(
      onlyIntent(token('enroll', { tokentype: 'hotp', additional_params: '{"hashlib": "sha256", "genkey": 0}' })),
    ).toMatchObject({
      params: { type: 'hotp', genkey: 0, realm: '', hashlib: 'sha256' },
    })
    expect(
      onlyIntent(token('enroll', { tokentype: 'hotp', additional_params: '{otplen: 8, type: totp}' })),
    ).toMatchObject({
      params: { type: 'totp', genkey: 1, realm: '', otplen: 8 },
    })
  })
  test('additional_params that is not a mapping is ignored; unreadable ones fail the enrollment (declined)', () => {
    const list = compile(binding('Token', 'enroll', { tokentype: 'hotp', additional_params: '[1, 2]' }))
    expect(list.action?.warnings.map((w) => w.code)).toEqual(['invalid-additional-params'])
    const broken = binding('Token', 'enroll', { tokentype: 'hotp', additional_params: '{a: [1, 2}' })
    expect(compile(broken).action?.warnings.map((w) => w.code)).toEqual(['invalid-additional-params'])
    expect(evaluate(broken).audit[0]).toMatchObject({ success: false })
  })
  test('container: the container the request or response names', () => {
    const e = { ...baseEvent, request: { ...baseEvent.request, params: { container_serial: 'SMPH1' } } }
    expect(onlyIntent(token('enroll', { tokentype: 'hotp', container: 'True' }, e))).toMatchObject({
      container: 'SMPH1',
    })
    const r = { ...baseEvent, response: { result: { value: { container_serial: 'SMPH2' } } } }
    expect(onlyIntent(token('enroll', { tokentype: 'hotp', container: 'True' }, r))).toMatchObject({
      container: 'SMPH2',
    })
    expect(onlyIntent(token('enroll', { tokentype: 'hotp', container: 'True' }, noSerial))).not.toHaveProperty(
      'container',
    )
  })
})

describe('Token scenarios', () => {
  test('after three failed logins (validate_check) disable the token and note when', () => {
    const bindings = [
      binding('Token', 'disable', {}, { id: 1, events: ['validate_check'] }),
      binding('Token', 'set tokeninfo', { key: 'disabled_at', value: '{now}' }, { id: 2, events: ['validate_check'] }),
    ]
    const r = engine.evaluate({ ...baseEvent, name: 'validate_check' }, bindings)
    expect(r.intents).toMatchObject([
      { _tag: 'Token.disable', serials: ['TOTP0001'] },
      { _tag: 'Token.set tokeninfo', key: 'disabled_at', value: '2026-11-29 10:00:00.000000+0100' },
    ])
  })
  test('helpdesk sets a random PIN on enrolment and the notification shows it ({pin})', () => {
    const bindings = [
      binding('Token', 'set random pin', { length: '6' }, { id: 1, ordering: 0 }),
      binding(
        'UserNotification',
        'sendmail',
        { emailconfig: 'mail', body: 'Your PIN is {pin}' },
        { id: 2, ordering: 1 },
      ),
    ]
    const r = engine.evaluate(baseEvent, bindings)
    const pin = (r.intents[0] as unknown as { pins: Array<{ pin: string }> }).pins[0]?.pin
    expect(pin).toMatch(/^[A-Za-z0-9]{6}$/)
    expect(r.intents[1]).toMatchObject({ body: `Your PIN is ${pin}` })
  })
})

describe('Token options privacyIDEA reads without raising, or with int() as stored (SPEC 4.2, D11)', () => {
  /** What one binding gives on the base event: intents, the audit entry's verdict, abort. */
  const outcome = (b: ReturnType<typeof binding>) => {
    const r = evaluate(b)
    const a = r.audit[0]
    return {
      intents: r.intents.length,
      success: a?.success,
      info: a?.info,
      details: a?.details,
      error: a?.error?.tag,
      aborted: r.aborted !== undefined,
    }
  }
  /** The outcome of an action that fires, with success, the binding name in info and a note in details. */
  const firesWithNote = (details: string) => ({
    intents: 1,
    success: true,
    info: 'b1',
    details,
    error: undefined,
    aborted: false,
  })
  const diagnostics = (b: ReturnType<typeof binding>) =>
    check([b]).map((d) => ({ code: d.code, severity: d.severity, path: d.path, message: d.message }))

  test('set countwindow "": int("") raises, so the binding fails as a configuration error; absent is 50', () => {
    const b = binding('Token', 'set countwindow', { 'count window': '' })
    expect(diagnostics(b)).toEqual([
      {
        code: 'invalid-option',
        severity: 'error',
        path: [0, 'options', 'count window'],
        message: 'set countwindow: count window: "" is not an integer',
      },
    ])
    expect(outcome(b)).toEqual({
      intents: 0,
      success: false,
      info: 'b1 (ConfigurationError)',
      details: undefined,
      error: 'ConfigurationError',
      aborted: false,
    })
    expect(outcome({ ...b, abortOnError: true })).toMatchObject({ intents: 0, success: false, aborted: true })
    expect(onlyIntent<TokenSetCountWindowIntent>(token('set countwindow', {}))).toMatchObject({
      options: { 'count window': 50 },
      countWindow: 50,
    })
  })

  test('increase tokeninfo increment "": not an integer, like "x": null, a warning, fires, details say why', () => {
    for (const increment of ['', 'x']) {
      const b = binding('Token', 'increase tokeninfo', { key: 'logins', increment })
      expect(onlyIntent<TokenIncreaseTokeninfoIntent>(evaluate(b))).toEqual({
        ...base,
        _tag: 'Token.increase tokeninfo',
        action: 'increase tokeninfo',
        options: { key: 'logins', increment: null },
        key: 'logins',
        increment: null,
      })
      expect(outcome(b)).toEqual(firesWithNote('not an integer: nothing is changed'))
      expect(diagnostics(b)).toEqual([
        {
          code: 'invalid-integer',
          severity: 'warning',
          path: [0, 'options', 'increment'],
          message: `increase tokeninfo: increment: ${JSON.stringify(increment)} is not an integer; the action will change nothing`,
        },
      ])
    }
    // Absent: the default 1, no note.
    expect(outcome(binding('Token', 'increase tokeninfo', { key: 'logins' }))).toMatchObject({
      success: true,
      details: undefined,
    })
  })

  test.each([
    ['set failcounter', 'fail counter', 'failCounter'],
    ['set max failcount', 'max failcount', 'maxFailcount'],
    ['change failcounter', 'change fail counter', 'change'],
  ] as const)(
    '%s: "" and absent are bad integers like "x": null, a warning, fires, the host changes nothing',
    (action, option, field) => {
      const fields = { ...base, _tag: `Token.${action}`, action }
      for (const value of ['', 'x']) {
        const b = binding('Token', action, { [option]: value })
        expect(onlyIntent(evaluate(b))).toEqual({ ...fields, options: { [option]: null }, [field]: null })
        expect(outcome(b)).toEqual(firesWithNote('not an integer: nothing is changed'))
        expect(diagnostics(b)).toEqual([
          {
            code: 'invalid-integer',
            severity: 'warning',
            path: [0, 'options', option],
            message: `${action}: ${option}: ${JSON.stringify(value)} is not an integer; the action will change nothing`,
          },
        ])
      }
      const absent = binding('Token', action, {})
      expect(onlyIntent(evaluate(absent))).toEqual({ ...fields, options: {}, [field]: null })
      expect(outcome(absent)).toEqual(firesWithNote('not an integer: nothing is changed'))
      expect(diagnostics(absent)).toEqual([
        {
          code: 'missing-option',
          severity: 'warning',
          path: [0, 'options', option],
          message: `${action}: option "${option}" is required; the action will change nothing`,
        },
      ])
      // A usable integer: no note, no warning.
      const good = binding('Token', action, { [option]: '4' })
      expect(onlyIntent(evaluate(good))).toMatchObject({ [field]: 4 })
      expect(outcome(good).details).toBeUndefined()
      expect(diagnostics(good)).toEqual([])
    },
  )

  test('attach application outside ssh/offline/luks, or absent: a warning; fires with application null, nothing attached', () => {
    const attach = { ...base, _tag: 'Token.attach application', action: 'attach application' }
    for (const application of ['SSH', 'foo']) {
      const b = binding('Token', 'attach application', { application, 'machine ID': 'web01', user: 'root' })
      expect(onlyIntent<TokenAttachApplicationIntent>(evaluate(b))).toEqual({
        ...attach,
        options: { application, 'machine ID': 'web01', user: 'root' },
        application: null,
        machineId: 'web01',
        applicationOptions: { user: 'root' },
      })
      expect(outcome(b)).toEqual(firesWithNote('not an application (ssh, offline, luks): nothing is attached'))
      expect(diagnostics(b)).toEqual([
        {
          code: 'invalid-option',
          severity: 'warning',
          path: [0, 'options', 'application'],
          message: `attach application: application: "${application}" is not one of "ssh", "offline", "luks"; the action will change nothing`,
        },
      ])
    }
    for (const options of [{}, { application: '' }]) {
      const b = binding('Token', 'attach application', options)
      expect(onlyIntent<TokenAttachApplicationIntent>(evaluate(b))).toEqual({
        ...attach,
        options: {},
        application: null,
        applicationOptions: {},
      })
      expect(outcome(b)).toEqual(firesWithNote('not an application (ssh, offline, luks): nothing is attached'))
      expect(diagnostics(b)).toEqual([
        {
          code: 'missing-option',
          severity: 'warning',
          path: [0, 'options', 'application'],
          message: 'attach application: option "application" is required; the action will change nothing',
        },
      ])
    }
    const ssh = binding('Token', 'attach application', { application: 'ssh' })
    expect(outcome(ssh)).toMatchObject({ success: true, details: undefined })
    expect(diagnostics(ssh)).toEqual([])
  })

  test('the typed options and fields say which values can be null or absent', () => {
    // Absent options are allowed ({} is a valid options object); present ones may be null.
    expectTypeOf<Record<string, never>>().toExtend<TokenSetFailcounterIntent['options']>()
    expectTypeOf<Record<string, never>>().toExtend<TokenSetMaxFailcountIntent['options']>()
    expectTypeOf<Record<string, never>>().toExtend<TokenChangeFailcounterIntent['options']>()
    expectTypeOf<TokenSetFailcounterIntent['options']['fail counter']>().toEqualTypeOf<number | null | undefined>()
    expectTypeOf<TokenSetMaxFailcountIntent['options']['max failcount']>().toEqualTypeOf<number | null | undefined>()
    expectTypeOf<TokenChangeFailcounterIntent['options']['change fail counter']>().toEqualTypeOf<
      number | null | undefined
    >()
    expectTypeOf<TokenSetFailcounterIntent['failCounter']>().toEqualTypeOf<number | null>()
    expectTypeOf<TokenIncreaseTokeninfoIntent['options']['increment']>().toEqualTypeOf<number | null>()
    expectTypeOf<TokenSetCountWindowIntent['options']['count window']>().toEqualTypeOf<number>()
    expectTypeOf<TokenAttachApplicationIntent['options']['application']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<TokenAttachApplicationIntent['application']>().toEqualTypeOf<'ssh' | 'offline' | 'luks' | null>()
  })
})
