/**
 * Execution order (SPEC 1.2, D15): `ordering` ascending, ties by `id` ascending (numbers before strings, numbers
 * numerically, strings by code unit), remaining ties by position in the input.
 *
 * @since 0.1.0
 */
import type { Binding } from './model.js'

/**
 * Compares two binding ids: numbers before strings, numbers numerically, strings by code unit.
 *
 * @example
 * compareIds(2, 10) // -1
 * const ids = [3, 'b', 1, 'a'].sort(compareIds) // [1, 3, 'a', 'b']
 * @since 0.1.0
 */
export const compareIds = (a: string | number, b: string | number): number => {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0
  if (typeof a === 'number') return -1
  if (typeof b === 'number') return 1
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The total order of bindings (without the input-position tie-break, which callers add).
 *
 * @example
 * const inExecutionOrder = [...bindings].sort(compareBindings) // ordering ascending, then id
 * @since 0.1.0
 */
export const compareBindings = (a: Binding, b: Binding): number =>
  a.ordering < b.ordering ? -1 : a.ordering > b.ordering ? 1 : compareIds(a.id, b.id)
