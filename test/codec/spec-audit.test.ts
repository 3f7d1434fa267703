/**
 * SPEC/DESIGN audit of the boundary: each statement of SPEC 1.1 (the binding record as privacyIDEA stores,
 * serialises and accepts it), SPEC 1.2 (exact event names) and DESIGN.md's decoders (both shapes, `Either`,
 * errors with JSON paths, `encodeBindings`, the `Event` fields), stated through the public entry.
 */
import { describe, expect, it } from 'vitest'
import { check } from '../../src/check.js'
import {
  type Binding,
  compile,
  type DecodeErrors,
  decodeBindings,
  decodeEvent,
  type Either,
  type Event,
  encodeBindings,
  evaluate,
  formatDecodeErrors,
} from '../../src/index.js'

const ok = <A>(r: Either<DecodeErrors, A>): A => {
  if (r._tag === 'Left') throw new Error(`expected Right, got:\n${formatDecodeErrors(r.left)}`)
  return r.right
}
const errors = <A>(r: Either<DecodeErrors, A>): DecodeErrors => {
  if (r._tag === 'Right') throw new Error(`expected Left, got ${JSON.stringify(r.right)}`)
  return r.left
}

/** One privacyIDEA definition, decoded through the public `decodeBindings`. */
const one = (definition: Readonly<Record<string, unknown>>): Binding => {
  const [b] = ok(decodeBindings([definition]))
  if (b === undefined) throw new Error('no binding')
  return b
}
const failing = (definition: Readonly<Record<string, unknown>>): DecodeErrors => errors(decodeBindings([definition]))

const pi = { id: 7, name: 'log', event: 'token_init', handlermodule: 'Logging', action: 'logging' } as const

const event = (name: string, position: 'pre' | 'post' = 'post'): Event => ({
  name,
  position,
  now: '2026-11-29T10:00:00+01:00',
  request: { path: '/x', method: 'POST', params: {} },
  ...(position === 'post' ? { response: { result: { status: true, value: true } } } : {}),
})

describe('SPEC 1.1 id', () => {
  it('is the identity the binding keeps through decoding, in both shapes', () => {
    expect(one(pi).id).toBe(7)
    expect(one({ ...pi, id: 'notify-1' }).id).toBe('notify-1')
  })

  it('is required, and a missing one is named by its path', () => {
    const { id: _, ...noId } = pi
    expect(failing(noId)).toStrictEqual([{ path: [0, 'id'], message: 'missing; expected a number or a string' }])
  })
})

describe('SPEC 1.1 name', () => {
  it('is nullable in the database: null and absent read as ""', () => {
    expect(one({ ...pi, name: null }).name).toBe('')
    const { name: _, ...noName } = pi
    expect(one(noName).name).toBe('')
  })

  it('is a label only: not unique, same-named duplicates decode side by side', () => {
    const bs = ok(decodeBindings([pi, { ...pi, id: 8 }]))
    expect(bs.map((b) => [b.id, b.name])).toEqual([
      [7, 'log'],
      [8, 'log'],
    ])
  })
})

describe('SPEC 1.1 event', () => {
  it('stored as one comma-separated string, read back split on "," with each item trimmed', () => {
    expect(one({ ...pi, event: 'token_init, token_delete ,validate_check' }).events).toEqual([
      'token_init',
      'token_delete',
      'validate_check',
    ])
  })

  it('read back as a list (GET /event/ shape), items trimmed', () => {
    expect(one({ ...pi, event: ['token_init', ' token_delete '] }).events).toEqual(['token_init', 'token_delete'])
  })

  it('keeps the case of every name (SPEC 1.2: membership is exact and case-sensitive)', () => {
    const b = one({ ...pi, event: 'Token_Init' })
    expect(b.events).toEqual(['Token_Init'])
    expect(evaluate(event('token_init'), [b]).intents).toEqual([])
    expect(evaluate(event('Token_Init'), [b]).intents).toHaveLength(1)
  })

  it('is required', () => {
    const { event: _, ...noEvent } = pi
    expect(failing(noEvent)).toStrictEqual([
      { path: [0, 'event'], message: 'missing; expected a list of event names or a comma-separated string' },
    ])
  })
})

describe('SPEC 1.1 handlermodule and action', () => {
  it('handlermodule is required', () => {
    const { handlermodule: _, ...noModule } = pi
    expect(failing(noModule)).toStrictEqual([{ path: [0, 'handlermodule'], message: 'missing; expected a string' }])
  })

  it('an update without action stores "": null and absent read as ""', () => {
    expect(one({ ...pi, action: null }).action).toBe('')
    const { action: _, ...noAction } = pi
    expect(one(noAction).action).toBe('')
  })

  it('an unknown module decodes (it is data) and check reports it as a configuration error', () => {
    const b = one({ ...pi, handlermodule: 'Mailer' })
    expect(check([b]).map((d) => [d.code, d.severity, d.path])).toContainEqual([
      'unknown-module',
      'error',
      [0, 'handlerModule'],
    ])
  })
})

describe('SPEC 1.1 position', () => {
  it('defaults to post; empty and NULL are read back as post', () => {
    const { position: _, ...rest } = { ...pi, position: 'x' }
    expect(one(rest).position).toBe('post')
    expect(one({ ...pi, position: null }).position).toBe('post')
    expect(one({ ...pi, position: '' }).position).toBe('post')
    expect(one({ ...pi, position: 'pre' }).position).toBe('pre')
  })

  it('is not validated against the module when decoding (the server does not); check reports it', () => {
    const b = one({ ...pi, handlermodule: 'ResponseMangler', action: 'delete', position: 'pre' })
    expect(b.position).toBe('pre')
    expect(check([b]).map((d) => d.code)).toContain('position-not-allowed')
  })

  it('anything other than pre or post is an error naming the field', () => {
    expect(failing({ ...pi, position: 'before' })).toStrictEqual([
      { path: [0, 'position'], message: 'expected "pre" or "post", got the string "before"' },
    ])
  })
})

describe('SPEC 1.1 ordering', () => {
  it('defaults to 0; negative values are kept (docs say ≥0, not enforced)', () => {
    expect(one(pi).ordering).toBe(0)
    expect(one({ ...pi, ordering: -3 }).ordering).toBe(-3)
  })

  it('is an integer column: a NULL reads as its default 0, the text of an integer as that integer', () => {
    expect(one({ ...pi, ordering: null }).ordering).toBe(0)
    expect(one({ ...pi, ordering: '5' }).ordering).toBe(5)
    expect(one({ ...pi, ordering: ' -2 ' }).ordering).toBe(-2)
    expect(one({ ...pi, ordering: '-0' }).ordering).toBe(0)
    expect(Object.is(one({ ...pi, ordering: '-0' }).ordering, 0)).toBe(true)
  })

  it('other text is an error naming the field', () => {
    for (const ordering of ['first', '1.5', '', '99999999999999999999'])
      expect(failing({ ...pi, ordering })).toStrictEqual([
        {
          path: [0, 'ordering'],
          message: `expected a finite number or the text of an integer, got the string ${JSON.stringify(ordering)}`,
        },
      ])
    expect(failing({ ...pi, ordering: true })[0]?.path).toEqual([0, 'ordering'])
  })

  it('orders the decoded bindings in ascending order (SPEC 1.2/1.3)', () => {
    const bs = ok(
      decodeBindings([
        { ...pi, id: 1, name: 'late', ordering: '10' },
        { ...pi, id: 2, name: 'early', ordering: 2 },
      ]),
    )
    expect(evaluate(event('token_init'), bs).audit.map((a) => a.bindingId)).toEqual([2, 1])
  })
})

describe('SPEC 1.1 active', () => {
  it('defaults to true', () => {
    expect(one(pi).active).toBe(true)
  })

  it('a NULL active is falsy in privacyIDEA: never selected', () => {
    const b = one({ ...pi, active: null })
    expect(b.active).toBe(false)
    expect(evaluate(event('token_init'), [b]).audit).toEqual([])
  })

  it('reads a boolean column as a database dump or a form writes it: 1/0, "True"/"False", "1"/"0"', () => {
    for (const active of [true, 1, 'True', 'true', 'TRUE', '1']) expect(one({ ...pi, active }).active).toBe(true)
    for (const active of [false, 0, 'False', 'false', '0']) expect(one({ ...pi, active }).active).toBe(false)
  })

  it('anything else is an error naming the field', () => {
    for (const active of ['yes', 2, [], {}])
      expect(failing({ ...pi, active })[0]?.path, JSON.stringify(active)).toEqual([0, 'active'])
    expect(failing({ ...pi, active: 'yes' })[0]?.message).toBe(
      'expected true or false (or 1, 0, "True", "False"), got the string "yes"',
    )
  })
})

describe('SPEC 1.1 abort_on_error', () => {
  it('not given: the module default applies (Federation true, all others false)', () => {
    const rules = compile(
      ok(
        decodeBindings([
          pi,
          { ...pi, id: 8, handlermodule: 'Federation', action: 'forward', options: { realm: 'r', remote_realm: 'r' } },
          { ...pi, id: 9, abort_on_error: null },
        ]),
      ),
    )
    expect(rules.bindings.map((cb) => cb.abortOnError)).toEqual([false, true, false])
    expect(rules.bindings.map((cb) => 'abortOnError' in cb.binding)).toEqual([false, false, false])
  })

  it('given: kept, also when it overrides the Federation default; spelled like active', () => {
    expect(one({ ...pi, abort_on_error: true }).abortOnError).toBe(true)
    expect(one({ ...pi, abort_on_error: 'True' }).abortOnError).toBe(true)
    expect(one({ ...pi, abort_on_error: 0 }).abortOnError).toBe(false)
    const fed = one({ ...pi, handlermodule: 'Federation', action: 'forward', abort_on_error: false })
    expect(compile([fed]).bindings[0]?.abortOnError).toBe(false)
  })

  it('a bad value is an error naming the field', () => {
    expect(failing({ ...pi, abort_on_error: 'maybe' })[0]?.path).toEqual([0, 'abort_on_error'])
  })
})

describe('SPEC 1.1 options', () => {
  it('every value is stored as text: booleans become "True"/"False", numbers their decimal text', () => {
    expect(one({ ...pi, options: { a: true, b: false, c: 3 } }).options).toStrictEqual({
      a: 'True',
      b: 'False',
      c: '3',
    })
  })

  it('API form field option.<key> is the option <key>', () => {
    const b = one({ ...pi, 'option.level': 'WARN', 'option.name': 'audit', 'option.flag': true })
    expect(b.options).toStrictEqual({ level: 'WARN', name: 'audit', flag: 'True' })
  })

  it('form fields merge with an options map; the same option twice with different values is an error', () => {
    expect(one({ ...pi, options: { level: 'INFO', name: 'a' }, 'option.level': 'INFO' }).options).toStrictEqual({
      level: 'INFO',
      name: 'a',
    })
    expect(failing({ ...pi, options: { level: 'INFO' }, 'option.level': 'ERROR' })).toStrictEqual([
      {
        path: [0, 'option.level'],
        message: 'the option "level" is given twice with different values: "INFO" in options and "ERROR" here',
      },
    ])
  })

  it('a form field without a name, with a reserved name or a bad value is an error naming the field', () => {
    expect(failing({ ...pi, 'option.': 'x' })[0]?.path).toEqual([0, 'option.'])
    expect(failing({ ...pi, 'option.__proto__': 'x' })[0]?.path).toEqual([0, 'option.__proto__'])
    expect(failing({ ...pi, 'option.level': null })).toStrictEqual([
      { path: [0, 'option.level'], message: 'expected text (a string, true, false or a number), got null' },
    ])
  })

  it("reads the rows of privacyIDEA's option table: [{ Key, Value }], other columns ignored", () => {
    const rows = [
      { id: 1, eventhandler_id: 7, Key: 'level', Value: 'WARN', Type: '', Description: '' },
      { key: 'name', value: 'audit' },
      { Key: 'flag', Value: false },
    ]
    expect(one({ ...pi, options: rows }).options).toStrictEqual({ level: 'WARN', name: 'audit', flag: 'False' })
    expect(one({ ...pi, options: [] }).options).toStrictEqual({})
  })

  it('a bad row is an error naming the row and the column', () => {
    const es = failing({
      ...pi,
      options: [
        { Key: 'level', Value: 'A' },
        'x',
        { Value: 'v' },
        { Key: '' },
        { Key: 'level', Value: 'B' },
        { Key: 'n' },
      ],
    })
    expect(es.map((e) => e.path)).toEqual([
      [0, 'options', 1],
      [0, 'options', 2],
      [0, 'options', 3, 'Key'],
      [0, 'options', 4, 'Key'],
      [0, 'options', 5],
    ])
    expect(es[3]?.message).toBe('the option "level" is also in row 0; privacyIDEA keeps one value per option')
    expect(es[4]?.message).toBe('missing "Value": the row of the option "n" has no value')
  })

  it('null means none', () => {
    expect(one({ ...pi, options: null }).options).toStrictEqual({})
  })
})

describe('SPEC 1.1 conditions', () => {
  it('the API accepts a dict or a JSON string of a dict', () => {
    expect(one({ ...pi, conditions: { realm: 'r1' } }).conditions).toStrictEqual({ realm: 'r1' })
    expect(one({ ...pi, conditions: '{"realm": "r1", "result_value": true}' }).conditions).toStrictEqual({
      realm: 'r1',
      result_value: 'True',
    })
  })

  it('anything else is an error (privacyIDEA answers 400), naming the field', () => {
    for (const conditions of ['realm=r1', '[]', '"realm"', 5, true])
      expect(failing({ ...pi, conditions })[0]?.path, JSON.stringify(conditions)).toEqual([0, 'conditions'])
  })

  it("reads the rows of privacyIDEA's condition table", () => {
    const rows = [
      { Key: 'realm', Value: 'r1', comparator: 'equals' },
      { Key: 'failcounter', Value: 5 },
    ]
    expect(one({ ...pi, conditions: rows }).conditions).toStrictEqual({ realm: 'r1', failcounter: '5' })
    expect(failing({ ...pi, conditions: [{ Key: 'constructor', Value: 'x' }] })).toStrictEqual([
      {
        path: [0, 'conditions', 0, 'Key'],
        message:
          '"constructor" cannot be a condition name: JavaScript reserves it (it could reach Object.prototype), and privacyIDEA has no condition of that name',
      },
    ])
  })

  it('unknown condition names decode (they are stored); check reports them (D10)', () => {
    const b = one({ ...pi, conditions: { realmm: 'r1' } })
    expect(b.conditions).toStrictEqual({ realmm: 'r1' })
    const [d] = check([b])
    expect([d?.code, d?.severity, d?.path]).toEqual(['unknown-condition', 'error', [0, 'conditions', 'realmm']])
  })
})

describe('SPEC 1.1 condition (legacy)', () => {
  it('is always "" and unused: ignored', () => {
    expect(one({ ...pi, condition: '' })).toStrictEqual(one(pi))
    expect('condition' in one({ ...pi, condition: '' })).toBe(false)
  })
})

describe('DESIGN decodeBindings', () => {
  it("accepts privacyIDEA's export envelope, the REST response and a bare list, native and privacyIDEA items", () => {
    const native: Binding = {
      id: 7,
      name: 'log',
      events: ['token_init'],
      handlerModule: 'Logging',
      action: 'logging',
      position: 'post',
      ordering: 0,
      active: true,
      options: {},
      conditions: {},
    }
    expect(ok(decodeBindings({ event: [pi] }))).toStrictEqual([native])
    expect(ok(decodeBindings({ result: { status: true, value: [pi] } }))).toStrictEqual([native])
    expect(ok(decodeBindings([native, pi]))).toStrictEqual([native, native])
  })

  it('returns Either: errors are data with a JSON path and a sentence, never an exception', () => {
    const es = errors(decodeBindings({ event: [pi, { ...pi, conditions: { last_auth: 5, realm: [] } }] }))
    expect(es).toStrictEqual([
      {
        path: ['event', 1, 'conditions', 'realm'],
        message: 'expected text (a string, true, false or a number), got a list',
      },
    ])
    expect(formatDecodeErrors(es)).toBe(
      'event[1].conditions.realm: expected text (a string, true, false or a number), got a list',
    )
  })

  it('reports every problem at once, across bindings', () => {
    const es = errors(decodeBindings([{ ...pi, position: 'x' }, { id: 2 }]))
    expect(es.map((e) => e.path)).toEqual([
      [0, 'position'],
      [1, 'event'],
      [1, 'handlermodule'],
    ])
  })
})

describe('DESIGN encodeBindings', () => {
  it("writes privacyIDEA's shape back, which decodes to the same bindings", () => {
    const bs = ok(decodeBindings([{ ...pi, abort_on_error: true, options: { level: 'INFO' } }]))
    const encoded = encodeBindings(bs)
    expect(encoded).toStrictEqual([
      {
        id: 7,
        name: 'log',
        active: true,
        event: ['token_init'],
        handlermodule: 'Logging',
        action: 'logging',
        position: 'post',
        ordering: 0,
        abort_on_error: true,
        options: { level: 'INFO' },
        conditions: {},
        condition: '',
      },
    ])
    expect(ok(decodeBindings(JSON.parse(JSON.stringify(encoded))))).toStrictEqual(bs)
  })
})

describe('DESIGN decodeEvent', () => {
  const full: Event = {
    name: 'validate_check',
    position: 'post',
    now: '2026-11-29T10:00:00+01:00',
    entropy: '00ff',
    baseUrl: 'https://pi.example.com',
    request: {
      path: '/validate/check',
      method: 'POST',
      params: { user: 'alice' },
      clientIp: '10.0.0.1',
      userAgent: 'curl',
      browser: 'x',
    },
    response: { result: { status: true, value: false }, detail: { serial: 'T1' } },
    loggedIn: { role: 'admin', username: 'root', realm: 'admins' },
    user: {
      login: 'alice',
      realm: 'r1',
      resolver: 'ldap',
      info: { email: 'a@example.com' },
      tokenCount: 2,
      containerCount: 0,
      hasLockedToken: false,
    },
    serial: 'T1,T2',
    token: {
      serial: 'T1',
      type: 'totp',
      realms: ['r1'],
      resolvers: ['ldap'],
      owner: { login: 'alice', realm: 'r1', resolver: 'ldap', exists: true },
      active: true,
      failcount: 1,
      maxfail: 10,
      otpCounter: 5,
      description: 'd',
      rolloutState: 'enrolled',
      inContainer: false,
      info: { last_auth: '2026-11-28 10:00:00.000000+0100' },
    },
    container: {
      serial: 'C1',
      type: 'generic',
      states: ['active'],
      owners: [{ login: 'alice', realm: 'r1', resolver: 'ldap' }],
      realms: ['r1'],
      tokenCount: 1,
      info: {},
      lastAuthentication: '2026-11-28T10:00:00Z',
      lastSynchronization: '2026-11-28T10:00:00Z',
    },
    challenges: [{ session: 's', createdAt: '2026-11-29T09:59:00Z', expiresAt: '2026-11-29T10:01:00Z' }],
    counters: { fails: 3 },
  }

  it('decodes every field of the DESIGN Event unchanged', () => {
    expect(ok(decodeEvent(full))).toStrictEqual(full)
  })

  it('needs only name, position, now and request.params; absent fields stay absent', () => {
    const minimal = { name: 'auth', position: 'pre', now: '2026-11-29T10:00:00Z', request: { params: {} } }
    expect(ok(decodeEvent(minimal))).toStrictEqual(minimal)
  })

  it('names the JSON path and the reason of every wrong field', () => {
    const es = errors(
      decodeEvent({
        ...full,
        position: 'during',
        loggedIn: { role: 'superuser', username: 'root' },
        token: { ...full.token, failcount: '1' },
        counters: { fails: 'many' },
      }),
    )
    expect(es.map((e) => e.path)).toEqual([
      ['position'],
      ['loggedIn', 'role'],
      ['token', 'failcount'],
      ['counters', 'fails'],
    ])
    expect(es[1]?.message).toBe('expected "admin" or "user", got the string "superuser"')
  })

  it('returns an error, never throws, for input that is no event', () => {
    for (const u of [null, undefined, 5, 'event', [], {}]) expect(decodeEvent(u)._tag).toBe('Left')
  })
})
