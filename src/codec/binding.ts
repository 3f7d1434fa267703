/**
 * The codec of one binding. It decodes tripline's native shape (DESIGN.md `Binding`) and privacyIDEA's event
 * definition as privacyIDEA serialises it (`GET /event/`, the configuration export), and encodes a binding into
 * privacyIDEA's shape.
 *
 * @since 0.1.0
 */
import {
  appendContext,
  type Context,
  failure,
  failures,
  success,
  Type,
  type Validation,
  type ValidationError,
} from 'io-ts'
import type { Binding, Position } from '../core/model.js'
import { describe } from './errors.js'
import {
  Bool,
  defaulted,
  defineOwn,
  FiniteNumber,
  hasOwn,
  IdCodec,
  isPlainObject,
  leaf,
  list,
  optional,
  PositionCodec,
  problem,
  RESERVED_KEYS,
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
 * Whether `String(n)` is the text Python's `str` gives the same JSON number: a safe integer (an integer literal),
 * or a fraction from 0.0001 on (both write the shortest digits without an exponent there). Beyond 2^53 the digits
 * are lost (`12345678901234567890` would become `12345678901234567000`), and below 0.0001 Python writes an
 * exponent (`1e-05`) where JavaScript does not. One difference cannot be seen: a float literal with an integer value
 * (`2.0`, `1e3`, `-0.0`) is the integer after `JSON.parse`, so it becomes `"2"`, `"1000"`, `"0"` where Python writes
 * `2.0`, `1000.0`, `-0.0` (docs/configuration.md).
 */
const sameTextInPython = (n: number): boolean =>
  Number.isSafeInteger(n) || (Number.isFinite(n) && !Number.isInteger(n) && Math.abs(n) >= 1e-4)

/**
 * privacyIDEA stores option and condition values as text: `true`/`false` become `"True"`/`"False"` (Python's
 * `str`), a number its decimal text (`String(n)`, which for integers and ordinary fractions is what Python writes;
 * a number whose text could differ there is an error asking for a string). Other values are errors: `null` too,
 * since privacyIDEA would keep such a condition and compare with `None`.
 */
const PrivacyIdeaText = new Type<string, string, unknown>(
  'text (a string, true, false or a number)',
  (u): u is string => typeof u === 'string',
  (u, c) => {
    if (typeof u === 'string') return success(u)
    if (typeof u === 'boolean') return success(u ? 'True' : 'False')
    if (typeof u === 'number' && sameTextInPython(u)) return success(String(u))
    if (typeof u === 'number' && Number.isFinite(u))
      return failure(
        u,
        c,
        `expected text: privacyIDEA would store ${describe(u)} as Python writes it, which need not be ${JSON.stringify(String(u))} (too large an integer, or too small a fraction); write the value as a string`,
      )
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

/** The column names of a row of privacyIDEA's option and condition tables, and their lower-case spelling. */
const KEY_FIELDS: ReadonlyArray<string> = ['Key', 'key']
const VALUE_FIELDS: ReadonlyArray<string> = ['Value', 'value']

const firstOwn = (o: Readonly<Record<string, unknown>>, keys: ReadonlyArray<string>): string | undefined =>
  keys.find((k) => hasOwn(o, k) && o[k] !== undefined)

/**
 * Options or conditions as rows of privacyIDEA's `eventhandleroption` / `eventhandlercondition` tables:
 * `[{ "Key": "emailconfig", "Value": "themis" }, ...]` (`key`/`value` too; other columns such as `id`, `Type` or
 * `comparator` are ignored). Each key once, as the tables' unique constraint has it; values as in the object form.
 */
const validateRows = (
  entry: 'option' | 'condition',
  rows: ReadonlyArray<unknown>,
  c: Context,
): Validation<Readonly<Record<string, string>>> => {
  const errors: ValidationError[] = []
  const out: Record<string, string> = {}
  const seen = new Map<string, number>()
  rows.forEach((row, i) => {
    const rc = appendContext(c, String(i), PrivacyIdeaText, row)
    if (!isPlainObject(row)) {
      errors.push(problem(row, rc, `expected a row { "Key": ..., "Value": ... } of ${entry}s, got ${describe(row)}`))
      return
    }
    const keyField = firstOwn(row, KEY_FIELDS)
    const valueField = firstOwn(row, VALUE_FIELDS)
    if (keyField === undefined) {
      errors.push(problem(row, rc, `missing "Key": a row of ${entry}s needs the ${entry} name in "Key"`))
      return
    }
    const key = row[keyField]
    const kc = appendContext(rc, keyField, Str, key)
    if (typeof key !== 'string' || key === '') {
      errors.push(problem(key, kc, `expected the ${entry} name (a non-empty string), got ${describe(key)}`))
      return
    }
    if (RESERVED_KEYS.has(key)) {
      errors.push(
        problem(
          key,
          kc,
          `"${key}" cannot be ${entry === 'option' ? 'an' : 'a'} ${entry} name: JavaScript reserves it (it could reach Object.prototype), and privacyIDEA has no ${entry} of that name`,
        ),
      )
      return
    }
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      errors.push(
        problem(key, kc, `the ${entry} "${key}" is also in row ${earlier}; privacyIDEA keeps one value per ${entry}`),
      )
      return
    }
    seen.set(key, i)
    if (valueField === undefined) {
      errors.push(problem(row, rc, `missing "Value": the row of the ${entry} "${key}" has no value`))
      return
    }
    const value = row[valueField]
    const r = PrivacyIdeaText.validate(value, appendContext(rc, valueField, PrivacyIdeaText, value))
    if (r._tag === 'Left') errors.push(...r.left)
    else defineOwn(out, key, r.right)
  })
  return errors.length > 0 ? failures(errors) : success(out)
}

/** An object of options, or a list of option rows; `null` means the same as absent: no options. */
const PiOptions = new Type<Readonly<Record<string, string>>, Readonly<Record<string, string>>, unknown>(
  'an object of option names and values, or a list of { "Key": ..., "Value": ... } rows',
  piOptions.is,
  (u, c) => (u === null ? success(NONE) : Array.isArray(u) ? validateRows('option', u, c) : piOptions.validate(u, c)),
  (a) => a,
)

/** A dict, the JSON text of a dict as privacyIDEA's API accepts it, or a list of condition rows; `null` means none. */
const PiConditions = new Type<Readonly<Record<string, string>>, Readonly<Record<string, string>>, unknown>(
  'an object of condition names and values, its JSON text, or a list of { "Key": ..., "Value": ... } rows',
  piConditionRecord.is,
  (u, c): Validation<Readonly<Record<string, string>>> => {
    if (u === null) return success(NONE)
    if (Array.isArray(u)) return validateRows('condition', u, c)
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

/**
 * A boolean column as a database dump or a form writes it: `true`/`false`, `1`/`0`, or the text `True`, `False`,
 * `1`, `0` (any case). `null` reads as `onNull`.
 */
const piBool = <N extends boolean | undefined>(onNull: N): Type<boolean | N, boolean | N, unknown> =>
  new Type<boolean | N, boolean | N, unknown>(
    'true or false',
    (u): u is boolean | N => typeof u === 'boolean' || u === onNull,
    (u, c) => {
      if (u === null) return success(onNull)
      if (typeof u === 'boolean') return success(u)
      if (u === 1 || u === 0) return success(u === 1)
      if (typeof u === 'string') {
        const t = u.trim().toLowerCase()
        if (t === 'true' || t === '1') return success(true)
        if (t === 'false' || t === '0') return success(false)
      }
      return failure(u, c, `expected true or false (or 1, 0, "True", "False"), got ${describe(u)}`)
    },
    (a) => a,
  )

/** A NULL `active` is falsy in privacyIDEA's selection: the binding never runs. */
const PiActive = piBool(false)

/** A NULL `abort_on_error` means "not set": the module default applies. */
const PiAbortOnError = piBool(undefined)

/**
 * `ordering` as a number, or the text of an integer as a form or a dump writes it (`"5"`, `" -1 "`); `null` reads
 * as 0, the column's default.
 */
const PiOrdering = new Type<number, number, unknown>(
  'a finite number or the text of an integer',
  FiniteNumber.is,
  (u, c) => {
    if (u === null) return success(0)
    if (typeof u === 'string' && /^\s*[+-]?\d+\s*$/.test(u)) {
      const n = Number(u.trim())
      if (Number.isSafeInteger(n)) return success(n === 0 ? 0 : n)
    }
    return FiniteNumber.is(u)
      ? success(u)
      : failure(u, c, `expected a finite number or the text of an integer, got ${describe(u)}`)
  },
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
  ordering: defaulted(PiOrdering, 0),
  abort_on_error: optional(PiAbortOnError),
  options: defaulted(PiOptions, NONE),
  conditions: defaulted(PiConditions, NONE),
  condition: optional(LegacyCondition),
}

const FORM_OPTION = 'option.'

/**
 * Unknown keys are ignored (a later privacyIDEA may add some), except a misspelling of a known field (`Position`,
 * `condtions`, `handler_module`): ignoring it would silently drop what it says, e.g. every condition of the binding.
 * `option.<key>` form fields are read by `withFormOptions`.
 */
const PiDefinition = struct('a binding (an object)', piFields, {
  unknownKeys: 'nearMiss',
  allow: (k) => k.startsWith(FORM_OPTION),
})

/**
 * The options of `POST /event`'s form fields: `option.<key>` is the option `<key>` (SPEC 1.1), merged into
 * `options`. The same option in both with different values is an error; so is a field named just `option.`.
 */
const withFormOptions = (
  u: Readonly<Record<string, unknown>>,
  options: Readonly<Record<string, string>>,
  c: Context,
): Validation<Readonly<Record<string, string>>> => {
  const fields = Object.keys(u).filter((k) => k.startsWith(FORM_OPTION) && u[k] !== undefined)
  if (fields.length === 0) return success(options)
  const errors: ValidationError[] = []
  const out: Record<string, string> = {}
  for (const k of Object.keys(options)) defineOwn(out, k, options[k])
  for (const field of fields) {
    const key = field.slice(FORM_OPTION.length)
    const x = u[field]
    const fc = appendContext(c, field, PrivacyIdeaText, x)
    if (key === '') {
      errors.push(problem(x, fc, `a form field "${FORM_OPTION}<name>" needs the option name after "${FORM_OPTION}"`))
      continue
    }
    if (RESERVED_KEYS.has(key)) {
      errors.push(
        problem(
          x,
          fc,
          `"${key}" cannot be an option name: JavaScript reserves it (it could reach Object.prototype), and privacyIDEA has no option of that name`,
        ),
      )
      continue
    }
    const r = PrivacyIdeaText.validate(x, fc)
    if (r._tag === 'Left') {
      errors.push(...r.left)
      continue
    }
    const given = hasOwn(out, key) ? out[key] : undefined
    if (given !== undefined && given !== r.right) {
      errors.push(
        problem(
          x,
          fc,
          `the option "${key}" is given twice with different values: ${JSON.stringify(given)} in options and ${JSON.stringify(r.right)} here`,
        ),
      )
      continue
    }
    defineOwn(out, key, r.right)
  }
  return errors.length > 0 ? failures(errors) : success(out)
}

/**
 * An event definition in privacyIDEA's shape, decoded into a `Binding`:
 * - `event`: a list or a comma-separated string; split on `,`, each item trimmed, empty items left out;
 * - `position`: `null`, `""` or absent ⇒ `post`; `active`: absent ⇒ true, `null` ⇒ false (privacyIDEA never
 *   selects it), also `1`/`0` and the text `True`/`False`/`1`/`0`; `ordering`: absent or `null` ⇒ 0, also the
 *   text of an integer (`"5"`); `name`, `action`: `null` or absent ⇒ `""`;
 * - `abort_on_error`: absent or `null` ⇒ absent (the module default applies); spelled as `active`;
 * - `options`, `conditions`: `null` or absent ⇒ none; an object, or a list of table rows
 *   `{ "Key": ..., "Value": ... }`; `conditions` may also be the JSON text of a dict; values `true`/`false` become
 *   `"True"`/`"False"` and numbers their decimal text, as privacyIDEA stores them;
 * - `option.<key>` fields (`POST /event`'s form) are options, merged into `options`;
 * - `condition` (legacy, unused) and keys privacyIDEA may add later are ignored; a key that misspells a field
 *   (`Position`, `condtions`) is an error with a "did you mean", since ignoring it would drop what it says.
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
    const form = isPlainObject(u) ? withFormOptions(u, r._tag === 'Right' ? r.right.options : NONE, c) : success(NONE)
    const errors = [...(r._tag === 'Left' ? r.left : []), ...(form._tag === 'Left' ? form.left : [])]
    if (r._tag === 'Left' || form._tag === 'Left' || errors.length > 0) return failures(errors)
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
      options: form.right,
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
