import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  compareInts,
  compileIntComparison,
  digitsValue,
  parseInteger,
} from '../../../src/conditions/grammar/integer.js'
import { blanks, INTEGER_SPELLINGS, integerSpelling } from '../../arbitraries/condition-values.js'

describe('integer comparison (SPEC 3.1 compare_ints)', () => {
  it('agrees with JavaScript comparison for every comparator spelling on generated integers', () => {
    fc.assert(
      fc.property(
        integerSpelling,
        // Half of the pairs sit at the boundary (actual − expected ∈ [−1, 1]), so an off-by-one is always found.
        fc
          .integer({ min: -1000, max: 1000 })
          .chain((e) =>
            fc.tuple(
              fc.oneof(fc.integer({ min: e - 1, max: e + 1 }), fc.integer({ min: -1000, max: 1000 })),
              fc.constant(e),
            ),
          ),
        blanks,
        ([spelling, relation], [actual, expected], b) => {
          const c = compileIntComparison(`${b}${spelling}${b}${expected}${b}`)
          return compareInts(actual, c) === relation(actual, expected)
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('catches an off-by-one at the boundary: each spelling at b-1, b, b+1', () => {
    for (const [spelling, relation] of INTEGER_SPELLINGS) {
      for (const actual of [9, 10, 11]) {
        expect(compareInts(actual, compileIntComparison(`${spelling}10`)), `${actual} ${spelling} 10`).toBe(
          relation(actual, 10),
        )
      }
    }
  })

  it('ignores anything left of the comparator', () => {
    expect(compareInts(5, compileIntComparison('count >4'))).toBe(true)
  })

  it.each([
    ['', 'empty-value'],
    ['   ', 'empty-value'],
    ['>notaninteger', 'non-integer'],
    ['>1.5', 'non-integer'],
    ['1==1==1', 'repeated-comparator'],
    ['equals5', 'non-integer'],
  ])('%j is always false (%s)', (value, code) => {
    const c = compileIntComparison(value)
    expect(c).toMatchObject({ _tag: 'IntNever', code })
    expect(compareInts(0, c)).toBe(false)
    expect(compareInts(5, c)).toBe(false)
  })

  it('parses integers as Python int() does', () => {
    expect(parseInteger(' 05 ')).toBe(5)
    expect(parseInteger('+7')).toBe(7)
    expect(parseInteger('-7')).toBe(-7)
    expect(parseInteger('1_000')).toBe(1000)
    expect(parseInteger('1__0')).toBeUndefined()
    expect(parseInteger('_1')).toBeUndefined()
    expect(parseInteger('0x10')).toBeUndefined()
    expect(parseInteger('1e3')).toBeUndefined()
    expect(parseInteger('')).toBeUndefined()
    expect(parseInteger('99999999999999999999')).toBe(99999999999999999999n)
  })

  it('compares beyond 2^53 exactly', () => {
    expect(compareInts(9007199254740992, compileIntComparison('<9007199254740993'))).toBe(true)
    expect(compareInts(9007199254740992, compileIntComparison('==9007199254740993'))).toBe(false)
  })
})

describe("Python's int() reads every script's decimal digits", () => {
  it.each([
    ['١٢', 12], // Arabic-Indic
    ['１２', 12], // fullwidth
    ['𝟏𝟐', 12], // mathematical bold
    ['𝟙𝟚', 12], // mathematical double-struck (a run that touches the bold one)
    ['𝟶𝟿', 9], // mathematical monospace
    ['०९', 9], // Devanagari
    [' -٣_٤ ', -34], // sign, underscore and blanks as with ASCII digits
  ])('%j → %s (the values Python 3 gives)', (text, value) => expect(parseInteger(text)).toBe(value))

  it.each(['²', '½', 'Ⅻ', '٣a', '٣.٠'])('%j is not an integer (Python: ValueError)', (text) =>
    expect(parseInteger(text)).toBeUndefined(),
  )

  it('every decimal digit of Unicode reads as 0 to 9, counting up from each run of ten', () => {
    const nd = /\p{Nd}/u
    let run = 0
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue
      if (!nd.test(String.fromCodePoint(cp))) {
        if (run > 0) expect(run % 10, `a run of digits ending at U+${cp.toString(16)}`).toBe(0)
        run = 0
        continue
      }
      expect(parseInteger(String.fromCodePoint(cp)), `U+${cp.toString(16)}`).toBe(run % 10)
      run++
    }
  })
})

describe('digitsValue', () => {
  it('reads a run of decimal digits of any script, as int() does', () => {
    expect(digitsValue('42')).toBe(42)
    expect(digitsValue('007')).toBe(7)
    expect(digitsValue('\u0667')).toBe(7)
    expect(digitsValue('\u0967\u0966')).toBe(10)
    expect(digitsValue('99999999999999999999')).toBe(1e20)
  })
})
