/**
 * The catalogue the benchmark measures: the package's own (`src/catalogue.ts`, the 42 conditions and the 11 handler
 * modules), plugged into the kernel with `createEngine` exactly as `src/index.ts` does.
 *
 * @since 0.1.0
 */
import { catalogue } from '../src/catalogue.js'
import type { Catalogue } from '../src/core/catalogue.js'

/** @since 0.1.0 */
export const benchCatalogue: Catalogue = catalogue
