/** Counter (SPEC 4.5): the value decrease_counter reads, what it reads it from, and the descriptor texts. */
import { describe, expect, test } from 'vitest'
import type { Event } from '../../src/core/model.js'
import { counterModule } from '../../src/handlers/counter.js'
import { baseEvent, binding, onlyIntent } from './helpers.js'
import { actionFacts, expectDescribed, expectFactsSuffice } from './mutants-helpers.js'

const decrease = (counter_name: string, counters?: Event['counters']) =>
  onlyIntent<{ currentValue: number }>(
    expectFactsSuffice(
      binding('Counter', 'decrease_counter', { counter_name }),
      counters === undefined ? baseEvent : { ...baseEvent, counters },
    ),
  ).currentValue

describe('Counter decrease_counter reads the summed counter value', () => {
  test('the named counter, from the event pruned to the declared facts', () => {
    expect(decrease('logins.failed', { 'logins.failed': 7, logins: 2 })).toBe(7)
    expect(decrease('logins', { 'logins.failed': 7, logins: -2 })).toBe(-2)
  })
  test('a counter the host did not resolve, or no counters at all, reads 0', () => {
    expect(decrease('logins', { other: 5 })).toBe(0)
    expect(decrease('logins')).toBe(0)
  })
  test('a value that is not a finite number reads 0 (the intent stays JSON)', () => {
    expect(decrease('a', { a: Number.NaN })).toBe(0)
    expect(decrease('a', { a: Number.POSITIVE_INFINITY })).toBe(0)
    expect(decrease('a', { a: '3' as unknown as number })).toBe(0)
  })
  test('increase and reset read no counter', () => {
    for (const action of ['increase_counter', 'reset_counter'])
      expect(
        expectFactsSuffice(binding('Counter', action, { counter_name: 'a' }), { ...baseEvent, counters: { a: 1 } })
          .intents,
      ).toHaveLength(1)
  })
})

describe('Counter: the host resolves only the counter decrease_counter reads', () => {
  test.each([
    ['increase_counter', []],
    ['decrease_counter', ['counters.logins.failed']],
    ['reset_counter', []],
  ])('%s', (action, facts) => {
    expect(actionFacts(binding('Counter', action, { counter_name: 'logins.failed' }))).toEqual(facts)
  })
})

describe('Counter descriptor', () => {
  test('the module, its actions and their options describe themselves', () => {
    expectDescribed(counterModule)
  })
})
