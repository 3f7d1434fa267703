/**
 * Setup for the mutation run only (stryker.config.vitest.ts), after test/setup.ts.
 *
 * fast-check: the fixed seed and fewer runs per property (25 instead of 100). A mutant is run against every test that
 * covers it, and the property tests would otherwise be most of the time of each run; 25 generated cases still
 * exercise each property, and the example tests carry the stated behaviour. The full suite (`npm test`) keeps the
 * default.
 *
 * Static mutants: the vitest config keeps modules loaded between runs (`isolate: false`), which is right for the
 * mutants Stryker switches at run time, but a mutant in module-level code (a table such as TAG_SPECS, a constant
 * built at load) only takes effect when its module is evaluated again. So a run of a static mutant starts from an
 * empty module registry, and so does the first run after it (whose modules would otherwise still hold the static
 * mutant). Without this every static mutant "survives" whatever the tests say.
 */
import fc from 'fast-check'
import { inject, vi } from 'vitest'

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: 20261129, numRuns: 25 })

/** What Stryker's vitest runner provides to the workers (see its stryker-setup.js). */
const provided = inject as unknown as (key: 'mode' | 'mutantActivation' | 'activeMutant') => string | undefined
const state = globalThis as { __trModulesFor?: string }
const isStatic = provided('mode') === 'mutant' && provided('mutantActivation') === 'static'
// This file runs before every test file; the registry is emptied once per run (the first file of a static mutant's
// run, and the first file of the run after it), not before every file: the modules loaded by the first file already
// hold the static mutant. Resetting before each file made a static mutant cost seconds.
const loadedFor = isStatic ? `static ${String(provided('activeMutant'))}` : 'runtime'
const loadedBefore = state.__trModulesFor
if (loadedBefore !== loadedFor && (isStatic || loadedBefore?.startsWith('static') === true)) vi.resetModules()
state.__trModulesFor = loadedFor
