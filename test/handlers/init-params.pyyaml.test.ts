/**
 * Token enroll `additional_params` against PyYAML itself: every expected value in test/handlers/pyyaml.json was
 * produced by `yaml.safe_load` (scripts/pyyaml-fixture.py). A scalar PyYAML reads to a JSON value reads to the same
 * value here (`-0.0` included); one PyYAML refuses, or reads to what JSON cannot carry (an integer beyond 2^53 − 1,
 * `.inf`, a date), is not read (`undefined`), and an action with it declines with the reason. Whole texts: the same
 * mapping, "not a mapping" (ignored) where PyYAML loads something else, and an error where PyYAML raises.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseAdditionalParams, yamlScalar } from '../../src/handlers/init-params.js'

interface Expected {
  readonly t: 'value' | 'error' | 'uncarried' | 'mapping' | 'not a mapping'
  readonly v?: unknown
  readonly negativeZero?: boolean
}
const fixture = JSON.parse(readFileSync(join(import.meta.dirname, 'pyyaml.json'), 'utf8')) as {
  readonly pyyaml: string
  readonly scalars: Readonly<Record<string, Expected>>
  readonly documents: Readonly<Record<string, Expected>>
}

describe(`scalars as PyYAML ${fixture.pyyaml} reads them`, () => {
  const entries = Object.entries(fixture.scalars)
  it('the fixture covers thousands of scalars of every kind', () => {
    const kinds = new Set(entries.map(([, e]) => (e.t === 'value' ? typeof e.v : e.t)))
    expect(entries.length).toBeGreaterThan(5000)
    expect([...kinds].sort()).toEqual(['boolean', 'error', 'number', 'object', 'string', 'uncarried'])
  })
  it('every scalar reads to the same value, or is not read where PyYAML refuses or JSON cannot carry it', () => {
    const differences = entries.flatMap(([text, e]) => {
      const got = yamlScalar(text)
      const same =
        e.t === 'value'
          ? got === e.v && (typeof got !== 'number' || Object.is(got, -0) === (e.negativeZero === true))
          : got === undefined
      return same ? [] : [{ text, pyyaml: e, tripline: got }]
    })
    expect(differences).toEqual([])
  })
})

/**
 * Texts PyYAML reads that tripline declines by design, each with the reason (docs/compatibility.md): flow values that
 * are not JSON, a null key, and the YAML line breaks U+0085 and U+2028.
 */
const DECLINED: ReadonlyMap<string, string> = new Map([
  ['{k: [1, 2], j: {a: 1, b: 2}, m: 3}', 'a flow value that is not JSON ({a: 1, b: 2})'],
  ['{k: {a: [1, {b: 2}], c: 3}, d: 4}', 'a flow value that is not JSON'],
  ['a: \x85', 'U+0085, a YAML line break'],
  ['{"a": "x\u2028y"}', 'U+2028, a YAML line break'],
  ['[a, [b]]', 'a nested flow sequence that is not JSON'],
  ['~: x', 'a null key, which JSON cannot carry'],
])

describe('additional_params texts as PyYAML reads them', () => {
  it.each(Object.entries(fixture.documents))('%j', (text, e) => {
    const r = parseAdditionalParams(text)
    if (DECLINED.has(text)) {
      expect(e.t).not.toBe('error')
      expect(r._tag).toBe('Left')
    } else if (e.t === 'mapping') {
      expect(r._tag === 'Right' && r.right._tag === 'Mapping' ? Object.fromEntries(r.right.entries) : r).toEqual(e.v)
    } else if (e.t === 'not a mapping') {
      expect(r).toEqual({ _tag: 'Right', right: { _tag: 'NotAMapping' } })
    } else {
      expect(r._tag).toBe('Left')
    }
  })
})
