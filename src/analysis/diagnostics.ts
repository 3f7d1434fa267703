/**
 * Diagnostics: what `check` reports about a list of bindings. Configuration errors come from the compiler (the
 * kernel and the condition and handler plug-ins, with their own codes); the codes below are the ones the analysis
 * itself adds. Every diagnostic names its binding and a JSON path from the bindings array.
 *
 * @since 0.1.0
 */
import type { ConfigError, Path } from '../core/errors.js'
import { formatPath } from '../core/errors.js'

/**
 * `error`: the binding fails whenever it is selected; `warning`: it runs, but probably not as meant.
 *
 * @example
 * const blocking = check(bindings).some((d) => d.severity === 'error')
 * @since 0.1.0
 */
export type Severity = 'error' | 'warning'

/**
 * One finding of `check`.
 *
 * @example
 * const d: Diagnostic = {
 *   code: 'unknown-event', severity: 'warning', bindingId: 1, bindingName: 'Mail', path: [0, 'events', 0],
 *   message: '"token_intit" is not an event privacyIDEA sends ...; did you mean "token_init"?',
 * }
 * @since 0.1.0
 */
export interface Diagnostic {
  /** Stable machine-readable code, e.g. `unknown-event`; see `DIAGNOSTIC_CODES` and docs/configuration.md. */
  readonly code: string
  readonly severity: Severity
  /** The binding's id (its index in the input when it has no usable id). */
  readonly bindingId: string | number
  readonly bindingName: string
  /** JSON path from the bindings array: `[3, 'conditions', 'serial']`. */
  readonly path: Path
  /** A sentence a person understands. */
  readonly message: string
}

/**
 * The diagnostic codes the analysis adds on top of the compiler's configuration errors (which keep the codes the
 * kernel and the plug-ins give them, e.g. `unknown-module`, `position-not-allowed`, `invalid-binding`).
 *
 * @example
 * check(bindings).filter((d) => d.code === DIAGNOSTIC_CODES.duplicateBinding)
 * @since 0.1.0
 */
export const DIAGNOSTIC_CODES = {
  /** An event name that is not one of the 76 identifiers of SPEC 2 (never selected). */
  unknownEvent: 'unknown-event',
  /** `active: false`: the binding is never selected. */
  inactive: 'inactive',
  /** An empty event list: the binding is never selected. */
  noEvents: 'no-events',
  /** One condition that can never hold (e.g. `result_value: True` in pre position, `user_token_number: <0`). */
  conditionNeverHolds: 'condition-never-holds',
  /** Conditions that cannot all hold at once (e.g. `token_has_owner: False` with `token_is_orphaned: True`). */
  contradictoryConditions: 'contradictory-conditions',
  /** Same events, position, module, action, options and conditions as an earlier active binding: fires twice. */
  duplicateBinding: 'duplicate-binding',
  /** A regular expression prone to catastrophic backtracking (ReDoS), found by recheck. */
  catastrophicBacktracking: 'catastrophic-backtracking',
  /** Input that does not decode as bindings at all (reported by the CLI's `check`). */
  decodeError: 'decode-error',
} as const

/**
 * One of the analysis's own codes.
 *
 * @example
 * const code: DiagnosticCode = 'contradictory-conditions'
 * @since 0.1.0
 */
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[keyof typeof DIAGNOSTIC_CODES]

/**
 * A diagnostic.
 *
 * @example
 * diagnostic('inactive', 'warning', 2, 'Old log', [1, 'active'], 'the binding is inactive, so it is never selected')
 * @since 0.1.0
 */
export const diagnostic = (
  code: string,
  severity: Severity,
  bindingId: string | number,
  bindingName: string,
  path: Path,
  message: string,
): Diagnostic => ({ code, severity, bindingId, bindingName, path, message })

/**
 * A compiler configuration error (or plug-in warning) as a diagnostic.
 *
 * @example
 * compile(bindings).errors.map((e) => fromConfigError(e, 'error'))
 * @since 0.1.0
 */
export const fromConfigError = (e: ConfigError, severity: Severity): Diagnostic =>
  diagnostic(e.code, severity, e.bindingId, e.bindingName, e.path, e.message)

const renderId = (id: string | number): string => (typeof id === 'number' ? String(id) : JSON.stringify(id))

/**
 * Renders one diagnostic on one line: severity, code, binding, path, message.
 *
 * @example
 * formatDiagnostic(d)
 * // 'warning unknown-event: binding 3 "Notify" at [2].events[0]: "token_intit" is not an event ...'
 * @since 0.1.0
 */
export const formatDiagnostic = (d: Diagnostic): string => {
  const name = d.bindingName === '' ? '' : ` ${JSON.stringify(d.bindingName)}`
  const where = d.path.length === 0 ? '' : ` at ${formatPath(d.path)}`
  return `${d.severity} ${d.code}: binding ${renderId(d.bindingId)}${name}${where}: ${d.message}`
}

/**
 * Renders a list of diagnostics, one per line, followed by a count line.
 *
 * @example
 * formatDiagnostics([]) // 'no findings'
 * @since 0.1.0
 */
export const formatDiagnostics = (ds: ReadonlyArray<Diagnostic>): string => {
  if (ds.length === 0) return 'no findings'
  const errors = ds.filter((d) => d.severity === 'error').length
  const warnings = ds.length - errors
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`
  return [...ds.map(formatDiagnostic), `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`].join('\n')
}
