import { describe, expect, it } from 'vitest'
import { compileCondition } from '../../src/conditions/index.js'
import { verdict, withoutToken, withToken } from './engine.js'

const info = (i: Record<string, string>) => withToken({ info: i })

describe('last_auth', () => {
  it.each([
    ['1h', '2016-10-10 10:10:10.000', 'fire'],
    ['100y', '2016-10-10 10:10:10.000', 'skip'],
    ['1d', '2026-11-20 10:00:00.5+0100', 'fire'],
    ['10d', '2026-11-20 10:00:00.5+0100', 'skip'],
    ['1d', '2026-11-28T10:00+0000', 'skip'],
    ['1d', '2026-11-28T09:59:59.999999+0000', 'fire'],
    ['1d', 'garbage', 'skip'],
    ['1d', '', 'skip'],
  ])('%j with last_auth %j → %s', (value, stored, expected) =>
    expect(verdict({ last_auth: value }, info({ last_auth: stored }))).toBe(expected),
  )

  it('a delta that carries the stored date past the year 9999 fails the binding (privacyIDEA: OverflowError)', () => {
    expect(verdict({ last_auth: '8000y' }, info({ last_auth: '2016-10-10 10:10:10.000' }))).toBe('error:OverflowError')
    expect(verdict({ last_auth: '2950000d' }, info({ last_auth: '2026-11-20 10:00:00.5+0100' }))).toBe(
      'error:OverflowError',
    )
    // 7000 years from 2016 is the year 8994: a date, just not a past one
    expect(verdict({ last_auth: '7000y' }, info({ last_auth: '2016-10-10 10:10:10.000' }))).toBe('skip')
    expect(verdict({ last_auth: '-2000y' }, info({ last_auth: '2016-10-10 10:10:10.000' }))).toBe('fire')
    expect(verdict({ last_auth: '-3000y' }, info({ last_auth: '2016-10-10 10:10:10.000' }))).toBe('error:OverflowError')
  })

  it('missing last_auth ⇒ false; no token ⇒ skipped', () => {
    expect(verdict({ last_auth: '7d' }, info({}))).toBe('skip')
    expect(verdict({ last_auth: '7d' }, withoutToken())).toBe('fire')
  })

  it.each([
    ['7', 'last_auth: "7" has no unit; use s, m, h, d or y'],
    ['7w', 'last_auth: "7w" has an unknown unit "w"; use s, m, h, d or y'],
    ['', 'last_auth: "" is empty; write a number and a unit, e.g. 7d (use s, m, h, d or y)'],
  ])('%j is a configuration error: %s', (value, message) => {
    expect(compileCondition('last_auth', value)).toEqual({
      _tag: 'Left',
      left: [{ code: 'invalid-duration', message, path: [] }],
    })
    expect(verdict({ last_auth: value })).toBe('error:ConfigurationError')
  })
})

describe('count_auth, count_auth_success, count_auth_fail', () => {
  const counts = info({ count_auth: '100', count_auth_success: '50' })
  it('compare the counts (default 0)', () => {
    expect(verdict({ count_auth: '<100' }, info({}))).toBe('fire')
    expect(verdict({ count_auth: '>99' }, counts)).toBe('fire')
    expect(verdict({ count_auth_success: '>45' }, counts)).toBe('fire')
    expect(verdict({ count_auth_fail: '>45' }, counts)).toBe('fire')
    expect(verdict({ count_auth_fail: '=50' }, counts)).toBe('fire')
    expect(verdict({ count_auth_fail: '<45' }, counts)).toBe('skip')
    expect(verdict({ count_auth_fail: '0' }, info({}))).toBe('fire')
  })
  it('a stored count that is not an integer fails the binding', () => {
    expect(verdict({ count_auth: '>1' }, info({ count_auth: 'many' }))).toBe('error:ValueError')
  })
  it('counts beyond 2^53 − 1 compare exactly, as Python’s int does', () => {
    const big = info({ count_auth: '99999999999999999999' })
    expect(verdict({ count_auth: '==99999999999999999999' }, big)).toBe('fire')
    expect(verdict({ count_auth: '==100000000000000000000' }, big)).toBe('skip')
    expect(verdict({ count_auth: '>9007199254740993' }, big)).toBe('fire')
    const near = info({ count_auth: '9007199254740993', count_auth_success: '9007199254740992' })
    expect(verdict({ count_auth_fail: '1' }, near)).toBe('fire')
    expect(verdict({ count_auth_fail: '0' }, near)).toBe('skip')
    expect(verdict({ count_auth: '9007199254740993' }, near)).toBe('fire')
    expect(verdict({ count_auth: '9007199254740992' }, near)).toBe('skip')
    const wide = info({ count_auth: '9007199254740991', count_auth_success: '-9007199254740991' })
    expect(verdict({ count_auth_fail: '18014398509481982' }, wide)).toBe('fire')
    expect(verdict({ count_auth_fail: '18014398509481981' }, wide)).toBe('skip')
    const back = info({ count_auth: '9007199254740995', count_auth_success: '9007199254740990' })
    expect(verdict({ count_auth_fail: '5' }, back)).toBe('fire')
  })
})

describe('tokeninfo', () => {
  it.each([
    ['myValue<100', { myValue: '99' }, 'fire'],
    ['myValue==Hallo', { myValue: 'Hallo' }, 'fire'],
    ['myValue == {{literal}}', { myValue: '{literal}' }, 'fire'],
    ['myDate < {now}', { myDate: '2017-01-01T10:00+0200' }, 'fire'],
    ['myDate > {now}-2h', { myDate: '2026-11-29T11:00+0000' }, 'fire'],
    ['myDate > {now} - 2h', { myDate: '2026-11-29T08:30+0000' }, 'fire'],
    ['myDate > {now} - 2h', { myDate: '2026-11-29T07:30+0000' }, 'skip'],
    ['myDate > {current_time}-2h', { myDate: '2026-11-29T08:30+0000' }, 'fire'],
    ['myDate > {current_time}-2h', { myDate: '2026-11-29T08:30+0100' }, 'skip'],
    ['myDate < 2030-01-01', { myDate: '2017-01-01T10:00+0200' }, 'fire'],
    ["d 'date_within_last' 7d", { d: '2026-11-25T10:00+0000' }, 'fire'],
    ['missing == x', {}, 'skip'],
  ])('%j with %j → %s', (value, i, expected) => expect(verdict({ tokeninfo: value }, info(i))).toBe(expected))

  it('is skipped without a token', () => {
    expect(verdict({ tokeninfo: 'x == {other}' }, withoutToken())).toBe('error:ConfigurationError')
    expect(verdict({ tokeninfo: 'x == 1' }, withoutToken())).toBe('fire')
  })

  it('a placeholder other than {now}/{current_time}, or a stray brace, is a configuration error (D5)', () => {
    for (const value of ['x == {other}', 'x == {now', 'x == }', '{x} == 1', 'x == {}']) {
      const c = compileCondition('tokeninfo', value)
      expect(c._tag, value).toBe('Left')
      expect(c._tag === 'Left' && c.left[0]?.code).toBe('invalid-placeholder')
    }
  })

  it('an offset unit other than s, m, h, d stays text, with a warning', () => {
    const c = compileCondition('tokeninfo', 'd < {now}+1y')
    expect(c._tag === 'Right' && c.right.warnings.map((w) => w.code)).toEqual(['offset-unit'])
  })

  it('facts: the named entry, and the clock when a placeholder or a duration is compared', () => {
    const facts = (v: string) => {
      const c = compileCondition('tokeninfo', v)
      return c._tag === 'Right' ? c.right.facts : []
    }
    expect(facts('myValue < 100')).toEqual(['token.serial', 'token.info.myValue'])
    expect(facts('myDate < {now}')).toEqual(['token.serial', 'token.info.myDate', 'now'])
    expect(facts("d 'date_within_last' 7d")).toEqual(['token.serial', 'token.info.d', 'now'])
    expect(facts('a==b==c')).toEqual(['token.serial'])
  })
})
