import { describe, expect, it } from 'vitest'
import { absurd, isLeft, isRight, left, right } from '../../src/core/either.js'

describe('Either', () => {
  it('builds fp-ts-shaped literals', () => {
    expect(left('e')).toStrictEqual({ _tag: 'Left', left: 'e' })
    expect(right(1)).toStrictEqual({ _tag: 'Right', right: 1 })
  })

  it('narrows with isLeft and isRight', () => {
    const l = left<string, number>('e')
    const r = right<string, number>(1)
    expect(isLeft(l)).toBe(true)
    expect(isRight(l)).toBe(false)
    expect(isLeft(r)).toBe(false)
    expect(isRight(r)).toBe(true)
    if (isRight(r)) expect(r.right + 1).toBe(2)
  })

  it('survives a JSON round trip', () => {
    expect(JSON.parse(JSON.stringify(left({ a: 1 })))).toStrictEqual(left({ a: 1 }))
  })

  it('absurd throws when reached anyway (data that lies about its type)', () => {
    expect(() => absurd({ _tag: 'Nope' } as never)).toThrow('unreachable: {"_tag":"Nope"}')
  })
})
