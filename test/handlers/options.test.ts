import { fc, test } from '@fast-check/vitest'
import { describe, expect, expectTypeOf } from 'vitest'
import { type ActionSpec, type OptionsOf, pyInt, validateOptions } from '../../src/handlers/options.js'

const spec: ActionSpec = {
  name: 'demo',
  options: [
    { name: 'req', type: 'str', required: true },
    { name: 'with default', type: 'str', required: true, default: 'dflt' },
    { name: 'choice', type: 'str', values: ['a', 'b'], default: 'a' },
    { name: 'maybe empty', type: 'str', values: ['', 'x'] },
    { name: 'keep empty', type: 'str', required: true, emptyAllowed: true },
    { name: 'flag', type: 'bool' },
    { name: 'n', type: 'int', default: '6', min: 1, max: 31 },
    { name: 'soft n', type: 'int', invalid: 'nothing' },
    { name: 'when', type: 'str', requiredWhen: { option: 'choice', value: 'b' } },
  ],
}

const ok = { req: 'r', 'keep empty': '' }

describe('validateOptions', () => {
  test('defaults are applied, bools default to false, absent optionals stay absent', () => {
    expect(validateOptions(spec, ok)).toEqual({
      _tag: 'Right',
      right: {
        options: { req: 'r', 'with default': 'dflt', choice: 'a', 'keep empty': '', flag: false, n: 6 },
        warnings: [],
      },
    })
  })
  test('an empty value takes the default, unless "" is an allowed value or emptyAllowed', () => {
    const r = validateOptions(spec, { ...ok, 'with default': '', choice: '', 'maybe empty': '', n: '' })
    expect(r._tag === 'Right' && r.right.options).toEqual({
      req: 'r',
      'with default': 'dflt',
      choice: 'a',
      'maybe empty': '',
      'keep empty': '',
      flag: false,
      n: 6,
    })
  })
  test('missing required options are errors with the option path', () => {
    expect(validateOptions(spec, {})).toEqual({
      _tag: 'Left',
      left: [
        { code: 'missing-option', message: 'demo: option "req" is required', path: ['options', 'req'] },
        { code: 'missing-option', message: 'demo: option "keep empty" is required', path: ['options', 'keep empty'] },
      ],
    })
    expect(validateOptions(spec, { ...ok, req: '' })).toMatchObject({
      _tag: 'Left',
      left: [{ path: ['options', 'req'] }],
    })
  })
  test('requiredWhen applies only for the named value', () => {
    expect(validateOptions(spec, { ...ok, choice: 'a' })._tag).toBe('Right')
    expect(validateOptions(spec, { ...ok, choice: 'b' })).toEqual({
      _tag: 'Left',
      left: [
        {
          code: 'missing-option',
          message: 'demo: option "when" is required when choice is "b"',
          path: ['options', 'when'],
        },
      ],
    })
  })
  test('a value outside the allowed set is an error naming the allowed values', () => {
    expect(validateOptions(spec, { ...ok, choice: 'c' })).toEqual({
      _tag: 'Left',
      left: [
        { code: 'invalid-option', message: 'demo: choice: "c" is not one of "a", "b"', path: ['options', 'choice'] },
      ],
    })
  })
  test('bools use is_true', () => {
    for (const [text, value] of [
      ['True', true],
      ['true', true],
      ['1', true],
      ['TRUE', true],
      ['False', false],
      ['yes', false],
      ['', false],
    ] as const) {
      const r = validateOptions(spec, { ...ok, flag: text })
      expect(r._tag === 'Right' && r.right.options.flag).toBe(value)
    }
  })
  test('integers: Python int(), range checked; warn-only integers read as null with a warning', () => {
    const n = (text: string) => validateOptions(spec, { ...ok, n: text })
    expect(n(' 12 ')).toMatchObject({ _tag: 'Right', right: { options: { n: 12 } } })
    expect(n('32')).toMatchObject({ _tag: 'Left', left: [{ code: 'invalid-option', path: ['options', 'n'] }] })
    expect(n('x')).toMatchObject({ _tag: 'Left', left: [{ code: 'invalid-option' }] })
    expect(validateOptions(spec, { ...ok, 'soft n': 'abc' })).toMatchObject({
      _tag: 'Right',
      right: { options: { 'soft n': null }, warnings: [{ code: 'invalid-integer', path: ['options', 'soft n'] }] },
    })
    expect(validateOptions(spec, { ...ok, 'soft n': '-3' })).toMatchObject({
      _tag: 'Right',
      right: { options: { 'soft n': -3 } },
    })
  })
  test('unknown options are warnings, also __proto__ and constructor', () => {
    const raw = JSON.parse('{"req": "r", "keep empty": "", "__proto__": "x", "constructor": "y"}') as Record<
      string,
      string
    >
    const r = validateOptions(spec, raw)
    expect(r._tag).toBe('Right')
    if (r._tag === 'Right') {
      expect(r.right.warnings.map((w) => [w.code, w.path])).toEqual([
        ['unknown-option', ['options', '__proto__']],
        ['unknown-option', ['options', 'constructor']],
      ])
      expect(Object.getPrototypeOf(r.right.options)).toBe(Object.prototype)
    }
  })
})

describe('lenient options (invalid: nothing | decline): what privacyIDEA does not raise on only warns', () => {
  const lenient = {
    name: 'act',
    options: [
      { name: 'count', type: 'int', required: true, emptyAllowed: true, invalid: 'nothing' },
      { name: 'kind', type: 'str', required: true, values: ['a', 'b'], invalid: 'nothing' },
      { name: 'text', type: 'str', required: true, emptyAllowed: true, invalid: 'decline' },
      { name: 'to', type: 'str', values: ['user', 'realm'] },
      { name: 'realm', type: 'str', requiredWhen: { option: 'to', value: 'realm' }, invalid: 'decline' },
      { name: 'step', type: 'int', default: '1', emptyAllowed: true, invalid: 'nothing' },
    ],
  } as const
  const full = { count: '3', kind: 'a', text: 't' }
  test('absent although required: a missing-option warning saying what the action does, the option left out', () => {
    expect(validateOptions(lenient, {})).toEqual({
      _tag: 'Right',
      right: {
        options: { step: 1 },
        warnings: [
          {
            code: 'missing-option',
            message: 'act: option "count" is required; the action will change nothing',
            path: ['options', 'count'],
          },
          {
            code: 'missing-option',
            message: 'act: option "kind" is required; the action will change nothing',
            path: ['options', 'kind'],
          },
          {
            code: 'missing-option',
            message: 'act: option "text" is required; the action will decline',
            path: ['options', 'text'],
          },
        ],
      },
    })
  })
  test('empty: missing like absent, unless "" is a value (emptyAllowed); an empty integer is not an integer', () => {
    expect(validateOptions(lenient, { count: '', kind: '', text: '', step: '' })).toEqual({
      _tag: 'Right',
      right: {
        options: { count: null, text: '', step: null },
        warnings: [
          {
            code: 'invalid-integer',
            message: 'act: count: "" is not an integer; the action will change nothing',
            path: ['options', 'count'],
          },
          {
            code: 'missing-option',
            message: 'act: option "kind" is required; the action will change nothing',
            path: ['options', 'kind'],
          },
          {
            code: 'invalid-integer',
            message: 'act: step: "" is not an integer; the action will change nothing',
            path: ['options', 'step'],
          },
        ],
      },
    })
  })
  test('a value outside the set is kept as given with a warning; usable values give no warning', () => {
    expect(validateOptions(lenient, { ...full, kind: 'A' })).toEqual({
      _tag: 'Right',
      right: {
        options: { count: 3, kind: 'A', text: 't', step: 1 },
        warnings: [
          {
            code: 'invalid-option',
            message: 'act: kind: "A" is not one of "a", "b"; the action will change nothing',
            path: ['options', 'kind'],
          },
        ],
      },
    })
    expect(validateOptions(lenient, { ...full, step: '-2' })).toEqual({
      _tag: 'Right',
      right: { options: { count: 3, kind: 'a', text: 't', step: -2 }, warnings: [] },
    })
  })
  test('requiredWhen: missing only warns, and only when the other option has the value', () => {
    expect(validateOptions(lenient, { ...full, to: 'realm' })).toEqual({
      _tag: 'Right',
      right: {
        options: { count: 3, kind: 'a', text: 't', to: 'realm', step: 1 },
        warnings: [
          {
            code: 'missing-option',
            message: 'act: option "realm" is required when to is "realm"; the action will decline',
            path: ['options', 'realm'],
          },
        ],
      },
    })
    expect(validateOptions(lenient, { ...full, to: 'user' })).toMatchObject({ _tag: 'Right', right: { warnings: [] } })
  })
  test('an empty integer that is a value of its own but not lenient is a configuration error; absent takes the default', () => {
    const strict: ActionSpec = {
      name: 'act',
      options: [{ name: 'window', type: 'int', required: true, default: '50', emptyAllowed: true }],
    }
    expect(validateOptions(strict, { window: '' })).toEqual({
      _tag: 'Left',
      left: [{ code: 'invalid-option', message: 'act: window: "" is not an integer', path: ['options', 'window'] }],
    })
    expect(validateOptions(strict, {})).toEqual({ _tag: 'Right', right: { options: { window: 50 }, warnings: [] } })
  })
  test('OptionsOf: a lenient required option may be absent; a lenient integer may be null, a lenient set any string', () => {
    type Options = OptionsOf<typeof lenient.options>
    expectTypeOf<Options>().toEqualTypeOf<
      {
        readonly step: number | null
      } & {
        readonly count?: number | null
        readonly kind?: string
        readonly text?: string
        readonly to?: 'user' | 'realm'
        readonly realm?: string
      }
    >()
  })
})

describe('pyInt', () => {
  test.each([
    ['42', 42],
    [' +7 ', 7],
    ['-0', 0],
    ['08', 8],
    ['1_000', 1000],
    ['1__0', undefined],
    ['_1', undefined],
    ['4.0', undefined],
    ['', undefined],
    ['0x10', undefined],
    ['99999999999999999999', undefined],
  ])('pyInt(%j) = %j', (text, value) => {
    expect(pyInt(text)).toBe(value)
  })
  test.prop([fc.integer({ min: -1e9, max: 1e9 })])('reads back String(n)', (n) => {
    expect(pyInt(String(n))).toBe(n)
  })
})
