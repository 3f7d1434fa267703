/**
 * The example hosts import tripline through this one file. In your own project it is the package:
 *
 *   import { evaluate, decodeBindings } from 'tripline'
 *   import { check } from 'tripline/check'
 *
 * Here it points at the sources, so the examples type-check and run from a fresh clone without a build.
 */

export { check } from '../../../src/check.js'
export * from '../../../src/index.js'
