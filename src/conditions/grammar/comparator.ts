/**
 * The condition-string parser (SPEC 3.1), shared by the integer conditions and the generic key comparisons.
 *
 * Trim the value; try candidate comparator tokens in a fixed order and take the first that splits the string into
 * exactly two pieces (splitting on every occurrence): the quoted primary comparators of the mode, then the quoted
 * basic comparators, then the same basic comparators unquoted. Both pieces are trimmed and the quotes are dropped
 * from the comparator. When nothing splits into two, the result is `equals` with an empty key and the whole string
 * as value; a value that contains a comparator twice (`a==b==c`) therefore degrades to a key-less condition.
 *
 * @since 0.1.0
 */

/**
 * The comparator spellings privacyIDEA knows.
 *
 * @example
 * const c: Comparator = 'date_within_last'
 * @since 0.1.0
 */
export type Comparator =
  | 'equals'
  | '!equals'
  | 'contains'
  | '!contains'
  | 'matches'
  | '!matches'
  | 'in'
  | '!in'
  | 'date_before'
  | 'date_after'
  | 'date_within_last'
  | '!date_within_last'
  | 'string_contains'
  | '!string_contains'
  | '=='
  | '!='
  | '<='
  | '=<'
  | '>='
  | '=>'
  | '<'
  | '>'
  | '='

/**
 * Integer conditions (`count_auth`, `failcounter`, ...) or generic key comparisons (`tokeninfo`, ...).
 *
 * @example
 * parseComparison('>=5', 'integer').comparator // '>='
 * @since 0.1.0
 */
export type ParseMode = 'integer' | 'generic'

/**
 * The result of parsing a condition string.
 *
 * @example
 * const parsed: ParsedComparison = parseComparison('myValue<100', 'generic')
 * // { key: 'myValue', comparator: '<', value: '100', written: '<', repeated: [] }
 * @since 0.1.0
 */
export interface ParsedComparison {
  /** The trimmed text left of the comparator; `''` when nothing split. */
  readonly key: string
  readonly comparator: Comparator
  /** The trimmed text right of the comparator; the whole trimmed value when nothing split. */
  readonly value: string
  /** The candidate token that split the value, as written (`'matches'`, `<`), or undefined when nothing split. */
  readonly written: string | undefined
  /** Candidate tokens that occur in the value but split it into more than two pieces. */
  readonly repeated: ReadonlyArray<string>
}

const INTEGER_PRIMARY: ReadonlyArray<Comparator> = ['equals', '!equals', '<', '>']
const GENERIC_PRIMARY: ReadonlyArray<Comparator> = [
  'equals',
  '!equals',
  'contains',
  '!contains',
  'matches',
  '!matches',
  'in',
  '!in',
  '<',
  '>',
  'date_before',
  'date_after',
  'date_within_last',
  '!date_within_last',
  'string_contains',
  '!string_contains',
]
const BASIC: ReadonlyArray<Comparator> = ['==', '!=', '<=', '=<', '>=', '=>', '<', '>', '=']

const candidates = (primary: ReadonlyArray<Comparator>): ReadonlyArray<readonly [string, Comparator]> => [
  ...primary.map((c) => [`'${c}'`, c] as const),
  ...BASIC.map((c) => [`'${c}'`, c] as const),
  ...BASIC.map((c) => [c, c] as const),
]

const CANDIDATES: Readonly<Record<ParseMode, ReadonlyArray<readonly [string, Comparator]>>> = {
  integer: candidates(INTEGER_PRIMARY),
  generic: candidates(GENERIC_PRIMARY),
}

/**
 * The candidate tokens of a mode, in the order they are tried, as written.
 *
 * @example
 * comparatorCandidates('integer').slice(0, 6) // ["'equals'", "'!equals'", "'<'", "'>'", "'=='", "'!='"]
 * @since 0.1.0
 */
export const comparatorCandidates = (mode: ParseMode): ReadonlyArray<string> => CANDIDATES[mode].map(([w]) => w)

/**
 * The characters Python counts as whitespace (`str.isspace`, and `\s` of `re` on text), as the body of a regex
 * character class.
 *
 * @example
 * new RegExp(`^[${PY_SPACE}]*$`, 'u').test('\x1c \u3000') // true; JavaScript's \s misses U+001C
 * @since 0.1.0
 */
export const PY_SPACE = '\\t-\\r\\x1C-\\x20\\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000'
/**
 * A run of Python whitespace, possibly empty (Python's `\s*` of `re` on text), as regex source.
 *
 * @example
 * new RegExp(`^${PY_BLANKS}7d$`, 'u').test('\x1c7d') // true
 * @since 0.1.0
 */
export const PY_BLANKS = `[${PY_SPACE}]*`
const STRIP = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'g')

/**
 * Python's `str.strip()`: removes leading and trailing whitespace as Python defines it.
 *
 * @example
 * pyStrip('  a b \n') // 'a b'
 * @since 0.1.0
 */
export const pyStrip = (text: string): string => text.replace(STRIP, '')

/**
 * Parses a condition string.
 *
 * @example
 * parseComparison('myValue<100', 'generic') // { key: 'myValue', comparator: '<', value: '100', written: '<', ... }
 * parseComparison("v 'matches' ab.*", 'generic') // { key: 'v', comparator: 'matches', value: 'ab.*', ... }
 * parseComparison('>=5', 'integer') // { key: '', comparator: '>=', value: '5', ... }
 * parseComparison('5', 'integer') // { key: '', comparator: 'equals', value: '5', written: undefined, ... }
 * parseComparison('a==b==c', 'generic') // { key: '', comparator: 'equals', value: 'a==b==c', repeated: ['=='], ... }
 * @since 0.1.0
 */
export const parseComparison = (text: string, mode: ParseMode): ParsedComparison => {
  const trimmed = pyStrip(text)
  const repeated: string[] = []
  for (const [written, comparator] of CANDIDATES[mode]) {
    const pieces = trimmed.split(written)
    if (pieces.length === 2) {
      return {
        key: pyStrip(pieces[0] as string),
        comparator,
        value: pyStrip(pieces[1] as string),
        written,
        repeated,
      }
    }
    // `'<'` and `'>'` are candidates twice in both modes (a word comparator and a quoted basic one): report them once
    if (pieces.length > 2 && !repeated.includes(written)) repeated.push(written)
  }
  return { key: '', comparator: 'equals', value: trimmed, written: undefined, repeated }
}
