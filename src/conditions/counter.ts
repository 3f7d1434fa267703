/**
 * `counter` (SPEC 3.2): generic comparison of an event counter (`name cmp value`); a counter that does not exist
 * is 0. Counters are integers: against text, `==` is false, `!=` true, `<`/`>` false (D17).
 *
 * @since 0.1.0
 */
import { numberAt } from './define.js'
import { type ConditionCompiler, keyedCondition, NEVER_SKIPS } from './shapes.js'

/**
 * `counter`.
 *
 * @example
 * counter('counter', 'myCounter > 3') // right(CompiledCondition)
 * @since 0.1.0
 */
export const counter: ConditionCompiler = keyedCondition(
  'Counter',
  { braces: 'none', integerLeft: true },
  {
    subjectFacts: [],
    fact: (key) => `counters.${key}`,
    skip: NEVER_SKIPS,
    lookup: (ctx, key) => numberAt(ctx.event.counters, key) ?? 0,
  },
)
