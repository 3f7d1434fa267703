import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { escapeFormat, parseFormat, parseFormatWith, printFormat } from '../../src/templates/format.js'

const lit = (text: string) => ({ _tag: 'Literal', text })
const field = (name: string) => ({ _tag: 'Field', name })

describe('parseFormat (Python str.format)', () => {
  test('literals and fields', () => {
    expect(parseFormat('Hello {user}, token {serial}.')).toEqual({
      _tag: 'Right',
      right: [lit('Hello '), field('user'), lit(', token '), field('serial'), lit('.')],
    })
  })
  test('{{ and }} are literal braces, merged with the text around them', () => {
    expect(parseFormat('{{a}} {b} }}{{')).toEqual({ _tag: 'Right', right: [lit('{a} '), field('b'), lit(' }{')] })
  })
  test('empty, positional and odd keyword names are fields', () => {
    expect(parseFormat('{}{0}{__proto__}{foo bar}')).toEqual({
      _tag: 'Right',
      right: [field(''), field('0'), field('__proto__'), field('foo bar')],
    })
  })
  test.each([
    ['}', "Single '}' encountered in format string", 0],
    ['a } b', "Single '}' encountered in format string", 2],
    ['abc{', "Single '{' encountered in format string", 3],
    ['{abc', "expected '}' before end of string", 0],
    ['x {a{b}', "expected '}' before end of string", 2],
  ])('%j is refused: %s', (template, message, offset) => {
    expect(parseFormat(template)).toEqual({ _tag: 'Left', left: { message, offset } })
  })
  test.each([
    ['{a!r}', 'conversions'],
    ['{a:>5}', 'format specifications'],
    ['{a:{b}}', 'format specifications'],
    ['{a.b}', 'attribute and index'],
    ['{a[0]}', 'attribute and index'],
    ['{a!}', 'conversions'], // only an empty spec is no spec: `!` or `.` last is still refused, as in Python
    ['{a.}', 'attribute and index'],
    ['{a{b}}', "unexpected '{' in field name"],
    ['{a.{b}}', "unexpected '{' in field name"],
  ])('%j is refused as unsupported (%s)', (template, what) => {
    const r = parseFormat(template)
    expect(r._tag).toBe('Left')
    if (r._tag === 'Left') expect(r.left.message).toContain(what)
  })
  test('an empty format spec is no spec, as in Python: {a:} is {a}', () => {
    expect(parseFormat('x{serial:}y')).toEqual({ _tag: 'Right', right: [lit('x'), field('serial'), lit('y')] })
    expect(parseFormat('{a.b:}')._tag).toBe('Left')
  })
  test('a hook recognises its own fields at an unescaped {', () => {
    const hook = (t: string, i: number) =>
      t.startsWith('{now}', i) ? { segment: { _tag: 'Now' }, next: i + 5 } : undefined
    expect(parseFormatWith('{{now}} {now}{x}', hook)).toEqual({
      _tag: 'Right',
      right: [lit('{now} '), { _tag: 'Now' }, field('x')],
    })
  })
})

describe('escapeFormat / printFormat', () => {
  test('escapeFormat doubles braces', () => {
    expect(escapeFormat('a{b}c')).toBe('a{{b}}c')
  })
  test.prop([fc.string()])('escaped text parses back to itself', (text) => {
    const r = parseFormat(escapeFormat(text))
    expect(r).toEqual({ _tag: 'Right', right: text === '' ? [] : [lit(text)] })
  })
  test.prop([
    fc.array(
      fc.oneof(
        fc.string().map((t) => lit(t)),
        fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,6}$/).map((n) => field(n)),
      ),
      { maxLength: 8 },
    ),
  ])('printFormat then parseFormat is the identity up to merging literals', (segments) => {
    const r = parseFormat(printFormat(segments as never))
    expect(r._tag).toBe('Right')
    if (r._tag === 'Right') expect(printFormat(r.right)).toBe(printFormat(segments as never))
  })
  test.prop([fc.string({ unit: 'binary' })])('parseFormat never throws', (text) => {
    expect(() => parseFormat(text)).not.toThrow()
  })
})
