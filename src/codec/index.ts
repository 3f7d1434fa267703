/**
 * `tripline/codec`: io-ts codecs for bindings and events. Decodes tripline's native shape and privacyIDEA's
 * (event definition list, configuration export, REST response), encodes privacyIDEA's list shape, and reports
 * errors as data with JSON paths. The only part of tripline that imports io-ts.
 *
 * @example
 * import { decodeBindings, formatDecodeErrors } from 'tripline/codec'
 * const decoded = decodeBindings(JSON.parse(exportJson))
 * if (decoded._tag === 'Left') console.error(formatDecodeErrors(decoded.left))
 * @module
 * @since 0.1.0
 */

export type { PrivacyIdeaEventDefinition } from './binding.js'
export { BindingCodec } from './binding.js'
export { decodeBindings, encodeBindings } from './bindings.js'
export type { DecodeError, DecodeErrors } from './errors.js'
export { formatDecodeErrors } from './errors.js'
export { decodeEvent, EventCodec } from './event.js'
