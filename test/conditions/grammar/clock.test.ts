import { describe, expect, it } from 'vitest'
import { cachedDate, eventNow, eventOffset, memoLookup } from '../../../src/conditions/grammar/clock.js'
import { makeContext } from '../../../src/core/context.js'
import type { Event } from '../../../src/core/model.js'

const event = (now: string): Event => ({ name: 'validate_check', position: 'post', now, request: { params: {} } })

describe('the event clock and cached dates', () => {
  it('reads event.now and its offset', () => {
    const ctx = makeContext(event('2026-11-29T10:00:00+01:00'))
    expect(eventNow(ctx)).toBe(Date.UTC(2026, 10, 29, 9))
    expect(eventOffset(ctx)).toBe(60)
  })

  it('an invalid clock reads as NaN', () => {
    expect(eventNow(makeContext(event('soon')))).toBeNaN()
  })

  it('parses each text at most once per evaluation', () => {
    const ctx = makeContext(event('2026-11-29T10:00:00Z'))
    let calls = 0
    const count = (t: string) => {
      calls++
      return t.length
    }
    expect(memoLookup(ctx, 'test', 'abc', count)).toBe(3)
    expect(memoLookup(ctx, 'test', 'abc', count)).toBe(3)
    expect(calls).toBe(1)
    expect(memoLookup(ctx, 'test', 'abcd', count)).toBe(4)
    expect(calls).toBe(2)
  })

  it('caches undefined results too', () => {
    const ctx = makeContext(event('2026-11-29T10:00:00Z'))
    expect(cachedDate(ctx, 'garbage')).toBeUndefined()
    expect(cachedDate(ctx, 'garbage')).toBeUndefined()
  })

  it('caches by value, so a later view of the event (same memo) never sees a stale value', () => {
    const first = makeContext(event('2026-11-29T10:00:00Z'))
    expect(eventNow(first)).toBe(Date.UTC(2026, 10, 29, 10))
    const later = makeContext(event('2026-11-30T10:00:00+02:00'), first.memo)
    expect(eventNow(later)).toBe(Date.UTC(2026, 10, 30, 8))
    expect(eventOffset(later)).toBe(120)
    expect(eventNow(first)).toBe(Date.UTC(2026, 10, 29, 10))
  })
})
