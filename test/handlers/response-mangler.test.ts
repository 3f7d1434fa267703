import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import type { Event, Json } from '../../src/core/model.js'
import { deleteAt, pointerComponents, setAt, typedValue } from '../../src/handlers/response-mangler.js'
import { event as anyEvent } from '../arbitraries/event.js'
import { baseEvent, binding, compile, deepFreeze, engine, evaluate, onlyIntent, roundTrip } from './helpers.js'

const withResponse = (response: unknown): Event => ({ ...baseEvent, response })

describe('ResponseMangler delete (SPEC 4.7)', () => {
  test('deletes the node; later bindings and Evaluation.response see it', () => {
    const r = evaluate(binding('ResponseMangler', 'delete', { 'JSON pointer': '/detail/googleurl' }))
    expect(onlyIntent(r)).toEqual({
      _tag: 'ResponseMangler.delete',
      bindingId: 1,
      bindingName: 'b1',
      handlerModule: 'ResponseMangler',
      action: 'delete',
      event: 'token_init',
      position: 'post',
      options: { 'JSON pointer': '/detail/googleurl' },
      pointer: ['detail', 'googleurl'],
      changed: true,
    })
    expect(r.response).toEqual({ result: { status: true, value: true }, detail: { serial: 'TOTP0001' } })
  })
  test('a missing key, or a pointer of 0 or more than 3 components: unchanged, success, run details', () => {
    for (const [pointer, details] of [
      ['/detail/nope', 'can not delete response JSON pointer /detail/nope'],
      ['/nope/x/y', 'can not delete response JSON pointer /nope/x/y'],
      ['/a/b/c/d', 'JSON pointer length of 4 not supported'],
      ['/', 'JSON pointer length of 0 not supported'],
    ]) {
      const r = evaluate(binding('ResponseMangler', 'delete', { 'JSON pointer': pointer as string }))
      expect([pointer, onlyIntent(r), r.response, r.audit[0]?.info, r.audit[0]?.details]).toMatchObject([
        pointer,
        { changed: false },
        baseEvent.response,
        'b1',
        details,
      ])
    }
    expect(
      compile(binding('ResponseMangler', 'delete', { 'JSON pointer': '/a/b/c/d' })).action?.warnings.map((w) => w.code),
    ).toEqual(['invalid-pointer'])
  })
  test('deleting through a non-object fails the binding as privacyIDEA raises', () => {
    const r = evaluate(binding('ResponseMangler', 'delete', { 'JSON pointer': '/result/status/x' }))
    expect(r.intents).toEqual([])
    expect(r.audit[0]).toMatchObject({ success: false, error: { tag: 'TypeError' }, info: 'b1 (TypeError)' })
  })
  test('a response that is not a JSON object reads as {}', () => {
    for (const response of [undefined, null, 'text', 3]) {
      const r = evaluate(binding('ResponseMangler', 'delete', { 'JSON pointer': '/detail' }), withResponse(response))
      expect(onlyIntent(r)).toMatchObject({ changed: false })
    }
  })
})

describe('ResponseMangler set (SPEC 4.7)', () => {
  test('string, integer, bool', () => {
    const set = (type: string, value: string) =>
      evaluate(binding('ResponseMangler', 'set', { 'JSON pointer': '/detail/message', type, value }))
    expect(onlyIntent(set('string', 'hello'))).toEqual({
      _tag: 'ResponseMangler.set',
      bindingId: 1,
      bindingName: 'b1',
      handlerModule: 'ResponseMangler',
      action: 'set',
      event: 'token_init',
      position: 'post',
      options: { 'JSON pointer': '/detail/message', type: 'string', value: 'hello' },
      pointer: ['detail', 'message'],
      value: 'hello',
      changed: true,
    })
    expect((set('integer', ' 42 ').response as { detail: { message: unknown } }).detail.message).toBe(42)
    expect((set('integer', '4.2').response as { detail: { message: unknown } }).detail.message).toBe('4.2')
    expect((set('bool', 'True').response as { detail: { message: unknown } }).detail.message).toBe(true)
    expect((set('bool', 'yes').response as { detail: { message: unknown } }).detail.message).toBe(false)
  })
  test('an integer that does not convert is kept as a string, with a warning', () => {
    expect(
      compile(
        binding('ResponseMangler', 'set', { 'JSON pointer': '/a', type: 'integer', value: 'x' }),
      ).action?.warnings.map((w) => w.code),
    ).toEqual(['invalid-integer'])
  })
  test('missing or falsy intermediate values become objects; a truthy non-object fails', () => {
    expect(setAt({ a: 0 }, ['a', 'b', 'c'], 1)).toEqual({ _tag: 'Changed', response: { a: { b: { c: 1 } } } })
    expect(setAt({ a: { b: '' } }, ['a', 'b', 'c'], 1)).toEqual({ _tag: 'Changed', response: { a: { b: { c: 1 } } } })
    expect(setAt({ a: [1] }, ['a', 'b'], 1)).toMatchObject({ _tag: 'EvalFailure', errorTag: 'TypeError' })
    expect(setAt({ a: 'x' }, ['a', 'b', 'c'], 1)).toMatchObject({ _tag: 'EvalFailure', errorTag: 'AttributeError' })
    expect(setAt({ a: { b: true } }, ['a', 'b', 'c'], 1)).toMatchObject({ _tag: 'EvalFailure', errorTag: 'TypeError' })
    expect(setAt({}, ['a', 'b', 'c', 'd'], 1)).toMatchObject({ _tag: 'Unchanged' })
  })
  test('a non-JSON response becomes a JSON object with the value', () => {
    const r = evaluate(
      binding('ResponseMangler', 'set', { 'JSON pointer': '/x/y', type: 'string', value: 'v' }),
      withResponse('plain'),
    )
    expect(r.response).toEqual({ x: { y: 'v' } })
  })
  test('__proto__ in a pointer is an ordinary key', () => {
    const r = setAt({}, ['__proto__', 'polluted'], true)
    expect(r._tag).toBe('Changed')
    if (r._tag === 'Changed') {
      expect(Object.hasOwn(r.response, '__proto__')).toBe(true)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    }
  })
  test('pointerComponents drops empty components and does not unescape', () => {
    expect(pointerComponents('//detail//a~1b/')).toEqual(['detail', 'a~1b'])
    expect(typedValue('integer', '-0')).toBe(0)
  })
  test('scenario: hide the OTP secret URL from the enrollment response, then notify with the remaining detail', () => {
    const bindings = [
      binding('ResponseMangler', 'delete', { 'JSON pointer': '/detail/googleurl' }, { id: 1 }),
      binding('Logging', 'logging', { message: 'url=[{googleurl_value}] serial={serial}' }, { id: 2 }),
    ]
    const r = engine.evaluate(baseEvent, bindings)
    expect(r.intents.map((i) => (i as unknown as { message?: string }).message)).toEqual([
      undefined,
      'url=[] serial=TOTP0001',
    ])
    expect(r.response).toEqual({ result: { status: true, value: true }, detail: { serial: 'TOTP0001' } })
  })
})

const key = fc.constantFrom('detail', 'result', 'a', 'b', '__proto__', 'value')
const pointer = fc.array(key, { minLength: 1, maxLength: 3 })
const jsonObject = fc
  .json({ maxDepth: 3 })
  .map((t) => JSON.parse(t) as unknown)
  .filter((u): u is { readonly [k: string]: Json } => typeof u === 'object' && u !== null && !Array.isArray(u))
const objectTree: fc.Arbitrary<{ readonly [k: string]: Json }> = fc.letrec((tie) => ({
  tree: fc.dictionary(key, fc.oneof({ depthSize: 'small' }, fc.integer(), fc.string(), tie('tree')), {
    maxKeys: 3,
    noNullPrototype: true,
  }),
})).tree as fc.Arbitrary<{ readonly [k: string]: Json }>

describe('laws', () => {
  test.prop([objectTree, pointer, fc.string()])(
    'set then delete on a pointer whose parent exists and key does not restores the original',
    (original, path, value) => {
      const parent = path
        .slice(0, -1)
        .reduce<Json | undefined>(
          (node, k) =>
            node !== undefined &&
            typeof node === 'object' &&
            node !== null &&
            !Array.isArray(node) &&
            Object.hasOwn(node, k)
              ? (node as Record<string, Json>)[k]
              : undefined,
          original,
        )
      const last = path[path.length - 1] as string
      fc.pre(typeof parent === 'object' && parent !== null && !Array.isArray(parent) && !Object.hasOwn(parent, last))
      const set = setAt(original, path, value)
      expect(set._tag).toBe('Changed')
      if (set._tag === 'Changed') expect(deleteAt(set.response, path)).toEqual({ _tag: 'Changed', response: original })
    },
  )
  test.prop([objectTree, pointer, fc.string()])(
    'when the path existed, set then delete equals delete of the original',
    (original, path, value) => {
      const before = deleteAt(original, path)
      fc.pre(before._tag === 'Changed')
      const set = setAt(original, path, value)
      expect(set._tag).toBe('Changed')
      if (set._tag === 'Changed') expect(deleteAt(set.response, path)).toEqual(before)
    },
  )
  test.prop([jsonObject, pointer, fc.string()])(
    'set then read gives the value; nothing is mutated',
    (original, path, value) => {
      const frozen = deepFreeze(original)
      const copy = roundTrip(frozen)
      const set = setAt(frozen, path, value)
      expect(frozen).toEqual(copy)
      if (set._tag === 'Changed') {
        const read = path.reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], set.response)
        expect(read).toBe(value)
        deleteAt(set.response, path)
      }
    },
  )
  const manglers = fc.constantFrom(
    binding('ResponseMangler', 'delete', { 'JSON pointer': '/detail/serial' }),
    binding('ResponseMangler', 'delete', { 'JSON pointer': '/result' }),
    binding('ResponseMangler', 'set', { 'JSON pointer': '/detail/message', type: 'string', value: 'x' }),
    binding('ResponseMangler', 'set', { 'JSON pointer': '/__proto__/x', type: 'bool', value: '1' }),
    binding('Token', 'set random pin', { length: '4' }),
  )
  test.prop([anyEvent(), fc.array(manglers, { minLength: 1, maxLength: 4 })])(
    'response mangling never mutates the input event (deep-frozen)',
    (event, bs) => {
      const post = { ...event, position: 'post' as const }
      const before = roundTrip(post)
      const frozen = deepFreeze(post)
      const r = engine.evaluate(
        frozen,
        bs.map((b, i) => ({ ...b, id: i, events: [post.name], position: 'post' as const })),
      )
      expect(roundTrip(frozen)).toEqual(before)
      expect(r.audit.length).toBe(bs.length)
    },
  )
})
