/**
 * `tripline/check`: static diagnostics for bindings, all at once. A separate entry because its regex analysis
 * (recheck, about 3 MB of JavaScript) has no place in a request-time import: `import { evaluate } from 'tripline'`
 * stays small and quick to load, and `check` runs where configuration is written, reviewed or deployed.
 *
 * @module
 * @since 0.1.0
 */
import { checkWith } from './analysis/check.js'
import { catalogue } from './catalogue.js'

/**
 * Static diagnostics for bindings, all at once: configuration errors, unknown events (with a "did you mean"),
 * bindings that can never fire, duplicates, regexes prone to catastrophic backtracking.
 *
 * @example
 * import { check } from 'tripline/check'
 * const errors = check(bindings).filter((d) => d.severity === 'error')
 * @since 0.1.0
 */
export const check = /* @__PURE__ */ checkWith(catalogue)

export type { FoundRegex, Vulnerability } from './analysis/backtracking.js'
export type { Check } from './analysis/check.js'
export { checkWith } from './analysis/check.js'
export type { Diagnostic, DiagnosticCode, Severity } from './analysis/diagnostics.js'
export { DIAGNOSTIC_CODES, formatDiagnostic, formatDiagnostics } from './analysis/diagnostics.js'
