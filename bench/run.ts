/**
 * `npm run bench`: the side-by-side benchmark of issue 6 over the real catalogue. See docs/benchmarks.md.
 *
 * @since 0.1.0
 */
import { benchCatalogue } from './catalogue.js'
import { cli } from './cli.js'

await cli(benchCatalogue, process.argv.slice(2))
