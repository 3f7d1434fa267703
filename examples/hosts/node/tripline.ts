/**
 * The example hosts import tripline through this one file. In your own project it is the package:
 *
 *   import { check, evaluate, decodeBindings } from 'tripline'
 *
 * Here it points at the sources, so the examples type-check and run from a fresh clone without a build.
 */

export * from '../../../src/index.js'
