import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseDate } from '../../../src/conditions/grammar/date.js'
import {
  compileNowTemplate,
  constantText,
  dateOverflow,
  matchNowPlaceholder,
  type NowTemplate,
  outOfRangePlaceholder,
  placeholderInstant,
  renderNowTemplate,
} from '../../../src/conditions/grammar/now.js'
import { blanks } from '../../arbitraries/condition-values.js'

const compiled = (text: string, mode: 'format' | 'literal' = 'format'): NowTemplate => {
  const t = compileNowTemplate(text, mode)
  if (t._tag === 'Left') throw new Error(t.left)
  return t.right
}

const NOW = Date.UTC(2026, 10, 29, 9, 0, 42)

describe('{now} / {current_time} placeholders (D5, D6, D18)', () => {
  it.each([
    ['{now}', 0],
    ['{now}-2h', -7_200_000],
    ['{now}+2h', 7_200_000],
    ['{now} - 7d', -604_800_000],
    ['{now}  +  30 m', 1_800_000],
    ['{current_time}-5s', -5000],
  ])('%j has offset %d ms', (text, offset) => {
    const t = compiled(text)
    expect(t.segments).toEqual([
      { _tag: 'Now', placeholder: text.startsWith('{now}') ? 'now' : 'current_time', offsetMs: offset, source: text },
    ])
  })

  it('every placeholder carries its own offset (D18)', () => {
    const t = compiled('{now}+1h and {current_time}-1h')
    expect(renderNowTemplate(t, NOW, 0, 'YYYY-MM-DDTHH:MM±hhmm')).toBe(
      '2026-11-29T10:00+0000 and 2026-11-29T08:00+0000',
    )
  })

  it('renders in the offset of the event clock, at minute precision', () => {
    expect(renderNowTemplate(compiled('{now}'), NOW, 60, 'YYYY-MM-DDTHH:MM±hhmm')).toBe('2026-11-29T10:00+0100')
    expect(renderNowTemplate(compiled('{now}'), NOW, 60, 'YYYY-MM-DD HH:MM:SS.ffffff±hhmm')).toBe(
      '2026-11-29 10:00:42.000000+0100',
    )
  })

  it('y is not an offset unit: the text stays, with a warning', () => {
    const t = compiled('{now}+1y')
    expect(t.segments).toEqual([
      { _tag: 'Now', placeholder: 'now', offsetMs: 0, source: '{now}' },
      { _tag: 'Text', text: '+1y' },
    ])
    expect(t.warnings[0]).toContain('"y"')
  })

  it('format mode: {{ and }} are literal braces, other fields and stray braces are errors', () => {
    expect(constantText(compiled('{{a}}'))).toBe('{a}')
    expect(compileNowTemplate('{other}', 'format')).toMatchObject({ _tag: 'Left' })
    expect(compileNowTemplate('{now', 'format')).toMatchObject({ _tag: 'Left' })
    expect(compileNowTemplate('a}', 'format')).toMatchObject({ _tag: 'Left' })
    expect(compileNowTemplate('{}', 'format')).toMatchObject({ _tag: 'Left' })
    expect(compileNowTemplate('{now:%Y}', 'format')).toMatchObject({ _tag: 'Left' })
  })

  it('literal mode: other braces are text', () => {
    expect(constantText(compiled('{other} {{x}', 'literal'))).toBe('{other} {{x}')
    expect(compiled('x{now}y', 'literal').placeholders).toBe(1)
  })

  it('matchNowPlaceholder reads a placeholder at a position, for other template parsers', () => {
    expect(matchNowPlaceholder('x {now} - 7d!', 2)).toEqual({ placeholder: 'now', offsetMs: -604_800_000, end: 12 })
    expect(matchNowPlaceholder('x {now}', 0)).toBeUndefined()
    expect(matchNowPlaceholder('{client_ip}', 0)).toBeUndefined()
  })

  it('offset digits and blanks are read as Python reads \\d and \\s: any decimal digit, Python whitespace', () => {
    expect(matchNowPlaceholder('{now}-\u0665d', 0)).toEqual({ placeholder: 'now', offsetMs: -432_000_000, end: 8 })
    expect(matchNowPlaceholder('{now}\x1c+\x1c1h', 0)).toEqual({ placeholder: 'now', offsetMs: 3_600_000, end: 10 })
    expect(matchNowPlaceholder('{now}\ufeff+1h', 0)).toEqual({ placeholder: 'now', offsetMs: 0, end: 5 })
  })

  it('the rendered placeholder parses back to the instant it stands for', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.constantFrom('+', '-'),
        blanks,
        fc.nat({ max: 1000 }),
        fc.constantFrom('s', 'm', 'h', 'd'),
        fc.constantFrom(0, 60, -330, 345),
        (now, sign, b, n, unit, offset) => {
          const t = compiled(`{now}${b}${sign}${b}${n}${b}${unit}`)
          const seg = t.segments[0]
          if (t.segments.length !== 1 || seg?._tag !== 'Now') return false
          const rendered = renderNowTemplate(t, now, offset, 'YYYY-MM-DDTHH:MM±hhmm')
          return parseDate(rendered) === placeholderInstant(seg.offsetMs, now)
        },
      ),
    )
  })
})

describe('placeholders outside the years 1 to 9999 (privacyIDEA: OverflowError)', () => {
  it('names the first placeholder whose date, in the event offset, leaves the range', () => {
    const t = compiled('{now}+1d and {now}-99999999999d and {current_time}+99999999999d')
    expect(outOfRangePlaceholder(t, NOW, 60)).toBe('{now}-99999999999d')
    expect(outOfRangePlaceholder(compiled('{now}-700000d, {now}+2900000d, {now}'), NOW, 60)).toBeUndefined()
    expect(outOfRangePlaceholder(compiled('no placeholder'), NOW, 60)).toBeUndefined()
  })
  it('reads the range in local time: the first and the last minute depend on the offset', () => {
    const first = Date.parse('0001-01-01T00:00:00Z')
    const last = Date.parse('9999-12-31T23:59:59.999Z')
    const at = (ms: number, offset: number) => outOfRangePlaceholder(compiled('{now}'), ms, offset)
    expect(at(first, 0)).toBeUndefined()
    expect(at(first - 1, 0)).toBe('{now}')
    expect(at(first, -60)).toBe('{now}') // 0000-12-31T23:00 local
    expect(at(last, 0)).toBeUndefined()
    expect(at(last + 1, 0)).toBe('{now}')
    expect(at(last, 60)).toBe('{now}') // 10000-01-01T00:59 local
  })
  it('the failure says which placeholder and which clock', () => {
    expect(dateOverflow('{now}-99999999999d', '2026-11-29T10:00:00+01:00')).toMatchObject({
      errorTag: 'OverflowError',
      message: expect.stringMatching(/\{now\}-99999999999d .*2026-11-29T10:00:00\+01:00.*out of range/),
    })
  })
})
