import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  civilFromDays,
  daysFromCivil,
  formatInOffset,
  inDatetimeRange,
  offsetMinutesOf,
  parseDate,
  wellInsideDatetimeRange,
} from '../../../src/conditions/grammar/date.js'
import { instantMs, offsets } from '../../arbitraries/condition-values.js'

describe('parseDate (D7, D13)', () => {
  it.each([
    ['2017-01-01T10:00+0200', Date.UTC(2017, 0, 1, 8, 0)],
    ['2017-01-01T08:00+0000', Date.UTC(2017, 0, 1, 8, 0)],
    ['2017-01-01T10:00+02:00', Date.UTC(2017, 0, 1, 8, 0)],
    ['2017-01-01T10:00+02', Date.UTC(2017, 0, 1, 8, 0)],
    ['2017-01-01T10:00Z', Date.UTC(2017, 0, 1, 10, 0)],
    ['2017-01-01 10:00:30', Date.UTC(2017, 0, 1, 10, 0, 30)],
    ['2016-10-10 10:10:10.000', Date.UTC(2016, 9, 10, 10, 10, 10)],
    ['2026-11-20 10:00:00.5+0100', Date.UTC(2026, 10, 20, 9, 0, 0, 500)],
    ['2026-11-20 10:00:00.123456+0100', Date.UTC(2026, 10, 20, 9, 0, 0, 123) + 0.456],
    ['2030-01-01', Date.UTC(2030, 0, 1)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
    ['2026-11-29T10:00:00-05:30', Date.UTC(2026, 10, 29, 15, 30)],
    ['01/02/26 10:30', Date.UTC(2026, 1, 1, 10, 30)],
    ['31/12/99 23:59', Date.UTC(1999, 11, 31, 23, 59)],
    ['01/01/68 00:00', Date.UTC(2068, 0, 1)],
    ['01/01/69 00:00', Date.UTC(1969, 0, 1)],
    ['0050-01-01', daysFromCivil(50, 1, 1) * 86_400_000],
  ])('%j is an instant', (text, ms) => expect(parseDate(text)).toBe(ms))

  it.each([
    '5',
    '9a',
    'garbage',
    '',
    '2017-1-1',
    '2017-02-30',
    '2023-02-29',
    '2017-13-01',
    '2017-01-01T24:00',
    '2017-01-01T10:60',
    '2017-01-01T10:00:60',
    '2017-01-01T10:00+2400',
    '2017-01-01T10:00+0260',
    '2017-01-01T10',
    '2017-01-01T10:00:00.1234567',
    '2017-01-01+02:00',
    ' 2017-01-01',
    '32/01/26 10:00',
    '0000-01-01',
  ])('%j is not a date', (text) => expect(parseDate(text)).toBeUndefined())

  it('compares by instant whatever offset a date is written in', () => {
    fc.assert(
      fc.property(instantMs, offsets, offsets, (ms, o1, o2) => {
        const a = parseDate(formatInOffset(ms, o1, 'YYYY-MM-DD HH:MM:SS.ffffff±hhmm'))
        const b = parseDate(formatInOffset(ms, o2, 'YYYY-MM-DD HH:MM:SS.ffffff±hhmm'))
        return a === ms && b === ms
      }),
    )
  })

  it('minute-precision renderings parse back to the instant truncated to the minute', () => {
    fc.assert(
      fc.property(instantMs, offsets, (ms, o) => {
        return parseDate(formatInOffset(ms, o, 'YYYY-MM-DDTHH:MM±hhmm')) === Math.floor(ms / 60000) * 60000
      }),
    )
  })

  it('orders instants the same way whatever offsets they are written in', () => {
    fc.assert(
      fc.property(instantMs, instantMs, offsets, offsets, (a, b, oa, ob) => {
        const pa = parseDate(formatInOffset(a, oa, 'YYYY-MM-DD HH:MM:SS.ffffff±hhmm')) as number
        const pb = parseDate(formatInOffset(b, ob, 'YYYY-MM-DD HH:MM:SS.ffffff±hhmm')) as number
        return Math.sign(pa - pb) === Math.sign(a - b)
      }),
    )
  })

  it('civil dates round-trip through day numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -800_000, max: 3_000_000 }), (days) => {
        const { year, month, day } = civilFromDays(days)
        return daysFromCivil(year, month, day) === days
      }),
    )
  })
})

describe('offsetMinutesOf', () => {
  it.each([
    ['2026-11-29T10:00:00+01:00', 60],
    ['2026-11-29T10:00:00-0530', -330],
    ['2026-11-29T10:00:00+02', 120],
    ['2026-11-29T10:00:00Z', 0],
    ['2026-11-29T10:00:00', 0],
    ['2026-11-29 10:00:00.123456+0100', 60],
    ['garbage', 0],
  ])('%j → %d', (text, minutes) => expect(offsetMinutesOf(text)).toBe(minutes))
})

describe('formatInOffset', () => {
  const ms = Date.UTC(2026, 7, 21, 7, 30, 5, 250)
  it.each([
    [120, 'YYYY-MM-DDTHH:MM±hhmm', '2026-08-21T09:30+0200'],
    [-330, 'YYYY-MM-DDTHH:MM±hhmm', '2026-08-21T02:00-0530'],
    [0, 'YYYY-MM-DD', '2026-08-21'],
    [-480, 'YYYY-MM-DD', '2026-08-20'],
    [60, 'HH:MM:SS', '08:30:05'],
    [60, 'YYYY-MM-DD HH:MM:SS.ffffff±hhmm', '2026-08-21 08:30:05.250000+0100'],
  ] as const)('offset %d, %s → %s', (offset, pattern, text) => expect(formatInOffset(ms, offset, pattern)).toBe(text))
})

describe('wellInsideDatetimeRange', () => {
  it('holds more than a day inside the years 1 to 9999, and agrees with inDatetimeRange in every offset there', () => {
    const first = Date.parse('0001-01-01T00:00:00Z')
    const last = Date.parse('9999-12-31T23:59:59.999Z')
    const day = 86_400_000
    expect(wellInsideDatetimeRange(first + day + 1)).toBe(true)
    expect(wellInsideDatetimeRange(first + day)).toBe(false)
    expect(wellInsideDatetimeRange(last - day - 1)).toBe(true)
    expect(wellInsideDatetimeRange(last - day)).toBe(false)
    for (const ms of [first + day + 1, last - day - 1, Date.UTC(2026, 10, 29)])
      for (const offset of [-1439, -720, 0, 720, 1439]) expect(inDatetimeRange(ms, offset)).toBe(true)
  })
})
