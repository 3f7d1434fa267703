/**
 * The codec of one binding. It decodes tripline's native shape (DESIGN.md `Binding`) and privacyIDEA's event
 * definition as privacyIDEA serialises it (`GET /event/`, the configuration export), and encodes a binding into
 * privacyIDEA's shape.
 *
 * @since 0.1.0
 */
import { type Context, failure, success, Type, type Validation } from 'io-ts'
import type { Binding, Position } from '../core/model.js'
import { describe } from './errors.js'
import {
  Bool,
  defaulted,
  FiniteNumber,
  hasOwn,
  IdCodec,
  isPlainObject,
  leaf,
  list,
  optional,
  PositionCodec,
  record,
  required,
  Str,
  struct,
} from './primitives.js'

/**
 * One event definition in privacyIDEA's own shape, as `encodeBindings` writes it: the keys privacyIDEA's
 * `EventHandler.get()` serialises, `abort_on_error` (3.14) only when the binding sets it, and the legacy
 * `condition` always `""`.
 *
 * @example
 * const d: PrivacyIdeaEventDefinition = {
 *   id: 1, name: 'notify', active: true, event: ['token_init'], handlermodule: 'UserNotification',
 *   action: 'sendmail', position: 'post', ordering: 0, options: { emailconfig: 'themis' }, conditions: {},
 *   condition: '',
 * }
 *
 * @since 0.1.0
 */
export interface PrivacyIdeaEventDefinition {
  readonly id: string | number
  readonly name: string
  readonly active: boolean
  readonly event: ReadonlyArray<string>
  readonly handlermodule: string
  readonly action: string
  readonly position: Position
  readonly ordering: number
  readonly abort_on_error?: boolean
  readonly options: Readonly<Record<string, string>>
  readonly conditions: Readonly<Record<string, string>>
  readonly condition: string
}

/**
 * The binding codec: decodes either shape into a `Binding`, encodes a `Binding` into privacyIDEA's shape.
 *
 * @example
 * import * as t from 'io-ts'
 * const Bindings: t.Type<ReadonlyArray<Binding>, ReadonlyArray<PrivacyIdeaEventDefinition>> = t.readonlyArray(BindingCodec)
 *
 * @since 0.1.0
 */
export type BindingCodec = Type<Binding, PrivacyIdeaEventDefinition, unknown>

// ---------------------------------------------------------------------------------------------------------------
// Native shape: strict. Values of options and conditions are strings; unknown keys are errors.

const textHint = (u: unknown): string =>
  typeof u === 'boolean'
    ? `; write "${u ? 'True' : 'False'}" (values are text, as in privacyIDEA)`
    : typeof u === 'number' && Number.isFinite(u)
      ? `; write "${String(u)}" (values are text, as in privacyIDEA)`
      : ''

const NativeText = new Type<string, string, unknown>(
  'a string',
  (u): u is string => typeof u === 'string',
  (u, c) => (typeof u === 'string' ? success(u) : failure(u, c, `expected a string, got ${describe(u)}${textHint(u)}`)),
  (a) => a,
)

const NativeEvents = list('a list of event names', Str)

/** The default of absent options and conditions: one shared object, frozen so no binding can change another's. */
const NONE: Readonly<Record<string, string>> = Object.freeze({})

const nativeFields = {
  id: required(IdCodec),
  name: required(Str),
  events: required(NativeEvents),
  handlerModule: required(Str),
  action: required(Str),
  position: defaulted(PositionCodec, 'post' as Position),
  ordering: defaulted(FiniteNumber, 0),
  active: defaulted(Bool, true),
  abortOnError: optional(Bool),
  options: defaulted(
    record('an object of option names and string values', NativeText, { reserved: 'reject', entry: 'option' }),
    NONE,
  ),
  conditions: defaulted(
    record('an object of condition names and string values', NativeText, { reserved: 'reject', entry: 'condition' }),
    NONE,
  ),
}

/**
 * A binding in tripline's native shape (DESIGN.md). `position`, `ordering`, `active`, `options` and `conditions`
 * may be left out (SPEC 1.1 defaults: `post`, 0, true, none, none); `abortOnError` left out stays absent (the
 * module default applies when compiling). Option and condition values must be strings.
 *
 * @example
 * NativeBindingCodec.decode({
 *   id: 1, name: 'log', events: ['token_init'], handlerModule: 'Logging', action: 'logging',
 * })
 * // right({ id: 1, name: 'log', events: ['token_init'], handlerModule: 'Logging', action: 'logging',
 * //   position: 'post', ordering: 0, active: true, options: {}, conditions: {} })
 *
 * @since 0.1.0
 */
export const NativeBindingCodec: Type<Binding, Binding, unknown> = struct('a binding', nativeFields, {
  unknownKeys: 'reject',
  aliases: { event: 'events', handlermodule: 'handlerModule', abort_on_error: 'abortOnError' },
})

// ---------------------------------------------------------------------------------------------------------------
// privacyIDEA's shape: as lenient as privacyIDEA itself reads its stored definitions.

/**
 * privacyIDEA stores option and condition values as text: `true`/`false` become `"True"`/`"False"` (Python's
 * `str`), a number its decimal text (`String(n)`, which for integers is what Python writes). Other values are
 * errors: `null` too, since privacyIDEA would keep such a condition and compare with `None`.
 */
const PrivacyIdeaText = new Type<string, string, unknown>(
  'text (a string, true, false or a number)',
  (u): u is string => typeof u === 'string',
  (u, c) => {
    if (typeof u === 'string') return success(u)
    if (typeof u === 'boolean') return success(u ? 'True' : 'False')
    if (typeof u === 'number' && Number.isFinite(u)) return success(String(u))
    return failure(u, c, `expected text (a string, true, false or a number), got ${describe(u)}`)
  },
  (a) => a,
)

const piOptions = record('an object of option names and values', PrivacyIdeaText, {
  reserved: 'reject',
  entry: 'option',
})
const piConditionRecord = record('an object of condition names and values', PrivacyIdeaText, {
  reserved: 'reject',
  entry: 'condition',
})

/** `null` means the same as absent: no options. */
const PiOptions = new Type<Readonly<Record<string, string>>, Readonly<Record<string, string>>, unknown>(
  piOptions.name,
  piOptions.is,
  (u, c) => (u === null ? success(NONE) : piOptions.validate(u, c)),
  (a) => a,
)

/** A dict, or the JSON text of a dict as privacyIDEA's API accepts it; `null` means none. */
const PiConditions = new Type<Readonly<Record<string, string>>, Readonly<Record<string, string>>, unknown>(
  'an object of condition names and values, or its JSON text',
  piConditionRecord.is,
  (u, c): Validation<Readonly<Record<string, string>>> => {
    if (u === null) return success(NONE)
    if (typeof u !== 'string') return piConditionRecord.validate(u, c)
    let parsed: unknown
    try {
      parsed = JSON.parse(u)
    } catch (e) {
      return failure(u, c, `is text but not JSON (${e instanceof Error ? e.message : String(e)}); expected an object`)
    }
    if (!isPlainObject(parsed)) return failure(u, c, `is JSON text of ${describe(parsed)}; expected an object`)
    return piConditionRecord.validate(parsed, c)
  },
  (a) => a,
)

/**
 * privacyIDEA stores the events as one comma-separated string and reads them back split on `,`, each item
 * trimmed. A list is joined and read back the same way. Empty items are left out: no event identifier is empty.
 */
const PiEvents = new Type<ReadonlyArray<string>, ReadonlyArray<string>, unknown>(
  'a list of event names or a comma-separated string',
  (u): u is ReadonlyArray<string> => Array.isArray(u) && u.every((x) => typeof x === 'string'),
  (u, c) => {
    const split = (s: string): ReadonlyArray<string> =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== '')
    if (typeof u === 'string') return success(split(u))
    if (!Array.isArray(u))
      return failure(u, c, `expected a list of event names or a comma-separated string, got ${describe(u)}`)
    const items = NativeEvents.validate(u, c)
    return items._tag === 'Left' ? items : success(split(items.right.join(',')))
  },
  (a) => a,
)

/** A nullable string where `null` reads as `""` (privacyIDEA's nullable `name` and `action` columns). */
const NullableText = new Type<string, string, unknown>(
  'a string or null',
  (u): u is string => typeof u === 'string',
  (u, c) =>
    typeof u === 'string'
      ? success(u)
      : u === null
        ? success('')
        : failure(u, c, `expected a string, got ${describe(u)}`),
  (a) => a,
)

/** `null` or `""` read as `post`, as privacyIDEA reads an empty position. */
const PiPosition = new Type<Position, Position, unknown>(
  '"pre" or "post"',
  PositionCodec.is,
  (u, c) => (u === null || u === '' ? success('post') : PositionCodec.validate(u, c)),
  (a) => a,
)

/** A NULL `active` is falsy in privacyIDEA's selection: the binding never runs. */
const PiActive = new Type<boolean, boolean, unknown>(
  'true or false',
  Bool.is,
  (u, c) => (u === null ? success(false) : Bool.validate(u, c)),
  (a) => a,
)

/** A NULL `abort_on_error` means "not set": the module default applies. */
const PiAbortOnError = new Type<boolean | undefined, boolean | undefined, unknown>(
  'true or false',
  (u): u is boolean | undefined => u === undefined || typeof u === 'boolean',
  (u, c) => (u === null ? success(undefined) : Bool.validate(u, c)),
  (a) => a,
)

const LegacyCondition = leaf('a string or null', (u): u is string | null => typeof u === 'string' || u === null)

const piFields = {
  id: required(IdCodec),
  name: defaulted(NullableText, ''),
  active: defaulted(PiActive, true),
  event: required(PiEvents),
  handlermodule: required(Str),
  action: defaulted(NullableText, ''),
  position: defaulted(PiPosition, 'post' as Position),
  ordering: defaulted(FiniteNumber, 0),
  abort_on_error: optional(PiAbortOnError),
  options: defaulted(PiOptions, NONE),
  conditions: defaulted(PiConditions, NONE),
  condition: optional(LegacyCondition),
}

const PiDefinition = struct('a binding (an object)', piFields, { unknownKeys: 'ignore' })

/**
 * An event definition in privacyIDEA's shape, decoded into a `Binding`:
 * - `event`: a list or a comma-separated string; split on `,`, each item trimmed, empty items left out;
 * - `position`: `null`, `""` or absent ⇒ `post`; `active`: absent ⇒ true, `null` ⇒ false (privacyIDEA never
 *   selects it); `ordering`: absent ⇒ 0; `name`, `action`: `null` or absent ⇒ `""`;
 * - `abort_on_error`: absent or `null` ⇒ absent (the module default applies);
 * - `options`, `conditions`: `null` or absent ⇒ none; `conditions` may be the JSON text of a dict; values
 *   `true`/`false` become `"True"`/`"False"` and numbers their decimal text, as privacyIDEA stores them;
 * - `condition` (legacy, unused) and keys privacyIDEA may add later are ignored.
 *
 * @example
 * PrivacyIdeaDefinitionCodec.decode({
 *   id: 1, name: 'log', event: 'token_init,token_delete', handlermodule: 'Logging', action: 'logging',
 *   abort_on_error: null,
 * })
 * // right({ id: 1, name: 'log', events: ['token_init', 'token_delete'], handlerModule: 'Logging',
 * //   action: 'logging', position: 'post', ordering: 0, active: true, options: {}, conditions: {} })
 *
 * @since 0.1.0
 */
export const PrivacyIdeaDefinitionCodec: Type<Binding, PrivacyIdeaEventDefinition, unknown> = new Type<
  Binding,
  PrivacyIdeaEventDefinition,
  unknown
>(
  'an event definition',
  NativeBindingCodec.is,
  (u, c) => {
    const r = PiDefinition.validate(u, c)
    if (r._tag === 'Left') return r
    const d = r.right
    return success({
      id: d.id,
      name: d.name,
      events: d.event,
      handlerModule: d.handlermodule,
      action: d.action,
      position: d.position,
      ordering: d.ordering,
      active: d.active,
      ...(d.abort_on_error === undefined ? {} : { abortOnError: d.abort_on_error }),
      options: d.options,
      conditions: d.conditions,
    })
  },
  (b) => encodeBinding(b),
)

/**
 * Writes a binding in privacyIDEA's list shape. `abort_on_error` is written only when the binding sets it.
 *
 * @example
 * encodeBinding({ id: 1, name: 'n', events: ['token_init'], handlerModule: 'Logging', action: 'logging',
 *   position: 'post', ordering: 0, active: true, options: {}, conditions: {} }).handlermodule // 'Logging'
 *
 * @since 0.1.0
 */
export const encodeBinding = (b: Binding): PrivacyIdeaEventDefinition => ({
  id: b.id,
  name: b.name,
  active: b.active,
  event: b.events,
  handlermodule: b.handlerModule,
  action: b.action,
  position: b.position,
  ordering: b.ordering,
  ...(b.abortOnError === undefined ? {} : { abort_on_error: b.abortOnError }),
  options: b.options,
  conditions: b.conditions,
  condition: '',
})

/** Keys only tripline's native shape has: an object with one of them is read as a native binding. */
const NATIVE_MARKERS: ReadonlyArray<string> = ['events', 'handlerModule', 'abortOnError']

/**
 * True when `u` is an object in tripline's native shape (it has `events`, `handlerModule` or `abortOnError`);
 * otherwise it is read in privacyIDEA's shape.
 *
 * @example
 * isNativeShape({ id: 1, events: ['token_init'] }) // true
 * isNativeShape({ id: 1, event: 'token_init' }) // false: privacyIDEA's shape
 *
 * @since 0.1.0
 */
export const isNativeShape = (u: unknown): boolean => isPlainObject(u) && NATIVE_MARKERS.some((k) => hasOwn(u, k))

/**
 * The binding codec (io-ts): decodes an object in either shape (native when it has `events`, `handlerModule` or
 * `abortOnError`, privacyIDEA's otherwise) into a `Binding`; encodes into privacyIDEA's shape.
 *
 * @example
 * BindingCodec.decode({ id: 1, event: 'token_init, token_delete', handlermodule: 'Logging', action: 'logging' })
 *
 * @since 0.1.0
 */
export const BindingCodec: BindingCodec = new Type<Binding, PrivacyIdeaEventDefinition, unknown>(
  'a binding',
  NativeBindingCodec.is,
  (u: unknown, c: Context) =>
    isNativeShape(u) ? NativeBindingCodec.validate(u, c) : PrivacyIdeaDefinitionCodec.validate(u, c),
  encodeBinding,
)
