/**
 * The shared condition shapes of src/conditions/shapes.ts, through their builders (with probe subjects) and through
 * the real conditions built on them: skip handling, evaluation errors passed through, what explain says for every
 * comparison, facts, data and warnings. (Not `shapes.test.ts`: shapes.ts has no tests of its own in the mutation
 * runs, so it runs against every test of the folder.)
 */
import { describe, expect, it } from 'vitest'
import {
  boolCondition,
  intCondition,
  keyedCondition,
  memberCondition,
  NEVER_SKIPS,
  regexCondition,
} from '../../src/conditions/shapes.js'
import type { CompiledCondition } from '../../src/core/catalogue.js'
import { makeContext } from '../../src/core/context.js'
import { evalFailure } from '../../src/core/errors.js'
import type { Event } from '../../src/core/model.js'
import { BASE_EVENT, withEvent, withoutToken } from './engine.js'
import { compiled, testOf, traceOf } from './trace-helpers.js'

const ctx = makeContext(BASE_EVENT)
const off = (reason: string | undefined) => () => reason
const built = (c: ReturnType<ReturnType<typeof intCondition>>): CompiledCondition => {
  if (c._tag === 'Left') throw new Error(JSON.stringify(c.left))
  return c.right
}
const failure = evalFailure('ParserError', 'probe: unreadable')

describe('intCondition', () => {
  const probe = (actual: number | typeof failure, skip?: string) =>
    intCondition('Probe', { facts: ['probe.n'], skip: off(skip), actual: () => actual })
  it('compares the subject, explains the comparison and reads its facts', () => {
    const c = built(probe(3)('failcounter', '<9'))
    expect(c.test(ctx)).toBe(true)
    expect(c.trace(ctx)).toEqual({
      name: 'failcounter',
      value: '<9',
      verdict: 'pass',
      compared: { actual: 3, operator: '<', expected: 9 },
      reason: '3 < 9 is true',
    })
    expect(c.facts).toEqual(['probe.n'])
    expect(c.data).toMatchObject({ _tag: 'Probe', comparison: { op: 'lt', operand: 9 } })
    expect(c.warnings).toEqual([])
    expect(built(probe(9)('failcounter', '<9')).trace(ctx)).toMatchObject({ verdict: 'fail', reason: '9 < 9 is false' })
  })
  it('is skipped when the subject is missing, even for a malformed value', () => {
    for (const value of ['<9', '>x']) {
      const c = built(probe(100, 'no token')('failcounter', value))
      expect(c.test(ctx)).toBe(true)
      expect(c.trace(ctx)).toMatchObject({ verdict: 'skip', reason: 'no token' })
    }
  })
  it('a malformed value is always false, with a warning and its reason', () => {
    const c = built(probe(3)('failcounter', '>x'))
    expect(c.test(ctx)).toBe(false)
    expect(c.trace(ctx)).toEqual({
      name: 'failcounter',
      value: '>x',
      verdict: 'fail',
      compared: {},
      reason: '"x" is not an integer, so the condition is always false',
    })
    expect(c.warnings).toEqual([
      {
        code: expect.any(String),
        message: 'failcounter: "x" is not an integer, so the condition is always false',
        path: [],
      },
    ])
  })
  it('an unreadable subject fails with its evaluation error', () => {
    expect(built(probe(failure)('failcounter', '<9')).test(ctx)).toEqual(failure)
  })
  it('an unreadable subject fails even for a malformed value: privacyIDEA reads the subject first', () => {
    expect(built(probe(failure)('failcounter', '>x')).test(ctx)).toEqual(failure)
    const many = withEvent({
      token: { ...(BASE_EVENT.token as NonNullable<Event['token']>), info: { count_auth: 'many' } },
    })
    expect(testOf('count_auth', '>x', many)).toMatchObject({ _tag: 'EvalFailure', errorTag: 'ValueError' })
    expect(testOf('count_auth', '', many)).toMatchObject({ _tag: 'EvalFailure', errorTag: 'ValueError' })
  })
})

describe('memberCondition', () => {
  const probe = (skip?: string) =>
    memberCondition('Probe', { facts: ['probe.s'], skip: off(skip), actual: () => 'totp', what: 'the probe' })
  it('is the subject one of the items; explain lists them', () => {
    const c = built(probe()('tokentype', 'hotp,totp'))
    expect(c.test(ctx)).toBe(true)
    expect(c.trace(ctx)).toEqual({
      name: 'tokentype',
      value: 'hotp,totp',
      verdict: 'pass',
      compared: { actual: 'totp', list: ['hotp', 'totp'] },
      reason: 'the probe "totp" is in the list',
    })
    expect(built(probe()('tokentype', 'hotp')).trace(ctx)).toMatchObject({
      verdict: 'fail',
      reason: 'the probe "totp" is not in the list',
    })
    expect(c.facts).toEqual(['probe.s'])
    expect(c.data).toEqual({ _tag: 'Probe', items: new Set(['hotp', 'totp']) })
  })
  it('is skipped when the subject is missing', () => {
    const c = built(probe('no token')('tokentype', 'hotp'))
    expect(c.test(ctx)).toBe(true)
    expect(c.trace(ctx)).toMatchObject({ verdict: 'skip', reason: 'no token' })
  })
})

describe('boolCondition', () => {
  const probe = (actual: boolean | typeof failure, skip?: string) =>
    boolCondition('Probe', { facts: ['probe.b'], skip: off(skip), actual: () => actual, what: 'the probe is on' })
  it('compares the fact with the expectation read as a boolean', () => {
    expect(built(probe(true)('token_locked', 'True')).test(ctx)).toBe(true)
    expect(built(probe(true)('token_locked', 'False')).test(ctx)).toBe(false)
    expect(built(probe(false)('token_locked', 'False')).test(ctx)).toBe(true)
    expect(built(probe(false)('token_locked', 'True')).trace(ctx)).toEqual({
      name: 'token_locked',
      value: 'True',
      verdict: 'fail',
      compared: { actual: false, expected: true },
      reason: 'the probe is on: false, expected true',
    })
    const c = built(probe(true)('token_locked', '1'))
    expect(c.facts).toEqual(['probe.b'])
    expect(c.data).toEqual({ _tag: 'Probe', expected: true })
  })
  it('is skipped when the subject is missing; an unreadable fact fails', () => {
    const c = built(probe(false, 'no token')('token_locked', 'True'))
    expect(c.test(ctx)).toBe(true)
    expect(c.trace(ctx)).toMatchObject({ verdict: 'skip', reason: 'no token' })
    expect(built(probe(failure)('token_locked', 'True')).test(ctx)).toEqual(failure)
  })
})

describe('regexCondition', () => {
  const probe = (mode: 'match' | 'search' | 'full', actual: string | typeof failure, skip?: string) =>
    regexCondition('Probe', mode, { facts: ['probe.s'], skip: off(skip), actual: () => actual, what: 'the probe' })
  it.each([
    ['match', 'ab', 'abc', true, '"ab" matches at the start of the probe "abc"'],
    ['match', 'bc', 'abc', false, '"bc" does not match at the start of the probe "abc"'],
    ['search', 'bc', 'abc', true, '"bc" matches in the probe "abc"'],
    ['full', 'ab', 'abc', false, '"ab" does not match as the whole of the probe "abc"'],
    ['full', 'a.c', 'abc', true, '"a.c" matches as the whole of the probe "abc"'],
  ] as const)('%s %j against %j', (mode, pattern, actual, holds, reason) => {
    const c = built(probe(mode, actual)('serial', pattern))
    expect(c.test(ctx)).toBe(holds)
    expect(c.trace(ctx)).toMatchObject({
      verdict: holds ? 'pass' : 'fail',
      compared: { actual, pattern },
      reason,
    })
    expect(c.data).toMatchObject({ _tag: 'Probe', pattern, mode })
    expect(c.facts).toEqual(['probe.s'])
  })
  it('is skipped when the subject is missing; an unreadable subject fails', () => {
    const c = built(probe('match', 'zzz', 'no token')('serial', 'a'))
    expect(c.test(ctx)).toBe(true)
    expect(c.trace(ctx)).toMatchObject({ verdict: 'skip', reason: 'no token' })
    expect(built(probe('match', failure)('serial', 'a')).test(ctx)).toEqual(failure)
  })
  it('an invalid pattern is a configuration error naming it', () => {
    const c = probe('search', 'x')('detail_message', '[')
    expect(c._tag).toBe('Left')
    if (c._tag === 'Left') {
      expect(c.left).toHaveLength(1)
      expect(c.left[0]?.code).toBe('invalid-regex')
      expect(c.left[0]?.message).toMatch(/^detail_message: "\[" is not a valid regular expression: \S/)
    }
  })
})

describe('keyedCondition', () => {
  const probe = (values: Readonly<Record<string, string>>, skip?: string) =>
    keyedCondition(
      'Probe',
      { braces: 'format', integerLeft: false },
      { subjectFacts: ['probe'], fact: (k) => `probe.${k}`, skip: off(skip), lookup: (_c, k) => values[k] },
    )
  it('compares the key, names its fact and explains the comparison', () => {
    const c = built(probe({ n: '12' })('tokeninfo', 'n == 12'))
    expect(c.test(ctx)).toBe(true)
    expect(c.facts).toEqual(['probe', 'probe.n'])
    expect(c.data).toMatchObject({ _tag: 'Probe', comparison: { _tag: 'Untyped', key: 'n' } })
    expect(c.trace(ctx)).toEqual({
      name: 'tokeninfo',
      value: 'n == 12',
      verdict: 'pass',
      compared: { key: 'n', actual: '12', operator: '==', expected: '12' },
      reason: '"n" = "12" == "12" is true',
    })
  })
  it('a missing key is false, and explain says it is missing', () => {
    const c = built(probe({})('tokeninfo', 'n == 12'))
    expect(c.test(ctx)).toBe(false)
    expect(c.trace(ctx)).toMatchObject({ verdict: 'fail', compared: { key: 'n' }, reason: '"n" is missing' })
  })
  it('is skipped when the subject is missing, even for a malformed value', () => {
    for (const value of ['n == 12', 'nocomparator']) {
      const c = built(probe({ n: '12' }, 'no token')('tokeninfo', value))
      expect(c.test(ctx)).toBe(true)
      expect(c.trace(ctx)).toMatchObject({ verdict: 'skip', reason: 'no token' })
    }
  })
  it('a value without comparator is always false, with a warning; it reads no entry', () => {
    const c = built(probe({ n: '12' })('tokeninfo', 'nocomparator'))
    const reason =
      '"nocomparator" has no comparator (write key == value; word comparators are quoted: \'matches\'), so the condition is always false'
    expect(c.test(ctx)).toBe(false)
    expect(c.trace(ctx)).toEqual({
      name: 'tokeninfo',
      value: 'nocomparator',
      verdict: 'fail',
      compared: { key: '' },
      reason,
    })
    expect(c.facts).toEqual(['probe'])
    expect(c.warnings).toEqual([{ code: 'missing-comparator', message: `tokeninfo: ${reason}`, path: [] }])
  })
  it('a bad placeholder is a configuration error naming the condition', () => {
    const c = probe({})('tokeninfo', 'n == {other}')
    expect(c._tag).toBe('Left')
    if (c._tag === 'Left') {
      expect(c.left[0]?.code).toBe('invalid-placeholder')
      expect(c.left[0]?.message).toMatch(/^tokeninfo: \S/)
    }
  })
  it('never skips with NEVER_SKIPS', () => {
    expect(NEVER_SKIPS()).toBeUndefined()
  })
})

describe('what explain says for each generic comparison (tokeninfo)', () => {
  const info = { n: '12', d: '2026-11-20T10:00+0000', s: 'Hello World', l: 'a' }
  const tok = (event: Event = BASE_EVENT): Event =>
    withEvent({ ...event, token: { ...(BASE_EVENT.token as NonNullable<Event['token']>), info } })
  it.each([
    ['n >= 13', false, '>=', 13],
    ["s 'matches' Hel.*", true, 'matches', 'Hel.*'],
    ["s '!matches' Hel.*", false, '!matches', 'Hel.*'],
    ["l 'in' a,b", true, 'in', ['a', 'b']],
    ["l '!in' a,b", false, '!in', ['a', 'b']],
    ["l 'in' {now}", false, 'in', '2026-11-29T10:00+0000'],
    ["s 'string_contains' WORLD", true, 'string_contains', 'world'],
    ["s '!string_contains' {now}", true, '!string_contains', '2026-11-29t10:00+0000'],
    ["d 'date_before' {now}", true, 'date_before', '2026-11-29T10:00+0000'],
    ["d 'date_after' 2026-11-01", true, 'date_after', '2026-11-01'],
    ["d 'date_within_last' 10d", true, 'date_within_last', '10d'],
    ["d '!date_within_last' 10d", false, '!date_within_last', '10d'],
    ['d < {now}-5d', true, '<', '2026-11-24T10:00+0000'],
  ])('%s', (value, holds, operator, expected) => {
    const key = value.slice(0, 1)
    const actual = info[key as keyof typeof info]
    expect(traceOf('tokeninfo', value, tok())).toEqual({
      name: 'tokeninfo',
      value,
      verdict: holds ? 'pass' : 'fail',
      compared: { key, actual, operator, expected },
      reason: `${JSON.stringify(key)} = ${JSON.stringify(actual)} ${operator} ${JSON.stringify(expected)} is ${holds}`,
    })
  })
  it('only a comparison that needs the clock fails on an event time that is not a date-time', () => {
    const bad = tok({ ...BASE_EVENT, now: 'bad' })
    expect(testOf('tokeninfo', 'n < {now}', bad)).toMatchObject({ _tag: 'EvalFailure', errorTag: 'InvalidEventTime' })
    expect(testOf('tokeninfo', 'n < 20', bad)).toBe(true)
  })
  it.each([
    ['n == 12', []],
    ['n <= 12', []],
    ["s 'matches' H.*", []],
    ["l 'in' a,b", []],
    ["l 'in' {now}", ['now']],
    ["s 'string_contains' x", []],
    ["s 'string_contains' {now}", ['now']],
    ["d 'date_after' 2026-11-01", []],
    ["d 'date_after' {now}", ['now']],
    ["d 'date_within_last' 10d", ['now']],
    ['d < {now}-5d', ['now']],
    ['d == {current_time}', ['now']],
  ])('%s reads the clock only when it needs it', (value, clock) => {
    const key = value.slice(0, 1)
    expect(compiled('tokeninfo', value).facts).toEqual(['token.serial', `token.info.${key}`, ...clock])
  })
  it('without a token every tokeninfo comparison is skipped', () => {
    expect(traceOf('tokeninfo', 'n == 12', withoutToken())).toMatchObject({ verdict: 'skip' })
  })
})
