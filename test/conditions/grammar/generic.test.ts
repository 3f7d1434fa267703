import { describe, expect, it } from 'vitest'
import {
  compareCodePoints,
  compareGeneric,
  compileGeneric,
  type GenericComparison,
  type GenericOptions,
} from '../../../src/conditions/grammar/generic.js'
import { makeContext } from '../../../src/core/context.js'
import type { Event } from '../../../src/core/model.js'

const event = (now = '2026-11-29T10:00:00+00:00'): Event => ({
  name: 'validate_check',
  position: 'post',
  now,
  request: { params: {} },
})

const TEXT: GenericOptions = { braces: 'format', integerLeft: false }
const INT: GenericOptions = { braces: 'none', integerLeft: true }

const compiled = (value: string, options: GenericOptions = TEXT): GenericComparison => {
  const c = compileGeneric(value, options)
  if (c._tag === 'Left') throw new Error(c.left.reason)
  return c.right.comparison
}

const check = (value: string, left: string | number | undefined, options: GenericOptions = TEXT, now?: string) =>
  compareGeneric(makeContext(event(now)), compiled(value, options), left)

describe('generic key comparison (SPEC 3.1 compare_generic)', () => {
  it.each([
    ['v < 100', '99', true],
    ['v < 98', '99', false],
    ['v == 05', '5', true],
    ['v != 05', '5', false],
    ['v == Hallo', 'Hallo', true],
    ['v == hallo', 'Hallo', false],
    ['v > abc', 'abd', true],
    ['v < ABC', 'abc', false],
    ['v < 10', 'abc', false],
    ['v > 10', 'abc', true],
    ['d == 2017-01-01T10:00+0200', '2017-01-01T08:00+0000', true],
    ['d < 2030-01-01', '2017-01-01T10:00+0200', true],
    ['d > 2017-01-01 09:00', '2017-01-01T10:00+0200', false],
    ['d < {now}', '2017-01-01T10:00+0200', true],
    ['d > {now}-2h', '2026-11-29T11:00+0000', true],
    ['d > {now}+2h', '2026-11-29T11:00+0000', false],
    ['d > {now} - 2h', '2026-11-29T09:00+0000', true],
    ['d == {now}', '2026-11-29T10:00:59Z', false],
    ['d == {now}', '2026-11-29T10:00Z', true],
    ['v < {now}', '5', false],
    ['v > {now}', '5', true],
  ])('%j with %j → %s', (value, left, expected) => expect(check(value, left)).toBe(expected))

  it.each([
    ["v 'matches' ab.*", 'abc', true],
    ["v 'matches' b.*", 'abc', false],
    ["v 'matches' a|b", 'axyz', false],
    ["v '!matches' b.*", 'abc', true],
    ["v 'matches' (?i)ABC", 'abc', true],
    ["v 'in' a,b,c", 'b', true],
    ["v 'in' a, b, c", 'b', true],
    ["v 'in' a,b,c", 'd', false],
    ["v '!in' a,b,c", 'd', true],
    ['v \'in\' "a,b",c', 'a,b', true],
    ["v 'in' \"open", 'a', false],
    ["v '!in' \"open", 'a', false],
    ["v 'string_contains' BC", 'abcd', true],
    ["v '!string_contains' BC", 'abcd', false],
    ["v 'contains' a", 'abc', false],
    ["v '!contains' a", 'abc', false],
    ['v <= 5', 'abc', false],
    ['v <= 5', '5', true],
    ['v >= 5', '4', false],
    ['v =< 5', '5', true],
    ['v => 5', '6', true],
    ['v =< 2030-01-01', '2017-01-01', false],
    ["d 'date_before' 2030-01-01", '2017-01-01T10:00+0200', true],
    ["d 'date_after' 2030-01-01", '2017-01-01T10:00+0200', false],
    ["d 'date_before' {now}", '2026-11-29T09:59Z', true],
    ["d 'date_before' 2030-01-01", 'garbage', false],
    ["d 'date_within_last' 7d", '2026-11-19T10:00+0000', false],
    ["d '!date_within_last' 7d", '2026-11-19T10:00+0000', true],
    ["d 'date_within_last' 7d", '2026-11-28T10:00+0000', true],
    ["d 'date_within_last' 7d", '2027-01-01', true],
    ["d 'date_within_last' 7d", 'garbage', false],
    ["d '!date_within_last' 7d", 'garbage', false],
    ["d 'date_within_last' 7d", '2026-11-22T10:00:00Z', false],
    ["d 'date_within_last' 7d", '2026-11-22T10:00:01Z', true],
  ])('%j with %j → %s', (value, left, expected) => expect(check(value, left)).toBe(expected))

  it('a missing key is false, whatever the comparator', () => {
    for (const v of ['v == x', 'v != x', "v '!in' a", "v '!matches' a", "v '!date_within_last' 1d"])
      expect(check(v, undefined)).toBe(false)
  })

  it('an integer left side (counters) against text: == false, != true, < and > false (D17)', () => {
    expect(check('c == abc', 4, INT)).toBe(false)
    expect(check('c != abc', 4, INT)).toBe(true)
    expect(check('c < abc', 4, INT)).toBe(false)
    expect(check('c > abc', 4, INT)).toBe(false)
    expect(check('c < 5', 4, INT)).toBe(true)
    expect(check("c 'matches' 4", 4, INT)).toBe(false)
    expect(check("c '!matches' 4", 4, INT)).toBe(false)
    expect(check("c 'in' 4,5", 4, INT)).toBe(false)
    expect(check("c '!in' 4,5", 4, INT)).toBe(true)
    expect(check('c <= 4', 4, INT)).toBe(true)
  })

  it('D11: malformed comparisons compile to Never with a warning', () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ['', 'empty-value'],
      ['== x', 'empty-key'],
      ['a==b==c', 'repeated-comparator'],
      ['v matches x', 'missing-comparator'],
      ['v <= abc', 'non-integer'],
    ]
    for (const [value, code] of cases) {
      const c = compileGeneric(value, TEXT)
      expect(c._tag).toBe('Right')
      if (c._tag === 'Right') {
        expect(c.right.comparison._tag).toBe('Never')
        expect(c.right.warnings.map((w) => w.code)).toEqual([code])
      }
    }
  })

  it('configuration errors: other placeholders, stray braces, bad regexes', () => {
    expect(compileGeneric('x == {other}', TEXT)).toMatchObject({ _tag: 'Left', left: { code: 'invalid-placeholder' } })
    expect(compileGeneric('x == {current_time', TEXT)).toMatchObject({
      _tag: 'Left',
      left: { code: 'invalid-placeholder' },
    })
    expect(compileGeneric("x 'matches' (", TEXT)).toMatchObject({ _tag: 'Left', left: { code: 'invalid-regex' } })
    expect(compileGeneric("x 'matches' {now}", TEXT)).toMatchObject({
      _tag: 'Left',
      left: { code: 'invalid-placeholder' },
    })
    expect(compileGeneric('x == {other}', { braces: 'literal', integerLeft: false })._tag).toBe('Right')
  })

  it('{current_time} is a placeholder like {now} (D5)', () => {
    expect(check('d < {current_time}-1d', '2026-11-27T00:00Z')).toBe(true)
  })

  it('literal mode (user_info) compares the rendered text when it is not a date', () => {
    const options: GenericOptions = { braces: 'literal', integerLeft: false }
    expect(check('v == at {now}', 'at 2026-11-29T10:00+0000', options)).toBe(true)
    expect(check('v == {x}', '{x}', options)).toBe(true)
  })

  it('an invalid event clock is an evaluation error where the clock is needed', () => {
    expect(check('d < {now}', '2017-01-01', TEXT, 'garbage')).toMatchObject({ _tag: 'EvalFailure' })
    expect(check("d 'date_within_last' 1d", '2017-01-01', TEXT, 'garbage')).toMatchObject({ _tag: 'EvalFailure' })
    expect(check('d < 2030-01-01', '2017-01-01', TEXT, 'garbage')).toBe(true)
  })

  it('strings compare by code point, as Python does', () => {
    expect(compareCodePoints('\uffff', '\u{10000}')).toBe(-1)
    expect('\uffff' < '\u{10000}').toBe(false)
    expect(check('v < \u{10000}', '\uffff')).toBe(true)
  })
})

describe('a {now} offset outside the years 1 to 9999 (privacyIDEA: OverflowError)', () => {
  const overflow = { errorTag: 'OverflowError' }
  it.each([
    'd > {now}-99999999999d',
    'd < {now}+99999999999d',
    'd == {now}-3000000d',
    'd != {now}+3000000d',
    "d 'date_before' {now}-3000000d",
    "d 'in' a,{now}-3000000d",
    "d 'string_contains' {now}+3000000d",
    'd > x{now}+3000000d',
  ])('%j fails the evaluation, whatever the left side', (value) => {
    expect(check(value, '2026-11-29T10:00Z')).toMatchObject(overflow)
    expect(check(value, 'abc')).toMatchObject(overflow)
  })
  it('an integer left side does not save it: the right side is rendered first', () => {
    expect(check('v > {now}-99999999999d', 5)).toMatchObject(overflow)
  })
  it('offsets that stay in range compare as dates', () => {
    expect(check('d > {now}-700000d', '2026-11-29T10:00Z')).toBe(true)
    expect(check('d < {now}+2900000d', '2026-11-29T10:00Z')).toBe(true)
  })
})
