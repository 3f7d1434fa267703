import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { compileTemplate, escapeHtml, renderCompiled, renderTemplate } from '../../src/templates/render.js'

const place = { path: ['options', 'body'], label: 'body', known: new Set(['user', 'serial']) }

describe('compileTemplate', () => {
  test('parses once and lists the tags used', () => {
    const r = compileTemplate('Hi {user}, {serial} {user}', place)
    expect(r._tag).toBe('Right')
    if (r._tag === 'Right') {
      expect(r.right.tags).toEqual(['user', 'serial'])
      expect(renderCompiled(r.right, (t) => t.toUpperCase())).toBe('Hi USER, SERIAL USER')
    }
  })
  test('an unknown tag is a configuration error with the path and the known tags', () => {
    expect(compileTemplate('{user} {usr}', place)).toEqual({
      _tag: 'Left',
      left: [
        {
          code: 'unknown-tag',
          message: 'body: unknown tag {usr}; known tags: {user}, {serial}',
          path: ['options', 'body'],
        },
      ],
    })
  })
  test.each(['{}', '{0}', '{__proto__}', '{constructor}', '{toString}'])('%s is an unknown tag', (t) => {
    const r = compileTemplate(t, place)
    expect(r._tag).toBe('Left')
    if (r._tag === 'Left') expect(r.left[0]?.code).toBe('unknown-tag')
  })
  test('broken braces are invalid-template with a position', () => {
    expect(compileTemplate('a }', place)).toEqual({
      _tag: 'Left',
      left: [
        {
          code: 'invalid-template',
          message: "body: Single '}' encountered in format string (at character 3); write {{ and }} for literal braces",
          path: ['options', 'body'],
        },
      ],
    })
  })
})

describe('renderTemplate (for hosts)', () => {
  test('renders tags, escapes, and missing tags as ""', () => {
    expect(renderTemplate('Hello {user}, {{x}} {missing}!', { user: 'Alice' })).toBe('Hello Alice, {x} !')
  })
  test('a template that does not parse is returned unchanged', () => {
    expect(renderTemplate('50% } off {', { user: 'x' })).toBe('50% } off {')
  })
  test('prototype names are never looked up', () => {
    expect(renderTemplate('[{__proto__}][{constructor}][{toString}][{hasOwnProperty}]', {})).toBe('[][][][]')
    const tags = JSON.parse('{"__proto__": "own"}') as Record<string, string>
    expect(renderTemplate('{__proto__}', tags)).toBe('own')
  })
  test('non-string values from a JavaScript host', () => {
    const tags = { n: 5, b: true, o: { toString: () => 'evil' } } as unknown as Record<string, string>
    expect(renderTemplate('{n} {b} {o}', tags)).toBe('5 true ')
    expect(renderTemplate('{a}', null as unknown as Record<string, string>)).toBe('')
    expect(renderTemplate(42 as unknown as string, {})).toBe('')
  })

  const NAMES = ['user', 'serial', '__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'x', '0', '']
  const piece = fc.oneof(
    fc.constantFrom(...NAMES).map((n) => ({ field: n })),
    fc.string({ maxLength: 5 }).map((t) => ({ text: t })),
  )
  test.prop([fc.array(piece, { maxLength: 8 }), fc.dictionary(fc.constantFrom(...NAMES), fc.string({ maxLength: 4 }))])(
    'renders exactly the own tag values, escapes restored (model check)',
    (pieces, tags) => {
      const template = pieces
        .map((p) => ('field' in p ? `{${p.field}}` : p.text.replace(/[{}]/g, (b) => b + b)))
        .join('')
      const expected = pieces
        .map((p) => ('field' in p ? (Object.hasOwn(tags, p.field) ? tags[p.field] : '') : p.text))
        .join('')
      expect(renderTemplate(template, tags)).toBe(expected)
    },
  )
  test.prop([
    fc
      .array(
        fc.oneof(
          fc.constantFrom('{', '}', '{{', '}}', '{__proto__}', '{constructor}', '{a!r}', '{a:>3}'),
          fc.string({ maxLength: 3 }),
        ),
        {
          maxLength: 10,
        },
      )
      .map((xs) => xs.join('')),
  ])('never throws and never shows a prototype member', (template) => {
    const out = renderTemplate(template, {})
    expect(typeof out).toBe('string')
    expect(out).not.toContain('function')
    expect(out).not.toContain('[object')
  })
})

test('escapeHtml escapes like Python html.escape(quote=True)', () => {
  expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
    '&lt;a href=&quot;x&quot;&gt;Tom &amp; &#x27;Jerry&#x27;&lt;/a&gt;',
  )
})
