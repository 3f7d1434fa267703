/**
 * The full catalogue: privacyIDEA's 42 conditions and 11 handler modules, plugged into the kernel.
 *
 * @since 0.1.0
 */
import { conditionCatalogue } from './conditions/index.js'
import type { Catalogue } from './core/catalogue.js'
import { handlerCatalogue } from './handlers/index.js'

/**
 * Every condition of SPEC 3 and every handler module of SPEC 4.
 *
 * @example
 * import { createEngine } from 'tripline/core'
 * const engine = createEngine(catalogue)
 * @since 0.1.0
 */
export const catalogue: Catalogue = { conditions: conditionCatalogue, handlers: handlerCatalogue }
