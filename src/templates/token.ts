/**
 * The Token handler's option templates (SPEC 4.2): `set description` and `set tokeninfo` values are Python
 * `str.format` templates with `{now}` / `{current_time}` — each with its own offset such as `{now}+7d` or
 * `{now} - 2h` (D5, D6, D18) — and the tags `{client_ip}`, `{ua_browser}`, `{ua_string}`; `set tokeninfo` also
 * knows `{username}` and `{realm}`, the login and realm of the user in event (D4). Time is rendered as privacyIDEA's
 * `YYYY-MM-DD HH:MM:SS.ffffff±hhmm` in the offset of `event.now`.
 *
 * @since 0.1.0
 */
import { eventNow, eventOffset } from '../conditions/grammar/clock.js'
import { formatInOffset } from '../conditions/grammar/date.js'
import { matchNowPlaceholder } from '../conditions/grammar/now.js'
import type { EvalContext } from '../core/context.js'
import { type Either, left, right } from '../core/either.js'
import { type Issue, issue } from '../core/errors.js'
import { type FieldHook, parseFormatWith, type Segment } from './format.js'
import type { TemplatePlace } from './render.js'
import { eventUser } from './tags.js'

/**
 * A `{now}` or `{current_time}` placeholder and its offset.
 *
 * @example
 * const inAWeek: NowField = { _tag: 'Now', placeholder: 'now', offsetMs: 604800000, source: '{now}+7d' }
 * @since 0.1.0
 */
export interface NowField {
  readonly _tag: 'Now'
  readonly placeholder: 'now' | 'current_time'
  /** Milliseconds added to the event's clock. */
  readonly offsetMs: number
  /** As written, e.g. `{now} - 7d`. */
  readonly source: string
}

/**
 * A segment of a Token option template.
 *
 * @example
 * const segments: ReadonlyArray<TokenSegment> = [
 *   { _tag: 'Literal', text: 'seen ' },
 *   { _tag: 'Now', placeholder: 'now', offsetMs: -86400000, source: '{now}-1d' },
 *   { _tag: 'Literal', text: ' from ' },
 *   { _tag: 'Field', name: 'client_ip' },
 * ] // 'seen {now}-1d from {client_ip}'
 * @since 0.1.0
 */
export type TokenSegment = Segment | NowField

/**
 * The tags of `set description` (besides `{now}`/`{current_time}`).
 *
 * @example
 * compileTokenTemplate('enrolled {now} via {ua_browser}', {
 *   path: ['options', 'description'],
 *   label: 'set description',
 *   known: DESCRIPTION_TAGS,
 * })
 * @since 0.1.0
 */
export const DESCRIPTION_TAGS: ReadonlySet<string> = new Set(['client_ip', 'ua_browser', 'ua_string'])

/**
 * The tags of `set tokeninfo` (besides `{now}`/`{current_time}`).
 *
 * @example
 * TOKENINFO_TAGS.has('username') // true
 * DESCRIPTION_TAGS.has('username') // false
 * @since 0.1.0
 */
export const TOKENINFO_TAGS: ReadonlySet<string> = new Set([
  'client_ip',
  'ua_browser',
  'ua_string',
  'username',
  'realm',
])

/**
 * A Token option template, compiled once.
 *
 * @example
 * const template: TokenTemplate = {
 *   source: '{now}+7d',
 *   segments: [{ _tag: 'Now', placeholder: 'now', offsetMs: 604800000, source: '{now}+7d' }],
 *   tags: [],
 *   usesClock: true,
 *   warnings: [],
 * }
 * @since 0.1.0
 */
export interface TokenTemplate {
  readonly source: string
  readonly segments: ReadonlyArray<TokenSegment>
  readonly tags: ReadonlyArray<string>
  readonly usesClock: boolean
  readonly warnings: ReadonlyArray<Issue>
}

/**
 * Compiles a Token option template. An unknown tag or an unbalanced brace is a configuration error (D5).
 *
 * @example
 * compileTokenTemplate('seen {now}-1d from {client_ip}', { path: ['options', 'value'], label: 'value', known: TOKENINFO_TAGS })
 * @since 0.1.0
 */
export const compileTokenTemplate = (
  source: string,
  place: TemplatePlace,
): Either<ReadonlyArray<Issue>, TokenTemplate> => {
  const warnings: Issue[] = []
  const hook: FieldHook<NowField> = (text, index) => {
    const m = matchNowPlaceholder(text, index)
    if (m === undefined) return undefined
    if (m.warning !== undefined) warnings.push(issue('offset-unit', `${place.label}: ${m.warning}`, place.path))
    return {
      segment: { _tag: 'Now', placeholder: m.placeholder, offsetMs: m.offsetMs, source: text.slice(index, m.end) },
      next: m.end,
    }
  }
  const read = parseFormatWith(source, hook)
  // `{now:}` (an empty format spec) is `{now}` to Python's str.format, without an offset (the hook reads `{now}`).
  const parsed =
    read._tag === 'Left'
      ? read
      : right(
          read.right.map(
            (s): TokenSegment =>
              s._tag === 'Field' && (s.name === 'now' || s.name === 'current_time')
                ? { _tag: 'Now', placeholder: s.name, offsetMs: 0, source: `{${s.name}:}` }
                : s,
          ),
        )
  if (parsed._tag === 'Left')
    return left([
      issue(
        'invalid-template',
        `${place.label}: ${parsed.left.message} (at character ${parsed.left.offset + 1}); write {{ and }} for literal braces`,
        place.path,
      ),
    ])
  const known = [...place.known].map((t) => `{${t}}`).join(', ')
  const issues: Issue[] = []
  const tags: string[] = []
  for (const s of parsed.right) {
    if (s._tag !== 'Field') continue
    if (!place.known.has(s.name))
      issues.push(
        issue(
          'unknown-tag',
          `${place.label}: unknown tag {${s.name}}; known tags: {now}, {current_time} (with an optional offset such as +7d), ${known}`,
          place.path,
        ),
      )
    else if (!tags.includes(s.name)) tags.push(s.name)
  }
  if (issues.length > 0) return left(issues)
  return right({
    source,
    segments: parsed.right,
    tags,
    usesClock: parsed.right.some((s) => s._tag === 'Now'),
    warnings,
  })
}

const tokenTag = (ctx: EvalContext, tag: string): string => {
  const e = ctx.event
  switch (tag) {
    case 'client_ip':
      return e.request.clientIp ?? ''
    case 'ua_browser':
      return e.request.browser ?? ''
    case 'ua_string':
      return e.request.userAgent ?? ''
    case 'username':
      return eventUser(e)?.login ?? ''
    case 'realm':
      return eventUser(e)?.realm ?? ''
    default:
      return ''
  }
}

/**
 * Renders a Token option template for the current event; `undefined` when it needs the clock and `event.now` is
 * not a date-time (the binding then fails, as privacyIDEA cannot render it either).
 *
 * @example
 * // template compiled from 'seen {now}-1d from {client_ip}'; now '2026-11-29T10:00:00+01:00', clientIp '10.0.0.5'
 * renderTokenTemplate(template, makeContext(event)) // 'seen 2026-11-28 10:00:00.000000+0100 from 10.0.0.5'
 * @since 0.1.0
 */
export const renderTokenTemplate = (template: TokenTemplate, ctx: EvalContext): string | undefined => {
  const now = template.usesClock ? eventNow(ctx) : 0
  if (!Number.isFinite(now)) return undefined
  const offset = template.usesClock ? eventOffset(ctx) : 0
  let out = ''
  for (const s of template.segments) {
    if (s._tag === 'Literal') out += s.text
    else if (s._tag === 'Field') out += tokenTag(ctx, s.name)
    else out += formatInOffset(now + s.offsetMs, offset, 'YYYY-MM-DD HH:MM:SS.ffffff±hhmm')
  }
  return out
}
