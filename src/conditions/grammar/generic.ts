/**
 * Generic key comparison (SPEC 3.1 `compare_generic`), used by `tokeninfo`, `user_info`, `container_info` and
 * `counter`: `<key> <comparator> <right>`.
 *
 * - Untyped comparators `==`, `=`, `equals`, `!=`, `!equals`, `<`, `>`: integers when both sides are integers,
 *   else instants when both sides are dates (D13 grammar, no offset = UTC: D7), else the raw strings (code-point
 *   order, case-sensitive). An integer left side (counters) against a non-integer: `==` false, `!=` true, `<`/`>`
 *   false (D17).
 * - Typed comparators: `<=`, `>=` (and `=<`, `=>`, which mean the same: D17) compare integers, else false;
 *   `matches`/`!matches` a whole-value regex (D14); `in`/`!in` a CSV list; `contains`/`!contains` need a list
 *   (values are text, so always false); `string_contains`/`!string_contains` a case-insensitive substring;
 *   `date_before`/`date_after` two dates; `date_within_last`/`!date_within_last` a date and a duration (future
 *   dates count as within). A typed comparison that cannot be carried out is false, negated or not.
 * - A missing key is false; an empty key or a value without a comparator is always false (D11: a warning).
 *
 * Everything is compiled once: the right side is classified (integer, date, text), regexes, lists and durations
 * are built at compile time; `{now}` placeholders are compiled templates rendered from the event's clock.
 *
 * @since 0.1.0
 */
import type { EvalContext } from '../../core/context.js'
import { type Either, left, right } from '../../core/either.js'
import { type EvalFailure, evalFailure, isEvalFailure } from '../../core/errors.js'
import { cachedDate, eventNow, eventOffset, memoLookup, memoTable } from './clock.js'
import { type Comparator, parseComparison } from './comparator.js'
import { parseCsvList } from './csv.js'
import { parseDate } from './date.js'
import { parseDuration } from './duration.js'
import { compareInt, holds, type Int, type IntOp, parseInteger } from './integer.js'
import {
  type BraceMode,
  compileNowTemplate,
  constantText,
  dateOverflow,
  type NowTemplate,
  outOfRangePlaceholder,
  placeholderInstant,
  renderNowTemplate,
} from './now.js'
import { translateRegex } from './regex.js'

/**
 * The right side of a comparison, classified once.
 *
 * @example
 * const limit: Operand = textOperand('100') // { _tag: 'Text', text: '100', int: 100, date: undefined }
 * @since 0.1.0
 */
export type Operand =
  | {
      readonly _tag: 'Text'
      readonly text: string
      /** The text as an integer, when it is one. */
      readonly int: Int | undefined
      /** The text as an instant, when it is a date. */
      readonly date: number | undefined
    }
  | {
      /** Exactly one `{now}` / `{current_time}` placeholder: a date. */
      readonly _tag: 'Now'
      readonly offsetMs: number
      readonly source: string
      /** The placeholder as a one-segment template, for rendering when a text comparison needs it. */
      readonly template: NowTemplate
    }
  | {
      /** Text mixed with placeholders: rendered per event, then classified. */
      readonly _tag: 'Template'
      readonly template: NowTemplate
    }

/**
 * A compiled generic comparison.
 *
 * @example
 * const lessThan: GenericComparison = {
 *   _tag: 'Untyped',
 *   key: 'count_auth',
 *   op: 'lt',
 *   operand: textOperand('100'),
 *   written: '<',
 * } // tokeninfo: count_auth < 100
 * @since 0.1.0
 */
export type GenericComparison =
  | {
      readonly _tag: 'Untyped'
      readonly key: string
      readonly op: 'eq' | 'ne' | 'lt' | 'gt'
      readonly operand: Operand
      readonly written: string
    }
  | {
      readonly _tag: 'IntOrder'
      readonly key: string
      readonly op: 'le' | 'ge'
      readonly operand: Int
      readonly written: string
    }
  | {
      readonly _tag: 'Matches'
      readonly key: string
      readonly negate: boolean
      readonly regex: RegExp
      readonly pattern: string
    }
  | {
      readonly _tag: 'In'
      readonly key: string
      readonly negate: boolean
      readonly items: ReadonlySet<string> | Operand
    }
  | {
      readonly _tag: 'StringContains'
      readonly key: string
      readonly negate: boolean
      readonly needle: string | Operand
    }
  | { readonly _tag: 'DateOrder'; readonly key: string; readonly op: 'before' | 'after'; readonly operand: Operand }
  | { readonly _tag: 'WithinLast'; readonly key: string; readonly negate: boolean; readonly durationMs: number }
  | { readonly _tag: 'Never'; readonly key: string; readonly code: FindingCode; readonly reason: string }

/**
 * What the left side may be: text (info maps), an integer (counters), or missing.
 *
 * @example
 * const fromTokeninfo: LeftValue = event.token?.info.count_auth // a string, or undefined when missing
 * const fromCounters: LeftValue = event.counters?.logins // a number (counters)
 * @since 0.1.0
 */
export type LeftValue = string | number | undefined

/**
 * Compile options of one condition.
 *
 * @example
 * const tokeninfoOptions: GenericOptions = { braces: 'format', integerLeft: false }
 * const counterOptions: GenericOptions = { braces: 'none', integerLeft: true }
 * @since 0.1.0
 */
export interface GenericOptions {
  /** How `{now}` is read: `format` (tokeninfo), `literal` (user_info), `none` (container_info, counter). */
  readonly braces: BraceMode | 'none'
  /** The left side is always an integer (counters): comparisons with text are known at compile time. */
  readonly integerLeft: boolean
}

/**
 * A configuration error of a generic comparison: a stable code and a reason.
 *
 * @example
 * compileGeneric('last_seen == {yesterday}', { braces: 'format', integerLeft: false })
 * // left({ code: 'invalid-placeholder', reason: ... })
 * @since 0.1.0
 */
export interface GenericError {
  readonly code: 'invalid-placeholder' | 'invalid-regex'
  readonly reason: string
}

/**
 * Codes of the non-fatal findings (D11 and other always-false comparisons).
 *
 * @example
 * const code: FindingCode = 'missing-comparator'
 * @since 0.1.0
 */
export type FindingCode =
  | 'empty-value'
  | 'empty-key'
  | 'missing-comparator'
  | 'repeated-comparator'
  | 'non-integer'
  | 'never-true'
  | 'offset-unit'

/**
 * A non-fatal finding: a stable code and a reason.
 *
 * @example
 * const finding: Finding = { code: 'empty-key', reason: 'the key is empty, so the condition is always false' }
 * // compileGeneric('== 5', ...) has this warning
 * @since 0.1.0
 */
export interface Finding {
  readonly code: FindingCode
  readonly reason: string
}

/**
 * The compiled comparison and its warnings (D11).
 *
 * @example
 * const compiled = compileGeneric('myValue<100', { braces: 'format', integerLeft: false })
 * if (compiled._tag === 'Right') compiled.right.warnings // []
 * @since 0.1.0
 */
export interface CompiledGeneric {
  readonly comparison: GenericComparison
  readonly warnings: ReadonlyArray<Finding>
}

/**
 * Compares two strings by code point, as Python does (JavaScript's `<` compares UTF-16 code units).
 *
 * @example
 * compareCodePoints('abd', 'abc') // 1
 * compareCodePoints('\uFFFF', '\u{10000}') // -1
 * @since 0.1.0
 */
export const compareCodePoints = (a: string, b: string): number => {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i)
    let y = b.charCodeAt(i)
    if (x !== y) {
      if (x >= 0xd800) x = x >= 0xe000 ? x - 0x800 : x + 0x2000
      if (y >= 0xd800) y = y >= 0xe000 ? y - 0x800 : y + 0x2000
      return x < y ? -1 : 1
    }
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0
}

/**
 * Classifies constant text once.
 *
 * @example
 * textOperand('100') // { _tag: 'Text', text: '100', int: 100, date: undefined }
 * textOperand('2026-11-29') // { _tag: 'Text', text: '2026-11-29', int: undefined, date: 1795910400000 }
 * @since 0.1.0
 */
export const textOperand = (text: string): Operand => ({
  _tag: 'Text',
  text,
  int: parseInteger(text),
  date: parseDate(text),
})

const operandOf = (text: string, braces: GenericOptions['braces']): Either<GenericError, Operand> => {
  if (braces === 'none') return right(textOperand(text))
  const t = compileNowTemplate(text, braces)
  if (t._tag === 'Left') return left({ code: 'invalid-placeholder', reason: t.left })
  const template = t.right
  const first = template.segments[0]
  const constant = constantText(template)
  if (constant !== undefined) return right(textOperand(constant))
  if (template.segments.length === 1 && first !== undefined && first._tag === 'Now')
    return right({ _tag: 'Now', offsetMs: first.offsetMs, source: first.source, template })
  return right({ _tag: 'Template', template })
}

const never = (key: string, code: FindingCode, reason: string): CompiledGeneric => ({
  comparison: { _tag: 'Never', key, code, reason },
  warnings: [{ code, reason }],
})

const typedOf = (c: Comparator): { readonly kind: string; readonly negate: boolean } | undefined => {
  switch (c) {
    case 'matches':
    case 'in':
    case 'contains':
    case 'string_contains':
    case 'date_within_last':
    case 'date_before':
    case 'date_after':
      return { kind: c, negate: false }
    case '!matches':
    case '!in':
    case '!contains':
    case '!string_contains':
    case '!date_within_last':
      return { kind: c.slice(1), negate: true }
  }
  return undefined
}

/**
 * Compiles a generic comparison value. `Left` is a configuration error (a placeholder other than `{now}` /
 * `{current_time}` in `format` mode, an invalid regex); malformed comparisons compile to `Never` with a warning.
 *
 * @example
 * compileGeneric('myValue<100', { braces: 'format', integerLeft: false })
 * // right({ comparison: { _tag: 'Untyped', key: 'myValue', op: 'lt', operand: { _tag: 'Text', int: 100, ... } } })
 * compileGeneric('x == {other}', { braces: 'format', integerLeft: false }) // left({ code: 'invalid-placeholder', ... })
 * @since 0.1.0
 */
export const compileGeneric = (value: string, options: GenericOptions): Either<GenericError, CompiledGeneric> => {
  if (options.braces === 'format') {
    const whole = compileNowTemplate(value, 'format')
    if (whole._tag === 'Left') return left({ code: 'invalid-placeholder', reason: whole.left })
  }
  const parsed = parseComparison(value, 'generic')
  if (parsed.written === undefined) {
    if (parsed.value === '')
      return right(never('', 'empty-value', 'the value is empty, so the condition is always false'))
    if (parsed.repeated.length > 0)
      return right(
        never(
          '',
          'repeated-comparator',
          `the comparator ${parsed.repeated.join(', ')} appears more than once, so the condition is always false`,
        ),
      )
    return right(
      never(
        '',
        'missing-comparator',
        `${JSON.stringify(value)} has no comparator (write key == value; word comparators are quoted: 'matches'), so the condition is always false`,
      ),
    )
  }
  let key = parsed.key
  if (options.braces !== 'none') {
    const k = compileNowTemplate(key, options.braces)
    if (k._tag === 'Left') return left({ code: 'invalid-placeholder', reason: k.left })
    const constant = constantText(k.right)
    if (constant === undefined)
      return right(
        never(
          key,
          'never-true',
          `the key ${JSON.stringify(key)} contains a {now} placeholder and never names an entry`,
        ),
      )
    key = constant
  }
  if (key === '') return right(never('', 'empty-key', 'the key is empty, so the condition is always false'))
  const op = operandOf(parsed.value, options.braces)
  if (op._tag === 'Left') return op
  const operand = op.right
  const warnings: Finding[] = (operand._tag === 'Text' ? [] : operand.template.warnings).map((reason) => ({
    code: 'offset-unit' as const,
    reason,
  }))
  const constant = operand._tag === 'Text' ? operand : undefined
  const text = constant?.text
  const typed = typedOf(parsed.comparator)
  const written = parsed.written
  if (typed === undefined) {
    const int = constant?.int
    const relation: IntOp =
      parsed.comparator === '<'
        ? 'lt'
        : parsed.comparator === '>'
          ? 'gt'
          : parsed.comparator === '<=' || parsed.comparator === '=<'
            ? 'le'
            : parsed.comparator === '>=' || parsed.comparator === '=>'
              ? 'ge'
              : parsed.comparator === '!=' || parsed.comparator === '!equals'
                ? 'ne'
                : 'eq'
    if (relation === 'le' || relation === 'ge') {
      if (int === undefined)
        return right(
          never(
            key,
            'non-integer',
            `${written} compares integers and ${JSON.stringify(parsed.value)} is not one, so the condition is always false`,
          ),
        )
      return right({ comparison: { _tag: 'IntOrder', key, op: relation, operand: int, written }, warnings })
    }
    if (options.integerLeft && int === undefined && relation !== 'ne')
      warnings.push({
        code: 'never-true',
        reason: `the value of ${JSON.stringify(key)} is an integer and ${JSON.stringify(parsed.value)} is not, so ${written} is always false`,
      })
    return right({ comparison: { _tag: 'Untyped', key, op: relation, operand, written }, warnings })
  }
  const negate = typed.negate
  switch (typed.kind) {
    case 'matches': {
      if (text === undefined)
        return left({
          code: 'invalid-placeholder',
          reason: 'a {now} placeholder cannot be part of a regular expression',
        })
      const regex = translateRegex(text, 'full')
      if (regex._tag === 'Left')
        return left({
          code: 'invalid-regex',
          reason: `${JSON.stringify(text)} is not a valid regular expression: ${regex.left}`,
        })
      if (options.integerLeft)
        warnings.push({
          code: 'never-true',
          reason: `the value of ${JSON.stringify(key)} is an integer, so ${written} is always false`,
        })
      return right({ comparison: { _tag: 'Matches', key, negate, regex: regex.right, pattern: text }, warnings })
    }
    case 'in': {
      if (text === undefined) return right({ comparison: { _tag: 'In', key, negate, items: operand }, warnings })
      const list = parseCsvList(text)
      if (list._tag === 'Left') return right(never(key, 'never-true', `${list.left}, so ${written} is always false`))
      return right({ comparison: { _tag: 'In', key, negate, items: new Set(list.right) }, warnings })
    }
    case 'contains':
      return right(
        never(
          key,
          'never-true',
          `${written} needs a list on the left and values are text, so the condition is always false`,
        ),
      )
    case 'string_contains':
      return right({
        comparison: { _tag: 'StringContains', key, negate, needle: text === undefined ? operand : text.toLowerCase() },
        warnings,
      })
    case 'date_before':
    case 'date_after': {
      if (constant !== undefined && constant.date === undefined)
        return right(
          never(key, 'never-true', `${JSON.stringify(parsed.value)} is not a date, so ${written} is always false`),
        )
      return right({
        comparison: { _tag: 'DateOrder', key, op: typed.kind === 'date_before' ? 'before' : 'after', operand },
        warnings,
      })
    }
    default: {
      const duration = text === undefined ? undefined : parseDuration(text)
      if (duration === undefined || duration._tag === 'Left')
        return right(
          never(
            key,
            'never-true',
            `${duration === undefined ? `${JSON.stringify(parsed.value)} is not a duration` : duration.left}, so ${written} is always false`,
          ),
        )
      return right({ comparison: { _tag: 'WithinLast', key, negate, durationMs: duration.right }, warnings })
    }
  }
}

const clockFailure = (ctx: EvalContext): EvalFailure =>
  evalFailure('InvalidEventTime', `event.now ${JSON.stringify(ctx.event.now)} is not an ISO-8601 date-time`)

/** privacyIDEA's OverflowError when a placeholder of the template lands outside the years 1 to 9999 for this clock. */
const templateOverflow = (ctx: EvalContext, template: NowTemplate, nowMs: number): EvalFailure | undefined => {
  const placeholder = outOfRangePlaceholder(template, nowMs, eventOffset(ctx))
  return placeholder === undefined ? undefined : dateOverflow(placeholder, ctx.event.now)
}

/** The rendered text of a template operand for this event (memoised per clock and template). */
const renderedText = (ctx: EvalContext, template: NowTemplate, nowMs: number): string => {
  const table = memoTable<{ readonly now: string; readonly text: string }>(ctx, 'tripline/conditions:now-text')
  const now = ctx.event.now
  const hit = table.get(template.source)
  if (hit !== undefined && hit.now === now) return hit.text
  const text = renderNowTemplate(template, nowMs, eventOffset(ctx), 'YYYY-MM-DDTHH:MM±hhmm')
  table.set(template.source, { now, text })
  return text
}

/**
 * The text, integer and date of an operand for this event, or an EvalFailure when the clock is invalid or a placeholder
 * lands outside the years 1 to 9999 (privacyIDEA's OverflowError).
 *
 * @example
 * const c = compileGeneric('x == {now}-7d', { braces: 'format', integerLeft: false })
 * if (c._tag === 'Right' && c.right.comparison._tag === 'Untyped') resolveOperand(ctx, c.right.comparison.operand)
 * // event.now '2026-11-29T10:00:00+01:00': { text: '2026-11-22T10:00+0100', int: undefined, date: 1795338000000 }
 * @since 0.1.0
 */
export const resolveOperand = (
  ctx: EvalContext,
  operand: Operand,
): { readonly text: string; readonly int: Int | undefined; readonly date: number | undefined } | EvalFailure => {
  if (operand._tag === 'Text') return operand
  const nowMs = eventNow(ctx)
  if (Number.isNaN(nowMs)) return clockFailure(ctx)
  const overflow = templateOverflow(ctx, operand.template, nowMs)
  if (overflow !== undefined) return overflow
  const text = renderedText(ctx, operand.template, nowMs)
  if (operand._tag === 'Now') return { text, int: undefined, date: placeholderInstant(operand.offsetMs, nowMs) }
  return { text, int: parseInteger(text), date: cachedDate(ctx, text) }
}

const untypedText = (
  ctx: EvalContext,
  op: 'eq' | 'ne' | 'lt' | 'gt',
  leftValue: string | number,
  text: string,
  int: Int | undefined,
  date: number | undefined,
): boolean => {
  if (typeof leftValue === 'number') return int !== undefined ? holds(op, compareInt(leftValue, int)) : op === 'ne'
  if (int !== undefined) {
    const li = parseInteger(leftValue)
    if (li !== undefined) return holds(op, compareInt(li, int))
  }
  if (date !== undefined) {
    const ld = cachedDate(ctx, leftValue)
    if (ld !== undefined) return holds(op, ld < date ? -1 : ld > date ? 1 : 0)
  }
  return op === 'eq'
    ? leftValue === text
    : op === 'ne'
      ? leftValue !== text
      : holds(op, compareCodePoints(leftValue, text))
}

const untyped = (
  ctx: EvalContext,
  op: 'eq' | 'ne' | 'lt' | 'gt',
  leftValue: string | number,
  operand: Operand,
): boolean | EvalFailure => {
  if (operand._tag === 'Text') return untypedText(ctx, op, leftValue, operand.text, operand.int, operand.date)
  const nowMs = eventNow(ctx)
  if (Number.isNaN(nowMs)) return clockFailure(ctx)
  const overflow = templateOverflow(ctx, operand.template, nowMs)
  if (overflow !== undefined) return overflow
  if (operand._tag === 'Now') {
    if (typeof leftValue === 'number') return op === 'ne'
    const ld = cachedDate(ctx, leftValue)
    const date = placeholderInstant(operand.offsetMs, nowMs)
    if (ld !== undefined) return holds(op, ld < date ? -1 : ld > date ? 1 : 0)
    // The rendered placeholder is a date and the left side is not, so they differ: == false, != true.
    return holds(op, compareCodePoints(leftValue, renderedText(ctx, operand.template, nowMs)))
  }
  const text = renderedText(ctx, operand.template, nowMs)
  return untypedText(ctx, op, leftValue, text, parseInteger(text), cachedDate(ctx, text))
}

const csvItems = (ctx: EvalContext, text: string): ReadonlySet<string> | undefined =>
  memoLookup(ctx, 'tripline/conditions:csv', text, (t) => {
    const l = parseCsvList(t)
    return l._tag === 'Right' ? new Set(l.right) : undefined
  })

/**
 * Evaluates a compiled comparison against the looked-up left value (undefined = the key is missing ⇒ false).
 *
 * @example
 * compareGeneric(ctx, compiled('myValue<100'), '99') // true
 * @since 0.1.0
 */
export const compareGeneric = (ctx: EvalContext, c: GenericComparison, leftValue: LeftValue): boolean | EvalFailure => {
  if (leftValue === undefined) return false
  switch (c._tag) {
    case 'Untyped':
      return untyped(ctx, c.op, leftValue, c.operand)
    case 'IntOrder': {
      const li = typeof leftValue === 'number' ? leftValue : parseInteger(leftValue)
      return li !== undefined && holds(c.op, compareInt(li, c.operand))
    }
    case 'Matches':
      return typeof leftValue === 'string' && c.regex.test(leftValue) !== c.negate
    case 'In': {
      if (c.items instanceof Set) {
        return typeof leftValue === 'string' ? c.items.has(leftValue) !== c.negate : c.negate
      }
      const r = resolveOperand(ctx, c.items as Operand)
      if (isEvalFailure(r)) return r
      const items = csvItems(ctx, r.text)
      if (items === undefined) return false
      return typeof leftValue === 'string' ? items.has(leftValue) !== c.negate : c.negate
    }
    case 'StringContains': {
      if (typeof leftValue !== 'string') return false
      let needle: string
      if (typeof c.needle === 'string') needle = c.needle
      else {
        const r = resolveOperand(ctx, c.needle)
        if (isEvalFailure(r)) return r
        needle = r.text.toLowerCase()
      }
      return leftValue.toLowerCase().includes(needle) !== c.negate
    }
    case 'DateOrder': {
      if (typeof leftValue !== 'string') return false
      const r = resolveOperand(ctx, c.operand)
      if (isEvalFailure(r)) return r
      // A side that is not a date compares as NaN: neither before nor after anything.
      const ld = cachedDate(ctx, leftValue) ?? Number.NaN
      const rd = r.date ?? Number.NaN
      return c.op === 'before' ? ld < rd : ld > rd
    }
    case 'WithinLast': {
      if (typeof leftValue !== 'string') return false
      const ld = cachedDate(ctx, leftValue)
      if (ld === undefined) return false
      const nowMs = eventNow(ctx)
      if (Number.isNaN(nowMs)) return clockFailure(ctx)
      return nowMs - ld < c.durationMs !== c.negate
    }
    case 'Never':
      return false
  }
}
