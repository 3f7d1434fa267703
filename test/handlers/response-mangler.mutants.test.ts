/**
 * ResponseMangler (SPEC 4.7): behaviour the example tests leave implicit — the descriptor texts, Python's type
 * names in the failures, the run details and warnings for pointers of another length, what is kept around a change.
 */
import { describe, expect, test } from 'vitest'
import type { Event } from '../../src/core/model.js'
import {
  deleteAt,
  isJsonObject,
  pyTruthy,
  responseContent,
  responseManglerModule,
  setAt,
  typedValue,
} from '../../src/handlers/response-mangler.js'
import { baseEvent, binding, compile, evaluate, onlyIntent } from './helpers.js'
import { expectDescribed, expectFactsSuffice } from './mutants-helpers.js'

const withResponse = (response: unknown): Event => ({ ...baseEvent, response })
const set = (pointer: string, type = 'string', value = 'v') =>
  binding('ResponseMangler', 'set', { 'JSON pointer': pointer, type, value })
const del = (pointer: string) => binding('ResponseMangler', 'delete', { 'JSON pointer': pointer })

describe('ResponseMangler descriptor', () => {
  test('the module, each action and each option describe themselves', () => {
    expectDescribed(responseManglerModule)
  })
  test('both actions read only the response', () => {
    expect(expectFactsSuffice(set('/detail/message')).response).toMatchObject({ detail: { message: 'v' } })
    expect(expectFactsSuffice(del('/detail/serial')).response).not.toHaveProperty('detail.serial')
  })
})

describe('Python values', () => {
  test('truthiness: empty containers, 0, "", false and null are false', () => {
    for (const u of [null, undefined, false, 0, '', [], {}]) expect([u, pyTruthy(u)]).toEqual([u, false])
    for (const u of [true, 1, -1, '0', ' ', [0], { a: null }]) expect([u, pyTruthy(u)]).toEqual([u, true])
  })
  test('a JSON object is neither a list nor null', () => {
    expect([{}, { a: 1 }].map(isJsonObject)).toEqual([true, true])
    expect([[], null, 'x', 1, true, undefined].map(isJsonObject)).toEqual([false, false, false, false, false, false])
    expect(responseContent([1])).toEqual({})
    const content = { a: 1 }
    expect(responseContent(content)).toBe(content)
  })
  test('typed values: bool as is_true, integer as int() or the text', () => {
    expect(['True', 'true', '1', 'TRUE', 'False', '', 'yes'].map((v) => typedValue('bool', v))).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ])
    expect(typedValue('integer', '+7')).toBe(7)
    expect(typedValue('string', '7')).toBe('7')
  })
})

describe('failures name the Python type and where', () => {
  test.each([
    [true, 'bool'],
    ['x', 'str'],
    [3, 'int'],
    [[1], 'list'],
    [null, 'NoneType'],
  ])('delete through %j: TypeError', (value, name) => {
    expect(deleteAt({ a: { b: value } }, ['a', 'b', 'c'])).toEqual({
      _tag: 'EvalFailure',
      errorTag: 'TypeError',
      message: `'${name}' object does not support item deletion at /a/b`,
    })
  })
  test.each([
    [true, 'bool'],
    ['x', 'str'],
    [3, 'int'],
    [[1], 'list'],
  ])('set through %j: TypeError at the last step, AttributeError before', (value, name) => {
    expect(setAt({ a: { b: value } }, ['a', 'b', 'c'], 1)).toEqual({
      _tag: 'EvalFailure',
      errorTag: 'TypeError',
      message: `'${name}' object does not support item assignment at /a/b`,
    })
    expect(setAt({ a: value }, ['a', 'b', 'c'], 1)).toEqual({
      _tag: 'EvalFailure',
      errorTag: 'AttributeError',
      message: `'${name}' object has no attribute 'get' at /a`,
    })
    expect(setAt({ a: value }, ['a', 'b'], 1)).toMatchObject({
      errorTag: 'TypeError',
      message: expect.stringMatching(/ at \/a$/),
    })
  })
  test('the binding fails with that error', () => {
    expect(evaluate(set('/result/status/x')).audit[0]?.error).toEqual({
      tag: 'TypeError',
      message: "'bool' object does not support item assignment at /result/status",
    })
  })
})

describe('pointers of another length', () => {
  test('set: unchanged, run details say so; check warns', () => {
    for (const [pointer, n] of [
      ['/a/b/c/d', 4],
      ['//', 0],
    ] as const) {
      const r = evaluate(set(pointer))
      expect([onlyIntent(r), r.response, r.audit[0]?.info, r.audit[0]?.details]).toEqual([
        expect.objectContaining({ changed: false }),
        baseEvent.response,
        'b1',
        `JSON pointer of length ${n} not supported`,
      ])
      expect(compile(set(pointer)).action?.warnings).toEqual([
        {
          code: 'invalid-pointer',
          message: `JSON pointer has ${n} components; 1 to 3 are supported, the response stays unchanged`,
          path: ['options', 'JSON pointer'],
        },
      ])
    }
    expect(compile(del('/')).action?.warnings.map((w) => w.code)).toEqual(['invalid-pointer'])
  })
  test('1 and 3 components are fine', () => {
    for (const pointer of ['/a', '/a/b/c']) {
      expect(compile(set(pointer)).action?.warnings).toEqual([])
      expect(compile(del(pointer)).action?.warnings).toEqual([])
    }
    expect(evaluate(set('/a/b/c'), withResponse({ x: 1 })).response).toEqual({ x: 1, a: { b: { c: 'v' } } })
    expect(evaluate(set('/x'), withResponse({ x: 1, y: 2 })).response).toEqual({ x: 'v', y: 2 })
  })
  test('deleteAt and setAt refuse them with the reason', () => {
    expect(deleteAt({ a: 1 }, [])).toEqual({ _tag: 'Unchanged', reason: 'JSON pointer length of 0 not supported' })
    expect(setAt({ a: 1 }, ['a', 'b', 'c', 'd'], 1)).toEqual({
      _tag: 'Unchanged',
      reason: 'JSON pointer of length 4 not supported',
    })
  })
})

describe('what a change keeps', () => {
  test('delete at each depth keeps the siblings', () => {
    const content = { a: { b: { c: 1, d: 2 }, e: 3 }, f: 4 }
    expect(deleteAt(content, ['a', 'b', 'c'])).toEqual({
      _tag: 'Changed',
      response: { a: { b: { d: 2 }, e: 3 }, f: 4 },
    })
    expect(deleteAt(content, ['a', 'e'])).toEqual({ _tag: 'Changed', response: { a: { b: { c: 1, d: 2 } }, f: 4 } })
    expect(deleteAt(content, ['f'])).toEqual({ _tag: 'Changed', response: { a: { b: { c: 1, d: 2 }, e: 3 } } })
    expect(deleteAt(content, ['a', 'x', 'c'])).toEqual({
      _tag: 'Unchanged',
      reason: 'can not delete response JSON pointer /a/x/c',
    })
  })
  test('set through existing objects keeps their keys', () => {
    expect(setAt({ a: { b: { x: 1 }, y: 2 }, z: 3 }, ['a', 'b', 'c'], 0)).toEqual({
      _tag: 'Changed',
      response: { a: { b: { x: 1, c: 0 }, y: 2 }, z: 3 },
    })
  })
  test('a key inherited from Object.prototype is not a key of the response', () => {
    expect(deleteAt({ a: {} }, ['a', 'toString'])).toMatchObject({ _tag: 'Unchanged' })
    expect(setAt({}, ['constructor', 'x'], 1)).toEqual({ _tag: 'Changed', response: { constructor: { x: 1 } } })
  })
  test('an unchanged delete keeps the response and says why', () => {
    const r = evaluate(del('/detail/nope'))
    expect(r.response).toBe(baseEvent.response)
    expect(r.audit[0]?.success).toBe(true)
  })
})

describe('set value warnings', () => {
  test('an integer that does not convert: the warning quotes the value', () => {
    expect(compile(set('/a', 'integer', 'x1')).action?.warnings).toEqual([
      {
        code: 'invalid-integer',
        message: 'value "x1" is not an integer; it is set as a string',
        path: ['options', 'value'],
      },
    ])
  })
  test('no warning for an integer that converts, or for text that is not meant as one', () => {
    expect(compile(set('/a', 'integer', '12')).action?.warnings).toEqual([])
    expect(compile(set('/a', 'string', 'x1')).action?.warnings).toEqual([])
    expect(compile(set('/a', 'bool', 'x1')).action?.warnings).toEqual([])
  })
  test('both warnings at once', () => {
    expect(compile(set('/a/b/c/d', 'integer', 'x')).action?.warnings.map((w) => w.code)).toEqual([
      'invalid-pointer',
      'invalid-integer',
    ])
  })
})
