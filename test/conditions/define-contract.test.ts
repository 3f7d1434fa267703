/**
 * The contract of src/conditions/define.ts, through its exports: `trace` agrees with `test` and consults `skip` only
 * when the condition holds, a throwing predicate is reported as an internal error, conditions are ranked by name,
 * and the record/response readers are safe for any key. (Not `define.test.ts`: define.ts has no tests of its own in
 * the mutation runs, so it runs against every test of the folder.)
 */
import { describe, expect, it } from 'vitest'
import {
  configError,
  dataFailure,
  defineCondition,
  numberAt,
  responseAt,
  textAt,
  warning,
} from '../../src/conditions/define.js'
import { CONDITION_NAMES } from '../../src/conditions/names.js'
import type { Outcome } from '../../src/core/catalogue.js'
import { makeContext } from '../../src/core/context.js'
import { evalFailure } from '../../src/core/errors.js'
import { BASE_EVENT } from './engine.js'

const ctx = makeContext(BASE_EVENT)
const condition = (outcome: () => Outcome, skipReason?: string, name = 'tokentype') =>
  defineCondition({
    name,
    value: 'v',
    data: { _tag: 'Probe' },
    facts: ['token.type'],
    test: outcome,
    skip: () => skipReason,
    explain: (_ctx, holds) => ({ compared: { holds }, reason: holds ? 'it holds' : 'it does not hold' }),
  })

describe('defineCondition', () => {
  it('trace of a holding condition asks skip first, then explain', () => {
    expect(condition(() => true).trace(ctx)).toEqual({
      name: 'tokentype',
      value: 'v',
      verdict: 'pass',
      compared: { holds: true },
      reason: 'it holds',
    })
    expect(condition(() => true, 'no token').trace(ctx)).toEqual({
      name: 'tokentype',
      value: 'v',
      verdict: 'skip',
      compared: {},
      reason: 'no token',
    })
  })
  it('trace of a false condition never says skipped', () => {
    expect(condition(() => false, 'no token').trace(ctx)).toEqual({
      name: 'tokentype',
      value: 'v',
      verdict: 'fail',
      compared: { holds: false },
      reason: 'it does not hold',
    })
  })
  it('trace of an evaluation error gives its message', () => {
    expect(condition(() => evalFailure('ParserError', 'tokentype: bad')).trace(ctx)).toEqual({
      name: 'tokentype',
      value: 'v',
      verdict: 'error',
      compared: {},
      reason: 'tokentype: bad',
    })
  })
  it('a predicate that throws is an error in trace, never an exception', () => {
    const boom = () => {
      throw new Error('boom')
    }
    expect(condition(boom).trace(ctx)).toEqual({
      name: 'tokentype',
      value: 'v',
      verdict: 'error',
      compared: {},
      reason: 'boom',
    })
    const odd = () => {
      throw 42
    }
    expect(condition(odd).trace(ctx)).toMatchObject({ verdict: 'error', reason: '42' })
  })
  it('keeps the parts and ranks a condition by its name; an unknown name runs last', () => {
    const c = condition(() => true)
    expect(c).toMatchObject({ name: 'tokentype', value: 'v', data: { _tag: 'Probe' }, facts: ['token.type'] })
    expect(c.test(ctx)).toBe(true)
    expect(c.warnings).toEqual([])
    expect(c.rank).toBe(CONDITION_NAMES.indexOf('tokentype'))
    expect(condition(() => true, undefined, 'client_ip').rank).toBe(0)
    expect(condition(() => true, undefined, 'no_such_condition').rank).toBe(Number.MAX_SAFE_INTEGER)
    const w = warning('tokentype', 'never-true', 'x')
    expect(
      defineCondition({
        name: 'tokentype',
        value: 'v',
        data: { _tag: 'Probe' },
        facts: [],
        warnings: [w],
        test: () => true,
        skip: () => undefined,
        explain: () => ({ compared: {}, reason: '' }),
      }).warnings,
    ).toEqual([w])
  })
})

describe('issues and failures name the condition', () => {
  it('warning, configError and dataFailure prefix the condition name', () => {
    expect(warning('count_auth', 'empty-value', 'the value is empty')).toEqual({
      code: 'empty-value',
      message: 'count_auth: the value is empty',
      path: [],
    })
    expect(configError('last_auth', 'invalid-duration', '"7" has no unit')).toEqual({
      code: 'invalid-duration',
      message: 'last_auth: "7" has no unit',
      path: [],
    })
    expect(dataFailure('client_ip', 'AddrFormatError', 'bad')).toEqual({
      _tag: 'EvalFailure',
      errorTag: 'AddrFormatError',
      message: 'client_ip: bad',
    })
  })
})

describe('readers', () => {
  it('textAt reads own strings only', () => {
    expect(textAt({ a: 'x' }, 'a')).toBe('x')
    expect(textAt({ a: 'x' }, 'b')).toBeUndefined()
    expect(textAt(undefined, 'a')).toBeUndefined()
    expect(textAt({}, 'constructor')).toBeUndefined()
    expect(textAt({}, '__proto__')).toBeUndefined()
    expect(textAt({ n: 3 } as unknown as Record<string, string>, 'n')).toBeUndefined()
    expect(textAt(JSON.parse('{"__proto__":"p"}') as Record<string, string>, '__proto__')).toBe('p')
  })
  it('numberAt reads own numbers only', () => {
    expect(numberAt({ logins: 3 }, 'logins')).toBe(3)
    expect(numberAt({ logins: 0 }, 'logins')).toBe(0)
    expect(numberAt({ logins: 3 }, 'other')).toBeUndefined()
    expect(numberAt(undefined, 'logins')).toBeUndefined()
    expect(numberAt({}, 'valueOf')).toBeUndefined()
    expect(numberAt({ s: '3' } as unknown as Record<string, number>, 's')).toBeUndefined()
  })
  it("responseAt reads as Python's content.get(a, {}).get(b): missing is undefined, a step that is no object raises", () => {
    expect(responseAt('c', { result: { value: true } }, ['result', 'value'])).toBe(true)
    expect(responseAt('c', { result: { value: null } }, ['result', 'value'])).toBeNull()
    expect(responseAt('c', { result: {} }, ['result', 'value'])).toBeUndefined()
    expect(responseAt('c', {}, ['result', 'value'])).toBeUndefined()
    expect(responseAt('c', { detail: {} }, ['detail', 'error', 'message'])).toBeUndefined()
    // a body that is not a JSON object is privacyIDEA's {} (pre position, a response that is not JSON)
    for (const body of [undefined, null, 'result', 7, [{ result: { value: true } }]])
      expect(responseAt('c', body, ['result', 'value'])).toBeUndefined()
    for (const [step, shown] of [
      [null, 'null'],
      [false, 'false'],
      ['x', '"x"'],
      [[1], '[1]'],
    ] as const) {
      expect(responseAt('c', { result: step }, ['result', 'value'])).toEqual(
        evalFailure('AttributeError', `c: response.result is not an object: ${shown}`),
      )
      expect(responseAt('c', { detail: { error: step } }, ['detail', 'error', 'message'])).toEqual(
        evalFailure('AttributeError', `c: response.detail.error is not an object: ${shown}`),
      )
    }
  })
})
