/**
 * Option validation (src/handlers/options.ts): the sentences of its errors and warnings, ranges with one bound,
 * warn-only options, requiredWhen with the other option absent, and allowedValues.
 */
import { describe, expect, test } from 'vitest'
import { type ActionSpec, allowedValues, type OptionSpec, validateOptions } from '../../src/handlers/options.js'

const action = (...options: OptionSpec[]): ActionSpec => ({ name: 'act', options })
const issuesOf = (a: ActionSpec, raw: Record<string, string>) => {
  const r = validateOptions(a, raw)
  return r._tag === 'Left' ? { errors: r.left } : { warnings: r.right.warnings, options: r.right.options }
}

describe('integers', () => {
  const ranged = action({ name: 'n', type: 'int', min: 1, max: 31 })
  test('out of range: an error naming the range', () => {
    expect(issuesOf(ranged, { n: '0' })).toEqual({
      errors: [
        { code: 'invalid-option', message: 'act: n: "0" is not an integer between 1 and 31', path: ['options', 'n'] },
      ],
    })
    expect(issuesOf(ranged, { n: '32' })).toMatchObject({
      errors: [{ message: 'act: n: "32" is not an integer between 1 and 31' }],
    })
  })
  test('the bounds themselves are inside the range', () => {
    expect(issuesOf(ranged, { n: '1' })).toEqual({ warnings: [], options: { n: 1 } })
    expect(issuesOf(ranged, { n: '31' })).toEqual({ warnings: [], options: { n: 31 } })
  })
  test('a minimum alone, a maximum alone: checked, the message without a range', () => {
    const low = action({ name: 'n', type: 'int', min: 0 })
    expect(issuesOf(low, { n: '-1' })).toEqual({
      errors: [{ code: 'invalid-option', message: 'act: n: "-1" is not an integer', path: ['options', 'n'] }],
    })
    expect(issuesOf(low, { n: '99999' })).toEqual({ warnings: [], options: { n: 99999 } })
    const high = action({ name: 'n', type: 'int', max: 5 })
    expect(issuesOf(high, { n: '6' })).toMatchObject({ errors: [{ message: 'act: n: "6" is not an integer' }] })
    expect(issuesOf(high, { n: '-6' })).toEqual({ warnings: [], options: { n: -6 } })
  })
  test('not an integer: an error without a range when there is none', () => {
    const plain = action({ name: 'n', type: 'int' })
    expect(issuesOf(plain, { n: 'x' })).toEqual({
      errors: [{ code: 'invalid-option', message: 'act: n: "x" is not an integer', path: ['options', 'n'] }],
    })
  })
  test('warn-only: a non-integer warns that the action changes nothing; out of range is still an error', () => {
    const soft = action({ name: 'n', type: 'int', invalid: 'nothing', min: 0, max: 9 })
    expect(issuesOf(soft, { n: 'abc' })).toEqual({
      warnings: [
        {
          code: 'invalid-integer',
          message: 'act: n: "abc" is not an integer between 0 and 9; the action will change nothing',
          path: ['options', 'n'],
        },
      ],
      options: { n: null },
    })
    expect(issuesOf(soft, { n: '10' })).toEqual({
      errors: [
        { code: 'invalid-option', message: 'act: n: "10" is not an integer between 0 and 9', path: ['options', 'n'] },
      ],
    })
  })
})

describe('closed value sets', () => {
  test('warn-only: a value outside the set warns that the action will decline and is kept', () => {
    const soft = action({ name: 'ct', type: 'str', values: ['json', 'form'], invalid: 'decline' })
    expect(issuesOf(soft, { ct: 'xml' })).toEqual({
      warnings: [
        {
          code: 'invalid-option',
          message: 'act: ct: "xml" is not one of "json", "form"; the action will decline',
          path: ['options', 'ct'],
        },
      ],
      options: { ct: 'xml' },
    })
  })
  test('text options with a closed set are checked too', () => {
    const text = action({ name: 't', type: 'text', values: ['a'] })
    expect(issuesOf(text, { t: 'b' })).toMatchObject({ errors: [{ code: 'invalid-option', path: ['options', 't'] }] })
    expect(issuesOf(text, { t: 'a' })).toEqual({ warnings: [], options: { t: 'a' } })
  })
  test('allowedValues: the set of an option, undefined for free text or an unknown option', () => {
    const a = action({ name: 'mode', type: 'str', values: ['x', 'y'] }, { name: 'free', type: 'str' })
    expect(allowedValues(a, 'mode')).toEqual(['x', 'y'])
    expect(allowedValues(a, 'free')).toBeUndefined()
    expect(allowedValues(a, 'nope')).toBeUndefined()
  })
})

describe('required options', () => {
  const when = action(
    { name: 'to', type: 'str' },
    { name: 'realm', type: 'str', requiredWhen: { option: 'to', value: 'realm' } },
  )
  test('requiredWhen: not required when the other option is absent or has another value', () => {
    expect(issuesOf(when, {})).toEqual({ warnings: [], options: {} })
    expect(issuesOf(when, { to: 'user' })).toEqual({ warnings: [], options: { to: 'user' } })
  })
  test('requiredWhen with a default: the default fills it in', () => {
    const withDefault = action(
      { name: 'to', type: 'str' },
      { name: 'realm', type: 'str', requiredWhen: { option: 'to', value: 'realm' }, default: 'r0' },
    )
    expect(issuesOf(withDefault, { to: 'realm' })).toEqual({ warnings: [], options: { to: 'realm', realm: 'r0' } })
  })
  test('required and requiredWhen: the plain "is required" sentence', () => {
    const both = action({
      name: 'x',
      type: 'str',
      required: true,
      requiredWhen: { option: 'y', value: 'z' },
    })
    expect(issuesOf(both, {})).toEqual({
      errors: [{ code: 'missing-option', message: 'act: option "x" is required', path: ['options', 'x'] }],
    })
  })
  test('a missing bool is false, a missing optional str stays absent', () => {
    const a = action({ name: 'b', type: 'bool' }, { name: 's', type: 'str' })
    expect(issuesOf(a, {})).toEqual({ warnings: [], options: { b: false } })
  })
})

describe('unknown options', () => {
  test('the warning lists the options the action takes', () => {
    const a = action({ name: 'a', type: 'str' }, { name: 'b c', type: 'bool' })
    expect(issuesOf(a, { zz: '1' })).toEqual({
      warnings: [
        {
          code: 'unknown-option',
          message: 'act: option "zz" is not used by this action (it takes "a", "b c")',
          path: ['options', 'zz'],
        },
      ],
      options: { 'b c': false },
    })
  })
  test('an action without options says so', () => {
    expect(issuesOf(action(), { zz: '1' })).toEqual({
      warnings: [
        {
          code: 'unknown-option',
          message: 'act: option "zz" is not used by this action (it takes no options)',
          path: ['options', 'zz'],
        },
      ],
      options: {},
    })
  })
  test('errors come with every problem, not only the first', () => {
    const a = action({ name: 'r', type: 'str', required: true }, { name: 'n', type: 'int' })
    expect(issuesOf(a, { n: 'x', extra: '1' })).toMatchObject({
      errors: [{ path: ['options', 'r'] }, { path: ['options', 'n'] }],
    })
  })
})
