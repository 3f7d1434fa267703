/**
 * Helpers for the hostile-input tests: snapshots of the built-in prototypes (to prove nothing reached them), a walk
 * that finds any object in an output whose prototype is not a plain one, and the hostile key names.
 */
import { expect } from 'vitest'

/** Keys that name or reach a prototype, and names `Object.prototype` already has (inherited if read carelessly). */
export const HOSTILE_KEYS: ReadonlyArray<string> = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
]

const PROTOTYPES: ReadonlyArray<readonly [string, object]> = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Number.prototype', Number.prototype],
  ['RegExp.prototype', RegExp.prototype],
]

/** Every own property descriptor of the built-in prototypes, and each prototype's own prototype. */
export const prototypeSnapshot = (): ReadonlyArray<unknown> =>
  PROTOTYPES.map(([name, p]) => [
    name,
    Object.getPrototypeOf(p),
    Reflect.ownKeys(p).map((k) => [String(k), Object.getOwnPropertyDescriptor(p, k)]),
  ])

/** Asserts the prototypes are as in `before` and that a fresh object inherits nothing new. */
export const expectPristine = (before: ReadonlyArray<unknown>): void => {
  expect(prototypeSnapshot()).toEqual(before)
  const fresh: Record<string, unknown> = {}
  expect(fresh.polluted).toBeUndefined()
  expect(Object.getPrototypeOf(fresh)).toBe(Object.prototype)
  expect(Object.keys(Object.prototype)).toEqual([])
}

const PLAIN: ReadonlySet<unknown> = new Set([Object.prototype, Array.prototype, null])

/**
 * The paths of every object in `u` whose prototype is not `Object.prototype`, `Array.prototype` or `null` (a
 * `__proto__` write that went through the setter), and of every inherited enumerable property.
 */
export const oddObjects = (u: unknown, path = '$', seen: Set<object> = new Set()): ReadonlyArray<string> => {
  if (typeof u !== 'object' || u === null || seen.has(u)) return []
  seen.add(u)
  const out: string[] = []
  if (!PLAIN.has(Object.getPrototypeOf(u))) out.push(`${path}: prototype changed`)
  for (const k in u) if (!Object.hasOwn(u, k)) out.push(`${path}.${k}: inherited enumerable property`)
  for (const k of Reflect.ownKeys(u)) {
    const d = Object.getOwnPropertyDescriptor(u, k)
    if (d !== undefined && 'value' in d) out.push(...oddObjects(d.value, `${path}[${JSON.stringify(String(k))}]`, seen))
    else if (d !== undefined) out.push(`${path}.${String(k)}: accessor property`)
  }
  return out
}

/** JSON text with every `@K@` replaced by `key`, parsed: `__proto__` becomes an own key. */
export const parseWith = (template: string, key: string): unknown => JSON.parse(template.replaceAll('@K@', key))
