/**
 * Conditions on the token (SPEC 3.2): `token_locked`, `tokenrealm`, `tokenresolver`, `serial`, `tokentype`,
 * `token_has_owner`, `token_is_orphaned`, `token_validity_period`, `otp_counter`, `failcounter`, `rollout_state`,
 * `token_is_in_container`. Except `token_locked` and `serial`, they are skipped when the event has no single token.
 *
 * @since 0.1.0
 */
import type { EvalContext } from '../core/context.js'
import { right } from '../core/either.js'
import type { EvalFailure } from '../core/errors.js'
import { dataFailure, defineCondition, invalidClock, textAt } from './define.js'
import { cachedDate, eventNow } from './grammar/clock.js'
import { commaSet } from './grammar/list.js'
import {
  boolCondition,
  type ConditionCompiler,
  intCondition,
  memberCondition,
  NEVER_SKIPS,
  regexCondition,
} from './shapes.js'

/**
 * Skips when the event has no single token.
 *
 * @example
 * noTokenSkip(makeContext(event)) // 'the event has no single token' when event.token is absent, else undefined
 * @since 0.1.0
 */
export const noTokenSkip = (ctx: EvalContext): string | undefined =>
  ctx.event.token === undefined ? 'the event has no single token' : undefined

/**
 * `token_locked` (D2, D3): with a token, failcount ≥ maxfail; without one, `user.hasLockedToken`.
 *
 * @example
 * tokenLocked('token_locked', 'True') // right(CompiledCondition)
 * @since 0.1.0
 */
export const tokenLocked: ConditionCompiler = boolCondition('TokenLocked', {
  facts: ['token.failcount', 'token.maxfail', 'user.hasLockedToken'],
  skip: NEVER_SKIPS,
  actual: (ctx) => {
    const t = ctx.event.token
    return t !== undefined ? t.failcount >= t.maxfail : (ctx.event.user?.hasLockedToken ?? false)
  },
  what: 'the token is locked (failcount ≥ maxfail; without a single token: the user has a locked token)',
})

/**
 * `tokenrealm`: some token realm is listed; no token or no realms ⇒ skipped.
 *
 * @example
 * tokenRealm('tokenrealm', 'realm1,realm2') // right(CompiledCondition)
 * @since 0.1.0
 */
export const tokenRealm: ConditionCompiler = (name, value) => {
  const items = commaSet(value)
  const skip = (ctx: EvalContext): string | undefined => {
    const t = ctx.event.token
    return t === undefined
      ? 'the event has no single token'
      : t.realms.length === 0
        ? 'the token has no realm'
        : undefined
  }
  return right(
    defineCondition({
      name,
      value,
      data: { _tag: 'TokenRealm', items },
      facts: ['token.realms'],
      test: (ctx) => {
        const t = ctx.event.token
        if (t === undefined || t.realms.length === 0) return true
        for (const r of t.realms) if (items.has(r)) return true
        return false
      },
      skip,
      explain: (ctx, holds) => ({
        compared: { actual: ctx.event.token?.realms ?? [], list: [...items] },
        reason: holds ? 'a token realm is in the list' : 'no token realm is in the list',
      }),
    }),
  )
}

/**
 * `tokenresolver`: some resolver of the token's realms is listed; no token or none ⇒ skipped.
 *
 * @example
 * tokenResolver('tokenresolver', 'resolver1') // right(CompiledCondition)
 * @since 0.1.0
 */
export const tokenResolver: ConditionCompiler = (name, value) => {
  const items = commaSet(value)
  const skip = (ctx: EvalContext): string | undefined => {
    const t = ctx.event.token
    return t === undefined
      ? 'the event has no single token'
      : t.resolvers.length === 0
        ? 'the token has no realm with a resolver'
        : undefined
  }
  return right(
    defineCondition({
      name,
      value,
      data: { _tag: 'TokenResolver', items },
      facts: ['token.resolvers'],
      test: (ctx) => {
        const t = ctx.event.token
        if (t === undefined || t.resolvers.length === 0) return true
        for (const r of t.resolvers) if (items.has(r)) return true
        return false
      },
      skip,
      explain: (ctx, holds) => ({
        compared: { actual: ctx.event.token?.resolvers ?? [], list: [...items] },
        reason: holds ? 'a token resolver is in the list' : 'no token resolver is in the list',
      }),
    }),
  )
}

/**
 * The event's serial: the single token's, else the request/response serial (SPEC 1.8).
 *
 * @example
 * eventSerial(makeContext(event)) // 'TOTP0001': the single token's serial
 * // without event.token: event.serial, e.g. 'HOTP1'
 * @since 0.1.0
 */
export const eventSerial = (ctx: EvalContext): string | undefined => ctx.event.token?.serial ?? ctx.event.serial

/**
 * `serial`: a regex matched at the start of the serial (`re.match`); no serial ⇒ skipped.
 *
 * @example
 * serial('serial', '^OATH') // right(CompiledCondition)
 * @since 0.1.0
 */
export const serial: ConditionCompiler = regexCondition('Serial', 'match', {
  facts: ['serial', 'token.serial'],
  skip: (ctx) => {
    const s = eventSerial(ctx)
    return s === undefined || s === '' ? 'the event has no serial' : undefined
  },
  actual: (ctx) => eventSerial(ctx) ?? '',
  what: 'the serial',
})

/**
 * `tokentype`: the token type is listed.
 *
 * @example
 * tokenType('tokentype', 'totp,hotp') // right(CompiledCondition)
 * @since 0.1.0
 */
export const tokenType: ConditionCompiler = memberCondition('TokenType', {
  facts: ['token.type'],
  skip: noTokenSkip,
  actual: (ctx) => ctx.event.token?.type ?? '',
  what: 'the token type',
})

/**
 * `token_has_owner`.
 *
 * @example
 * tokenHasOwner('token_has_owner', 'True') // right(CompiledCondition)
 * @since 0.1.0
 */
export const tokenHasOwner: ConditionCompiler = boolCondition('TokenHasOwner', {
  facts: ['token.owner'],
  skip: noTokenSkip,
  actual: (ctx) => ctx.event.token?.owner !== undefined,
  what: 'the token has an owner',
})

/**
 * `token_is_orphaned`: the token has an owner record whose user cannot be resolved (SPEC 3.2): the host marks it
 * `exists: false`, and an owner without a login is no resolvable user either.
 *
 * @example
 * tokenIsOrphaned('token_is_orphaned', 'False') // right(CompiledCondition)
 * @since 0.1.0
 */
export const tokenIsOrphaned: ConditionCompiler = boolCondition('TokenIsOrphaned', {
  facts: ['token.owner'],
  skip: noTokenSkip,
  actual: (ctx) => {
    const o = ctx.event.token?.owner
    return o !== undefined && (!o.exists || o.login === '')
  },
  what: 'the token is orphaned',
})

const validityDate = (ctx: EvalContext, key: string): number | undefined | EvalFailure => {
  const text = textAt(ctx.event.token?.info, key)
  if (text === undefined || text === '') return undefined
  return (
    cachedDate(ctx, text) ??
    dataFailure('token_validity_period', 'ParserError', `tokeninfo ${key} ${JSON.stringify(text)} is not a date (D13)`)
  )
}

const clockOf = (ctx: EvalContext): number | EvalFailure => {
  const now = eventNow(ctx)
  return Number.isNaN(now) ? invalidClock('token_validity_period', ctx) : now
}

/**
 * Whether the token is within its validity period now; an EvalFailure for an unparseable date (D13). In
 * privacyIDEA's order: the start is read and compared first, and a start in the future is "not valid" before the end
 * is read, so an unparseable end fails only when the start has passed or is unset.
 */
const currentlyValid = (ctx: EvalContext): boolean | EvalFailure => {
  const start = validityDate(ctx, 'validity_period_start')
  if (typeof start === 'object') return start
  if (start !== undefined) {
    const now = clockOf(ctx)
    if (typeof now === 'object') return now
    if (start > now) return false
  }
  const end = validityDate(ctx, 'validity_period_end')
  if (typeof end === 'object') return end
  if (end === undefined) return true
  const now = clockOf(ctx)
  return typeof now === 'object' ? now : !(end < now)
}

/**
 * `token_validity_period` (D2, D13): the token is currently valid.
 *
 * @example
 * tokenValidityPeriod('token_validity_period', 'True') // right(CompiledCondition)
 * @since 0.1.0
 */
export const tokenValidityPeriod: ConditionCompiler = boolCondition('TokenValidityPeriod', {
  facts: ['token.info.validity_period_start', 'token.info.validity_period_end', 'now'],
  skip: noTokenSkip,
  actual: currentlyValid,
  what: 'the token is within its validity period',
})

/**
 * `otp_counter`.
 *
 * @example
 * otpCounter('otp_counter', '>100') // right(CompiledCondition)
 * @since 0.1.0
 */
export const otpCounter: ConditionCompiler = intCondition('OtpCounter', {
  facts: ['token.otpCounter'],
  skip: noTokenSkip,
  actual: (ctx) => ctx.event.token?.otpCounter ?? 0,
})

/**
 * `failcounter`.
 *
 * @example
 * failcounter('failcounter', '<9') // right(CompiledCondition)
 * @since 0.1.0
 */
export const failcounter: ConditionCompiler = intCondition('Failcounter', {
  facts: ['token.failcount'],
  skip: noTokenSkip,
  actual: (ctx) => ctx.event.token?.failcount ?? 0,
})

const rolloutEqual = (a: string, b: string): boolean =>
  a === b || ((a === '' || a === 'enrolled') && (b === '' || b === 'enrolled'))

/**
 * `rollout_state`: exact equality; `""` and `enrolled` are equal.
 *
 * @example
 * rolloutState('rollout_state', 'enrolled') // right(CompiledCondition)
 * @since 0.1.0
 */
export const rolloutState: ConditionCompiler = (name, value) =>
  right(
    defineCondition({
      name,
      value,
      data: { _tag: 'RolloutState', expected: value },
      facts: ['token.rolloutState'],
      test: (ctx) => {
        const t = ctx.event.token
        return t === undefined || rolloutEqual(t.rolloutState ?? '', value)
      },
      skip: noTokenSkip,
      explain: (ctx, holds) => {
        const actual = ctx.event.token?.rolloutState ?? ''
        return {
          compared: { actual, expected: value },
          reason: `the rollout state ${JSON.stringify(actual)} ${holds ? 'equals' : 'differs from'} ${JSON.stringify(value)}`,
        }
      },
    }),
  )

/**
 * `token_is_in_container`.
 *
 * @example
 * tokenIsInContainer('token_is_in_container', 'False') // right(CompiledCondition)
 * @since 0.1.0
 */
export const tokenIsInContainer: ConditionCompiler = boolCondition('TokenIsInContainer', {
  facts: ['token.inContainer'],
  skip: noTokenSkip,
  actual: (ctx) => ctx.event.token?.inContainer ?? false,
  what: 'the token is in a container',
})
