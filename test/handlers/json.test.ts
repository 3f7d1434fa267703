import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { collectStrings, dumpsPy, mapStrings, parsePyJson, pyFloatRepr } from '../../src/handlers/json.js'

const roundPy = (text: string): string => {
  const r = parsePyJson(text)
  if (r._tag === 'Left') throw new Error(r.left)
  return dumpsPy(r.right)
}

describe('Python json.loads / json.dumps', () => {
  test.each([
    ['{"b":1,"a":[true,false,null,"x"]}', '{"b": 1, "a": [true, false, null, "x"]}'],
    ['{"2":1,"1":2}', '{"2": 1, "1": 2}'],
    ['{"a":1,"a":2,"b":3}', '{"a": 2, "b": 3}'],
    [
      '[1.0, 1e5, 1.5e-5, 1e16, -0, 12345678901234567890, 0.1]',
      '[1.0, 100000.0, 1.5e-05, 1e+16, 0, 12345678901234567890, 0.1]',
    ],
    ['"é\\u00e9\\n\\t\\"\\\\\\/"', '"\\u00e9\\u00e9\\n\\t\\"\\\\/"'],
    ['"\u007f"', '"\\u007f"'],
    ['[NaN, Infinity, -Infinity, 1e400]', '[NaN, Infinity, -Infinity, Infinity]'],
    ['  {}  ', '{}'],
    ['[]', '[]'],
    ['{"__proto__": {"x": 1}}', '{"__proto__": {"x": 1}}'],
  ])('%s → %s', (input, output) => {
    expect(roundPy(input)).toBe(output)
  })
  test.each(['', '{', '{"a"}', '{a: 1}', '[1,]', '01', '"\u0001"', '"\\x"', '[1] 2', "'a'"])(
    '%j is not JSON',
    (text) => {
      expect(parsePyJson(text)._tag).toBe('Left')
    },
  )
  test.each([
    [100, '100.0'],
    [0.1, '0.1'],
    [1e-4, '0.0001'],
    [1e-5, '1e-05'],
    [123456789012345680000, '1.2345678901234568e+20'],
    [-2.5, '-2.5'],
    [0, '0.0'],
    [-0, '-0.0'],
  ])('repr(%d) = %s', (x, s) => {
    expect(pyFloatRepr(x)).toBe(s)
  })
  test.prop([fc.json()])('JSON.stringify output parses; dumps parses back to the same value', (text) => {
    const r = parsePyJson(text)
    expect(r._tag).toBe('Right')
    if (r._tag === 'Right') {
      const again = parsePyJson(dumpsPy(r.right))
      expect(again).toEqual(r)
    }
  })
  test.prop([fc.string({ unit: 'binary' })])('never throws', (text) => {
    expect(() => parsePyJson(text)).not.toThrow()
  })
  test('mapStrings maps keys, strings and list items, leaves numbers; equal keys keep the first position, last value', () => {
    const r = parsePyJson('{"a": "x", "b": [1, "y", {"c": true}], "A": "z"}')
    if (r._tag === 'Left') throw new Error(r.left)
    expect(collectStrings(r.right)).toEqual(['a', 'x', 'b', 'y', 'c', 'A', 'z'])
    expect(dumpsPy(mapStrings(r.right, (s) => s.toUpperCase()))).toBe('{"A": "Z", "B": [1, "Y", {"C": true}]}')
  })
})
