/**
 * `tripline`: everything a host needs. `evaluate(event, bindings)` with the full privacyIDEA catalogue, explicit
 * compilation, static checks, explanations, the facts plan, the io-ts boundary and the template renderer.
 *
 * @since 0.1.0
 */
import { checkWith } from './analysis/check.js'
import { explainWith } from './analysis/explain.js'
import { requiredFactsWith } from './analysis/facts.js'
import { catalogue } from './catalogue.js'
import { createEngine } from './core/engine.js'

const engine = /* @__PURE__ */ createEngine(catalogue)

/**
 * Evaluates one event against bindings (compiled once per array identity) or a compiled rule set: the intents to
 * carry out, the audit entries to write, the request/response after mangling, and whether the call must abort.
 * Total, pure, deterministic: it never throws and never mutates its inputs.
 *
 * @example
 * const { intents, audit, aborted } = evaluate(event, bindings)
 * @since 0.1.0
 */
export const evaluate = engine.evaluate

/**
 * Compiles bindings once into an indexed rule set; pass it to `evaluate` in place of the bindings.
 *
 * @example
 * const rules = compile(bindings)
 * if (rules.errors.length > 0) console.warn(rules.errors)
 * const evaluation = evaluate(event, rules)
 * @since 0.1.0
 */
export const compile = engine.compile

/**
 * Static diagnostics for bindings, all at once: configuration errors, unknown events, bindings that can never fire,
 * duplicates, regexes prone to catastrophic backtracking.
 *
 * @example
 * const diagnostics = check(bindings)
 * const errors = diagnostics.filter((d) => d.severity === 'error')
 * @since 0.1.0
 */
export const check = /* @__PURE__ */ checkWith(catalogue)

/**
 * Explains an evaluation: per binding, selected or why not, each condition's verdict with the values compared, and
 * the resulting intent or failure. `formatExplanation` renders it as text.
 *
 * @example
 * console.log(formatExplanation(explain(event, bindings)))
 * @since 0.1.0
 */
export const explain = /* @__PURE__ */ explainWith(catalogue)

/**
 * The `Event` fields the bindings selected for an event name and position read, so a host loads only those.
 *
 * @example
 * requiredFacts(bindings, 'validate_check', 'post') // ['token.info.last_auth', 'user.tokenCount', ...]
 * @since 0.1.0
 */
export const requiredFacts = /* @__PURE__ */ requiredFactsWith(catalogue)

export type {
  Explain,
  Explanation,
} from './analysis/explain.js'
export type * from './analysis/index.js'
export {
  AUDIT_FACTS,
  checkWith,
  DIAGNOSTIC_CODES,
  EVENT_GROUPS,
  EVENT_NAMES,
  explainWith,
  formatDiagnostic,
  formatDiagnostics,
  formatExplanation,
  isKnownEventName,
  KERNEL_FACTS,
  prune,
  requiredFactsWith,
  suggestEventName,
} from './analysis/index.js'
export { catalogue } from './catalogue.js'
export type { DecodeError, DecodeErrors, PrivacyIdeaEventDefinition } from './codec/index.js'
export { decodeBindings, decodeEvent, encodeBindings, formatDecodeErrors } from './codec/index.js'
export type { ConditionName } from './conditions/index.js'
export { CONDITION_NAMES } from './conditions/index.js'
export type {
  Aborted,
  AuditEntry,
  Binding,
  Challenge,
  ConfigError,
  Container,
  ContainerOwner,
  Either,
  Evaluation,
  Event,
  Intent,
  LoggedIn,
  Position,
  Request,
  RuleSet,
  Token,
  TokenOwner,
  User,
} from './core/index.js'
export { formatPath, isLeft, isRight } from './core/index.js'
export type * from './handlers/index.js'
export { MODULES } from './handlers/index.js'
export { escapeFormat, NOTIFICATION_TAGS, renderTemplate, TAG_SPECS } from './templates/index.js'
