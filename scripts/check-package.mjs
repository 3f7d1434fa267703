// @ts-check
/**
 * `npm run check:package`: the built package as a consumer sees it.
 *
 *   1. publint --strict                 the manifest, exports map and files (warnings are errors).
 *   2. attw --pack .                    types resolve for every entry under node10, node16 (ESM and CJS) and
 *                                       bundler resolution, with the right module format.
 *   3. entry purity                     every entry but the CLI bundles for a neutral platform (no Node built-in,
 *                                       no `process`/`Buffer` global), and no declaration references Node's types.
 *   4. ESM/CJS parity                   `import` and `require` of each entry load in Node and expose the same names.
 *
 * Exits non-zero on the first failing step's findings, after running every step.
 */

import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as esbuild from 'esbuild'
import { bin, ensureBuild, entries, rel, root, run, walk } from './lib.mjs'

ensureBuild()

/** @type {string[]} */
const failures = []
const step = (/** @type {string} */ title) => console.log(`\n== ${title}`)

step('publint --strict')
if (run(bin('publint'), ['run', '--strict'], { allowFail: true }) !== 0) failures.push('publint')

step('attw --pack .')
if (run(bin('attw'), ['--pack', '.', '--format', 'table'], { allowFail: true }) !== 0) failures.push('attw')

step('entry purity: no Node built-in in any entry but the CLI')
const NODE_GLOBALS = /\b(process|Buffer|__dirname|__filename|require)\s*[.([]/
for (const e of entries) {
  const file = join(root, 'dist', 'esm', `${e.stem}.js`)
  if (!existsSync(file)) {
    failures.push(`entry ${e.subpath} not built`)
    console.log(`✗ ${e.subpath}: ${rel(file)} missing`)
    continue
  }
  try {
    const result = await esbuild.build({
      entryPoints: [file],
      bundle: true,
      write: false,
      platform: 'neutral',
      format: 'esm',
      mainFields: ['module', 'main'],
      metafile: true,
      logLevel: 'silent',
      treeShaking: true,
    })
    const inputs = Object.keys(result.metafile.inputs)
    const code = result.outputFiles[0]?.text ?? ''
    const global = NODE_GLOBALS.exec(code)
    if (global !== null) {
      failures.push(`entry ${e.subpath} uses a Node global`)
      console.log(`✗ ${e.subpath}: the bundle uses the Node global "${global[1]}"`)
    } else console.log(`✓ ${e.subpath}: bundles for a neutral platform (${inputs.length} modules)`)
  } catch (err) {
    const errors = /** @type {{ errors?: ReadonlyArray<{ text: string, location?: { file: string } | null }> }} */ (err)
      .errors ?? [{ text: String(err) }]
    failures.push(`entry ${e.subpath} does not bundle for a neutral platform`)
    for (const x of errors) console.log(`✗ ${e.subpath}: ${x.text}${x.location ? ` (${x.location.file})` : ''}`)
  }
}
const nodeTypeRefs = walk(join(root, 'dist'))
  .filter((f) => /\.d\.c?ts$/.test(f) && !/[\\/]cli[\\/]/.test(f))
  .filter((f) => /reference\s+types=["']node["']|from\s+["']node:/.test(readFileSync(f, 'utf8')))
for (const f of nodeTypeRefs) console.log(`✗ ${rel(f)} references Node's types`)
if (nodeTypeRefs.length > 0) failures.push('declarations reference Node types')
else console.log('✓ no declaration outside the CLI references Node types')

step('ESM/CJS parity')
const require = createRequire(import.meta.url)
for (const e of entries) {
  const esmFile = join(root, 'dist', 'esm', `${e.stem}.js`)
  const cjsFile = join(root, 'dist', 'cjs', `${e.stem}.cjs`)
  if (!existsSync(esmFile) || !existsSync(cjsFile)) continue
  /** @type {string[]} */
  let esmNames
  /** @type {string[]} */
  let cjsNames
  try {
    esmNames = Object.keys(await import(pathToFileURL(esmFile).href)).sort()
    cjsNames = Object.keys(require(cjsFile))
      .filter((k) => k !== '__esModule')
      .sort()
  } catch (err) {
    failures.push(`entry ${e.subpath} does not load in Node`)
    console.log(`✗ ${e.subpath}: does not load: ${String(err).split('\n')[0]}`)
    continue
  }
  const onlyEsm = esmNames.filter((n) => !cjsNames.includes(n))
  const onlyCjs = cjsNames.filter((n) => !esmNames.includes(n))
  if (onlyEsm.length + onlyCjs.length > 0) {
    failures.push(`entry ${e.subpath}: ESM and CJS differ`)
    console.log(`✗ ${e.subpath}: only ESM: [${onlyEsm.join(', ')}], only CJS: [${onlyCjs.join(', ')}]`)
  } else console.log(`✓ ${e.subpath}: ${esmNames.length} names, the same in ESM and CJS`)
}

console.log('')
if (failures.length > 0) {
  console.log(`✗ check:package failed: ${failures.join('; ')}`)
  process.exit(1)
}
console.log('✓ check:package clean')
