/**
 * Decoding never throws, whatever the input: 100,000+ generated values in total, from three sources:
 * - arbitrary JSON (test/arbitraries/json.ts): deep, wide, `__proto__`/`constructor` keys, odd numbers;
 * - valid inputs broken in place: a subtree replaced by arbitrary JSON, a key removed or added, a string turned
 *   into a number or a value into its JSON text (numbers where strings belong, JSON where objects belong);
 * - huge strings and very deep nesting.
 * Every result is checked: a `Left` holds at least one well-formed error and formats; a `Right` is well-shaped
 * and decodes to itself again. `Object.prototype` is unchanged at the end.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BindingCodec, encodeBinding } from '../../src/codec/binding.js'
import { decodeBindings } from '../../src/codec/bindings.js'
import { type DecodeErrors, formatDecodeErrors } from '../../src/codec/errors.js'
import { decodeEvent, EventCodec } from '../../src/codec/event.js'
import { defineOwn } from '../../src/codec/primitives.js'
import type { Either } from '../../src/core/either.js'
import type { Binding, Event } from '../../src/core/model.js'
import { shapeIssues } from '../../src/core/shape.js'
import { bindings } from '../arbitraries/binding.js'
import { event } from '../arbitraries/event.js'
import { dangerousKeys, deeplyNested, fieldKeys, jsonText, jsonValue } from '../arbitraries/json.js'
import exportJson from './fixtures/privacyidea-export.json' with { type: 'json' }

/** Runs per property; the total is asserted below. */
const RUNS = {
  bindingsFromJson: 25_000,
  eventFromJson: 25_000,
  brokenBindings: 25_000,
  brokenEvents: 25_000,
  huge: 150,
} as const

let counted = 0
/** How many inputs decoded (a `Right`): the broken-in-place inputs must reach the success path too. */
let decoded = 0
const snapshot = () => Object.getOwnPropertyNames(Object.prototype).join(',')
let before = ''
beforeAll(() => {
  before = snapshot()
})
afterAll(() => {
  expect(snapshot()).toBe(before)
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
})

const wellFormedErrors = (errors: DecodeErrors): boolean =>
  errors.length > 0 &&
  errors.every(
    (e) =>
      Array.isArray(e.path) &&
      e.path.every((p) => typeof p === 'string' || (typeof p === 'number' && Number.isInteger(p) && p >= 0)) &&
      typeof e.message === 'string' &&
      e.message.length > 0,
  ) &&
  typeof formatDecodeErrors(errors) === 'string'

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

const readBack = (events: ReadonlyArray<string>): ReadonlyArray<string> =>
  events
    .join(',')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '')

/** The invariant of `decodeBindings` on any input. */
const bindingsInvariant = (u: unknown): boolean => {
  counted++
  const r: Either<DecodeErrors, ReadonlyArray<Binding>> = decodeBindings(u)
  if (r._tag === 'Left') return wellFormedErrors(r.left)
  decoded++
  if (!r.right.every((b) => shapeIssues(b).length === 0 && BindingCodec.is(b))) return false
  const again = decodeBindings(r.right)
  const viaPrivacyIdea = decodeBindings(r.right.map(encodeBinding))
  // privacyIDEA's shape stores events as one comma string: names are split, trimmed and empty ones left out.
  const stored = r.right.map((b) => ({ ...b, events: readBack(b.events) }))
  return (
    again._tag === 'Right' &&
    sameJson(again.right, r.right) &&
    viaPrivacyIdea._tag === 'Right' &&
    sameJson(viaPrivacyIdea.right, stored)
  )
}

/** The invariant of `decodeEvent` on any input. */
const eventInvariant = (u: unknown): boolean => {
  counted++
  const r: Either<DecodeErrors, Event> = decodeEvent(u)
  if (r._tag === 'Left') return wellFormedErrors(r.left)
  decoded++
  const again = decodeEvent(r.right)
  return EventCodec.is(r.right) && again._tag === 'Right' && sameJson(again.right, r.right)
}

// ---------------------------------------------------------------------------------------------------------------
// Breaking valid inputs in place.

type Op = 'replace' | 'delete' | 'addKey' | 'toText' | 'toNumber'
interface Mutation {
  readonly steps: ReadonlyArray<number>
  readonly op: Op
  readonly key: string
  readonly value: string
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  steps: fc.array(fc.nat(), { maxLength: 6 }),
  op: fc.constantFrom<Op>('replace', 'delete', 'addKey', 'toText', 'toNumber'),
  key: fc.oneof(fc.constantFrom(...fieldKeys, ...dangerousKeys), fc.string({ maxLength: 6 })),
  value: jsonText({ maxDepth: 2, maxWidth: 3 }),
})

const isContainer = (u: unknown): u is Record<string, unknown> | unknown[] => typeof u === 'object' && u !== null

/** Applies a mutation to a freshly parsed value (owned by the caller) and returns the new root. */
const mutate = (root: unknown, m: Mutation): unknown => {
  let parent: Record<string, unknown> | unknown[] | undefined
  let slot: string | number = ''
  let current = root
  for (const step of m.steps) {
    if (!isContainer(current)) break
    const keys: ReadonlyArray<string | number> = Array.isArray(current)
      ? current.map((_, i) => i)
      : Object.keys(current)
    if (keys.length === 0) break
    const next = keys[step % keys.length] ?? 0
    parent = current
    slot = next
    current = Array.isArray(current) ? current[next as number] : current[String(next)]
  }
  const replacement = (): unknown => {
    switch (m.op) {
      case 'replace':
        return JSON.parse(m.value)
      case 'toText':
        return JSON.stringify(current) ?? ''
      case 'toNumber':
        return typeof current === 'string' ? current.length : typeof current === 'boolean' ? Number(current) : 0
      default:
        return current
    }
  }
  if (m.op === 'addKey') {
    if (isContainer(current) && !Array.isArray(current)) defineOwn(current, m.key, JSON.parse(m.value))
    return root
  }
  if (parent === undefined) return m.op === 'delete' ? undefined : replacement()
  if (Array.isArray(parent)) {
    if (m.op === 'delete') parent.splice(slot as number, 1)
    else parent[slot as number] = replacement()
  } else if (m.op === 'delete') delete parent[String(slot)]
  else defineOwn(parent, String(slot), replacement())
  return root
}

/**
 * Valid inputs to break: pools drawn once (generating a valid binding list or event costs far more than decoding
 * it), each run picks one and breaks it with fresh mutations.
 */
const POOL = 400

/** Valid configurations in every accepted shape, as JSON text. */
const validBindingsTexts: ReadonlyArray<string> = [
  JSON.stringify(exportJson),
  ...fc.sample(
    fc.tuple(bindings(4), fc.constantFrom('list', 'native', 'export', 'rest')).map(([bs, shape]) => {
      const list = bs.map(encodeBinding)
      return JSON.stringify(
        shape === 'list'
          ? list
          : shape === 'native'
            ? bs
            : shape === 'export'
              ? { event: list }
              : { result: { status: true, value: list } },
      )
    }),
    POOL,
  ),
]

/** Valid events, as JSON text. */
const validEventTexts: ReadonlyArray<string> = fc.sample(event(), POOL).map((e) => JSON.stringify(e))

const broken = (texts: ReadonlyArray<string>): fc.Arbitrary<unknown> =>
  fc
    .tuple(fc.constantFrom(...texts), fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([text, ms]) => ms.reduce<unknown>((value, m) => mutate(value, m), JSON.parse(text)))

const brokenBindings = broken(validBindingsTexts)
const brokenEvents = broken(validEventTexts)

describe('decoding never throws', () => {
  it(`decodeBindings on ${RUNS.bindingsFromJson} arbitrary JSON values`, () => {
    fc.assert(fc.property(jsonValue({ maxDepth: 5, maxWidth: 6 }), bindingsInvariant), {
      numRuns: RUNS.bindingsFromJson,
    })
  })

  it(`decodeEvent on ${RUNS.eventFromJson} arbitrary JSON values`, () => {
    fc.assert(fc.property(jsonValue({ maxDepth: 5, maxWidth: 6 }), eventInvariant), { numRuns: RUNS.eventFromJson })
  })

  it(`decodeBindings on ${RUNS.brokenBindings} valid configurations broken in place`, () => {
    decoded = 0
    fc.assert(fc.property(brokenBindings, bindingsInvariant), { numRuns: RUNS.brokenBindings })
    expect(decoded).toBeGreaterThan(RUNS.brokenBindings / 10)
  })

  it(`decodeEvent on ${RUNS.brokenEvents} valid events broken in place`, () => {
    decoded = 0
    fc.assert(fc.property(brokenEvents, eventInvariant), { numRuns: RUNS.brokenEvents })
    expect(decoded).toBeGreaterThan(RUNS.brokenEvents / 10)
  })

  it(`both decoders on ${RUNS.huge} values with huge strings`, () => {
    fc.assert(
      fc.property(
        jsonValue({ maxDepth: 3, maxWidth: 3, hugeStrings: true }),
        (u) => bindingsInvariant(u) && eventInvariant(u),
      ),
      { numRuns: RUNS.huge },
    )
  })

  it('on huge strings where strings belong, and as keys', () => {
    const huge = 'x'.repeat(1_000_000)
    const commas = 'token_init, '.repeat(100_000)
    const conditions = JSON.stringify(Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`c${i}`, 'v'])))
    const pi = { id: 1, name: huge, event: commas, handlermodule: huge, action: huge, conditions }
    const r = decodeBindings([pi, { ...pi, [huge]: 1 }, { ...pi, event: [huge], options: { [huge]: huge } }])
    expect(r._tag === 'Right' ? r.right.map((b) => b.events.length) : []).toEqual([100_000, 100_000, 1])
    const native = { id: 1, name: 'n', events: [huge], handlerModule: 'T', action: 'a', [huge]: true }
    const n = decodeBindings([native])
    expect(n._tag === 'Left' ? n.left.map((e) => e.message.length < 300) : []).toEqual([true])
    const e = {
      name: huge,
      position: 'post',
      now: huge,
      request: { params: { [huge]: huge } },
      counters: { [huge]: 1 },
      [huge]: huge,
    }
    const d = decodeEvent(e)
    expect(d._tag === 'Left' ? d.left.map((x) => x.message.length < 300) : []).toEqual([true])
    for (const u of [pi, native, e, [e], { event: [e] }]) {
      expect(bindingsInvariant(u)).toBe(true)
      expect(eventInvariant(u)).toBe(true)
    }
  })

  it('on very deep nesting, in every place', () => {
    for (const depth of [1_000, 100_000]) {
      for (const kind of ['list', 'object'] as const) {
        const deep = deeplyNested(depth, kind)
        const inputs: ReadonlyArray<string> = [
          deep,
          `{"event":${deep}}`,
          `{"result":{"status":true,"value":${deep}}}`,
          `[{"id":1,"event":${deep},"handlermodule":"T","options":${deep},"conditions":${JSON.stringify(deep)}}]`,
          `{"name":"a","position":"pre","now":"n","request":{"params":${deep}},"response":${deep},"token":${deep}}`,
        ]
        for (const text of inputs) {
          const u: unknown = JSON.parse(text)
          expect(bindingsInvariant(u)).toBe(true)
          expect(eventInvariant(u)).toBe(true)
        }
      }
    }
  })

  it('on a wide configuration: every error reported', () => {
    const wide = Array.from({ length: 20_000 }, (_, i) => ({ id: i, event: 'auth', handlermodule: i }))
    const r = decodeBindings(wide)
    expect(r._tag === 'Left' ? r.left.length : 0).toBe(20_000)
    counted++
  })

  it('ran on at least 100,000 generated values in all', () => {
    expect(counted).toBeGreaterThanOrEqual(100_000)
  })
})
