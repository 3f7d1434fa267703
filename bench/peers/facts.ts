/**
 * The small hand-written helpers the peers share where they cannot express a fact natively: parsing privacyIDEA's
 * stored timestamps, IPv4 addresses against precomputed CIDR ranges, privacyIDEA's `is_true`, integer strings.
 * The hand-written baseline calls them directly; cel-js gets them as registered functions and json-rules-engine as
 * custom operators and facts. They are deliberately plain and fast: the fair practical limit.
 *
 * @since 0.1.0
 */
import type { Cidr, IntOp } from '../spec.js'

const DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/

/**
 * Epoch milliseconds of an ISO-8601 date or date-time, including privacyIDEA's stored form
 * `2026-11-20 09:13:44.123456+0100`; no offset means UTC. `NaN` when it does not parse.
 *
 * @example
 * parseDateMs('2026-11-20 09:13:44.123000+0100') // Date.UTC(2026, 10, 20, 8, 13, 44, 123)
 * @since 0.1.0
 */
export const parseDateMs = (s: string): number => {
  const m = DATE.exec(s)
  if (m === null) return Number.NaN
  const frac = m[7] ?? ''
  const ms = frac === '' ? 0 : Math.floor(Number(frac.padEnd(6, '0')) / 1000)
  const local = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
    ms,
  )
  const tz = m[8]
  if (tz === undefined || tz === 'Z') return local
  const sign = tz[0] === '-' ? -1 : 1
  const digits = tz.slice(1).replace(':', '')
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0')
  return local - sign * minutes * 60_000
}

/** The minute floor of an instant, as `{now}` renders it (`YYYY-MM-DDTHH:MM±hhmm`). @since 0.1.0 */
export const floorMinute = (ms: number): number => Math.floor(ms / 60_000) * 60_000

/** An IPv4 dotted quad as an unsigned 32-bit number, `NaN` when it is not one. @since 0.1.0 */
export const ipv4 = (s: string): number => {
  let value = 0
  let part = 0
  let digits = 0
  let dots = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 46) {
      if (digits === 0 || part > 255) return Number.NaN
      value = value * 256 + part
      part = 0
      digits = 0
      dots++
    } else if (c >= 48 && c <= 57 && digits < 3) {
      part = part * 10 + (c - 48)
      digits++
    } else return Number.NaN
  }
  if (dots !== 3 || digits === 0 || part > 255) return Number.NaN
  return value * 256 + part
}

/** An inclusive numeric range `[lo, hi]` of a CIDR, computed once. @since 0.1.0 */
export type Range = readonly [number, number]

/** The address range of a network. @since 0.1.0 */
export const cidrRange = (c: Cidr): Range => {
  const base = ipv4(c.address)
  const size = 2 ** (32 - c.prefix)
  const lo = Math.floor(base / size) * size
  return [lo, lo + size - 1]
}

/** Whether an address number lies in any of the ranges. @since 0.1.0 */
export const inRanges = (ip: number, ranges: ReadonlyArray<Range>): boolean => {
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i] as Range
    if (ip >= r[0] && ip <= r[1]) return true
  }
  return false
}

/** privacyIDEA's `is_true`: `true`, `1`, `"1"`, `"True"`, `"true"`, `"TRUE"`. @since 0.1.0 */
export const isTrue = (v: unknown): boolean =>
  v === true || v === 1 || v === '1' || v === 'True' || v === 'true' || v === 'TRUE'

/** The response's `result.value` (undefined when the response has none). @since 0.1.0 */
export const resultValue = (response: unknown): unknown => {
  if (typeof response !== 'object' || response === null) return undefined
  const result = (response as { readonly result?: unknown }).result
  if (typeof result !== 'object' || result === null) return undefined
  return (result as { readonly value?: unknown }).value
}

/** A plain decimal integer string (the only kind the workloads store), as a number; `NaN` otherwise. @since 0.1.0 */
export const intOf = (s: string): number => {
  if (s.length === 0 || s.length > 15) return Number.NaN
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 48 || c > 57) return Number.NaN
    n = n * 10 + (c - 48)
  }
  return n
}

/** Compares two numbers with an integer comparator. @since 0.1.0 */
export const compareInt = (a: number, op: IntOp, b: number): boolean => {
  switch (op) {
    case '==':
      return a === b
    case '!=':
      return a !== b
    case '<':
      return a < b
    case '>':
      return a > b
    case '<=':
      return a <= b
    case '>=':
      return a >= b
  }
}

/**
 * Splits a leading Python inline flag `(?i)` off a pattern: the JavaScript flags and the rest.
 *
 * @since 0.1.0
 */
export const splitInlineFlags = (pattern: string): { readonly flags: string; readonly source: string } =>
  pattern.startsWith('(?i)') ? { flags: 'i', source: pattern.slice(4) } : { flags: '', source: pattern }

/** The prefix-anchored regex privacyIDEA's `re.match` applies. @since 0.1.0 */
export const prefixRegex = (pattern: string): RegExp => {
  const { flags, source } = splitInlineFlags(pattern)
  return new RegExp(`^(?:${source})`, flags)
}
