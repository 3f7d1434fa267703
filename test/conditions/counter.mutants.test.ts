/** counter: what explain says (a missing counter is 0), its facts, data and warnings. */
import { describe, expect, it } from 'vitest'
import { withEvent } from './engine.js'
import { compiled, testOf, traceOf } from './trace-helpers.js'

const counters = withEvent({ counters: { myCounter: 4, c: 1 } })

describe('counter', () => {
  it('is never skipped: a missing counter reads as 0', () => {
    expect(traceOf('counter', 'missing < 3', withEvent({}))).toEqual({
      name: 'counter',
      value: 'missing < 3',
      verdict: 'pass',
      compared: { key: 'missing', actual: 0, operator: '<', expected: '3' },
      reason: '"missing" = 0 < "3" is true',
    })
    expect(testOf('counter', 'missing == 0', withEvent({}))).toBe(true)
    expect(testOf('counter', 'missing > 0', withEvent({}))).toBe(false)
    expect(testOf('counter', 'missing > -1', counters)).toBe(true)
  })
  it('explains the comparison with the counter value', () => {
    expect(traceOf('counter', 'myCounter > 3', counters)).toEqual({
      name: 'counter',
      value: 'myCounter > 3',
      verdict: 'pass',
      compared: { key: 'myCounter', actual: 4, operator: '>', expected: '3' },
      reason: '"myCounter" = 4 > "3" is true',
    })
    expect(traceOf('counter', "c 'in' 3,4", counters)).toMatchObject({
      verdict: 'fail',
      compared: { key: 'c', actual: 1, operator: 'in', expected: ['3', '4'] },
    })
  })
  it('reads counters.<name>; its data is the comparison', () => {
    const c = compiled('counter', 'myCounter > 3')
    expect(c.facts).toEqual(['counters.myCounter'])
    expect(c.data).toMatchObject({
      _tag: 'Counter',
      comparison: { _tag: 'Untyped', key: 'myCounter', op: 'gt', written: '>' },
    })
    expect(c.warnings).toEqual([])
  })
  it('has no {now}: braces in the key or the value are text, and the clock is never read', () => {
    const braces = withEvent({ counters: { '{now}': 2 } })
    expect(testOf('counter', '{now} == 2', braces)).toBe(true)
    expect(testOf('counter', '{now} > 1', braces)).toBe(true)
    expect(compiled('counter', '{now} == 2').facts).toEqual(['counters.{now}'])
    expect(compiled('counter', 'c != {now}').facts).toEqual(['counters.c'])
    expect(testOf('counter', 'c != {now}', counters)).toBe(true)
    expect(compiled('counter', 'c == {now}').data).toMatchObject({
      comparison: { operand: { _tag: 'Text', text: '{now}' } },
    })
  })
})
