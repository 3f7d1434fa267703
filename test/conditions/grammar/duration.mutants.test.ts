/**
 * Behaviour of the duration grammar (SPEC 3.1 timedelta, 10.5) that a mutation run of
 * src/conditions/grammar/duration.ts found untested: the bound, the sign of zero, blanks anywhere the grammar
 * allows them, the reasons of refused texts, and how durations are written back.
 */
import { describe, expect, it } from 'vitest'
import { DURATION_UNITS, formatDuration, parseDuration } from '../../../src/conditions/grammar/duration.js'
import { right } from '../../../src/core/either.js'

const DAY = 86_400_000
const HINT = 'use s, m, h, d or y'
const NOT_A_DURATION = `is not a duration; write a number and a unit, e.g. 7d (${HINT})`

describe('parseDuration', () => {
  it('each unit has its length; y is 365 days', () => {
    expect(DURATION_UNITS).toEqual({ s: 1000, m: 60_000, h: 3_600_000, d: DAY, y: 365 * DAY })
    expect(parseDuration('4s')).toEqual(right(4000))
    expect(parseDuration('3m')).toEqual(right(180_000))
    expect(parseDuration('2h')).toEqual(right(7_200_000))
    expect(parseDuration('12d')).toEqual(right(12 * DAY))
  })
  it('accepts up to the range of a JavaScript date, ±100 000 000 days, and not one day more', () => {
    expect(parseDuration('100000000d')).toEqual(right(8.64e15))
    expect(parseDuration('-100000000d')).toEqual(right(-8.64e15))
    expect(parseDuration('100000001d')).toEqual({ _tag: 'Left', left: '"100000001d" is too large' })
    expect(parseDuration('-100000001d')).toEqual({ _tag: 'Left', left: '"-100000001d" is too large' })
  })
  it('a negative zero is zero', () => {
    const r = parseDuration('-0s')
    expect(r._tag === 'Right' && Object.is(r.right, 0)).toBe(true)
  })
  it('blanks of any length around the sign, the digits and the unit', () => {
    expect(parseDuration('  -  5  m  ')).toEqual(right(-300_000))
    expect(parseDuration('\t7d\n')).toEqual(right(7 * DAY))
    expect(parseDuration('7\td')).toEqual(right(7 * DAY))
  })
  it.each([
    ['   ', `"   " is empty; write a number and a unit, e.g. 7d (${HINT})`],
    [' + 7 ', `" + 7 " has no unit; ${HINT}`],
    ['- 7', `"- 7" has no unit; ${HINT}`],
    ['5x', `"5x" has an unknown unit "x"; ${HINT}`],
    ['7dx', `"7dx" has an unknown unit "dx"; ${HINT}`],
    ['5 Ms', `"5 Ms" has an unknown unit "Ms"; ${HINT}`],
    ['5 SS', `"5 SS" has an unknown unit "SS"; ${HINT}`],
    ['5S', `"5S" has an unknown unit "S"; ${HINT} (units are lower case: s)`],
    ['5H', `"5H" has an unknown unit "H"; ${HINT} (units are lower case: h)`],
    ['5D', `"5D" has an unknown unit "D"; ${HINT} (units are lower case: d)`],
    ['5Y', `"5Y" has an unknown unit "Y"; ${HINT} (units are lower case: y)`],
    ['+', `"+" ${NOT_A_DURATION}`],
    ['x7d', `"x7d" ${NOT_A_DURATION}`],
    ['x7', `"x7" ${NOT_A_DURATION}`],
    ['d7', `"d7" ${NOT_A_DURATION}`],
    ['7d7', `"7d7" ${NOT_A_DURATION}`],
    ['7 7d', `"7 7d" ${NOT_A_DURATION}`],
    ['7 d d', `"7 d d" ${NOT_A_DURATION}`],
  ])('%j is refused: %s', (text, reason) => expect(parseDuration(text)).toEqual({ _tag: 'Left', left: reason }))
})

describe('formatDuration writes the largest unit that divides the duration exactly', () => {
  it.each([
    [365 * DAY, '1y'],
    [366 * DAY, '366d'],
    [-DAY, '-1d'],
    [7_200_000, '2h'],
    [5_400_000, '90m'],
    [60_000, '1m'],
    [90_000, '90s'],
    [1000, '1s'],
    [1500, '1.5s'],
    [-1500, '-1.5s'],
    [500, '0.5s'],
  ])('%d ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text))
})
