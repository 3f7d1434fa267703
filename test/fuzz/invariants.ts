/**
 * What must hold for any event and any bindings, as one function that lists the violations it finds (empty = all
 * hold), so a fuzz failure says which rule broke and how:
 *
 * - `compile`, `evaluate`, `explain` and `requiredFacts` never throw on deep-frozen inputs and leave them unchanged;
 *   no binding fails with `InternalError` (an exception the kernel caught: a plug-in bug, or a write to a frozen
 *   input, which throws in strict code); `evaluate` over the bindings equals `evaluate` over `compile(bindings)`;
 * - every audit entry matches an intent (success) or a failure or a decline, in execution order; the intents are
 *   the successful entries but for UserNotification's successful declines (no recipient, a file outside the spool
 *   directory: privacyIDEA returns true, SPEC 4.1), which carry `details`; `aborted` names the last entry, a failure of
 *   a binding that aborts;
 * - `explain` agrees with `evaluate`: its evaluation is the same, its selected bindings are the ones SPEC 1.2 selects
 *   in SPEC 1.3 order, its fired/declined/failed bindings are the audit entries, and each condition verdict is
 *   consistent with the binding's outcome (pass/skip before, the deciding fail or error, not-reached after).
 */
import { isDeepStrictEqual } from 'node:util'
import type { Explanation, SelectedExplanation } from '../../src/analysis/explain.js'
import type { AuditEntry, Binding, Evaluation, Event } from '../../src/core/model.js'
import { NOTIFY_TYPES, noRecipientDetails, OUTSIDE_SPOOL } from '../../src/handlers/user-notification.js'
import { compile, evaluate, explain, requiredFacts } from '../../src/index.js'
import { deepFreeze, expectedOrder } from '../laws/evaluation.js'

/** Runs `f`; a throw becomes a violation. */
const attempt = <A>(what: string, f: () => A, out: string[]): A | undefined => {
  try {
    return f()
  } catch (e) {
    out.push(`${what} threw: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`)
    return undefined
  }
}

const sameBinding = (
  a: { readonly bindingId: string | number; readonly bindingName: string; readonly handlerModule: string },
  b: { readonly bindingId: string | number; readonly bindingName: string; readonly handlerModule: string },
): boolean => a.bindingId === b.bindingId && a.bindingName === b.bindingName && a.handlerModule === b.handlerModule

const NOTHING_TO_DO = new Set([OUTSIDE_SPOOL, ...NOTIFY_TYPES.map(noRecipientDetails)])

/**
 * A successful audit entry without an intent: UserNotification with no recipient, or a savefile name outside the
 * spool directory (privacyIDEA's action returns true although it does nothing, SPEC 4.1).
 */
export const succeedsWithoutIntent = (a: AuditEntry): boolean =>
  a.success && a.handlerModule === 'UserNotification' && a.details !== undefined && NOTHING_TO_DO.has(a.details)

/** The audit entries against the intents and `aborted`. */
const auditViolations = (ev: Evaluation, out: string[]): void => {
  let k = 0
  for (const a of ev.audit.filter((e) => e.success)) {
    if (a.error !== undefined) out.push(`successful audit entry of binding ${String(a.bindingId)} carries an error`)
    const i = ev.intents[k]
    if (i !== undefined && sameBinding(a, i) && a.event === i.event && a.position === i.position) k += 1
    else if (!succeedsWithoutIntent(a))
      out.push(`successful audit entry of binding ${String(a.bindingId)} matches no intent (intent ${k})`)
  }
  if (k !== ev.intents.length) out.push(`${ev.intents.length} intents but ${k} matched successful audit entries`)
  const last = ev.audit[ev.audit.length - 1]
  if (ev.aborted !== undefined) {
    if (last === undefined || last.error === undefined || last.bindingId !== ev.aborted.bindingId)
      out.push('aborted does not name the last audit entry, a failure')
  }
}

const VERDICT_BEFORE = new Set(['pass', 'skip'])

/** One selected binding's condition verdicts against its outcome. */
const verdictViolations = (s: SelectedExplanation, out: string[]): void => {
  const where = `binding ${String(s.bindingId)} (${s.outcome._tag})`
  const verdicts = s.conditions.map((c) => c.verdict)
  const decided = verdicts.findIndex((v) => !VERDICT_BEFORE.has(v))
  const tailNotReached = (from: number) => verdicts.slice(from).every((v) => v === 'not-reached')
  switch (s.outcome._tag) {
    case 'Fired':
    case 'Declined':
      if (s.configErrors.length > 0) out.push(`${where}: ran although it has configuration errors`)
      if (decided !== -1)
        out.push(`${where}: ran although condition ${s.conditions[decided]?.name} is ${verdicts[decided]}`)
      break
    case 'Silent':
      if (s.configErrors.length > 0) out.push(`${where}: silent although it has configuration errors`)
      if (decided === -1 || verdicts[decided] !== 'fail' || !tailNotReached(decided + 1))
        out.push(`${where}: silent but the verdicts are ${verdicts.join(',')}`)
      break
    case 'Failed':
      if (s.configErrors.length > 0) {
        if (s.outcome.errorTag !== 'ConfigurationError') out.push(`${where}: config error tagged ${s.outcome.errorTag}`)
        if (!tailNotReached(0)) out.push(`${where}: conditions evaluated despite configuration errors`)
      } else if (decided !== -1 && (verdicts[decided] !== 'error' || !tailNotReached(decided + 1)))
        out.push(`${where}: failed but the verdicts are ${verdicts.join(',')}`)
      break
    case 'NotReached':
      if (!tailNotReached(0)) out.push(`${where}: not reached but conditions were evaluated`)
      break
  }
}

/** `explain` against `evaluate` and against SPEC 1.2/1.3 selection and order. */
const explainViolations = (
  event: Event,
  bindings: ReadonlyArray<Binding>,
  ev: Evaluation,
  x: Explanation,
  out: string[],
): void => {
  if (!isDeepStrictEqual(x.evaluation, ev)) out.push('explain().evaluation differs from evaluate()')
  const selected = x.bindings.filter((b): b is SelectedExplanation => b._tag === 'Selected')
  if (x.bindings.length !== bindings.length)
    out.push(`explain covers ${x.bindings.length} of ${bindings.length} bindings`)
  const order = expectedOrder(event, bindings)
  if (selected.length !== order.length || !selected.every((s, k) => s.bindingId === order[k]?.id && s.step === k + 1))
    out.push(
      `explain selected [${selected.map((s) => String(s.bindingId)).join(',')}], SPEC order is [${order.map((b) => String(b.id)).join(',')}]`,
    )
  const audited = selected.filter((s) => s.audit !== undefined)
  if (audited.length !== ev.audit.length)
    out.push(`explain audits ${audited.length} bindings, evaluate ${ev.audit.length}`)
  audited.forEach((s, k) => {
    const entry = ev.audit[k]
    if (entry === undefined) return
    if (!isDeepStrictEqual(s.audit, entry)) out.push(`explain's audit entry ${k} differs from evaluate's`)
    const o = s.outcome
    if (o._tag === 'Fired' && !entry.success) out.push(`binding ${String(s.bindingId)} fired but its entry failed`)
    if (o._tag === 'Declined' && (entry.success !== (o.success === true) || entry.error !== undefined))
      out.push(
        `binding ${String(s.bindingId)} declined (success ${String(o.success === true)}) but its entry is ${entry.error !== undefined ? 'an error' : `success ${String(entry.success)}`}`,
      )
    if (o._tag === 'Failed' && (entry.success || entry.error?.tag !== o.errorTag))
      out.push(
        `binding ${String(s.bindingId)} failed with ${o.errorTag} but its entry says ${JSON.stringify(entry.error)}`,
      )
  })
  const fired = selected.flatMap((s) => (s.outcome._tag === 'Fired' ? [s.outcome.intent] : []))
  if (!isDeepStrictEqual(fired, ev.intents)) out.push("explain's fired intents differ from evaluate's intents")
  for (const s of selected) {
    if (s.outcome._tag === 'Silent' && s.audit !== undefined) out.push(`silent binding ${String(s.bindingId)} audited`)
    verdictViolations(s, out)
  }
  const aborting = selected.findIndex((s) => s.outcome._tag === 'Failed' && s.outcome.aborts)
  if ((aborting !== -1) !== (ev.aborted !== undefined)) out.push('explain and evaluate disagree on the abort')
  if (aborting !== -1 && !selected.slice(aborting + 1).every((s) => s.outcome._tag === 'NotReached'))
    out.push('a binding after the abort was reached')
}

/**
 * Every invariant for one event and one list of bindings. Deep-freezes both: a write to them then throws (all of
 * tripline is strict-mode code), which shows up as a throw or an `InternalError` failure. `thorough` also compares
 * the inputs with a clone taken before (a write some code caught itself) and asks `requiredFacts`.
 *
 * @example
 * expect(evaluationViolations(event, bindings, { thorough: true })).toEqual([])
 */
export const evaluationViolations = (
  event: Event,
  bindings: ReadonlyArray<Binding>,
  options: { readonly thorough: boolean },
): ReadonlyArray<string> => {
  const out: string[] = []
  const before = options.thorough ? structuredClone({ event, bindings }) : undefined
  deepFreeze(event)
  deepFreeze(bindings)
  const rules = attempt('compile', () => compile(bindings), out)
  const ev = attempt('evaluate', () => evaluate(event, bindings), out)
  const x = rules === undefined ? undefined : attempt('explain', () => explain(event, rules), out)
  if (options.thorough && rules !== undefined) {
    const facts = attempt('requiredFacts', () => requiredFacts(rules, event.name, event.position), out)
    if (facts !== undefined && !facts.every((f) => typeof f === 'string'))
      out.push('requiredFacts returned a non-string')
  }
  if (before !== undefined && !isDeepStrictEqual({ event, bindings }, before)) out.push('the inputs changed')
  if (ev === undefined || x === undefined || rules === undefined) return out
  for (const a of ev.audit)
    if (a.error?.tag === 'InternalError') out.push(`binding ${String(a.bindingId)} failed inside: ${a.error.message}`)
  if (!isDeepStrictEqual(evaluate(event, rules), ev)) out.push('evaluate(event, compile(bindings)) differs')
  auditViolations(ev, out)
  explainViolations(event, bindings, ev, x, out)
  return out
}
