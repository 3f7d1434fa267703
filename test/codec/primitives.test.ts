import { describe, expect, it } from 'vitest'
import { toDecodeErrors } from '../../src/codec/errors.js'
import {
  Anything,
  defaulted,
  FiniteNumber,
  hasOwn,
  isPlainObject,
  list,
  optional,
  record,
  required,
  Str,
  struct,
  suggest,
} from '../../src/codec/primitives.js'

const run = <A>(codec: { decode: (u: unknown) => { _tag: string } }, u: unknown) => {
  const r = codec.decode(u) as
    | { _tag: 'Left'; left: Parameters<typeof toDecodeErrors>[0] }
    | { _tag: 'Right'; right: A }
  return r._tag === 'Left' ? { errors: toDecodeErrors(r.left) } : { value: r.right }
}

describe('isPlainObject and hasOwn', () => {
  it('accepts plain and prototype-less objects only', () => {
    expect(isPlainObject({})).toBe(true)
    expect(isPlainObject(Object.create(null))).toBe(true)
    expect(isPlainObject([])).toBe(false)
    expect(isPlainObject(null)).toBe(false)
    expect(isPlainObject(new Date(0))).toBe(false)
    expect(isPlainObject(new Map())).toBe(false)
    expect(isPlainObject('x')).toBe(false)
  })

  it('never counts inherited properties as own', () => {
    expect(hasOwn({}, 'constructor')).toBe(false)
    expect(hasOwn({}, 'toString')).toBe(false)
    expect(hasOwn(JSON.parse('{"__proto__":1}'), '__proto__')).toBe(true)
  })
})

describe('suggest', () => {
  const known = ['handlerModule', 'abortOnError', 'events', 'clientIp', 'ordering']
  it.each([
    ['handlermodule', 'handlerModule'],
    ['abort_on_error', 'abortOnError'],
    ['ABORT-ON-ERROR', 'abortOnError'],
    ['clientIP', 'clientIp'],
    ['orderng', 'ordering'],
    ['evnets', 'events'],
  ])('suggests %s → %s', (key, hint) => {
    expect(suggest(key, known)).toBe(hint)
  })

  it('suggests nothing for unrelated, very short or very long keys', () => {
    expect(suggest('colour', known)).toBeUndefined()
    expect(suggest('ev', known)).toBeUndefined()
    expect(suggest('x'.repeat(100_000), known)).toBeUndefined()
  })

  it('suggests the nearest key, the first known one on a tie', () => {
    expect(suggest('option', ['action', 'options'])).toBe('options') // 1 edit; action is 2
    expect(suggest('option', ['options', 'action'])).toBe('options')
    expect(suggest('actoin', ['action', 'options'])).toBe('action') // a transposition: 2 edits
    expect(suggest('abcdx', ['abcdy', 'abcdz'])).toBe('abcdy') // tie: the first
    expect(suggest('abcdxy', ['abcd', 'abcdxz'])).toBe('abcdxz') // 1 edit beats 2
  })

  it('uses aliases first, and only own ones', () => {
    expect(suggest('event', known, { event: 'events' })).toBe('events')
    expect(suggest('constructor', known, {})).toBeUndefined()
  })
})

describe('list', () => {
  const strings = list('a list of strings', Str)
  it('decodes into a fresh list and reports every bad item', () => {
    const input = ['a', 'b']
    const r = run<ReadonlyArray<string>>(strings, input)
    expect(r).toEqual({ value: ['a', 'b'] })
    expect(run(strings, [1, 'a', null])).toEqual({
      errors: [
        { path: [0], message: 'expected a string, got the number 1' },
        { path: [2], message: 'expected a string, got null' },
      ],
    })
  })

  it('treats holes of a sparse list as missing items', () => {
    const sparse: unknown[] = []
    sparse[1] = 'a'
    expect(run(strings, sparse)).toEqual({ errors: [{ path: [0], message: 'expected a string, got nothing' }] })
  })

  it('guards', () => {
    expect(strings.is(['a'])).toBe(true)
    expect(strings.is(['a', 1])).toBe(false)
    expect(strings.is('a')).toBe(false)
  })
})

describe('record', () => {
  const keep = record('an object of numbers', FiniteNumber, { reserved: 'keep', entry: 'counter' })
  const reject = record('an object of strings', Str, { reserved: 'reject', entry: 'option' })

  it('keeps reserved keys as own data properties when asked to', () => {
    const r = run<Record<string, number>>(keep, JSON.parse('{"__proto__":1,"constructor":2,"prototype":3,"a":4}'))
    if (!('value' in r)) throw new Error('expected a value')
    expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype)
    expect(Object.keys(r.value)).toEqual(['__proto__', 'constructor', 'prototype', 'a'])
    expect(Object.getOwnPropertyDescriptor(r.value, '__proto__')).toEqual({
      value: 1,
      enumerable: true,
      writable: true,
      configurable: true,
    })
    expect(Object.getOwnPropertyDescriptor(r.value, 'constructor')?.value).toBe(2)
    expect(JSON.stringify(r.value)).toBe('{"__proto__":1,"constructor":2,"prototype":3,"a":4}')
  })

  it('rejects reserved keys when asked to, naming the key', () => {
    expect(run(reject, JSON.parse('{"prototype":"x","ok":"y"}'))).toEqual({
      errors: [
        {
          path: ['prototype'],
          message:
            '"prototype" cannot be an option name: JavaScript reserves it (it could reach Object.prototype), and privacyIDEA has no option of that name',
        },
      ],
    })
  })

  it('guards', () => {
    expect(keep.is({ a: 1 })).toBe(true)
    expect(keep.is({ a: '1' })).toBe(false)
    expect(keep.is({ a: undefined })).toBe(false)
    expect(reject.is(JSON.parse('{"constructor":"x"}'))).toBe(false)
    expect(keep.is(JSON.parse('{"constructor":1}'))).toBe(true)
  })
})

describe('struct', () => {
  const s = struct(
    'a thing',
    { a: required(Str), b: optional(FiniteNumber), c: defaulted(Str, 'c0'), d: optional(Anything) },
    { unknownKeys: 'reject' },
  )
  const loose = struct('a loose thing', { a: required(Str) }, { unknownKeys: 'ignore' })

  it('builds a fresh object with the fields in order, defaults applied, absent optional fields left out', () => {
    expect(run(s, { d: null, a: 'x' })).toEqual({ value: { a: 'x', c: 'c0', d: null } })
    const r = run<Record<string, unknown>>(s, { a: 'x', b: undefined })
    expect(r).toStrictEqual({ value: { a: 'x', c: 'c0' } })
  })

  it('ignores unknown keys when asked to, leaving them out of the output', () => {
    expect(run(loose, { a: 'x', z: 1 })).toStrictEqual({ value: { a: 'x' } })
  })

  it('guards, with exact optional properties', () => {
    expect(s.is({ a: 'x', c: 'y' })).toBe(true)
    expect(s.is({ a: 'x' })).toBe(false)
    expect(s.is({ a: 'x', c: 'y', b: undefined })).toBe(false)
    expect(s.is({ a: 'x', c: 'y', z: 1 })).toBe(false)
    expect(loose.is({ a: 'x', z: 1 })).toBe(true)
    expect(s.is([])).toBe(false)
  })

  describe('nearMiss: unknown keys are ignored unless one misspells a field', () => {
    const near = struct(
      'a definition',
      { conditions: optional(Str), position: optional(Str) },
      { unknownKeys: 'nearMiss', allow: (k) => k.startsWith('option.') },
    )
    it('ignores a key far from every field, an allowed key and an undefined one', () => {
      for (const u of [{ future_column: 1 }, { 'option.level': 'INFO' }, { condtions: undefined }]) {
        expect([u, run(near, u)]).toStrictEqual([u, { value: {} }])
        expect([u, near.is(u)]).toEqual([u, true])
      }
    })
    it('refuses a misspelt field with a did-you-mean at its path, and its guard agrees', () => {
      for (const [key, meant] of [
        ['condtions', 'conditions'],
        ['Position', 'position'],
      ] as const) {
        const u = { [key]: 'x' }
        expect(run(near, u)).toEqual({
          errors: [
            {
              path: [key],
              message: `unknown field; did you mean "${meant}"? (field names are exact: ignoring this one would drop what it says)`,
            },
          ],
        })
        expect(near.is(u)).toBe(false)
      }
    })
  })
})
