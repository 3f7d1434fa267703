/**
 * The real catalogue the benchmark measures: the 42 conditions of `src/conditions` and the 11 handler modules of
 * `src/handlers`, plugged into the kernel exactly as the package does.
 *
 * @since 0.1.0
 */
import { conditionCatalogue } from '../src/conditions/index.js'
import type { Catalogue } from '../src/core/catalogue.js'
import { handlerCatalogue } from '../src/handlers/index.js'

/** @since 0.1.0 */
export const benchCatalogue: Catalogue = { conditions: conditionCatalogue, handlers: handlerCatalogue }
