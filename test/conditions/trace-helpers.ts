/**
 * Helpers for the `.mutants.test.ts` files of src/conditions: a compiled condition (failing the test when it does not
 * compile), its `trace` for an event (what `explain` shows) and its verdict on the hot path.
 */
import { compileCondition } from '../../src/conditions/index.js'
import type { CompiledCondition, ConditionTrace, Outcome } from '../../src/core/catalogue.js'
import { makeContext } from '../../src/core/context.js'
import type { Event } from '../../src/core/model.js'
import { BASE_EVENT } from './engine.js'

/** The compiled condition; throws when the value does not compile. */
export const compiled = (name: string, value: string): CompiledCondition => {
  const c = compileCondition(name, value)
  if (c._tag === 'Left') throw new Error(`${name}=${value} does not compile: ${JSON.stringify(c.left)}`)
  return c.right
}

/** What explain shows for one condition and one event. */
export const traceOf = (name: string, value: string, event: Event = BASE_EVENT): ConditionTrace =>
  compiled(name, value).trace(makeContext(event))

/** The hot-path outcome of one condition for one event. */
export const testOf = (name: string, value: string, event: Event = BASE_EVENT): Outcome =>
  compiled(name, value).test(makeContext(event))

/** The configuration issues of a value that does not compile (empty when it compiles). */
export const issuesOf = (name: string, value: string): ReadonlyArray<{ code: string; message: string }> => {
  const c = compileCondition(name, value)
  return c._tag === 'Left' ? c.left : []
}
