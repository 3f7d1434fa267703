import { test as propTest } from '@fast-check/vitest'
import type { Either as FpEither } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decodeBindings, encodeBindings } from '../../src/codec/bindings.js'
import type { DecodeErrors } from '../../src/codec/errors.js'
import { formatDecodeErrors } from '../../src/codec/errors.js'
import type { Either } from '../../src/core/either.js'
import type { Binding } from '../../src/core/model.js'
import { shapeIssues } from '../../src/core/shape.js'
import { binding, bindings } from '../arbitraries/binding.js'
import exportJson from './fixtures/privacyidea-export.json' with { type: 'json' }

const ok = <A>(r: Either<DecodeErrors, A>): A => {
  if (r._tag === 'Left') throw new Error(`expected Right, got:\n${formatDecodeErrors(r.left)}`)
  return r.right
}
const errors = <A>(r: Either<DecodeErrors, A>): DecodeErrors => {
  if (r._tag === 'Right') throw new Error(`expected Left, got ${JSON.stringify(r.right)}`)
  return r.left
}
const byId = (bs: ReadonlyArray<Binding>, id: number): Binding => {
  const b = bs.find((x) => x.id === id)
  if (b === undefined) throw new Error(`no binding ${id}`)
  return b
}

describe('a realistic privacyIDEA configuration export', () => {
  const decoded = ok(decodeBindings(exportJson))

  it('decodes every definition, across the modules, in order', () => {
    expect(decoded.map((b) => b.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    expect(new Set(decoded.map((b) => b.handlerModule)).size).toBeGreaterThanOrEqual(9)
    for (const b of decoded) expect(shapeIssues(b)).toEqual([])
  })

  it('reads a definition as privacyIDEA serialises it', () => {
    expect(byId(decoded, 1)).toStrictEqual({
      id: 1,
      name: 'notify owner on enrollment',
      events: ['token_init'],
      handlerModule: 'UserNotification',
      action: 'sendmail',
      position: 'post',
      ordering: 0,
      active: true,
      options: {
        emailconfig: 'themis',
        To: 'tokenowner',
        subject: 'A new token {serial} was enrolled',
        body: 'Hello {user},\n\nthe administrator {admin}@{realm} enrolled a token of type {tokentype} for you.\n',
        mimetype: 'plain',
      },
      conditions: { result_value: 'True', tokentype: 'hotp,totp' },
    })
  })

  it('splits a comma-string event list, trims each item and leaves out empty items', () => {
    expect(byId(decoded, 2).events).toEqual(['validate_check', 'auth'])
  })

  it('reads a null or empty position as post', () => {
    expect(byId(decoded, 2).position).toBe('post')
    expect(byId(decoded, 3).position).toBe('post')
    expect(byId(decoded, 5).position).toBe('pre')
  })

  it('parses conditions given as the JSON text of a dict', () => {
    expect(byId(decoded, 2).conditions).toStrictEqual({ result_value: 'False', failcounter: '>9' })
  })

  it("turns booleans and numbers in options into privacyIDEA's text", () => {
    expect(byId(decoded, 6).options.forward_client_ip).toBe('True')
    expect(byId(decoded, 9).options.replace).toBe('False')
    expect(byId(decoded, 11).options.days).toBe('180')
  })

  it('keeps abort_on_error when given and leaves it absent otherwise', () => {
    expect(byId(decoded, 6).abortOnError).toBe(true)
    expect(byId(decoded, 7).abortOnError).toBe(false)
    expect('abortOnError' in byId(decoded, 1)).toBe(false)
  })

  it('reads inactive definitions', () => {
    expect(byId(decoded, 3).active).toBe(false)
  })

  it('decodes the same definitions from the bare list and from the REST response', () => {
    expect(ok(decodeBindings(exportJson.event))).toStrictEqual(decoded)
    expect(
      ok(decodeBindings({ id: 1, jsonrpc: '2.0', result: { status: true, value: exportJson.event }, version: '3.14' })),
    ).toStrictEqual(decoded)
  })

  it('round-trips through encodeBindings', () => {
    const encoded = encodeBindings(decoded)
    expect(encoded[1]).toStrictEqual({
      id: 2,
      name: 'disable tokens with too many failures',
      active: true,
      event: ['validate_check', 'auth'],
      handlermodule: 'Token',
      action: 'disable',
      position: 'post',
      ordering: 10,
      options: {},
      conditions: { result_value: 'False', failcounter: '>9' },
      condition: '',
    })
    expect(ok(decodeBindings(encoded))).toStrictEqual(decoded)
    expect(ok(decodeBindings(JSON.parse(JSON.stringify({ event: encoded }))))).toStrictEqual(decoded)
  })
})

describe('the result', () => {
  it("is fp-ts's Either (the same structure as tripline's)", () => {
    const r: FpEither<DecodeErrors, ReadonlyArray<Binding>> = decodeBindings([])
    const back: Either<DecodeErrors, ReadonlyArray<Binding>> = r
    expect(back).toStrictEqual({ _tag: 'Right', right: [] })
  })
})

describe('the native shape', () => {
  const native: Binding = {
    id: 'b1',
    name: 'native',
    events: ['token_init', 'token_delete'],
    handlerModule: 'Logging',
    action: 'logging',
    position: 'pre',
    ordering: 3,
    active: false,
    abortOnError: true,
    options: { level: 'INFO' },
    conditions: { realm: 'r1' },
  }

  it('decodes a list of native bindings unchanged', () => {
    expect(ok(decodeBindings([native]))).toStrictEqual([native])
  })

  it('decodes a list that mixes both shapes, each element by its own keys', () => {
    const pi = { id: 7, event: 'auth', handlermodule: 'Token', action: 'disable' }
    expect(ok(decodeBindings([native, pi])).map((b) => b.id)).toEqual(['b1', 7])
  })
})

describe('errors', () => {
  it('reports every problem of every binding at once, with JSON paths and sentences', () => {
    const input = [
      { id: 1, name: 'ok', event: 'auth', handlermodule: 'Token', action: 'disable' },
      { id: 2, name: 3, event: 5, action: 'x', position: 'middle', conditions: { last_auth: [] } },
      'not a binding',
      { id: 4, events: ['auth', 7], handlerModule: 'Logging', action: 'logging', options: { level: 1 } },
    ]
    expect(errors(decodeBindings(input))).toStrictEqual([
      { path: [1, 'name'], message: 'expected a string, got the number 3' },
      { path: [1, 'event'], message: 'expected a list of event names or a comma-separated string, got the number 5' },
      { path: [1, 'handlermodule'], message: 'missing; expected a string' },
      { path: [1, 'position'], message: 'expected "pre" or "post", got the string "middle"' },
      {
        path: [1, 'conditions', 'last_auth'],
        message: 'expected text (a string, true, false or a number), got a list',
      },
      { path: [2], message: 'expected a binding (an object), got the string "not a binding"' },
      { path: [3, 'name'], message: 'missing; expected a string' },
      { path: [3, 'events', 1], message: 'expected a string, got the number 7' },
      {
        path: [3, 'options', 'level'],
        message: 'expected a string, got the number 1; write "1" (values are text, as in privacyIDEA)',
      },
    ])
  })

  it('renders them one per line with the path first', () => {
    const r = errors(
      decodeBindings({ event: [{ id: 1, event: 'a', handlermodule: 'm', conditions: { last_auth: {} } }] }),
    )
    expect(formatDecodeErrors(r)).toBe(
      'event[0].conditions.last_auth: expected text (a string, true, false or a number), got an object',
    )
  })

  it('gives paths into the REST response', () => {
    const r = errors(decodeBindings({ result: { status: true, value: [{ id: 1, event: 'a' }] } }))
    expect(r).toStrictEqual([{ path: ['result', 'value', 0, 'handlermodule'], message: 'missing; expected a string' }])
  })

  it.each([
    [5, 'got the number 5'],
    ['[]', 'got the string "[]"'],
    [null, 'got null'],
    [true, 'got true'],
    [{}, 'got an object with neither "event" nor "result"'],
  ])('rejects %j at the top level', (input, end) => {
    const [e, ...rest] = errors(decodeBindings(input))
    expect(rest).toEqual([])
    expect(e?.path).toEqual([])
    expect(e?.message).toMatch(/^expected a list of bindings, a privacyIDEA configuration export/)
    expect(e?.message.endsWith(end)).toBe(true)
  })

  it('says so when given a single binding instead of a list', () => {
    expect(errors(decodeBindings({ id: 1, event: 'auth', handlermodule: 'Token', action: 'disable' }))).toStrictEqual([
      { path: [], message: 'expected a list of bindings, got a single binding; put it in a list: [ ... ]' },
    ])
  })

  it('rejects an export whose "event" is not a list', () => {
    expect(errors(decodeBindings({ event: 'token_init' }))).toStrictEqual([
      { path: ['event'], message: 'expected a list of event definitions, got the string "token_init"' },
    ])
  })

  it('rejects a REST response without a list of definitions', () => {
    expect(errors(decodeBindings({ result: 'x' }))).toStrictEqual([
      { path: ['result'], message: 'expected an object with "value", got the string "x"' },
    ])
    expect(errors(decodeBindings({ result: { status: true, value: { 1: {} } } }))).toStrictEqual([
      { path: ['result', 'value'], message: 'expected a list of event definitions, got an object' },
    ])
    expect(errors(decodeBindings({ result: { status: true } }))).toStrictEqual([
      { path: ['result', 'value'], message: 'expected a list of event definitions, got nothing' },
    ])
  })

  it("reports privacyIDEA's own error response", () => {
    const response = { result: { status: false, error: { code: 303, message: 'ERR303: You do not have the rights' } } }
    expect(errors(decodeBindings(response))).toStrictEqual([
      {
        path: ['result'],
        message:
          'the privacyIDEA response reports an error: ERR303: You do not have the rights; it holds no event definitions',
      },
    ])
  })

  it('turns an input that throws when read into an error, never an exception', () => {
    const hostile = new Proxy([], {
      get: () => {
        throw new Error('boom')
      },
    })
    expect(errors(decodeBindings(hostile))).toStrictEqual([{ path: [], message: 'the input could not be read: boom' }])
  })
})

describe('decode ∘ encode', () => {
  propTest.prop([bindings()])('is the identity on tripline bindings', (bs) => {
    expect(ok(decodeBindings(encodeBindings(bs)))).toStrictEqual(bs)
  })

  propTest.prop([bindings()])('is the identity through JSON text, in the export and the REST response', (bs) => {
    const list = JSON.parse(JSON.stringify(encodeBindings(bs)))
    expect(ok(decodeBindings(list))).toStrictEqual(bs)
    expect(ok(decodeBindings({ event: list }))).toStrictEqual(bs)
    expect(ok(decodeBindings({ result: { status: true, value: list } }))).toStrictEqual(bs)
  })

  propTest.prop([bindings()])('decoding the native shape is the identity', (bs) => {
    expect(ok(decodeBindings(bs))).toStrictEqual(bs)
  })

  propTest.prop([binding])('encodes abort_on_error exactly when the binding has abortOnError', (b) => {
    const [d] = encodeBindings([b])
    expect(d === undefined ? false : 'abort_on_error' in d).toBe(b.abortOnError !== undefined)
    expect(d?.condition).toBe('')
  })
})
