import { describe, expect, it } from 'vitest'
import { compileCondition } from '../../src/conditions/index.js'
import { verdict, withEvent } from './engine.js'

const detail = (d: unknown) => withEvent({ response: { result: { status: true, value: true }, detail: d } })

describe('detail_message and detail_error_message (regex search)', () => {
  it('search anywhere in the message', () => {
    const e = detail({ message: 'something very special happened' })
    expect(verdict({ detail_message: 'special' }, e)).toBe('fire')
    expect(verdict({ detail_message: '^special' }, e)).toBe('skip')
    expect(verdict({ detail_message: 'happened$' }, e)).toBe('fire')
    expect(verdict({ detail_message: '(?i)SPECIAL' }, e)).toBe('fire')
  })

  it('a missing message is searched as ""', () => {
    expect(verdict({ detail_message: '^$' }, detail({}))).toBe('fire')
    expect(verdict({ detail_message: '.*' }, detail(undefined))).toBe('fire')
    expect(verdict({ detail_error_message: 'x' }, detail({}))).toBe('skip')
  })

  it('reads detail.error.message', () => {
    const e = detail({ error: { message: 'user does not exist' } })
    expect(verdict({ detail_error_message: 'does not exist$' }, e)).toBe('fire')
    expect(verdict({ detail_error_message: '^does not exist' }, e)).toBe('skip')
  })

  it('a message that is not text fails the binding, as privacyIDEA raises', () => {
    expect(verdict({ detail_message: 'x' }, detail({ message: 42 }))).toBe('error:TypeError')
  })

  it('an invalid regex is a configuration error', () => {
    expect(compileCondition('detail_message', '(')).toMatchObject({
      _tag: 'Left',
      left: [
        {
          code: 'invalid-regex',
          message: 'detail_message: "(" is not a valid regular expression: missing ), unterminated subpattern',
        },
      ],
    })
    expect(verdict({ detail_message: '(' })).toBe('error:ConfigurationError')
  })
})
