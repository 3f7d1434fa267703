/**
 * The shapes most conditions share: an integer comparison, a comma-list membership, a boolean expectation and a
 * regex match, each over a subject read from the event, with its skip rule.
 *
 * @since 0.1.0
 */
import type { CompiledCondition, Outcome } from '../core/catalogue.js'
import type { EvalContext } from '../core/context.js'
import { type Either, left, right } from '../core/either.js'
import { type EvalFailure, type Issue, isEvalFailure } from '../core/errors.js'
import { configError, defineCondition, warning } from './define.js'
import { isTrue } from './grammar/boolean.js'
import { formatDuration } from './grammar/duration.js'
import {
  compareGeneric,
  compileGeneric,
  type GenericComparison,
  type GenericOptions,
  type LeftValue,
  type Operand,
  resolveOperand,
} from './grammar/generic.js'
import { compareInts, compileIntComparison, type Int, type IntComparison, RELATION_SYMBOL } from './grammar/integer.js'
import { commaSet } from './grammar/list.js'
import { type RegexMode, translateRegex } from './grammar/regex.js'

/**
 * Compiles one condition value: a compiled condition or configuration errors.
 *
 * @example
 * const failcounter: ConditionCompiler = intCondition('Failcounter', subject)
 * failcounter('failcounter', '<9') // right(CompiledCondition)
 * @since 0.1.0
 */
export type ConditionCompiler = (name: string, value: string) => Either<ReadonlyArray<Issue>, CompiledCondition>

/**
 * Never skips.
 *
 * @example
 * const tokenCount: IntSubject = {
 *   facts: ['user.tokenCount'],
 *   skip: NEVER_SKIPS,
 *   actual: (ctx) => ctx.event.user?.tokenCount ?? 0,
 * }
 * @since 0.1.0
 */
export const NEVER_SKIPS = (): string | undefined => undefined

/**
 * An integer-comparison condition's data.
 *
 * @example
 * const data: IntData<'Failcounter'> = {
 *   _tag: 'Failcounter',
 *   comparison: { _tag: 'IntCompare', op: 'ge', operand: 3, written: '>=' },
 * } // failcounter: >=3
 * @since 0.1.0
 */
export interface IntData<T extends string> {
  readonly _tag: T
  readonly comparison: IntComparison
}

/**
 * Where an integer condition reads its subject.
 *
 * @example
 * const failcount: IntSubject = {
 *   facts: ['token.failcount'],
 *   skip: (ctx) => (ctx.event.token === undefined ? 'the event has no single token' : undefined),
 *   actual: (ctx) => ctx.event.token?.failcount ?? 0,
 * }
 * @since 0.1.0
 */
export interface IntSubject {
  readonly facts: ReadonlyArray<string>
  readonly skip: (ctx: EvalContext) => string | undefined
  /** The actual integer (called only when not skipped); a `bigint` beyond 2^53 − 1, exact as Python's `int`. */
  readonly actual: (ctx: EvalContext) => Int | EvalFailure
}

/**
 * An integer condition (`compare_ints`): skipped when the subject is missing, else the comparison.
 *
 * @example
 * intCondition('Failcounter', subject)('failcounter', '<9')
 * @since 0.1.0
 */
export const intCondition =
  <T extends string>(tag: T, subject: IntSubject): ConditionCompiler =>
  (name, value) => {
    const comparison = compileIntComparison(value)
    const data: IntData<T> = { _tag: tag, comparison }
    const { skip, actual } = subject
    // The subject is read even for a malformed value (which compares false): privacyIDEA reads it first, so an
    // unreadable subject (a tokeninfo count that is not an integer) raises there whatever the value.
    const test = (ctx: EvalContext): Outcome => {
      if (skip(ctx) !== undefined) return true
      const a = actual(ctx)
      return isEvalFailure(a) ? a : compareInts(a, comparison)
    }
    return right(
      defineCondition({
        name,
        value,
        data,
        facts: subject.facts,
        warnings: comparison._tag === 'IntNever' ? [warning(name, comparison.code, comparison.reason)] : [],
        test,
        skip,
        explain: (ctx, holds) => {
          if (comparison._tag === 'IntNever') return { compared: {}, reason: comparison.reason }
          const a = actual(ctx)
          const sym = RELATION_SYMBOL[comparison.op]
          return {
            compared: { actual: a, operator: sym, expected: comparison.operand },
            reason: `${String(a)} ${sym} ${String(comparison.operand)} is ${holds}`,
          }
        },
      }),
    )
  }

/**
 * A comma-list condition's data.
 *
 * @example
 * const data: ListData<'Realm'> = { _tag: 'Realm', items: new Set(['realm1', 'realm2']) } // realm: realm1,realm2
 * @since 0.1.0
 */
export interface ListData<T extends string> {
  readonly _tag: T
  readonly items: ReadonlySet<string>
}

/**
 * A `multi` condition: the subject (one string) is one of the comma-list items, exactly.
 *
 * @example
 * memberCondition('TokenType', subject)('tokentype', 'totp,spass')
 * @since 0.1.0
 */
export const memberCondition =
  <T extends string>(
    tag: T,
    subject: {
      readonly facts: ReadonlyArray<string>
      readonly skip: (ctx: EvalContext) => string | undefined
      readonly actual: (ctx: EvalContext) => string
      readonly what: string
    },
  ): ConditionCompiler =>
  (name, value) => {
    const items = commaSet(value)
    const { skip, actual } = subject
    return right(
      defineCondition({
        name,
        value,
        data: { _tag: tag, items } satisfies ListData<T>,
        facts: subject.facts,
        test: (ctx) => skip(ctx) !== undefined || items.has(actual(ctx)),
        skip,
        explain: (ctx, holds) => {
          const a = actual(ctx)
          return {
            compared: { actual: a, list: [...items] },
            reason: `${subject.what} ${JSON.stringify(a)} is ${holds ? '' : 'not '}in the list`,
          }
        },
      }),
    )
  }

/**
 * A boolean condition's data.
 *
 * @example
 * const data: BoolData<'TokenLocked'> = { _tag: 'TokenLocked', expected: true } // token_locked: True
 * @since 0.1.0
 */
export interface BoolData<T extends string> {
  readonly _tag: T
  readonly expected: boolean
}

/**
 * A boolean condition: the value read with `isTrue` (D2) equals a fact of the event.
 *
 * @example
 * boolCondition('TokenHasOwner', subject)('token_has_owner', 'True')
 * @since 0.1.0
 */
export const boolCondition =
  <T extends string>(
    tag: T,
    subject: {
      readonly facts: ReadonlyArray<string>
      readonly skip: (ctx: EvalContext) => string | undefined
      readonly actual: (ctx: EvalContext) => boolean | EvalFailure
      /** The fact, as a phrase: `the token has an owner`. */
      readonly what: string
    },
  ): ConditionCompiler =>
  (name, value) => {
    const expected = isTrue(value)
    const { skip, actual } = subject
    return right(
      defineCondition({
        name,
        value,
        data: { _tag: tag, expected } satisfies BoolData<T>,
        facts: subject.facts,
        test: (ctx) => {
          if (skip(ctx) !== undefined) return true
          const a = actual(ctx)
          return typeof a === 'boolean' ? a === expected : a
        },
        skip,
        explain: (ctx) => {
          const a = actual(ctx)
          return {
            compared: { actual: a, expected },
            reason: `${subject.what}: ${String(a)}, expected ${expected}`,
          }
        },
      }),
    )
  }

/**
 * A regex condition's data.
 *
 * @example
 * const data: RegexData<'Serial'> = {
 *   _tag: 'Serial',
 *   pattern: '^TOTP',
 *   regex: new RegExp('^(?:^TOTP)', 'v'),
 *   mode: 'match',
 * } // serial: ^TOTP
 * @since 0.1.0
 */
export interface RegexData<T extends string> {
  readonly _tag: T
  readonly pattern: string
  readonly regex: RegExp
  readonly mode: RegexMode
}

/**
 * A regex condition: a Python pattern translated once (D14) and matched against a string subject.
 *
 * @example
 * regexCondition('Serial', 'match', subject)('serial', '^OATH.*')
 * @since 0.1.0
 */
export const regexCondition =
  <T extends string>(
    tag: T,
    mode: RegexMode,
    subject: {
      readonly facts: ReadonlyArray<string>
      readonly skip: (ctx: EvalContext) => string | undefined
      readonly actual: (ctx: EvalContext) => string | EvalFailure
      readonly what: string
    },
  ): ConditionCompiler =>
  (name, value) => {
    const translated = translateRegex(value, mode)
    if (translated._tag === 'Left')
      return left([
        configError(
          name,
          'invalid-regex',
          `${JSON.stringify(value)} is not a valid regular expression: ${translated.left}`,
        ),
      ])
    const regex = translated.right
    const { skip, actual } = subject
    const how = mode === 'match' ? 'at the start of' : mode === 'search' ? 'in' : 'as the whole of'
    return right(
      defineCondition({
        name,
        value,
        data: { _tag: tag, pattern: value, regex, mode } satisfies RegexData<T>,
        facts: subject.facts,
        test: (ctx) => {
          if (skip(ctx) !== undefined) return true
          const a = actual(ctx)
          return typeof a === 'string' ? regex.test(a) : a
        },
        skip,
        explain: (ctx, holds) => {
          const a = actual(ctx)
          return {
            compared: { actual: a, pattern: value, regex: regex.source },
            reason: `${JSON.stringify(value)} ${holds ? 'matches' : 'does not match'} ${how} ${subject.what} ${JSON.stringify(a)}`,
          }
        },
      }),
    )
  }

/**
 * A generic key comparison's data.
 *
 * @example
 * const data: KeyedData<'TokenInfo'> = {
 *   _tag: 'TokenInfo',
 *   comparison: {
 *     _tag: 'Untyped',
 *     key: 'count_auth',
 *     op: 'lt',
 *     operand: { _tag: 'Text', text: '100', int: 100, date: undefined },
 *     written: '<',
 *   },
 * } // tokeninfo: count_auth < 100
 * @since 0.1.0
 */
export interface KeyedData<T extends string> {
  readonly _tag: T
  readonly comparison: GenericComparison
}

/**
 * A generic key comparison (`tokeninfo`, `user_info`, `container_info`, `counter`): the key's value, looked up in
 * the event, compared as SPEC 3.1 says.
 *
 * @example
 * keyedCondition('TokenInfo', options, subject)('tokeninfo', 'myValue < 100')
 * @since 0.1.0
 */
export const keyedCondition =
  <T extends string>(
    tag: T,
    options: GenericOptions,
    subject: {
      /** The event path of a key, e.g. `token.info.myValue`. */
      readonly fact: (key: string) => string
      /** Facts the skip rule reads (the subject's existence, e.g. `token.serial`), read whatever the key. */
      readonly subjectFacts: ReadonlyArray<string>
      readonly skip: (ctx: EvalContext) => string | undefined
      /** The value of a key; undefined when the key is missing. */
      readonly lookup: (ctx: EvalContext, key: string) => LeftValue
    },
  ): ConditionCompiler =>
  (name, value) => {
    const compiled = compileGeneric(value, options)
    if (compiled._tag === 'Left') return left([configError(name, compiled.left.code, compiled.left.reason)])
    const { comparison, warnings } = compiled.right
    const key = comparison.key
    const { skip, lookup } = subject
    const usesClock =
      comparison._tag === 'WithinLast' ||
      ((comparison._tag === 'Untyped' || comparison._tag === 'DateOrder') && comparison.operand._tag !== 'Text') ||
      (comparison._tag === 'In' && !(comparison.items instanceof Set)) ||
      (comparison._tag === 'StringContains' && typeof comparison.needle !== 'string')
    const test = (ctx: EvalContext): Outcome =>
      skip(ctx) !== undefined || compareGeneric(ctx, comparison, lookup(ctx, key))
    return right(
      defineCondition({
        name,
        value,
        data: { _tag: tag, comparison } satisfies KeyedData<T>,
        facts: [...subject.subjectFacts, ...(key === '' ? [] : [subject.fact(key)]), ...(usesClock ? ['now'] : [])],
        warnings: warnings.map((w) => warning(name, w.code, w.reason)),
        test,
        skip,
        explain: (ctx, holds) => {
          if (comparison._tag === 'Never') return { compared: { key }, reason: comparison.reason }
          const actual = lookup(ctx, key)
          if (actual === undefined) return { compared: { key }, reason: `${JSON.stringify(key)} is missing` }
          const operand = describeComparison(ctx, comparison)
          return {
            compared: { key, actual, ...operand },
            reason: `${JSON.stringify(key)} = ${JSON.stringify(actual)} ${operand.operator} ${JSON.stringify(operand.expected)} is ${holds}`,
          }
        },
      }),
    )
  }

/** An operand as a person reads it: its text for this event, or as written when it cannot be rendered. */
const operandText = (ctx: EvalContext, operand: Operand): string => {
  const r = resolveOperand(ctx, operand)
  return !isEvalFailure(r) ? r.text : operand._tag === 'Text' ? operand.text : operand.template.source
}

const describeComparison = (
  ctx: EvalContext,
  c: GenericComparison,
): { readonly operator: string; readonly expected: unknown } => {
  switch (c._tag) {
    case 'Untyped':
      return { operator: c.written, expected: operandText(ctx, c.operand) }
    case 'IntOrder':
      return { operator: c.written, expected: c.operand }
    case 'Matches':
      return { operator: c.negate ? '!matches' : 'matches', expected: c.pattern }
    case 'In':
      return {
        operator: c.negate ? '!in' : 'in',
        expected: '_tag' in c.items ? operandText(ctx, c.items) : [...c.items],
      }
    case 'StringContains':
      return {
        operator: c.negate ? '!string_contains' : 'string_contains',
        expected: typeof c.needle === 'string' ? c.needle : operandText(ctx, c.needle).toLowerCase(),
      }
    case 'DateOrder':
      return { operator: c.op === 'before' ? 'date_before' : 'date_after', expected: operandText(ctx, c.operand) }
    case 'WithinLast':
      return { operator: c.negate ? '!date_within_last' : 'date_within_last', expected: formatDuration(c.durationMs) }
    case 'Never':
      return { operator: 'never', expected: c.reason }
  }
}
