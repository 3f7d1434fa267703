/**
 * Behaviour of the per-evaluation caches (src/conditions/grammar/clock.ts) that a mutation run found untested: a
 * value computed once is reused even when it is `undefined`, and tables of different names are kept apart.
 */
import { describe, expect, it } from 'vitest'
import { cachedDate, eventNow, eventOffset, memoLookup, memoTable } from '../../../src/conditions/grammar/clock.js'
import { makeContext } from '../../../src/core/context.js'
import type { Event } from '../../../src/core/model.js'

const event = (now: string): Event => ({ name: 'validate_check', position: 'post', now, request: { params: {} } })

describe('memo tables', () => {
  it('an undefined result is computed once too', () => {
    const ctx = makeContext(event('2026-11-29T10:00:00Z'))
    let calls = 0
    const nothing = (): undefined => {
      calls++
      return undefined
    }
    expect(memoLookup(ctx, 'test', 'x', nothing)).toBeUndefined()
    expect(memoLookup(ctx, 'test', 'x', nothing)).toBeUndefined()
    expect(calls).toBe(1)
  })
  it('a table is created once per name and memo, and tables of different names are apart', () => {
    const ctx = makeContext(event('2026-11-29T10:00:00Z'))
    const a = memoTable<number>(ctx, 'a')
    expect(memoTable<number>(ctx, 'a')).toBe(a)
    expect(memoTable<number>(ctx, 'b')).not.toBe(a)
    expect(memoLookup(ctx, 'a', 'k', () => 1)).toBe(1)
    expect(memoLookup(ctx, 'b', 'k', () => 2)).toBe(2)
    expect(a.get('k')).toBe(1)
  })
  it('the clock, its offset and a date of the same text are each read as what they are', () => {
    const now = '2026-11-29T10:00:00+05:30'
    const ctx = makeContext(event(now))
    expect(cachedDate(ctx, now)).toBe(Date.UTC(2026, 10, 29, 4, 30))
    expect(eventOffset(ctx)).toBe(330)
    expect(eventNow(ctx)).toBe(Date.UTC(2026, 10, 29, 4, 30))
    expect(eventOffset(ctx)).toBe(330)
  })
})
