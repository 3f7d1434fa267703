/**
 * Diagnostics name paths into the decoded bindings (`[2].events[0]`); a person reads the file they wrote. This maps
 * a decoded path back to the file: the export's `event` list or the REST envelope's `result.value` in front, and
 * privacyIDEA's field names (`event`, `handlermodule`, `abort_on_error`) where the binding was written in its shape.
 *
 * @since 0.1.0
 */
import type { Path } from '../core/errors.js'

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u)

/**
 * Where the list of bindings sits in the decoded JSON: `[]`, `['event']` or `['result', 'value']`.
 *
 * @example
 * listPrefix({ event: [] }).prefix // ['event']
 * @since 0.1.0
 */
export const listPrefix = (json: unknown): { readonly prefix: Path; readonly list: ReadonlyArray<unknown> } => {
  if (Array.isArray(json)) return { prefix: [], list: json }
  if (isRecord(json)) {
    const event = json.event
    if (Array.isArray(event)) return { prefix: ['event'], list: event }
    const result = json.result
    if (isRecord(result) && Array.isArray(result.value)) return { prefix: ['result', 'value'], list: result.value }
  }
  return { prefix: [], list: [] }
}

const PRIVACYIDEA_FIELDS: Readonly<Record<string, string>> = {
  events: 'event',
  handlerModule: 'handlermodule',
  abortOnError: 'abort_on_error',
}

/**
 * The path in the file of a path into the decoded bindings.
 *
 * @example
 * sourcePath({ event: [{ event: 'token_intit', handlermodule: 'Logging' }] }, [0, 'events', 0]) // ['event', 0, 'event']
 * sourcePath([{ events: ['x'] }], [0, 'events', 0])                                              // [0, 'events', 0]
 * @since 0.1.0
 */
export const sourcePath = (json: unknown, path: Path): Path => {
  const { prefix, list } = listPrefix(json)
  const [index, field, ...rest] = path
  if (typeof index !== 'number') return path
  const written = list[index]
  if (field === undefined || typeof field !== 'string' || !isRecord(written)) return [...prefix, ...path]
  const theirs = PRIVACYIDEA_FIELDS[field]
  const piShape = ('handlermodule' in written || 'event' in written) && !('handlerModule' in written)
  const name = theirs !== undefined && !(field in written) && (theirs in written || piShape) ? theirs : field
  if (field === 'events') {
    const events = written[name]
    // privacyIDEA's comma-separated string, or a list whose items were split or trimmed: point at the whole field
    const aligned =
      Array.isArray(events) &&
      events.every((e) => typeof e === 'string' && e !== '' && e.trim() === e && !e.includes(','))
    if (!aligned) return [...prefix, index, name]
  }
  return [...prefix, index, name, ...rest]
}
