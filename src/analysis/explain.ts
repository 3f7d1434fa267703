import type { Catalogue, CompiledCondition, ConditionTrace } from '../core/catalogue.js'
import type { CompiledBinding } from '../core/compile.js'
import type { EvalContext } from '../core/context.js'
import type { ConfigError } from '../core/errors.js'
import { formatPath } from '../core/errors.js'
import { evaluateRuleSet, type Step, select } from '../core/evaluate.js'
import type { AuditEntry, Evaluation, Event, Intent, Position } from '../core/model.js'
import { type BindingsInput, bindingIdOf, bindingNameOf, isWellFormed, ruleSetOf } from './rules.js'

/**
 * One condition's part in the explanation.
 *
 * @example
 * const c: ConditionExplanation = {
 *   name: 'failcounter', value: '>=5', verdict: 'pass',
 *   compared: { actual: 6, operator: '>=', expected: 5 }, reason: '6 >= 5 is true',
 * }
 * @since 0.1.0
 */
export interface ConditionExplanation {
  readonly name: string
  readonly value: string
  /**
   * `pass`: holds; `skip`: its subject is missing, so it passes (SPEC 3.2 "N/A"); `fail`: does not hold, the binding
   * stops here; `error`: the binding fails here; `not-reached`: an earlier condition decided (early exit, SPEC 1.4).
   */
  readonly verdict: ConditionTrace['verdict'] | 'not-reached'
  /** The values compared, e.g. `{ actual: 8, operator: '<', expected: 9 }`. */
  readonly compared: Readonly<Record<string, unknown>>
  readonly reason: string
}

/**
 * Why a binding was not selected.
 *
 * @example
 * const reasons: ReadonlyArray<NotSelectedReason> = ['other-event', 'inactive']
 * @since 0.1.0
 */
export type NotSelectedReason = 'inactive' | 'other-event' | 'other-position' | 'malformed'

/**
 * What a selected binding did.
 *
 * @example
 * const o: BindingOutcome = { _tag: 'Silent', reason: 'condition realm does not hold: ...' }
 * @since 0.1.0
 */
export type BindingOutcome =
  | {
      readonly _tag: 'Fired'
      readonly intent: Intent
      readonly details?: string
      readonly changed: ReadonlyArray<'request' | 'response'>
    }
  | { readonly _tag: 'Silent'; readonly reason: string }
  | { readonly _tag: 'Declined'; readonly details: string; readonly success?: true }
  | { readonly _tag: 'Failed'; readonly errorTag: string; readonly message: string; readonly aborts: boolean }
  | { readonly _tag: 'NotReached'; readonly reason: string }

/**
 * The fields every binding explanation has.
 *
 * @example
 * const s: BindingSummary = {
 *   bindingId: 5, bindingName: 'Disable', index: 4, handlerModule: 'Token', action: 'disable',
 *   position: 'post', events: ['validate_check'], ordering: 10,
 * }
 * @since 0.1.0
 */
export interface BindingSummary {
  readonly bindingId: string | number
  readonly bindingName: string
  /** Index in the input. */
  readonly index: number
  readonly handlerModule: string
  readonly action: string
  readonly position: string
  readonly events: ReadonlyArray<string>
  readonly ordering: number
}

/**
 * A binding selected for the event.
 *
 * @example
 * explain(event, bindings).bindings.filter((b): b is SelectedExplanation => b._tag === 'Selected')
 * @since 0.1.0
 */
export interface SelectedExplanation extends BindingSummary {
  readonly _tag: 'Selected'
  /** 1-based place in the execution order. */
  readonly step: number
  /** Configuration errors: the binding fails whenever it is selected (SPEC D11). */
  readonly configErrors: ReadonlyArray<ConfigError>
  /** In evaluation order (SPEC 3.0). */
  readonly conditions: ReadonlyArray<ConditionExplanation>
  readonly outcome: BindingOutcome
  /** The audit entry this binding wrote, if any. */
  readonly audit?: AuditEntry
}

/**
 * A binding not selected for the event.
 *
 * @example
 * // { _tag: 'NotSelected', bindingId: 1, ..., reasons: ['other-event'], message: 'it is for "token_init", not "validate_check"' }
 * @since 0.1.0
 */
export interface NotSelectedExplanation extends BindingSummary {
  readonly _tag: 'NotSelected'
  readonly reasons: ReadonlyArray<NotSelectedReason>
  readonly message: string
}

/**
 * One binding's explanation.
 *
 * @example
 * for (const b of explain(event, bindings).bindings) console.log(b._tag, b.bindingName)
 * @since 0.1.0
 */
export type BindingExplanation = SelectedExplanation | NotSelectedExplanation

/**
 * The explanation of one event: plain JSON data.
 *
 * @example
 * const x: Explanation = explain(event, bindings)
 * JSON.stringify(x) // the JSON rendering
 * formatExplanation(x) // the text rendering
 * @since 0.1.0
 */
export interface Explanation {
  readonly event: { readonly name: string; readonly position: Position; readonly now: string }
  /** Selected bindings in execution order, then the others in input order. */
  readonly bindings: ReadonlyArray<BindingExplanation>
  /** Exactly what `evaluate(event, bindings)` returns. */
  readonly evaluation: Evaluation
}

/**
 * `explain` bound to a catalogue.
 *
 * @example
 * const explain: Explain = explainWith(catalogue)
 * @since 0.1.0
 */
export type Explain = (event: Event, bindings: BindingsInput) => Explanation

const asString = (u: unknown, fallback: string): string => (typeof u === 'string' ? u : fallback)

const summary = (cb: CompiledBinding): BindingSummary => {
  const b = (typeof cb.binding === 'object' && cb.binding !== null ? cb.binding : {}) as Readonly<
    Record<string, unknown>
  >
  const events = Array.isArray(b.events) ? b.events.filter((e): e is string => typeof e === 'string') : []
  const ordering = typeof b.ordering === 'number' ? b.ordering : 0
  return {
    bindingId: bindingIdOf(cb),
    bindingName: bindingNameOf(cb),
    index: cb.index,
    handlerModule: asString(b.handlerModule, ''),
    action: asString(b.action, ''),
    position: asString(b.position, ''),
    events,
    ordering,
  }
}

const notSelected = (cb: CompiledBinding, event: Event): NotSelectedExplanation => {
  const s = summary(cb)
  const reasons: NotSelectedReason[] = []
  const messages: string[] = []
  if (!isWellFormed(cb)) {
    reasons.push('malformed')
    messages.push(`malformed: ${cb.errors.map((e) => e.message).join('; ')}`)
  }
  if (!s.events.includes(event.name)) {
    reasons.push('other-event')
    messages.push(
      s.events.length === 0
        ? 'it has no events'
        : `it is for ${s.events.map((e) => JSON.stringify(e)).join(', ')}, not ${JSON.stringify(event.name)}`,
    )
  }
  if (s.position !== event.position) {
    reasons.push('other-position')
    messages.push(`it runs in position ${JSON.stringify(s.position)}, not ${JSON.stringify(event.position)}`)
  }
  if ((cb.binding as { readonly active?: unknown }).active !== true) {
    reasons.push('inactive')
    messages.push('it is inactive')
  }
  return { ...s, _tag: 'NotSelected', reasons, message: messages.join('; ') }
}

/** A plug-in's `compared` values as plain JSON (NaN, RegExps, undefined and cycles made printable). */
const jsonSafe = (u: unknown, seen: ReadonlySet<object> = new Set(), depth = 0): unknown => {
  if (u === null || typeof u === 'string' || typeof u === 'boolean') return u
  if (typeof u === 'number') return Number.isFinite(u) ? u : String(u)
  if (typeof u === 'undefined') return null
  if (typeof u !== 'object') return String(u)
  if (u instanceof RegExp) return `/${u.source}/${u.flags}`
  if (u instanceof Date) return Number.isNaN(u.getTime()) ? 'Invalid Date' : u.toISOString()
  if (seen.has(u) || depth > 16) return '[…]'
  const inner = new Set(seen).add(u)
  if (Array.isArray(u)) return u.map((v) => jsonSafe(v, inner, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(u)) {
    if (v === undefined) continue
    Object.defineProperty(out, k, {
      value: jsonSafe(v, inner, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return out
}

const safeCompared = (compared: unknown): Readonly<Record<string, unknown>> => {
  const safe = jsonSafe(compared)
  return typeof safe === 'object' && safe !== null && !Array.isArray(safe) ? (safe as Record<string, unknown>) : {}
}

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e))

const verdictOf = (outcome: unknown): 'holds' | 'fails' | 'error' =>
  outcome === true ? 'holds' : outcome === false ? 'fails' : 'error'

/** Traces one condition; the predicate's own outcome decides if the trace disagrees with it. */
const traceCondition = (
  c: CompiledCondition,
  ctx: EvalContext,
): { readonly e: ConditionExplanation; readonly go: boolean } => {
  let outcome: unknown
  try {
    outcome = c.test(ctx)
  } catch (e) {
    return {
      e: { name: c.name, value: c.value, verdict: 'error', compared: {}, reason: `InternalError: ${describe(e)}` },
      go: false,
    }
  }
  const truth = verdictOf(outcome)
  let trace: ConditionTrace
  try {
    trace = c.trace(ctx)
  } catch (e) {
    trace = { name: c.name, value: c.value, verdict: 'error', compared: {}, reason: `trace failed: ${describe(e)}` }
  }
  const agrees =
    truth === 'holds'
      ? trace.verdict === 'pass' || trace.verdict === 'skip'
      : truth === 'fails'
        ? trace.verdict === 'fail'
        : trace.verdict === 'error'
  const failure =
    truth === 'error' ? (outcome as { readonly errorTag?: unknown; readonly message?: unknown }) : undefined
  const verdict: ConditionTrace['verdict'] = agrees
    ? trace.verdict
    : truth === 'holds'
      ? 'pass'
      : truth === 'fails'
        ? 'fail'
        : 'error'
  const reason = agrees
    ? trace.reason
    : failure !== undefined
      ? `${asString(failure.errorTag, 'Error')}: ${asString(failure.message, '')}`
      : trace.reason
  return {
    e: { name: c.name, value: c.value, verdict, compared: safeCompared(trace.compared), reason: String(reason) },
    go: truth === 'holds',
  }
}

const traceConditions = (cb: CompiledBinding, ctx: EvalContext): ReadonlyArray<ConditionExplanation> => {
  const out: ConditionExplanation[] = []
  let going = cb.errors.length === 0
  for (const c of cb.conditions) {
    if (!going) {
      out.push({
        name: c.name,
        value: c.value,
        verdict: 'not-reached',
        compared: {},
        reason: 'an earlier condition decided',
      })
      continue
    }
    const { e, go } = traceCondition(c, ctx)
    out.push(e)
    going = go
  }
  return out
}

const outcomeOf = (
  cb: CompiledBinding,
  ctx: EvalContext,
  step: Step,
  conditions: ReadonlyArray<ConditionExplanation>,
): BindingOutcome => {
  switch (step._tag) {
    case 'Silent': {
      const decided = conditions.find((c) => c.verdict === 'fail')
      return {
        _tag: 'Silent',
        reason:
          decided === undefined
            ? 'the conditions do not hold'
            : `condition ${decided.name} does not hold: ${decided.reason}`,
      }
    }
    case 'Fired': {
      const changed: Array<'request' | 'response'> = []
      if (step.request !== undefined) changed.push('request')
      if (step.response !== undefined && ctx.event.position === 'post') changed.push('response')
      return {
        _tag: 'Fired',
        intent: step.intent,
        ...(step.details !== undefined ? { details: step.details } : {}),
        changed,
      }
    }
    case 'Declined':
      return { _tag: 'Declined', details: step.details, ...(step.success === true ? { success: true as const } : {}) }
    case 'Failed':
      return { _tag: 'Failed', errorTag: step.errorTag, message: step.message, aborts: cb.abortOnError }
  }
}

/** What `explain` reads from an event that is no object: nothing, so nothing is selected. */
const NO_EVENT = { request: { params: {} } } as unknown as Event

/**
 * Creates `explain` over a catalogue. Total: never throws, also for an event that is no object (nothing is
 * selected). It observes the kernel's own fold
 * (`evaluateRuleSet` with an observer), so its outcomes agree with `evaluate` by construction; the condition
 * traces are computed on the very event view each binding saw.
 *
 * @example
 * const explain = explainWith(catalogue)
 * const explanation = explain(event, bindings)
 * console.log(formatExplanation(explanation))
 * @since 0.1.0
 */
export const explainWith = (catalogue: Catalogue): Explain => {
  const rulesOf = ruleSetOf(catalogue)
  return (given, bindings) => {
    // A JavaScript host can pass anything: an event that is no object selects nothing, as in `evaluate`.
    const event = typeof given === 'object' && given !== null ? given : NO_EVENT
    const rules = rulesOf(bindings)
    const selected = select(rules, event)
    const explained = new Map<CompiledBinding, SelectedExplanation>()
    const evaluation = evaluateRuleSet(event, rules, (cb, ctx, step, entry) => {
      const conditions = traceConditions(cb, ctx)
      explained.set(cb, {
        ...summary(cb),
        _tag: 'Selected',
        step: explained.size + 1,
        configErrors: cb.errors,
        conditions,
        outcome: outcomeOf(cb, ctx, step, conditions),
        ...(entry !== undefined ? { audit: entry } : {}),
      })
    })
    const selectedExplanations = selected.map(
      (cb, i): SelectedExplanation =>
        explained.get(cb) ?? {
          ...summary(cb),
          _tag: 'Selected',
          step: i + 1,
          configErrors: cb.errors,
          conditions: cb.conditions.map((c) => ({
            name: c.name,
            value: c.value,
            verdict: 'not-reached' as const,
            compared: {},
            reason: 'the evaluation was aborted before this binding',
          })),
          outcome: {
            _tag: 'NotReached',
            reason: `binding ${String(evaluation.aborted?.bindingId)} aborted the evaluation`,
          },
        },
    )
    const selectedSet = new Set(selected)
    const others = rules.bindings.filter((cb) => !selectedSet.has(cb)).map((cb) => notSelected(cb, event))
    return {
      event: { name: event.name, position: event.position, now: event.now },
      bindings: [...selectedExplanations, ...others],
      evaluation,
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Text rendering

const renderValue = (u: unknown): string => {
  if (typeof u === 'string') return JSON.stringify(u)
  if (u === undefined) return 'undefined'
  try {
    const s = JSON.stringify(u)
    return s === undefined ? String(u) : s
  } catch {
    return String(u)
  }
}

const renderCompared = (compared: Readonly<Record<string, unknown>>): string => {
  const keys = Object.keys(compared)
  return keys.length === 0 ? '' : ` [${keys.map((k) => `${k}=${renderValue(compared[k])}`).join(', ')}]`
}

const VERDICT_LABEL: Readonly<Record<ConditionExplanation['verdict'], string>> = {
  pass: 'pass       ',
  skip: 'skip       ',
  fail: 'FAIL       ',
  error: 'ERROR      ',
  'not-reached': 'not reached',
}

/** Fields every intent has (shown in the title) and the binding's options (in the JSON, not in the summary). */
const COMMON_INTENT_FIELDS = new Set([
  'options',
  '_tag',
  'bindingId',
  'bindingName',
  'handlerModule',
  'action',
  'event',
  'position',
])

const truncate = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s)

/**
 * The fields of an intent beyond the common ones and its options, as compact JSON (for one line of text).
 *
 * @example
 * intentFields(intent) // '{"serials":["OATH0004A3F2"]}'
 * @since 0.1.0
 */
export const intentFields = (intent: Intent, max = 240): string => {
  const rest: Record<string, unknown> = {}
  for (const k of Object.keys(intent)) {
    if (!COMMON_INTENT_FIELDS.has(k)) rest[k] = (intent as unknown as Readonly<Record<string, unknown>>)[k]
  }
  return truncate(renderValue(rest), max)
}

const title = (b: BindingSummary): string =>
  `[${renderId(b.bindingId)}] ${JSON.stringify(b.bindingName)} ${b.handlerModule}:${b.action}`

const renderId = (id: string | number): string => (typeof id === 'number' ? String(id) : JSON.stringify(id))

const renderOutcome = (o: BindingOutcome): string => {
  switch (o._tag) {
    case 'Fired':
      return `fired: ${o.intent._tag} ${intentFields(o.intent)}${o.details !== undefined ? ` (${o.details})` : ''}${
        o.changed.length > 0 ? `; later bindings see the changed ${o.changed.join(' and ')}` : ''
      }`
    case 'Silent':
      return `silent: ${o.reason}`
    case 'Declined':
      return `declined (audit success=${o.success === true ? 'true' : 'false'}, no abort): ${o.details}`
    case 'Failed':
      return `FAILED (${o.errorTag}): ${o.message}${o.aborts ? '; abortOnError is set, so the call fails here' : ''}`
    case 'NotReached':
      return `not reached: ${o.reason}`
  }
}

/**
 * Renders an explanation as readable text.
 *
 * @example
 * formatExplanation(explain(event, bindings))
 * // validate_check (post) at 2026-11-29T10:00:00+00:00: 3 of 5 bindings selected, 2 fired
 * //
 * // 1. [2] "Disable on failures" Token:disable (ordering 10)
 * //    pass         failcounter ">5" [actual=7, operator=">", expected=5]: ...
 * //    => fired: TokenDisable {...}
 * // ...
 * @since 0.1.0
 */
export const formatExplanation = (x: Explanation): string => {
  const selected = x.bindings.filter((b): b is SelectedExplanation => b._tag === 'Selected')
  const others = x.bindings.filter((b): b is NotSelectedExplanation => b._tag === 'NotSelected')
  const fired = selected.filter((b) => b.outcome._tag === 'Fired').length
  const lines: string[] = [
    `${x.event.name} (${x.event.position}) at ${x.event.now}: ${selected.length} of ${x.bindings.length} binding${
      x.bindings.length === 1 ? '' : 's'
    } selected, ${fired} fired`,
  ]
  for (const b of selected) {
    lines.push('', `${b.step}. ${title(b)} (ordering ${b.ordering})`)
    for (const e of b.configErrors) lines.push(`   configuration error at ${formatPath(e.path)}: ${e.message}`)
    if (b.conditions.length === 0 && b.configErrors.length === 0) lines.push('   no conditions: passes')
    for (const c of b.conditions) {
      const why = c.verdict === 'not-reached' ? '' : `: ${c.reason}`
      lines.push(
        `   ${VERDICT_LABEL[c.verdict]}  ${c.name} ${JSON.stringify(c.value)}${renderCompared(c.compared)}${why}`,
      )
    }
    lines.push(`   => ${renderOutcome(b.outcome)}`)
    if (b.audit !== undefined)
      lines.push(`   audit: ${b.audit.action} success=${String(b.audit.success)} info=${JSON.stringify(b.audit.info)}`)
  }
  if (others.length > 0) {
    lines.push('', 'Not selected:')
    for (const b of others) lines.push(`   ${title(b)}: ${b.message}`)
  }
  const ev = x.evaluation
  lines.push(
    '',
    `Result: ${ev.intents.length} intent${ev.intents.length === 1 ? '' : 's'}, ${ev.audit.length} audit entr${
      ev.audit.length === 1 ? 'y' : 'ies'
    }${ev.aborted !== undefined ? `; ABORTED by binding ${renderId(ev.aborted.bindingId)}: ${ev.aborted.reason}` : ''}`,
  )
  return lines.join('\n')
}
