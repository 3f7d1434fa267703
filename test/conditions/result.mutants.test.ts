/** result_value / result_status / result_authentication: what explain says, facts and data. */
import { describe, expect, it } from 'vitest'
import { BASE_EVENT, withEvent } from './engine.js'
import { compiled, testOf, traceOf } from './trace-helpers.js'

const responding = (result: unknown) => withEvent({ response: { result } })

describe.each([
  ['result_value', 'value', 'ResultValue'],
  ['result_status', 'status', 'ResultStatus'],
] as const)('%s', (name, field, tag) => {
  it('explains the value read and the expectation', () => {
    expect(traceOf(name, 'True', responding({ [field]: true }))).toEqual({
      name,
      value: 'True',
      verdict: 'pass',
      compared: { actual: true, expected: true },
      reason: `result.${field} true reads as true, as expected (true)`,
    })
    expect(traceOf(name, 'False', responding({ [field]: 'CHALLENGE' }))).toEqual({
      name,
      value: 'False',
      verdict: 'pass',
      compared: { actual: 'CHALLENGE', expected: false },
      reason: `result.${field} "CHALLENGE" reads as false, as expected (false)`,
    })
    expect(traceOf(name, 'False', responding({ [field]: true }))).toMatchObject({
      verdict: 'fail',
      reason: `result.${field} true reads as true, not expected (false)`,
    })
  })
  it('a missing field reads as false, and explain says it is missing', () => {
    const t = traceOf(name, 'True', responding({}))
    expect(t).toMatchObject({
      verdict: 'fail',
      compared: { expected: true },
      reason: `result.${field} is missing and reads as false, not expected (true)`,
    })
    expect(t.compared.actual).toBeUndefined()
    const { response: _r, ...pre } = BASE_EVENT
    expect(testOf(name, 'False', { ...pre, position: 'pre' })).toBe(true)
    expect(testOf(name, 'True', { ...pre, position: 'pre' })).toBe(false)
  })
  it("a result that is present but not an object fails the binding, as Python's .get on it raises", () => {
    for (const [result, shown] of [
      [null, 'null'],
      ['x', '"x"'],
      [[true], '[true]'],
    ] as const) {
      const failure = {
        _tag: 'EvalFailure',
        errorTag: 'AttributeError',
        message: `${name}: response.result is not an object: ${shown}`,
      }
      expect(testOf(name, 'False', responding(result))).toEqual(failure)
      expect(testOf(name, 'True', responding(result))).toEqual(failure)
    }
  })
  it('reads only its own field', () => {
    const other = field === 'value' ? 'status' : 'value'
    expect(testOf(name, 'True', responding({ [other]: true, [field]: false }))).toBe(false)
    expect(testOf(name, 'False', responding({ [other]: true, [field]: false }))).toBe(true)
  })
  it('reads response.result.<field>; its data is the expectation', () => {
    expect(compiled(name, 'True').facts).toEqual([`response.result.${field}`])
    expect(compiled(name, 'True').data).toEqual({ _tag: tag, expected: true })
    expect(compiled(name, 'no').data).toEqual({ _tag: tag, expected: false })
  })
})

describe('result_authentication', () => {
  it('explains an equal and a different authentication', () => {
    expect(traceOf('result_authentication', 'ACCEPT')).toEqual({
      name: 'result_authentication',
      value: 'ACCEPT',
      verdict: 'pass',
      compared: { actual: 'ACCEPT', expected: 'ACCEPT' },
      reason: 'result.authentication is "ACCEPT", as expected',
    })
    expect(traceOf('result_authentication', 'REJECT')).toEqual({
      name: 'result_authentication',
      value: 'REJECT',
      verdict: 'fail',
      compared: { actual: 'ACCEPT', expected: 'REJECT' },
      reason: 'result.authentication is "ACCEPT", not expected',
    })
  })
  it('a result that is present but not an object fails the binding', () => {
    expect(testOf('result_authentication', 'ACCEPT', responding(null))).toEqual({
      _tag: 'EvalFailure',
      errorTag: 'AttributeError',
      message: 'result_authentication: response.result is not an object: null',
    })
  })
  it('a missing authentication is false, and explain says the response has none', () => {
    for (const event of [responding({ value: true }), withEvent({ response: {} })]) {
      expect(testOf('result_authentication', 'ACCEPT', event)).toBe(false)
      expect(traceOf('result_authentication', 'ACCEPT', event)).toMatchObject({
        verdict: 'fail',
        compared: { expected: 'ACCEPT' },
        reason: 'the response has no result.authentication',
      })
    }
  })
  it('reads response.result.authentication; its data is the expected text', () => {
    const c = compiled('result_authentication', 'ACCEPT')
    expect(c.facts).toEqual(['response.result.authentication'])
    expect(c.data).toEqual({ _tag: 'ResultAuthentication', expected: 'ACCEPT' })
  })
})
