/**
 * Behaviour the handler mutants tests state for every module:
 * - the descriptor texts (SPEC 4, docs, `check`): a module and each of its actions and options say what they do in
 *   a sentence, ending with a full stop;
 * - the facts an action declares are all it reads (src/analysis/facts.ts): evaluating the event pruned to
 *   `requiredFacts` gives the same evaluation, so a host that resolves only those fields sees the same intents;
 *   and they are no more than it reads (`actionFacts`: what one binding adds to the kernel's and the audit's facts).
 */
import { expect } from 'vitest'
import { AUDIT_FACTS, KERNEL_FACTS, prune, requiredFactsWith } from '../../src/analysis/facts.js'
import type { Binding, Event } from '../../src/core/model.js'
import { describeModule } from '../../src/handlers/descriptions.js'
import { handlerCatalogue } from '../../src/handlers/index.js'
import type { HandlerModuleDescriptor } from '../../src/handlers/module.js'
import { baseEvent, engine, noConditions } from './helpers.js'

const SENTENCE = /^\S.*[.)]$/s

/** Asserts that a text reads as a sentence (non-empty, ends with a full stop). */
export const expectSentence = (text: string | undefined, what: string): void => {
  expect([what, SENTENCE.test(text ?? '')]).toEqual([what, true])
}

/** Asserts that a module, each of its actions and each option are described in a sentence (`describeModule`). */
export const expectDescribed = (module: HandlerModuleDescriptor): void => {
  const m = describeModule(module)
  expectSentence(m.description, m.name)
  for (const a of m.actions) {
    expectSentence(a.description, `${m.name} ${a.name}`)
    for (const o of a.options) expectSentence(o.description, `${m.name} ${a.name} ${o.name}`)
  }
}

const requiredFacts = requiredFactsWith({ conditions: noConditions, handlers: handlerCatalogue })

/**
 * Asserts that a binding evaluates the same on the event pruned to its required facts as on the whole event, and
 * returns the evaluation (so a test can also state what it is).
 */
export const expectFactsSuffice = (b: Binding, event: Event = baseEvent) => {
  const bs = [{ ...b, events: [event.name], position: event.position }]
  const whole = engine.evaluate(event, bs)
  const pruned = engine.evaluate(prune(event, requiredFacts(bs, event.name, event.position)), bs)
  expect(pruned).toStrictEqual(whole)
  return whole
}

/** The facts one binding makes the host resolve beyond the kernel's and the audit's own (sorted, normalised). */
export const actionFacts = (b: Binding, event: Pick<Event, 'name' | 'position'> = baseEvent): ReadonlyArray<string> => {
  const bs = [{ ...b, events: [event.name], position: event.position }]
  const base = new Set([...KERNEL_FACTS, ...AUDIT_FACTS])
  return requiredFacts(bs, event.name, event.position).filter((f) => !base.has(f))
}
