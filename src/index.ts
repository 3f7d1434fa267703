/**
 * `tripline`: everything a host needs. `evaluate(event, bindings)` with the full privacyIDEA catalogue, explicit
 * compilation, static checks, explanations, the facts plan, the io-ts boundary and the template renderer (DESIGN's
 * public API).
 *
 * It is `tripline/evaluate` plus `check`. The regex analysis of `check` (recheck) is a large module: a bundler drops
 * it when only `evaluate` is imported (`sideEffects: false`), but an unbundled `import('tripline')` loads it; a
 * host whose cold start counts imports `tripline/evaluate`. `docs/benchmarks.md` has the figures.
 *
 * @module
 * @since 0.1.0
 */
export type { Check, FoundRegex, Vulnerability } from './check.js'
export { check, checkWith } from './check.js'
export * from './evaluate.js'
