/**
 * `check(bindings)`: static diagnostics, all at once, before any event. Every configuration error the compiler
 * finds (conditions, options, positions, templates: a binding with one fails whenever it is selected, SPEC D11),
 * the plug-ins' warnings (malformed comparisons that stay false), and the analysis's own warnings: unknown event
 * names with a "did you mean", bindings that can never fire (inactive, no events, conditions that can never hold
 * alone or together), duplicates, and regexes prone to catastrophic backtracking.
 *
 * @since 0.1.0
 */
import type { Catalogue } from '../core/catalogue.js'
import type { CompiledBinding } from '../core/compile.js'
import type { Path } from '../core/errors.js'
import { type BacktrackingChecker, backtrackingChecker, regexesOf } from './backtracking.js'
import { DIAGNOSTIC_CODES, type Diagnostic, diagnostic, fromConfigError, type Severity } from './diagnostics.js'
import { isKnownEventName, suggestEventName } from './event-names.js'
import { type BindingsInput, bindingIdOf, bindingNameOf, isWellFormed, ruleSetOf } from './rules.js'
import { unsatisfiable } from './satisfiability.js'

/**
 * `check` bound to a catalogue: bindings (or a rule set) in, every diagnostic out.
 *
 * @example
 * const check: Check = checkWith(catalogue)
 * check(bindings).filter((d) => d.severity === 'error')
 * @since 0.1.0
 */
export type Check = (bindings: BindingsInput) => ReadonlyArray<Diagnostic>

const describeBinding = (cb: CompiledBinding): string => {
  const name = bindingNameOf(cb)
  const id = bindingIdOf(cb)
  return `${typeof id === 'number' ? id : JSON.stringify(id)}${name === '' ? '' : ` ${JSON.stringify(name)}`}`
}

const truncate = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s)

const sortedEntries = (r: Readonly<Record<string, string>>): ReadonlyArray<readonly [string, string]> =>
  Object.keys(r)
    .sort()
    .map((k) => [k, r[k] ?? ''] as const)

/** The identity of what a binding does: same key ⇒ the two fire together, twice. */
const duplicateKey = (cb: CompiledBinding): string => {
  const b = cb.binding
  return JSON.stringify([
    [...new Set(b.events)].sort(),
    b.position,
    b.handlerModule,
    b.action,
    sortedEntries(b.options),
    sortedEntries(b.conditions),
  ])
}

const eventDiagnostics = (cb: CompiledBinding, warn: (code: string, path: Path, message: string) => void): void => {
  const events = cb.binding.events
  if (events.length === 0) {
    warn(DIAGNOSTIC_CODES.noEvents, ['events'], 'the binding has no events, so it is never selected')
    return
  }
  events.forEach((name, j) => {
    if (isKnownEventName(name)) return
    const suggestion = suggestEventName(name)
    const hint = suggestion === undefined ? '' : `; did you mean "${suggestion}"?`
    const what = name.trim() === '' ? 'an empty event name' : `"${name}"`
    warn(
      DIAGNOSTIC_CODES.unknownEvent,
      ['events', j],
      `${what} is not an event privacyIDEA sends (event names are exact and case-sensitive), so it never selects this binding${hint}`,
    )
  })
}

const regexDiagnostics = (
  cb: CompiledBinding,
  vulnerable: BacktrackingChecker,
  warn: (code: string, path: Path, message: string) => void,
): void => {
  for (const found of regexesOf(cb.binding, cb.conditions)) {
    const v = vulnerable(found)
    if (v === undefined) continue
    warn(
      DIAGNOSTIC_CODES.catastrophicBacktracking,
      found.path,
      `the regular expression ${v.whole ? '' : 'in '}${JSON.stringify(v.written)} is prone to catastrophic backtracking (${v.summary}): an input like ${truncate(v.attack, 80)} takes very long to match; rewrite it without nested or overlapping repetition`,
    )
  }
}

const satisfiabilityDiagnostics = (
  cb: CompiledBinding,
  warn: (code: string, path: Path, message: string) => void,
): void => {
  for (const u of unsatisfiable(cb.conditions, cb.binding.position)) {
    switch (u._tag) {
      case 'NeverHolds':
        warn(
          DIAGNOSTIC_CODES.conditionNeverHolds,
          ['conditions', u.condition],
          `${u.reason}, so the binding never fires there`,
        )
        break
      case 'Contradiction':
        warn(DIAGNOSTIC_CODES.contradictoryConditions, ['conditions'], `${u.reason}, so the binding never fires there`)
        break
    }
  }
}

/**
 * Creates `check` over a catalogue. `check(bindings)` returns every diagnostic at once, grouped by binding in input
 * order: configuration errors (severity `error`) first, then warnings. It never throws.
 *
 * @example
 * const check = checkWith(catalogue)
 * check([{ ...binding, events: ['token_intit'] }])
 * // [{ code: 'unknown-event', severity: 'warning', bindingId: 1, path: [0, 'events', 0],
 * //    message: '"token_intit" is not an event privacyIDEA sends ...; did you mean "token_init"?', ... }]
 * @since 0.1.0
 */
export const checkWith = (catalogue: Catalogue): Check => {
  const rulesOf = ruleSetOf(catalogue)
  return (bindings) => {
    const rules = rulesOf(bindings)
    if (rules.bindings.length === 0) return rules.errors.map((e) => fromConfigError(e, 'error'))
    const vulnerable = backtrackingChecker()
    const firstOf = new Map<string, CompiledBinding>()
    return rules.bindings.flatMap((cb) => {
      const out: Diagnostic[] = [
        ...cb.errors.map((e) => fromConfigError(e, 'error')),
        ...cb.warnings.map((w) => fromConfigError(w, 'warning')),
      ]
      if (!isWellFormed(cb)) return out
      const add =
        (severity: Severity) =>
        (code: string, path: Path, message: string): void => {
          out.push(diagnostic(code, severity, bindingIdOf(cb), bindingNameOf(cb), [cb.index, ...path], message))
        }
      const warn = add('warning')
      if (!cb.binding.active)
        warn(DIAGNOSTIC_CODES.inactive, ['active'], 'the binding is inactive, so it is never selected')
      eventDiagnostics(cb, warn)
      satisfiabilityDiagnostics(cb, warn)
      regexDiagnostics(cb, vulnerable, warn)
      if (cb.binding.active && cb.binding.events.length > 0) {
        const key = duplicateKey(cb)
        const first = firstOf.get(key)
        if (first === undefined) firstOf.set(key, cb)
        else
          warn(
            DIAGNOSTIC_CODES.duplicateBinding,
            [],
            `the binding does the same as binding ${describeBinding(first)} at [${first.index}] (same events, position, module, action, options and conditions), so the action runs twice`,
          )
      }
      return out
    })
  }
}
