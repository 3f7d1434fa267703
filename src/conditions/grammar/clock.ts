/**
 * The event's clock and context dates, parsed at most once per evaluation and value. Memo keys depend only on the
 * text parsed (`'date:' + text`), never on the event view, because request and response change after manglers
 * while the memo is shared by every binding of one evaluation.
 *
 * @since 0.1.0
 */
import { type EvalContext, memoise } from '../../core/context.js'
import { offsetMinutesOf, parseDate } from './date.js'

/**
 * `event.now` as epoch milliseconds, parsed once per evaluation; `NaN` when the host gave no valid date-time
 * (conditions that need the clock then fail with an evaluation error).
 *
 * @example
 * eventNow(makeContext({ ...event, now: '2026-11-29T10:00:00+01:00' })) // Date.UTC(2026, 10, 29, 9)
 * @since 0.1.0
 */
export const eventNow = (ctx: EvalContext): number => {
  const text = ctx.event.now
  return memoise(ctx, `date:${text}`, () => parseDate(text)) ?? Number.NaN
}

/**
 * The UTC offset (minutes) written in `event.now`: tripline's "server-local time" for `{now}` (D16).
 *
 * @example
 * eventOffset(makeContext({ ...event, now: '2026-11-29T10:00:00+01:00' })) // 60
 * @since 0.1.0
 */
export const eventOffset = (ctx: EvalContext): number => {
  const text = ctx.event.now
  return memoise(ctx, `offset:${text}`, () => offsetMinutesOf(text))
}

/**
 * A date read from the event (tokeninfo, container timestamps, challenge times), parsed at most once per
 * evaluation and value; `undefined` when it is not a D13 date.
 *
 * @example
 * cachedDate(ctx, '2016-10-10 10:10:10.000') // Date.UTC(2016, 9, 10, 10, 10, 10)
 * @since 0.1.0
 */
export const cachedDate = (ctx: EvalContext, text: string): number | undefined =>
  memoise(ctx, `date:${text}`, () => parseDate(text))
