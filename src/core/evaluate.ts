/**
 * The dispatch fold (SPEC 1.2–1.7): select the bindings of the event's name and position, in execution order;
 * for each, AND its conditions with early exit; a binding whose conditions hold runs its action and yields one
 * intent and one audit entry; a failing binding yields a failure audit entry and, with `abortOnError`, stops the
 * fold. Request/response changes of a binding are what later bindings see.
 *
 * @since 0.1.0
 */
import { auditEntry } from './audit.js'
import type { ActionResult, Outcome } from './catalogue.js'
import type { CompiledBinding, RuleSet } from './compile.js'
import { type EvalContext, makeContext } from './context.js'
import { absurd } from './either.js'
import { type EvalFailure, evalFailure, isEvalFailure } from './errors.js'
import type { Aborted, AuditEntry, Evaluation, Event, Intent, Request } from './model.js'

/**
 * What one selected binding did for one event: nothing (`Silent`), fired an intent, declined, or failed.
 *
 * @example
 * const step: Step = stepBinding(compiledBinding, makeContext(event))
 * if (step._tag === 'Failed') logger.warn(`${step.errorTag}: ${step.message}`)
 * @since 0.1.0
 */
export type Step =
  | { readonly _tag: 'Silent' }
  | {
      readonly _tag: 'Fired'
      readonly intent: Intent
      readonly details?: string
      readonly request?: Request
      readonly response?: unknown
    }
  | Extract<ActionResult, { readonly _tag: 'Declined' }>
  | { readonly _tag: 'Failed'; readonly errorTag: string; readonly message: string }

const SILENT: Step = { _tag: 'Silent' }

const failed = (f: EvalFailure): Step => ({ _tag: 'Failed', errorTag: f.errorTag, message: f.message })

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/**
 * The step of a triggered action, built field by field: `{ ...result, _tag: 'Fired' }` (a spread followed by a
 * property) is an order of magnitude slower on V8 than a literal, and this runs once per triggered binding.
 */
const firedStep = (result: Extract<ActionResult, { readonly _tag: 'Intent' }>): Step => {
  const step: Mutable<Extract<Step, { readonly _tag: 'Fired' }>> = { _tag: 'Fired', intent: result.intent }
  if (result.details !== undefined) step.details = result.details
  if (result.request !== undefined) step.request = result.request
  if (result.response !== undefined) step.response = result.response
  return step
}

/**
 * ANDs the conditions in order with early exit: the first non-`true` outcome decides.
 *
 * @example
 * conditionsOutcome(compiledBinding, makeContext(event)) // true: every condition holds
 * @since 0.1.0
 */
export const conditionsOutcome = (cb: CompiledBinding, ctx: EvalContext): Outcome => {
  const conditions = cb.conditions
  for (let i = 0; i < conditions.length; i++) {
    const outcome = (conditions[i] as (typeof conditions)[number]).test(ctx)
    if (outcome !== true) return outcome
  }
  return true
}

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/** A plug-in returned something that is not an `Outcome`: a plug-in bug, reported as an internal error. */
const notAnOutcome = (u: unknown): EvalFailure =>
  evalFailure('InternalError', `a condition returned ${JSON.stringify(u) ?? String(u)}, not true, false or a failure`)

/**
 * Runs one selected binding for the current event view. Never throws.
 *
 * @example
 * stepBinding(compiledBinding, makeContext(event))
 * // { _tag: 'Fired', intent: { _tag: 'UserNotification.sendmail', ... } }
 * @since 0.1.0
 */
export const stepBinding = (cb: CompiledBinding, ctx: EvalContext): Step => {
  const firstError = cb.errors[0]
  if (firstError !== undefined) return { _tag: 'Failed', errorTag: 'ConfigurationError', message: firstError.message }
  try {
    const holds = conditionsOutcome(cb, ctx)
    if (holds === false) return SILENT
    if (holds !== true) return isEvalFailure(holds) ? failed(holds) : failed(notAnOutcome(holds))
    const action = cb.action
    if (action === undefined) return { _tag: 'Failed', errorTag: 'ConfigurationError', message: 'no action' }
    const result = action.run(ctx, cb.binding)
    switch (result._tag) {
      case 'Intent':
        return firedStep(result)
      case 'Declined':
        return result
      case 'EvalFailure':
        return failed(result)
      default:
        return absurd(result)
    }
  } catch (e) {
    return { _tag: 'Failed', errorTag: 'InternalError', message: describe(e) }
  }
}

const finish = (
  ctx: EvalContext,
  intents: ReadonlyArray<Intent>,
  audit: ReadonlyArray<AuditEntry>,
  aborted?: Aborted,
): Evaluation => {
  // Once per event: literals instead of spreads of conditional objects (the hot path allocates only what it returns).
  const request = ctx.event.request
  const response = ctx.event.response
  if (aborted === undefined)
    return response === undefined ? { intents, audit, request } : { intents, audit, request, response }
  return response === undefined ? { intents, audit, request, aborted } : { intents, audit, request, response, aborted }
}

/**
 * The first view of the event: pre bindings get no response (SPEC 1.3, 1.8), even if the host passed one; a field
 * that is `null` (a JavaScript host's "none": `user: null`) is absent, so no condition, template or audit entry
 * reads `null` where the model promises an object. A `null` response stays: it is a JSON body.
 */
const initialView = (event: Event): Event => {
  // once per evaluation: no allocation unless the event needs a new view
  let view: Record<string, unknown> | undefined
  for (const k in event) {
    const v: unknown = event[k as keyof Event]
    if ((k === 'response' ? event.position === 'pre' && v !== undefined : v === null) && Object.hasOwn(event, k)) {
      view ??= { ...event }
      delete view[k]
    }
  }
  return (view ?? event) as Event
}

/**
 * The next view of the event after a binding changed the request or (post only) the response. A new view gets a
 * fresh memo: values memoised from the old request or response must not leak into it.
 */
const advance = (ctx: EvalContext, request: Request | undefined, response: unknown): EvalContext => {
  const newResponse = ctx.event.position === 'post' ? response : undefined
  if (request === undefined && newResponse === undefined) return ctx
  const event: Event = {
    ...ctx.event,
    ...(request !== undefined ? { request } : {}),
    ...(newResponse !== undefined ? { response: newResponse } : {}),
  }
  return makeContext(event)
}

const NONE_SELECTED: ReadonlyArray<CompiledBinding> = []

/**
 * Selects the bindings for an event: active, exact event name, same position, in execution order.
 *
 * @example
 * select(compileWith(catalogue, bindings), event).map((cb) => cb.binding.name) // ['Mail on enrolment']
 * @since 0.1.0
 */
export const select = (rules: RuleSet, event: Event): ReadonlyArray<CompiledBinding> =>
  rules.index.get(event.position)?.get(event.name) ?? NONE_SELECTED

/**
 * Watches the fold, one call per selected binding that ran: the binding, the event view it saw, what it did, and
 * its audit entry (none when silent). `explain` is built on it, so it replays exactly what `evaluate` does.
 *
 * @example
 * const steps: string[] = []
 * const observe: FoldObserver = (cb, _ctx, step) => steps.push(`${cb.binding.name}: ${step._tag}`)
 * evaluateRuleSet(event, rules, observe) // steps: ['Mail on enrolment: Fired']
 * @since 0.1.0
 */
export type FoldObserver = (cb: CompiledBinding, ctx: EvalContext, step: Step, entry: AuditEntry | undefined) => void

/**
 * Evaluates one event against a compiled rule set. Total, pure and deterministic: it never throws and never
 * mutates its inputs. An optional observer sees every step (explaining costs only when asked).
 *
 * @example
 * const evaluation = evaluateRuleSet(event, compileWith(catalogue, bindings))
 * @since 0.1.0
 */
export const evaluateRuleSet = (event: Event, rules: RuleSet, observe?: FoldObserver): Evaluation => {
  const selected = select(rules, event)
  let ctx = makeContext(initialView(event))
  const intents: Intent[] = []
  const audit: AuditEntry[] = []
  for (let i = 0; i < selected.length; i++) {
    const cb = selected[i] as CompiledBinding
    const seen = ctx
    const step = stepBinding(cb, ctx)
    let entry: AuditEntry | undefined
    switch (step._tag) {
      case 'Silent':
        break
      case 'Fired':
        intents.push(step.intent)
        entry = auditEntry(
          ctx.event,
          cb.binding,
          cb.actionDetail,
          step.details !== undefined ? { success: true, details: step.details } : { success: true },
        )
        audit.push(entry)
        ctx = advance(ctx, step.request, step.response)
        break
      case 'Declined':
        entry = auditEntry(ctx.event, cb.binding, cb.actionDetail, {
          success: step.success === true,
          details: step.details,
          ...(step.runDetails !== undefined ? { runDetails: step.runDetails } : {}),
        })
        audit.push(entry)
        break
      case 'Failed':
        entry = auditEntry(ctx.event, cb.binding, cb.actionDetail, {
          success: false,
          error: { tag: step.errorTag, message: step.message },
        })
        audit.push(entry)
        break
    }
    if (observe !== undefined) observe(cb, seen, step, entry)
    if (step._tag === 'Failed' && cb.abortOnError) {
      return finish(ctx, intents, audit, {
        bindingId: cb.binding.id,
        reason: `${cb.binding.name} (${step.errorTag}): ${step.message}`,
      })
    }
  }
  return finish(ctx, intents, audit)
}
