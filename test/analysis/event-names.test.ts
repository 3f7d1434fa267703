import { describe, expect, it } from 'vitest'
import {
  EVENT_GROUPS,
  EVENT_NAMES,
  editDistance,
  isKnownEventName,
  suggestEventName,
} from '../../src/analysis/event-names.js'

describe('EVENT_NAMES', () => {
  it('lists the 76 identifiers of SPEC 2, each once', () => {
    expect(EVENT_NAMES).toHaveLength(76)
    expect(new Set(EVENT_NAMES).size).toBe(76)
  })

  it('has the group sizes SPEC 2 gives', () => {
    expect(EVENT_GROUPS.map((g) => g.names.length)).toEqual([6, 24, 3, 3, 15, 12, 9, 4])
  })

  it('matches exactly and case-sensitively', () => {
    expect(isKnownEventName('validate_check')).toBe(true)
    expect(isKnownEventName('token_init')).toBe(true)
    expect(isKnownEventName('remembered_device_revoke_bulk')).toBe(true)
    expect(isKnownEventName('Validate_check')).toBe(false)
    expect(isKnownEventName(' token_init')).toBe(false)
    expect(isKnownEventName('policy_set')).toBe(false)
    expect(isKnownEventName('')).toBe(false)
  })
})

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions', () => {
    expect(editDistance('', '')).toBe(0)
    expect(editDistance('abc', '')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('token_init', 'tokne_init')).toBe(1)
    expect(editDistance('token_init', 'token_init')).toBe(0)
  })

  it('is symmetric', () => {
    for (const [a, b] of [
      ['validate_check', 'valdiate_chek'],
      ['auth', 'ttype'],
    ] as const)
      expect(editDistance(a, b)).toBe(editDistance(b, a))
  })
})

describe('suggestEventName', () => {
  it('corrects case, blanks and dashes first', () => {
    expect(suggestEventName('Validate_Check')).toBe('validate_check')
    expect(suggestEventName(' token-init ')).toBe('token_init')
  })

  it('suggests the closest name for a typo', () => {
    expect(suggestEventName('token_intit')).toBe('token_init')
    expect(suggestEventName('valdiate_check')).toBe('validate_check')
    expect(suggestEventName('container_synchronise')).toBe('container_synchronize')
  })

  it('suggests nothing when nothing is close', () => {
    expect(suggestEventName('frobnicate')).toBeUndefined()
    expect(suggestEventName('')).toBeUndefined()
    expect(suggestEventName('xy')).toBeUndefined()
  })
})
