// @ts-check
/**
 * `npm run build`: the package in two module formats, with declarations, by tsc alone.
 *
 *   dist/esm/  ES modules (.js + .d.ts) from tsconfig.build.json: the library, compiled without Node's types
 *              and with only the ES2022 lib (plus TextEncoder/TextDecoder, scripts/web-globals.d.ts), so a Node
 *              built-in or global outside the CLI fails the build. The CLI (src/cli, the only place Node
 *              built-ins are allowed; `npm run typecheck` type-checks it with Node's types) is transpiled file by
 *              file with esbuild into dist/esm/cli, next to the library modules it imports.
 *   dist/cjs/  CommonJS (.cjs + .d.cts): the library sources are copied into dist/.cjs-build beside a
 *              package.json with "type": "commonjs", so the same tsc (NodeNext) compiles them as CommonJS and
 *              checks every import the way Node's require would see it (an ESM-only dependency is an error
 *              there); then every file is renamed (.js → .cjs, .d.ts → .d.cts) and its relative specifiers
 *              rewritten to match.
 */
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import * as esbuild from 'esbuild'
import { cliSource, entries, rel, root, run, walk } from './lib.mjs'

const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
const dist = join(root, 'dist')
const esm = join(dist, 'esm')
const cjs = join(dist, 'cjs')
const work = join(dist, '.cjs-build')

const started = performance.now()
for (const dir of [esm, cjs, work, join(dist, '.build-stamp')]) rmSync(dir, { recursive: true, force: true })

const missing = entries.filter((e) => !existsSync(join(root, e.source)))
for (const e of missing) console.warn(`! entry ${e.subpath} (${e.source}) does not exist yet: not built`)

// 1. ESM library and CLI.
run(process.execPath, [tsc, '-p', 'tsconfig.build.json'])
const cliDir = join(root, 'src', 'cli')
if (existsSync(join(root, cliSource))) {
  for (const file of walk(cliDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))) {
    const result = await esbuild.transform(readFileSync(file, 'utf8'), {
      loader: 'ts',
      format: 'esm',
      target: 'es2022',
      sourcefile: rel(file),
      tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
    })
    const target = join(esm, 'cli', relative(cliDir, file)).replace(/\.ts$/, '.js')
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, result.code)
  }
  chmodSync(join(esm, 'cli', 'main.js'), 0o755)
} else console.warn(`! ${cliSource} does not exist yet: no CLI built`)

// 2. CommonJS library: the same sources, compiled as CommonJS modules.
mkdirSync(work, { recursive: true })
cpSync(join(root, 'src'), join(work, 'src'), {
  recursive: true,
  filter: (src) => relative(join(root, 'src'), src).split(/[\\/]/)[0] !== 'cli',
})
writeFileSync(join(work, 'package.json'), `${JSON.stringify({ type: 'commonjs', private: true })}\n`)
writeFileSync(
  join(work, 'tsconfig.json'),
  `${JSON.stringify(
    {
      extends: '../../tsconfig.build.json',
      compilerOptions: { rootDir: 'src', outDir: 'out', verbatimModuleSyntax: false },
      include: ['src'],
      exclude: [],
    },
    null,
    2,
  )}\n`,
)
run(process.execPath, [tsc, '-p', join(work, 'tsconfig.json')])

/** Rewrites relative `.js` specifiers (require, import, from, import()) to `.cjs`. @param {string} code */
const toCjsSpecifiers = (code) =>
  code.replace(/((?:require|import)\s*\(\s*|from\s+|import\s+)(['"])(\.{1,2}\/[^'"]*?)\.js\2/g, '$1$2$3.cjs$2')

const out = join(work, 'out')
for (const file of walk(out)) {
  const target = join(cjs, relative(out, file))
    .replace(/\.d\.ts$/, '.d.cts')
    .replace(/\.js$/, '.cjs')
  mkdirSync(dirname(target), { recursive: true })
  if (/\.(js|d\.ts)$/.test(file)) writeFileSync(target, toCjsSpecifiers(readFileSync(file, 'utf8')))
  else renameSync(file, target)
}
rmSync(work, { recursive: true, force: true })

// 3. Every entry the exports map names must exist in both formats.
const problems = entries
  .filter((e) => !missing.includes(e))
  .flatMap((e) =>
    [`esm/${e.stem}.js`, `esm/${e.stem}.d.ts`, `cjs/${e.stem}.cjs`, `cjs/${e.stem}.d.cts`].filter(
      (f) => !existsSync(join(dist, f)),
    ),
  )
if (problems.length > 0) {
  console.error(`✗ build output missing: ${problems.join(', ')}`)
  process.exit(1)
}
writeFileSync(join(dist, '.build-stamp'), `${new Date().toISOString()}\n`)
const count = (/** @type {string} */ dir) => walk(dir).length
console.log(
  `✓ built ${rel(esm)} (${count(esm)} files) and ${rel(cjs)} (${count(cjs)} files) in ${Math.round(performance.now() - started)} ms`,
)
