/**
 * Behaviour of src/templates/token.ts that the mutation run (docs/quality.md) found unstated: the messages of the
 * configuration errors and warnings (with the place and the position), the tags a description may use, the tag list
 * of a compiled template, the source text of a `{now}` field, and the tags with no value.
 */
import { describe, expect, it } from 'vitest'
import { makeContext } from '../../src/core/context.js'
import type { Event } from '../../src/core/model.js'
import {
  compileTokenTemplate,
  DESCRIPTION_TAGS,
  renderTokenTemplate,
  TOKENINFO_TAGS,
} from '../../src/templates/token.js'

const description = { path: ['options', 'description'], label: 'set description', known: DESCRIPTION_TAGS }
const tokeninfo = { path: ['options', 'value'], label: 'value', known: TOKENINFO_TAGS }

const compiled = (source: string, place = tokeninfo) => {
  const r = compileTokenTemplate(source, place)
  if (r._tag === 'Left') throw new Error(JSON.stringify(r.left))
  return r.right
}
const issues = (source: string, place = tokeninfo) => {
  const r = compileTokenTemplate(source, place)
  return r._tag === 'Left' ? r.left : []
}

describe('configuration errors and warnings say where and what', () => {
  it('a broken brace, with its 1-based position', () => {
    expect(issues('ab{')).toStrictEqual([
      {
        code: 'invalid-template',
        message: "value: Single '{' encountered in format string (at character 3); write {{ and }} for literal braces",
        path: ['options', 'value'],
      },
    ])
  })

  it('an unknown tag, with the tags the place knows', () => {
    expect(issues('{serial}', description)).toStrictEqual([
      {
        code: 'unknown-tag',
        message:
          'set description: unknown tag {serial}; known tags: {now}, {current_time} (with an optional offset such as +7d), {client_ip}, {ua_browser}, {ua_string}',
        path: ['options', 'description'],
      },
    ])
  })

  it('an offset with a unit that is not one, as a warning with the place', () => {
    expect(compiled('{now}+7w').warnings).toStrictEqual([
      {
        code: 'offset-unit',
        message: 'value: the offset unit "w" after {now} is not one of s, m, h, d; the offset text stays as written',
        path: ['options', 'value'],
      },
    ])
    expect(compiled('{now}+7d').warnings).toStrictEqual([])
    expect(compiled('{now}').warnings).toStrictEqual([])
  })
})

describe('compiled templates', () => {
  it('a description may use exactly {client_ip}, {ua_browser} and {ua_string}', () => {
    expect([...DESCRIPTION_TAGS].sort()).toStrictEqual(['client_ip', 'ua_browser', 'ua_string'])
    expect(compiled('{client_ip} {ua_browser} {ua_string}', description).tags).toStrictEqual([
      'client_ip',
      'ua_browser',
      'ua_string',
    ])
  })

  it('list each tag once, in order of first use', () => {
    expect(compiled('{username}@{realm} {username}').tags).toStrictEqual(['username', 'realm'])
    expect(compiled('no tags, {now}').tags).toStrictEqual([])
  })

  it('keep the {now} field as written, offset included', () => {
    expect(compiled('seen {now} - 7d ago').segments).toStrictEqual([
      { _tag: 'Literal', text: 'seen ' },
      { _tag: 'Now', placeholder: 'now', offsetMs: -7 * 86_400_000, source: '{now} - 7d' },
      { _tag: 'Literal', text: ' ago' },
    ])
  })
})

describe('tags with no value render as ""', () => {
  const empty: Event = { name: 'e', position: 'post', now: '2026-11-29T10:00:00Z', request: { params: {} } }

  it.each(['client_ip', 'ua_browser', 'ua_string'])('{%s} without the request field', (tag) => {
    expect(renderTokenTemplate(compiled(`[{${tag}}]`, description), makeContext(empty))).toBe('[]')
  })

  it.each(['username', 'realm'])('{%s} without a user', (tag) => {
    expect(renderTokenTemplate(compiled(`[{${tag}}]`), makeContext(empty))).toBe('[]')
  })
})
