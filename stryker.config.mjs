// @ts-check
/**
 * Mutation testing (issue 8): `npm run mutate` mutates src/core, src/conditions, src/handlers and src/templates and
 * runs the focused vitest suites of stryker.config.vitest.ts against each mutant (only the tests that cover it).
 * Incremental: results are kept in reports/stryker-incremental.json (not committed: it holds every mutant with its
 * covering tests, megabytes per folder, and changes with every source edit), so a re-run on the same machine only
 * tests mutants in changed code or covered by changed tests. `npm run mutate -- --mutate 'src/core/**\/*.ts'` runs
 * one folder (with `STRYKER_TESTS=test/core,...` to narrow the suites, see stryker.config.vitest.ts); `npm run mutate
 * -- --force` ignores the incremental file. Scores per folder and the commands: docs/quality.md.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: { configFile: 'stryker.config.vitest.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: ['src/core/**/*.ts', 'src/conditions/**/*.ts', 'src/handlers/**/*.ts', 'src/templates/**/*.ts'],
  coverageAnalysis: 'perTest',
  // Only TypeScript sources need their type checks disabled in the sandbox; nothing outside what the tests load
  // is copied there (docs/*.md stays: test/handlers/docs.test.ts reads docs/handlers.md).
  disableTypeChecks: '{src,test}/**/*.ts',
  ignorePatterns: [
    // the sandboxes of other runs (scripts/mutate.mjs gives each file its own)
    '.stryker-tmp*',
    'docs/api',
    'bench',
    'examples',
    'scripts',
    'coverage',
    'reports',
    'dist',
    '.ci',
    '*.tgz',
    'test/runtime',
    'test/cli/fixtures',
  ],
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // Generous: a mutant that loops forever is stopped by its hit limit long before; a loaded machine must not turn a
  // slow run into a "timed out" (detected) mutant.
  timeoutMS: 30_000,
  timeoutFactor: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  // STRYKER_REPORT names the reports (scripts/mutate.mjs gives each folder its own).
  htmlReporter: { fileName: `reports/mutation/${process.env['STRYKER_REPORT'] ?? 'mutation'}.html` },
  jsonReporter: { fileName: `reports/mutation/${process.env['STRYKER_REPORT'] ?? 'mutation'}.json` },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0, reportScoreTable: true },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
}
