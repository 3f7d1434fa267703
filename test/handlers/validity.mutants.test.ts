/**
 * Token `set validity` dates (SPEC 4.2): the edges of the offset and fixed-date readings — calendar limits, the
 * two-digit year pivot, day-first or month-first, the stored form with or without an offset.
 */
import { describe, expect, test } from 'vitest'
import { compileValidity, renderValidity } from '../../src/handlers/validity.js'

const NOW = Date.UTC(2026, 10, 29, 9, 0, 42)

const render = (value: string, offset = 60) => {
  const c = compileValidity(value)
  if (c._tag === 'Left') throw new Error(c.left)
  return renderValidity(c.right, NOW, offset)
}

describe('offsets', () => {
  test.each([
    ['+7', '2026-11-29T10:00+0100'], // no unit: now
    ['+', '2026-11-29T10:00+0100'],
    ['+ 7 d', '2026-12-06T10:00+0100'], // blanks around the amount
    ['  +7d  ', '2026-12-06T10:00+0100'],
    ['++1d', '2026-11-30T10:00+0100'],
    ['+0012h', '2026-11-29T22:00+0100'],
    ['+90M', '2026-11-29T11:30+0100'],
    ['+2H', '2026-11-29T12:00+0100'],
    ['', '2026-11-29T10:00+0100'],
  ])('%j → %s', (value, out) => {
    expect(render(value)).toBe(out)
  })
  test.each([
    ['+d', '""'],
    ['+1.5h', '"1.5"'],
    ['+1 2d', '"1 2"'],
    ['+xd', '"x"'],
  ])('%j: with a unit, an amount int() refuses is a configuration error (privacyIDEA raises)', (value, amount) => {
    expect(compileValidity(value)).toEqual({
      _tag: 'Left',
      left: `${JSON.stringify(value)}: the offset amount ${amount} is not an integer; write e.g. +10m, +24h or +7d`,
    })
  })
  test('the amount is read as int() reads it: blanks, a sign, underscores, any decimal digits', () => {
    expect(render('+ -2 h')).toBe('2026-11-29T08:00+0100')
    expect(render('+1_0m')).toBe('2026-11-29T10:10+0100')
    expect(render('+\u0663d')).toBe('2026-12-02T10:00+0100')
  })
  test('rendered in the offset of the event clock', () => {
    expect(render('+1h', -330)).toBe('2026-11-29T04:30-0530')
    expect(render('+1h', 0)).toBe('2026-11-29T10:00+0000')
  })
  test('a fixed date does not depend on the clock', () => {
    const c = compileValidity('2016-12-23')
    if (c._tag === 'Left') throw new Error(c.left)
    expect(renderValidity(c.right, 0, 0)).toBe('2016-12-23T00:00')
    expect(renderValidity(c.right, NOW, 600)).toBe('2016-12-23T00:00')
  })
})

describe('fixed dates', () => {
  test.each([
    // two-digit years, as Python's %y: 69–99 are 1969–1999, 00–68 are 2000–2068
    ['01.02.68', '2068-02-01T00:00'],
    ['01.02.69', '1969-02-01T00:00'],
    ['01.02.99', '1999-02-01T00:00'],
    ['01.02.00', '2000-02-01T00:00'],
    // month first only when the second number cannot be a month and the first can
    ['12.13.2016', '2016-12-13T00:00'],
    ['13.12.2016', '2016-12-13T00:00'],
    ['12.12.2016', '2016-12-12T00:00'],
    ['05.12.2016', '2016-12-05T00:00'],
    ['13/11/16', '2016-11-13T00:00'],
    ['01/1/2016', '2016-01-01T00:00'],
    // the limits of each field
    ['31.12.2016 23:59', '2016-12-31T23:59'],
    ['01.01.2016 0:00', '2016-01-01T00:00'],
    ['2016.1.31 23:59:59', '2016-01-31T23:59'],
    ['0001/01/01', '0001-01-01T00:00'],
    ['0099/12/31', '0099-12-31T00:00'],
    ['2016/12/23T9:30', '2016-12-23T09:30'],
    ['2016/12/23  9:30', '2016-12-23T09:30'],
    // ISO without an offset: stored without one; with one: in that offset
    ['2016-12-23T15:30', '2016-12-23T15:30'],
    ['2016-12-23 15:30:10.123456', '2016-12-23T15:30'],
    ['2016-12-23T15:30:10.5-0230', '2016-12-23T15:30-0230'],
    ['2016-12-23T15:30-05', '2016-12-23T15:30-0500'],
    ['2016-12-23 15:30+01:00', '2016-12-23T15:30+0100'],
  ])('%j → %s', (value, out) => {
    expect(render(value)).toBe(out)
  })
  test.each([
    '0000/01/01',
    '2016/00/10',
    '2016/13/10',
    '2016/12/00',
    '2016/12/32',
    '2016/12/23 24:00',
    '2016/12/23 23:60',
    '00.12.2016',
    '13.13.2016',
    '31.06.2016',
    '29.02.1900',
    '23.12.2016 24:00',
    '23.12.2016 9:60',
    '23.12.201',
    '2016/12/23 9',
  ])('%j is not a date', (value) => {
    expect(compileValidity(value)._tag).toBe('Left')
  })
  test('29 February of a leap year is a date', () => {
    expect(render('2000/02/29')).toBe('2000-02-29T00:00')
    expect(render('29.02.2000')).toBe('2000-02-29T00:00')
  })
  test('the reason names the value and shows the forms that are read', () => {
    expect(compileValidity('soon')).toEqual({
      _tag: 'Left',
      left: '"soon" is not a date; write e.g. 2016-12-23, 2016-12-23T15:30+0600, 2016/12/23, 23.12.2016 9:30 or an offset such as +7d',
    })
    expect(compileValidity(' 31.04.2016 ')).toMatchObject({ left: expect.stringMatching(/^" 31\.04\.2016 " is not/) })
  })
  test('compiled forms', () => {
    expect(compileValidity('+7d')).toEqual({ _tag: 'Right', right: { _tag: 'Offset', offsetMs: 604_800_000 } })
    expect(compileValidity('+7y')).toEqual({ _tag: 'Right', right: { _tag: 'Offset', offsetMs: 0 } })
    expect(compileValidity('  ')).toEqual({ _tag: 'Right', right: { _tag: 'Offset', offsetMs: 0 } })
    expect(compileValidity('23.12.2016 9:30')).toEqual({
      _tag: 'Right',
      right: { _tag: 'Fixed', text: '2016-12-23T09:30' },
    })
  })
})
