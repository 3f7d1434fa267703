/**
 * Conditions on the token's info entries (SPEC 3.2): `last_auth`, `count_auth`, `count_auth_success`,
 * `count_auth_fail` and `tokeninfo`. All are skipped when the event has no single token.
 *
 * @since 0.1.0
 */
import type { EvalContext } from '../core/context.js'
import { left, right } from '../core/either.js'
import { type EvalFailure, isEvalFailure } from '../core/errors.js'
import { configError, dataFailure, defineCondition, invalidClock, textAt } from './define.js'
import { cachedDate, eventNow } from './grammar/clock.js'
import { inDatetimeRange, offsetMinutesOf, wellInsideDatetimeRange } from './grammar/date.js'
import { formatDuration, parseDuration } from './grammar/duration.js'
import { type Int, parseInteger } from './grammar/integer.js'
import { type ConditionCompiler, intCondition, keyedCondition } from './shapes.js'
import { noTokenSkip } from './token.js'

/**
 * The data of a compiled `last_auth`.
 *
 * @example
 * const data: LastAuthData = { _tag: 'LastAuth', durationMs: 15552000000 } // last_auth: 180d
 * @since 0.1.0
 */
export interface LastAuthData {
  readonly _tag: 'LastAuth'
  readonly durationMs: number
}

/**
 * `last_auth`: the last successful authentication is older than the duration (`last_auth + d < now`). Missing
 * ⇒ false; an unparseable stored date ⇒ false (D8); an invalid duration is a configuration error.
 *
 * @example
 * lastAuth('last_auth', '180d') // right(CompiledCondition)
 * @since 0.1.0
 */
export const lastAuth: ConditionCompiler = (name, value) => {
  const d = parseDuration(value)
  if (d._tag === 'Left') return left([configError(name, 'invalid-duration', d.left)])
  const durationMs = d.right
  const test = (ctx: EvalContext): boolean | EvalFailure => {
    const t = ctx.event.token
    if (t === undefined) return true
    const stored = textAt(t.info, 'last_auth')
    if (stored === undefined) return false // a shortcut: an empty entry is no date either (D8: false)
    const at = cachedDate(ctx, stored)
    if (at === undefined) return false
    const now = eventNow(ctx)
    if (Number.isNaN(now)) return invalidClock(name, ctx)
    // privacyIDEA adds the delta to the stored date: past the year 9999 that raises OverflowError.
    const sum = at + durationMs
    if (!wellInsideDatetimeRange(sum) && !inDatetimeRange(sum, offsetMinutesOf(stored)))
      return dataFailure(
        name,
        'OverflowError',
        `last_auth ${JSON.stringify(stored)} plus ${formatDuration(durationMs)} lands outside the years 1 to 9999: date value out of range`,
      )
    return at + durationMs < now
  }
  return right(
    defineCondition({
      name,
      value,
      data: { _tag: 'LastAuth', durationMs } satisfies LastAuthData,
      facts: ['token.info.last_auth', 'now'],
      test,
      skip: noTokenSkip,
      explain: (ctx, holds) => {
        const stored = textAt(ctx.event.token?.info, 'last_auth')
        if (stored === undefined || stored === '') return { compared: {}, reason: 'the token has no last_auth entry' }
        const at = cachedDate(ctx, stored)
        if (at === undefined)
          return {
            compared: { actual: stored },
            reason: `last_auth ${JSON.stringify(stored)} is not a date (D8: false)`,
          }
        return {
          compared: { actual: stored, olderThan: formatDuration(durationMs), now: ctx.event.now },
          reason: `the last authentication ${JSON.stringify(stored)} is ${holds ? '' : 'not '}older than ${formatDuration(durationMs)}`,
        }
      },
    }),
  )
}

/** A stored count, exact at any size as Python's `int()` reads it (a `bigint` beyond 2^53 − 1). */
const countOf = (ctx: EvalContext, key: string, name: string): Int | EvalFailure => {
  const text = textAt(ctx.event.token?.info, key)
  if (text === undefined) return 0
  const n = parseInteger(text)
  if (n === undefined)
    return dataFailure(name, 'ValueError', `tokeninfo ${key} ${JSON.stringify(text)} is not an integer`)
  return n
}

/** `a − b` exactly: a `number` while it is a safe integer, else a `bigint` (`compareInt` compares both). */
const difference = (a: Int, b: Int): Int =>
  typeof a === 'number' && typeof b === 'number' && Number.isSafeInteger(a - b) ? a - b : BigInt(a) - BigInt(b)

/**
 * `count_auth`: tokeninfo `count_auth` (default 0).
 *
 * @example
 * countAuth('count_auth', '<100') // right(CompiledCondition)
 * @since 0.1.0
 */
export const countAuth: ConditionCompiler = intCondition('CountAuth', {
  facts: ['token.info.count_auth'],
  skip: noTokenSkip,
  actual: (ctx) => countOf(ctx, 'count_auth', 'count_auth'),
})

/**
 * `count_auth_success`: tokeninfo `count_auth_success` (default 0).
 *
 * @example
 * countAuthSuccess('count_auth_success', '>45') // right(CompiledCondition)
 * @since 0.1.0
 */
export const countAuthSuccess: ConditionCompiler = intCondition('CountAuthSuccess', {
  facts: ['token.info.count_auth_success'],
  skip: noTokenSkip,
  actual: (ctx) => countOf(ctx, 'count_auth_success', 'count_auth_success'),
})

/**
 * `count_auth_fail`: `count_auth − count_auth_success`.
 *
 * @example
 * countAuthFail('count_auth_fail', '>45') // right(CompiledCondition)
 * @since 0.1.0
 */
export const countAuthFail: ConditionCompiler = intCondition('CountAuthFail', {
  facts: ['token.info.count_auth', 'token.info.count_auth_success'],
  skip: noTokenSkip,
  actual: (ctx) => {
    const all = countOf(ctx, 'count_auth', 'count_auth_fail')
    if (isEvalFailure(all)) return all
    const ok = countOf(ctx, 'count_auth_success', 'count_auth_fail')
    return isEvalFailure(ok) ? ok : difference(all, ok)
  },
})

/**
 * `tokeninfo`: generic comparison on a tokeninfo entry; `{now}` / `{current_time}` with offsets (D5, D6, D18); any
 * other placeholder or a stray brace is a configuration error. Missing key ⇒ false.
 *
 * @example
 * tokeninfo('tokeninfo', 'myDate < {now}-5d') // right(CompiledCondition)
 * @since 0.1.0
 */
export const tokeninfo: ConditionCompiler = keyedCondition(
  'TokenInfo',
  { braces: 'format', integerLeft: false },
  {
    subjectFacts: ['token.serial'],
    fact: (key) => `token.info.${key}`,
    skip: noTokenSkip,
    lookup: (ctx, key) => textAt(ctx.event.token?.info, key),
  },
)
