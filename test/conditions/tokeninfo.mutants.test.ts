/**
 * Behaviour of the tokeninfo conditions (SPEC 3.2) that a mutation run of src/conditions/tokeninfo.ts found
 * untested: what `explain` (a condition's trace) says, the texts of evaluation errors, and which facts each reads.
 */
import { describe, expect, it } from 'vitest'
import type { Event } from '../../src/core/model.js'
import { BASE_EVENT, verdict, withoutToken, withToken } from './engine.js'
import { compiled, traceOf as traced } from './trace-helpers.js'

const info = (i: Record<string, string>, now = BASE_EVENT.now): Event => ({ ...withToken({ info: i }), now })

describe('last_auth', () => {
  it('explain: the stored date, the duration and the clock', () => {
    expect(traced('last_auth', '1h', info({ last_auth: '2016-10-10 10:10:10.000' }))).toEqual({
      name: 'last_auth',
      value: '1h',
      verdict: 'pass',
      compared: { actual: '2016-10-10 10:10:10.000', olderThan: '1h', now: BASE_EVENT.now },
      reason: 'the last authentication "2016-10-10 10:10:10.000" is older than 1h',
    })
    expect(traced('last_auth', '100y', info({ last_auth: '2016-10-10 10:10:10.000' }))).toMatchObject({
      verdict: 'fail',
      compared: { actual: '2016-10-10 10:10:10.000', olderThan: '100y', now: BASE_EVENT.now },
      reason: 'the last authentication "2016-10-10 10:10:10.000" is not older than 100y',
    })
  })
  it('explain: a missing or empty entry, and one that is not a date (D8: false)', () => {
    for (const i of [{}, { last_auth: '' }])
      expect(traced('last_auth', '1d', info(i))).toMatchObject({
        verdict: 'fail',
        compared: {},
        reason: 'the token has no last_auth entry',
      })
    expect(traced('last_auth', '1d', info({ last_auth: 'garbage' }))).toMatchObject({
      verdict: 'fail',
      compared: { actual: 'garbage' },
      reason: 'last_auth "garbage" is not a date (D8: false)',
    })
  })
  it('is skipped without a token, and says so', () => {
    expect(traced('last_auth', '1d', withoutToken())).toMatchObject({
      verdict: 'skip',
      reason: 'the event has no single token',
    })
  })
  it('exactly the duration ago is not older than the duration', () => {
    expect(verdict({ last_auth: '1d' }, info({ last_auth: '2026-11-28T10:00:00+0000' }))).toBe('skip')
    expect(verdict({ last_auth: '1d' }, info({ last_auth: '2026-11-28T09:59:59+0000' }))).toBe('fire')
  })
  it('a stored date with no valid event clock fails the evaluation; without an entry the clock is not read', () => {
    expect(traced('last_auth', '1d', info({ last_auth: '2016-10-10 10:10:10.000' }, 'later'))).toMatchObject({
      verdict: 'error',
      reason: 'last_auth: event.now "later" is not a date-time',
    })
    expect(verdict({ last_auth: '1d' }, info({ last_auth: '2016-10-10 10:10:10.000' }, 'later'))).toBe(
      'error:InvalidEventTime',
    )
    expect(verdict({ last_auth: '1d' }, info({}, 'later'))).toBe('skip')
  })
  it('the overflow error names the stored date and the duration', () => {
    expect(traced('last_auth', '8000y', info({ last_auth: '2016-10-10 10:10:10.000' }))).toMatchObject({
      verdict: 'error',
      reason:
        'last_auth: last_auth "2016-10-10 10:10:10.000" plus 8000y lands outside the years 1 to 9999: date value out of range',
    })
  })
  it('the overflow bound is the year 9999 in the stored date’s own offset', () => {
    // 9999-12-31T23:30 at UTC−01:00 is 10000-01-01T00:30 UTC: still a date for privacyIDEA, which adds the delta to
    // the stored (aware) date in its own offset
    expect(verdict({ last_auth: '1m' }, info({ last_auth: '9999-12-31T23:30:00-0100' }))).toBe('skip')
    expect(verdict({ last_auth: '31m' }, info({ last_auth: '9999-12-31T23:30:00-0100' }))).toBe('error:OverflowError')
  })
  it('reads the last_auth entry and the clock', () => {
    expect(compiled('last_auth', '1d').facts).toEqual(['token.info.last_auth', 'now'])
  })
})

describe('count_auth, count_auth_success, count_auth_fail', () => {
  it('a stored count that is not an integer names the entry and the text', () => {
    expect(traced('count_auth', '>1', info({ count_auth: 'many' }))).toMatchObject({
      verdict: 'error',
      reason: 'count_auth: tokeninfo count_auth "many" is not an integer',
    })
    expect(traced('count_auth_success', '>1', info({ count_auth_success: '1.5' }))).toMatchObject({
      verdict: 'error',
      reason: 'count_auth_success: tokeninfo count_auth_success "1.5" is not an integer',
    })
    expect(traced('count_auth_fail', '>1', info({ count_auth: 'x', count_auth_success: '1' }))).toMatchObject({
      verdict: 'error',
      reason: 'count_auth_fail: tokeninfo count_auth "x" is not an integer',
    })
    expect(traced('count_auth_fail', '>1', info({ count_auth: '5', count_auth_success: 'y' }))).toMatchObject({
      verdict: 'error',
      reason: 'count_auth_fail: tokeninfo count_auth_success "y" is not an integer',
    })
  })
  it('count_auth_success reads its own entry, not count_auth', () => {
    const counts = info({ count_auth: '100', count_auth_success: '7' })
    expect(verdict({ count_auth_success: '7' }, counts)).toBe('fire')
    expect(verdict({ count_auth_success: '100' }, counts)).toBe('skip')
    expect(verdict({ count_auth: '100' }, counts)).toBe('fire')
  })
  it('count_auth_fail is the difference, a missing entry counting 0', () => {
    expect(verdict({ count_auth_fail: '93' }, info({ count_auth: '100', count_auth_success: '7' }))).toBe('fire')
    expect(verdict({ count_auth_fail: '100' }, info({ count_auth: '100' }))).toBe('fire')
    expect(verdict({ count_auth_fail: '-7' }, info({ count_auth_success: '7' }))).toBe('fire')
  })
  it('explain: the count compared with the operand', () => {
    expect(traced('count_auth_fail', '>45', info({ count_auth: '100', count_auth_success: '50' }))).toMatchObject({
      verdict: 'pass',
      compared: { actual: 50, operator: '>', expected: 45 },
    })
  })
  it('are skipped without a token, and say so', () => {
    for (const name of ['count_auth', 'count_auth_success', 'count_auth_fail'])
      expect(traced(name, '>1', withoutToken()), name).toMatchObject({
        verdict: 'skip',
        reason: 'the event has no single token',
      })
  })
  it('read their entries', () => {
    expect(compiled('count_auth', '1').facts).toEqual(['token.info.count_auth'])
    expect(compiled('count_auth_success', '1').facts).toEqual(['token.info.count_auth_success'])
    expect(compiled('count_auth_fail', '1').facts).toEqual(['token.info.count_auth', 'token.info.count_auth_success'])
  })
})

describe('tokeninfo', () => {
  it('is skipped without a token, and says so', () => {
    expect(traced('tokeninfo', 'x == 1', withoutToken())).toMatchObject({
      verdict: 'skip',
      reason: 'the event has no single token',
    })
  })
  it('explain: the entry, its value and the comparison', () => {
    expect(traced('tokeninfo', 'myValue < 100', info({ myValue: '99' }))).toMatchObject({
      verdict: 'pass',
      compared: { key: 'myValue', actual: '99', operator: '<', expected: '100' },
    })
  })
})

describe('the typed data of each compiled condition (ConditionData)', () => {
  const gt1 = { _tag: 'IntCompare', op: 'gt', operand: 1, written: '>' }
  it.each<readonly [string, string, unknown]>([
    ['last_auth', '2h', { _tag: 'LastAuth', durationMs: 7_200_000 }],
    ['count_auth', '>1', { _tag: 'CountAuth', comparison: gt1 }],
    ['count_auth_success', '>1', { _tag: 'CountAuthSuccess', comparison: gt1 }],
    ['count_auth_fail', '>1', { _tag: 'CountAuthFail', comparison: gt1 }],
  ])('%s: %j', (name, value, data) => expect(compiled(name, value).data).toEqual(data))
  it('tokeninfo keeps the key and the comparison', () => {
    expect(compiled('tokeninfo', 'myValue < 100').data).toMatchObject({
      _tag: 'TokenInfo',
      comparison: { key: 'myValue', written: '<' },
    })
  })
})
