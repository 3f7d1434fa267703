import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  comparatorCandidates,
  PY_BLANKS,
  PY_SPACE,
  parseComparison,
  pyStrip,
} from '../../../src/conditions/grammar/comparator.js'
import { blanks, GENERIC_SPELLINGS, genericSpelling, plainWord } from '../../arbitraries/condition-values.js'

describe('parseComparison (SPEC 3.1 condition-string parser)', () => {
  it.each([
    ['myValue<100', 'generic', 'myValue', '<', '100'],
    ['myValue==Hallo', 'generic', 'myValue', '==', 'Hallo'],
    ['  myDate > {now}-2h ', 'generic', 'myDate', '>', '{now}-2h'],
    ["v 'matches' ab.*", 'generic', 'v', 'matches', 'ab.*'],
    ["v 'in' a,b,c", 'generic', 'v', 'in', 'a,b,c'],
    ["d '!date_within_last' 7d", 'generic', 'd', '!date_within_last', '7d'],
    ['v <= 5', 'generic', 'v', '<=', '5'],
    ['v =< 5', 'generic', 'v', '=<', '5'],
    ['v => 5', 'generic', 'v', '=>', '5'],
    ['v != 5', 'generic', 'v', '!=', '5'],
    ['v = 5', 'generic', 'v', '=', '5'],
    ["v '=='5", 'generic', 'v', '==', '5'],
    ['>100', 'integer', '', '>', '100'],
    ["'>'100", 'integer', '', '>', '100'],
    ["'=='0", 'integer', '', '==', '0'],
    ["'equals'0", 'integer', '', 'equals', '0'],
    ['>=5', 'integer', '', '>=', '5'],
    ['=8', 'integer', '', '=', '8'],
  ] as const)('%j (%s) → key %j, %s, value %j', (text, mode, key, comparator, value) => {
    const p = parseComparison(text, mode)
    expect([p.key, p.comparator, p.value]).toEqual([key, comparator, value])
  })

  it.each([
    ['1', 'integer'],
    ['', 'generic'],
    ['a==b==c', 'generic'],
    ['k = a=b', 'generic'],
    ['v matches x', 'generic'],
    ["v 'matches' a 'matches' b", 'generic'],
  ] as const)('%j (%s) does not split: key-less equality with the whole value', (text, mode) => {
    const p = parseComparison(text, mode)
    expect(p).toMatchObject({ key: '', comparator: 'equals', value: pyStrip(text), written: undefined })
  })

  it('reports the comparators that appear more than once', () => {
    expect(parseComparison('a==b==c', 'generic').repeated).toEqual(['==', '='])
    expect(parseComparison('k = a=b', 'generic').repeated).toEqual(['='])
  })

  it('word comparators need quotes; integer mode knows only equals, !equals, < and > quoted', () => {
    expect(comparatorCandidates('integer').slice(0, 4)).toEqual(["'equals'", "'!equals'", "'<'", "'>'"])
    expect(parseComparison("v 'matches' x", 'integer').comparator).toBe('equals')
  })

  it('splits generated `key op value` strings into the key, the comparator and the value', () => {
    fc.assert(
      fc.property(
        plainWord,
        blanks,
        genericSpelling,
        blanks,
        plainWord,
        (key, b1, [written, comparator], b2, value) => {
          const p = parseComparison(`${key}${b1}${written}${b2}${value}`, 'generic')
          return p.key === key && p.comparator === comparator && p.value === value && p.written !== undefined
        },
      ),
    )
  })

  it('a value containing the comparator a second time degrades to a key-less condition', () => {
    const basic = GENERIC_SPELLINGS.filter(([w]) => w === '==' || w === '<' || w === '>')
    fc.assert(
      fc.property(plainWord, fc.constantFrom(...basic), plainWord, plainWord, (key, [w], v1, v2) => {
        const p = parseComparison(`${key} ${w} ${v1} ${w} ${v2}`, 'generic')
        return p.key === '' || p.written !== w
      }),
    )
  })

  it('pyStrip removes the blanks Python strips', () => {
    expect(pyStrip('\u001c a \u0085')).toBe('a')
    expect(pyStrip('\ufeffa')).toBe('\ufeffa')
  })
})

describe('PY_SPACE and PY_BLANKS', () => {
  it('are exactly the characters Python counts as whitespace (str.isspace), as a class and as a run', () => {
    const python = [
      ...'\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680',
      ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)),
      ...'\u2028\u2029\u202f\u205f\u3000',
    ]
    const space = new RegExp(`^[${PY_SPACE}]$`, 'u')
    const all = Array.from({ length: 0x3001 }, (_, i) => String.fromCharCode(i)).filter((c) => space.test(c))
    expect(all).toEqual(python)
    expect(space.test('\ufeff')).toBe(false)
    expect(new RegExp(`^${PY_BLANKS}$`, 'u').test(python.join(''))).toBe(true)
    expect(new RegExp(`^${PY_BLANKS}$`, 'u').test('')).toBe(true)
  })
})
