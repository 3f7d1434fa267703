/**
 * Behaviour of the generic key comparison (SPEC 3.1 `compare_generic`, D5–D7, D11, D13, D17, D18) that a mutation
 * run of src/conditions/grammar/generic.ts found untested: which verdict a value gives on which fact, what `check`
 * warns and why, what a configuration error says, what `explain` and `requiredFacts` report.
 */
import { describe, expect, it } from 'vitest'
import {
  compareCodePoints,
  compareGeneric,
  compileGeneric,
  type Finding,
  type GenericComparison,
  type GenericOptions,
  type LeftValue,
} from '../../../src/conditions/grammar/generic.js'
import { compileCondition } from '../../../src/conditions/index.js'
import { makeContext } from '../../../src/core/context.js'
import type { Event } from '../../../src/core/model.js'
import { verdict, withEvent, withToken } from '../engine.js'

const NOW = '2026-11-29T10:00:00+00:00'

const event = (now = NOW): Event => ({ name: 'validate_check', position: 'post', now, request: { params: {} } })

/** How each condition reads its value: tokeninfo formats `{now}`, user_info replaces it, the others have none. */
const TOKENINFO: GenericOptions = { braces: 'format', integerLeft: false }
const USER_INFO: GenericOptions = { braces: 'literal', integerLeft: false }
const CONTAINER_INFO: GenericOptions = { braces: 'none', integerLeft: false }
const COUNTER: GenericOptions = { braces: 'none', integerLeft: true }

const compiled = (value: string, options: GenericOptions = TOKENINFO): GenericComparison => {
  const c = compileGeneric(value, options)
  if (c._tag === 'Left') throw new Error(c.left.reason)
  return c.right.comparison
}

const warningsOf = (value: string, options: GenericOptions = TOKENINFO): ReadonlyArray<Finding> => {
  const c = compileGeneric(value, options)
  if (c._tag === 'Left') throw new Error(c.left.reason)
  return c.right.warnings
}

const compare = (value: string, left: LeftValue, options: GenericOptions = TOKENINFO, now = NOW) =>
  compareGeneric(makeContext(event(now)), compiled(value, options), left)

const neverTrue = (reason: string): ReadonlyArray<Finding> => [{ code: 'never-true', reason }]

describe('text ordering is by code point, as Python compares str', () => {
  it.each([
    ['v < abc', 'ab', true],
    ['v > abc', 'ab', false],
    ['v > ab', 'abc', true],
    ['v < ab', 'abc', false],
    ['v < abc', 'abc', false],
    ['v > abc', 'abc', false],
    ['v == abc', 'abc', true],
    ['v != Hallo', 'Hallo', false],
    ['v != Hallo', 'hallo', true],
    // a character beyond U+FFFF (a surrogate pair in JavaScript) sorts after every character of the BMP
    ['v > \uffff', '\u{10000}', true],
    ['v < \uffff', '\u{10000}', false],
    ['v > \ue000', '\u{10000}', true],
    ['v < \u{10000}', '\ue000', true],
    ['v < \u{10001}', '\u{10000}', true],
    ['v > \ud7ff', '\u{10000}', true],
  ])('%j with %j → %s', (value, left, expected) => expect(compare(value, left)).toBe(expected))

  it.each([
    ['ab', 'abc', -1],
    ['abc', 'ab', 1],
    ['abc', 'abc', 0],
    ['', '', 0],
    ['\u{10000}', '\uffff', 1],
    ['\uffff', '\u{10000}', -1],
    ['\ue000', '\u{10000}', -1],
    ['\u{10000}', '\ue000', 1],
    ['\ue000', '\ud7ff', 1],
    ['\u{10000}', '\u{10001}', -1],
  ])('compareCodePoints(%j, %j) = %i', (a, b, sign) => expect(Math.sign(compareCodePoints(a, b))).toBe(sign))
})

describe('untyped comparators: integers, else dates, else text', () => {
  it.each([
    // a date on the right and text on the left compare as text
    ['d == 2030-01-01', 'garbage', false],
    ['d != 2030-01-01', 'garbage', true],
    ['d > 2030-01-01', 'garbage', true],
    ['d < 2030-01-01', 'garbage', false],
    ['d == 2030-01-01', '2030-01-01T00:00Z', true],
    ['d != 2030-01-01', '2030-01-01T00:00+01:00', true],
  ])('%j with %j → %s', (value, left, expected) => expect(compare(value, left)).toBe(expected))
})

describe('<=, >=, =< and => compare integers only (D17)', () => {
  it.each([
    ['v <= 5', '4', true],
    ['v <= 5', '6', false],
    ['v =< 5', '4', true],
    ['v =< 5', '6', false],
    ['v >= 5', '6', true],
    ['v >= 5', '4', false],
    ['v => 5', '6', true],
    ['v => 5', '4', false],
    ["v '<=' 5", '5', true],
  ])('%j with %j → %s', (value, left, expected) => expect(compare(value, left)).toBe(expected))

  it.each([
    ['c <= 5', 4, true],
    ['c >= 5', 4, false],
  ])('a counter: %j with %j → %s', (value, left, expected) => expect(compare(value, left, COUNTER)).toBe(expected))

  it.each([
    ['v <= abc', '<= compares integers and "abc" is not one, so the condition is always false'],
    ["v '>=' abc", `'>=' compares integers and "abc" is not one, so the condition is always false`],
    ['v => 2030-01-01', '=> compares integers and "2030-01-01" is not one, so the condition is always false'],
  ])('%j warns: %s', (value, reason) => {
    expect(warningsOf(value)).toEqual([{ code: 'non-integer', reason }])
    expect(compare(value, '5')).toBe(false)
  })
})

describe('{now} against a value that is not a date (D17)', () => {
  it.each([
    ['d == {now}', 'abc', false],
    ['d != {now}', 'abc', true],
    ['d < {now}', 'abc', false],
    ['d > {now}', 'abc', true],
    ['d < {now}', '1', true],
    ['d == {now}', '2026-11-29T10:00+0000', true],
  ])('%j with %j → %s', (value, left, expected) => expect(compare(value, left)).toBe(expected))

  it.each([
    ['v == {now}', false],
    ['v != {now}', true],
    ['v < {now}', false],
    ['v > {now}', false],
  ])('an integer left side: %j → %s', (value, expected) => expect(compare(value, 5)).toBe(expected))
})

describe('{now} with text around it is compared as the rendered text', () => {
  it.each([
    ['d == x{now}', '2026-11-29T10:00Z', false],
    ['d == x{now}', 'x2026-11-29T10:00+0000', true],
    ['d != x{now}', '2026-11-29T10:00Z', true],
    ['d == {now}x', '2026-11-29T10:00Z', false],
    ['d == {now}x', '2026-11-29T10:00+0000x', true],
    ['d > {now}x', '2026-11-29T10:00Z', true],
    ['d < {now}x', '2026-11-29T10:00Z', false],
    ['d == {now}{now}', '2026-11-29T10:00Z', false],
    ['d == {now}{now}', '2026-11-29T10:00+00002026-11-29T10:00+0000', true],
  ])('%j with %j → %s', (value, left, expected) => expect(compare(value, left)).toBe(expected))

  it('user_info replaces {now} in the text the same way', () => {
    expect(compare('d == since {now}', 'since 2026-11-29T10:00+0000', USER_INFO)).toBe(true)
    expect(compare('d == since {now}', '2026-11-29T10:00Z', USER_INFO)).toBe(false)
  })

  it('the rendering is in the offset of event.now', () => {
    expect(compare('d == x{now}', 'x2026-11-29T11:00+0100', TOKENINFO, '2026-11-29T11:00:00+01:00')).toBe(true)
  })
})

describe("'in' and '!in': a CSV list", () => {
  it.each([
    ["v 'in' a,{now}", '2026-11-29T10:00+0000', true],
    ["v 'in' a,{now}", 'a', true],
    ["v 'in' a,{now}", 'b', false],
    ["v '!in' a,{now}", 'b', true],
    ["v '!in' a,{now}", 'a', false],
    ["v '!in' a,{now}", '2026-11-29T10:00+0000', false],
    ["v 'in' {now}-1d, b", '2026-11-28T10:00+0000', true],
    // a list that is malformed once rendered (an unterminated quote) is false, negated or not
    ["v 'in' \"{now}", '2026-11-29T10:00+0000', false],
    ["v '!in' \"{now}", 'a', false],
  ])('%j with %j → %s', (value, left, expected) => expect(compare(value, left)).toBe(expected))

  it.each([
    ["v 'in' 5,{now}", false],
    ["v '!in' 5,{now}", true],
    ["v 'in' 5,6", false],
    ["v '!in' 5,6", true],
  ])('an integer is never one of the text items: %j with 5 → %s', (value, expected) =>
    expect(compare(value, 5)).toBe(expected),
  )

  it.each([
    ["v 'in' \"open", `unexpected end of data in "\\"open" (an unterminated quote), so 'in' is always false`],
    ["v '!in' a\\", `unexpected end of data in "a\\\\" (a trailing backslash), so '!in' is always false`],
  ])('a malformed constant list %j warns: %s', (value, reason) => {
    expect(warningsOf(value)).toEqual(neverTrue(reason))
    expect(compare(value, 'a')).toBe(false)
  })

  it('a well-formed list, constant or with {now}, has no warning', () => {
    expect(warningsOf("v 'in' a,b")).toEqual([])
    expect(warningsOf("v 'in' a,{now}")).toEqual([])
  })
})

describe("'contains' and '!contains' need a list on the left: always false", () => {
  it.each([
    ["v 'contains' abc", "'contains'"],
    ["v '!contains' abc", "'!contains'"],
    ["v 'contains' 7d", "'contains'"],
  ])('%j is false and warns', (value, written) => {
    expect(compare(value, 'abc')).toBe(false)
    expect(compare(value, '2026-11-29T09:00Z')).toBe(false)
    expect(warningsOf(value)).toEqual(
      neverTrue(`${written} needs a list on the left and values are text, so the condition is always false`),
    )
  })
})

describe("'string_contains' and '!string_contains': a case-insensitive substring", () => {
  it.each([
    ["v 'string_contains' {now}", 'seen 2026-11-29t10:00+0000 ok', true],
    ["v 'string_contains' {now}", 'seen 2026-11-29T10:00+0000', true],
    ["v 'string_contains' {now}", 'seen 2026-11-28T10:00+0000', false],
    ["v '!string_contains' {now}", 'seen 2026-11-29T10:00+0000', false],
    ["v '!string_contains' {now}", 'never', true],
    ["v 'string_contains' at {now}", 'AT 2026-11-29T10:00+0000', true],
    ["v 'string_contains' AbC", 'xxaBcxx', true],
  ])('%j with %j → %s', (value, left, expected) => expect(compare(value, left)).toBe(expected))

  it.each(["v 'string_contains' 4", "v '!string_contains' 4", "v '!string_contains' {now}"])(
    'an integer left side is false: %j',
    (value) => expect(compare(value, 4)).toBe(false),
  )

  it('explain shows the needle it looks for, lower-cased', () => {
    const c = compileCondition('tokeninfo', "v 'string_contains' BC")
    if (c._tag === 'Left') throw new Error('does not compile')
    const trace = c.right.trace(makeContext(withToken({ info: { v: 'abcd' } })))
    expect(trace).toMatchObject({ verdict: 'pass', compared: { key: 'v', actual: 'abcd', expected: 'bc' } })
  })
})

describe("'date_before' and 'date_after'", () => {
  it.each([
    ["d 'date_after' {now}-1d", '2026-11-29T09:00Z', true],
    ["d 'date_after' {now}", '2026-11-29T10:01Z', true],
    ["d 'date_after' {now}", '2026-11-29T10:00Z', false],
    ["d 'date_before' {now}", '2026-11-29T10:00Z', false],
    ["d 'date_before' {now}+1h", '2026-11-29T10:30+00:00', true],
    ["d 'date_before' {now} + 1h", '2026-11-29T10:30+00:00', true],
    ["d 'date_after' 2017-01-01", '2017-01-01T00:00:01Z', true],
    ["d 'date_after' 2017-01-01", 'garbage', false],
    // a {now} with text around it is not a date
    ["d 'date_before' x{now}", '2020-01-01', false],
    ["d 'date_after' x{now}", '2030-01-01', false],
  ])('%j with %j → %s', (value, left, expected) => expect(compare(value, left)).toBe(expected))

  it.each(["d 'date_before' 2030-01-01", "d 'date_after' 1970-01-01", "d 'date_before' {now}"])(
    'an integer left side is false: %j',
    (value) => expect(compare(value, 5)).toBe(false),
  )

  it.each([
    ["d 'date_before' tomorrow", `"tomorrow" is not a date, so 'date_before' is always false`],
    ["d 'date_after' 5", `"5" is not a date, so 'date_after' is always false`],
  ])('a right side that is not a date: %j warns %s', (value, reason) => {
    expect(warningsOf(value)).toEqual(neverTrue(reason))
    expect(compare(value, '2026-11-29T10:00Z')).toBe(false)
  })

  it('a date or {now} on the right has no warning', () => {
    expect(warningsOf("d 'date_before' 2030-01-01")).toEqual([])
    expect(warningsOf("d 'date_after' {now}-7d")).toEqual([])
  })
})

describe("'date_within_last' and '!date_within_last'", () => {
  it.each(["d 'date_within_last' 7d", "d '!date_within_last' 7d"])('an integer left side is false: %j', (value) =>
    expect(compare(value, 5)).toBe(false),
  )

  it.each([
    ["d 'date_within_last' {now}", `"{now}" is not a duration, so 'date_within_last' is always false`],
    ["d '!date_within_last' x{now}", `"x{now}" is not a duration, so '!date_within_last' is always false`],
    [
      "d 'date_within_last' 7w",
      `"7w" has an unknown unit "w"; use s, m, h, d or y, so 'date_within_last' is always false`,
    ],
    ["d '!date_within_last' 7", `"7" has no unit; use s, m, h, d or y, so '!date_within_last' is always false`],
  ])('a right side that is not a duration: %j warns %s', (value, reason) => {
    expect(warningsOf(value)).toEqual(neverTrue(reason))
    expect(compare(value, '2026-11-29T09:00Z')).toBe(false)
    expect(compare(value, '2020-01-01T09:00Z')).toBe(false)
  })

  it('a duration has no warning', () => expect(warningsOf("d 'date_within_last' 7d")).toEqual([]))
})

describe("'matches' on a counter", () => {
  it('a counter is an integer, so matches is always false, with a warning', () => {
    expect(warningsOf("c 'matches' 4", COUNTER)).toEqual(
      neverTrue(`the value of "c" is an integer, so 'matches' is always false`),
    )
    expect(compare("c 'matches' 4", 4, COUNTER)).toBe(false)
  })

  it('text values have no such warning', () => {
    expect(warningsOf("v 'matches' 4")).toEqual([])
    expect(warningsOf("v 'matches' 4", CONTAINER_INFO)).toEqual([])
  })
})

describe('a counter against text (D17)', () => {
  it.each([
    ['c == abc', '=='],
    ['c < abc', '<'],
    ["c '>' abc", "'>'"],
    ['c == {now}', '=='],
  ])('%j is always false and warns', (value, written) => {
    const text = value.slice(value.indexOf(written) + written.length).trim()
    expect(warningsOf(value, COUNTER)).toEqual(
      neverTrue(`the value of "c" is an integer and ${JSON.stringify(text)} is not, so ${written} is always false`),
    )
    expect(compare(value, 4, COUNTER)).toBe(false)
  })

  it.each(['c != abc', 'c == 5', 'c < 5', 'c != 5', 'c <= 5'])(
    '%j has no warning (!= against text is always true)',
    (value) => {
      expect(warningsOf(value, COUNTER)).toEqual([])
    },
  )

  it('!= against text is true', () => expect(compare('c != abc', 4, COUNTER)).toBe(true))
})

describe('malformed values stay false and say why (D11)', () => {
  it.each([
    ['', 'empty-value', 'the value is empty, so the condition is always false'],
    ['== 5', 'empty-key', 'the key is empty, so the condition is always false'],
    ["'in' a,b", 'empty-key', 'the key is empty, so the condition is always false'],
    ['a==b==c', 'repeated-comparator', 'the comparator ==, = appears more than once, so the condition is always false'],
    [
      'v matches x',
      'missing-comparator',
      `"v matches x" has no comparator (write key == value; word comparators are quoted: 'matches'), so the condition is always false`,
    ],
  ])('%j: %s, %s', (value, code, reason) => {
    expect(warningsOf(value)).toEqual([{ code, reason }])
    expect(compare(value, 'x')).toBe(false)
  })

  it.each(['', '== 5', 'a==b==c', 'v matches x'])(
    '%j reads no tokeninfo entry (requiredFacts) and explain names no key',
    (value) => {
      const c = compileCondition('tokeninfo', value)
      if (c._tag === 'Left') throw new Error('does not compile')
      expect(c.right.facts).toEqual(['token.serial'])
      const trace = c.right.trace(makeContext(withToken({ info: { v: 'x' } })))
      expect(trace).toMatchObject({ verdict: 'fail', compared: { key: '' } })
    },
  )
})

describe('keys', () => {
  it.each([
    ['x{now} == 5', TOKENINFO],
    ['{now} == 5', TOKENINFO],
    ['x{current_time}-1d == 5', TOKENINFO],
    ['x{now} == 5', USER_INFO],
  ])('a key with a {now} placeholder never names an entry: %j', (value, options) => {
    const key = value.slice(0, value.indexOf('==')).trim()
    expect(warningsOf(value, options)).toEqual(
      neverTrue(`the key ${JSON.stringify(key)} contains a {now} placeholder and never names an entry`),
    )
    expect(compare(value, '5', options)).toBe(false)
  })

  it('tokeninfo: such a key is false even when the entry exists', () => {
    expect(verdict({ tokeninfo: 'x{now} == 5' }, withToken({ info: { x: '5', 'x{now}': '5' } }))).toBe('skip')
  })

  it('tokeninfo: {{ and }} in the key are literal braces', () => {
    expect(verdict({ tokeninfo: '{{a}} == 1' }, withToken({ info: { '{a}': '1' } }))).toBe('fire')
    expect(verdict({ tokeninfo: '{{a}} == 1' }, withToken({ info: { '{{a}}': '1' } }))).toBe('skip')
  })

  it('user_info: other braces in the key are text', () => {
    const c = compileCondition('user_info', '{a} == 1')
    expect(c._tag === 'Right' && c.right.facts).toContain('user.info.{a}')
  })

  it('counter and container_info have no placeholders: {now} in the key is its name', () => {
    expect(verdict({ counter: '{now} == 5' }, withEvent({ counters: { '{now}': 5 } }))).toBe('fire')
    expect(warningsOf('{now} == 5', CONTAINER_INFO)).toEqual([])
    const c = compileCondition('container_info', '{now} == 5')
    expect(c._tag === 'Right' && c.right.facts).toContain('container.info.{now}')
  })

  it('tokeninfo: {{ and }} in the value are literal braces', () => {
    expect(compare('v == {{x}}', '{x}')).toBe(true)
    expect(compare('v == {{x}}', '{{x}}')).toBe(false)
    expect(compare('v == {{x}}', '{{x}}', USER_INFO)).toBe(true)
  })
})

describe('configuration errors', () => {
  const unknown = (field: string) =>
    `unknown placeholder ${JSON.stringify(field)}; only {now} and {current_time} are allowed (write {{ and }} for literal braces)`

  it.each([
    ['{other}', '{other}'],
    ['a {b} c', '{b}'],
    ['== {x}', '{x}'],
    ['a==b=={x}', '{x}'],
    ['{x} == 5', '{x}'],
  ])('tokeninfo: %j has an unknown placeholder, even where the comparison is malformed', (value, field) => {
    expect(compileGeneric(value, TOKENINFO)).toEqual({
      _tag: 'Left',
      left: { code: 'invalid-placeholder', reason: unknown(field) },
    })
  })

  it('user_info reads other braces as text: a malformed value is a warning, not an error', () => {
    expect(warningsOf('{other}', USER_INFO).map((w) => w.code)).toEqual(['missing-comparator'])
    expect(warningsOf('== {x}', USER_INFO).map((w) => w.code)).toEqual(['empty-key'])
  })

  it('a {now} placeholder cannot be part of a regular expression', () => {
    expect(compileGeneric("x 'matches' a{now}", TOKENINFO)).toEqual({
      _tag: 'Left',
      left: { code: 'invalid-placeholder', reason: 'a {now} placeholder cannot be part of a regular expression' },
    })
  })

  it('an invalid regular expression says which and why', () => {
    const c = compileGeneric("x '!matches' (", TOKENINFO)
    expect(c._tag === 'Left' && c.left.code).toBe('invalid-regex')
    expect(c._tag === 'Left' && c.left.reason).toMatch(/^"\(" is not a valid regular expression: \S/)
  })
})

describe('an unreadable event clock is an evaluation error wherever {now} is needed', () => {
  const failure = {
    _tag: 'EvalFailure',
    errorTag: 'InvalidEventTime',
    message: 'event.now "garbage" is not an ISO-8601 date-time',
  }
  it.each([
    ['d < {now}', '2017-01-01'],
    ['d == x{now}', 'abc'],
    ["d 'in' a,{now}", 'a'],
    ["d '!in' a,{now}", 'a'],
    ["d 'string_contains' {now}", 'a'],
    ["d 'date_before' {now}", '2017-01-01'],
    ["d 'date_after' x{now}", '2017-01-01'],
    ["d 'date_within_last' 1d", '2017-01-01'],
  ])('%j with %j', (value, left) => expect(compare(value, left, TOKENINFO, 'garbage')).toEqual(failure))

  it('explain reports it', () => {
    const c = compileCondition('tokeninfo', "d 'in' a,{now}")
    if (c._tag === 'Left') throw new Error('does not compile')
    const trace = c.right.trace(makeContext({ ...withToken({ info: { d: 'a' } }), now: 'garbage' }))
    expect(trace).toMatchObject({ verdict: 'error', reason: failure.message })
  })

  it('a comparison without {now} does not need the clock', () => {
    expect(compare("d 'in' a,b", 'a', TOKENINFO, 'garbage')).toBe(true)
    expect(compare("d 'string_contains' A", 'a', TOKENINFO, 'garbage')).toBe(true)
    expect(compare("d 'date_before' 2030-01-01", '2017-01-01', TOKENINFO, 'garbage')).toBe(true)
  })
})

describe('{now} is rendered per event', () => {
  it.each([
    ['d == x{now}', 'x2026-11-29T10:00+0000', 'x2026-11-30T10:00+0000'],
    ["d 'in' a,{now}", '2026-11-29T10:00+0000', '2026-11-30T10:00+0000'],
    ["d 'string_contains' {now}", '2026-11-29T10:00+0000', '2026-11-30T10:00+0000'],
  ])('%j: a memo shared by two clocks never gives one clock the other one rendering', (value, first, second) => {
    const comparison = compiled(value)
    const memo = new Map<string, unknown>()
    const today = makeContext(event(NOW), memo)
    const tomorrow = makeContext(event('2026-11-30T10:00:00+00:00'), memo)
    expect(compareGeneric(today, comparison, first)).toBe(true)
    expect(compareGeneric(tomorrow, comparison, first)).toBe(false)
    expect(compareGeneric(tomorrow, comparison, second)).toBe(true)
    expect(compareGeneric(today, comparison, second)).toBe(false)
    expect(compareGeneric(today, comparison, first)).toBe(true)
  })

  it('the same comparison gives the same verdict when evaluated twice for one event', () => {
    const comparison = compiled("d '!in' a,{now}")
    const ctx = makeContext(event())
    expect(compareGeneric(ctx, comparison, 'b')).toBe(true)
    expect(compareGeneric(ctx, comparison, 'b')).toBe(true)
    expect(compareGeneric(ctx, comparison, 'a')).toBe(false)
  })
})

describe('explain shows a {now} operand as text', () => {
  const traced = (value: string, event: Event) => {
    const c = compileCondition('tokeninfo', value)
    if (c._tag === 'Left') throw new Error('does not compile')
    return c.right.trace(makeContext(event))
  }
  const token = withToken({ info: { d: 'a', v: '2026-11-29' } })
  it.each([
    ["d 'in' a,{now}", 'a,2026-11-29T10:00+0100'],
    ["d 'string_contains' X{now}", 'x2026-11-29t10:00+0100'],
    ["v 'date_before' {now}-1d", '2026-11-28T10:00+0100'],
    ['v < {now}-1d', '2026-11-28T10:00+0100'],
  ])('%j: the rendered text, %j', (value, expected) =>
    expect(traced(value, { ...token, now: '2026-11-29T10:00:00+01:00' })).toMatchObject({ compared: { expected } }),
  )
  it('when event.now cannot be read the trace is the clock error, with no internal object in it', () => {
    for (const value of ["d 'in' a,{now}", "v 'date_before' {now}-1d", "d 'string_contains' {now}"]) {
      const trace = traced(value, { ...token, now: 'garbage' })
      expect(trace, value).toMatchObject({ verdict: 'error' })
      expect(JSON.stringify(trace), value).not.toMatch(/"_tag"|"template"|"segments"/)
    }
  })
})
