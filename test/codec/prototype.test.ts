/**
 * Prototype pollution. Decision (see src/codec/primitives.ts and event.ts): binding options and conditions reject
 * `__proto__`, `constructor` and `prototype` (names tripline looks up; privacyIDEA has none of them); records of
 * host data in an event keep them as own data properties of plain objects. Nothing changes a prototype.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeBindings } from '../../src/codec/bindings.js'
import { decodeEvent } from '../../src/codec/event.js'
import type { Event } from '../../src/core/model.js'

const snapshot = () =>
  Object.getOwnPropertyNames(Object.prototype).map((k) => [k, Object.getOwnPropertyDescriptor(Object.prototype, k)])
let before: ReturnType<typeof snapshot>

beforeAll(() => {
  before = snapshot()
})
afterAll(() => {
  expect(snapshot()).toEqual(before)
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
})

const payload = '{"polluted":true}'
const pi = (extra: string) =>
  JSON.parse(`[{"id":1,"name":"n","event":"auth","handlermodule":"Token","action":"disable"${extra}}]`)
const event = (extra: string, params = '{}') =>
  JSON.parse(`{"name":"auth","position":"post","now":"2026-11-29T10:00:00Z","request":{"params":${params}}${extra}}`)

const expectNoPollution = () => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  expect(Object.prototype).not.toHaveProperty('polluted')
  expect(Object.getPrototypeOf({})).toBe(Object.prototype)
}

describe('binding options and conditions', () => {
  it.each([
    ['__proto__', 'options', `,"options":{"__proto__":${payload}}`],
    ['constructor', 'options', `,"options":{"constructor":{"prototype":${payload}}}`],
    ['prototype', 'conditions', `,"conditions":{"prototype":"x"}`],
    ['__proto__', 'conditions', `,"conditions":${JSON.stringify(`{"__proto__":${payload}}`)}`],
    ['constructor', 'conditions', `,"conditions":{"constructor":"True"}`],
  ])('reject %s in %s, naming it', (key, field, extra) => {
    const r = decodeBindings(pi(extra))
    expect(r._tag).toBe('Left')
    if (r._tag === 'Left') {
      expect(r.left).toHaveLength(1)
      expect(r.left[0]?.path).toEqual([0, field, key])
      expect(r.left[0]?.message).toMatch(
        new RegExp(`^"${key}" cannot be an? (option|condition) name: JavaScript reserves it`),
      )
    }
    expectNoPollution()
  })

  it('reject them in the native shape too', () => {
    const native = JSON.parse(
      `[{"id":1,"name":"n","events":[],"handlerModule":"Token","action":"a","conditions":{"__proto__":"x","realm":"r"}}]`,
    )
    const r = decodeBindings(native)
    expect(r._tag === 'Left' ? r.left.map((e) => e.path) : []).toEqual([[0, 'conditions', '__proto__']])
    expectNoPollution()
  })

  it('build decoded records as fresh plain objects', () => {
    const input = pi(',"options":{"a":"1"},"conditions":{"realm":"r"}')
    const r = decodeBindings(input)
    if (r._tag === 'Left') throw new Error('expected Right')
    const [b] = r.right
    expect(Object.getPrototypeOf(b)).toBe(Object.prototype)
    expect(Object.getPrototypeOf(b?.options)).toBe(Object.prototype)
    expect(Object.getPrototypeOf(b?.conditions)).toBe(Object.prototype)
    expect(b?.options).not.toBe(input[0].options)
  })

  it('ignore a __proto__ field of a privacyIDEA definition and reject it in the native shape', () => {
    const r = decodeBindings(pi(`,"__proto__":{"handlermodule":"Script","polluted":true}`))
    if (r._tag === 'Left') throw new Error('expected Right')
    expect(r.right[0]?.handlerModule).toBe('Token')
    expect(Object.keys(r.right[0] ?? {})).not.toContain('__proto__')
    expect(Object.getPrototypeOf(r.right[0])).toBe(Object.prototype)
    const n = decodeBindings(
      JSON.parse(`[{"id":1,"name":"n","events":[],"handlerModule":"T","action":"a","__proto__":${payload}}]`),
    )
    expect(n._tag === 'Left' ? n.left.map((e) => e.path) : []).toEqual([[0, '__proto__']])
    expectNoPollution()
  })

  it('never read an inherited field: a top-level object whose prototype has "event" is no export', () => {
    const fake = Object.create({ event: [{ id: 1, event: 'a', handlermodule: 'T' }] })
    expect(decodeBindings(fake)._tag).toBe('Left')
    expect(decodeBindings(JSON.parse(`{"__proto__":{"event":[]}}`))._tag).toBe('Left')
  })
})

describe('event records of host data', () => {
  const decodeOk = (u: unknown): Event => {
    const r = decodeEvent(u)
    if (r._tag === 'Left') throw new Error(JSON.stringify(r.left))
    return r.right
  }

  it('keep __proto__, constructor and prototype as own data properties; no prototype changes', () => {
    const e = decodeOk(event('', '{"__proto__":"p","constructor":"c","prototype":"q","user":"alice"}'))
    const params = e.request.params
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype)
    expect(Object.keys(params)).toEqual(['__proto__', 'constructor', 'prototype', 'user'])
    expect(Object.getOwnPropertyDescriptor(params, '__proto__')?.value).toBe('p')
    expect(params.constructor).toBe('c')
    expect(JSON.parse(JSON.stringify(params))).toEqual(
      JSON.parse('{"__proto__":"p","constructor":"c","prototype":"q","user":"alice"}'),
    )
    const copy = { ...params }
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
    expect(Object.keys(copy)).toEqual(Object.keys(params))
    expectNoPollution()
  })

  it('reject an object where a string belongs, so no object value can become a prototype', () => {
    const r = decodeEvent(event('', `{"__proto__":${payload}}`))
    expect(r._tag === 'Left' ? r.left : []).toEqual([
      { path: ['request', 'params', '__proto__'], message: 'expected a string, got an object' },
    ])
    expectNoPollution()
  })

  it('keep such keys in user and token info and in counters', () => {
    const e = decodeOk(
      event(
        ',"user":{"login":"a","realm":"r","resolver":"x","info":{"__proto__":"u"}},' +
          '"token":{"serial":"S","type":"hotp","realms":[],"resolvers":[],"failcount":0,"maxfail":10,"otpCounter":0,"info":{"constructor":"t"}},' +
          '"counters":{"__proto__":1,"prototype":2}',
      ),
    )
    expect(Object.getOwnPropertyDescriptor(e.user?.info, '__proto__')?.value).toBe('u')
    expect(Object.getOwnPropertyDescriptor(e.token?.info, 'constructor')?.value).toBe('t')
    expect(Object.keys(e.counters ?? {})).toEqual(['__proto__', 'prototype'])
    for (const o of [e.user?.info, e.token?.info, e.counters]) expect(Object.getPrototypeOf(o)).toBe(Object.prototype)
    expectNoPollution()
  })

  it('reject __proto__ as a field of the event itself', () => {
    const r = decodeEvent(event(`,"__proto__":${payload}`))
    expect(r._tag === 'Left' ? r.left.map((x) => x.path) : []).toEqual([['__proto__']])
    expectNoPollution()
  })
})
