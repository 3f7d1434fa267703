/**
 * Decoding and encoding a whole configuration: a list of bindings, privacyIDEA's configuration export
 * `{ "event": [...] }`, or its REST response `{ "result": { "value": [...] } }`.
 *
 * @since 0.1.0
 */
import { appendContext, type Context, failure, Type, type Validation } from 'io-ts'
import { type Either, left, right } from '../core/either.js'
import type { Binding } from '../core/model.js'
import { BindingCodec, encodeBinding, type PrivacyIdeaEventDefinition } from './binding.js'
import { type DecodeErrors, describe, toDecodeErrors, unreadable } from './errors.js'
import { hasOwn, isPlainObject, list, own } from './primitives.js'

const BindingList = list('a list of bindings', BindingCodec)

const SHAPES =
  'a list of bindings, a privacyIDEA configuration export { "event": [...] } or a privacyIDEA REST response { "result": { "value": [...] } }'

const field = (c: Context, o: Readonly<Record<string, unknown>>, key: string): [unknown, Context] => {
  const x = own(o, key)
  return [x, appendContext(c, key, BindingList, x)]
}

const validateBindings = (u: unknown, c: Context): Validation<ReadonlyArray<Binding>> => {
  if (Array.isArray(u)) return BindingList.validate(u, c)
  if (!isPlainObject(u)) return failure(u, c, `expected ${SHAPES}, got ${describe(u)}`)
  if (hasOwn(u, 'result')) {
    const [result, rc] = field(c, u, 'result')
    if (!isPlainObject(result)) return failure(result, rc, `expected an object with "value", got ${describe(result)}`)
    if (own(result, 'status') === false) {
      const error = own(result, 'error')
      const message = isPlainObject(error) ? own(error, 'message') : undefined
      return failure(
        result,
        rc,
        `the privacyIDEA response reports an error${typeof message === 'string' ? `: ${message}` : ''}; it holds no event definitions`,
      )
    }
    const [value, vc] = field(rc, result, 'value')
    return Array.isArray(value)
      ? BindingList.validate(value, vc)
      : failure(value, vc, `expected a list of event definitions, got ${describe(value)}`)
  }
  if (hasOwn(u, 'handlermodule') || hasOwn(u, 'handlerModule'))
    return failure(u, c, 'expected a list of bindings, got a single binding; put it in a list: [ ... ]')
  if (hasOwn(u, 'event')) {
    const [events, ec] = field(c, u, 'event')
    return Array.isArray(events)
      ? BindingList.validate(events, ec)
      : failure(events, ec, `expected a list of event definitions, got ${describe(events)}`)
  }
  return failure(u, c, `expected ${SHAPES}, got an object with neither "event" nor "result"`)
}

/**
 * The codec of a whole configuration (io-ts): decodes any accepted shape, encodes privacyIDEA's list shape.
 *
 * @example
 * BindingsCodec.decode({ result: { value: [{ id: 1, name: 'log', event: ['token_init'], handlermodule: 'Logging',
 *   action: 'logging' }] } }) // right([{ id: 1, name: 'log', events: ['token_init'], ... }])
 * BindingsCodec.encode(bindings) // [{ id: 1, name: 'log', active: true, event: ['token_init'], ..., condition: '' }]
 *
 * @since 0.1.0
 */
export const BindingsCodec: Type<ReadonlyArray<Binding>, ReadonlyArray<PrivacyIdeaEventDefinition>, unknown> = new Type<
  ReadonlyArray<Binding>,
  ReadonlyArray<PrivacyIdeaEventDefinition>,
  unknown
>('bindings', BindingList.is, validateBindings, (bs) => bs.map(encodeBinding))

/**
 * Decodes bindings from JSON data: a list of bindings (each in tripline's native shape or privacyIDEA's), the
 * configuration export `{ "event": [...] }` or the REST response `{ "result": { "value": [...] } }`. Reports
 * every problem, each with its JSON path; never throws.
 *
 * @example
 * const r = decodeBindings({ event: [{ id: 1, name: 'log', event: 'token_init', handlermodule: 'Logging',
 *   action: 'logging', position: null, options: { level: 'INFO' }, conditions: '{"realm": "r1"}' }] })
 * // right([{ id: 1, name: 'log', events: ['token_init'], handlerModule: 'Logging', action: 'logging',
 * //   position: 'post', ordering: 0, active: true, options: { level: 'INFO' }, conditions: { realm: 'r1' } }])
 *
 * @since 0.1.0
 */
export const decodeBindings = (json: unknown): Either<DecodeErrors, ReadonlyArray<Binding>> => {
  try {
    const r = BindingsCodec.decode(json)
    return r._tag === 'Left' ? left(toDecodeErrors(r.left)) : right(r.right)
  } catch (e) {
    return left(unreadable(e))
  }
}

/**
 * Writes bindings in privacyIDEA's list shape (what `GET /event/` returns and the export's `"event"` holds).
 * `decodeBindings(encodeBindings(bs))` gives `bs` back for bindings whose event names are non-empty, have no
 * comma and no surrounding blanks (as every privacyIDEA event identifier).
 *
 * @example
 * encodeBindings([{ id: 1, name: 'n', events: ['token_init'], handlerModule: 'Logging', action: 'logging',
 *   position: 'post', ordering: 0, active: true, options: {}, conditions: {} }])[0]?.event // ['token_init']
 *
 * @since 0.1.0
 */
export const encodeBindings = (bindings: ReadonlyArray<Binding>): ReadonlyArray<PrivacyIdeaEventDefinition> =>
  bindings.map(encodeBinding)
