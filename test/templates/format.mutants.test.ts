/**
 * Behaviour of src/templates/format.ts and render.ts that the mutation run (docs/quality.md) found unstated: the
 * messages for fields Python's `str.format` accepts and tripline refuses, printing segments back, the message for a
 * positional field, and what `renderTemplate` does with arguments that are not a template and tags.
 */
import { describe, expect, it } from 'vitest'
import { parseFormat, printFormat, type Segment } from '../../src/templates/format.js'
import { compileTemplate, renderTemplate } from '../../src/templates/render.js'

const errorOf = (template: string) => {
  const r = parseFormat(template)
  return r._tag === 'Left' ? r.left : undefined
}

describe('parseFormat refuses conversions, specs and lookups, naming the field and the way out', () => {
  it.each([
    ['x{user!r}', '{user!r}: conversions such as "!r" are not supported; write {user}', 1],
    ['{serial:>10}', '{serial:>10}: format specifications are not supported; write {serial}', 0],
    ['a {user.name}', '{user.name}: attribute and index access are not supported; write {user}', 2],
    ['{user[0]}', '{user[0]}: attribute and index access are not supported; write {user}', 0],
  ])('%s', (template, message, offset) => {
    expect(errorOf(template)).toStrictEqual({ message, offset })
  })
})

describe('printFormat writes segments back as a template', () => {
  it('escapes braces in literals and writes fields', () => {
    const segments: ReadonlyArray<Segment> = [
      { _tag: 'Literal', text: 'a{b}' },
      { _tag: 'Field', name: 'serial' },
      { _tag: 'Literal', text: '}' },
    ]
    expect(printFormat(segments)).toBe('a{{b}}{serial}}}')
  })

  it('is the inverse of parseFormat', () => {
    for (const t of ['Hello {user}, {{literal}} {serial}', '', '{a}{b}', '}}{{']) {
      const parsed = parseFormat(t)
      if (parsed._tag === 'Left') throw new Error(t)
      expect(printFormat(parsed.right)).toBe(t)
    }
  })
})

describe('compileTemplate names a positional field as written', () => {
  it.each([
    ['{}', 'body: unknown tag {}; known tags: {user}'],
    ['{0}', 'body: unknown tag {0}; known tags: {user}'],
  ])('%s', (template, message) => {
    const r = compileTemplate(template, { path: ['options', 'body'], label: 'body', known: new Set(['user']) })
    expect(r._tag === 'Left' ? r.left.map((i) => i.message) : []).toStrictEqual([message])
  })
})

describe('renderTemplate never throws', () => {
  it('renders a template that is not a string as ""', () => {
    for (const t of [undefined, null, 5, {}, ['{user}']]) expect(renderTemplate(t as never, { user: 'u' })).toBe('')
  })

  it('renders every tag as "" when the tags are not an object', () => {
    for (const tags of [undefined, null, 'user', 5]) expect(renderTemplate('[{user}]', tags as never)).toBe('[]')
  })
})
