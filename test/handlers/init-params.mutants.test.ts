/**
 * Token enroll `additional_params` (SPEC 4.2) as yaml.safe_load reads the simple mappings administrators write:
 * every YAML 1.1 boolean and null spelling, comments, numbers, keys, and the reasons tripline gives when it cannot
 * read a text.
 */
import { describe, expect, test } from 'vitest'
import { parseAdditionalParams, yamlScalar } from '../../src/handlers/init-params.js'

const mapping = (text: string) => {
  const r = parseAdditionalParams(text)
  return r._tag === 'Right' && r.right._tag === 'Mapping' ? Object.fromEntries(r.right.entries) : r
}

describe('YAML 1.1 scalars', () => {
  test.each(['yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'])('%s is true', (text) => {
    expect(yamlScalar(text)).toBe(true)
    expect(mapping(`k: ${text}`)).toEqual({ k: true })
  })
  test.each(['no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'])('%s is false', (text) => {
    expect(yamlScalar(text)).toBe(false)
  })
  test.each(['~', 'null', 'Null', 'NULL', ''])('%j is null', (text) => {
    expect(yamlScalar(text)).toBeNull()
  })
  test.each(['yES', 'nULL', 'tRUE', 'Nope', 'nil', 'y', 'Y', 'n', 'N'])(
    '%s is a string (PyYAML has no y/n booleans)',
    (text) => {
      expect(yamlScalar(text)).toBe(text)
    },
  )
  test.each([
    ['+5', 5],
    ['-0', 0],
    ['0123', 83],
    ['-0_17', -15],
    ['0x1F', 31],
    ['0b101', 5],
    ['1:30', 90],
    ['1:30.5', 90.5],
    ['1.0e+5', 100_000],
    ['0', 0],
    ['1_000', 1000],
    ['.5', 0.5],
    ['-1.5e3', '-1.5e3'],
    ['1_0.2_5', 10.25],
    ['1e3', '1e3'],
    ['1.', 1],
    ['._5', '._5'],
    ['a:b', 'a:b'],
    ['a#b', 'a#b'],
  ])('%j reads as %j', (text, value) => {
    expect(yamlScalar(text)).toEqual(value)
  })
  test.each([
    '[a',
    '{a',
    '&a',
    '*a',
    '!a',
    '|',
    '>',
    '%a',
    '@a',
    '`a',
    'a: b',
    'a:',
    "'open",
    '"open',
    '"a" x',
    '-',
    '?',
    ':',
    '=',
    '<<',
    '99999999999999999999',
    '.inf',
    '.NaN',
    '2001-12-14',
    '"\\q"',
    '"\\x4"',
  ])('%j is not a scalar tripline reads', (text) => {
    expect(yamlScalar(text)).toBeUndefined()
  })
})

describe('comments', () => {
  test('a comment after a value, a comment as the whole value (null), and after quoted values', () => {
    expect(mapping('a: 1 # one\nb: # nothing\nc: \'x y\'  # quoted\nd: "z" # double\ne: f#g')).toEqual({
      a: 1,
      b: null,
      c: 'x y',
      d: 'z',
      e: 'f#g',
    })
  })
  test('a quoted value keeps a # inside the quotes', () => {
    expect(mapping('a: \'x # y\'\nb: "p # q"')).toEqual({ a: 'x # y', b: 'p # q' })
  })
})

describe('keys and mappings', () => {
  test('keys: quoted, numbers and booleans become their text; a later key replaces an earlier one', () => {
    expect(mapping('"a b": 1\n1: x\ntrue: v\nk: 1\nk: 2')).toEqual({ 'a b': 1, '1': 'x', true: 'v', k: 2 })
    expect(mapping('1: x\n1: z')).toEqual({ '1': 'z' })
  })
  test('a null key is not readable', () => {
    expect(parseAdditionalParams('~: x')).toEqual({
      _tag: 'Left',
      left: 'additional_params: cannot read "~: x"; write a JSON object',
    })
  })
  test('Windows line ends and comment lines between entries', () => {
    expect(mapping('a: 1\r\n# c\r\nb: 2\r\n')).toEqual({ a: 1, b: 2 })
  })
  test('flow mappings: commas inside quotes, one trailing comma, nested quotes; an empty item does not read', () => {
    expect(mapping('{a: "x, y", b: \'p, q\', c: 3,}')).toEqual({ a: 'x, y', b: 'p, q', c: 3 })
    expect(parseAdditionalParams('{a: 1,, b: 2}')._tag).toBe('Left')
    expect(parseAdditionalParams('{, a: 1}')._tag).toBe('Left')
    expect(mapping('{a: "it\'s, fine"}')).toEqual({ a: "it's, fine" })
  })
  test('JSON is read as YAML reads it: NaN, Infinity and 1e5 are strings there', () => {
    expect(
      mapping('{"a": true, "b": false, "c": null, "d": 1.5, "e": NaN, "f": -Infinity, "g": [1, {"h": 1e5}]}'),
    ).toEqual({ a: true, b: false, c: null, d: 1.5, e: 'NaN', f: '-Infinity', g: [1, { h: '1e5' }] })
  })
})

describe('what is not a mapping, and what tripline cannot read', () => {
  test.each(['abc', '12', 'yes', '- a', '-1', '#', '  # only'])('%j is not a mapping (ignored)', (text) => {
    expect(parseAdditionalParams(text)).toEqual({ _tag: 'Right', right: { _tag: 'NotAMapping' } })
  })
  test.each([
    ['[a', 'additional_params is not YAML tripline can read; write a JSON object'],
    ['{a: 1', 'additional_params: an unterminated {…} mapping; write a JSON object'],
    ['a: 1\n  b: 2', 'additional_params: nested YAML is not supported; write a JSON object'],
    ['a: 1\nb c', 'additional_params: cannot read "b c"; write a JSON object'],
    ['{a: 1, [b]: 2}', 'additional_params: cannot read "[b]: 2"; write a JSON object'],
  ])('%j: %s', (text, reason) => {
    expect(parseAdditionalParams(text)).toEqual({ _tag: 'Left', left: reason })
  })
})

describe('characters YAML refuses or reads as line breaks', () => {
  test.each([
    ['a: x\u007fy', '007F'],
    ['{"a": "x\u2028y"}', '2028'],
    ['a: \u0085', '0085'],
    ['a: \u0001', '0001'],
  ])('%j names U+%s and declines', (text, code) => {
    expect(parseAdditionalParams(text)).toEqual({
      _tag: 'Left',
      left: `additional_params holds the character U+${code}, which YAML refuses or reads as a line break; write it as a \\u escape in a JSON string`,
    })
  })
  test('tab, line feed, carriage return and the printable ranges are fine', () => {
    expect(mapping('a: "x\ty"\r\nb: é€😀')).toEqual({ a: 'x\ty', b: 'é€😀' })
  })
})

describe('keys, order and what JSON cannot carry', () => {
  test('a repeated key keeps its first position and its last value, as a Python dict does', () => {
    expect(parseAdditionalParams('a: 1\nb: 2\na: 3')).toEqual({
      _tag: 'Right',
      right: {
        _tag: 'Mapping',
        entries: [
          ['a', 3],
          ['b', 2],
        ],
      },
    })
  })
  test('an integer beyond 2^53 − 1 or a float beyond the double range declines with the key it is under', () => {
    const reason = (key: string) =>
      `additional_params: the value of "${key}" is a number JSON cannot carry (an integer beyond 2^53 − 1 or a float beyond the double range); write it as a string`
    expect(parseAdditionalParams('{"otplen": 12345678901234567890}')).toEqual({ _tag: 'Left', left: reason('otplen') })
    expect(parseAdditionalParams('{"a": 1, "drift": 1.0e+400}')).toEqual({ _tag: 'Left', left: reason('drift') })
  })
  test('yamlScalar reads the scalar without the blanks around it', () => {
    expect(yamlScalar('  8  ')).toBe(8)
    expect(yamlScalar(" 'a' ")).toBe('a')
  })
})
