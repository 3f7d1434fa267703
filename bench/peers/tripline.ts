/**
 * tripline in the benchmark: bindings rendered as privacyIDEA condition strings, compiled once with
 * `createEngine(catalogue).compile`, and evaluated with the engine's `evaluate(event, ruleSet)` — the full public
 * call: selection, conditions, the action's intent and the audit entry. A match is a binding whose conditions held,
 * i.e. one audit entry (an intent, or a declined action such as Token `disable` without a serial).
 *
 * A second adapter, "tripline (decide only)", runs just selection and the condition fold (`select` +
 * `conditionsOutcome`): the same work the peers do, without building intents and audit entries.
 *
 * @since 0.1.0
 */
import type { Catalogue } from '../../src/core/catalogue.js'
import type { RuleSet } from '../../src/core/compile.js'
import { makeContext } from '../../src/core/context.js'
import { createEngine } from '../../src/core/engine.js'
import { formatPath } from '../../src/core/errors.js'
import { conditionsOutcome, select } from '../../src/core/evaluate.js'
import type { Binding, Evaluation, Event } from '../../src/core/model.js'
import { type BindingSpec, toBinding } from '../spec.js'
import type { MatchIds, Peer, SyncMatcher } from './types.js'

const checked = (rules: RuleSet): RuleSet => {
  if (rules.errors.length > 0) {
    const shown = rules.errors
      .slice(0, 5)
      .map((e) => `binding ${e.bindingId} ${formatPath(e.path)}: ${e.message}`)
      .join('\n  ')
    throw new Error(`the workload does not compile in tripline (${rules.errors.length} errors):\n  ${shown}`)
  }
  return rules
}

const idsOf = (evaluation: Evaluation): MatchIds => {
  const failed = evaluation.audit.find((a) => a.error !== undefined)
  if (failed !== undefined)
    throw new Error(
      `binding ${failed.bindingId} failed on ${failed.event}: ${failed.error?.tag} ${failed.error?.message}`,
    )
  return evaluation.audit.map((a) => a.bindingId as number).sort((a, b) => a - b)
}

/** tripline's full `evaluate` over a catalogue. @since 0.1.0 */
export const triplinePeer = (catalogue: Catalogue): Peer<ReadonlyArray<Binding>> => {
  const engine = createEngine(catalogue)
  return {
    name: 'tripline',
    note: 'privacyIDEA condition strings compiled once; evaluate(event, ruleSet): selection, conditions, intents, audit entries',
    render: (bindings: ReadonlyArray<BindingSpec>) => bindings.map(toBinding),
    compile: (bindings): SyncMatcher => {
      const rules = checked(engine.compile(bindings))
      return {
        _tag: 'sync',
        count: (e: Event) => engine.evaluate(e, rules).audit.length,
        ids: (e: Event) => idsOf(engine.evaluate(e, rules)),
      }
    },
  }
}

/** tripline's selection and condition fold only (no intents, no audit). @since 0.1.0 */
export const triplineDecidePeer = (catalogue: Catalogue): Peer<ReadonlyArray<Binding>> => {
  const engine = createEngine(catalogue)
  return {
    name: 'tripline (decide only)',
    note: 'select + conditionsOutcome from src/core: the peers’ work, without intents and audit entries',
    render: (bindings: ReadonlyArray<BindingSpec>) => bindings.map(toBinding),
    compile: (bindings): SyncMatcher => {
      const rules = checked(engine.compile(bindings))
      return {
        _tag: 'sync',
        count: (e: Event) => {
          const selected = select(rules, e)
          const ctx = makeContext(e)
          let n = 0
          for (let i = 0; i < selected.length; i++) {
            const cb = selected[i]
            if (cb !== undefined && conditionsOutcome(cb, ctx) === true) n++
          }
          return n
        },
        ids: (e: Event) => {
          const ctx = makeContext(e)
          return select(rules, e)
            .filter((cb) => conditionsOutcome(cb, ctx) === true)
            .map((cb) => cb.binding.id as number)
            .sort((a, b) => a - b)
        },
      }
    },
  }
}
