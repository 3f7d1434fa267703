/**
 * `requiredFacts(bindings, eventName, position)`: the `Event` fields the bindings selected for one event name and
 * position read, so a host resolves only those (a database lookup for the token's tokeninfo, the user's token count,
 * an event counter). It is the union of the selected bindings' condition and action facts (each plug-in declares
 * them), plus what the kernel itself reads:
 *
 * - always: `name`, `position`, `now` (required fields of `Event`), `request` and `response` (the evaluation returns
 *   them, after mangling; a host has them in hand anyway);
 * - when any binding is selected: the audit fields `serial`, `token.serial`, `token.type`, `user.login`,
 *   `user.realm` (SPEC 1.6).
 *
 * The law (a property test): `evaluate(prune(event, plan), bindings)` equals `evaluate(event, bindings)` for
 * `plan = requiredFacts(bindings, event.name, event.position)`.
 *
 * A fact is a dotted path. Under the record fields `request.params`, `user.info`, `token.info`, `container.info` and
 * `counters` the rest of the path is one key, dots included (`counters.logins.failed` is the counter
 * `logins.failed`). A path names its whole subtree (`token.realms`, `challenges`, `token` for all of the token).
 *
 * @since 0.1.0
 */
import type { Catalogue } from '../core/catalogue.js'
import type { RuleSet } from '../core/compile.js'
import { select } from '../core/evaluate.js'
import type { Event, Position } from '../core/model.js'
import { type BindingsInput, ruleSetOf } from './rules.js'

/**
 * `requiredFacts` bound to a catalogue.
 *
 * @example
 * const requiredFacts: RequiredFacts = requiredFactsWith(catalogue)
 * @since 0.1.0
 */
export type RequiredFacts = (bindings: BindingsInput, eventName: string, position: Position) => ReadonlyArray<string>

/**
 * Facts the kernel reads for every event: the required fields, and the request/response the evaluation returns.
 *
 * @example
 * KERNEL_FACTS // ['name', 'position', 'now', 'request', 'response']
 * @since 0.1.0
 */
export const KERNEL_FACTS: ReadonlyArray<string> = ['name', 'position', 'now', 'request', 'response']

/**
 * Facts the audit entry of a triggered or failed binding reads (SPEC 1.6).
 *
 * @example
 * AUDIT_FACTS // ['serial', 'token.serial', 'token.type', 'user.login', 'user.realm']
 * @since 0.1.0
 */
export const AUDIT_FACTS: ReadonlyArray<string> = ['serial', 'token.serial', 'token.type', 'user.login', 'user.realm']

/** The record-valued fields under which the rest of a path is one key. */
const RECORD_FIELDS: ReadonlyArray<ReadonlyArray<string>> = [
  ['request', 'params'],
  ['user', 'info'],
  ['token', 'info'],
  ['container', 'info'],
  ['counters'],
]

/**
 * Splits a fact path into its segments, keeping a record key whole.
 *
 * @example
 * factSegments('token.info.last_auth')   // ['token', 'info', 'last_auth']
 * factSegments('counters.logins.failed') // ['counters', 'logins.failed']
 * @since 0.1.0
 */
export const factSegments = (fact: string): ReadonlyArray<string> => {
  for (const prefix of RECORD_FIELDS) {
    const head = `${prefix.join('.')}.`
    if (fact.startsWith(head) && fact.length > head.length) return [...prefix, fact.slice(head.length)]
  }
  return fact.split('.')
}

/** A trie of fact segments; a `true` leaf keeps the whole subtree. */
type Plan = Map<string, Plan | true>

const planOf = (facts: ReadonlyArray<string>): Plan => {
  const root: Plan = new Map()
  for (const fact of facts) {
    const segments = factSegments(fact)
    let node: Plan = root
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i] as string
      const last = i === segments.length - 1
      const child = node.get(segment)
      if (child === true) break
      if (last) {
        node.set(segment, true)
        break
      }
      if (child === undefined) {
        const next: Plan = new Map()
        node.set(segment, next)
        node = next
      } else node = child
    }
  }
  return root
}

const isPlainObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u)

/** Sets an own property even for keys like `__proto__`. */
const define = (target: Record<string, unknown>, key: string, value: unknown): void => {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

const pruneValue = (value: unknown, plan: Plan): unknown => {
  if (!isPlainObject(value)) return value
  const out: Record<string, unknown> = {}
  for (const [key, sub] of plan) {
    if (!Object.hasOwn(value, key)) continue
    const v = value[key]
    if (v === undefined) continue
    define(out, key, sub === true ? v : pruneValue(v, sub))
  }
  return out
}

/**
 * The event with every field outside `facts` removed (objects on the way to a kept field are kept, holding only
 * what is kept). `name`, `position`, `now` and `request` are always kept: an `Event` requires them.
 *
 * @example
 * prune(event, ['name', 'position', 'now', 'request', 'token.info.last_auth'])
 * // { name, position, now, request, token: { info: { last_auth: '...' } } }
 * @since 0.1.0
 */
export const prune = (event: Event, facts: ReadonlyArray<string>): Event => {
  const kept = pruneValue(event, planOf([...facts, 'name', 'position', 'now', 'request']))
  return kept as Event
}

const compareFacts = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Removes facts already covered by a shorter one (`token` covers `token.type`), sorted. */
const normalise = (facts: Iterable<string>): ReadonlyArray<string> => {
  const sorted = [...new Set(facts)].filter((f) => f !== '').sort(compareFacts)
  const covered = (f: string): boolean =>
    sorted.some(
      (g) => g !== f && factSegments(f).length > factSegments(g).length && isPrefix(factSegments(g), factSegments(f)),
    )
  return sorted.filter((f) => !covered(f))
}

const isPrefix = (prefix: ReadonlyArray<string>, path: ReadonlyArray<string>): boolean =>
  prefix.every((segment, i) => path[i] === segment)

const factsOf = (rules: RuleSet, eventName: string, position: Position): ReadonlyArray<string> => {
  const selected = select(rules, { name: eventName, position, now: '', request: { params: {} } })
  if (selected.length === 0) return normalise(KERNEL_FACTS)
  const facts = new Set<string>([...KERNEL_FACTS, ...AUDIT_FACTS])
  for (const cb of selected) {
    for (const c of cb.conditions) for (const f of c.facts) facts.add(f)
    for (const f of cb.action?.facts ?? []) facts.add(f)
  }
  return normalise(facts)
}

/**
 * Creates `requiredFacts` over a catalogue. Results are cached per rule set, event name and position, so a host
 * may call it for every event.
 *
 * @example
 * const requiredFacts = requiredFactsWith(catalogue)
 * requiredFacts(bindings, 'validate_check', 'post')
 * // ['name', 'now', 'position', 'request', 'response', 'serial', 'token.failcount', 'token.serial', ...]
 * @since 0.1.0
 */
export const requiredFactsWith = (catalogue: Catalogue): RequiredFacts => {
  const rulesOf = ruleSetOf(catalogue)
  const cache = new WeakMap<RuleSet, Map<string, ReadonlyArray<string>>>()
  return (bindings, eventName, position) => {
    const rules = rulesOf(bindings)
    let byEvent = cache.get(rules)
    if (byEvent === undefined) {
      byEvent = new Map()
      cache.set(rules, byEvent)
    }
    const key = `${position} ${eventName}`
    const hit = byEvent.get(key)
    if (hit !== undefined) return hit
    const facts = factsOf(rules, eventName, position)
    byEvent.set(key, facts)
    return facts
  }
}
