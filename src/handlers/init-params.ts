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

const toJson = (node: JsonNode): Json => {
  switch (node._tag) {
    case 'Object':
      return Object.fromEntries(node.entries.map(([k, v]) => [k, toJson(v)]))
    case 'Array':
      return node.items.map(toJson)
    case 'String':
      return node.value
    case 'Scalar':
      return node.text === 'true'
        ? true
        : node.text === 'false'
          ? false
          : node.text === 'null' || !Number.isFinite(Number(node.text))
            ? null
            : Number(node.text)
  }
}

const BOOL_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'])
const BOOL_FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'])
const NULLS = new Set(['~', 'null', 'Null', 'NULL'])

/**
 * A YAML 1.1 scalar as PyYAML's safe loader reads it (the common forms): quoted strings, null, booleans, decimal
 * integers and floats; anything else is a string.
 *
 * @example
 * yamlScalar('8') // 8
 * yamlScalar('yes') // true
 * yamlScalar("'08'") // '08'
 * @since 0.1.0
 */
export const yamlScalar = (raw: string): Json | undefined => {
  const trimmed = raw.trim()
  // A comment starts at `#` first or after a blank (`a: # none` is null); after a quoted scalar only blanks and a
  // comment may follow. A plain scalar cannot hold `: ` (YAML reads a nested mapping there).
  const quoted = /^('(?:[^']|'')*'|"(?:[^"\\]|\\.)*")\s+#/.exec(trimmed)
  const text =
    quoted !== null
      ? (quoted[1] as string)
      : trimmed.startsWith("'") || trimmed.startsWith('"')
        ? trimmed
        : trimmed.replace(/(?:^|\s+)#.*$/, '')
  if (text === '') return null
  if (!text.startsWith("'") && !text.startsWith('"') && /:(?:\s|$)/.test(text)) return undefined
  if (text.startsWith("'"))
    return text.length >= 2 && text.endsWith("'") ? text.slice(1, -1).replace(/''/g, "'") : undefined
  if (text.startsWith('"')) {
    const parsed = parsePyJson(text)
    return parsed._tag === 'Right' && parsed.right._tag === 'String' ? parsed.right.value : undefined
  }
  if (NULLS.has(text)) return null
  if (BOOL_TRUE.has(text)) return true
  if (BOOL_FALSE.has(text)) return false
  if (/^[-+]?(?:0|[1-9][0-9_]*)$/.test(text)) {
    const n = Number(text.replace(/_/g, ''))
    return Number.isSafeInteger(n) ? n : text
  }
  if (/^[-+]?(?:\d[\d_]*)?\.\d[\d_]*(?:[eE][-+]?\d+)?$/.test(text)) return Number(text.replace(/_/g, ''))
  if (/^[[{&*!|>%@`]/.test(text)) return undefined
  return text
}

/** Splits on commas outside quotes. */
const splitFlow = (body: string): ReadonlyArray<string> => {
  const parts: string[] = []
  let current = ''
  let quote: string | undefined
  for (const c of body) {
    if (quote !== undefined) {
      current += c
      if (c === quote) quote = undefined
    } else if (c === "'" || c === '"') {
      quote = c
      current += c
    } else if (c === ',') {
      parts.push(current)
      current = ''
    } else current += c
  }
  parts.push(current)
  return parts.filter((p) => p.trim() !== '')
}

const pair = (line: string): readonly [string, Json] | undefined => {
  const m = /^\s*("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:#'"{}[\],][^:#{}[\],]*?)\s*:(?:\s+(.*?))?\s*$/.exec(line)
  if (m === null) return undefined
  const key = yamlScalar(m[1] as string)
  const value = yamlScalar(m[2] ?? '')
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
  const json = parsePyJson(text)
  if (json._tag === 'Right') {
    const node = json.right
    return right(
      node._tag === 'Object'
        ? { _tag: 'Mapping', entries: node.entries.map(([k, v]) => [k, toJson(v)] as const) }
        : { _tag: 'NotAMapping' },
    )
  }
  const trimmed = text.trim()
  if (trimmed === '' || trimmed.startsWith('#')) return right({ _tag: 'NotAMapping' })
  if (trimmed.startsWith('-') || (!trimmed.startsWith('{') && !trimmed.includes(':'))) {
    return yamlScalar(trimmed) !== undefined || trimmed.startsWith('-')
      ? right({ _tag: 'NotAMapping' })
      : left('additional_params is not YAML tripline can read; write a JSON object')
  }
  const lines = trimmed.startsWith('{')
    ? trimmed.endsWith('}')
      ? splitFlow(trimmed.slice(1, -1))
      : undefined
    : trimmed.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trim().startsWith('#'))
  if (lines === undefined) return left('additional_params: an unterminated {…} mapping; write a JSON object')
  const entries: Array<readonly [string, Json]> = []
  for (const line of lines) {
    if (!trimmed.startsWith('{') && /^\s/.test(line))
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
