/**
 * Python's json as WebHook data reads and writes it (SPEC 4.9): the parse errors with their positions, whitespace
 * and escapes json.loads accepts, the escapes json.dumps writes, and repr(float) at the edges of fixed notation.
 */
import { describe, expect, test } from 'vitest'
import { collectStrings, dumpsPy, mapStrings, parsePyJson, pyFloatRepr } from '../../src/handlers/json.js'

const roundPy = (text: string): string => {
  const r = parsePyJson(text)
  if (r._tag === 'Left') throw new Error(r.left)
  return dumpsPy(r.right)
}

describe('json.loads: errors name the problem and the character', () => {
  test.each([
    ['', 'expected a value at character 1'],
    ['"abc', 'unterminated string at character 5'],
    ['"\\u12G4"', 'invalid \\u escape at character 2'],
    ['"\\u12"', 'invalid \\u escape at character 2'],
    ['"a\\x"', 'invalid escape at character 3'],
    ['"\\', 'invalid escape at character 2'],
    ['"a\u0001"', 'control character in string at character 3'],
    ['{1: 2}', 'expected a property name in double quotes at character 2'],
    ['{"a" 1}', "expected ':' at character 6"],
    ['{"a": 1 "b": 2}', "expected ',' or '}' at character 9"],
    ['[1 2]', "expected ',' or ']' at character 4"],
    ['[1] x', 'extra data after the value at character 5'],
    ['tru', 'expected a value at character 1'],
    ['-', 'expected a value at character 1'],
  ])('%j: %s', (text, message) => {
    expect(parsePyJson(text)).toEqual({ _tag: 'Left', left: message })
  })
  test('nesting deeper than 513 levels is refused; 513 are fine', () => {
    const deep = (n: number) => parsePyJson(`${'['.repeat(n)}${']'.repeat(n)}`)
    const tooDeep = deep(514)
    expect(tooDeep._tag === 'Left' && tooDeep.left).toBe('nested too deeply at character 514')
    expect(deep(513)._tag).toBe('Right')
    const objects = parsePyJson(`${'{"a":'.repeat(514)}1${'}'.repeat(514)}`)
    expect(objects._tag === 'Left' && objects.left).toMatch(/^nested too deeply at character/)
  })
})

describe('json.loads: what it accepts', () => {
  test('whitespace is space, tab, newline and carriage return, anywhere between tokens', () => {
    expect(roundPy('\t\r\n{\t"a"\r:\n[\t1\r,\n2 ]\t,\r"b"\n:\t{ }\r}\n')).toBe('{"a": [1, 2], "b": {}}')
    expect(roundPy('[ ]')).toBe('[]')
    expect(parsePyJson('\f1')._tag).toBe('Left')
  })
  test('every escape of json.loads', () => {
    const r = parsePyJson('"\\b\\f\\n\\r\\t\\/\\\\\\"\\u0041\\u00e9\\uD83D\\uDE00"')
    expect(r).toEqual({ _tag: 'Right', right: { _tag: 'String', value: '\b\f\n\r\t/\\"A\u00e9\u{1F600}' } })
  })
  test('literals and numbers: ints keep their digits, floats become repr(float)', () => {
    expect(roundPy('[true, false, null, -12345678901234567890, 1E2, 1e+2, 2.50, -0.0, 0]')).toBe(
      '[true, false, null, -12345678901234567890, 100.0, 100.0, 2.5, -0.0, 0]',
    )
  })
  test('a repeated key keeps its first position and its last value, also inside lists', () => {
    expect(roundPy('[{"x": 1, "y": 2, "x": 3}]')).toBe('[{"x": 3, "y": 2}]')
  })
})

describe('json.dumps: escapes', () => {
  test.each([
    ['\r', '"\\r"'],
    ['\b', '"\\b"'],
    ['\f', '"\\f"'],
    ['\t', '"\\t"'],
    ['\u001f', '"\\u001f"'],
    ['\u0000', '"\\u0000"'],
    [' ~', '" ~"'],
    ['\u007f', '"\\u007f"'],
    ['\u{1F600}', '"\\ud83d\\ude00"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
  ])('%j → %s', (value, written) => {
    expect(dumpsPy({ _tag: 'String', value })).toBe(written)
  })
  test('keys are escaped as strings are', () => {
    expect(dumpsPy({ _tag: 'Object', entries: [['é\n', { _tag: 'Scalar', text: '1' }]] })).toBe('{"\\u00e9\\n": 1}')
  })
})

describe('repr(float) at the edges of fixed notation', () => {
  test.each([
    [1e15, '1000000000000000.0'],
    [1.5e15, '1500000000000000.0'],
    [1e16, '1e+16'],
    [1.25e16, '1.25e+16'],
    [1e100, '1e+100'],
    [-1e16, '-1e+16'],
    [0.0001, '0.0001'],
    [0.00012, '0.00012'],
    [0.00001, '1e-05'],
    [1.5e-10, '1.5e-10'],
    [1e-100, '1e-100'],
    [-0.001, '-0.001'],
    [123.456, '123.456'],
    [1.5, '1.5'],
    [10, '10.0'],
    [-7, '-7.0'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [Number.NEGATIVE_INFINITY, '-Infinity'],
  ])('repr(%d) = %s', (x, s) => {
    expect(pyFloatRepr(x)).toBe(s)
  })
})

describe('mapStrings and collectStrings', () => {
  test('numbers and literals are neither mapped nor collected', () => {
    const r = parsePyJson('[1, true, null, 2.5, "s"]')
    if (r._tag === 'Left') throw new Error(r.left)
    expect(collectStrings(r.right)).toEqual(['s'])
    expect(dumpsPy(mapStrings(r.right, (s) => `<${s}>`))).toBe('[1, true, null, 2.5, "<s>"]')
  })
  test('keys that become equal: the first position, the last value', () => {
    const r = parsePyJson('{"a": 1, "b": 2, "A": 3}')
    if (r._tag === 'Left') throw new Error(r.left)
    expect(dumpsPy(mapStrings(r.right, (s) => s.toLowerCase()))).toBe('{"a": 3, "b": 2}')
  })
})
