import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isTrue } from '../../../src/conditions/grammar/boolean.js'

describe('isTrue (SPEC 3.1 is_true, D2)', () => {
  it.each([1, '1', true, 'True', 'true', 'TRUE'])('%j is true', (v) => expect(isTrue(v)).toBe(true))
  it.each([
    0,
    '0',
    false,
    'False',
    'false',
    'tRuE',
    ' True',
    'True ',
    'yes',
    'on',
    '',
    null,
    undefined,
    {},
    [],
    2,
    1.5,
  ])('%j is false', (v) => expect(isTrue(v)).toBe(false))
  it('is true for exactly six values', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => isTrue(v) === [1, '1', true, 'True', 'true', 'TRUE'].includes(v as never)),
    )
  })
})
