/**
 * Laws of `evaluate` as plain predicates over any evaluate function and any catalogue: each returns `true` when the
 * law holds for the given inputs. Property tests (test/core/laws.test.ts) feed them arbitrary events and bindings;
 * other suites can reuse them with the real catalogue.
 *
 * The execution order and selection rules are restated here independently of src/core, so a broken comparator or
 * selector in the kernel cannot also break the law that checks it.
 */
import { isDeepStrictEqual } from 'node:util'
import type { RuleSet } from '../../src/core/compile.js'
import type { AuditEntry, Binding, Evaluation, Event } from '../../src/core/model.js'

/** Any `evaluate(event, bindings | ruleSet)`. */
export type EvaluateFn = (event: Event, bindings: ReadonlyArray<Binding> | RuleSet) => Evaluation

/** Any `compile(bindings)` paired with its `evaluate`. */
export interface EngineLike {
  readonly compile: (bindings: ReadonlyArray<Binding>) => RuleSet
  readonly evaluate: EvaluateFn
}

/** Freezes a value and everything reachable from it; returns it. */
export const deepFreeze = <A>(value: A): A => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key])
  }
  return value
}

/** SPEC 1.2: active, the exact event name listed, the event's position. */
export const isSelected = (event: Event, b: Binding): boolean =>
  b.active === true && b.position === event.position && b.events.includes(event.name)

/** SPEC 1.3, D15, restated: ordering ascending, then numeric ids before string ids, then input position. */
const compareExecution = ([a, i]: readonly [Binding, number], [b, j]: readonly [Binding, number]): number => {
  if (a.ordering !== b.ordering) return a.ordering < b.ordering ? -1 : 1
  const aNum = typeof a.id === 'number'
  const bNum = typeof b.id === 'number'
  if (aNum !== bNum) return aNum ? -1 : 1
  if (a.id !== b.id) return a.id < b.id ? -1 : 1
  return i - j
}

/** The bindings an event selects, in the order they must run. */
export const expectedOrder = (event: Event, bindings: ReadonlyArray<Binding>): ReadonlyArray<Binding> =>
  bindings
    .map((b, i) => [b, i] as const)
    .filter(([b]) => isSelected(event, b))
    .sort(compareExecution)
    .map(([b]) => b)

const sameBinding = (b: Binding, a: AuditEntry): boolean =>
  a.bindingId === b.id && a.bindingName === b.name && a.handlerModule === b.handlerModule

/**
 * Assigns each audit entry to a binding so that the entries are a subsequence of the expected execution order
 * (greedy, which finds one whenever one exists); undefined when there is none.
 */
export const matchAudit = (
  event: Event,
  bindings: ReadonlyArray<Binding>,
  evaluation: Evaluation,
): ReadonlyArray<Binding> | undefined => {
  const order = expectedOrder(event, bindings)
  const matched: Binding[] = []
  let k = 0
  for (const entry of evaluation.audit) {
    while (k < order.length && !sameBinding(order[k] as Binding, entry)) k++
    if (k === order.length) return undefined
    matched.push(order[k] as Binding)
    k++
  }
  return matched
}

const marker = (event: Event, b: Binding): string =>
  `${event.position === 'pre' ? 'PRE-EVENT' : 'POST-EVENT'} ${event.name}>>${b.handlerModule}:${b.action}`

/** Same inputs, same output: a fresh copy, the same objects and a second call (through any cache) all agree. */
export const isDeterministic = (evaluate: EvaluateFn, event: Event, bindings: ReadonlyArray<Binding>): boolean => {
  const fresh = evaluate(structuredClone(event), structuredClone(bindings))
  const first = evaluate(event, bindings)
  const second = evaluate(event, bindings)
  return isDeepStrictEqual(fresh, first) && isDeepStrictEqual(first, second)
}

/**
 * Deep-frozen inputs are never mutated: evaluating them does not throw, leaves them equal to a structured clone
 * taken before, and gives the same evaluation as unfrozen copies (so no write was swallowed on the way).
 * Freezes its arguments.
 */
export const doesNotMutate = (evaluate: EvaluateFn, event: Event, bindings: ReadonlyArray<Binding>): boolean => {
  const eventBefore = structuredClone(event)
  const bindingsBefore = structuredClone(bindings)
  const unfrozen = evaluate(structuredClone(event), structuredClone(bindings))
  deepFreeze(event)
  deepFreeze(bindings)
  let frozen: Evaluation
  try {
    frozen = evaluate(event, bindings)
  } catch {
    return false
  }
  return (
    isDeepStrictEqual(event, eventBefore) &&
    isDeepStrictEqual(bindings, bindingsBefore) &&
    isDeepStrictEqual(frozen, unfrozen)
  )
}

/**
 * Only active bindings that list the event's exact name and have its position appear: every audit entry and
 * intent names such a binding, the event and its position (actions never trigger further events).
 */
export const onlySelectedFire = (evaluate: EvaluateFn, event: Event, bindings: ReadonlyArray<Binding>): boolean => {
  const ev = evaluate(event, bindings)
  const selected = bindings.filter((b) => isSelected(event, b))
  return (
    ev.audit.length <= selected.length &&
    ev.audit.every(
      (a) =>
        a.event === event.name &&
        a.position === event.position &&
        selected.some((b) => sameBinding(b, a) && a.action === marker(event, b)),
    ) &&
    ev.intents.every(
      (i) =>
        i.event === event.name &&
        i.position === event.position &&
        selected.some(
          (b) =>
            b.id === i.bindingId &&
            b.name === i.bindingName &&
            b.handlerModule === i.handlerModule &&
            b.action === i.action,
        ),
    )
  )
}

/**
 * Intents and audit entries follow the execution order (ordering, then id): the audit entries are a subsequence
 * of the selected bindings in that order, and the intents are exactly the successful entries, in the same order.
 * Assumes distinct ids, so that entries name their bindings unambiguously.
 */
export const followsOrder = (evaluate: EvaluateFn, event: Event, bindings: ReadonlyArray<Binding>): boolean => {
  const ev = evaluate(event, bindings)
  if (matchAudit(event, bindings, ev) === undefined) return false
  const successes = ev.audit.filter((a) => a.success)
  return (
    ev.intents.length === successes.length &&
    ev.intents.every((i, k) => {
      const a = successes[k] as AuditEntry
      return i.bindingId === a.bindingId && i.bindingName === a.bindingName && i.handlerModule === a.handlerModule
    })
  )
}

const firesAlone = (evaluate: EvaluateFn, event: Event, b: Binding): boolean => evaluate(event, [b]).intents.length > 0

/**
 * A binding fires iff it fires without conditions and with each one of its conditions alone (AND, SPEC 1.4).
 */
export const firesIffEachConditionAlone = (evaluate: EvaluateFn, event: Event, b: Binding): boolean => {
  const whole = firesAlone(evaluate, event, b)
  const parts =
    firesAlone(evaluate, event, { ...b, conditions: {} }) &&
    Object.keys(b.conditions).every((name) =>
      firesAlone(evaluate, event, { ...b, conditions: { [name]: b.conditions[name] ?? '' } }),
    )
  return whole === parts
}

/** Adding a condition never makes a binding that does not fire fire. */
export const addingConditionKeepsSilent = (
  evaluate: EvaluateFn,
  event: Event,
  b: Binding,
  name: string,
  value: string,
): boolean => {
  if (Object.hasOwn(b.conditions, name) || firesAlone(evaluate, event, b)) return true
  return !firesAlone(evaluate, event, { ...b, conditions: { ...b.conditions, [name]: value } })
}

/**
 * After an aborting failure nothing later fires: when `aborted` is set, the last audit entry is the failure of
 * the binding it names, a binding that aborts on error, and no earlier failure was of such a binding; when it is
 * not set, no failure was. Assumes distinct ids. `aborts` gives a binding's effective abortOnError.
 */
export const nothingAfterAbort = (
  evaluate: EvaluateFn,
  event: Event,
  bindings: ReadonlyArray<Binding>,
  aborts: (b: Binding) => boolean,
): boolean => {
  const ev = evaluate(event, bindings)
  const matched = matchAudit(event, bindings, ev)
  if (matched === undefined) return false
  const failedAborting = ev.audit
    .map((a, k) => [a, matched[k] as Binding] as const)
    .filter(([a, b]) => a.error !== undefined && aborts(b))
  if (ev.aborted === undefined) return failedAborting.length === 0
  const last = ev.audit[ev.audit.length - 1]
  return (
    last !== undefined &&
    last.bindingId === ev.aborted.bindingId &&
    last.success === false &&
    last.error !== undefined &&
    failedAborting.length === 1 &&
    failedAborting[0]?.[0] === last
  )
}

/** `evaluate(event, compile(b))` equals `evaluate(event, b)`. */
export const compiledEqualsDirect = (engine: EngineLike, event: Event, bindings: ReadonlyArray<Binding>): boolean =>
  isDeepStrictEqual(engine.evaluate(event, engine.compile(bindings)), engine.evaluate(event, bindings))

/** The evaluation is plain JSON data: a JSON round trip gives it back unchanged. */
export const survivesJsonRoundTrip = (evaluate: EvaluateFn, event: Event, bindings: unknown): boolean => {
  const ev = evaluate(event, bindings as ReadonlyArray<Binding>)
  return isDeepStrictEqual(JSON.parse(JSON.stringify(ev)), ev)
}

/** Pre bindings get no response: a pre evaluation never has one (SPEC 1.3, 1.8). */
export const preHasNoResponse = (evaluate: EvaluateFn, event: Event, bindings: ReadonlyArray<Binding>): boolean =>
  event.position === 'post' || !Object.hasOwn(evaluate(event, bindings), 'response')

const isId = (u: unknown): boolean => typeof u === 'string' || (typeof u === 'number' && Number.isFinite(u))

/**
 * `evaluate` is total: whatever it is given as bindings (not an array, garbage fields, holes), it returns an
 * evaluation whose audit entries and abort are well typed, and never throws.
 */
export const neverThrows = (evaluate: EvaluateFn, event: Event, bindings: unknown): boolean => {
  try {
    const ev = evaluate(event, bindings as ReadonlyArray<Binding>)
    return (
      Array.isArray(ev.intents) &&
      Array.isArray(ev.audit) &&
      ev.audit.every(
        (a) =>
          isId(a.bindingId) &&
          typeof a.bindingName === 'string' &&
          typeof a.handlerModule === 'string' &&
          typeof a.action === 'string' &&
          typeof a.info === 'string' &&
          typeof a.actionDetail === 'string' &&
          typeof a.success === 'boolean',
      ) &&
      (ev.aborted === undefined || (isId(ev.aborted.bindingId) && typeof ev.aborted.reason === 'string'))
    )
  } catch {
    return false
  }
}

/**
 * The evaluation is a left fold over the selected bindings: evaluating them all equals evaluating all but the last
 * one to run, then the last one alone against the request and response they left (SPEC 1.3, 1.7). Holds unless
 * the shorter run aborts (then the last one never runs).
 */
export const isLeftFold = (evaluate: EvaluateFn, event: Event, bindings: ReadonlyArray<Binding>): boolean => {
  const order = bindings
    .map((b, i) => [b, i] as const)
    .filter(([b]) => isSelected(event, b))
    .sort(compareExecution)
  const last = order[order.length - 1]
  if (last === undefined) return true
  const all = evaluate(event, bindings)
  const before = evaluate(
    event,
    bindings.filter((_, i) => i !== last[1]),
  )
  if (before.aborted !== undefined) return isDeepStrictEqual(all, before)
  const { response: _response, ...rest } = event
  const view: Event = {
    ...rest,
    request: before.request,
    ...(before.response !== undefined ? { response: before.response } : {}),
  }
  const step = evaluate(view, [last[0]])
  const folded: Evaluation = {
    intents: [...before.intents, ...step.intents],
    audit: [...before.audit, ...step.audit],
    request: step.request,
    ...(step.response !== undefined ? { response: step.response } : {}),
    ...(step.aborted !== undefined ? { aborted: step.aborted } : {}),
  }
  return isDeepStrictEqual(all, folded)
}

/**
 * Conditions are ANDed in rank order with early exit (SPEC 1.4, 3.0): a binding does what it does with only its
 * first condition (by rank, then name) that does not pass, or what it does without conditions when all pass. A
 * condition passes when the binding with it alone does what the binding without conditions does. Bindings with
 * configuration errors are outside this law.
 */
export const firstNonPassingConditionDecides = (engine: EngineLike, event: Event, b: Binding): boolean => {
  const compiled = engine.compile([b]).bindings[0]
  if (compiled === undefined || compiled.errors.length > 0) return true
  const ranked = [...compiled.conditions].sort(
    (x, y) => x.rank - y.rank || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0),
  )
  const bare = engine.evaluate(event, [{ ...b, conditions: {} }])
  const decisive = ranked
    .map((c) => engine.evaluate(event, [{ ...b, conditions: { [c.name]: c.value } }]))
    .find((alone) => !isDeepStrictEqual(alone, bare))
  return isDeepStrictEqual(engine.evaluate(event, [b]), decisive ?? bare)
}
