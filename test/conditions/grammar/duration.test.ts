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
