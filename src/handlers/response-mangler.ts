/**
 * `ResponseMangler` (SPEC 4.7): delete or set a value of the JSON response by a pointer of 1–3 components (`/detail/
 * message`; empty components are ignored, no `~` escapes). Post only. The change is applied purely — a new response,
 * never the input — and later bindings and `Evaluation.response` see it (SPEC 1.3, 1.7).
 *
 * Python's behaviour is kept: a missing key on delete, or a pointer of another length, leaves the response unchanged
 * (a warning in privacyIDEA, the audit `details` here); `set` replaces a missing or falsy intermediate value (`null`, `0`,
 * `""`, `false`, `[]`, `{}`) by an object; an intermediate value that is a list, string, number or `true` makes
 * privacyIDEA raise, so the binding fails (`TypeError`/`AttributeError`). A response that is not a JSON object is
 * read as `{}`.
 *
 * @since 0.1.0
 */
import { isTrue } from '../conditions/grammar/boolean.js'
import type { ActionResult } from '../core/catalogue.js'
import { right } from '../core/either.js'
import { type EvalFailure, issue } from '../core/errors.js'
import type { Intent, Json } from '../core/model.js'
import { mergeInto } from './merge-into.js'
import { defineAction, defineModule, failed, fired, type HandlerModuleDescriptor, intentBase } from './module.js'
import { type OptionsOf, pyInt } from './options.js'

const DELETE = [{ name: 'JSON pointer', type: 'str', required: true }] as const

const SET = [
  { name: 'JSON pointer', type: 'str', required: true },
  { name: 'type', type: 'str', required: true, values: ['string', 'integer', 'bool'] },
  { name: 'value', type: 'str', required: true, emptyAllowed: true },
] as const

/**
 * `ResponseMangler.delete`: the response later bindings see has the key removed (`changed`).
 *
 * @example
 * const hideQr: ResponseDeleteIntent = {
 *   _tag: 'ResponseMangler.delete',
 *   bindingId: 6,
 *   bindingName: 'Hide the QR code',
 *   handlerModule: 'ResponseMangler',
 *   action: 'delete',
 *   event: 'token_init',
 *   position: 'post',
 *   options: { 'JSON pointer': '/detail/googleurl' },
 *   pointer: ['detail', 'googleurl'],
 *   changed: true,
 * }
 * @since 0.1.0
 */
export interface ResponseDeleteIntent extends Intent {
  readonly _tag: 'ResponseMangler.delete'
  readonly options: OptionsOf<typeof DELETE>
  /** The pointer's components, empty ones dropped. */
  readonly pointer: ReadonlyArray<string>
  readonly changed: boolean
}

/**
 * `ResponseMangler.set`: the response later bindings see has `value` at `pointer` (`changed`).
 *
 * @example
 * const welcome: ResponseSetIntent = {
 *   _tag: 'ResponseMangler.set',
 *   bindingId: 7,
 *   bindingName: 'Welcome message',
 *   handlerModule: 'ResponseMangler',
 *   action: 'set',
 *   event: 'token_init',
 *   position: 'post',
 *   options: { 'JSON pointer': '/detail/message', type: 'string', value: 'welcome' },
 *   pointer: ['detail', 'message'],
 *   value: 'welcome',
 *   changed: true,
 * }
 * @since 0.1.0
 */
export interface ResponseSetIntent extends Intent {
  readonly _tag: 'ResponseMangler.set'
  readonly options: OptionsOf<typeof SET>
  readonly pointer: ReadonlyArray<string>
  /** The typed value: string, integer or boolean. */
  readonly value: string | number | boolean
  readonly changed: boolean
}

/**
 * The intents of the ResponseMangler module.
 *
 * @example
 * const mangled = evaluation.intents.filter((i): i is ResponseManglerIntent => i.handlerModule === 'ResponseMangler')
 * const unchanged = mangled.filter((i) => !i.changed) // the pointer named nothing to change
 * @since 0.1.0
 */
export type ResponseManglerIntent = ResponseDeleteIntent | ResponseSetIntent

/**
 * A JSON object: what privacyIDEA reads the response content as.
 *
 * @example
 * const content: JsonObject = { result: { status: true, value: true }, detail: { serial: 'TOTP0001' } }
 * @since 0.1.0
 */
export type JsonObject = { readonly [key: string]: Json }

/**
 * Tells a plain JSON object (not a list, not null).
 *
 * @example
 * isJsonObject({ detail: {} }) // true
 * isJsonObject(['detail']) // false
 * @since 0.1.0
 */
export const isJsonObject = (u: unknown): u is JsonObject => typeof u === 'object' && u !== null && !Array.isArray(u)

/**
 * Python's truthiness of a JSON value.
 *
 * @example
 * pyTruthy({}) // false
 * pyTruthy('0') // true
 * pyTruthy(0) // false
 * @since 0.1.0
 */
export const pyTruthy = (u: unknown): boolean => {
  if (u === null || u === undefined || u === false || u === 0 || u === '') return false
  if (Array.isArray(u)) return u.length > 0
  if (typeof u === 'object') return Object.keys(u).length > 0
  return true
}

/**
 * The response as privacyIDEA reads its content: a JSON object, else `{}`.
 *
 * @example
 * responseContent(event.response) // { result: { status: true, value: true }, detail: { serial: 'TOTP0001' } }
 * responseContent(undefined) // {}
 * @since 0.1.0
 */
export const responseContent = (response: unknown): JsonObject => (isJsonObject(response) ? response : {})

/**
 * The components of a pointer: split on `/`, empty components dropped.
 *
 * @example
 * pointerComponents('/detail//message/') // ['detail', 'message']
 * @since 0.1.0
 */
export const pointerComponents = (pointer: string): ReadonlyArray<string> => pointer.split('/').filter((c) => c !== '')

const withKey = (o: JsonObject, key: string, value: Json): JsonObject => ({ ...o, [key]: value })

const typeName = (u: unknown): string =>
  u === null
    ? 'NoneType'
    : Array.isArray(u)
      ? 'list'
      : typeof u === 'string'
        ? 'str'
        : typeof u === 'number'
          ? 'int'
          : typeof u === 'boolean'
            ? 'bool'
            : 'dict'

/**
 * The outcome of a pure response change: the new response, unchanged with a reason, or a failure.
 *
 * @example
 * const outcome: Mangled = setAt(responseContent(event.response), ['detail', 'message'], 'welcome')
 * if (outcome._tag === 'Changed') console.log(outcome.response)
 * @since 0.1.0
 */
export type Mangled =
  | { readonly _tag: 'Changed'; readonly response: JsonObject }
  | { readonly _tag: 'Unchanged'; readonly reason: string }
  | EvalFailure

/** An inner step of a pointer walk: the rebuilt object, or why the walk stopped. */
type Walk = { readonly _tag: 'Node'; readonly node: JsonObject } | Exclude<Mangled, { readonly _tag: 'Changed' }>

const node = (n: JsonObject): Walk => ({ _tag: 'Node', node: n })

const finish = (walk: Walk): Mangled => (walk._tag === 'Node' ? { _tag: 'Changed', response: walk.node } : walk)

const at = (path: ReadonlyArray<string>, depth: number): string => `/${path.slice(0, depth).join('/')}`

/**
 * Deletes the key a pointer of 1–3 components names, as privacyIDEA does. Never mutates.
 *
 * @example
 * deleteAt({ detail: { message: 'x', a: 1 } }, ['detail', 'message']) // Changed { detail: { a: 1 } }
 * deleteAt({ detail: {} }, ['detail', 'message']) // Unchanged
 * @since 0.1.0
 */
export const deleteAt = (content: JsonObject, path: ReadonlyArray<string>): Mangled => {
  if (path.length < 1 || path.length > 3)
    return { _tag: 'Unchanged', reason: `JSON pointer length of ${path.length} not supported` }
  const go = (value: Json, depth: number): Walk => {
    const key = path[depth] as string
    if (!isJsonObject(value))
      return failed('TypeError', `'${typeName(value)}' object does not support item deletion at ${at(path, depth)}`)
    if (!Object.hasOwn(value, key))
      return { _tag: 'Unchanged', reason: `can not delete response JSON pointer /${path.join('/')}` }
    if (depth === path.length - 1) return node(Object.fromEntries(Object.entries(value).filter(([k]) => k !== key)))
    const inner = go(value[key] as Json, depth + 1)
    return inner._tag === 'Node' ? node(withKey(value, key, inner.node)) : inner
  }
  return finish(go(content, 0))
}

/**
 * Sets the value a pointer of 1–3 components names, as privacyIDEA does: a missing or falsy intermediate value
 * becomes `{}`; a truthy one that is not an object fails. Never mutates.
 *
 * @example
 * setAt({}, ['detail', 'message'], 'hi') // Changed { detail: { message: 'hi' } }
 * @since 0.1.0
 */
export const setAt = (content: JsonObject, path: ReadonlyArray<string>, value: Json): Mangled => {
  if (path.length < 1 || path.length > 3)
    return { _tag: 'Unchanged', reason: `JSON pointer of length ${path.length} not supported` }
  const go = (current: JsonObject, depth: number): Walk => {
    const key = path[depth] as string
    if (depth === path.length - 1) return node(withKey(current, key, value))
    const existing = Object.hasOwn(current, key) ? current[key] : undefined
    const child = pyTruthy(existing) ? existing : {}
    if (!isJsonObject(child))
      // privacyIDEA: item assignment on a list or string (TypeError), or `.get` on it first (AttributeError).
      return depth + 1 === path.length - 1
        ? failed('TypeError', `'${typeName(child)}' object does not support item assignment at ${at(path, depth + 1)}`)
        : failed('AttributeError', `'${typeName(child)}' object has no attribute 'get' at ${at(path, depth + 1)}`)
    const inner = go(child, depth + 1)
    return inner._tag === 'Node' ? node(withKey(current, key, inner.node)) : inner
  }
  return finish(go(content, 0))
}

/**
 * The typed value of a `set` binding: `integer` as Python's `int()` (a failure keeps the string), `bool` as is_true.
 *
 * @example
 * typedValue('integer', '42') // 42
 * typedValue('integer', 'many') // 'many'
 * typedValue('bool', 'True') // true
 * @since 0.1.0
 */
export const typedValue = (type: 'string' | 'integer' | 'bool', value: string): string | number | boolean => {
  switch (type) {
    case 'string':
      return value
    case 'integer':
      return pyInt(value) ?? value
    case 'bool':
      return isTrue(value)
  }
}

const result = (intent: Intent, mangled: Mangled): ActionResult => {
  switch (mangled._tag) {
    case 'Changed':
      return fired({ ...intent, changed: true } as Intent, { response: mangled.response })
    case 'Unchanged':
      return fired({ ...intent, changed: false } as Intent, { details: mangled.reason })
    case 'EvalFailure':
      return mangled
  }
}

const pointerWarnings = (path: ReadonlyArray<string>) =>
  path.length < 1 || path.length > 3
    ? [
        issue(
          'invalid-pointer',
          `JSON pointer has ${path.length} components; 1 to 3 are supported, the response stays unchanged`,
          ['options', 'JSON pointer'],
        ),
      ]
    : []

/**
 * The ResponseMangler module.
 *
 * @example
 * responseManglerModule.positions // ['post']
 * responseManglerModule.actions.map((a) => a.name) // ['delete', 'set']
 * @since 0.1.0
 */
export const responseManglerModule: HandlerModuleDescriptor = defineModule({
  name: 'ResponseMangler',
  positions: ['post'],
  abortOnError: false,
  actions: [
    defineAction({ name: 'delete', options: DELETE }, (options) => {
      const pointer = pointerComponents(options['JSON pointer'])
      return right({
        facts: ['response'],
        warnings: pointerWarnings(pointer),
        run: (ctx, binding) =>
          result(
            mergeInto(intentBase('ResponseMangler.delete', ctx, binding), { options, pointer }) as Intent,
            deleteAt(responseContent(ctx.event.response), pointer),
          ),
      })
    }),
    defineAction({ name: 'set', options: SET }, (options) => {
      const pointer = pointerComponents(options['JSON pointer'])
      const value = typedValue(options.type, options.value)
      const warnings = [
        ...pointerWarnings(pointer),
        ...(options.type === 'integer' && typeof value === 'string'
          ? [
              issue(
                'invalid-integer',
                `value ${JSON.stringify(options.value)} is not an integer; it is set as a string`,
                ['options', 'value'],
              ),
            ]
          : []),
      ]
      return right({
        facts: ['response'],
        warnings,
        run: (ctx, binding) =>
          result(
            mergeInto(intentBase('ResponseMangler.set', ctx, binding), { options, pointer, value }) as Intent,
            setAt(responseContent(ctx.event.response), pointer, value),
          ),
      })
    }),
  ],
})
