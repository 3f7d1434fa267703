import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { ALPHANUMERIC, deriveString, entropyOf, sha256, toHex, utf8 } from '../../src/handlers/entropy.js'

describe('sha256 (FIPS 180-4 vectors)', () => {
  test.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
    ['a'.repeat(1000), '41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3'],
    ['a'.repeat(55), '9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318'],
    ['a'.repeat(64), 'ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb'],
  ])('sha256(%j)', (text, hex) => {
    expect(toHex(sha256(utf8(text)))).toBe(hex)
  })
})

describe('deriveString (D16)', () => {
  test('deterministic, the requested length, from the alphabet', () => {
    const a = deriveString('00ff', 'binding 1', 40, ALPHANUMERIC)
    expect(a).toHaveLength(40)
    expect(a).toMatch(/^[A-Za-z0-9]+$/)
    expect(deriveString('00ff', 'binding 1', 40, ALPHANUMERIC)).toBe(a)
    expect(deriveString('00ff', 'binding 1', 10, ALPHANUMERIC)).toBe(a.slice(0, 10))
  })
  test('another label or entropy gives another string', () => {
    const a = deriveString('00ff', 'a', 16, ALPHANUMERIC)
    expect(deriveString('00ff', 'b', 16, ALPHANUMERIC)).not.toBe(a)
    expect(deriveString('00fe', 'a', 16, ALPHANUMERIC)).not.toBe(a)
  })
  test.prop([fc.string({ minLength: 1 }), fc.string(), fc.integer({ min: 1, max: 64 })])(
    'always length characters of the alphabet',
    (entropy, label, length) => {
      const s = deriveString(entropy, label, length, ALPHANUMERIC)
      expect(s).toHaveLength(length)
      expect([...s].every((c) => ALPHANUMERIC.includes(c))).toBe(true)
    },
  )
  test('characters are roughly uniform (rejection sampling)', () => {
    const counts = new Map<string, number>()
    // 200 draws per character expected; the derivation is deterministic, so this is no flaky statistical test, and
    // a fifth of the earlier 62,000 characters keeps it quick under the mutation run's instrumentation.
    for (const c of deriveString('seed', 'uniform', 12_400, ALPHANUMERIC)) counts.set(c, (counts.get(c) ?? 0) + 1)
    expect(counts.size).toBe(62)
    for (const n of counts.values()) expect(n).toBeGreaterThan(150)
  })
  test('entropyOf: empty means none', () => {
    expect(entropyOf('')).toBeUndefined()
    expect(entropyOf(undefined)).toBeUndefined()
    expect(entropyOf('ab')).toBe('ab')
  })
})
