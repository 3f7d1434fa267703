/**
 * Assembling a `CompiledCondition` from its parts: the hot-path predicate, the skip rule (N/A ⇒ pass) and an
 * explanation, so `trace` always agrees with `test`.
 *
 * @since 0.1.0
 */
import type { CompiledCondition, ConditionTrace, Outcome } from '../core/catalogue.js'
import type { EvalContext } from '../core/context.js'
import { type EvalFailure, evalFailure, type Issue, issue } from '../core/errors.js'
import { conditionRank } from './names.js'

/**
 * What `explain` shows besides the verdict.
 *
 * @example
 * const why: Explanation = {
 *   compared: { actual: 'totp', list: ['totp', 'hotp'] },
 *   reason: 'the token type "totp" is in the list',
 * }
 * @since 0.1.0
 */
export interface Explanation {
  readonly compared: Readonly<Record<string, unknown>>
  readonly reason: string
}

/**
 * The parts of a condition.
 *
 * @example
 * const parts: ConditionParts<{ readonly _tag: 'TokenType'; readonly items: ReadonlySet<string> }> = {
 *   name: 'tokentype',
 *   value: 'totp',
 *   data: { _tag: 'TokenType', items: new Set(['totp']) },
 *   facts: ['token.type'],
 *   test: (ctx) => ctx.event.token === undefined || ctx.event.token.type === 'totp',
 *   skip: (ctx) => (ctx.event.token === undefined ? 'the event has no single token' : undefined),
 *   explain: (ctx, holds) => ({
 *     compared: { actual: ctx.event.token?.type },
 *     reason: holds ? 'the token is a TOTP token' : 'the token is not a TOTP token',
 *   }),
 * }
 * defineCondition(parts)
 * @since 0.1.0
 */
export interface ConditionParts<D extends { readonly _tag: string }> {
  readonly name: string
  readonly value: string
  readonly data: D
  readonly facts: ReadonlyArray<string>
  readonly warnings?: ReadonlyArray<Issue>
  /** The hot path. Must return `true` whenever `skip` gives a reason. */
  readonly test: (ctx: EvalContext) => Outcome
  /** Why the condition does not apply to this event (its subject is missing: N/A ⇒ pass), or undefined. */
  readonly skip: (ctx: EvalContext) => string | undefined
  /** The values compared and why the verdict is what it is; only called by `trace`. */
  readonly explain: (ctx: EvalContext, holds: boolean) => Explanation
}

/**
 * Builds a compiled condition; its `trace` runs `test`, then `skip` and `explain`.
 *
 * @example
 * defineCondition({ name: 'tokentype', value: 'totp', data, facts: ['token.type'], test, skip, explain })
 * @since 0.1.0
 */
export const defineCondition = <D extends { readonly _tag: string }>(parts: ConditionParts<D>): CompiledCondition => {
  const { name, value, test, skip, explain } = parts
  const trace = (ctx: EvalContext): ConditionTrace => {
    let outcome: Outcome
    try {
      outcome = test(ctx)
    } catch (e) {
      return { name, value, verdict: 'error', compared: {}, reason: e instanceof Error ? e.message : String(e) }
    }
    if (typeof outcome !== 'boolean') return { name, value, verdict: 'error', compared: {}, reason: outcome.message }
    const skipped = outcome ? skip(ctx) : undefined
    if (skipped !== undefined) return { name, value, verdict: 'skip', compared: {}, reason: skipped }
    const e = explain(ctx, outcome)
    return { name, value, verdict: outcome ? 'pass' : 'fail', compared: e.compared, reason: e.reason }
  }
  return {
    name,
    value,
    rank: conditionRank(name) ?? Number.MAX_SAFE_INTEGER,
    data: parts.data,
    test,
    trace,
    facts: parts.facts,
    warnings: parts.warnings ?? [],
  }
}

/**
 * A warning issue, its message prefixed with the condition name; its path is relative to the condition's value
 * (the kernel adds the binding index and `['conditions', name]`).
 *
 * @example
 * warning('count_auth', 'empty-value', 'the value is empty') // { code: 'empty-value', message: 'count_auth: the value is empty', path: [] }
 * @since 0.1.0
 */
export const warning = (name: string, code: string, reason: string): Issue => issue(code, `${name}: ${reason}`)

/**
 * A configuration-error issue, its message prefixed with the condition name.
 *
 * @example
 * configError('last_auth', 'invalid-duration', '"7" has no unit; use s, m, h, d or y')
 * // { code: 'invalid-duration', message: 'last_auth: "7" has no unit; use s, m, h, d or y', path: [] }
 * @since 0.1.0
 */
export const configError = (name: string, code: string, reason: string): Issue => issue(code, `${name}: ${reason}`)

/**
 * The EvalFailure of a condition whose event data cannot be read.
 *
 * @example
 * dataFailure('client_ip', 'AddrFormatError', 'the client IP "x" is not an IP address')
 * // { _tag: 'EvalFailure', errorTag: 'AddrFormatError', message: 'client_ip: the client IP "x" is not an IP address' }
 * @since 0.1.0
 */
export const dataFailure = (name: string, errorTag: string, reason: string): EvalFailure =>
  evalFailure(errorTag, `${name}: ${reason}`)

/**
 * The EvalFailure of a date condition whose `event.now` is not a date-time (privacyIDEA has no such case: its clock
 * always works).
 *
 * @example
 * invalidClock('last_auth', makeContext({ ...event, now: 'yesterday' }))
 * // { _tag: 'EvalFailure', errorTag: 'InvalidEventTime', message: 'last_auth: event.now "yesterday" is not a date-time' }
 * @since 0.1.0
 */
export const invalidClock = (name: string, ctx: EvalContext): EvalFailure =>
  dataFailure(name, 'InvalidEventTime', `event.now ${JSON.stringify(ctx.event.now)} is not a date-time`)

/**
 * The text stored under `key` in a string record (tokeninfo, user info, container info), or undefined. Safe for any
 * key: inherited members (`constructor`, `toString`, the `__proto__` accessor) are never strings, so they read as
 * missing, while an own `__proto__` entry from `JSON.parse` is found. Cheaper than `Object.hasOwn` on the hot path.
 *
 * @example
 * textAt({ a: 'x' }, 'a') // 'x'
 * textAt({}, 'constructor') // undefined
 * @since 0.1.0
 */
export const textAt = (record: Readonly<Record<string, string>> | undefined, key: string): string | undefined => {
  if (record === undefined) return undefined
  const v: unknown = record[key]
  return typeof v === 'string' ? v : undefined
}

/**
 * The number stored under `key` in a number record (counters), or undefined; safe for any key like `textAt`.
 *
 * @example
 * numberAt({ logins: 3 }, 'logins') // 3
 * numberAt({}, 'valueOf') // undefined
 * @since 0.1.0
 */
export const numberAt = (record: Readonly<Record<string, number>> | undefined, key: string): number | undefined => {
  if (record === undefined) return undefined
  const v: unknown = record[key]
  return typeof v === 'number' ? v : undefined
}

/**
 * The response keys conditions read.
 *
 * @example
 * const key: ResponseKey = 'detail'
 * responseAt('result_value', event.response, ['result', 'value']) // true for a successful /validate/check
 * @since 0.1.0
 */
export type ResponseKey = 'result' | 'value' | 'status' | 'authentication' | 'detail' | 'message' | 'error'

const isDict = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u)

/**
 * Reads `response.<path>` as privacyIDEA does, `content.get(a, {}).get(b, {})...get(leaf)`: the response body counts
 * as `{}` when it is not a JSON object (pre position, a body that is not JSON; a JSON body that is a list, text or
 * `null` too, where Python's `.get` would raise: privacyIDEA's responses are always objects, docs/compatibility.md
 * says so); a missing step reads as `{}` and a
 * missing leaf as `undefined`; a step that is present but not an object (`null`, a list, text, a number) is an
 * `AttributeError`, as Python's `.get` on it raises.
 *
 * @example
 * responseAt('result_value', { result: { value: true } }, ['result', 'value']) // true
 * responseAt('detail_message', {}, ['detail', 'message']) // undefined
 * responseAt('detail_message', { detail: null }, ['detail', 'message'])
 * // { _tag: 'EvalFailure', errorTag: 'AttributeError', message: 'detail_message: response.detail is not an object: null' }
 * @since 0.1.0
 */
export const responseAt = (
  name: string,
  response: unknown,
  path: readonly [...ReadonlyArray<ResponseKey>, ResponseKey],
): unknown => {
  let u: unknown = isDict(response) ? response : {}
  for (let i = 0; i < path.length - 1; i++) {
    const step = (u as Readonly<Record<string, unknown>>)[path[i] as ResponseKey]
    if (step === undefined) return undefined
    if (!isDict(step))
      return dataFailure(
        name,
        'AttributeError',
        `response.${path.slice(0, i + 1).join('.')} is not an object: ${JSON.stringify(step)}`,
      )
    u = step
  }
  return (u as Readonly<Record<string, unknown>>)[path[path.length - 1] as ResponseKey]
}
