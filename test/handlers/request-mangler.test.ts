import { fc, test } from '@fast-check/vitest'
import { describe, expect, expectTypeOf } from 'vitest'
import { check } from '../../src/check.js'
import type { Event } from '../../src/core/model.js'
import type { RequestSetIntent } from '../../src/handlers/request-mangler.js'
import { event as anyEvent } from '../arbitraries/event.js'
import {
  baseEvent,
  binding,
  compile,
  deepFreeze,
  engine,
  evaluate,
  intentHeader,
  onlyIntent,
  roundTrip,
} from './helpers.js'

const withParams = (params: Record<string, string>): Event => ({
  ...baseEvent,
  request: { ...baseEvent.request, params },
})

/** `set` of parameter `out` to `value`, formatted with the groups of `pattern` matched against parameter `in`. */
const setOutFromIn = (value: string, pattern: string) =>
  binding('RequestMangler', 'set', { parameter: 'out', value, match_parameter: 'in', match_pattern: pattern })

describe('RequestMangler delete (SPEC 4.6)', () => {
  test('removes the parameter from the request later bindings and Evaluation.request see', () => {
    const r = evaluate(binding('RequestMangler', 'delete', { parameter: 'realm' }))
    expect(onlyIntent(r)).toEqual({
      ...intentHeader('RequestMangler', 'delete'),
      options: { parameter: 'realm' },
      parameter: 'realm',
      removed: true,
    })
    expect(r.request.params).toEqual({ type: 'totp', user: 'alice', serial: 'TOTP0001' })
    expect(baseEvent.request.params).toHaveProperty('realm', 'realm1')
  })
  test('an absent parameter: nothing changes, still success', () => {
    const r = evaluate(binding('RequestMangler', 'delete', { parameter: 'nope' }))
    expect(onlyIntent(r)).toMatchObject({ removed: false })
    expect(r.request).toBe(baseEvent.request)
    expect(r.audit[0]?.success).toBe(true)
  })
})

describe('RequestMangler set (SPEC 4.6)', () => {
  test('without match_parameter: set the value (even "")', () => {
    const r = evaluate(binding('RequestMangler', 'set', { parameter: 'realm', value: 'realm2' }))
    expect(onlyIntent(r)).toEqual({
      ...intentHeader('RequestMangler', 'set'),
      options: { parameter: 'realm', value: 'realm2', reset_user: false },
      parameter: 'realm',
      changed: true,
      value: 'realm2',
    })
    expect(r.request.params.realm).toBe('realm2')
    expect(evaluate(binding('RequestMangler', 'set', { parameter: 'pass', value: '' })).request.params.pass).toBe('')
  })
  test('no value (absent; "" is a value): fires, nothing changes, the reason in details, check warns', () => {
    for (const extra of [{}, { match_parameter: 'user', match_pattern: '(.*)' }]) {
      const b = binding('RequestMangler', 'set', { parameter: 'realm', ...extra })
      const r = evaluate(b)
      expect(onlyIntent<RequestSetIntent>(r)).toEqual({
        ...intentHeader('RequestMangler', 'set'),
        options: { parameter: 'realm', ...extra, reset_user: false },
        parameter: 'realm',
        changed: false,
      })
      expect(r.request).toBe(baseEvent.request)
      expect(r.aborted).toBeUndefined()
      expect(r.audit[0]).toMatchObject({
        success: true,
        info: 'b1',
        details: 'no value: the parameter is not changed',
      })
      expect(r.audit[0]).not.toHaveProperty('error')
      expect(check([b]).map((d) => [d.code, d.severity, d.path, d.message])).toEqual([
        [
          'missing-option',
          'warning',
          [0, 'options', 'value'],
          'set: option "value" is required; the action will change nothing',
        ],
      ])
    }
    expectTypeOf<RequestSetIntent['options']['value']>().toEqualTypeOf<string | undefined>()
  })
  test('split user@realm with groups and reset the user', () => {
    const b = binding('RequestMangler', 'set', {
      parameter: 'realm',
      value: '{1}',
      match_parameter: 'user',
      match_pattern: '(.*)@(.*)',
      reset_user: 'True',
    })
    const b2 = binding(
      'RequestMangler',
      'set',
      { parameter: 'user', value: '{0}', match_parameter: 'user', match_pattern: '(.*)@(.*)' },
      { id: 2 },
    )
    const r = engine.evaluate(withParams({ user: 'carol@sales', pass: 'x' }), [
      { ...b, events: ['token_init'] },
      { ...b2, events: ['token_init'] },
    ])
    expect(r.intents).toMatchObject([
      { changed: true, value: 'sales', resetUser: { login: 'carol@sales', realm: 'sales' } },
      { changed: true, value: 'carol' },
    ])
    expect(r.request.params).toEqual({ user: 'carol', pass: 'x', realm: 'sales' })
  })
  test('the pattern must match the whole value (D14); no match or no match parameter: unchanged', () => {
    const b = binding('RequestMangler', 'set', {
      parameter: 'realm',
      value: 'x',
      match_parameter: 'user',
      match_pattern: 'a|b',
    })
    expect(onlyIntent(evaluate(b, withParams({ user: 'axyz' })))).toMatchObject({ changed: false })
    expect(onlyIntent(evaluate(b, withParams({ user: 'b' })))).toMatchObject({ changed: true, value: 'x' })
    expect(onlyIntent(evaluate(b, withParams({})))).toMatchObject({ changed: false })
  })
  test('{} numbers groups automatically, literal braces stay', () => {
    const b = setOutFromIn('{{{}}}-{}', '(a)?(b)')
    expect(evaluate(b, withParams({ in: 'b' })).request.params.out).toBe('{None}-b')
    expect(evaluate(b, withParams({ in: 'ab' })).request.params.out).toBe('{a}-b')
  })
  test('a group that did not take part in the match renders None, as Python formats the group None', () => {
    // '{0}-{1}'.format(*re.match('^(a)?(b)$', 'b').groups()) == 'None-b'
    const b = setOutFromIn('{0}-{1}', '(a)?(b)')
    const r = evaluate(b, withParams({ in: 'b' }))
    expect(onlyIntent(r)).toMatchObject({ changed: true, value: 'None-b' })
    expect(r.request.params.out).toBe('None-b')
    // An empty group that took part is the empty string, not None.
    const empty = setOutFromIn('[{0}]', '(a*)b')
    expect(evaluate(empty, withParams({ in: 'b' })).request.params.out).toBe('[]')
  })
  test('reset_user only for realm, username or user', () => {
    const b = binding('RequestMangler', 'set', {
      parameter: 'other',
      value: '{0}',
      match_parameter: 'user',
      match_pattern: '(.*)',
      reset_user: 'True',
    })
    expect(onlyIntent(evaluate(b))).not.toHaveProperty('resetUser')
  })
  test('too few groups: compile warning, unchanged with run details', () => {
    const b = binding('RequestMangler', 'set', {
      parameter: 'realm',
      value: '{2}',
      match_parameter: 'user',
      match_pattern: '(.*)',
    })
    expect(compile(b).action?.warnings.map((w) => w.code)).toEqual(['too-few-groups'])
    const r = evaluate(b)
    expect(onlyIntent(r)).toMatchObject({ changed: false })
    expect(r.audit[0]).toMatchObject({ info: 'b1', details: 'value needs group 2, match_pattern has 1; unchanged' })
  })
  test('configuration errors: bad regex, named tags, mixed numbering; empty pattern is a warning', () => {
    const c = (o: Record<string, string>) =>
      compile(binding('RequestMangler', 'set', { parameter: 'p', value: 'v', match_parameter: 'm', ...o }))
    expect(c({ match_pattern: '(' }).issues).toMatchObject([
      { code: 'invalid-regex', path: ['options', 'match_pattern'] },
    ])
    expect(c({ match_pattern: '(.*)', value: '{user}' }).issues).toMatchObject([
      { code: 'unknown-tag', path: ['options', 'value'] },
    ])
    expect(c({ match_pattern: '(.*)', value: '{}{0}' }).issues).toMatchObject([{ code: 'invalid-template' }])
    expect(c({ match_pattern: '' }).action?.warnings.map((w) => w.code)).toEqual(['empty-pattern'])
  })
  test('a parameter named __proto__ is an ordinary own parameter', () => {
    const r = evaluate(binding('RequestMangler', 'set', { parameter: '__proto__', value: 'x' }))
    expect(Object.hasOwn(r.request.params, '__proto__')).toBe(true)
    expect(Object.getPrototypeOf(r.request.params)).toBe(Object.prototype)
    expect(roundTrip(r.request)).toEqual(r.request)
  })
  test('scenario: pre validate_check strips a domain suffix so the call sees the bare login', () => {
    const b = binding(
      'RequestMangler',
      'set',
      { parameter: 'user', value: '{0}', match_parameter: 'user', match_pattern: '(.*)@example\\.com' },
      { events: ['validate_check'], position: 'pre' },
    )
    const { response: _r, ...pre } = {
      ...withParams({ user: 'dave@example.com', pass: '1234' }),
      name: 'validate_check',
      position: 'pre' as const,
    }
    expect(engine.evaluate(pre, [b]).request.params).toEqual({ user: 'dave', pass: '1234' })
  })
})

const manglers = fc.constantFrom(
  binding('RequestMangler', 'delete', { parameter: 'x' }),
  binding('RequestMangler', 'delete', { parameter: '__proto__' }),
  binding('RequestMangler', 'set', { parameter: 'y', value: 'v' }),
  binding('RequestMangler', 'set', {
    parameter: 'realm',
    value: '{0}',
    match_parameter: 'x',
    match_pattern: '(.*)',
    reset_user: 'True',
  }),
)

test.prop([anyEvent(), fc.array(manglers, { minLength: 1, maxLength: 4 })])(
  'request mangling never mutates the input event (deep-frozen)',
  (event, bs) => {
    const before = roundTrip(event)
    const frozen = deepFreeze(event)
    const r = engine.evaluate(
      frozen,
      bs.map((b, i) => ({ ...b, id: i, events: [event.name], position: event.position })),
    )
    expect(roundTrip(frozen)).toEqual(before)
    expect(r.intents.length).toBe(bs.length)
  },
)
