/**
 * Decode errors as data: a JSON path into the input and a sentence a person understands. The codecs report io-ts
 * `Errors` (each with a context and a message); {@link toDecodeErrors} turns them into {@link DecodeError}s and
 * {@link formatDecodeErrors} renders them, one line each.
 *
 * @since 0.1.0
 */
import type { Context, Errors } from 'io-ts'
import { formatPath, type Path } from '../core/errors.js'

/**
 * One problem in the decoded input: where it is (`[3, 'conditions', 'last_auth']`, rendered
 * `[3].conditions.last_auth`) and why, in one sentence.
 *
 * @example
 * const e: DecodeError = { path: [3, 'conditions', 'last_auth'], message: 'expected a string, got the number 5' }
 *
 * @since 0.1.0
 */
export interface DecodeError {
  readonly path: Path
  readonly message: string
}

/**
 * Every problem found in one input, in document order; never empty when returned as a `Left`.
 *
 * @example
 * const r = decodeBindings([{ id: 1 }])
 * const errors: DecodeErrors = r._tag === 'Left' ? r.left : []
 *
 * @since 0.1.0
 */
export type DecodeErrors = ReadonlyArray<DecodeError>

const MAX_QUOTED = 40

/**
 * Describes a value for an error message without printing large data: `the number 5`, `the string "abc"`,
 * `true`, `null`, `a list`, `an object`, `nothing`.
 *
 * @example
 * describe(5) // 'the number 5'
 *
 * @since 0.1.0
 */
export const describe = (u: unknown): string => {
  if (u === undefined) return 'nothing'
  if (u === null) return 'null'
  switch (typeof u) {
    case 'boolean':
      return String(u)
    case 'number':
      return `the number ${String(u)}`
    case 'string':
      return u.length > MAX_QUOTED
        ? `a string of ${u.length} characters starting ${JSON.stringify(u.slice(0, MAX_QUOTED))}`
        : `the string ${JSON.stringify(u)}`
    case 'object':
      return Array.isArray(u) ? 'a list' : 'an object'
    default:
      return `a value of type ${typeof u}`
  }
}

/**
 * The JSON path of an io-ts context: the keys below the root; a key is a number when its parent is a list.
 *
 * @example
 * const r = BindingCodec.decode({ id: 1, name: 'log', events: 'token_init', handlerModule: 'Logging', action: 'x' })
 * if (r._tag === 'Left') r.left.map((e) => contextPath(e.context)) // [['events']]
 *
 * @since 0.1.0
 */
export const contextPath = (context: Context): Path => {
  const path: Array<string | number> = []
  for (let i = 1; i < context.length; i++) {
    const entry = context[i]
    if (entry === undefined) continue
    const parent = context[i - 1]
    path.push(parent !== undefined && Array.isArray(parent.actual) ? Number(entry.key) : entry.key)
  }
  return path
}

/**
 * Turns io-ts validation errors into {@link DecodeErrors}, keeping their order. An error without a message
 * (from a codec outside this module) gets one from the expected type's name.
 *
 * @example
 * import * as t from 'io-ts'
 * const r = t.string.decode(5)
 * if (r._tag === 'Left') toDecodeErrors(r.left) // [{ path: [], message: 'expected string, got the number 5' }]
 *
 * @since 0.1.0
 */
export const toDecodeErrors = (errors: Errors): DecodeErrors =>
  errors.map((e) => {
    const last = e.context[e.context.length - 1]
    return {
      path: contextPath(e.context),
      message:
        e.message ?? `expected ${last === undefined ? 'a different value' : last.type.name}, got ${describe(e.value)}`,
    }
  })

/**
 * Renders decode errors, one line each: `<path>: <sentence>`; the input itself is `(top level)`.
 *
 * @example
 * formatDecodeErrors([{ path: [3, 'conditions', 'last_auth'], message: 'expected a string, got the number 5' }])
 * // '[3].conditions.last_auth: expected a string, got the number 5'
 *
 * @since 0.1.0
 */
export const formatDecodeErrors = (errors: DecodeErrors): string =>
  errors.map((e) => `${e.path.length === 0 ? '(top level)' : formatPath(e.path)}: ${e.message}`).join('\n')

/**
 * The errors when reading the input itself threw (a throwing getter or proxy in a JavaScript host object).
 *
 * @example
 * unreadable(new Error('getter threw')) // [{ path: [], message: 'the input could not be read: getter threw' }]
 *
 * @since 0.1.0
 */
export const unreadable = (e: unknown): DecodeErrors => [
  { path: [], message: `the input could not be read: ${e instanceof Error ? e.message : String(e)}` },
]
