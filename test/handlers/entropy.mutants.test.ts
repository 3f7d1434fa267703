/**
 * Host entropy (SPEC D16): every character of the alphabet equally likely, any alphabet size, streams that never
 * repeat across counters, and labels and entropies that cannot be confused with each other.
 */
import { describe, expect, test } from 'vitest'
import { ALPHANUMERIC, deriveString, entropyOf, sha256, toHex, utf8 } from '../../src/handlers/entropy.js'

const counts = (s: string): Map<string, number> => {
  const m = new Map<string, number>()
  for (const c of s) m.set(c, (m.get(c) ?? 0) + 1)
  return m
}

describe('deriveString: uniform characters', () => {
  test('62 alphanumerics: each within 12 % of its expected share (a byte bias would give 25 % more)', () => {
    const n = 124_000
    const c = counts(deriveString('uniformity', 'binding 1\u0000pin', n, ALPHANUMERIC))
    expect(c.size).toBe(62)
    const expected = n / 62
    const off = [...c.entries()].filter(([, k]) => Math.abs(k - expected) > expected * 0.12)
    expect(off).toEqual([])
  })
  test('an alphabet of 3 (256 is not a multiple): uniform too', () => {
    const c = counts(deriveString('e', 'three', 30_000, 'abc'))
    for (const ch of 'abc') expect(Math.abs((c.get(ch) ?? 0) - 10_000)).toBeLessThan(500)
  })
  test('alphabets of 1 and of 256 characters', () => {
    expect(deriveString('e', 'one', 5, 'x')).toBe('xxxxx')
    const all = Array.from({ length: 256 }, (_, i) => String.fromCharCode(0x100 + i)).join('')
    expect(counts(deriveString('e', 'all', 25_600, all)).size).toBe(256)
  })
  test('long strings keep drawing from new blocks: no 32-character period', () => {
    const s = deriveString('e', 'long', 4096, ALPHANUMERIC)
    const chunks = new Set(Array.from({ length: 128 }, (_, i) => s.slice(i * 32, i * 32 + 32)))
    expect(chunks.size).toBe(128)
  })
  test('length 0 is the empty string', () => {
    expect(deriveString('e', 'none', 0, ALPHANUMERIC)).toBe('')
  })
})

describe('deriveString: entropy and label are kept apart', () => {
  test('moving characters between entropy and label changes the result', () => {
    expect(deriveString('ab', 'c', 16, ALPHANUMERIC)).not.toBe(deriveString('a', 'bc', 16, ALPHANUMERIC))
    expect(deriveString('abc', '', 16, ALPHANUMERIC)).not.toBe(deriveString('ab', 'c', 16, ALPHANUMERIC))
  })
  test('non-ASCII entropy and labels count in UTF-8 bytes', () => {
    expect(deriveString('é', 'x', 16, ALPHANUMERIC)).not.toBe(deriveString('e', 'x', 16, ALPHANUMERIC))
    expect(deriveString('é', 'x', 16, ALPHANUMERIC)).toHaveLength(16)
  })
})

describe('sha256 and encodings', () => {
  test.each([
    ['a'.repeat(56), 'b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a'],
    ['a'.repeat(63), '7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34'],
    ['a'.repeat(65), '635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0'],
    ['a'.repeat(119), '31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb'],
  ])('sha256 of %j (padding edges)', (text, hex) => {
    expect(toHex(sha256(utf8(text)))).toBe(hex)
  })
  test('toHex pads each byte to two digits; utf8 encodes non-ASCII', () => {
    expect(toHex(new Uint8Array([0, 1, 15, 16, 255]))).toBe('00010f10ff')
    expect(toHex(utf8('é€'))).toBe('c3a9e282ac')
  })
  test('entropyOf keeps any non-empty text', () => {
    expect(entropyOf(' ')).toBe(' ')
    expect(entropyOf(42 as unknown as string)).toBeUndefined()
  })
})

describe('deriveString: the derivation is fixed (same entropy and label, same text in every release)', () => {
  // Expected values from an independent Python implementation of the documented construction:
  // SHA-256(len(key) ‖ key ‖ len(label) ‖ label ‖ counter), 32-bit big-endian lengths and counter from 0, bytes at or
  // above the largest multiple of the alphabet size dropped.
  test('several hash blocks of alphanumerics, and a non-ASCII entropy with digits', () => {
    expect(deriveString('9f86d081884c7d65', 'binding 7\u0000random', 100, ALPHANUMERIC)).toBe(
      'BVBblgV6v3wYKmw6QXpwacfGtncr5vPF3OfrlsGb0732bbPGk4bN4yZHPAn92ujLxdCDJBbPWVb5yErxHFKLfOQjHtfVq2pzoxSz',
    )
    expect(deriveString('é€ entropy', 'binding 7\u0000pin\u0000S1', 40, '0123456789')).toBe(
      '2721910848994675112782792212188837929213',
    )
  })
})
