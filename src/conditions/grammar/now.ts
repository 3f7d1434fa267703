/**
 * The `{now}` / `{current_time}` placeholder grammar with offsets (SPEC 3.1, D5, D6, D18), compiled once into
 * data and rendered per event from the event's clock.
 *
 * A placeholder may be followed by an offset: optional blanks, `+` or `-`, optional blanks, digits, optional blanks,
 * one unit `s`, `m`, `h` or `d` (`{now}-7d`, `{now} - 7d`, `{current_time}+30m`). Every placeholder carries its own
 * offset (D18). Two brace modes:
 * - `format` (tokeninfo, Token handler values): Python `str.format` rules: `{{` and `}}` are literal braces; any
 *   field other than `{now}` and `{current_time}`, and any unbalanced brace, is an error.
 * - `literal` (user_info): only `{now}` and `{current_time}` are replaced; every other brace is text.
 *
 * @since 0.1.0
 */
import { type Either, left, right } from '../../core/either.js'
import { type EvalFailure, evalFailure } from '../../core/errors.js'
import { PY_BLANKS } from './comparator.js'
import { type DatePattern, formatInOffset, inDatetimeRange } from './date.js'
import { DURATION_UNITS } from './duration.js'
import { digitsValue } from './integer.js'

/**
 * A piece of a compiled template.
 *
 * @example
 * const segment: NowSegment = { _tag: 'Now', placeholder: 'now', offsetMs: 604800000, source: '{now}+7d' }
 * @since 0.1.0
 */
export type NowSegment =
  | { readonly _tag: 'Text'; readonly text: string }
  | {
      readonly _tag: 'Now'
      readonly placeholder: 'now' | 'current_time'
      /** The offset in milliseconds (0 when none). */
      readonly offsetMs: number
      /** The placeholder and offset as written, e.g. `{now} - 7d`. */
      readonly source: string
    }

/**
 * A compiled template: text and placeholders, plus non-fatal findings.
 *
 * @example
 * compileNowTemplate('until {now}+7d', 'format')
 * // right({ source: 'until {now}+7d', segments: [{ _tag: 'Text', text: 'until ' }, { _tag: 'Now', ... }],
 * //         placeholders: 1, warnings: [] })
 * @since 0.1.0
 */
export interface NowTemplate {
  readonly source: string
  readonly segments: ReadonlyArray<NowSegment>
  /** Number of `Now` segments. */
  readonly placeholders: number
  /** E.g. an offset with unit `y`, which is not an offset unit and stays text. */
  readonly warnings: ReadonlyArray<string>
}

/**
 * How braces other than the placeholders are read.
 *
 * @example
 * compileNowTemplate('{user} since {now}', 'literal') // {user} stays text; in 'format' mode it is an error
 * @since 0.1.0
 */
export type BraceMode = 'format' | 'literal'

const PLACEHOLDER = /^\{(now|current_time)\}/
// Digits as Python's `re` reads `\d` on text (any Unicode Nd); blanks as Python's whitespace (D6).
const S = PY_BLANKS
const OFFSET = new RegExp(`^${S}([+-])${S}(\\p{Nd}+)${S}([smhd])`, 'u')
const NEAR_OFFSET = new RegExp(`^${S}[+-]${S}\\p{Nd}+${S}([A-Za-z])`, 'u')

/**
 * A placeholder found at a position: its name, offset and where it ends.
 *
 * @example
 * const m: NowMatch | undefined = matchNowPlaceholder('x {now} - 7d', 2)
 * // { placeholder: 'now', offsetMs: -604800000, end: 12 }
 * @since 0.1.0
 */
export interface NowMatch {
  readonly placeholder: 'now' | 'current_time'
  readonly offsetMs: number
  /** Index just past the placeholder and its offset. */
  readonly end: number
  /** A warning when an offset-like text with another unit follows. */
  readonly warning?: string
}

/**
 * Reads a `{now}` or `{current_time}` placeholder, and the offset after it, starting exactly at `index`.
 * For other template parsers (the Token handler) that meet a `{` and want to know whether it starts one.
 *
 * @example
 * matchNowPlaceholder('x {now} - 7d', 2) // { placeholder: 'now', offsetMs: -604800000, end: 12 }
 * matchNowPlaceholder('{other}', 0) // undefined
 * @since 0.1.0
 */
export const matchNowPlaceholder = (text: string, index: number): NowMatch | undefined => {
  const p = PLACEHOLDER.exec(text.slice(index, index + 14))
  if (p === null) return undefined
  const placeholder = p[1] as 'now' | 'current_time'
  const after = index + p[0].length
  const rest = text.slice(after)
  const o = OFFSET.exec(rest)
  if (o !== null) {
    const magnitude = digitsValue(o[2] ?? '') * DURATION_UNITS[o[3] as 's' | 'm' | 'h' | 'd']
    return { placeholder, offsetMs: o[1] === '-' ? -magnitude : magnitude, end: after + o[0].length }
  }
  const near = NEAR_OFFSET.exec(rest)
  return near === null
    ? { placeholder, offsetMs: 0, end: after }
    : {
        placeholder,
        offsetMs: 0,
        end: after,
        warning: `the offset unit "${near[1]}" after {${placeholder}} is not one of s, m, h, d; the offset text stays as written`,
      }
}

const describeField = (text: string, open: number): string => {
  const close = text.indexOf('}', open)
  return close < 0 ? text.slice(open) : text.slice(open, close + 1)
}

/**
 * Compiles a value with `{now}` / `{current_time}` placeholders. `Left` is a reason (`format` mode only: an unknown
 * placeholder or an unbalanced brace).
 *
 * @example
 * compileNowTemplate('{now}-2h', 'format') // right({ segments: [{ _tag: 'Now', offsetMs: -7200000, ... }], ... })
 * compileNowTemplate('{other}', 'format') // left('unknown placeholder "{other}"; only {now} and {current_time} ...')
 * compileNowTemplate('{other}', 'literal') // right({ segments: [{ _tag: 'Text', text: '{other}' }], ... })
 * @since 0.1.0
 */
export const compileNowTemplate = (text: string, mode: BraceMode): Either<string, NowTemplate> => {
  const segments: NowSegment[] = []
  const warnings: string[] = []
  let buffer = ''
  let i = 0
  while (i < text.length) {
    const ch = text[i] as string
    if (ch === '{') {
      const m = matchNowPlaceholder(text, i)
      if (m !== undefined) {
        if (buffer !== '') segments.push({ _tag: 'Text', text: buffer })
        buffer = ''
        segments.push({ _tag: 'Now', placeholder: m.placeholder, offsetMs: m.offsetMs, source: text.slice(i, m.end) })
        if (m.warning !== undefined) warnings.push(m.warning)
        i = m.end
        continue
      }
      if (mode === 'format') {
        if (text[i + 1] === '{') {
          buffer += '{'
          i += 2
          continue
        }
        const field = describeField(text, i)
        return left(
          field.endsWith('}')
            ? `unknown placeholder ${JSON.stringify(field)}; only {now} and {current_time} are allowed (write {{ and }} for literal braces)`
            : `unbalanced "{" in ${JSON.stringify(text)}; write {{ for a literal brace`,
        )
      }
    } else if (ch === '}' && mode === 'format') {
      if (text[i + 1] === '}') {
        buffer += '}'
        i += 2
        continue
      }
      return left(`unbalanced "}" in ${JSON.stringify(text)}; write }} for a literal brace`)
    }
    buffer += ch
    i += 1
  }
  if (buffer !== '') segments.push({ _tag: 'Text', text: buffer })
  return right({
    source: text,
    segments,
    placeholders: segments.filter((s) => s._tag === 'Now').length,
    warnings,
  })
}

/**
 * The instant a placeholder stands for: the event's clock plus the offset, truncated to the minute as privacyIDEA
 * renders it (`YYYY-MM-DDTHH:MM±hhmm`) for conditions.
 *
 * @example
 * placeholderInstant(-7200000, Date.UTC(2026, 10, 29, 10, 0, 42)) // Date.UTC(2026, 10, 29, 8, 0)
 * @since 0.1.0
 */
export const placeholderInstant = (offsetMs: number, nowMs: number): number =>
  Math.floor((nowMs + offsetMs) / 60000) * 60000

/**
 * Renders a compiled template for one event: each placeholder becomes the event's clock plus its offset, in the
 * event's UTC offset and the given pattern (conditions: `YYYY-MM-DDTHH:MM±hhmm`; Token handler values:
 * `YYYY-MM-DD HH:MM:SS.ffffff±hhmm`).
 *
 * @example
 * renderNowTemplate(template, Date.UTC(2026, 10, 29, 9), 60, 'YYYY-MM-DDTHH:MM±hhmm') // '2026-11-29T10:00+0100'
 * @since 0.1.0
 */
export const renderNowTemplate = (
  template: NowTemplate,
  nowMs: number,
  offsetMinutes: number,
  pattern: DatePattern,
): string => {
  let out = ''
  for (const s of template.segments) {
    out += s._tag === 'Text' ? s.text : formatInOffset(nowMs + s.offsetMs, offsetMinutes, pattern)
  }
  return out
}

/**
 * The text of a template without placeholders (escapes resolved), or `undefined` when it has placeholders.
 *
 * @example
 * constantText(compiled('{{a}}')) // '{a}'
 * @since 0.1.0
 */
export const constantText = (template: NowTemplate): string | undefined =>
  template.placeholders === 0 ? template.segments.map((s) => (s._tag === 'Text' ? s.text : '')).join('') : undefined

/**
 * The first placeholder of a template whose date, for this clock, lies outside Python's `datetime` range (years 1
 * to 9999), or `undefined`. privacyIDEA raises `OverflowError` there; the caller turns it into an `EvalFailure`.
 *
 * @example
 * // template compiled from 'x < {now}-99999999999d'
 * outOfRangePlaceholder(template, Date.UTC(2026, 10, 29), 60) // '{now}-99999999999d'
 * @since 0.1.0
 */
export const outOfRangePlaceholder = (
  template: {
    readonly segments: ReadonlyArray<{ readonly _tag: string; readonly offsetMs?: number; readonly source?: string }>
  },
  nowMs: number,
  offsetMinutes: number,
): string | undefined => {
  for (const s of template.segments)
    if (s._tag === 'Now' && !inDatetimeRange(nowMs + (s.offsetMs ?? 0), offsetMinutes)) return s.source ?? '{now}'
  return undefined
}

/**
 * The `EvalFailure` of a date outside Python's range: privacyIDEA's `OverflowError`.
 *
 * @example
 * dateOverflow('{now}-99999999999d', '2026-11-29T10:00:00+01:00').errorTag // 'OverflowError'
 * @since 0.1.0
 */
export const dateOverflow = (placeholder: string, now: string | undefined): EvalFailure =>
  evalFailure(
    'OverflowError',
    `${placeholder} lands outside the years 1 to 9999 for event.now ${JSON.stringify(now ?? '')}: date value out of range`,
  )
