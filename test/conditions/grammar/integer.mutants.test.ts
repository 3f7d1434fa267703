/**
 * Behaviour of integer comparisons (SPEC 3.1 `compare_ints`, D11) that a mutation run of
 * src/conditions/grammar/integer.ts found untested: the reasons a value is always false, the comparator each
 * spelling compiles to, and Python `int()` at the edges (a lone sign, zero with a sign, the safe-integer bound).
 */
import { describe, expect, it } from 'vitest'
import {
  compileIntComparison,
  type IntOp,
  parseInteger,
  RELATION_SYMBOL,
  relationOf,
} from '../../../src/conditions/grammar/integer.js'
import { compileCondition } from '../../../src/conditions/index.js'
import { verdict, withToken } from '../engine.js'

describe('a value that is always false says why (D11)', () => {
  it.each([
    ['', 'empty-value', 'the value is empty, so the condition is always false'],
    ['  ', 'empty-value', 'the value is empty, so the condition is always false'],
    ['1==1==1', 'repeated-comparator', 'the comparator ==, = appears more than once, so the condition is always false'],
    [
      "'>'5'>'6",
      'repeated-comparator',
      "the comparator '>', > appears more than once, so the condition is always false",
    ],
    ['<<5', 'repeated-comparator', 'the comparator < appears more than once, so the condition is always false'],
    ['>x', 'non-integer', '"x" is not an integer, so the condition is always false'],
    ['> 1.5 ', 'non-integer', '"1.5" is not an integer, so the condition is always false'],
    ['<>5', 'non-integer', '">5" is not an integer, so the condition is always false'],
    ['5<', 'non-integer', '"" is not an integer, so the condition is always false'],
  ])('%j: %s', (value, code, reason) => expect(compileIntComparison(value)).toEqual({ _tag: 'IntNever', code, reason }))

  it('check reports the reason as a warning of the condition', () => {
    const c = compileCondition('failcounter', '>x')
    expect(c._tag === 'Right' && c.right.warnings).toEqual([
      {
        code: 'non-integer',
        message: 'failcounter: "x" is not an integer, so the condition is always false',
        path: [],
      },
    ])
  })
})

describe('each spelling compiles to its relation; a bare number is equality', () => {
  it.each([
    ['5', 'eq', '=='],
    [' 5 ', 'eq', '=='],
    ['=5', 'eq', '='],
    ["'equals'5", 'eq', "'equals'"],
    ["'!equals'5", 'ne', "'!equals'"],
    ['a<5', 'lt', '<'],
    ['=<5', 'le', '=<'],
    ["'<='5", 'le', "'<='"],
    ['=>5', 'ge', '=>'],
  ])('%j → %s', (value, op, written) =>
    expect(compileIntComparison(value)).toEqual({ _tag: 'IntCompare', op, operand: 5, written }),
  )
  it('the operand keeps its sign and reads any script’s digits', () => {
    expect(compileIntComparison('<-5')).toMatchObject({ op: 'lt', operand: -5 })
    expect(compileIntComparison('>+5')).toMatchObject({ op: 'gt', operand: 5 })
    expect(compileIntComparison('<١٢')).toMatchObject({ op: 'lt', operand: 12 })
  })
})

describe('parseInteger at the edges (Python int())', () => {
  it('a lone sign is not an integer; a signed zero is zero', () => {
    expect(parseInteger('+')).toBeUndefined()
    expect(parseInteger('-')).toBeUndefined()
    expect(Object.is(parseInteger('-0'), 0)).toBe(true)
    expect(Object.is(parseInteger('+0'), 0)).toBe(true)
    expect(parseInteger('00')).toBe(0)
  })
  it('long digit strings are read exactly, as a number up to 2^53 − 1 and as a bigint beyond', () => {
    expect(parseInteger('123456789012345')).toBe(123_456_789_012_345)
    expect(parseInteger('1234567890123456')).toBe(1_234_567_890_123_456)
    expect(parseInteger('-12345678901234')).toBe(-12_345_678_901_234)
    expect(parseInteger('9007199254740991')).toBe(9_007_199_254_740_991)
    expect(parseInteger('9007199254740993')).toBe(9_007_199_254_740_993n)
    expect(parseInteger('-9007199254740993')).toBe(-9_007_199_254_740_993n)
  })
  it('blanks, signs and underscores around any script’s digits', () => {
    expect(parseInteger(' 1')).toBe(1)
    expect(parseInteger('1 ')).toBe(1)
    expect(parseInteger('1_0_0')).toBe(100)
    expect(parseInteger('+١')).toBe(1)
    expect(parseInteger('٠')).toBe(0)
  })
})

describe('the blanks int() ignores', () => {
  it('ASCII blanks and the Unicode blanks, but not the separators U+001C to U+001F (Python: int("5\\x1c") fails)', () => {
    for (const b of [
      '\t',
      '\n',
      '\v',
      '\f',
      '\r',
      ' ',
      '\x85',
      '\xa0',
      '\u1680',
      '\u2000',
      '\u200a',
      '\u2028',
      '\u2029',
      '\u202f',
      '\u205f',
      '\u3000',
    ])
      expect(parseInteger(`${b}${b}5${b}`), JSON.stringify(b)).toBe(5)
    for (const s of ['\x1c', '\x1d', '\x1e', '\x1f']) {
      expect(parseInteger(`5${s}`), JSON.stringify(s)).toBeUndefined()
      expect(parseInteger(`${s}5`), JSON.stringify(s)).toBeUndefined()
    }
  })
  it('a stored count with a trailing separator is not an integer: the binding fails, as in privacyIDEA', () => {
    expect(verdict({ count_auth: '>1' }, withToken({ info: { count_auth: '5\x1c' } }))).toBe('error:ValueError')
    expect(verdict({ count_auth: '>1' }, withToken({ info: { count_auth: '5\u3000' } }))).toBe('fire')
  })
})

describe('blanks only around the number', () => {
  it('a blank inside the digits is not ignored, blanks on both ends are (any number of them)', () => {
    expect(parseInteger('1 2')).toBeUndefined()
    expect(parseInteger('-1\u30002')).toBeUndefined()
    expect(parseInteger('12  ')).toBe(12)
    expect(parseInteger('  12\t\u3000')).toBe(12)
    expect(compileIntComparison('>1 2')).toMatchObject({ _tag: 'IntNever', code: 'non-integer' })
  })
  it('zero is zero, never negative zero, on every path', () => {
    for (const t of ['-0', ' -0', '-0 ', '-0_0', '-٠', '-00000000000000000'])
      expect(Object.is(parseInteger(t), 0), JSON.stringify(t)).toBe(true)
  })
})

describe('relations', () => {
  it('each comparator spelling names its relation; the others have none', () => {
    expect((['==', '=', 'equals', '!=', '!equals', '<', '>', '<=', '=<', '>=', '=>'] as const).map(relationOf)).toEqual(
      ['eq', 'eq', 'eq', 'ne', 'ne', 'lt', 'gt', 'le', 'le', 'ge', 'ge'],
    )
    expect(relationOf('matches')).toBeUndefined()
    expect(relationOf('in')).toBeUndefined()
  })
  it('the symbol of a relation, written as a comparator, compiles back to that relation', () => {
    const ops: readonly IntOp[] = ['eq', 'ne', 'lt', 'gt', 'le', 'ge']
    expect(Object.keys(RELATION_SYMBOL).sort()).toEqual([...ops].sort())
    for (const op of ops)
      expect(compileIntComparison(`${RELATION_SYMBOL[op]}7`), op).toEqual({
        _tag: 'IntCompare',
        op,
        operand: 7,
        written: RELATION_SYMBOL[op],
      })
  })
  it('a comparator written once is the comparator, even when another one repeats in the operand', () => {
    expect(compileIntComparison('<5==3==4')).toMatchObject({ _tag: 'IntNever', code: 'non-integer' })
  })
})
