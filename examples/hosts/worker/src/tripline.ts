/**
 * The worker imports tripline through this one file. In your own worker it is the package:
 *
 *   import { compile, evaluate, decodeBindings } from 'tripline'
 *
 * Here it points at the sources, so the example type-checks and bundles from a fresh clone without a build.
 */
export * from '../../../../src/index.js'
