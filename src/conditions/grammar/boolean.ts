/**
 * The boolean reader of condition values (SPEC 3.1 `is_true`). privacyIDEA has a second, strict reader for
 * `token_locked` and `token_validity_period` (only `True` is true); tripline collapses both into this one (D2).
 *
 * @since 0.1.0
 */

const TRUE_STRINGS: ReadonlySet<string> = new Set(['1', 'True', 'true', 'TRUE'])

/**
 * privacyIDEA's `is_true`: `1`, `"1"`, `true`, `"True"`, `"true"` and `"TRUE"` are true; anything else is false
 * (`"yes"`, `"tRuE"`, `" true"`, `0`, objects, `undefined`).
 *
 * @example
 * isTrue('True') // true
 * isTrue('1') // true
 * isTrue('False') // false
 * isTrue('yes') // false
 * @since 0.1.0
 */
export const isTrue = (value: unknown): boolean => {
  if (value === true || value === 1) return true
  return typeof value === 'string' && TRUE_STRINGS.has(value)
}
