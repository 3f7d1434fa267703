/**
 * Errors as data. A configuration error is found at compile time and names where it is (binding, JSON path) and
 * why; an evaluation failure is what a condition or action reports for one event.
 *
 * @since 0.1.0
 */

/**
 * A JSON path: array indexes and object keys from the root of a document.
 *
 * @example
 * const path: Path = [3, 'conditions', 'last_auth']
 * @since 0.1.0
 */
export type Path = ReadonlyArray<string | number>

/**
 * A problem a plug-in (condition or handler module) reports about one value, before the kernel knows which binding
 * it belongs to. `path` is relative to what the plug-in compiled: the binding for a handler module
 * (`['options', 'To']`), the condition's value for a condition (usually `[]`; the kernel prefixes
 * `['conditions', name]`).
 *
 * @example
 * const problem: Issue = {
 *   code: 'invalid-duration',
 *   message: 'last_auth: "7" has no unit; use s, m, h, d or y',
 *   path: [],
 * }
 * @since 0.1.0
 */
export interface Issue {
  /** Stable machine-readable code, e.g. `invalid-duration`. */
  readonly code: string
  /** A sentence a person understands: `last_auth: "7" has no unit; use s, m, h, d or y`. */
  readonly message: string
  readonly path: Path
}

/**
 * A configuration error of one binding: the binding fails whenever it is selected (SPEC D11).
 *
 * @example
 * const error: ConfigError = {
 *   _tag: 'ConfigError',
 *   code: 'invalid-duration',
 *   message: 'last_auth: "7" has no unit; use s, m, h, d or y',
 *   bindingId: 1,
 *   bindingName: 'Mail on enrolment',
 *   path: [3, 'conditions', 'last_auth'],
 * }
 * @since 0.1.0
 */
export interface ConfigError {
  readonly _tag: 'ConfigError'
  readonly code: string
  readonly message: string
  readonly bindingId: string | number
  readonly bindingName: string
  /** Path from the bindings array: `[3, 'conditions', 'last_auth']`. */
  readonly path: Path
}

/**
 * A failure while evaluating one binding for one event: no intent, a failure audit entry, abort when the binding
 * says so. `errorTag` plays the role of privacyIDEA's exception class name in the audit `info`.
 *
 * @example
 * const failure: EvalFailure = {
 *   _tag: 'EvalFailure',
 *   errorTag: 'ParserError',
 *   message: 'token_validity_period: tokeninfo validity_period_start "yesterday" is not a date (D13)',
 * }
 * @since 0.1.0
 */
export interface EvalFailure {
  readonly _tag: 'EvalFailure'
  readonly errorTag: string
  readonly message: string
}

/**
 * Builds an `Issue`; the path defaults to `[]` (the value the plug-in compiled).
 *
 * @example
 * issue('missing-option', 'sendmail: option "emailconfig" is required', ['options', 'emailconfig'])
 * @since 0.1.0
 */
export const issue = (code: string, message: string, path: Path = []): Issue => ({ code, message, path })

/**
 * Builds an `EvalFailure`: what a condition or action returns when the binding must fail for this event.
 *
 * @example
 * evalFailure('ParserError', 'token_validity_period: tokeninfo validity_period_start "yesterday" is not a date (D13)')
 * @since 0.1.0
 */
export const evalFailure = (errorTag: string, message: string): EvalFailure => ({
  _tag: 'EvalFailure',
  errorTag,
  message,
})

/**
 * Tells an `EvalFailure` apart from any other value, e.g. the `true`/`false` of an `Outcome`.
 *
 * @example
 * const outcome = compiled.test(ctx)
 * if (isEvalFailure(outcome)) logger.warn(outcome.errorTag, outcome.message)
 * @since 0.1.0
 */
export const isEvalFailure = (u: unknown): u is EvalFailure =>
  typeof u === 'object' && u !== null && (u as { _tag?: unknown })._tag === 'EvalFailure'

/**
 * Renders a path as `[3].conditions.last_auth` (names that are not identifiers are quoted).
 *
 * @example
 * formatPath([3, 'conditions', 'last_auth']) // '[3].conditions.last_auth'
 * formatPath([0, 'options', 'mobile phone']) // '[0].options["mobile phone"]'
 * @since 0.1.0
 */
export const formatPath = (path: Path): string =>
  path
    .map((p) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`))
    .join('')
    .replace(/^\./, '')
