import { describe, expect, test } from 'vitest'
import { baseEvent, binding, compile, engine, evaluate, issueSummary, onlyIntent } from './helpers.js'

const base = {
  bindingId: 1,
  bindingName: 'b1',
  handlerModule: 'Counter',
  event: 'token_init',
  position: 'post',
}

describe('Counter (SPEC 4.5)', () => {
  test('increase_counter', () => {
    expect(onlyIntent(evaluate(binding('Counter', 'increase_counter', { counter_name: 'logins' })))).toEqual({
      ...base,
      _tag: 'Counter.increase_counter',
      action: 'increase_counter',
      options: { counter_name: 'logins' },
      counterName: 'logins',
    })
  })
  test('decrease_counter with its default (no negative values) and the current summed value', () => {
    const e = { ...baseEvent, counters: { logins: 3 } }
    expect(onlyIntent(evaluate(binding('Counter', 'decrease_counter', { counter_name: 'logins' }), e))).toEqual({
      ...base,
      _tag: 'Counter.decrease_counter',
      action: 'decrease_counter',
      options: { counter_name: 'logins', allow_negative_values: false },
      counterName: 'logins',
      allowNegative: false,
      currentValue: 3,
    })
    const negative = onlyIntent(
      evaluate(binding('Counter', 'decrease_counter', { counter_name: 'other', allow_negative_values: 'True' }), e),
    )
    expect(negative).toMatchObject({ allowNegative: true, currentValue: 0 })
  })
  test('reset_counter', () => {
    expect(onlyIntent(evaluate(binding('Counter', 'reset_counter', { counter_name: 'logins' })))).toMatchObject({
      _tag: 'Counter.reset_counter',
      counterName: 'logins',
    })
  })
  test('counter_name is required', () => {
    for (const a of ['increase_counter', 'decrease_counter', 'reset_counter'])
      expect(issueSummary(compile(binding('Counter', a)).issues)).toEqual([
        { code: 'missing-option', path: ['options', 'counter_name'] },
      ])
  })
  test('a counter named __proto__ reads no prototype', () => {
    const e = { ...baseEvent, counters: {} }
    expect(
      onlyIntent(evaluate(binding('Counter', 'decrease_counter', { counter_name: '__proto__' }), e)),
    ).toMatchObject({
      currentValue: 0,
    })
  })

  test('scenario: every failed validate_check counts, a successful one resets the counter', () => {
    const bindings = [
      binding('Counter', 'increase_counter', { counter_name: 'fails' }, { id: 1, events: ['validate_check'] }),
      binding(
        'Counter',
        'reset_counter',
        { counter_name: 'fails' },
        { id: 2, events: ['validate_check'], active: false },
      ),
    ]
    const event = { ...baseEvent, name: 'validate_check', counters: { fails: 4 } }
    const r = engine.evaluate(event, bindings)
    expect(r.intents.map((i) => i._tag)).toEqual(['Counter.increase_counter'])
    expect(r.audit.map((a) => [a.action, a.info, a.actionDetail])).toEqual([
      ['POST-EVENT validate_check>>Counter:increase_counter', 'b1', "{'counter_name': 'fails'}"],
    ])
  })
})
