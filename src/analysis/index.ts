/**
 * The analyses, as functions of a catalogue: `checkWith`, `explainWith`, `requiredFactsWith`; the package binds
 * them to the real catalogue as `check`, `explain` and `requiredFacts`.
 *
 * @since 0.1.0
 */

export type { FoundRegex, Vulnerability } from './backtracking.js'
export type { Check } from './check.js'
export { checkWith } from './check.js'
export type { Diagnostic, DiagnosticCode, Severity } from './diagnostics.js'
export { DIAGNOSTIC_CODES, formatDiagnostic, formatDiagnostics } from './diagnostics.js'
export type { EventGroup } from './event-names.js'
export { EVENT_GROUPS, EVENT_NAMES, isKnownEventName, suggestEventName } from './event-names.js'
export type {
  BindingExplanation,
  BindingOutcome,
  BindingSummary,
  ConditionExplanation,
  Explain,
  Explanation,
  NotSelectedExplanation,
  NotSelectedReason,
  SelectedExplanation,
} from './explain.js'
export { explainWith, formatExplanation } from './explain.js'
export type { RequiredFacts } from './facts.js'
export { AUDIT_FACTS, KERNEL_FACTS, prune, requiredFactsWith } from './facts.js'
export type { BindingsInput } from './rules.js'
export type { Unsatisfiable } from './satisfiability.js'
export { unsatisfiable } from './satisfiability.js'
