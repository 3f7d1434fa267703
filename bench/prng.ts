/**
 * A small seeded pseudo-random generator (mulberry32) for the benchmark workloads: the same seed always gives the
 * same workload, on every machine and run. Not for anything but test data.
 *
 * @since 0.1.0
 */

/** A seeded random source. Each call advances its private state. @since 0.1.0 */
export interface Rng {
  /** A float in [0, 1). */
  readonly next: () => number
  /** An integer in [0, n). */
  readonly int: (n: number) => number
  /** An integer in [lo, hi] (both inclusive). */
  readonly range: (lo: number, hi: number) => number
  /** True with probability p. */
  readonly chance: (p: number) => boolean
  /** One element of a non-empty list. */
  readonly pick: <A>(xs: ReadonlyArray<A>) => A
  /** One element of a non-empty list of `[weight, value]` pairs, chosen by weight. */
  readonly weighted: <A>(xs: ReadonlyArray<readonly [number, A]>) => A
  /** `k` distinct elements of a list, in list order (k is clamped to the list length). */
  readonly sample: <A>(xs: ReadonlyArray<A>, k: number) => ReadonlyArray<A>
}

/**
 * Creates a generator from a 32-bit seed.
 *
 * @example
 * const rng = makeRng(42)
 * rng.int(10) // always the same first value for seed 42
 * @since 0.1.0
 */
export const makeRng = (seed: number): Rng => {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number): number => Math.floor(next() * n)
  const pick = <A>(xs: ReadonlyArray<A>): A => {
    if (xs.length === 0) throw new Error('pick from an empty list')
    return xs[int(xs.length)] as A
  }
  const weighted = <A>(xs: ReadonlyArray<readonly [number, A]>): A => {
    const total = xs.reduce((s, [w]) => s + w, 0)
    let r = next() * total
    for (const [w, v] of xs) {
      r -= w
      if (r < 0) return v
    }
    const last = xs[xs.length - 1]
    if (last === undefined) throw new Error('weighted pick from an empty list')
    return last[1]
  }
  const sample = <A>(xs: ReadonlyArray<A>, k: number): ReadonlyArray<A> => {
    const chosen = new Set<number>()
    const want = Math.min(k, xs.length)
    while (chosen.size < want) chosen.add(int(xs.length))
    return xs.filter((_, i) => chosen.has(i))
  }
  return {
    next,
    int,
    range: (lo, hi) => lo + int(hi - lo + 1),
    chance: (p) => next() < p,
    pick,
    weighted,
    sample,
  }
}
