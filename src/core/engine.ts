/**
 * An engine binds the kernel to a catalogue: `compile` and `evaluate`, with compiled rule sets cached by the
 * identity of the bindings array (a WeakMap), so repeated calls with the same array do no re-parsing.
 *
 * @since 0.1.0
 */
import type { Catalogue } from './catalogue.js'
import { compileWith, isRuleSet, type RuleSet } from './compile.js'
import { evaluateRuleSet } from './evaluate.js'
import type { Binding, Evaluation, Event } from './model.js'

/**
 * The kernel bound to one catalogue: `compile` bindings once, `evaluate` events against them.
 *
 * @example
 * const engine: Engine = createEngine(catalogue)
 * const rules = engine.compile(bindings)
 * const { intents, audit } = engine.evaluate(event, rules)
 * @since 0.1.0
 */
export interface Engine {
  /** Compiles bindings into an indexed rule set once. */
  readonly compile: (bindings: ReadonlyArray<Binding>) => RuleSet
  /** Evaluates an event against bindings (compiled once per array identity) or a rule set. */
  readonly evaluate: (event: Event, bindings: ReadonlyArray<Binding> | RuleSet) => Evaluation
}

/**
 * Creates an engine over a catalogue.
 *
 * @example
 * const engine = createEngine(catalogue)
 * const evaluation = engine.evaluate(event, bindings)
 * @since 0.1.0
 */
export const createEngine = (catalogue: Catalogue): Engine => {
  const cache = new WeakMap<object, RuleSet>()
  const compile = (bindings: ReadonlyArray<Binding>): RuleSet => compileWith(catalogue, bindings)
  const ruleSetOf = (bindings: ReadonlyArray<Binding> | RuleSet): RuleSet => {
    if (isRuleSet(bindings)) return bindings
    if (typeof bindings !== 'object' || bindings === null) return compile(bindings)
    const hit = cache.get(bindings)
    if (hit !== undefined) return hit
    const rules = compile(bindings)
    cache.set(bindings, rules)
    return rules
  }
  return {
    compile,
    evaluate: (event, bindings) =>
      // A JavaScript host can pass anything: an event that is no object selects nothing instead of throwing.
      typeof event === 'object' && event !== null
        ? evaluateRuleSet(event, ruleSetOf(bindings))
        : { intents: [], audit: [], request: { params: {} } },
  }
}
