/**
 * What the CLI needs from the outside world, as an interface: the Node entry point (`main.ts`) provides the real
 * one, tests a recording one. Reading files and parsing JSON with messages that name the file, line and column.
 *
 * @since 0.1.0
 */

/**
 * The CLI's window on the world.
 *
 * @example
 * const code = await runCli(['check', 'bindings.json'], io, catalogue)
 * @since 0.1.0
 */
export interface Io {
  /** Writes to standard output (no newline added); resolves when the stream can take more. */
  readonly out: (text: string) => Promise<void>
  /** Writes to standard error (no newline added). */
  readonly err: (text: string) => void
  /** Reads a whole text file; rejects with a Node-style error (`code: 'ENOENT'`, ...). */
  readonly readText: (path: string) => Promise<string>
  /** Reads a text file line by line (without line ends); the iterator rejects on read errors. */
  readonly readLines: (path: string) => AsyncIterable<string>
  readonly stdoutIsTTY: boolean
  readonly stderrIsTTY: boolean
  /** Milliseconds, for progress display only. */
  readonly clock: () => number
  readonly version: string
}

/**
 * Why a file could not be used: the message names the file (and line and column for JSON).
 *
 * @example
 * const u: Unreadable = { _tag: 'Unreadable', message: 'bad.json:2:11: not valid JSON: unexpected "}"' }
 * @since 0.1.0
 */
export interface Unreadable {
  readonly _tag: 'Unreadable'
  readonly message: string
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EMFILE: 'too many open files',
}

/**
 * A readable sentence for a file-system error.
 *
 * @example
 * fileError('x.json', Object.assign(new Error(), { code: 'ENOENT' })).message // 'x.json: cannot read the file: no such file'
 * @since 0.1.0
 */
export const fileError = (file: string, e: unknown): Unreadable => {
  const code = (e as { readonly code?: unknown } | null)?.code
  const reason =
    typeof code === 'string' && code in REASONS ? REASONS[code] : e instanceof Error ? e.message : String(e)
  return { _tag: 'Unreadable', message: `${file}: cannot read the file: ${reason}` }
}

/**
 * Line and column (1-based) of a character offset.
 *
 * @example
 * lineColumn('ab\ncd', 4) // { line: 2, column: 2 }
 * @since 0.1.0
 */
export const lineColumn = (text: string, offset: number): { readonly line: number; readonly column: number } => {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)))
  const lines = before.split('\n')
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 }
}

/**
 * Parses JSON text; on failure, a message with the file, line and column. `line` numbers a text that is one line
 * of a larger file (NDJSON): the message then says `file:line:column`.
 *
 * @example
 * parseJson('{"a":', 'x.json') // { _tag: 'Unreadable', message: 'x.json:1:6: not valid JSON: unexpected end of the text' }
 * @since 0.1.0
 */
export const parseJson = (
  text: string,
  file: string,
  line?: number,
): { readonly _tag: 'Json'; readonly value: unknown } | Unreadable => {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  try {
    return { _tag: 'Json', value: JSON.parse(body) as unknown }
  } catch {
    if (body.trim() === '') return { _tag: 'Unreadable', message: `${file}: not valid JSON: the file is empty` }
    const { offset, reason } = jsonSyntaxError(body)
    const at = lineColumn(body, offset)
    const where = line === undefined ? `${at.line}:${at.column}` : `${line + at.line - 1}:${at.column}`
    return { _tag: 'Unreadable', message: `${file}:${where}: not valid JSON: ${reason}` }
  }
}

const WS = new Set([' ', '\t', '\n', '\r'])

/**
 * Where and why JSON text is not valid JSON: the offset of the first offending character and a short reason.
 * (Node's own messages do not say where on every version.) Called only after `JSON.parse` failed.
 *
 * @example
 * jsonSyntaxError('[1,\n  }') // { offset: 6, reason: 'unexpected "}"' }
 * @since 0.1.0
 */
export const jsonSyntaxError = (text: string): { readonly offset: number; readonly reason: string } => {
  let i = 0
  const n = text.length
  const skip = (): void => {
    while (i < n && WS.has(text[i] as string)) i++
  }
  const fail = (reason?: string) => ({
    offset: i,
    reason: reason ?? (i >= n ? 'unexpected end of the text' : `unexpected ${JSON.stringify(text[i])}`),
  })
  // explicit stack: 'a' = in an array, 'o' = in an object
  const stack: Array<'a' | 'o'> = []
  const value = (): ReturnType<typeof fail> | undefined => {
    skip()
    const c = text[i]
    if (c === '"') return string()
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      const number = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y
      number.lastIndex = i
      const m = number.exec(text)
      if (m === null || m[0] === '-') return fail()
      i += m[0].length
      return undefined
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length
        return undefined
      }
    }
    return fail()
  }
  const string = (): ReturnType<typeof fail> | undefined => {
    i++
    while (i < n) {
      const c = text[i] as string
      if (c === '"') {
        i++
        return undefined
      }
      if (c === '\\') {
        const e = text[i + 1]
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail('bad \\u escape in a string')
          i += 6
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2
        else return fail('bad escape in a string')
      } else if (c.charCodeAt(0) < 0x20) return fail('control character in a string')
      else i++
    }
    return fail('unterminated string')
  }
  for (;;) {
    skip()
    const c = text[i]
    if (c === '[') {
      i++
      skip()
      if (text[i] === ']') i++
      else {
        stack.push('a')
        continue
      }
    } else if (c === '{') {
      i++
      skip()
      if (text[i] === '}') i++
      else {
        if (text[i] !== '"') return fail()
        const e = string()
        if (e !== undefined) return e
        skip()
        if (text[i] !== ':') return fail()
        i++
        stack.push('o')
        continue
      }
    } else {
      const e = value()
      if (e !== undefined) return e
    }
    // after a value: close containers or take the next element
    for (;;) {
      skip()
      const inner = stack[stack.length - 1]
      if (inner === undefined) {
        if (i < n) return fail()
        return { offset: i, reason: 'invalid JSON' }
      }
      const d = text[i]
      if (d === ',') {
        i++
        if (inner === 'o') {
          skip()
          if (text[i] !== '"') return fail()
          const e = string()
          if (e !== undefined) return e
          skip()
          if (text[i] !== ':') return fail()
          i++
        }
        break
      }
      if ((inner === 'a' && d === ']') || (inner === 'o' && d === '}')) {
        i++
        stack.pop()
        continue
      }
      return fail()
    }
  }
}
