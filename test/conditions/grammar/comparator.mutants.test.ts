/**
 * Behaviour of the condition-string parser (SPEC 3.1) that a mutation run of src/conditions/grammar/comparator.ts
 * found untested: exactly which blanks `pyStrip` removes (the 29 code points Python's `str.strip()` removes), the
 * order of the candidate tokens, and which tokens are reported as repeated.
 */
import { describe, expect, it } from 'vitest'
import { comparatorCandidates, parseComparison, pyStrip } from '../../../src/conditions/grammar/comparator.js'

/** Every code point Python 3.11's `str.strip()` removes (`[c for c in range(0x110000) if chr(c).isspace()]`). */
const PY_WHITESPACE = [
  9, 10, 11, 12, 13, 28, 29, 30, 31, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201,
  8202, 8232, 8233, 8239, 8287, 12288,
]

describe('pyStrip removes what Python strips, on both ends, and nothing else', () => {
  it('every Python blank, leading and trailing, also several in a row', () => {
    for (const cp of PY_WHITESPACE) {
      const b = String.fromCodePoint(cp)
      expect(pyStrip(`${b}a${b}`), `U+${cp.toString(16)}`).toBe('a')
      expect(pyStrip(`${b}${b}a b${b}${b}`), `U+${cp.toString(16)}`).toBe('a b')
    }
  })
  it('no other code point of the BMP', () => {
    const blanks = new Set(PY_WHITESPACE)
    for (let cp = 0; cp < 0x10000; cp++) {
      if (blanks.has(cp) || (cp >= 0xd800 && cp <= 0xdfff)) continue
      const c = String.fromCodePoint(cp)
      if (pyStrip(`${c}a${c}`) !== `${c}a${c}`) throw new Error(`U+${cp.toString(16)} was stripped`)
    }
  })
})

describe('candidate tokens', () => {
  it('generic mode tries the quoted word comparators, then the quoted and the bare basic ones', () => {
    expect(comparatorCandidates('generic')).toEqual([
      "'equals'",
      "'!equals'",
      "'contains'",
      "'!contains'",
      "'matches'",
      "'!matches'",
      "'in'",
      "'!in'",
      "'<'",
      "'>'",
      "'date_before'",
      "'date_after'",
      "'date_within_last'",
      "'!date_within_last'",
      "'string_contains'",
      "'!string_contains'",
      "'=='",
      "'!='",
      "'<='",
      "'=<'",
      "'>='",
      "'=>'",
      "'<'",
      "'>'",
      "'='",
      '==',
      '!=',
      '<=',
      '=<',
      '>=',
      '=>',
      '<',
      '>',
      '=',
    ])
  })
  it('the first candidate that splits the value into two pieces wins', () => {
    expect(parseComparison("v '!equals' x", 'generic')).toMatchObject({ key: 'v', comparator: '!equals', value: 'x' })
    expect(parseComparison('v <= 5', 'generic')).toMatchObject({ comparator: '<=', written: '<=' })
    expect(parseComparison('v => 5', 'generic')).toMatchObject({ comparator: '=>', value: '5' })
    expect(parseComparison("v 'date_within_last' 7d", 'generic')).toMatchObject({ comparator: 'date_within_last' })
  })
  it('reports each repeated candidate once, as written, in the order tried', () => {
    expect(parseComparison("'>'5'>'6", 'integer').repeated).toEqual(["'>'", '>'])
    expect(parseComparison("a '<' b '<' c", 'generic').repeated).toEqual(["'<'", '<'])
    expect(parseComparison('<<5', 'integer')).toMatchObject({
      comparator: 'equals',
      written: undefined,
      repeated: ['<'],
    })
    expect(parseComparison('a < b', 'generic').repeated).toEqual([])
  })
})
