/**
 * The per-event evaluation context that conditions and actions read. `event` is the current view: its request and
 * response reflect the manglers of earlier bindings (SPEC 1.7). `memo` caches values derived from the view (parsed
 * dates, the parsed clock) so each is computed at most once per view and value.
 *
 * @since 0.1.0
 */
import type { Event } from './model.js'

/**
 * What a condition or action reads for one event: the current view of the event and its per-view memo.
 *
 * @example
 * const ctx: EvalContext = makeContext(event)
 * compiled.test(ctx) // true, false or an EvalFailure
 * @since 0.1.0
 */
export interface EvalContext {
  readonly event: Event
  /**
   * Per-view cache, shared by the bindings of one `evaluate` call that see the same view; a binding that changes the
   * request or response starts a new view with an empty memo. Internal; never part of the output.
   */
  readonly memo: Map<string, unknown>
}

/**
 * Builds the evaluation context of an event view, with an empty memo unless one is given.
 *
 * @example
 * const ctx = makeContext(event)
 * const outcome = conditionsOutcome(compiledBinding, ctx)
 * @since 0.1.0
 */
export const makeContext = (event: Event, memo: Map<string, unknown> = new Map()): EvalContext => ({ event, memo })

/**
 * Returns the memoised value for `key`, computing it once per evaluation.
 *
 * @example
 * const ctx = makeContext(event)
 * memoise(ctx, 'now', () => Date.parse(ctx.event.now))
 * @since 0.1.0
 */
export const memoise = <A>(ctx: EvalContext, key: string, compute: () => A): A => {
  const hit = ctx.memo.get(key)
  if (hit !== undefined || ctx.memo.has(key)) return hit as A
  const value = compute()
  ctx.memo.set(key, value)
  return value
}
