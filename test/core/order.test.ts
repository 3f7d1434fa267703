import { describe, expect, it } from 'vitest'
import { compareBindings, compareIds } from '../../src/core/order.js'
import { binding } from './test-catalogue.js'

describe('compareIds', () => {
  it('orders numbers numerically', () => {
    expect(compareIds(2, 10)).toBeLessThan(0)
    expect(compareIds(10, 2)).toBeGreaterThan(0)
    expect(compareIds(-1, 0)).toBeLessThan(0)
    expect(compareIds(3, 3)).toBe(0)
  })

  it('puts numbers before strings, even numeric-looking ones', () => {
    expect(compareIds(99, '1')).toBeLessThan(0)
    expect(compareIds('1', 99)).toBeGreaterThan(0)
    expect(compareIds(1, '1')).toBeLessThan(0)
  })

  it('orders strings by code unit, not numerically and not by locale', () => {
    expect(compareIds('10', '9')).toBeLessThan(0)
    expect(compareIds('B', 'a')).toBeLessThan(0)
    expect(compareIds('a', 'a')).toBe(0)
    expect(compareIds('', 'a')).toBeLessThan(0)
    expect(compareIds('é', 'z')).toBeGreaterThan(0)
  })

  it('sorts a mixed list', () => {
    const ids: Array<string | number> = ['b', 3, '10', 1, 'a', -2, '9']
    expect([...ids].sort(compareIds)).toStrictEqual([-2, 1, 3, '10', '9', 'a', 'b'])
  })
})

describe('compareBindings', () => {
  it('orders by ordering ascending first', () => {
    expect(compareBindings(binding({ ordering: 1, id: 9 }), binding({ ordering: 2, id: 1 }))).toBeLessThan(0)
    expect(compareBindings(binding({ ordering: 2, id: 1 }), binding({ ordering: 1, id: 9 }))).toBeGreaterThan(0)
    expect(compareBindings(binding({ ordering: -5 }), binding({ ordering: 0 }))).toBeLessThan(0)
  })

  it('breaks ordering ties by id (SPEC D15)', () => {
    expect(compareBindings(binding({ ordering: 1, id: 2 }), binding({ ordering: 1, id: 10 }))).toBeLessThan(0)
    expect(compareBindings(binding({ ordering: 1, id: 'x' }), binding({ ordering: 1, id: 5 }))).toBeGreaterThan(0)
  })

  it('is 0 for equal ordering and id (the caller adds the input position)', () => {
    expect(
      compareBindings(binding({ ordering: 1, id: 2, name: 'a' }), binding({ ordering: 1, id: 2, name: 'b' })),
    ).toBe(0)
  })
})
