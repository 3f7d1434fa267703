import { describe, expect, test } from 'vitest'
import { parseAdditionalParams, yamlScalar } from '../../src/handlers/init-params.js'

const mapping = (text: string) => {
  const r = parseAdditionalParams(text)
  return r._tag === 'Right' && r.right._tag === 'Mapping' ? Object.fromEntries(r.right.entries) : r
}

describe('additional_params', () => {
  test('JSON objects', () => {
    expect(mapping('{"hashlib": "sha256", "otplen": 8, "x": [1, null], "y": {"z": true}}')).toEqual({
      hashlib: 'sha256',
      otplen: 8,
      x: [1, null],
      y: { z: true },
    })
  })
  test('YAML flow and block mappings with plain and quoted scalars', () => {
    expect(mapping("{hashlib: sha256, otplen: 8, pin: '0123', 'a b': \"c, d\"}")).toEqual({
      hashlib: 'sha256',
      otplen: 8,
      pin: '0123',
      'a b': 'c, d',
    })
    expect(mapping('hashlib: sha256\n# comment\notplen: 8\nyes_flag: yes\nnothing: ~\n')).toEqual({
      hashlib: 'sha256',
      otplen: 8,
      yes_flag: true,
      nothing: null,
    })
  })
  test('not a mapping: ignored', () => {
    for (const text of ['[1, 2]', '"x"', '5', '- a\n- b', '', '# only a comment'])
      expect([text, parseAdditionalParams(text)]).toEqual([text, { _tag: 'Right', right: { _tag: 'NotAMapping' } }])
  })
  test('unreadable: Left', () => {
    for (const text of ['{a: [1, 2}', 'a:\n  b: 1', '{a: 1', 'a: b: c: ['])
      expect([text, parseAdditionalParams(text)._tag]).toEqual([text, 'Left'])
  })
  test('__proto__ keys stay own data', () => {
    const r = parseAdditionalParams('{"__proto__": {"polluted": 1}}')
    expect(r).toEqual({ _tag: 'Right', right: { _tag: 'Mapping', entries: [['__proto__', { polluted: 1 }]] } })
  })
  test.each([
    ['8', 8],
    ['-3', -3],
    ['1.5', 1.5],
    ['true', true],
    ['Off', false],
    ['null', null],
    ['~', null],
    ["'it''s'", "it's"],
    ['"a\\nb"', 'a\nb'],
    ['sha256', 'sha256'],
    ['0123', 83],
    ["'0123'", '0123'],
  ])('yamlScalar(%j) = %j', (text, value) => {
    expect(yamlScalar(text)).toEqual(value)
  })
})
