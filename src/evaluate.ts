/**
 * `tripline/evaluate`: what a host needs at request time, without the static checks. `evaluate(event, bindings)`
 * with the full privacyIDEA catalogue, explicit compilation, explanations, the facts plan, the io-ts boundary and
 * the template renderer. `tripline` is this plus `check`, whose regex analysis (recheck, about 3 MB of JavaScript)
 * an unbundled `import('tripline')` loads: import this entry where the cold start counts (a serverless function run
 * without a bundler).
 *
 * @module
 * @since 0.1.0
 */
import { explainWith } from './analysis/explain.js'
import { requiredFactsWith } from './analysis/facts.js'
import { catalogue } from './catalogue.js'
import type { RuleSet } from './core/compile.js'
import { createEngine } from './core/engine.js'
import type { Binding, Evaluation, Event } from './core/model.js'
import type { TriplineIntent } from './handlers/index.js'

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
export const evaluate = engine.evaluate as (
  event: Event,
  bindings: ReadonlyArray<Binding> | RuleSet,
) => Evaluation<TriplineIntent>

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

export type * from './analysis/diagnostics.js'
export { DIAGNOSTIC_CODES, formatDiagnostic, formatDiagnostics } from './analysis/diagnostics.js'
export type * from './analysis/event-names.js'
export { EVENT_GROUPS, EVENT_NAMES, isKnownEventName, suggestEventName } from './analysis/event-names.js'
export type * from './analysis/explain.js'
export type {
  Explain,
  Explanation,
} from './analysis/explain.js'
export { explainWith, formatExplanation } from './analysis/explain.js'
export type * from './analysis/facts.js'
export { AUDIT_FACTS, KERNEL_FACTS, prune, requiredFactsWith } from './analysis/facts.js'
export type { BindingsInput } from './analysis/rules.js'
export { catalogue } from './catalogue.js'
export type { DecodeError, DecodeErrors, PrivacyIdeaEventDefinition } from './codec/index.js'
export { decodeBindings, decodeEvent, encodeBindings, formatDecodeErrors } from './codec/index.js'
export type {
  BoolData,
  ClientIpData,
  ConditionData,
  ConditionName,
  FindingCode,
  GenericComparison,
  Int,
  IntComparison,
  IntData,
  IntOp,
  IpList,
  IpRange,
  KeyedData,
  LastAuthData,
  ListData,
  NowSegment,
  NowTemplate,
  Operand,
  RegexData,
  RegexMode,
} from './conditions/index.js'
export {
  CONDITION_NAMES,
  compileCondition,
  conditionCatalogue,
  conditionRank,
  isConditionName,
} from './conditions/index.js'
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
export { describeModule, HANDLER_DESCRIPTIONS } from './handlers/descriptions.js'
export type * from './handlers/index.js'
export { MODULES } from './handlers/index.js'
export type { NotificationTag, TagSpec } from './templates/index.js'
export { escapeFormat, NOTIFICATION_TAGS, renderTemplate, TAG_FACTS, TAG_SPECS, TAG_VALUES } from './templates/index.js'
