import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatDuration, parseDuration } from '../../../src/conditions/grammar/duration.js'
import { right } from '../../../src/core/either.js'
import { durationText } from '../../arbitraries/condition-values.js'

const DAY = 86_400_000

describe('parseDuration (SPEC 3.1 timedelta grammar, 10.5)', () => {
  it.each([
    ['7d', 7 * DAY],
    ['10h', 36_000_000],
    ['1y', 365 * DAY],
    ['30s', 30_000],
    ['5m', 300_000],
    ['+5d', 5 * DAY],
    ['-5d', -5 * DAY],
    ['- 5 d', -5 * DAY],
    ['  180d  ', 180 * DAY],
    ['0s', 0],
  ])('%j is %d ms', (text, ms) => expect(parseDuration(text)).toEqual(right(ms)))

  it.each([
    ['\u0667d', 7 * DAY], // Arabic-Indic seven: Python's \d and int() read any decimal digit
    ['\u0967\u0966h', 36_000_000], // Devanagari 10
    ['-\uff15 d', -5 * DAY], // fullwidth 5
    ['7d\x1c', 7 * DAY], // U+001C..U+001F, U+0085 are whitespace in Python's re, not in JavaScript's \s
    ['\x85 7d', 7 * DAY],
    ['\u30007d\u3000', 7 * DAY],
    ['+\x1f5\x1fd', 5 * DAY],
  ])('%j is %d ms: digits and blanks as Python reads them', (text, ms) =>
    expect(parseDuration(text)).toEqual(right(ms)),
  )

  const NOT = 'is not a duration; write a number and a unit, e.g. 7d (use s, m, h, d or y)'
  it.each([
    ['7d\ufeff', NOT], // U+FEFF is whitespace to JavaScript's \s, not to Python
    ['\u0667', 'has no unit; use s, m, h, d or y'],
    ['\x1c', 'is empty; write a number and a unit, e.g. 7d (use s, m, h, d or y)'],
    ['\u2167d', NOT], // a Roman numeral is a number (Nl) but not a decimal digit (Nd)
  ])('%j is rejected as Python rejects it: %s', (text, reason) =>
    expect(parseDuration(text)).toEqual({ _tag: 'Left', left: `${JSON.stringify(text)} ${reason}` }),
  )

  it('a long run of blanks is read in linear time (no backtracking between the blanks around a sign)', () => {
    const blanks = '\t'.repeat(50_000)
    expect(parseDuration(`${blanks}x`)._tag).toBe('Left')
    expect(parseDuration(`${blanks}+${blanks}7${blanks}d${blanks}`)).toEqual(right(7 * DAY))
  })

  it.each([
    ['7', '"7" has no unit; use s, m, h, d or y'],
    ['7w', '"7w" has an unknown unit "w"; use s, m, h, d or y'],
    ['10M', '"10M" has an unknown unit "M"; use s, m, h, d or y (units are lower case: m)'],
    ['', '"" is empty; write a number and a unit, e.g. 7d (use s, m, h, d or y)'],
    ['d', '"d" is not a duration; write a number and a unit, e.g. 7d (use s, m, h, d or y)'],
    ['1.5d', '"1.5d" is not a duration; write a number and a unit, e.g. 7d (use s, m, h, d or y)'],
    ['5 d x', '"5 d x" is not a duration; write a number and a unit, e.g. 7d (use s, m, h, d or y)'],
    ['99999999999y', '"99999999999y" is too large'],
  ])('%j is rejected: %s', (text, reason) => expect(parseDuration(text)).toEqual({ _tag: 'Left', left: reason }))

  it('reads every generated duration (signs, blanks, leading zeros) as the intended milliseconds', () => {
    fc.assert(
      fc.property(durationText, ({ text, ms }) => {
        const r = parseDuration(text)
        return r._tag === 'Right' && r.right === ms
      }),
    )
  })

  it('round-trips: formatDuration(ms) parses back to ms', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (seconds) => {
        const ms = seconds * 1000
        const r = parseDuration(formatDuration(ms))
        return r._tag === 'Right' && r.right === ms
      }),
    )
  })

  it('round-trips: parse ∘ format ∘ parse = parse', () => {
    fc.assert(
      fc.property(durationText, ({ text }) => {
        const first = parseDuration(text)
        if (first._tag === 'Left') return false
        expect(parseDuration(formatDuration(first.right))).toEqual(first)
        return true
      }),
    )
  })
})
