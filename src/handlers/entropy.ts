/**
 * Randomness from the host (SPEC D16). tripline draws no random numbers: `{random}` in savefile names and Token
 * `set random pin` PINs are derived from `event.entropy`, a host-supplied random string (hex recommended, at least
 * 32 bytes). Each use derives its own stream — SHA-256 over the entropy, a label naming the binding and purpose, and a counter —
 * so two bindings, or two serials of one binding, never share characters, and a value shown to a user (a PIN in
 * the response) reveals nothing about another. Characters are drawn from the stream by rejection sampling, so every
 * character of the alphabet is equally likely.
 *
 * Without entropy the intent asks the host to draw the value itself.
 *
 * @since 0.1.0
 */

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
])

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n))

/**
 * SHA-256 of a byte string (FIPS 180-4), pure.
 *
 * @example
 * toHex(sha256(utf8('abc'))) // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 * @since 0.1.0
 */
export const sha256 = (message: Uint8Array): Uint8Array => {
  const bitLength = message.length * 8
  const padded = new Uint8Array(Math.ceil((message.length + 9) / 64) * 64)
  padded.set(message)
  padded[message.length] = 0x80
  const view = new DataView(padded.buffer)
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32))
  view.setUint32(padded.length - 4, bitLength >>> 0)
  const h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ])
  const w = new Uint32Array(64)
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getUint32(offset + t * 4)
    for (let t = 16; t < 64; t++) {
      const w15 = w[t - 15] as number
      const w2 = w[t - 2] as number
      const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3)
      const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10)
      w[t] = ((w[t - 16] as number) + s0 + (w[t - 7] as number) + s1) >>> 0
    }
    let [a, b, c, d, e, f, g, hh] = h as unknown as [number, number, number, number, number, number, number, number]
    for (let t = 0; t < 64; t++) {
      const s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
      const ch = (e & f) ^ (~e & g)
      const t1 = (hh + s1 + ch + (K[t] as number) + (w[t] as number)) >>> 0
      const s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
      const maj = (a & b) ^ (a & c) ^ (b & c)
      const t2 = (s0 + maj) >>> 0
      hh = g
      g = f
      f = e
      e = (d + t1) >>> 0
      d = c
      c = b
      b = a
      a = (t1 + t2) >>> 0
    }
    h[0] = ((h[0] as number) + a) >>> 0
    h[1] = ((h[1] as number) + b) >>> 0
    h[2] = ((h[2] as number) + c) >>> 0
    h[3] = ((h[3] as number) + d) >>> 0
    h[4] = ((h[4] as number) + e) >>> 0
    h[5] = ((h[5] as number) + f) >>> 0
    h[6] = ((h[6] as number) + g) >>> 0
    h[7] = ((h[7] as number) + hh) >>> 0
  }
  const out = new Uint8Array(32)
  const outView = new DataView(out.buffer)
  for (let k = 0; k < 8; k++) outView.setUint32(k * 4, h[k] as number)
  return out
}

/**
 * UTF-8 bytes of a string.
 *
 * @example
 * utf8('pi') // Uint8Array [0x70, 0x69]
 * @since 0.1.0
 */
export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

/**
 * Lower-case hex of bytes.
 *
 * @example
 * toHex(utf8('pi')) // '7069'
 * @since 0.1.0
 */
export const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')

/**
 * ASCII letters and digits: privacyIDEA's alphabet for `{random}` and random PINs.
 *
 * @example
 * const entropy = entropyOf(event.entropy)
 * if (entropy !== undefined) deriveString(entropy, 'binding 4\u0000pin TOTP0001', 6, ALPHANUMERIC) // 6 of these 62
 * @since 0.1.0
 */
export const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

/**
 * What the host must draw when the event carries no entropy.
 *
 * @example
 * const draw: DrawRequest = { length: 8, alphabet: ALPHANUMERIC }
 * // the host draws draw.length characters, each uniformly from draw.alphabet, with its own CSPRNG
 * @since 0.1.0
 */
export interface DrawRequest {
  readonly length: number
  readonly alphabet: string
}

/**
 * The host's entropy of an event, or undefined when it gave none.
 *
 * @example
 * entropyOf(event.entropy) // '9f86d081884c7d65...' as the host supplied it
 * entropyOf('') // undefined
 * @since 0.1.0
 */
export const entropyOf = (entropy: string | undefined): string | undefined =>
  typeof entropy === 'string' && entropy !== '' ? entropy : undefined

/**
 * Derives `length` characters of `alphabet` from the event's entropy for one purpose (`label`: binding id, use,
 * serial). Deterministic: the same entropy and label give the same string; different labels give independent ones.
 *
 * @example
 * deriveString('9f86d081884c7d65', 'binding 7\u0000random', 16, ALPHANUMERIC) // 16 alphanumerics
 * @since 0.1.0
 */
export const deriveString = (entropy: string, label: string, length: number, alphabet: string): string => {
  const key = utf8(entropy)
  const info = utf8(label)
  const limit = 256 - (256 % alphabet.length)
  let out = ''
  for (let counter = 0; out.length < length; counter++) {
    // length(key) ‖ key ‖ length(label) ‖ label ‖ counter: unambiguous for any entropy and label.
    const block = new Uint8Array(12 + key.length + info.length)
    const view = new DataView(block.buffer)
    view.setUint32(0, key.length)
    block.set(key, 4)
    view.setUint32(4 + key.length, info.length)
    block.set(info, 8 + key.length)
    view.setUint32(8 + key.length + info.length, counter)
    for (const byte of sha256(block)) {
      if (byte < limit) out += alphabet[byte % alphabet.length]
      if (out.length === length) break
    }
  }
  return out
}
