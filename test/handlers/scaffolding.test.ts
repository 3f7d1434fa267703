/**
 * The scaffolding every handler module shares (src/handlers/module.ts, merge-into.ts), through the real modules:
 * unknown actions, the order of compile warnings, the common intent fields, and what a fired action passes on.
 */
import { describe, expect, test } from 'vitest'
import { makeContext } from '../../src/core/context.js'
import { MODULES } from '../../src/handlers/index.js'
import { declined, failed, fired, intentBase } from '../../src/handlers/module.js'
import { baseEvent, binding, compile, evaluate } from './helpers.js'

describe('unknown actions', () => {
  test('a name that differs only in case gets a hint; the message lists every action', () => {
    expect(compile(binding('Logging', 'Logging')).issues).toEqual([
      {
        code: 'unknown-action',
        message:
          'Logging has no action "Logging" (names are case-sensitive: did you mean "logging"?); actions: "logging"',
        path: ['action'],
      },
    ])
    expect(compile(binding('CustomUserAttributes', 'set')).issues).toEqual([
      {
        code: 'unknown-action',
        message:
          'CustomUserAttributes has no action "set"; actions: "set_custom_user_attributes", "delete_custom_user_attributes"',
        path: ['action'],
      },
    ])
  })
  test('every module but Script has a fixed list of actions', () => {
    expect(MODULES.filter((m) => m.actionNames !== 'fixed').map((m) => m.name)).toEqual(['Script'])
  })
})

describe('compiling an action', () => {
  test('option warnings come first, then the action’s own', () => {
    const c = compile(binding('CustomUserAttributes', 'set_custom_user_attributes', { extra: 'x' }))
    expect(c.action?.warnings.map((w) => w.code)).toEqual(['unknown-option', 'empty-option'])
  })
  test('an option error stops the compile: the action’s own checks do not run', () => {
    // The action's own check would warn that "To email" is empty (empty-option).
    const c = compile(binding('UserNotification', 'sendmail', { emailconfig: 'm', mimetype: 'rtf', To: 'email' }))
    expect(c.issues.map((i) => i.code)).toEqual(['invalid-option'])
    expect(c.action).toBeUndefined()
  })
  test('an action’s own compile error is the binding’s error', () => {
    expect(compile(binding('Logging', 'logging', { message: '{' })).issues.map((i) => i.code)).not.toEqual([])
  })
  test('a compiled action carries its facts', () => {
    expect(compile(binding('Counter', 'decrease_counter', { counter_name: 'c' })).action?.facts).toEqual(['counters.c'])
  })
})

describe('intents and results', () => {
  const b = binding('Counter', 'reset_counter', { counter_name: 'c' }, { id: 7, name: 'Reset' })
  test('intentBase: the tag, the binding and the event view', () => {
    expect(intentBase('Counter.reset_counter', makeContext({ ...baseEvent, position: 'pre' }), b)).toEqual({
      _tag: 'Counter.reset_counter',
      bindingId: 7,
      bindingName: 'Reset',
      handlerModule: 'Counter',
      action: 'reset_counter',
      event: 'token_init',
      position: 'pre',
    })
  })
  test('fired carries only what is given', () => {
    const intent = intentBase('Counter.reset_counter', makeContext(baseEvent), b)
    expect(fired(intent)).toEqual({ _tag: 'Intent', intent })
    expect(Object.keys(fired(intent))).toEqual(['_tag', 'intent'])
    const request = { params: { a: '1' } }
    expect(fired(intent, { details: 'd', request, response: { ok: true } })).toEqual({
      _tag: 'Intent',
      intent,
      details: 'd',
      request,
      response: { ok: true },
    })
  })
  test('declined and failed', () => {
    expect(declined('why')).toEqual({ _tag: 'Declined', details: 'why' })
    expect(failed('TypeError', 'boom')).toMatchObject({ _tag: 'EvalFailure', errorTag: 'TypeError', message: 'boom' })
  })
  test('a fired action without run details audits success with the binding name only', () => {
    const r = evaluate(b)
    expect(r.audit[0]).toMatchObject({ success: true, info: 'Reset' })
    expect(r.request).toBe(baseEvent.request)
  })
})
