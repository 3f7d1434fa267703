/**
 * The event's clock and context dates, parsed at most once per evaluation and value. The per-evaluation memo is
 * shared by every binding of one evaluation while the event view changes after manglers, so cached values depend
 * only on the text parsed: each cache is a table keyed by that text, kept in the memo under a constant name
 * (a constant key and the event's own strings keep lookups cheap: no key is built per call).
 *
 * @since 0.1.0
 */
import type { EvalContext } from '../../core/context.js'
import { offsetMinutesOf, parseDate } from './date.js'

/**
 * A per-evaluation table in the memo, created on first use, keyed by the text a value is derived from.
 *
 * @example
 * const ips = memoTable<IpAddress | undefined>(ctx, 'tripline/conditions:ip')
 * @since 0.1.0
 */
export const memoTable = <V>(ctx: EvalContext, name: string): Map<string, V> => {
  const hit = ctx.memo.get(name) as Map<string, V> | undefined
  if (hit !== undefined) return hit
  const table = new Map<string, V>()
  ctx.memo.set(name, table)
  return table
}

/**
 * Looks `text` up in a memo table, computing and storing the value on the first call.
 *
 * @example
 * memoLookup(ctx, 'tripline/conditions:csv', text, parseCsvList)
 * @since 0.1.0
 */
export const memoLookup = <V>(ctx: EvalContext, name: string, text: string, compute: (text: string) => V): V => {
  const table = memoTable<V>(ctx, name)
  const hit = table.get(text)
  if (hit !== undefined || table.has(text)) return hit as V
  const value = compute(text)
  table.set(text, value)
  return value
}

const DATES = 'tripline/conditions:dates'
const OFFSETS = 'tripline/conditions:offsets'

/**
 * A date read from the event (tokeninfo, container timestamps, challenge times), parsed at most once per
 * evaluation and value; `undefined` when it is not a D13 date.
 *
 * @example
 * cachedDate(ctx, '2016-10-10 10:10:10.000') // Date.UTC(2016, 9, 10, 10, 10, 10)
 * @since 0.1.0
 */
export const cachedDate = (ctx: EvalContext, text: string): number | undefined =>
  memoLookup(ctx, DATES, text, parseDate)

/**
 * `event.now` as epoch milliseconds, parsed once per evaluation; `NaN` when the host gave no valid date-time
 * (conditions that need the clock then fail with an evaluation error).
 *
 * @example
 * eventNow(makeContext({ ...event, now: '2026-11-29T10:00:00+01:00' })) // Date.UTC(2026, 10, 29, 9)
 * @since 0.1.0
 */
export const eventNow = (ctx: EvalContext): number => cachedDate(ctx, ctx.event.now) ?? Number.NaN

/**
 * The UTC offset (minutes) written in `event.now`: tripline's "server-local time" for `{now}` (D16).
 *
 * @example
 * eventOffset(makeContext({ ...event, now: '2026-11-29T10:00:00+01:00' })) // 60
 * @since 0.1.0
 */
export const eventOffset = (ctx: EvalContext): number => memoLookup(ctx, OFFSETS, ctx.event.now, offsetMinutesOf)
