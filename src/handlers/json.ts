/**
 * JSON as Python's `json` module reads and writes it, for WebHook data (SPEC 4.9): parsed once at compile time into
 * an ordered tree (object keys keep their written order, numbers keep their precision), tags substituted in keys,
 * strings and list items, and written back as `json.dumps` writes it (`", "` and `": "` separators, non-ASCII as
 * `\uXXXX`, floats as Python's `repr`).
 *
 * @since 0.1.0
 */
import { type Either, left, right } from '../core/either.js'

/**
 * A JSON value as an ordered tree. Numbers and literals keep their Python rendering in `text`.
 *
 * @example
 * const tree: JsonNode = {
 *   _tag: 'Object',
 *   entries: [
 *     ['user', { _tag: 'String', value: '{logged_in_user}' }],
 *     ['amount', { _tag: 'Scalar', text: '1.5' }],
 *   ],
 * } // parsePyJson('{"user": "{logged_in_user}", "amount": 1.50}')
 * @since 0.1.0
 */
export type JsonNode =
  | { readonly _tag: 'Object'; readonly entries: ReadonlyArray<readonly [string, JsonNode]> }
  | { readonly _tag: 'Array'; readonly items: ReadonlyArray<JsonNode> }
  | { readonly _tag: 'String'; readonly value: string }
  | { readonly _tag: 'Scalar'; readonly text: string }

const pad2 = (n: number): string => String(n).padStart(2, '0')

/**
 * Python's `repr(float)`: the shortest round-trip digits, fixed notation for exponents −4..15 (always with a
 * fraction, `100.0`), scientific otherwise (`1e+16`, `1.5e-05`); `inf`/`nan` as `json.dumps` writes them.
 *
 * @example
 * pyFloatRepr(100) // '100.0'
 * pyFloatRepr(1.5e-5) // '1.5e-05'
 * pyFloatRepr(1e16) // '1e+16'
 * @since 0.1.0
 */
export const pyFloatRepr = (x: number): string => {
  if (Number.isNaN(x)) return 'NaN'
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity'
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0'
  const sign = x < 0 ? '-' : ''
  const [mantissa = '', expText = '0'] = Math.abs(x).toExponential().split('e')
  const digits = mantissa.replace('.', '')
  const exp = Number(expText)
  if (exp >= -4 && exp < 16) {
    if (exp >= digits.length - 1) return `${sign}${digits}${'0'.repeat(exp - (digits.length - 1))}.0`
    if (exp >= 0) return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`
    return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`
  }
  const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits
  return `${sign}${m}e${exp < 0 ? '-' : '+'}${pad2(Math.abs(exp))}`
}

const NUMBER = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/

interface ParseError {
  readonly _tag: 'JsonParseError'
  readonly message: string
  readonly at: number
}

const isParseError = (u: unknown): u is ParseError =>
  typeof u === 'object' && u !== null && (u as { _tag?: unknown })._tag === 'JsonParseError'

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
}

/**
 * Parses JSON as Python's `json.loads` does (also `NaN`, `Infinity`, `-Infinity`; a repeated key keeps its first
 * position and its last value). `Left` is a reason with the character position. A number's `Scalar` text is the
 * number as Python writes it back (`1e5` → `100000.0`), or with `numbers: 'as written'` the text as written (for
 * readers with other number rules: YAML reads `1e5` as a string).
 *
 * @example
 * parsePyJson('{"b": 1, "a": [true, "x"]}') // right({ _tag: 'Object', entries: [['b', ...], ['a', ...]] })
 * @since 0.1.0
 */
export const parsePyJson = (
  text: string,
  options: { readonly numbers: 'python' | 'as written' } = { numbers: 'python' },
): Either<string, JsonNode> => {
  let i = 0
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++
  }
  // The recursive descent unwinds with a thrown value; it never leaves this function.
  const fail = (message: string): never => {
    const error: ParseError = { _tag: 'JsonParseError', message, at: i }
    throw error
  }
  const str = (): string => {
    i++ // opening quote
    let out = ''
    for (;;) {
      if (i >= text.length) fail('unterminated string')
      const c = text[i] as string
      if (c === '"') {
        i++
        return out
      }
      if (c === '\\') {
        const e = text[i + 1]
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6)
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('invalid \\u escape')
          out += String.fromCharCode(Number.parseInt(hex, 16))
          i += 6
        } else if (e !== undefined && Object.hasOwn(ESCAPES, e)) {
          out += ESCAPES[e]
          i += 2
        } else fail('invalid escape')
      } else {
        if (c.charCodeAt(0) < 0x20) fail('control character in string')
        out += c
        i++
      }
    }
  }
  const value = (depth: number): JsonNode => {
    if (depth > 512) fail('nested too deeply')
    ws()
    const c = text[i]
    if (c === '{') {
      i++
      const entries: Array<[string, JsonNode]> = []
      const index = new Map<string, number>()
      ws()
      if (text[i] === '}') {
        i++
        return { _tag: 'Object', entries }
      }
      for (;;) {
        ws()
        if (text[i] !== '"') fail('expected a property name in double quotes')
        const key = str()
        ws()
        if (text[i] !== ':') fail("expected ':'")
        i++
        const v = value(depth + 1)
        const at = index.get(key)
        if (at === undefined) {
          index.set(key, entries.length)
          entries.push([key, v])
        } else entries[at] = [key, v]
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === '}') {
          i++
          return { _tag: 'Object', entries }
        }
        fail("expected ',' or '}'")
      }
    }
    if (c === '[') {
      i++
      const items: JsonNode[] = []
      ws()
      if (text[i] === ']') {
        i++
        return { _tag: 'Array', items }
      }
      for (;;) {
        items.push(value(depth + 1))
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === ']') {
          i++
          return { _tag: 'Array', items }
        }
        fail("expected ',' or ']'")
      }
    }
    if (c === '"') return { _tag: 'String', value: str() }
    for (const [word, rendered] of [
      ['true', 'true'],
      ['false', 'false'],
      ['null', 'null'],
      ['NaN', 'NaN'],
      ['Infinity', 'Infinity'],
      ['-Infinity', '-Infinity'],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length
        return { _tag: 'Scalar', text: rendered }
      }
    }
    const m = NUMBER.exec(text.slice(i))
    if (m === null) return fail('expected a value')
    i += m[0].length
    const isFloat = m[1] !== undefined || m[2] !== undefined
    if (options.numbers === 'as written') return { _tag: 'Scalar', text: m[0] }
    return { _tag: 'Scalar', text: isFloat ? pyFloatRepr(Number(m[0])) : BigInt(m[0]).toString() }
  }
  try {
    const v = value(0)
    ws()
    if (i < text.length) fail('extra data after the value')
    return right(v)
  } catch (e) {
    if (isParseError(e)) return left(`${e.message} at character ${e.at + 1}`)
    throw e
  }
}

const escapeString = (s: string): string => {
  let out = '"'
  for (let k = 0; k < s.length; k++) {
    const c = s[k] as string
    const code = s.charCodeAt(k)
    if (c === '"') out += '\\"'
    else if (c === '\\') out += '\\\\'
    else if (c === '\n') out += '\\n'
    else if (c === '\r') out += '\\r'
    else if (c === '\t') out += '\\t'
    else if (c === '\b') out += '\\b'
    else if (c === '\f') out += '\\f'
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`
    else out += c
  }
  return `${out}"`
}

/**
 * Writes a tree as Python's `json.dumps` with default arguments.
 *
 * @example
 * dumpsPy(tree) // '{"b": 1, "a": [true, "x"]}'
 * @since 0.1.0
 */
export const dumpsPy = (node: JsonNode): string => {
  switch (node._tag) {
    case 'Object':
      return `{${node.entries.map(([k, v]) => `${escapeString(k)}: ${dumpsPy(v)}`).join(', ')}}`
    case 'Array':
      return `[${node.items.map(dumpsPy).join(', ')}]`
    case 'String':
      return escapeString(node.value)
    case 'Scalar':
      return node.text
  }
}

/**
 * Maps every object key and string value (in objects and lists, recursively); numbers, booleans and null are
 * untouched. Keys that become equal keep the first position and the last value, as a Python dict does.
 *
 * @example
 * dumpsPy(mapStrings(tree, (s) => s.toUpperCase())) // '{"USER": "{LOGGED_IN_USER}", "AMOUNT": 1.5}'
 * @since 0.1.0
 */
export const mapStrings = (node: JsonNode, f: (s: string) => string): JsonNode => {
  switch (node._tag) {
    case 'Object': {
      const entries: Array<[string, JsonNode]> = []
      const index = new Map<string, number>()
      for (const [k, v] of node.entries) {
        const key = f(k)
        const value = mapStrings(v, f)
        const at = index.get(key)
        if (at === undefined) {
          index.set(key, entries.length)
          entries.push([key, value])
        } else entries[at] = [key, value]
      }
      return { _tag: 'Object', entries }
    }
    case 'Array':
      return { _tag: 'Array', items: node.items.map((n) => mapStrings(n, f)) }
    case 'String':
      return { _tag: 'String', value: f(node.value) }
    case 'Scalar':
      return node
  }
}

/**
 * Every object key and string value of a tree, in document order.
 *
 * @example
 * collectStrings(tree) // ['user', '{logged_in_user}', 'amount']
 * @since 0.1.0
 */
export const collectStrings = (node: JsonNode): ReadonlyArray<string> => {
  switch (node._tag) {
    case 'Object':
      return node.entries.flatMap(([k, v]) => [k, ...collectStrings(v)])
    case 'Array':
      return node.items.flatMap(collectStrings)
    case 'String':
      return [node.value]
    case 'Scalar':
      return []
  }
}
