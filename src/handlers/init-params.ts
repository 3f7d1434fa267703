/**
 * Token `enroll` `additional_params` (SPEC 4.2): a mapping merged into the init parameters. privacyIDEA reads it
 * with `yaml.safe_load`; tripline reads JSON (which is YAML) and the simple YAML mappings administrators write:
 * a flow mapping `{hashlib: sha256, otplen: 8}` or one `key: value` per line, with plain or quoted scalars read as
 * YAML 1.1 does (`8` a number, `true`/`yes`/`on` booleans, `null`/`~` null). Read once at compile time.
 *
 * @since 0.1.0
 */
import { type Either, left, right } from '../core/either.js'
import type { Json } from '../core/model.js'
import { type JsonNode, parsePyJson } from './json.js'

/**
 * What `additional_params` holds: a mapping, something else (ignored, as privacyIDEA does), or unreadable.
 *
 * @example
 * const params: AdditionalParams = { _tag: 'Mapping', entries: [['hashlib', 'sha256'], ['otplen', 8]] }
 * // from '{hashlib: sha256, otplen: 8}'
 * @since 0.1.0
 */
export type AdditionalParams =
  | { readonly _tag: 'Mapping'; readonly entries: ReadonlyArray<readonly [string, Json]> }
  | { readonly _tag: 'NotAMapping' }

/** A JSON tree as yaml.safe_load reads the same text: numbers, booleans and null by the YAML 1.1 rules. */
const toJson = (node: JsonNode): Json | undefined => {
  switch (node._tag) {
    case 'Object': {
      const entries = node.entries.map(([k, v]) => [k, toJson(v)] as const)
      return entries.every((e): e is readonly [string, Json] => e[1] !== undefined)
        ? Object.fromEntries(entries)
        : undefined
    }
    case 'Array': {
      const items = node.items.map(toJson)
      return items.every((v): v is Json => v !== undefined) ? items : undefined
    }
    case 'String':
      return node.value
    case 'Scalar':
      return yamlScalar(node.text)
  }
}

/**
 * Characters yaml.safe_load refuses in its input (outside tab, line feed, carriage return, the printable ASCII and
 * the printable Unicode ranges), and the YAML 1.1 line breaks U+0085, U+2028, U+2029, which it folds or keeps
 * in ways tripline does not follow: a text with any of them is not read.
 */
const YAML_UNREADABLE = /[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]|[\u2028\u2029]/u

// PyYAML's implicit resolvers (YAML 1.1, resolver.py): `y`/`n` are strings there, unlike the YAML 1.1 spec.
const YAML_NULL = /^(?:~|null|Null|NULL)$/
const YAML_TRUE = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/
const YAML_FALSE = /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/
const YAML_INT =
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/
/** A date or date-time: PyYAML makes it a `datetime`, which JSON cannot carry. */
const YAML_TIMESTAMP =
  /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/
const YAML_FLOAT =
  /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/

/** The sign and the digits of a number as PyYAML's constructors split them: `_` removed, a leading sign taken off. */
const signed = (text: string): { readonly sign: 1 | -1; readonly digits: string } => {
  const t = text.replaceAll('_', '')
  return t.startsWith('-') || t.startsWith('+')
    ? { sign: t.startsWith('-') ? -1 : 1, digits: t.slice(1) }
    : { sign: 1, digits: t }
}

/**
 * `1:30:15` as PyYAML reads it: base 60, the last part the units, summed from the last part as PyYAML sums them (the
 * same order of float additions, so the same float).
 */
const sexagesimal = (parts: ReadonlyArray<number>): number =>
  parts.reduceRight((acc, part) => ({ sum: acc.sum + part * acc.base, base: acc.base * 60 }), { sum: 0, base: 1 }).sum

/**
 * PyYAML's `construct_yaml_int` (`0b`, `0x`, a leading `0` is octal, `:` is base 60); `undefined` when Python's
 * `int()` refuses the digits (`0b_`) or the value is not an exact JavaScript number.
 */
const yamlInt = (text: string): number | undefined => {
  const { sign, digits } = signed(text)
  const radix = digits.startsWith('0b') ? 2 : digits.startsWith('0x') ? 16 : digits.startsWith('0') ? 8 : 10
  const body = radix === 2 || radix === 16 ? digits.slice(2) : digits
  const n = digits.includes(':')
    ? sexagesimal(digits.split(':').map(Number))
    : body === ''
      ? Number.NaN
      : radix === 10
        ? Number(body)
        : Number.parseInt(body, radix)
  return Number.isSafeInteger(n) ? (n === 0 ? 0 : sign * n) : undefined
}

/** PyYAML's `construct_yaml_float`; `undefined` for what JSON cannot carry (`.inf`, `.nan`) or Python refuses (`._`). */
const yamlFloat = (text: string): number | undefined => {
  const { sign, digits } = signed(text.toLowerCase())
  const n = digits.includes(':')
    ? sexagesimal(digits.split(':').map(Number))
    : digits === '.' || digits.startsWith('.inf') || digits.startsWith('.nan')
      ? Number.NaN
      : Number(digits)
  return Number.isFinite(n) ? sign * n : undefined
}

const SINGLE_QUOTED = /^'((?:[^']|'')*)'/
/** Every quoted scalar of a text (to look at what lies outside them). */
const QUOTED = /'(?:[^']|'')*'|"(?:[^"\\]|\\[\s\S])*"/g
/** PyYAML 6 refuses a tab outside quoted scalars and comments, also as the blank of a JSON text. */
const hasTab = (text: string): boolean => withoutComments(text).replace(QUOTED, '').includes('\t')
const DOUBLE_QUOTED = /^"((?:[^"\\]|\\[\s\S])*)"/
/** After a quoted scalar only blanks and a comment may follow; PyYAML needs no blank before that `#`. */
const AFTER_QUOTED = /^[ \t]*(?:#.*)?$/

/** YAML's one-character escapes in double quotes (PyYAML's ESCAPE_REPLACEMENTS). */
const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '\\': '\\',
  '/': '/',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
}
/** The hex digits of `\x`, `\u` and `\U`. */
const ESCAPE_CODES: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 }

/** The text of a double-quoted scalar's body; `undefined` for an escape YAML does not know. */
const unescapeDoubleQuoted = (body: string): string | undefined => {
  let out = ''
  let i = 0
  while (i < body.length) {
    const c = body[i] as string
    if (c !== '\\') {
      out += c
      i += 1
      continue
    }
    const e = body[i + 1] ?? ''
    const simple = Object.hasOwn(ESCAPES, e) ? ESCAPES[e] : undefined
    const width = Object.hasOwn(ESCAPE_CODES, e) ? ESCAPE_CODES[e] : undefined
    if (simple !== undefined) {
      out += simple
      i += 2
    } else if (width !== undefined) {
      const hex = body.slice(i + 2, i + 2 + width)
      const code = /^[0-9A-Fa-f]+$/.test(hex) && hex.length === width ? Number.parseInt(hex, 16) : Number.NaN
      if (!(code <= 0x10ffff)) return undefined
      out += String.fromCodePoint(code)
      i += 2 + width
    } else return undefined
  }
  return out
}

/**
 * A YAML 1.1 scalar as PyYAML's safe loader reads it: quoted strings, null, booleans, integers (decimal, octal with a
 * leading `0`, `0b`, `0x`, base 60 with `:`) and floats; anything else is a string. `undefined` when tripline cannot
 * read it: flow collections and other YAML structure, what yaml.safe_load refuses, and what JSON cannot carry (an
 * integer beyond 2^53 − 1, `.inf`/`.nan`, a date).
 *
 * @example
 * yamlScalar('8') // 8
 * yamlScalar('yes') // true
 * yamlScalar('0123') // 83 (octal, as PyYAML reads it)
 * yamlScalar("'08'") // '08'
 * @since 0.1.0
 */
export const yamlScalar = (raw: string): Json | undefined => {
  if (hasTab(raw)) return undefined
  const trimmed = raw.trim()
  if (trimmed.startsWith("'") || trimmed.startsWith('"')) {
    const m = (trimmed.startsWith("'") ? SINGLE_QUOTED : DOUBLE_QUOTED).exec(trimmed)
    if (m === null || !AFTER_QUOTED.test(trimmed.slice(m[0].length))) return undefined
    const body = m[1] as string
    return trimmed.startsWith("'") ? body.replaceAll("''", "'") : unescapeDoubleQuoted(body)
  }
  // In a plain scalar a comment starts at `#` first or after a blank (`a: # none` is null). A plain scalar cannot
  // hold `: ` (YAML reads a nested mapping there).
  const text = trimmed.replace(/(?:^|\s+)#.*$/, '')
  if (text === '') return null
  if (/:(?:\s|$)/.test(text)) return undefined
  // A lone `-`, `?` or `:` is a YAML indicator, `=` and `<<` have no safe constructor: yaml.safe_load raises.
  if (/^[-?:](?:\s|$)/.test(text) || text === '=' || text === '<<' || YAML_TIMESTAMP.test(text)) return undefined
  if (YAML_NULL.test(text)) return null
  if (YAML_TRUE.test(text)) return true
  if (YAML_FALSE.test(text)) return false
  if (YAML_INT.test(text)) return yamlInt(text)
  if (YAML_FLOAT.test(text)) return yamlFloat(text)
  if (/^[[{&*!|>%@`]/.test(text)) return undefined
  return text
}

/** Splits a flow collection's body on the commas outside quotes and outside nested `[…]` and `{…}`. */
const splitFlow = (body: string): ReadonlyArray<string> => {
  const parts: string[] = []
  let current = ''
  let quote: string | undefined
  let depth = 0
  for (const c of body) {
    if (quote !== undefined) {
      if (c === quote) quote = undefined
    } else if (c === "'" || c === '"') quote = c
    else if (c === '[' || c === '{') depth += 1
    else if (c === ']' || c === '}') depth -= 1
    else if (c === ',' && depth === 0) {
      parts.push(current)
      current = ''
      continue
    }
    current += c
  }
  parts.push(current)
  // One trailing comma is allowed (`{a: 1,}`); an empty entry elsewhere stays, and does not read.
  const last = parts[parts.length - 1]
  return last !== undefined && last.trim() === '' ? parts.slice(0, -1) : parts
}

/**
 * The text without its YAML comments: a `#` outside quotes that starts a line, follows a blank or closes a quoted
 * scalar runs to the end of its line (inside `{…}` too, so a comment can hide the closing brace).
 */
const withoutComments = (text: string): string => {
  let out = ''
  let quote: string | undefined
  let comment = false
  let prev = '\n'
  for (const c of text) {
    if (comment) {
      if (c === '\n') {
        comment = false
        out += c
      }
    } else if (quote !== undefined) {
      if (c === quote) quote = undefined
      out += c
    } else if (c === '#' && (/\s/.test(prev) || prev === "'" || prev === '"')) comment = true
    else {
      if (c === "'" || c === '"') quote = c
      out += c
    }
    prev = c
  }
  return out
}

/** A value: a scalar, or a JSON array or object (read by the YAML rules, as in the whole-text JSON path). */
const flowValue = (text: string): Json | undefined => {
  const t = text.trim()
  if (!t.startsWith('[') && !t.startsWith('{')) return yamlScalar(t)
  const json = parsePyJson(t, { numbers: 'as written' })
  return json._tag === 'Right' ? toJson(json.right) : undefined
}

const pair = (line: string): readonly [string, Json] | undefined => {
  const m = /^\s*("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:#'"{}[\],][^:#{}[\],]*?)\s*:(?:\s+(.*?))?\s*$/.exec(line)
  if (m === null) return undefined
  const key = yamlScalar(m[1] as string)
  const value = flowValue(m[2] ?? '')
  if (key === undefined || value === undefined || key === null || typeof key === 'object') return undefined
  return [String(key), value]
}

/**
 * Reads `additional_params`. `Left` when tripline cannot read it (privacyIDEA's enroll then fails: the action
 * declines).
 *
 * @example
 * parseAdditionalParams('{"hashlib": "sha256"}') // right({ _tag: 'Mapping', entries: [['hashlib', 'sha256']] })
 * parseAdditionalParams('hashlib: sha256\notplen: 8') // right({ _tag: 'Mapping', entries: [['hashlib', 'sha256'], ['otplen', 8]] })
 * parseAdditionalParams('- a') // right({ _tag: 'NotAMapping' })
 * @since 0.1.0
 */
export const parseAdditionalParams = (text: string): Either<string, AdditionalParams> => {
  const odd = YAML_UNREADABLE.exec(text)
  if (odd !== null)
    return left(
      `additional_params holds the character U+${(odd[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}, which YAML refuses or reads as a line break; write it as a \\u escape in a JSON string`,
    )
  if (hasTab(text))
    return left('additional_params holds a tab outside quotes, which YAML refuses; write blanks instead')
  const json = parsePyJson(text, { numbers: 'as written' })
  if (json._tag === 'Right') {
    const node = json.right
    if (node._tag !== 'Object') return right({ _tag: 'NotAMapping' })
    const entries = node.entries.map(([k, v]) => [k, toJson(v)] as const)
    const unread = entries.find(([, v]) => v === undefined)
    return unread === undefined
      ? right({ _tag: 'Mapping', entries: entries as ReadonlyArray<readonly [string, Json]> })
      : left(
          `additional_params: the value of ${JSON.stringify(unread[0])} is a number JSON cannot carry (an integer beyond 2^53 − 1 or a float beyond the double range); write it as a string`,
        )
  }
  const trimmed = text.trim()
  const isFlowMapping = trimmed.startsWith('{')
  if (/^-(?:\s|$)/.test(trimmed)) return right({ _tag: 'NotAMapping' })
  const flow = withoutComments(trimmed).trim()
  // One scalar or a flow sequence of scalars: yaml.safe_load reads it (a date, a big integer and .inf too), and a
  // value that is not a mapping is ignored.
  const scalar = (t: string): boolean =>
    flowValue(t) !== undefined || [YAML_INT, YAML_FLOAT, YAML_TIMESTAMP].some((r) => r.test(t.trim()))
  if (flow.startsWith('[') || (!isFlowMapping && !/:(?:\s|$)/.test(trimmed))) {
    const loads = flow.startsWith('[')
      ? flow.endsWith(']') && splitFlow(flow.slice(1, -1)).every(scalar)
      : scalar(trimmed)
    return loads
      ? right({ _tag: 'NotAMapping' })
      : left('additional_params is not YAML tripline can read; write a JSON object')
  }
  const lines = isFlowMapping
    ? flow.endsWith('}')
      ? splitFlow(flow.slice(1, -1))
      : undefined
    : trimmed
        .split(/\r?\n/)
        .map(withoutComments)
        .filter((l) => l.trim() !== '')
  if (lines === undefined) return left('additional_params: an unterminated {…} mapping; write a JSON object')
  const entries: Array<readonly [string, Json]> = []
  for (const line of lines) {
    if (!isFlowMapping && /^\s/.test(line))
      return left('additional_params: nested YAML is not supported; write a JSON object')
    const p = pair(line)
    if (p === undefined)
      return left(`additional_params: cannot read ${JSON.stringify(line.trim())}; write a JSON object`)
    const at = entries.findIndex(([k]) => k === p[0])
    if (at >= 0) entries[at] = p
    else entries.push(p)
  }
  return right({ _tag: 'Mapping', entries })
}
