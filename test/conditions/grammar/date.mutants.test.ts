/**
 * Behaviour of the date grammar (SPEC D7, D13) that a mutation run of src/conditions/grammar/date.ts found untested:
 * the last day of every month and the leap-year rule, the bounds of offsets and fields, the anchors of both
 * grammars, rendering of years before 1 and of fractions, and the exact bounds of Python's datetime range.
 */
import { describe, expect, it } from 'vitest'
import {
  civilFromDays,
  daysFromCivil,
  formatInOffset,
  formatOffset,
  inDatetimeRange,
  offsetMinutesOf,
  parseDate,
} from '../../../src/conditions/grammar/date.js'

describe('parseDate: calendar', () => {
  it.each([
    ['2017-01-31', '2017-01-32'],
    ['2017-02-28', '2017-02-29'],
    ['2017-03-31', '2017-03-32'],
    ['2017-04-30', '2017-04-31'],
    ['2017-05-31', '2017-05-32'],
    ['2017-06-30', '2017-06-31'],
    ['2017-07-31', '2017-07-32'],
    ['2017-08-31', '2017-08-32'],
    ['2017-09-30', '2017-09-31'],
    ['2017-10-31', '2017-10-32'],
    ['2017-11-30', '2017-11-31'],
    ['2017-12-31', '2017-12-32'],
  ])('%s is the last day of its month, %s is not a date', (last, next) => {
    const [y, m, d] = last.split('-').map(Number) as [number, number, number]
    expect(parseDate(last)).toBe(Date.UTC(y, m - 1, d))
    expect(parseDate(next)).toBeUndefined()
  })
  it('February 29 exists in years divisible by 4, except centuries not divisible by 400', () => {
    expect(parseDate('2000-02-29')).toBe(Date.UTC(2000, 1, 29))
    expect(parseDate('2400-02-29')).toBe(Date.UTC(2400, 1, 29))
    expect(parseDate('1900-02-29')).toBeUndefined()
    expect(parseDate('2100-02-29')).toBeUndefined()
    expect(parseDate('2024-02-30')).toBeUndefined()
    expect(parseDate('29/02/24 10:00')).toBe(Date.UTC(2024, 1, 29, 10))
    expect(parseDate('29/02/25 10:00')).toBeUndefined()
  })
  it.each([
    '2017-00-01',
    '2017-01-00',
    '00/01/26 10:00',
    '01/00/26 10:00',
    '01/13/26 10:00',
    '01/01/26 24:00',
    '01/01/26 10:60',
  ])('%j: month or day 0, month 13 or a time past 23:59 is not a date', (text) =>
    expect(parseDate(text)).toBeUndefined(),
  )
  it('the first and the last day of the years 1 to 9999', () => {
    expect(parseDate('0001-01-01')).toBe(-62_135_596_800_000)
    expect(parseDate('9999-12-31T23:59:59')).toBe(253_402_300_799_000)
  })
})

describe('parseDate: times, fractions and offsets', () => {
  it.each([
    ['2017-01-01T23:59:59', Date.UTC(2017, 0, 1, 23, 59, 59)],
    ['2017-01-01T10:00+2359', Date.UTC(2017, 0, 1, 10, 0) - (23 * 60 + 59) * 60_000],
    ['2017-01-01T10:00-2359', Date.UTC(2017, 0, 1, 10, 0) + (23 * 60 + 59) * 60_000],
    ['2017-01-01T10:00+0059', Date.UTC(2017, 0, 1, 9, 1)],
    ['2017-01-01T10:00-01', Date.UTC(2017, 0, 1, 11, 0)],
    ['2017-01-01T10:00:00.1', Date.UTC(2017, 0, 1, 10, 0, 0, 100)],
    ['2017-01-01T10:00:00.000001', Date.UTC(2017, 0, 1, 10) + 0.001],
  ])('%j is an instant', (text, ms) => expect(parseDate(text)).toBe(ms))
  it.each([
    '2017-01-01x',
    'x2017-01-01',
    '01/01/26 10:00x',
    'x01/01/26 10:00',
    '2017-01-01T10:00+02:0',
    '2017-01-01T10:00+020',
    '2017-01-01t10:00',
    '2017-01-01T10:00z',
    '2017-01-01T10:00:00.Z',
  ])('%j is not a date', (text) => expect(parseDate(text)).toBeUndefined())
})

describe('offsetMinutesOf reads the offset after a time only', () => {
  it.each([
    ['2026-11-29+01:00', 0],
    ['2026-11-29T10:00-01', -60],
    ['2026-11-29T10:00+2400', 0],
    ['2026-11-29 10:00:00.1+05:45', 345],
    ['x2026-11-29T10:00:00+0100x', 0],
  ])('%j → %d', (text, minutes) => expect(offsetMinutesOf(text)).toBe(minutes))
})

describe('rendering', () => {
  it('offsets: sign, hours and minutes', () => {
    expect(formatOffset(0)).toBe('+0000')
    expect(formatOffset(-60)).toBe('-0100')
    expect(formatOffset(59)).toBe('+0059')
    expect(formatOffset(-1)).toBe('-0001')
  })
  it('years before 1 with a sign and four digits', () => {
    expect(formatInOffset(daysFromCivil(0, 12, 31) * 86_400_000, 0, 'YYYY-MM-DD')).toBe('0000-12-31')
    expect(formatInOffset(daysFromCivil(-5, 3, 1) * 86_400_000, 0, 'YYYY-MM-DD')).toBe('-0005-03-01')
  })
  it('microseconds: rounded, never seven digits; before 1970 counted forward from the second', () => {
    const full = 'YYYY-MM-DD HH:MM:SS.ffffff±hhmm'
    expect(formatInOffset(999.9999996, 0, full)).toBe('1970-01-01 00:00:00.999999+0000')
    expect(formatInOffset(0.0004, 0, full)).toBe('1970-01-01 00:00:00.000000+0000')
    expect(formatInOffset(-1, 0, full)).toBe('1969-12-31 23:59:59.999000+0000')
    expect(formatInOffset(Date.UTC(2026, 0, 1, 0, 5, 7), -30, full)).toBe('2025-12-31 23:35:07.000000-0030')
  })
  it('HH:MM:SS is the time of day only', () => {
    expect(formatInOffset(Date.UTC(2026, 0, 1, 23, 59, 59, 123), 0, 'HH:MM:SS')).toBe('23:59:59')
  })
})

describe('day numbers', () => {
  it('around the epoch, March 1 and year 0', () => {
    expect(civilFromDays(0)).toEqual({ year: 1970, month: 1, day: 1 })
    expect(civilFromDays(-1)).toEqual({ year: 1969, month: 12, day: 31 })
    expect(civilFromDays(59)).toEqual({ year: 1970, month: 3, day: 1 })
    expect(civilFromDays(-719_468)).toEqual({ year: 0, month: 3, day: 1 })
    expect(daysFromCivil(2000, 3, 1) - daysFromCivil(2000, 2, 29)).toBe(1)
    expect(daysFromCivil(2000, 3, 1)).toBe(11_017)
  })
})

describe("Python's datetime range, read in an offset", () => {
  const first = -62_135_596_800_000 // 0001-01-01T00:00Z
  const last = 253_402_300_799_999 // 9999-12-31T23:59:59.999Z
  it('includes its first and last millisecond and nothing beyond', () => {
    expect(inDatetimeRange(first, 0)).toBe(true)
    expect(inDatetimeRange(first - 1, 0)).toBe(false)
    expect(inDatetimeRange(last, 0)).toBe(true)
    expect(inDatetimeRange(last + 1, 0)).toBe(false)
  })
  it('an offset moves the local time across a bound', () => {
    expect(inDatetimeRange(first, -1)).toBe(false)
    expect(inDatetimeRange(first + 60_000, -1)).toBe(true)
    expect(inDatetimeRange(last, 1)).toBe(false)
    expect(inDatetimeRange(last - 60_000, 1)).toBe(true)
  })
})
