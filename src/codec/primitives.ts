/**
 * The building blocks of tripline's codecs: io-ts `Type`s for leaves (strings, finite numbers, positions, ...),
 * lists, string-keyed records and structs. Every failure carries a sentence; every list, record and struct reports
 * all of its errors, not the first.
 *
 * Prototype safety: decoded records are plain objects (prototype `Object.prototype`) built with
 * `Object.defineProperty`, so a key such as `__proto__` becomes an ordinary own data property and never changes a
 * prototype; struct fields are read only when they are own properties of the input. Records whose keys are names
 * tripline looks up (binding options and conditions) reject `__proto__`, `constructor` and `prototype` instead.
 *
 * @since 0.1.0
 */

import type { Validation } from 'io-ts'
import { appendContext, type Context, failure, failures, success, Type, type ValidationError } from 'io-ts'
import { describe } from './errors.js'

/**
 * The part of an io-ts codec a field needs: a name, a validator and a guard.
 *
 * @example
 * const name: FieldCodec<string> = Str // any io-ts Type is one
 *
 * @since 0.1.0
 */
export interface FieldCodec<A> {
  /** What the codec expects, as words: `a string`, `"pre" or "post"`. */
  readonly name: string
  readonly validate: (u: unknown, c: Context) => Validation<A>
  readonly decode: (u: unknown) => Validation<A>
  readonly is: (u: unknown) => u is A
}

const identity = <A>(a: A): A => a

/**
 * True for a plain object (not a list, not null, not a Date or Map).
 *
 * @example
 * isPlainObject({ id: 1 }) // true
 * isPlainObject([1]) // false
 * isPlainObject(new Date(0)) // false
 *
 * @since 0.1.0
 */
export const isPlainObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && Object.prototype.toString.call(u) === '[object Object]' && !Array.isArray(u)

/**
 * True when `key` is an own property of `o` (never one inherited from `Object.prototype`).
 *
 * @example
 * hasOwn({ events: [] }, 'events') // true
 * hasOwn({}, 'toString') // false
 *
 * @since 0.1.0
 */
export const hasOwn = (o: object, key: string): boolean => Object.hasOwn(o, key)

/**
 * The own property `key` of `o`, or `undefined`.
 *
 * @example
 * own({ name: 'log' }, 'name') // 'log'
 * own({}, 'constructor') // undefined
 *
 * @since 0.1.0
 */
export const own = (o: Readonly<Record<string, unknown>>, key: string): unknown => (hasOwn(o, key) ? o[key] : undefined)

/**
 * An error at `c` with a sentence.
 *
 * @example
 * import { type Context, failures } from 'io-ts'
 * const notEventNames = (u: unknown, c: Context) =>
 *   failures([problem(u, c, 'expected a list of event names')])
 *
 * @since 0.1.0
 */
export const problem = (value: unknown, context: Context, message: string): ValidationError => ({
  value,
  context,
  message,
})

/**
 * A leaf codec from a guard: fails with `expected <name>, got <description>`.
 *
 * @example
 * const Str = leaf('a string', (u): u is string => typeof u === 'string')
 *
 * @since 0.1.0
 */
export const leaf = <A>(name: string, guard: (u: unknown) => u is A): Type<A, A, unknown> =>
  new Type<A, A, unknown>(
    name,
    guard,
    (u, c) => (guard(u) ? success(u) : failure(u, c, `expected ${name}, got ${describe(u)}`)),
    identity,
  )

/**
 * A string.
 *
 * @example
 * Str.decode(5) // left: 'expected a string, got the number 5'
 *
 * @since 0.1.0
 */
export const Str = leaf('a string', (u): u is string => typeof u === 'string')

/**
 * A finite number (JSON has no `NaN` or `Infinity`).
 *
 * @example
 * FiniteNumber.decode(Number.NaN) // left: 'expected a finite number, got the number NaN'
 *
 * @since 0.1.0
 */
export const FiniteNumber = leaf('a finite number', (u): u is number => typeof u === 'number' && Number.isFinite(u))

/**
 * `true` or `false`.
 *
 * @example
 * Bool.decode('true') // left: 'expected true or false, got the string "true"'
 *
 * @since 0.1.0
 */
export const Bool = leaf('true or false', (u): u is boolean => typeof u === 'boolean')

/**
 * `"pre"` or `"post"`.
 *
 * @example
 * PositionCodec.decode('after') // left: 'expected "pre" or "post", got the string "after"'
 *
 * @since 0.1.0
 */
export const PositionCodec = leaf('"pre" or "post"', (u): u is 'pre' | 'post' => u === 'pre' || u === 'post')

/**
 * A binding id: a finite number or a string.
 *
 * @example
 * IdCodec.is(3) // true
 * IdCodec.is(null) // false
 *
 * @since 0.1.0
 */
export const IdCodec = leaf(
  'a number or a string',
  (u): u is string | number => typeof u === 'string' || (typeof u === 'number' && Number.isFinite(u)),
)

/**
 * Any value (a present field of type `unknown`).
 *
 * @example
 * struct('an event', { response: optional(Anything) }, { unknownKeys: 'ignore' })
 *
 * @since 0.1.0
 */
export const Anything = leaf('any value', (u): u is unknown => u !== undefined)

/**
 * A list whose items all decode; reports every bad item with its index.
 *
 * @example
 * list('a list of strings', Str).decode(['a', 'b'])
 *
 * @since 0.1.0
 */
export const list = <A>(name: string, item: FieldCodec<A>): Type<ReadonlyArray<A>, ReadonlyArray<A>, unknown> =>
  new Type<ReadonlyArray<A>, ReadonlyArray<A>, unknown>(
    name,
    (u): u is ReadonlyArray<A> => Array.isArray(u) && u.every((x) => item.is(x)),
    (u, c) => {
      if (!Array.isArray(u)) return failure(u, c, `expected ${name}, got ${describe(u)}`)
      const errors: ValidationError[] = []
      const out: A[] = []
      for (let i = 0; i < u.length; i++) {
        const x: unknown = u[i]
        const r = item.validate(x, appendContext(c, String(i), item, x))
        if (r._tag === 'Left') errors.push(...r.left)
        else out.push(r.right)
      }
      return errors.length > 0 ? failures(errors) : success(out)
    },
    identity,
  )

/**
 * Keys that would reach `Object.prototype` through `obj[key]`.
 *
 * @example
 * RESERVED_KEYS.has('__proto__') // true: rejected as an option or condition name
 *
 * @since 0.1.0
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * Writes `value` as an own, enumerable data property: never calls the `__proto__` setter.
 *
 * @example
 * const out: Record<string, unknown> = {}
 * defineOwn(out, '__proto__', 'x') // Object.keys(out): ['__proto__']; the prototype is unchanged
 *
 * @since 0.1.0
 */
export const defineOwn = (target: object, key: string, value: unknown): void => {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

/**
 * How a record treats the keys in {@link RESERVED_KEYS}.
 *
 * @example
 * const options: RecordPolicy = { reserved: 'reject', entry: 'option' }
 *
 * @since 0.1.0
 */
export interface RecordPolicy {
  /** `keep`: an own data property like any other key; `reject`: an error naming the key. */
  readonly reserved: 'keep' | 'reject'
  /** What a key names, for messages: `condition`, `option`. */
  readonly entry: string
}

/**
 * A record with string keys whose values all decode. A value that decodes to `undefined` is left out. The result
 * is a fresh plain object; every key is written with `Object.defineProperty` (see the module comment).
 *
 * @example
 * record('an object of strings', Str, { reserved: 'keep', entry: 'parameter' }).decode({ serial: 'T1' })
 *
 * @since 0.1.0
 */
export const record = <A>(
  name: string,
  value: FieldCodec<A | undefined>,
  policy: RecordPolicy,
): Type<Readonly<Record<string, A>>, Readonly<Record<string, A>>, unknown> =>
  new Type<Readonly<Record<string, A>>, Readonly<Record<string, A>>, unknown>(
    name,
    (u): u is Readonly<Record<string, A>> =>
      isPlainObject(u) &&
      Object.keys(u).every(
        (k) => !(policy.reserved === 'reject' && RESERVED_KEYS.has(k)) && u[k] !== undefined && value.is(u[k]),
      ),
    (u, c) => {
      if (!isPlainObject(u)) return failure(u, c, `expected ${name}, got ${describe(u)}`)
      const errors: ValidationError[] = []
      const out: Record<string, A> = {}
      for (const k of Object.keys(u)) {
        const x = u[k]
        const ctx = appendContext(c, k, value, x)
        if (policy.reserved === 'reject' && RESERVED_KEYS.has(k)) {
          errors.push(
            problem(
              x,
              ctx,
              `"${k}" cannot be ${article(policy.entry)} name: JavaScript reserves it (it could reach Object.prototype), and privacyIDEA has no ${policy.entry} of that name`,
            ),
          )
          continue
        }
        const r = value.validate(x, ctx)
        if (r._tag === 'Left') errors.push(...r.left)
        else if (r.right !== undefined) defineOwn(out, k, r.right)
      }
      return errors.length > 0 ? failures(errors) : success(out)
    },
    identity,
  )

const article = (word: string): string => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`)

/**
 * A struct field that must be present.
 *
 * @example
 * const name: RequiredField<string> = required(Str)
 *
 * @since 0.1.0
 */
export interface RequiredField<A> {
  readonly _tag: 'Required'
  readonly codec: FieldCodec<A>
}

/**
 * A struct field that may be absent; absent (or decoded to `undefined`) stays absent in the output.
 *
 * @example
 * const realm: OptionalField<string> = optional(Str)
 *
 * @since 0.1.0
 */
export interface OptionalField<A> {
  readonly _tag: 'Optional'
  readonly codec: FieldCodec<A | undefined>
}

/**
 * A struct field that takes `fallback` when absent.
 *
 * @example
 * const active: DefaultedField<boolean> = defaulted(Bool, true)
 *
 * @since 0.1.0
 */
export interface DefaultedField<A> {
  readonly _tag: 'Defaulted'
  readonly codec: FieldCodec<A>
  readonly fallback: A
}

/**
 * One field of a struct.
 *
 * @example
 * const fields: ReadonlyArray<Field<string>> = [required(Str), optional(Str), defaulted(Str, 'post')]
 *
 * @since 0.1.0
 */
export type Field<A> = RequiredField<A> | OptionalField<A> | DefaultedField<A>

/**
 * A field that must be present.
 *
 * @example
 * struct('a logged-in identity', { role: required(Str) }, { unknownKeys: 'reject' }).decode({})
 * // left: role: 'missing; expected a string'
 *
 * @since 0.1.0
 */
export const required = <A>(codec: FieldCodec<A>): RequiredField<A> => ({ _tag: 'Required', codec })

/**
 * A field that may be absent and then stays absent.
 *
 * @example
 * struct('a logged-in identity', { realm: optional(Str) }, { unknownKeys: 'reject' }).decode({}) // right({})
 *
 * @since 0.1.0
 */
export const optional = <A>(codec: FieldCodec<A | undefined>): OptionalField<A> => ({ _tag: 'Optional', codec })

/**
 * A field that takes `fallback` when absent.
 *
 * @example
 * struct('a binding', { active: defaulted(Bool, true) }, { unknownKeys: 'ignore' }).decode({})
 * // right({ active: true })
 *
 * @since 0.1.0
 */
export const defaulted = <A>(codec: FieldCodec<A>, fallback: A): DefaultedField<A> => ({
  _tag: 'Defaulted',
  codec,
  fallback,
})

/**
 * The fields of a struct by key.
 *
 * @example
 * const loggedIn = { role: required(Str), username: required(Str), realm: optional(Str) } satisfies Fields
 *
 * @since 0.1.0
 */
export type Fields = { readonly [key: string]: Field<unknown> }

type ValueOf<F> = F extends RequiredField<infer A> | OptionalField<infer A> | DefaultedField<infer A> ? A : never
type OptionalKeys<S extends Fields> = { [K in keyof S]: S[K] extends OptionalField<unknown> ? K : never }[keyof S]
type Simplify<T> = { [K in keyof T]: T[K] } & {}

/**
 * The decoded value of a struct: required and defaulted fields present, optional fields optional.
 *
 * @example
 * type LoggedIn = StructOf<{ role: RequiredField<string>; realm: OptionalField<string> }>
 * // { readonly role: string; readonly realm?: string }
 *
 * @since 0.1.0
 */
export type StructOf<S extends Fields> = Simplify<
  { readonly [K in Exclude<keyof S, OptionalKeys<S>>]: ValueOf<S[K]> } & {
    readonly [K in OptionalKeys<S>]?: Exclude<ValueOf<S[K]>, undefined>
  }
>

/**
 * What a struct does with keys it does not know.
 *
 * @example
 * const policy: StructPolicy = { unknownKeys: 'reject', aliases: { handlermodule: 'handlerModule' } }
 *
 * @since 0.1.0
 */
export interface StructPolicy {
  /**
   * `reject`: an error per unknown key, with a "did you mean"; `ignore`: leave them out of the output; `nearMiss`:
   * leave them out, except a key that misspells a field (a "did you mean" finds one), which is an error because
   * ignoring it would drop what it says.
   */
  readonly unknownKeys: 'reject' | 'ignore' | 'nearMiss'
  /** Extra "did you mean" hints: an unknown key → the field meant. */
  readonly aliases?: Readonly<Record<string, string>>
  /** Unknown keys that are never an error (read elsewhere, e.g. privacyIDEA's `option.<key>` form fields). */
  readonly allow?: (key: string) => boolean
}

const normalise = (key: string): string => key.toLowerCase().replace(/[^a-z0-9]/g, '')

const distance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current.push(
        Math.min(
          (previous[j] ?? 0) + 1,
          (current[j - 1] ?? 0) + 1,
          (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
        ),
      )
    }
    previous = current
  }
  return previous[b.length] ?? 0
}

/**
 * The known key an unknown key probably means: an alias, the same letters in another case or separator style
 * (`abort_on_error` → `abortOnError`), or the nearest miss of at most two edits (ties: the first known key).
 *
 * @example
 * suggest('abort_on_error', ['abortOnError', 'events']) // 'abortOnError'
 * suggest('evnts', ['events', 'name']) // 'events'
 * suggest('option', ['action', 'options']) // 'options': one edit away, `action` two
 * suggest('colour', ['events', 'name']) // undefined
 *
 * @since 0.1.0
 */
export const suggest = (
  key: string,
  known: ReadonlyArray<string>,
  aliases: Readonly<Record<string, string>> = {},
): string | undefined => {
  if (hasOwn(aliases, key)) return aliases[key]
  if (key.length > 64) return undefined
  const n = normalise(key)
  const same = known.find((k) => normalise(k) === n)
  if (same !== undefined) return same
  if (n.length < 4) return undefined
  let best: string | undefined
  let bestDistance = 3
  for (const k of known) {
    const nk = normalise(k)
    if (Math.abs(nk.length - n.length) >= bestDistance) continue
    const d = distance(nk, n)
    if (d < bestDistance) {
      best = k
      bestDistance = d
    }
  }
  return best
}

/**
 * A struct: an object with the given fields, decoded into a fresh object holding exactly those fields (in the
 * order given). A field counts as absent when the input has no own property of that name or its value is
 * `undefined`; an absent optional field stays absent (no `undefined`-valued keys).
 *
 * @example
 * struct('a logged-in identity', { role: required(Str), realm: optional(Str) }, { unknownKeys: 'reject' })
 *
 * @since 0.1.0
 */
export const struct = <S extends Fields>(
  name: string,
  fields: S,
  policy: StructPolicy,
): Type<StructOf<S>, StructOf<S>, unknown> => {
  const keys = Object.keys(fields)
  /** The field an unknown key is an error for (`''`: no field in particular), or undefined when it is not one. */
  const unknownKeyError = (u: Readonly<Record<string, unknown>>, k: string): string | undefined => {
    if (policy.unknownKeys === 'ignore' || policy.allow?.(k) === true) return undefined
    const hint = suggest(k, keys, policy.aliases)
    if (policy.unknownKeys === 'reject') return hint ?? ''
    return u[k] === undefined ? undefined : hint
  }
  const is = (u: unknown): u is StructOf<S> =>
    isPlainObject(u) &&
    keys.every((k) => {
      const field = fields[k]
      if (field === undefined) return false
      const present = hasOwn(u, k) && u[k] !== undefined
      return present ? field.codec.is(u[k]) : field._tag === 'Optional' && !hasOwn(u, k)
    }) &&
    Object.keys(u).every((k) => hasOwn(fields, k) || unknownKeyError(u, k) === undefined)
  return new Type<StructOf<S>, StructOf<S>, unknown>(
    name,
    is,
    (u, c) => {
      if (!isPlainObject(u)) return failure(u, c, `expected ${name}, got ${describe(u)}`)
      const errors: ValidationError[] = []
      const out: Record<string, unknown> = {}
      for (const k of keys) {
        const field = fields[k]
        if (field === undefined) continue
        const x = own(u, k)
        const ctx = appendContext(c, k, field.codec, x)
        if (x === undefined) {
          if (field._tag === 'Required') errors.push(problem(x, ctx, `missing; expected ${field.codec.name}`))
          else if (field._tag === 'Defaulted') out[k] = field.fallback
          continue
        }
        const r = field.codec.validate(x, ctx)
        if (r._tag === 'Left') errors.push(...r.left)
        else if (r.right !== undefined) out[k] = r.right
      }
      for (const k of Object.keys(u)) {
        if (hasOwn(fields, k)) continue
        const hint = unknownKeyError(u, k)
        if (hint === undefined) continue
        errors.push(
          problem(
            u[k],
            appendContext(c, k, Anything, u[k]),
            hint === ''
              ? `unknown field (${name} has ${keys.join(', ')})`
              : policy.unknownKeys === 'nearMiss'
                ? `unknown field; did you mean "${hint}"? (field names are exact: ignoring this one would drop what it says)`
                : `unknown field; did you mean "${hint}"?`,
          ),
        )
      }
      return errors.length > 0 ? failures(errors) : success(out as StructOf<S>)
    },
    identity,
  )
}
