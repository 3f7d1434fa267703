/**
 * docs/configuration.md documents every diagnostic code with an example; this runs every example through `check`
 * (the real catalogue) and compares what it reports with what the page shows.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkWith } from '../../src/analysis/check.js'
import { DIAGNOSTIC_CODES, formatDiagnostic } from '../../src/analysis/diagnostics.js'
import { requiredFactsWith } from '../../src/analysis/facts.js'
import { decodeBindings, formatDecodeErrors } from '../../src/codec/index.js'
import { conditionCatalogue } from '../../src/conditions/index.js'
import type { Binding } from '../../src/core/model.js'
import { realCatalogue } from './real-catalogue.js'

const page = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'configuration.md'), 'utf8')
const check = checkWith(realCatalogue)

interface Section {
  readonly code: string
  readonly json: string | undefined
  readonly text: ReadonlyArray<string>
}

const sections: ReadonlyArray<Section> = page
  .split(/^#### /m)
  .slice(1)
  .map((chunk) => {
    const code = /^`([a-z-]+)`/.exec(chunk)?.[1] ?? ''
    const json = /```json\n([\s\S]*?)\n```/.exec(chunk)?.[1]
    const text = /```text\n([\s\S]*?)\n```/.exec(chunk)?.[1]?.split('\n') ?? []
    return { code, json, text }
  })

const tableCodes = [...page.matchAll(/^\| \[`([a-z-]+)`\]\(#/gm)].map((m) => m[1])

const defaults = {
  events: ['validate_check'],
  handlerModule: 'Logging',
  action: 'logging',
  position: 'post',
  ordering: 0,
  active: true,
  options: {},
  conditions: {},
}

/** Codes whose messages the analysis and the kernel write: the page shows them exactly. */
const EXACT = new Set<string>([
  ...Object.values(DIAGNOSTIC_CODES),
  'invalid-binding',
  'unknown-module',
  'position-not-allowed',
])

/** `severity code: binding id "name" at path:` — what must match for plug-in codes, whose wording may evolve. */
const head = (line: string): string => /^.*? at [^:]+:/.exec(line)?.[0] ?? line

describe('docs/configuration.md', () => {
  it('has a section for every code in its table, every analysis code and the kernel codes', () => {
    const documented = sections.map((s) => s.code)
    expect(new Set(documented).size).toBe(documented.length)
    expect([...tableCodes].sort()).toEqual([...documented].sort())
    for (const code of [
      ...Object.values(DIAGNOSTIC_CODES),
      'invalid-bindings',
      'invalid-binding',
      'unknown-module',
      'position-not-allowed',
      'internal-error',
    ])
      expect(documented).toContain(code)
  })

  for (const s of sections.filter((x) => x.json !== undefined)) {
    it(`shows what check reports for its ${s.code} example`, () => {
      const parsed = JSON.parse(s.json as string) as unknown
      const bindings = (Array.isArray(parsed) ? parsed : [parsed]).map((b) => ({ ...defaults, ...b }) as Binding)
      const reported = check(bindings)
        .filter((d) => d.code === s.code)
        .map(formatDiagnostic)
      expect(reported.length, `${s.code}: ${JSON.stringify(check(bindings))}`).toBeGreaterThan(0)
      expect(s.text.length).toBeGreaterThan(0)
      for (const line of s.text) {
        if (EXACT.has(s.code)) expect(reported).toContain(line)
        else expect(reported.map(head)).toContain(head(line))
      }
    })
  }

  it('shows what the other codes look like', () => {
    const text = (code: string): string => sections.find((s) => s.code === code)?.text[0] ?? ''
    expect(check({} as unknown as ReadonlyArray<Binding>).map(formatDiagnostic)).toEqual([text('invalid-bindings')])

    const decoded = decodeBindings(
      JSON.parse(readFileSync(join(import.meta.dirname, '..', 'cli', 'fixtures', 'invalid-bindings.json'), 'utf8')),
    )
    expect(decoded._tag).toBe('Left')
    if (decoded._tag === 'Left')
      expect(text('decode-error')).toContain(formatDecodeErrors(decoded.left).split('\n').at(-1) ?? 'none')

    const throwing = checkWith({
      ...realCatalogue,
      conditions: {
        compile: (name, value) => {
          if (name === 'my_condition') throw new TypeError("Cannot read properties of undefined (reading 'split')")
          return realCatalogue.conditions.compile(name, value)
        },
      },
    })
    const internal = throwing([{ ...defaults, id: 11, name: 'Custom', conditions: { my_condition: 'x' } } as Binding])
    expect(internal.map(formatDiagnostic)).toEqual([text('internal-error')])

    const bad = conditionCatalogue.compile('realm', 5 as unknown as string)
    expect(bad._tag === 'Left' && bad.left[0]?.code).toBe('invalid-condition-value')
    expect(text('invalid-condition-value')).toContain('invalid-condition-value')
  })
})

describe('docs/host-guide.md', () => {
  const guide = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'host-guide.md'), 'utf8')
  const examples = [...guide.matchAll(/requiredFacts\(bindings, '(\w+)', '(pre|post)'\)\n((?:\/\/.*\n)+)/g)]

  it('shows requiredFacts as it is for the shipped example export', () => {
    const decoded = decodeBindings(
      JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'privacyidea-export.json'), 'utf8')),
    )
    if (decoded._tag === 'Left') throw new Error(formatDecodeErrors(decoded.left))
    const requiredFacts = requiredFactsWith(realCatalogue)
    expect(examples.length).toBe(3)
    for (const [, name, position, comment] of examples) {
      const text = (comment ?? '').replace(/^\/\/ ?/gm, '').replace(/\n/g, ' ')
      const shown = JSON.parse((/\[[^\]]*\]/.exec(text)?.[0] ?? '[]').replace(/'/g, '"')) as unknown
      expect(requiredFacts(decoded.right, name as string, position as 'pre' | 'post')).toEqual(shown)
    }
  })
})
