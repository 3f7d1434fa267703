// @ts-check
// The matrix entry for Node (CommonJS): the package is loaded with require(), so its "require" export conditions
// (dist/cjs/*.cjs) are what runs; only the judge and the vectors are imported as ES modules.
const tripline = require('tripline')
const core = require('tripline/core')
const codec = require('tripline/codec')

Promise.all([import('./run-vectors.mjs'), import('./settings.mjs'), import('./vectors.mjs')]).then(
  ([{ MARK, runVectors }, settings, vectors]) => {
    const runtime = `node ${process.version} cjs`
    const result = runVectors({ runtime, tripline, core, codec, doc: vectors.default, stub: settings.default.stub })
    console.log(MARK + JSON.stringify(result))
  },
)
