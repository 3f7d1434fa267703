/**
 * Templates compiled once and rendered per event. A template is checked against the tags its place allows when the
 * binding compiles (an unknown tag is a configuration error, SPEC D11); rendering is then a walk over literal and
 * tag segments that never fails. A tag with no value renders as `""` (SPEC D9).
 *
 * Tag values are looked up as own properties only: `{__proto__}` or `{constructor}` never reach a prototype.
 *
 * @since 0.1.0
 */
import { type Either, left, right } from '../core/either.js'
import { type Issue, issue, type Path } from '../core/errors.js'
import { parseFormat, type Segment } from './format.js'

/**
 * A template parsed and checked once.
 *
 * @example
 * const template: CompiledTemplate = {
 *   source: 'Hello {user}',
 *   segments: [
 *     { _tag: 'Literal', text: 'Hello ' },
 *     { _tag: 'Field', name: 'user' },
 *   ],
 *   tags: ['user'],
 * }
 * @since 0.1.0
 */
export interface CompiledTemplate {
  /** The template as configured. */
  readonly source: string
  readonly segments: ReadonlyArray<Segment>
  /** The distinct tag names it uses, in order of first use. */
  readonly tags: ReadonlyArray<string>
}

/**
 * Where a template is configured and which tags it may use.
 *
 * @example
 * const place: TemplatePlace = { path: ['options', 'body'], label: 'sendmail body', known: NOTIFICATION_TAG_SET }
 * @since 0.1.0
 */
export interface TemplatePlace {
  /** The issue path, e.g. `['options', 'body']`. */
  readonly path: Path
  /** What a person calls it in a message, e.g. `sendmail body`. */
  readonly label: string
  readonly known: ReadonlySet<string>
}

const listTags = (known: ReadonlySet<string>): string => [...known].map((t) => `{${t}}`).join(', ')

/**
 * Parses a template and checks every tag against the place's known tags. `Left` issues: `invalid-template` for
 * broken braces, `unknown-tag` for a tag the place does not know (including positional `{0}`/`{}`).
 *
 * @example
 * compileTemplate('Hello {user}', { path: ['options', 'body'], label: 'body', known: new Set(['user']) })
 * // right({ source: 'Hello {user}', segments: [...], tags: ['user'] })
 * @since 0.1.0
 */
export const compileTemplate = (
  source: string,
  place: TemplatePlace,
): Either<ReadonlyArray<Issue>, CompiledTemplate> => {
  const parsed = parseFormat(source)
  if (parsed._tag === 'Left')
    return left([
      issue(
        'invalid-template',
        `${place.label}: ${parsed.left.message} (at character ${parsed.left.offset + 1}); write {{ and }} for literal braces`,
        place.path,
      ),
    ])
  const tags: string[] = []
  const issues: Issue[] = []
  for (const s of parsed.right) {
    if (s._tag !== 'Field') continue
    if (!place.known.has(s.name)) {
      issues.push(
        issue(
          'unknown-tag',
          `${place.label}: unknown tag {${s.name}}; known tags: ${listTags(place.known)}`,
          place.path,
        ),
      )
    } else if (!tags.includes(s.name)) tags.push(s.name)
  }
  return issues.length > 0 ? left(issues) : right({ source, segments: parsed.right, tags })
}

/**
 * Renders a compiled template with a lookup for tag values. Total: the lookup is only ever asked for tags the
 * template was checked to contain.
 *
 * @example
 * const compiled = compileTemplate('Hello {user}', place)
 * if (isRight(compiled)) renderCompiled(compiled.right, (tag) => notificationTag(ctx, tag as NotificationTag))
 * // 'Hello Alice'
 * @since 0.1.0
 */
export const renderCompiled = (template: CompiledTemplate, value: (tag: string) => string): string => {
  let out = ''
  for (const s of template.segments) out += s._tag === 'Literal' ? s.text : value(s.name)
  return out
}

/** A tag value from a host-supplied record: own string (or number/boolean) properties only, else `""`. */
const ownValue = (tags: Readonly<Record<string, unknown>>, name: string): string => {
  if (!Object.hasOwn(tags, name)) return ''
  const v = tags[name]
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : ''
}

/**
 * Renders a template with Python `str.format` syntax for hosts that render per recipient (SPEC 5). Never throws:
 * a tag missing from `tags` renders as `""` (D9), positional fields (`{0}`, `{}`) too, and a template whose braces do
 * not parse (`{`, `}` alone) is returned unchanged. Only own properties of `tags` are read.
 *
 * @example
 * renderTemplate('Hello {user}, your token {serial}', { user: 'Alice', serial: 'TOTP0001' })
 * // 'Hello Alice, your token TOTP0001'
 * renderTemplate('{{literal}} {missing}', {}) // '{literal} '
 * @since 0.1.0
 */
export const renderTemplate = (template: string, tags: Readonly<Record<string, string>>): string => {
  if (typeof template !== 'string') return ''
  const parsed = parseFormat(template)
  if (parsed._tag === 'Left') return template
  const record: Readonly<Record<string, unknown>> = typeof tags === 'object' && tags !== null ? tags : {}
  let out = ''
  for (const s of parsed.right) out += s._tag === 'Literal' ? s.text : ownValue(record, s.name)
  return out
}

/**
 * HTML-escapes a tag value as Python's `html.escape(s, quote=True)`: `&`, `<`, `>`, `"`, `'`.
 *
 * @example
 * escapeHtml('<b>"Tom" & \'Jerry\'</b>') // '&lt;b&gt;&quot;Tom&quot; &amp; &#x27;Jerry&#x27;&lt;/b&gt;'
 * @since 0.1.0
 */
export const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#x27;',
  )
