import { describe, expect, it } from 'vitest'
import { evalFailure, formatPath, isEvalFailure, issue } from '../../src/core/errors.js'

describe('issue', () => {
  it('builds an issue with a path, empty by default', () => {
    expect(issue('invalid-duration', 'bad', ['conditions', 'last_auth'])).toStrictEqual({
      code: 'invalid-duration',
      message: 'bad',
      path: ['conditions', 'last_auth'],
    })
    expect(issue('c', 'm').path).toStrictEqual([])
  })
})

describe('evalFailure / isEvalFailure', () => {
  it('builds and recognises an evaluation failure', () => {
    const f = evalFailure('ParseError', 'not a date')
    expect(f).toStrictEqual({ _tag: 'EvalFailure', errorTag: 'ParseError', message: 'not a date' })
    expect(isEvalFailure(f)).toBe(true)
  })

  it('rejects everything else', () => {
    for (const u of [null, undefined, true, false, 0, 'EvalFailure', [], {}, { _tag: 'Left' }, { errorTag: 'x' }])
      expect(isEvalFailure(u)).toBe(false)
  })
})

describe('formatPath', () => {
  it('renders indices in brackets and identifiers with dots', () => {
    expect(formatPath([3, 'conditions', 'last_auth'])).toBe('[3].conditions.last_auth')
    expect(formatPath(['conditions', 'last_auth'])).toBe('conditions.last_auth')
    expect(formatPath(['options', 'To'])).toBe('options.To')
  })

  it('quotes names that are not identifiers', () => {
    expect(formatPath([0, 'options', 'mail.to'])).toBe('[0].options["mail.to"]')
    expect(formatPath(['options', ''])).toBe('options[""]')
    expect(formatPath(['a b'])).toBe('["a b"]')
    expect(formatPath(['1x'])).toBe('["1x"]')
    expect(formatPath(['say "hi"'])).toBe('["say \\"hi\\""]')
  })

  it('renders the empty path as the empty string', () => {
    expect(formatPath([])).toBe('')
  })
})
