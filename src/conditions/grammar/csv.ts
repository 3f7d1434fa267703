/**
 * The CSV list reader of the `in` / `!in` comparators (SPEC 3.1): Python's `csv.reader` with `strict=True`,
 * `skipinitialspace=True`, `doublequote=False`, `escapechar='\\'` over one line. Items may be double-quoted,
 * a backslash escapes the next character, blanks right after a comma are skipped. Malformed input (an unterminated
 * quote, a trailing backslash, a line break outside quotes) is a `Left` with the reason: privacyIDEA's comparison
 * is then false.
 *
 * @since 0.1.0
 */
import { type Either, left, right } from '../../core/either.js'

type State =
  | 'StartRecord'
  | 'StartField'
  | 'Escaped'
  | 'AfterEscapedCrNl'
  | 'InField'
  | 'InQuoted'
  | 'EscapeInQuoted'
  | 'EatCrNl'

/**
 * Reads a comma-separated list as Python's csv module does for this dialect.
 *
 * @example
 * parseCsvList('a,b,c') // right(['a', 'b', 'c'])
 * parseCsvList('a, "b,c", d\\,e') // right(['a', 'b,c', 'd,e'])
 * parseCsvList('') // right([])
 * parseCsvList('"open') // left('unexpected end of data in "\\"open"')
 * @since 0.1.0
 */
export const parseCsvList = (text: string): Either<string, ReadonlyArray<string>> => {
  const fields: string[] = []
  let field = ''
  let state: State = 'StartRecord'
  let rowDone = false
  const save = (): void => {
    fields.push(field)
    field = ''
  }
  // Process every character, then the end-of-line marker (undefined), as CPython's parse_process_char does.
  const chars: ReadonlyArray<string | undefined> = [...Array.from(text), undefined]
  for (const c of chars) {
    if (rowDone) {
      if (c === undefined) break
      return left(`a line break inside ${JSON.stringify(text)} must be quoted`)
    }
    switch (state) {
      case 'StartRecord':
        if (c === undefined) return right([])
        if (c === '\n' || c === '\r') {
          state = 'EatCrNl'
          break
        }
        state = 'StartField'
        if (c === '"') state = 'InQuoted'
        else if (c === '\\') state = 'Escaped'
        else if (c === ' ') break
        else if (c === ',') save()
        else {
          field += c
          state = 'InField'
        }
        break
      case 'StartField':
        if (c === undefined || c === '\n' || c === '\r') {
          save()
          if (c === undefined) rowDone = true
          else state = 'EatCrNl'
        } else if (c === '"') state = 'InQuoted'
        else if (c === '\\') state = 'Escaped'
        else if (c === ' ') break
        else if (c === ',') save()
        else {
          field += c
          state = 'InField'
        }
        break
      case 'Escaped':
        if (c === undefined) return left(`unexpected end of data in ${JSON.stringify(text)} (a trailing backslash)`)
        field += c
        state = c === '\n' || c === '\r' ? 'AfterEscapedCrNl' : 'InField'
        break
      case 'AfterEscapedCrNl':
        // CPython falls through to the in-field rules without leaving this state: text after an escaped line break
        // stays in it until a comma, a backslash or a line break, and the end of the line does not end the field.
        if (c === undefined) return left(`unexpected end of data in ${JSON.stringify(text)} (an escaped line break)`)
        if (c === '\n' || c === '\r') {
          save()
          state = 'EatCrNl'
        } else if (c === '\\') state = 'Escaped'
        else if (c === ',') {
          save()
          state = 'StartField'
        } else field += c
        break
      case 'InField':
        if (c === undefined || c === '\n' || c === '\r') {
          save()
          if (c === undefined) rowDone = true
          else state = 'EatCrNl'
        } else if (c === '\\') state = 'Escaped'
        else if (c === ',') {
          save()
          state = 'StartField'
        } else field += c
        break
      case 'InQuoted':
        if (c === undefined) return left(`unexpected end of data in ${JSON.stringify(text)} (an unterminated quote)`)
        if (c === '\\') state = 'EscapeInQuoted'
        else if (c === '"') state = 'InField'
        else field += c
        break
      case 'EscapeInQuoted':
        if (c === undefined) return left(`unexpected end of data in ${JSON.stringify(text)} (an unterminated quote)`)
        field += c
        state = 'InQuoted'
        break
      case 'EatCrNl':
        if (c === '\n' || c === '\r') break
        if (c === undefined) {
          rowDone = true
          break
        }
        return left(`a line break inside ${JSON.stringify(text)} must be quoted`)
    }
  }
  return right(fields)
}
