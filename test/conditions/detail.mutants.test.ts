/** detail_message / detail_error_message: what explain says, the exact evaluation errors, facts and data. */
import { describe, expect, it } from 'vitest'
import { withEvent } from './engine.js'
import { compiled, testOf, traceOf } from './trace-helpers.js'

const detail = (d: unknown) => withEvent({ response: { result: { status: true, value: true }, detail: d } })

describe.each([
  ['detail_message', 'detail.message', (m: unknown) => detail({ message: m })],
  ['detail_error_message', 'detail.error.message', (m: unknown) => detail({ error: { message: m } })],
] as const)('%s', (name, path, withMessage) => {
  it('explains a match and a mismatch, searching anywhere', () => {
    expect(traceOf(name, 'special', withMessage('very special'))).toMatchObject({
      verdict: 'pass',
      compared: { actual: 'very special', pattern: 'special' },
      reason: `"special" matches in ${path} "very special"`,
    })
    expect(traceOf(name, '^special', withMessage('very special'))).toMatchObject({
      verdict: 'fail',
      compared: { actual: 'very special', pattern: '^special' },
      reason: `"^special" does not match in ${path} "very special"`,
    })
  })
  it('is never skipped: a missing message is searched as ""', () => {
    for (const event of [
      withMessage(undefined),
      detail({}),
      withEvent({ response: {} }),
      withEvent({ response: 'x' }),
    ]) {
      expect(testOf(name, '^$', event)).toBe(true)
      expect(testOf(name, '.', event)).toBe(false)
      expect(traceOf(name, '.', event)).toMatchObject({ verdict: 'fail', compared: { actual: '' } })
    }
  })
  it('a message that is not text is a TypeError naming the path and the value', () => {
    for (const [m, shown] of [
      [null, 'null'],
      [42, '42'],
      [[1], '[1]'],
      [{ a: 'b' }, '{"a":"b"}'],
      [false, 'false'],
    ] as const)
      expect(testOf(name, 'x', withMessage(m))).toEqual({
        _tag: 'EvalFailure',
        errorTag: 'TypeError',
        message: `${name}: response.${path} is not text: ${shown}`,
      })
  })
  it("a step of the path that is present but not an object is an AttributeError, as Python's .get on it", () => {
    for (const [d, shown] of [
      [null, 'null'],
      ['x', '"x"'],
      [[{ message: 'x' }], '[{"message":"x"}]'],
    ] as const)
      expect(testOf(name, 'x', detail(d))).toEqual({
        _tag: 'EvalFailure',
        errorTag: 'AttributeError',
        message: `${name}: response.detail is not an object: ${shown}`,
      })
    expect(testOf('detail_error_message', 'x', detail({ error: null }))).toEqual({
      _tag: 'EvalFailure',
      errorTag: 'AttributeError',
      message: 'detail_error_message: response.detail.error is not an object: null',
    })
  })
  it('reads the response path; its data is the pattern searched', () => {
    const c = compiled(name, 'exist$')
    expect(c.facts).toEqual([`response.${path}`])
    expect(c.data).toMatchObject({ pattern: 'exist$', mode: 'search' })
  })
})

describe('the two detail conditions read different messages', () => {
  it('detail_message does not read detail.error.message, nor the other way round', () => {
    const e = detail({ message: 'top', error: { message: 'inner' } })
    expect(testOf('detail_message', 'top', e)).toBe(true)
    expect(testOf('detail_message', 'inner', e)).toBe(false)
    expect(testOf('detail_error_message', 'inner', e)).toBe(true)
    expect(testOf('detail_error_message', 'top', e)).toBe(false)
    expect(compiled('detail_message', 'x').data._tag).toBe('DetailMessage')
    expect(compiled('detail_error_message', 'x').data._tag).toBe('DetailErrorMessage')
  })
})
