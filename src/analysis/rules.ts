/**
 * The analyses accept bindings or an already compiled rule set. Bindings are compiled once per array identity
 * (a WeakMap, as the engine does), so calling `requiredFacts` per event with the same array costs one lookup.
 *
 * @since 0.1.0
 */
import type { Catalogue } from '../core/catalogue.js'
import type { CompiledBinding, RuleSet } from '../core/compile.js'
import { compileWith, isRuleSet } from '../core/compile.js'
import type { Binding } from '../core/model.js'
import { shapeIssues } from '../core/shape.js'

/**
 * What `check`, `explain` and `requiredFacts` take: bindings, or a rule set compiled from them.
 *
 * @example
 * const input: BindingsInput = compile(bindings)
 * @since 0.1.0
 */
export type BindingsInput = ReadonlyArray<Binding> | RuleSet

/**
 * A function from bindings to their rule set, caching by array identity.
 *
 * @example
 * const rulesOf: RuleSetOf = ruleSetOf(catalogue)
 * @since 0.1.0
 */
export type RuleSetOf = (input: BindingsInput) => RuleSet

/**
 * A compiler over `catalogue` that caches rule sets by the identity of the bindings array.
 *
 * @example
 * const rulesOf = ruleSetOf(catalogue)
 * rulesOf(bindings) === rulesOf(bindings) // true
 * @since 0.1.0
 */
export const ruleSetOf = (catalogue: Catalogue): RuleSetOf => {
  const cache = new WeakMap<object, RuleSet>()
  return (input) => {
    if (isRuleSet(input)) return input
    if (typeof input !== 'object' || input === null) return compileWith(catalogue, input)
    const hit = cache.get(input)
    if (hit !== undefined) return hit
    const rules = compileWith(catalogue, input)
    cache.set(input, rules)
    return rules
  }
}

/**
 * Whether a compiled binding has the shape of a `Binding` (so its fields can be read as typed).
 *
 * @example
 * compile([{ id: 1 } as Binding]).bindings.map(isWellFormed) // [false]
 * @since 0.1.0
 */
export const isWellFormed = (cb: CompiledBinding): boolean =>
  !cb.errors.some((e) => e.code === 'invalid-binding') && shapeIssues(cb.binding).length === 0

/**
 * The id a diagnostic names: the binding's id, or its index when the id is unusable.
 *
 * @example
 * bindingIdOf(compile([{ ...binding, id: Number.NaN }]).bindings[0]) // 0
 * @since 0.1.0
 */
export const bindingIdOf = (cb: CompiledBinding): string | number => {
  const id = (cb.binding as { readonly id?: unknown } | null)?.id
  return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? id : cb.index
}

/**
 * The name a diagnostic names: the binding's name, or `""`.
 *
 * @example
 * bindingNameOf(compile([binding]).bindings[0]) // 'Disable tokens after repeated failures'
 * @since 0.1.0
 */
export const bindingNameOf = (cb: CompiledBinding): string => {
  const name = (cb.binding as { readonly name?: unknown } | null)?.name
  return typeof name === 'string' ? name : ''
}
