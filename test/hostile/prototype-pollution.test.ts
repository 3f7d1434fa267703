/**
 * Prototype pollution (issue 8). `__proto__`, `constructor`, `prototype` (and names `Object.prototype` already has:
 * `toString`, `valueOf`, `hasOwnProperty`, `__defineGetter__`) as tokeninfo keys, user-info keys, container-info
 * keys, request parameters, counter names, response keys, option names, condition names, template tags, JSON-pointer
 * components and RequestMangler parameter names. The hostile objects are built with `JSON.parse`, so `__proto__` is
 * an own key, as a host that parses its input gets it.
 *
 * The proof is metamorphic: every entry point gives, for the hostile key, exactly what it gives for a benign key in
 * the same places (renamed back); nothing in the output has a changed prototype or an inherited property; the
 * built-in prototypes are untouched. A few verdicts are also stated outright.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { check } from '../../src/check.js'
import type { Binding, Evaluation, Event } from '../../src/core/model.js'
import {
  compile,
  decodeBindings,
  decodeEvent,
  evaluate,
  explain,
  renderTemplate,
  requiredFacts,
} from '../../src/index.js'
import { expectPristine, HOSTILE_KEYS, oddObjects, parseWith, prototypeSnapshot } from './helpers.js'
import { BENIGN, EVENT_JSON, NAME_BINDINGS_JSON, OTHER, VALUE_BINDINGS_JSON } from './scenario.js'

let before: ReadonlyArray<unknown>
beforeAll(() => {
  before = prototypeSnapshot()
})
afterAll(() => expectPristine(before))

const eventWith = (key: string): Event => parseWith(EVENT_JSON, key) as Event
const valueBindings = (key: string): ReadonlyArray<Binding> => parseWith(VALUE_BINDINGS_JSON, key) as Binding[]
const allBindings = (key: string): ReadonlyArray<Binding> => [
  ...valueBindings(key),
  ...(parseWith(NAME_BINDINGS_JSON, key) as Binding[]),
]

/** The JSON of a result for the benign key, with the benign key renamed to the hostile one. */
const renamed = (u: unknown, key: string): string => JSON.stringify(u).replaceAll(BENIGN, key)

/** Bindings without conditions: they always fire (12 logs, 13–21 mangle, 22–28 write the key, 29 logs). */
const MANGLERS_AND_WRITERS = [12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29]

/** Ids of the bindings that fired. */
const firedIds = (ev: Evaluation): ReadonlyArray<string | number> => ev.intents.map((i) => i.bindingId)

describe.each(HOSTILE_KEYS)('the key %j', (key) => {
  it('evaluate: the same evaluation as for a benign key, nothing odd in it, the prototypes untouched', () => {
    for (const eventKey of [key, OTHER]) {
      const hostile = evaluate(parseWith(EVENT_JSON, eventKey) as Event, allBindings(key))
      const benign = evaluate(parseWith(EVENT_JSON, eventKey === key ? BENIGN : OTHER) as Event, allBindings(BENIGN))
      expect(JSON.stringify(hostile)).toBe(renamed(benign, key))
      expect(oddObjects(hostile)).toEqual([])
      expectPristine(before)
    }
  })

  it('evaluate: the verdicts, stated outright', () => {
    const present = evaluate(eventWith(key), valueBindings(key))
    // compared as own data: found where the event has it, with its value; never an inherited member
    expect(firedIds(present)).toEqual([1, 2, 3, 4, 9, ...MANGLERS_AND_WRITERS])
    expect(present.audit.filter((a) => !a.success)).toEqual([])
    const absent = evaluate(eventWith(OTHER), valueBindings(key))
    // absent: `counter == 0` holds (an absent counter is 0); nothing reads `Object.prototype.constructor` & co.
    expect(firedIds(absent)).toEqual([10, ...MANGLERS_AND_WRITERS])
    expect(absent.audit.filter((a) => !a.success)).toEqual([])
  })

  it('evaluate: request and response mangling keep the key an own data property', () => {
    const ev = evaluate(eventWith(key), valueBindings(key))
    const params = ev.request.params
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype)
    expect(Object.getOwnPropertyDescriptor(params, key)?.value).toBe('again')
    expect(Object.getOwnPropertyDescriptor(params, 'copy')?.value).toBe('value') // binding 13 ran first
    const response = ev.response as Record<string, unknown>
    expect(Object.getPrototypeOf(response)).toBe(Object.prototype)
    expect(Object.getOwnPropertyDescriptor(response, key)?.value).toEqual({ polluted: 'yes' })
    const result = response.result as Record<string, unknown>
    expect(Object.getOwnPropertyDescriptor(result, key)?.value).toEqual({ x: 1 })
    expect(Object.hasOwn(response.detail as object, key)).toBe(false)
  })

  it('compile: the same configuration errors as for a benign key', () => {
    expect(renamed(compile(allBindings(BENIGN)).errors, key)).toBe(JSON.stringify(compile(allBindings(key)).errors))
    expectPristine(before)
  })

  it('check: the same diagnostics as for a benign key', () => {
    const hostile = check(allBindings(key))
    const benign = check(allBindings(BENIGN))
    const codes = (ds: typeof hostile) => ds.map((d) => [d.code, d.severity, d.path.map(String).join('/')])
    expect(JSON.stringify(codes(hostile))).toBe(renamed(codes(benign), key))
    // the option and condition names are found as such
    expect(hostile.filter((d) => d.path[2] === key).map((d) => d.code)).toEqual(
      expect.arrayContaining(['unknown-condition', 'unknown-option']),
    )
    expect(oddObjects(hostile)).toEqual([])
    expectPristine(before)
  })

  it('explain: the same explanation as for a benign key', () => {
    const hostile = explain(eventWith(key), allBindings(key))
    const benign = explain(eventWith(BENIGN), allBindings(BENIGN))
    expect(JSON.stringify(hostile)).toBe(renamed(benign, key))
    expect(oddObjects(hostile)).toEqual([])
    expectPristine(before)
  })

  it('requiredFacts: the same facts as for a benign key', () => {
    const hostile = requiredFacts(allBindings(key), 'validate_check', 'post')
    const benign = requiredFacts(allBindings(BENIGN), 'validate_check', 'post')
    expect([...hostile].sort()).toEqual(benign.map((f) => f.replaceAll(BENIGN, key)).sort())
    expect(hostile).toContain(`token.info.${key}`)
    expect(hostile).toContain(`counters.${key}`)
    expectPristine(before)
  })

  it('decodeEvent: keeps the key as own data everywhere; evaluating the decoded event changes nothing', () => {
    const raw = eventWith(key)
    const decoded = decodeEvent(parseWith(EVENT_JSON, key))
    if (decoded._tag === 'Left') throw new Error(JSON.stringify(decoded.left))
    const e = decoded.right
    for (const record of [e.request.params, e.user?.info, e.token?.info, e.container?.info, e.counters])
      expect(Object.keys(record ?? {})).toContain(key)
    expect(oddObjects(e)).toEqual([])
    expect(evaluate(e, valueBindings(key))).toEqual(evaluate(raw, valueBindings(key)))
    expectPristine(before)
  })

  it('decodeBindings: accepts the key in values, evaluates the same; names it when it is an option or condition name', () => {
    const decoded = decodeBindings(parseWith(VALUE_BINDINGS_JSON, key))
    if (decoded._tag === 'Left') throw new Error(JSON.stringify(decoded.left))
    expect(oddObjects(decoded.right)).toEqual([])
    expect(evaluate(eventWith(key), decoded.right)).toEqual(evaluate(eventWith(key), valueBindings(key)))
    const names = decodeBindings(parseWith(NAME_BINDINGS_JSON, key))
    const reserved = ['__proto__', 'constructor', 'prototype'].includes(key)
    // the decoder rejects the three reserved names as option and condition names; other names pass through
    expect(names._tag).toBe(reserved ? 'Left' : 'Right')
    if (names._tag === 'Left')
      expect(names.left.map((e) => e.path)).toEqual([
        [0, 'conditions', key],
        [1, 'options', key],
      ])
    expectPristine(before)
  })

  it('renderTemplate: reads own tags only', () => {
    const template = `[{${key}}|{user}]`
    expect(renderTemplate(template, parseWith(`{"@K@": "v", "user": "u"}`, key) as Record<string, string>)).toBe(
      '[v|u]',
    )
    expect(renderTemplate(template, { user: 'u' })).toBe('[|u]')
    expect(renderTemplate(template, Object.create({ [key]: 'inherited', user: 'inherited' }))).toBe('[|]')
    expectPristine(before)
  })
})
