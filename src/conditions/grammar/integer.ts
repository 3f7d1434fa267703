/**
 * Integer comparison (SPEC 3.1 `compare_ints`), used by `user_token_number`, `user_container_number`,
 * `otp_counter`, `count_auth`, `count_auth_success`, `count_auth_fail` and `failcounter`: parse the value in integer
 * mode, take the right side as an integer and compare the actual number with it. Anything left of the comparator
 * is ignored; a bare number means equality; an empty value or a non-integer right side is always false (D11: a
 * warning at compile time).
 *
 * @since 0.1.0
 */
import { type Comparator, parseComparison, pyStrip } from './comparator.js'

/**
 * An integer, exact: a number when safe, a bigint beyond.
 *
 * @example
 * const small: Int = 42
 * const large: Int = 99999999999999999999n
 * @since 0.1.0
 */
export type Int = number | bigint

/**
 * The order relations.
 *
 * @example
 * const op: IntOp | undefined = relationOf('=<') // 'le'
 * @since 0.1.0
 */
export type IntOp = 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge'

/**
 * A compiled integer comparison.
 *
 * @example
 * const atLeastThree: IntComparison = { _tag: 'IntCompare', op: 'ge', operand: 3, written: '>=' }
 * const never: IntComparison = {
 *   _tag: 'IntNever',
 *   code: 'non-integer',
 *   reason: '"abc" is not an integer, so the condition is always false',
 * }
 * @since 0.1.0
 */
export type IntComparison =
  | { readonly _tag: 'IntCompare'; readonly op: IntOp; readonly operand: Int; readonly written: string }
  | {
      readonly _tag: 'IntNever'
      /** Why it is always false (D11): `empty-value`, `repeated-comparator` or `non-integer`. */
      readonly code: 'empty-value' | 'repeated-comparator' | 'non-integer'
      readonly reason: string
    }

const PY_INT = /^[+-]?\p{Nd}+(?:_\p{Nd}+)*$/u
/**
 * The blanks `int()` ignores around the number: ASCII `\t`–`\r` and space, and the non-ASCII Unicode blanks (which
 * CPython turns into spaces first). Unlike `str.strip()`, not the separators U+001C–U+001F: `int('5\x1c')` fails.
 */
const INT_BLANKS =
  /^[\t-\r \x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+|[\t-\r \x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+$/g
const DIGIT = /\p{Nd}/u
const NON_ASCII = /\P{ASCII}/u

/**
 * The value of a Unicode decimal digit (`\p{Nd}`). Unicode keeps each script's digits 0 to 9 contiguous and in order,
 * and the runs that touch (the mathematical digits) are whole runs of ten: the value is the distance to the first
 * digit of the run, modulo 10.
 */
const digitValue = (cp: number): number => {
  let start = cp
  while (start > 0 && DIGIT.test(String.fromCodePoint(start - 1))) start--
  return (cp - start) % 10
}

/** The text with every Unicode decimal digit written as its ASCII digit (Python's `int()` reads them all). */
const asciiDigits = (text: string): string =>
  NON_ASCII.test(text)
    ? Array.from(text, (ch) => (ch <= '\x7f' ? ch : String(digitValue(ch.codePointAt(0) ?? 0)))).join('')
    : text

/**
 * Python's `int(text)` for decimal text: surrounding whitespace, a sign, digits (any script's decimal digits, as
 * Python reads `'١٢'` as 12) with single underscores between them. `undefined` when it is not an integer.
 *
 * @example
 * parseInteger(' 05 ') // 5
 * parseInteger('1_000') // 1000
 * parseInteger('99999999999999999999') // 99999999999999999999n
 * parseInteger('١٢') // 12
 * parseInteger('5.0') // undefined
 * @since 0.1.0
 */
export const parseInteger = (text: string): Int | undefined => {
  const len = text.length
  if (len > 0 && len <= 15) {
    // Fast path: an optional sign and ASCII digits only (the common case on the hot path).
    const c0 = text.charCodeAt(0)
    let i = c0 === 43 || c0 === 45 ? 1 : 0
    if (i < len) {
      while (i < len) {
        const c = text.charCodeAt(i)
        if (c < 48 || c > 57) break
        i++
      }
      if (i === len) return Number(text) || 0
    }
  }
  const t = text.replace(INT_BLANKS, '')
  if (!PY_INT.test(t)) return undefined
  const clean = asciiDigits(t.replaceAll('_', ''))
  const n = Number(clean)
  // `-0` reads as 0, as on the fast path: Python's int() has no negative zero.
  return Number.isSafeInteger(n) ? (n === 0 ? 0 : n) : BigInt(clean)
}

/**
 * The value of a run of decimal digits of any script, as a regex `\p{Nd}+` matched it (Python's `\d+` then
 * `int()`): a number, rounded beyond 2^53.
 *
 * @example
 * digitsValue('42') // 42
 * digitsValue('\u0667') // 7 (Arabic-Indic seven)
 * @since 0.1.0
 */
export const digitsValue = (digits: string): number => Number(parseInteger(digits) ?? Number.NaN)

/**
 * Three-way comparison of two exact integers (numbers and bigints mix exactly).
 *
 * @example
 * compareInt(1, 2n) // -1
 * @since 0.1.0
 */
export const compareInt = (a: Int | number, b: Int | number): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Applies an order relation to a three-way comparison result.
 *
 * @example
 * holds('ge', compareInt(5, 3)) // true: 5 >= 3
 * @since 0.1.0
 */
export const holds = (op: IntOp, order: number): boolean => {
  switch (op) {
    case 'eq':
      return order === 0
    case 'ne':
      return order !== 0
    case 'lt':
      return order < 0
    case 'gt':
      return order > 0
    case 'le':
      return order <= 0
    case 'ge':
      return order >= 0
  }
}

/**
 * The relation of a comparator spelling, in integer and untyped generic comparisons.
 *
 * @example
 * relationOf('=<') // 'le'
 * relationOf('matches') // undefined
 * @since 0.1.0
 */
export const relationOf = (c: Comparator): IntOp | undefined => {
  switch (c) {
    case '==':
    case '=':
    case 'equals':
      return 'eq'
    case '!=':
    case '!equals':
      return 'ne'
    case '<':
      return 'lt'
    case '>':
      return 'gt'
    case '<=':
    case '=<':
      return 'le'
    case '>=':
    case '=>':
      return 'ge'
    default:
      return undefined
  }
}

/**
 * The symbol of a relation, for messages.
 *
 * @example
 * RELATION_SYMBOL.le // '<='
 * @since 0.1.0
 */
export const RELATION_SYMBOL: Readonly<Record<IntOp, string>> = {
  eq: '==',
  ne: '!=',
  lt: '<',
  gt: '>',
  le: '<=',
  ge: '>=',
}

/**
 * Compiles an integer condition value; a malformed one compiles to `IntNever` (always false) with the reason.
 *
 * @example
 * compileIntComparison('>99') // { _tag: 'IntCompare', op: 'gt', operand: 99, written: '>' }
 * compileIntComparison("'=='0") // { _tag: 'IntCompare', op: 'eq', operand: 0, written: "'=='" }
 * compileIntComparison('>notaninteger') // { _tag: 'IntNever', reason: '"notaninteger" is not an integer ...' }
 * @since 0.1.0
 */
export const compileIntComparison = (value: string): IntComparison => {
  if (pyStrip(value) === '')
    return { _tag: 'IntNever', code: 'empty-value', reason: 'the value is empty, so the condition is always false' }
  const parsed = parseComparison(value, 'integer')
  if (parsed.written === undefined && parsed.repeated.length > 0)
    return {
      _tag: 'IntNever',
      code: 'repeated-comparator',
      reason: `the comparator ${parsed.repeated.join(', ')} appears more than once, so the condition is always false`,
    }
  const op = relationOf(parsed.comparator) ?? 'eq'
  const operand = parseInteger(parsed.value)
  if (operand === undefined)
    return {
      _tag: 'IntNever',
      code: 'non-integer',
      reason: `${JSON.stringify(parsed.value)} is not an integer, so the condition is always false`,
    }
  return { _tag: 'IntCompare', op, operand, written: parsed.written ?? '==' }
}

/**
 * Compares an actual integer with a compiled comparison.
 *
 * @example
 * compareInts(100, compileIntComparison('>99')) // true
 * @since 0.1.0
 */
export const compareInts = (actual: Int, c: IntComparison): boolean =>
  c._tag === 'IntCompare' && holds(c.op, compareInt(actual, c.operand))
