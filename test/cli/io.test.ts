import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { jsonSyntaxError } from '../../src/cli/io.js'

const parses = (s: string): boolean => {
  try {
    JSON.parse(s)
    return true
  } catch {
    return false
  }
}

/** JSON text, sometimes damaged by deleting, inserting or replacing one character. */
const text: fc.Arbitrary<string> = fc
  .tuple(
    fc.json({ maxDepth: 4 }),
    fc.nat(),
    fc.constantFrom('', ',', '}', ']', '"', ':', '\\', 'x', '\n', '\u0001', '1', '-'),
    fc.nat(2),
  )
  .map(([json, at, ch, how]) => {
    const k = json.length === 0 ? 0 : at % json.length
    return how === 0
      ? json
      : how === 1
        ? json.slice(0, k) + ch + json.slice(k)
        : json.slice(0, k) + ch + json.slice(k + 1)
  })

describe('jsonSyntaxError', () => {
  it('points at the first offending character', () => {
    expect(jsonSyntaxError('[1,\n  }')).toEqual({ offset: 6, reason: 'unexpected "}"' })
    expect(jsonSyntaxError('{"a":')).toEqual({ offset: 5, reason: 'unexpected end of the text' })
    expect(jsonSyntaxError('{"a" 1}')).toEqual({ offset: 5, reason: 'unexpected "1"' })
    expect(jsonSyntaxError('"abc')).toEqual({ offset: 4, reason: 'unterminated string' })
    expect(jsonSyntaxError('"\\q"')).toEqual({ offset: 1, reason: 'bad escape in a string' })
    expect(jsonSyntaxError('[1] 2')).toEqual({ offset: 4, reason: 'unexpected "2"' })
    expect(jsonSyntaxError('[01]')).toEqual({ offset: 2, reason: 'unexpected "1"' })
    expect(jsonSyntaxError(`${'['.repeat(100000)}`)).toEqual({ offset: 100000, reason: 'unexpected end of the text' })
  })

  test.prop([text], { numRuns: 3000 })('finds an error exactly when JSON.parse does, within the text', (s) => {
    const r = jsonSyntaxError(s)
    expect(r.reason === 'invalid JSON').toBe(parses(s))
    expect(r.offset).toBeGreaterThanOrEqual(0)
    expect(r.offset).toBeLessThanOrEqual(s.length)
  })

  test.prop([fc.string({ maxLength: 30 })], { numRuns: 2000 })('agrees with JSON.parse on arbitrary strings', (s) => {
    expect(jsonSyntaxError(s).reason === 'invalid JSON').toBe(parses(s))
  })
})

describe('jsonSyntaxError on long numbers', () => {
  it('reads a number of any length', () => {
    expect(jsonSyntaxError(`[${'1'.repeat(1000)}]`).reason).toBe('invalid JSON')
    expect(jsonSyntaxError(`[${'1'.repeat(1000)}.]`)).toEqual({ offset: 1001, reason: 'unexpected "."' })
  })
})
