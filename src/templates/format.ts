/**
 * Python `str.format` template syntax, parsed once: `{{` and `}}` are literal braces, `{name}` is a replacement
 * field. privacyIDEA formats every notification, log message, webhook payload and Token option with it, so a
 * template here is read exactly as Python reads it, and every construct Python would reject is an error found when
 * the template is parsed — never while an event is rendered.
 *
 * Conversions (`{a!r}`), format specifications (`{a:>5}`), attribute and index access (`{a.b}`, `{a[0]}`) are
 * rejected: privacyIDEA's tags are plain strings and no configuration needs them.
 *
 * @since 0.1.0
 */
import { type Either, left, right } from '../core/either.js'

/**
 * A piece of literal text (braces already unescaped).
 *
 * @example
 * const text: LiteralSegment = { _tag: 'Literal', text: ' enrolled {ok}' } // from ' enrolled {{ok}}'
 * @since 0.1.0
 */
export interface LiteralSegment {
  readonly _tag: 'Literal'
  readonly text: string
}

/**
 * A replacement field. `name` is the field name as written: `''` for an automatically numbered field (`{}`),
 * digits for a positional field (`{0}`), anything else for a keyword field (`{serial}`).
 *
 * @example
 * const serial: FieldSegment = { _tag: 'Field', name: 'serial' } // from '{serial}'
 * @since 0.1.0
 */
export interface FieldSegment {
  readonly _tag: 'Field'
  readonly name: string
}

/**
 * One segment of a parsed template.
 *
 * @example
 * const segments: ReadonlyArray<Segment> = [
 *   { _tag: 'Literal', text: 'Token ' },
 *   { _tag: 'Field', name: 'serial' },
 * ] // parseFormat('Token {serial}')
 * @since 0.1.0
 */
export type Segment = LiteralSegment | FieldSegment

/**
 * Why a template does not parse; `offset` is the index in the template where the problem starts.
 *
 * @example
 * const error: FormatError = { message: "expected '}' before end of string", offset: 6 } // parseFormat('Hello {user')
 * @since 0.1.0
 */
export interface FormatError {
  readonly message: string
  readonly offset: number
}

const literal = (text: string): LiteralSegment => ({ _tag: 'Literal', text })
const field = (name: string): FieldSegment => ({ _tag: 'Field', name })
const formatError = (message: string, offset: number): FormatError => ({ message, offset })

/** Reads the replacement field that starts after the `{` at `open`; returns its text and the index after `}`. */
const readField = (
  template: string,
  open: number,
): Either<FormatError, { readonly text: string; readonly next: number }> => {
  // CPython's MarkupIterator: nested braces are counted so that a format spec such as `{a:{b}}` stays one field.
  let depth = 1
  for (let i = open + 1; i < template.length; i++) {
    const c = template[i]
    if (c === '{') depth++
    else if (c === '}') {
      depth--
      if (depth === 0) return right({ text: template.slice(open + 1, i), next: i + 1 })
    }
  }
  return left(formatError("expected '}' before end of string", open))
}

/**
 * Checks a field's text and returns its name; conversions, specs, attributes and indexes are refused. An empty spec
 * (`{a:}`) is no spec, as in Python; a `{` in the field name is Python's "unexpected '{' in field name".
 */
const fieldName = (text: string, offset: number): Either<FormatError, string> => {
  const shown = `{${text}}`
  if ((text.split(/[!:]/, 1)[0] as string).includes('{'))
    return left(formatError(`${shown}: unexpected '{' in field name`, offset))
  const stop = text.search(/[.[!:]/)
  if (stop === -1) return right(text)
  const name = text.slice(0, stop)
  if (text[stop] === ':' && stop === text.length - 1) return right(name)
  switch (text[stop]) {
    case '!':
      return left(formatError(`${shown}: conversions such as "!r" are not supported; write {${name}}`, offset))
    case ':':
      return left(formatError(`${shown}: format specifications are not supported; write {${name}}`, offset))
    default:
      return left(formatError(`${shown}: attribute and index access are not supported; write {${name}}`, offset))
  }
}

/**
 * A hook for template dialects built on `str.format` (the Token handler's `{now}+7d`): called at every `{` that is
 * not an escaped `{{`; when it recognises what starts there it returns its segment and the index after it.
 *
 * @example
 * const nowHook: FieldHook<{ readonly _tag: 'Now' }> = (template, index) =>
 *   template.startsWith('{now}', index) ? { segment: { _tag: 'Now' }, next: index + '{now}'.length } : undefined
 * @since 0.1.0
 */
export type FieldHook<S> = (
  template: string,
  index: number,
) => { readonly segment: S; readonly next: number } | undefined

/**
 * Parses a template into literal, field and hook segments with Python's `str.format` rules. Adjacent literals
 * are merged. Never throws.
 *
 * @example
 * parseFormatWith('valid until {now}+7d', nowHook)
 * // right([{ _tag: 'Literal', text: 'valid until ' }, { _tag: 'Now' }, { _tag: 'Literal', text: '+7d' }])
 * @since 0.1.0
 */
export const parseFormatWith = <S>(
  template: string,
  hook: FieldHook<S> | undefined,
): Either<FormatError, ReadonlyArray<Segment | S>> => {
  const segments: Array<Segment | S> = []
  let text = ''
  const flush = (): void => {
    if (text !== '') segments.push(literal(text))
    text = ''
  }
  let i = 0
  while (i < template.length) {
    const c = template[i] as string
    if (c === '}') {
      if (template[i + 1] !== '}') return left(formatError("Single '}' encountered in format string", i))
      text += '}'
      i += 2
    } else if (c === '{') {
      if (template[i + 1] === '{') {
        text += '{'
        i += 2
        continue
      }
      const hooked = hook?.(template, i)
      if (hooked !== undefined) {
        flush()
        segments.push(hooked.segment)
        i = hooked.next
        continue
      }
      if (i + 1 >= template.length) return left(formatError("Single '{' encountered in format string", i))
      const read = readField(template, i)
      if (read._tag === 'Left') return read
      const name = fieldName(read.right.text, i)
      if (name._tag === 'Left') return name
      flush()
      segments.push(field(name.right))
      i = read.right.next
    } else {
      text += c
      i++
    }
  }
  flush()
  return right(segments)
}

/**
 * Parses a template into literal and field segments with Python's `str.format` rules. Adjacent literals are
 * merged. Never throws.
 *
 * @example
 * parseFormat('Hello {user}, {{literal}}')
 * // right([{ _tag: 'Literal', text: 'Hello ' }, { _tag: 'Field', name: 'user' }, { _tag: 'Literal', text: ', {literal}' }])
 * parseFormat('oops }') // left({ message: "Single '}' encountered in format string", offset: 5 })
 * @since 0.1.0
 */
export const parseFormat = (template: string): Either<FormatError, ReadonlyArray<Segment>> =>
  parseFormatWith<never>(template, undefined)

/**
 * Escapes literal text so that `parseFormat` reads it back unchanged: `{` → `{{`, `}` → `}}`.
 *
 * @example
 * escapeFormat('a{b}') // 'a{{b}}'
 * @since 0.1.0
 */
export const escapeFormat = (text: string): string => text.replace(/[{}]/g, (b) => b + b)

/**
 * Writes segments back as a template (the inverse of `parseFormat` up to merging of literals).
 *
 * @example
 * printFormat([{ _tag: 'Literal', text: '{' }, { _tag: 'Field', name: 'serial' }]) // '{{{serial}'
 * @since 0.1.0
 */
export const printFormat = (segments: ReadonlyArray<Segment>): string =>
  segments.map((s) => (s._tag === 'Literal' ? escapeFormat(s.text) : `{${s.name}}`)).join('')
