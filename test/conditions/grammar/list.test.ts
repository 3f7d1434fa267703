import { describe, expect, it } from 'vitest'
import { commaList, commaSet } from '../../../src/conditions/grammar/list.js'

describe('comma lists of multi conditions (no trimming)', () => {
  it('splits on commas exactly as written', () => {
    expect(commaList('totp,spass,oath,')).toEqual(['totp', 'spass', 'oath', ''])
    expect(commaList('realm2, realm1')).toEqual(['realm2', ' realm1'])
    expect(commaList('')).toEqual([''])
  })
  it('membership is exact and case-sensitive', () => {
    const s = commaSet('realm2, realm1')
    expect(s.has('realm1')).toBe(false)
    expect(s.has(' realm1')).toBe(true)
    expect(commaSet('Realm1').has('realm1')).toBe(false)
  })
})
