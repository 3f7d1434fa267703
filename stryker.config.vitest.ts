/**
 * The vitest configuration Stryker runs (`npm run mutate`): the suites that state the behaviour of src/core,
 * src/conditions, src/handlers and src/templates — their own folders, the conformance vectors and the hostile-input
 * tests — with fast-check's fixed CI seed, so that a mutant is killed or survives the same way on every run. The
 * fuzz suite (test/fuzz, ~1 minute), the analysis, codec, CLI, bench and runtime suites are left out: they are slow
 * or test other folders.
 */
import { statSync } from 'node:fs'
import { defineConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

// test/setup.ts fixes fast-check's seed when CI is set: mutation results must be reproducible.
process.env['CI'] ??= 'stryker'

const FOCUSED = [
  'test/core/**/*.test.ts',
  'test/conditions/**/*.test.ts',
  'test/handlers/**/*.test.ts',
  'test/templates/**/*.test.ts',
  'test/conformance/**/*.test.ts',
  'test/load/**/*.test.ts',
  'test/hostile/prototype-pollution.test.ts',
]

/** `STRYKER_TESTS=test/core,test/conformance` narrows the suites (a comma list of folders or files). */
const narrowed = process.env['STRYKER_TESTS']
  ?.split(',')
  .filter((p) => p !== '')
  .map((p) => (p.endsWith('.ts') ? p : `${p.replace(/\/$/, '')}/**/*.test.ts`))

/**
 * `STRYKER_EXCLUDE=test/hostile/**,**\/properties.test.ts` leaves files out (a comma list of globs): the second,
 * static pass of scripts/mutate.mjs runs the example tests only.
 */
const excluded = process.env['STRYKER_EXCLUDE']?.split(',').filter((p) => p !== '') ?? []

/** Property-test files that take seconds: run after the example tests. */
const SLOW = ['laws.test.ts', 'properties.test.ts', 'conditions/index.test.ts', 'response-mangler.test.ts']

/**
 * Smallest test files first, the slow property files last. Stryker stops a mutant's run at its first failing test,
 * so a mutant an example test kills costs that test, not the seconds of the property files before it (vitest's own
 * order runs the longest files first). test/load runs after all of them: it imports every module inside its tests,
 * and a module first loaded inside a test has its module-level code counted as covered by that test, so Stryker
 * would take its static mutants for run-time ones (run without a reload: they would survive). Last, it finds the
 * modules already loaded, at collection, outside any test.
 */
class FastFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const weight = (f: TestSpecification): number =>
      (f.moduleId.includes('/test/load/') ? 2e9 : 0) +
      (SLOW.some((s) => f.moduleId.endsWith(s)) ? 1e9 : 0) +
      statSync(f.moduleId).size
    return [...files].sort((a, b) => weight(a) - weight(b) || (a.moduleId < b.moduleId ? -1 : 1))
  }
}

export default defineConfig({
  test: {
    include: narrowed !== undefined && narrowed.length > 0 ? narrowed : FOCUSED,
    exclude: ['**/node_modules/**', ...excluded],
    setupFiles: ['test/setup.ts', 'stryker.config.setup.ts'],
    testTimeout: 60_000,
    pool: 'threads',
    // Stryker switches mutants at run time, so the modules can stay loaded between runs: re-importing the test
    // files for every mutant would cost more than running their tests.
    isolate: false,
    sequence: { sequencer: FastFirst },
  },
})
