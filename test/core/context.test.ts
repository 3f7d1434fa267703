import { describe, expect, it } from 'vitest'
import { makeContext, memoise } from '../../src/core/context.js'
import { event } from './test-catalogue.js'

describe('makeContext', () => {
  it('wraps the event with a fresh memo by default', () => {
    const e = event()
    const a = makeContext(e)
    const b = makeContext(e)
    expect(a.event).toBe(e)
    expect(a.memo.size).toBe(0)
    expect(a.memo).not.toBe(b.memo)
  })

  it('can share a memo', () => {
    const memo = new Map<string, unknown>()
    expect(makeContext(event(), memo).memo).toBe(memo)
  })
})

describe('memoise', () => {
  it('computes a value once per key', () => {
    const ctx = makeContext(event())
    let calls = 0
    const compute = () => {
      calls += 1
      return Date.parse(ctx.event.now)
    }
    expect(memoise(ctx, 'now', compute)).toBe(Date.parse('2026-11-29T09:00:00Z'))
    expect(memoise(ctx, 'now', compute)).toBe(Date.parse('2026-11-29T09:00:00Z'))
    expect(calls).toBe(1)
  })

  it('remembers undefined and falsy results too', () => {
    const ctx = makeContext(event())
    let calls = 0
    for (const value of [undefined, 0, '', false, null] as const) {
      const key = `k${String(value)}`
      memoise(ctx, key, () => {
        calls += 1
        return value
      })
      expect(
        memoise(ctx, key, () => {
          calls += 1
          return 'other'
        }),
      ).toBe(value)
    }
    expect(calls).toBe(5)
  })

  it('keeps keys apart', () => {
    const ctx = makeContext(event())
    expect(memoise(ctx, 'a', () => 1)).toBe(1)
    expect(memoise(ctx, 'b', () => 2)).toBe(2)
  })
})
