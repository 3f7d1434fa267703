/**
 * The challenge conditions (SPEC 3.2): `challenge_session` and `challenge_expired`, over the challenges matching
 * the event's token or container and transaction. None ⇒ skipped; two or more ⇒ false (D1: only the challenge
 * conditions are false; privacyIDEA's guard bug makes the whole binding false).
 *
 * @since 0.1.0
 */
import type { EvalContext } from '../core/context.js'
import { left, right } from '../core/either.js'
import type { EvalFailure } from '../core/errors.js'
import type { Challenge } from '../core/model.js'
import { configError, dataFailure, defineCondition, invalidClock } from './define.js'
import { isTrue } from './grammar/boolean.js'
import { cachedDate, eventNow } from './grammar/clock.js'
import { translateRegex } from './grammar/regex.js'
import type { ConditionCompiler } from './shapes.js'

const noChallengeSkip = (ctx: EvalContext): string | undefined => {
  const c = ctx.event.challenges
  return c === undefined || c.length === 0 ? 'no challenge matches the event' : undefined
}

/**
 * `challenge_session`: a regex matched at the start of the single challenge's session.
 *
 * @example
 * challengeSession('challenge_session', 'challenge_declined') // right(CompiledCondition)
 * @since 0.1.0
 */
export const challengeSession: ConditionCompiler = (name, value) => {
  const translated = translateRegex(value, 'match')
  if (translated._tag === 'Left')
    return left([
      configError(
        name,
        'invalid-regex',
        `${JSON.stringify(value)} is not a valid regular expression: ${translated.left}`,
      ),
    ])
  const regex = translated.right
  return right(
    defineCondition({
      name,
      value,
      data: { _tag: 'ChallengeSession', pattern: value, regex, mode: 'match' },
      facts: ['challenges'],
      test: (ctx) => {
        const c = ctx.event.challenges
        if (c === undefined || c.length === 0) return true
        return c.length === 1 && regex.test((c[0] as Challenge).session)
      },
      skip: noChallengeSkip,
      explain: (ctx, holds) => {
        const c = ctx.event.challenges ?? []
        if (c.length > 1)
          return {
            compared: { challenges: c.length },
            reason: `${c.length} challenges match the event, so the challenge conditions are false (D1)`,
          }
        const session = (c[0] as Challenge).session
        return {
          compared: { actual: session, pattern: value, regex: regex.source },
          reason: `${JSON.stringify(value)} ${holds ? 'matches' : 'does not match'} at the start of the session ${JSON.stringify(session)}`,
        }
      },
    }),
  )
}

const challengeValid = (ctx: EvalContext, c: Challenge): boolean | EvalFailure => {
  const created = cachedDate(ctx, c.createdAt)
  const expires = cachedDate(ctx, c.expiresAt)
  if (created === undefined || expires === undefined)
    return dataFailure(
      'challenge_expired',
      'ParserError',
      `the challenge times ${JSON.stringify(c.createdAt)} / ${JSON.stringify(c.expiresAt)} are not dates (D13)`,
    )
  const now = eventNow(ctx)
  if (Number.isNaN(now)) return invalidClock('challenge_expired', ctx)
  return created <= now && now < expires
}

/**
 * `challenge_expired`: the expectation differs from "the challenge is currently valid".
 *
 * @example
 * challengeExpired('challenge_expired', 'True') // right(CompiledCondition)
 * @since 0.1.0
 */
export const challengeExpired: ConditionCompiler = (name, value) => {
  const expected = isTrue(value)
  const test = (ctx: EvalContext): boolean | EvalFailure => {
    const c = ctx.event.challenges
    if (c === undefined || c.length === 0) return true
    if (c.length > 1) return false
    const valid = challengeValid(ctx, c[0] as Challenge)
    return typeof valid === 'boolean' ? valid !== expected : valid
  }
  return right(
    defineCondition({
      name,
      value,
      data: { _tag: 'ChallengeExpired', expected },
      facts: ['challenges', 'now'],
      test,
      skip: noChallengeSkip,
      explain: (ctx, holds) => {
        const c = ctx.event.challenges ?? []
        if (c.length > 1)
          return {
            compared: { challenges: c.length },
            reason: `${c.length} challenges match the event, so the challenge conditions are false (D1)`,
          }
        const ch = c[0] as Challenge
        const valid = challengeValid(ctx, ch)
        return {
          compared: { createdAt: ch.createdAt, expiresAt: ch.expiresAt, now: ctx.event.now, expectedExpired: expected },
          reason: `the challenge is ${valid === true ? 'valid' : 'expired'}, ${holds ? 'as' : 'not as'} expected`,
        }
      },
    }),
  )
}
