import * as t from 'io-ts'
import { expect, describe as group, it } from 'vitest'
import { contextPath, describe, formatDecodeErrors, toDecodeErrors, unreadable } from '../../src/codec/errors.js'

group('describe', () => {
  it.each([
    [undefined, 'nothing'],
    [null, 'null'],
    [true, 'true'],
    [0, 'the number 0'],
    [-1.5, 'the number -1.5'],
    ['abc', 'the string "abc"'],
    ['say "hi"\n', 'the string "say \\"hi\\"\\n"'],
    [[], 'a list'],
    [{}, 'an object'],
    [() => 1, 'a value of type function'],
    [1n, 'a value of type bigint'],
  ])('describes %o as %s', (u, text) => {
    expect(describe(u)).toBe(text)
  })

  it('does not print a long string whole', () => {
    const text = describe('x'.repeat(1_000_000))
    expect(text).toBe(`a string of 1000000 characters starting "${'x'.repeat(40)}"`)
  })
})

group('contextPath', () => {
  it('numbers the keys under a list and keeps object keys as strings, even numeric ones', () => {
    const list = [{ '3': 'x' }]
    const context: t.Context = [
      { key: '', type: t.unknown, actual: list },
      { key: '0', type: t.unknown, actual: list[0] },
      { key: '3', type: t.unknown, actual: 'x' },
    ]
    expect(contextPath(context)).toEqual([0, '3'])
  })
})

group('toDecodeErrors', () => {
  it('keeps the message of a codec that has one', () => {
    const r = t.string.validate(5, [{ key: '', type: t.string, actual: 5 }])
    const withMessage = r._tag === 'Left' ? r.left.map((e) => ({ ...e, message: 'a sentence' })) : []
    expect(toDecodeErrors(withMessage)).toEqual([{ path: [], message: 'a sentence' }])
  })

  it("derives a message from a foreign codec's name", () => {
    const r = t.type({ a: t.number }).decode({ a: 'x' })
    expect(r._tag === 'Left' ? toDecodeErrors(r.left) : []).toEqual([
      { path: ['a'], message: 'expected number, got the string "x"' },
    ])
  })
})

group('formatDecodeErrors', () => {
  it('renders one line per error, the path first, quoting keys that are not identifiers', () => {
    expect(
      formatDecodeErrors([
        { path: [], message: 'expected a list of bindings, got null' },
        { path: [3, 'conditions', 'last_auth'], message: 'expected a string, got the number 5' },
        { path: ['event', 0, 'options', 'JSON pointer'], message: 'm' },
      ]),
    ).toBe(
      [
        '(top level): expected a list of bindings, got null',
        '[3].conditions.last_auth: expected a string, got the number 5',
        'event[0].options["JSON pointer"]: m',
      ].join('\n'),
    )
  })

  it('renders no errors as the empty string', () => {
    expect(formatDecodeErrors([])).toBe('')
  })

  it('says why an unreadable input could not be read', () => {
    expect(unreadable(new Error('boom'))).toEqual([{ path: [], message: 'the input could not be read: boom' }])
    expect(unreadable('str')).toEqual([{ path: [], message: 'the input could not be read: str' }])
  })
})
