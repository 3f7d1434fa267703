/**
 * Setup for the mutation run only (stryker.config.vitest.ts), after test/setup.ts: fast-check's fixed seed and fewer
 * runs per property (25 instead of 100). A mutant is run against every test that covers it, and the property tests
 * would otherwise be most of the time of each run; 25 generated cases still exercise each property, and the example
 * tests carry the stated behaviour. The full suite (`npm test`) keeps the default.
 */
import fc from 'fast-check'

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: 20261129, numRuns: 25 })
