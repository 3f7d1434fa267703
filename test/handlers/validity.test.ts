import { describe, expect, test } from 'vitest'
import { compileValidity, renderValidity } from '../../src/handlers/validity.js'

const NOW = Date.UTC(2026, 10, 29, 9, 0, 42)

const render = (value: string, offset = 60) => {
  const c = compileValidity(value)
  if (c._tag === 'Left') throw new Error(c.left)
  return renderValidity(c.right, NOW, offset)
}

describe('Token set validity dates', () => {
  test.each([
    ['+10m', '2026-11-29T10:10+0100'],
    ['+24h', '2026-11-30T10:00+0100'],
    ['+7d', '2026-12-06T10:00+0100'],
    ['+7D', '2026-12-06T10:00+0100'],
    ['+-1d', '2026-11-28T10:00+0100'],
    ['+5y', '2026-11-29T10:00+0100'],
    ['+1_0d', '2026-12-09T10:00+0100'], // the amount as Python's int() reads it
    ['   ', '2026-11-29T10:00+0100'],
  ])('offset %j → %s', (value, out) => {
    expect(render(value)).toBe(out)
  })
  test.each([
    ['2016-12-23', '2016-12-23T00:00'],
    ['2016-12-23 15:30:10', '2016-12-23T15:30'],
    ['2016-12-23T15:30+0600', '2016-12-23T15:30+0600'],
    ['2016-12-23T15:30:00+06:00', '2016-12-23T15:30+0600'],
    ['2016-12-23T15:30Z', '2016-12-23T15:30+0000'],
    ['2016/12/23', '2016-12-23T00:00'],
    ['2016/12/23 9:30', '2016-12-23T09:30'],
    ['23.12.2016 9:30', '2016-12-23T09:30'],
    ['23/12/2016', '2016-12-23T00:00'],
    ['01/02/26 10:30', '2026-02-01T10:30'],
    ['29.02.2024', '2024-02-29T00:00'],
    ['12/23/2016', '2016-12-23T00:00'], // dateutil's dayfirst gives way when the second number cannot be a month
    ['02.13.2016 8:05', '2016-02-13T08:05'],
    ['12/11/2016', '2016-11-12T00:00'], // both could be months: day first
    // one digit first: dateutil reads the month first (privacyIDEA sets dayfirst only for dd/ and dd.)
    ['1/2/2016', '2016-01-02T00:00'],
    ['1.13.2016 9:30', '2016-01-13T09:30'],
    // dashes: privacyIDEA's dayfirst is only for dd/ and dd., so month first unless it cannot be a month
    ['01-02-2016', '2016-01-02T00:00'],
    ['23-12-2016 9:30', '2016-12-23T09:30'],
    ['2016-2-3', '2016-02-03T00:00'],
    ['2016-12-23 9:30pm', '2016-12-23T21:30'],
    ['2016/12-23', '2016-12-23T00:00'], // dateutil mixes slashes and dashes
    ['12-05-2016', '2016-12-05T00:00'], // no dayfirst: 12 can be a month
    ['1/12/2016', '2016-01-12T00:00'], // one digit first: no dayfirst, although 12/ follows
    ['2016-12-23T15:30:10.123456+0100', '2016-12-23T15:30+0100'],
    ['9999-12-31T23:59:59.999999', '9999-12-31T23:59'], // the fraction is cut, never rounded into the next minute
    // am/pm, as in privacyIDEA's own example 2016/12/23 11:30pm
    ['2016/12/23 11:30pm', '2016-12-23T23:30'],
    ['2016/12/23 9 PM', '2016-12-23T21:00'],
    ['23.12.2016 12:15am', '2016-12-23T00:15'],
    ['23.12.2016 12pm', '2016-12-23T12:00'],
    ['23.12.2016 0p', '2016-12-23T12:00'],
    ['1/2/2016T7:05 a', '2016-01-02T07:05'],
    ['2016/12/23 9:30:15.5pm', '2016-12-23T21:30'],
  ])('fixed %j → %s', (value, out) => {
    expect(render(value)).toBe(out)
  })
  test.each([
    'tomorrow',
    '2016-13-01',
    '31.04.2016',
    '29.02.2023',
    '2016-12-23T25:00',
    '5',
    '13/13/2016',
    '04/31/2016',
    '+xd', // with a unit, the amount goes through int(), which raises
    '2016/12/23 13pm', // a 12-hour clock
    '2016/12/23 13am',
    '23.12.2016 9', // an hour alone needs am/pm
    '2016-13-01T15:30+0100',
    '2016/12/23 9:30pmx',
    '2016/12/23 9:30:60',
    '1/32/2016',
    '2016.12-23', // a dot only with dots
    '23.12/2016',
    '32/1/16', // dateutil: 16 January 2032, a lenient form
  ])('%j is not a date', (value) => {
    expect(compileValidity(value)._tag).toBe('Left')
  })
})
