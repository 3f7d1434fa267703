/**
 * Behaviour of the `{now}` / `{current_time}` template grammar (SPEC 3.1, D5, D6, D18) that a mutation run of
 * src/conditions/grammar/now.ts found untested: the reasons of refused templates, how escaped braces and text
 * around placeholders are kept, the warnings for offset-like text, and the overflow message.
 */
import { describe, expect, it } from 'vitest'
import {
  compileNowTemplate,
  constantText,
  dateOverflow,
  matchNowPlaceholder,
  type NowTemplate,
  outOfRangePlaceholder,
} from '../../../src/conditions/grammar/now.js'

const compiled = (text: string, mode: 'format' | 'literal'): NowTemplate => {
  const t = compileNowTemplate(text, mode)
  if (t._tag === 'Left') throw new Error(t.left)
  return t.right
}

const ALLOWED = 'only {now} and {current_time} are allowed (write {{ and }} for literal braces)'

describe('format mode refuses what str.format refuses, and says why', () => {
  it.each([
    ['{other}', `unknown placeholder "{other}"; ${ALLOWED}`],
    ['{}', `unknown placeholder "{}"; ${ALLOWED}`],
    ['{now:%Y}', `unknown placeholder "{now:%Y}"; ${ALLOWED}`],
    ['x {other} y}', `unknown placeholder "{other}"; ${ALLOWED}`],
    ['{now', 'unbalanced "{" in "{now"; write {{ for a literal brace'],
    ['x {other', 'unbalanced "{" in "x {other"; write {{ for a literal brace'],
    ['a}', 'unbalanced "}" in "a}"; write }} for a literal brace'],
    ['{now}}', 'unbalanced "}" in "{now}}"; write }} for a literal brace'],
  ])('%j: %s', (text, reason) => expect(compileNowTemplate(text, 'format')).toEqual({ _tag: 'Left', left: reason }))
})

describe('text, escaped braces and placeholders', () => {
  it('format mode: {{ and }} are one brace each, also next to a placeholder', () => {
    expect(compiled('{{now}}', 'format').segments).toEqual([{ _tag: 'Text', text: '{now}' }])
    expect(compiled('}}{{', 'format').segments).toEqual([{ _tag: 'Text', text: '}{' }])
    expect(compiled('a}}b{{x', 'format').segments).toEqual([{ _tag: 'Text', text: 'a}b{x' }])
    expect(compiled('{{{now}', 'format').segments).toEqual([
      { _tag: 'Text', text: '{' },
      { _tag: 'Now', placeholder: 'now', offsetMs: 0, source: '{now}' },
    ])
  })
  it('literal mode: every brace that is not a placeholder is text, kept as written', () => {
    expect(compiled('{{now}}', 'literal').segments).toEqual([
      { _tag: 'Text', text: '{' },
      { _tag: 'Now', placeholder: 'now', offsetMs: 0, source: '{now}' },
      { _tag: 'Text', text: '}' },
    ])
    expect(compiled('}}{{', 'literal').segments).toEqual([{ _tag: 'Text', text: '}}{{' }])
  })
  it('text before and after a placeholder, and after its offset, is kept', () => {
    expect(compiled('a{now}', 'format').segments).toEqual([
      { _tag: 'Text', text: 'a' },
      { _tag: 'Now', placeholder: 'now', offsetMs: 0, source: '{now}' },
    ])
    expect(compiled('{now} + 5 d rest', 'format')).toEqual({
      source: '{now} + 5 d rest',
      segments: [
        { _tag: 'Now', placeholder: 'now', offsetMs: 432_000_000, source: '{now} + 5 d' },
        { _tag: 'Text', text: ' rest' },
      ],
      placeholders: 1,
      warnings: [],
    })
  })
  it('a sign and digits without a unit stay text, with no warning', () => {
    expect(compiled('{now}+ 5', 'format')).toMatchObject({
      segments: [
        { _tag: 'Now', offsetMs: 0, source: '{now}' },
        { _tag: 'Text', text: '+ 5' },
      ],
      warnings: [],
    })
  })
  it('counts the placeholders; a template with one has no constant text', () => {
    const t = compiled('a{now}+1y b{current_time} - 2 H', 'format')
    expect(t.placeholders).toBe(2)
    expect(constantText(t)).toBeUndefined()
    expect(constantText(compiled('plain', 'format'))).toBe('plain')
  })
})

describe('offset-like text with another unit stays text, with a warning per placeholder', () => {
  it('names the unit and the placeholder', () => {
    expect(compiled('a{now}+1y b{current_time} - 2 H', 'literal')).toMatchObject({
      segments: [
        { _tag: 'Text', text: 'a' },
        { _tag: 'Now', placeholder: 'now', offsetMs: 0, source: '{now}' },
        { _tag: 'Text', text: '+1y b' },
        { _tag: 'Now', placeholder: 'current_time', offsetMs: 0, source: '{current_time}' },
        { _tag: 'Text', text: ' - 2 H' },
      ],
      warnings: [
        'the offset unit "y" after {now} is not one of s, m, h, d; the offset text stays as written',
        'the offset unit "H" after {current_time} is not one of s, m, h, d; the offset text stays as written',
      ],
    })
  })
  it('only text right after the placeholder is an offset; a later sign and number stay text, with no warning', () => {
    expect(compiled('{now}x+1d', 'format')).toMatchObject({
      segments: [
        { _tag: 'Now', offsetMs: 0, source: '{now}' },
        { _tag: 'Text', text: 'x+1d' },
      ],
      warnings: [],
    })
    expect(compiled('{now}x+1y', 'format').warnings).toEqual([])
  })
  it('an offset of several digits with another unit is warned about too', () => {
    expect(compiled('{now}+10y', 'format').warnings).toEqual([
      'the offset unit "y" after {now} is not one of s, m, h, d; the offset text stays as written',
    ])
  })
  it('matchNowPlaceholder reports it too, and where the placeholder ends', () => {
    expect(matchNowPlaceholder('{now}+1w', 0)).toEqual({
      placeholder: 'now',
      offsetMs: 0,
      end: 5,
      warning: 'the offset unit "w" after {now} is not one of s, m, h, d; the offset text stays as written',
    })
    expect(matchNowPlaceholder('{current_time}+1h', 0)).toEqual({
      placeholder: 'current_time',
      offsetMs: 3_600_000,
      end: 17,
    })
    expect(matchNowPlaceholder('ab{now}', 2)).toEqual({ placeholder: 'now', offsetMs: 0, end: 7 })
  })
})

describe('overflow', () => {
  it('without a clock text the message quotes an empty clock', () => {
    expect(dateOverflow('{now}', undefined)).toEqual({
      _tag: 'EvalFailure',
      errorTag: 'OverflowError',
      message: '{now} lands outside the years 1 to 9999 for event.now "": date value out of range',
    })
  })
  it('a placeholder segment without an offset or a source is read as a plain {now}', () => {
    expect(outOfRangePlaceholder({ segments: [{ _tag: 'Now' }] }, 8.64e15, 0)).toBe('{now}')
    expect(outOfRangePlaceholder({ segments: [{ _tag: 'Now' }] }, 0, 0)).toBeUndefined()
    expect(outOfRangePlaceholder({ segments: [{ _tag: 'Text', offsetMs: 1e16 }] }, 0, 0)).toBeUndefined()
  })
})
