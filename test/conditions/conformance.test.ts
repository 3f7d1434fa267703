/**
 * Every condition vector of test/conformance/conditions.json, run through the kernel with the real condition
 * catalogue and a tiny local Logging module, as the file's `about` says: one binding per vector, then
 * `fire` = one intent and one successful audit entry, `skip` = nothing, `error` = no intent and one failed audit
 * entry.
 */
import { describe, expect, it } from 'vitest'
import { run, VECTORS } from './engine.js'

/** Why each error vector fails: a configuration error or the evaluation error privacyIDEA's exception maps to. */
const ERROR_TAGS: Readonly<Record<string, string>> = {
  'tokeninfo-21': 'ConfigurationError',
  'last_auth-4': 'ConfigurationError',
  'token_validity_period-garbage': 'ParserError',
}

describe('conformance vectors (test/conformance/conditions.json)', () => {
  it('has every vector', () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(138)
    expect(new Set(VECTORS.map((v) => v.id)).size).toBe(VECTORS.length)
  })

  for (const v of VECTORS) {
    it(`${v.id} → ${v.expect}${v.note ? ` (${v.note})` : ''}`, () => {
      const evaluation = run(v.conditions, v.event)
      switch (v.expect) {
        case 'fire':
          expect(evaluation.audit).toHaveLength(1)
          expect(evaluation.audit[0]?.success).toBe(true)
          expect(evaluation.intents).toHaveLength(1)
          break
        case 'skip':
          expect(evaluation.audit).toEqual([])
          expect(evaluation.intents).toEqual([])
          break
        case 'error':
          expect(evaluation.intents).toEqual([])
          expect(evaluation.audit).toHaveLength(1)
          expect(evaluation.audit[0]?.success).toBe(false)
          expect(evaluation.audit[0]?.error?.tag).toBe(ERROR_TAGS[v.id])
          break
      }
    })
  }
})
