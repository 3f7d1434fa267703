/**
 * Arbitrary condition values and grammar inputs: comparator spellings, `key op value` strings, durations, IP
 * addresses and networks, instants written in many offsets, Python regex literals.
 */
import fc from 'fast-check'
import { DURATION_UNITS } from '../../src/conditions/grammar/duration.js'

/** Every spelling the integer conditions accept, with the JavaScript relation it means. */
export const INTEGER_SPELLINGS: ReadonlyArray<readonly [string, (a: number, b: number) => boolean]> = [
  ['==', (a, b) => a === b],
  ['=', (a, b) => a === b],
  ["'=='", (a, b) => a === b],
  ["'='", (a, b) => a === b],
  ["'equals'", (a, b) => a === b],
  ['', (a, b) => a === b],
  ['!=', (a, b) => a !== b],
  ["'!='", (a, b) => a !== b],
  ["'!equals'", (a, b) => a !== b],
  ['<', (a, b) => a < b],
  ["'<'", (a, b) => a < b],
  ['>', (a, b) => a > b],
  ["'>'", (a, b) => a > b],
  ['<=', (a, b) => a <= b],
  ["'<='", (a, b) => a <= b],
  ['=<', (a, b) => a <= b],
  ["'=<'", (a, b) => a <= b],
  ['>=', (a, b) => a >= b],
  ["'>='", (a, b) => a >= b],
  ['=>', (a, b) => a >= b],
  ["'=>'", (a, b) => a >= b],
]

/** One integer spelling with its meaning. */
export const integerSpelling = fc.constantFrom(...INTEGER_SPELLINGS)

/** Blanks a person might type around tokens. */
export const blanks: fc.Arbitrary<string> = fc.constantFrom('', '', ' ', '  ', '\t')

/** The generic-mode comparators, written as privacyIDEA parses them (word comparators quoted). */
export const GENERIC_SPELLINGS: ReadonlyArray<readonly [string, string]> = [
  ["'equals'", 'equals'],
  ["'!equals'", '!equals'],
  ["'contains'", 'contains'],
  ["'!contains'", '!contains'],
  ["'matches'", 'matches'],
  ["'!matches'", '!matches'],
  ["'in'", 'in'],
  ["'!in'", '!in'],
  ["'<'", '<'],
  ["'>'", '>'],
  ["'date_before'", 'date_before'],
  ["'date_after'", 'date_after'],
  ["'date_within_last'", 'date_within_last'],
  ["'!date_within_last'", '!date_within_last'],
  ["'string_contains'", 'string_contains'],
  ["'!string_contains'", '!string_contains'],
  ...(['==', '!=', '<=', '=<', '>=', '=>', '<', '>', '='] as const).flatMap(
    (c) =>
      [
        [`'${c}'`, c],
        [c, c],
      ] as const,
  ),
]

/** A generic comparator spelling and the comparator it parses to. */
export const genericSpelling = fc.constantFrom(...GENERIC_SPELLINGS)

/** Text without comparator characters or quotes, trimmed and non-empty: a key or a value. */
export const plainWord: fc.Arbitrary<string> = fc
  .string({ unit: fc.constantFrom(...'abcXYZ019_-.:/{}@ éß'.split('')), minLength: 1, maxLength: 10 })
  .map((s) => s.trim())
  .filter((s) => s !== '')

/** A duration written in the grammar, with the milliseconds it means. */
export const durationText: fc.Arbitrary<{ readonly text: string; readonly ms: number }> = fc
  .record({
    lead: blanks,
    sign: fc.constantFrom('', '+', '-'),
    afterSign: blanks,
    amount: fc.nat({ max: 100000 }),
    zeros: fc.constantFrom('', '0', '00'),
    mid: blanks,
    unit: fc.constantFrom('s', 'm', 'h', 'd', 'y'),
    trail: blanks,
  })
  .map((r) => ({
    text: `${r.lead}${r.sign}${r.afterSign}${r.zeros}${r.amount}${r.mid}${r.unit}${r.trail}`,
    ms: (r.sign === '-' ? -1 : 1) * r.amount * DURATION_UNITS[r.unit as keyof typeof DURATION_UNITS],
  }))

/** An IPv4 address as a number and in dotted-quad text. */
export const ipv4: fc.Arbitrary<{ readonly value: number; readonly text: string }> = fc
  .nat({ max: 0xffffffff })
  .map((value) => ({
    value,
    text: [24, 16, 8, 0].map((s) => (value >>> s) & 0xff).join('.'),
  }))

/** An IPv6 address as a bigint and in full text (eight groups, no compression). */
export const ipv6: fc.Arbitrary<{ readonly value: bigint; readonly text: string }> = fc
  .bigInt({ min: 0n, max: (1n << 128n) - 1n })
  .map((value) => ({
    value,
    text: Array.from({ length: 8 }, (_, i) => ((value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16)).join(':'),
  }))

/** Offsets (minutes east of UTC) real clocks use, including odd ones. */
export const offsets: fc.Arbitrary<number> = fc.constantFrom(0, 60, 120, -300, 330, 345, -570, 840, -720, 59, -1)

/** An instant (whole milliseconds) between years 1900 and 2200. */
export const instantMs: fc.Arbitrary<number> = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) })

/** Python regex literal text (escaped) and the raw string it matches. */
export const regexLiteral: fc.Arbitrary<{ readonly pattern: string; readonly raw: string }> = fc
  .string({ unit: fc.constantFrom(...'abAB01 .*+?()[]{}|^$\\-'.split('')), maxLength: 6 })
  .map((raw) => ({ raw, pattern: raw.replace(/[.*+?()[\]{}|^$\\-]/g, (c) => `\\${c}`) }))

/** Short strings over a small alphabet, so literals are found often. */
export const smallText: fc.Arbitrary<string> = fc.string({
  unit: fc.constantFrom(...'abAB01 .*+?()[]{}|^$\\-\n'.split('')),
  maxLength: 10,
})
