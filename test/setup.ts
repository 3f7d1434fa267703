import fc from 'fast-check'

// A fixed seed in CI makes every property run reproducible; locally each run explores new cases.
// A counterexample found once becomes an example test next to the property that found it.
if (process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false') {
  fc.configureGlobal({ seed: 20261129, verbose: 1 })
}
