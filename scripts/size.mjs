// @ts-check
/**
 * `npm run size`: the bundle-size budget and the cold import time of the built package.
 *
 * Size: esbuild bundles a consumer's import through the package's own exports map (a self-reference, so the map
 * is what is measured), minified, for the browser platform with tree shaking, then gzip -9 (1 KB = 1000 bytes, the
 * stricter reading). Two limits per measured import:
 *   budget  — issue 7's target: `import { evaluate } from 'tripline'` (the full catalogue) ≤ 25 KB, `tripline/core`
 *             ≤ 5 KB. Reported as met or missed; the evaluate bundle misses it (docs/benchmarks.md says by how much
 *             and why), so a miss alone does not fail the run.
 *   ceiling — the size the package has today plus a small margin: exceeding it fails the run (exit 1), so the bundle
 *             cannot grow unnoticed. Lower it when the bundle shrinks; raise it only with a reason in the commit.
 * Other figures are printed for information only. A budgeted import that does not bundle fails the run.
 *
 * Anatomy of the evaluate bundle (printed, and written with the sizes): the same bytes gzipped with every string
 * literal, template text and regular-expression literal emptied (TypeScript's parser finds them, so code is never
 * mistaken for text), and ipaddr.js bundled alone: what is code, what is text, what is the IP library.
 *
 * Cold import: a fresh `node` process per run imports the entry; the time from just before `import()` (or
 * `require`) to just after is the import time, and the process's CPU time (user + system) over the same span the
 * import CPU, which a loaded machine disturbs far less; the median of N runs (default 21, `--runs N`) is printed with the
 * whole process's wall time and an empty process's for comparison. Figures go to bench/results/size.json and
 * bench/results/cold-import.json (`--no-write` skips that).
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, platform, release } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import * as esbuild from 'esbuild'
import ts from 'typescript'
import { ensureBuild, manifest, median, rel, root } from './lib.mjs'

const args = process.argv.slice(2)
const runsArg = args.indexOf('--runs')
const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 21
const write = !args.includes('--no-write')

ensureBuild()

/** @type {ReadonlyArray<{ name: string, code: string, budget?: number, ceiling?: number }>} */
const bundles = [
  {
    name: "import { evaluate } from 'tripline'",
    code: "export { evaluate } from 'tripline'",
    budget: 25_000,
    ceiling: 43_400,
  },
  { name: "export * from 'tripline/core'", code: "export * from 'tripline/core'", budget: 5_000, ceiling: 4_000 },
  { name: "import { evaluate } from 'tripline/evaluate'", code: "export { evaluate } from 'tripline/evaluate'" },
  { name: "import { createEngine } from 'tripline/core'", code: "export { createEngine } from 'tripline/core'" },
  {
    name: "import { decodeBindings, decodeEvent } from 'tripline/codec'",
    code: "export { decodeBindings, decodeEvent } from 'tripline/codec'",
  },
  { name: "export * from 'tripline'", code: "export * from 'tripline'" },
]

/**
 * The gzip size of a minified bundle with every string literal, template text and regex literal emptied.
 *
 * @param {Uint8Array} bytes
 * @returns {{ textless: number, texts: number, textChars: number }}
 */
const withoutTexts = (bytes) => {
  const source = new TextDecoder().decode(bytes)
  const file = ts.createSourceFile('bundle.js', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS)
  /** @type {Array<[number, number, string]>} */
  const cuts = []
  /** @param {import('typescript').Node} node */
  const visit = (node) => {
    const k = node.kind
    if (k === ts.SyntaxKind.StringLiteral) cuts.push([node.getStart(file), node.end, '""'])
    else if (k === ts.SyntaxKind.RegularExpressionLiteral) cuts.push([node.getStart(file), node.end, '/x/'])
    else if (k === ts.SyntaxKind.NoSubstitutionTemplateLiteral) cuts.push([node.getStart(file), node.end, '``'])
    else if (k === ts.SyntaxKind.TemplateHead) cuts.push([node.getStart(file), node.end, '`${'])
    else if (k === ts.SyntaxKind.TemplateMiddle) cuts.push([node.getStart(file), node.end, '}${'])
    else if (k === ts.SyntaxKind.TemplateTail) cuts.push([node.getStart(file), node.end, '}`'])
    ts.forEachChild(node, visit)
  }
  visit(file)
  cuts.sort((a, b) => a[0] - b[0])
  let code = ''
  let at = 0
  let textChars = 0
  for (const [start, end, stub] of cuts) {
    code += source.slice(at, start) + stub
    textChars += end - start - stub.length
    at = end
  }
  code += source.slice(at)
  const texts = cuts.map(([start, end]) => source.slice(start, end)).join('\n')
  return {
    textless: gzipSync(code, { level: 9 }).byteLength,
    texts: gzipSync(texts, { level: 9 }).byteLength,
    textChars,
  }
}

const kb = (/** @type {number} */ n) => `${(n / 1000).toFixed(2)} KB`

/**
 * @param {string} code
 * @returns {Promise<{ ok: true, min: number, gzip: number, brotli: number, modules: number, bytes: Uint8Array } | { ok: false, error: string }>}
 */
const measure = async (code) => {
  try {
    const result = await esbuild.build({
      stdin: { contents: code, resolveDir: root, loader: 'js', sourcefile: 'consumer.js' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      treeShaking: true,
      write: false,
      metafile: true,
      logLevel: 'silent',
      legalComments: 'none',
    })
    const bytes = result.outputFiles[0]?.contents ?? new Uint8Array()
    // A re-export of a name the entry does not have bundles to an empty module with only a warning: treat as failure.
    const missing = result.warnings.find((w) => /No matching export|not exported/i.test(w.text))
    if (missing !== undefined) return { ok: false, error: missing.text }
    return {
      ok: true,
      min: bytes.byteLength,
      gzip: gzipSync(bytes, { level: 9 }).byteLength,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
      modules: Object.keys(result.metafile.inputs).length,
      bytes,
    }
  } catch (err) {
    const errors = /** @type {{ errors?: ReadonlyArray<{ text: string }> }} */ (err).errors
    return { ok: false, error: errors?.map((e) => e.text).join('; ') ?? String(err) }
  }
}

console.log('== bundle size (esbuild --bundle --minify, browser platform, gzip -9)')
let overCeiling = false
/** @type {Array<string>} */
const missedBudgets = []
/** @type {Array<Record<string, unknown>>} */
const sizeRows = []
for (const b of bundles) {
  const m = await measure(b.code)
  if (!m.ok) {
    if (b.budget !== undefined) overCeiling = true
    console.log(`${b.budget !== undefined ? '✗' : '-'} ${b.name}: cannot bundle: ${m.error}`)
    sizeRows.push({ name: b.name, error: m.error, budget: b.budget ?? null })
    continue
  }
  const verdict = b.budget === undefined ? 'i' : m.gzip <= b.budget ? '✓' : '✗'
  if (b.budget !== undefined && m.gzip > b.budget) missedBudgets.push(`${b.name}: ${kb(m.gzip)} > ${kb(b.budget)}`)
  if (b.ceiling !== undefined && m.gzip > b.ceiling) overCeiling = true
  console.log(
    `${verdict} ${b.name}: ${kb(m.gzip)} gzip (${kb(m.brotli)} brotli, ${kb(m.min)} min, ${m.modules} modules)` +
      (b.budget !== undefined ? ` — budget ${kb(b.budget)}` : '') +
      (b.ceiling !== undefined ? `, ceiling ${kb(b.ceiling)}${m.gzip > b.ceiling ? ' EXCEEDED' : ''}` : ''),
  )
  sizeRows.push({
    name: b.name,
    minBytes: m.min,
    gzipBytes: m.gzip,
    brotliBytes: m.brotli,
    modules: m.modules,
    budget: b.budget ?? null,
    ceiling: b.ceiling ?? null,
  })
}

console.log('\n== anatomy of the evaluate bundle (gzip -9)')
const evaluateBundle = await measure(bundles[0]?.code ?? '')
const ipaddrAlone = await measure("export { default } from 'ipaddr.js'")
/** @type {Record<string, number> | undefined} */
let anatomy
if (evaluateBundle.ok && ipaddrAlone.ok) {
  const t = withoutTexts(evaluateBundle.bytes)
  anatomy = {
    gzipBytes: evaluateBundle.gzip,
    withoutTextsGzipBytes: t.textless,
    textsAloneGzipBytes: t.texts,
    textChars: t.textChars,
    ipaddrAloneGzipBytes: ipaddrAlone.gzip,
  }
  console.log(`i the bundle: ${kb(evaluateBundle.gzip)}`)
  console.log(
    `i with every string, template text and regex emptied: ${kb(t.textless)} (the texts, ${t.textChars} characters, gzip alone to ${kb(t.texts)})`,
  )
  console.log(`i ipaddr.js bundled alone: ${kb(ipaddrAlone.gzip)}`)
} else console.log('- cannot bundle the evaluate entry or ipaddr.js')

console.log(`\n== cold import (fresh node process, median of ${runs})`)
/** @type {ReadonlyArray<{ name: string, kind: 'esm' | 'cjs', specifier: string }>} */
const imports = [
  {
    name: 'import() of an empty module (ESM loader baseline)',
    kind: 'esm',
    specifier: 'data:text/javascript,export{}',
  },
  { name: "import('tripline')", kind: 'esm', specifier: 'tripline' },
  { name: "require('tripline')", kind: 'cjs', specifier: 'tripline' },
  { name: "import('tripline/evaluate')", kind: 'esm', specifier: 'tripline/evaluate' },
  { name: "require('tripline/evaluate')", kind: 'cjs', specifier: 'tripline/evaluate' },
  { name: "import('tripline/core')", kind: 'esm', specifier: 'tripline/core' },
  { name: "import('tripline/codec')", kind: 'esm', specifier: 'tripline/codec' },
]
const START = 'const t0 = performance.now(); const c0 = process.cpuUsage();'
const PRINT =
  'const c = process.cpuUsage(c0); process.stdout.write(JSON.stringify([performance.now() - t0, (c.user + c.system) / 1000]))'
/** @param {'esm' | 'cjs' | 'empty'} kind @param {string} specifier */
const once = (kind, specifier) => {
  const argv =
    kind === 'esm'
      ? ['--input-type=module', '-e', `${START} await import(${JSON.stringify(specifier)}); ${PRINT}`]
      : kind === 'cjs'
        ? ['-e', `${START} require(${JSON.stringify(specifier)}); ${PRINT}`]
        : ['-e', 'process.stdout.write("[0,0]")']
  const start = process.hrtime.bigint()
  const out = execFileSync(process.execPath, argv, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  const wall = Number(process.hrtime.bigint() - start) / 1e6
  const [importMs, cpuMs] = /** @type {[number, number]} */ (JSON.parse(out))
  return { importMs, cpuMs, wallMs: wall }
}
const ms = (/** @type {number} */ n) => `${n.toFixed(2)} ms`
/** @type {Array<Record<string, unknown>>} */
const importRows = []
once('empty', '')
const empty = Array.from({ length: runs }, () => once('empty', ''))
const emptyWall = median(empty.map((r) => r.wallMs))
console.log(`i empty node process: ${ms(emptyWall)} wall`)
for (const i of imports) {
  try {
    once(i.kind, i.specifier) // warm the file-system cache, not the process
    const samples = Array.from({ length: runs }, () => once(i.kind, i.specifier))
    const importMs = median(samples.map((s) => s.importMs))
    const cpuMs = median(samples.map((s) => s.cpuMs))
    const wallMs = median(samples.map((s) => s.wallMs))
    console.log(
      `i ${i.name}: ${ms(importMs)} to import, ${ms(cpuMs)} CPU (process ${ms(wallMs)} wall, ${wallMs >= emptyWall ? '+' : '−'}${ms(Math.abs(wallMs - emptyWall))} vs empty)`,
    )
    importRows.push({
      name: i.name,
      importMs,
      wallMs,
      overEmptyMs: wallMs - emptyWall,
      samples: samples.map((s) => s.importMs),
    })
  } catch (err) {
    const stderr = /** @type {{ stderr?: string }} */ (err).stderr ?? String(err)
    console.log(`- ${i.name}: failed: ${stderr.split('\n').find((l) => /Error/.test(l)) ?? stderr.slice(0, 200)}`)
    importRows.push({ name: i.name, error: stderr.slice(0, 500) })
  }
}

if (write) {
  const machine = {
    node: process.version,
    platform: `${platform()} ${release()}`,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    loadAverage1m: Number(loadavg()[0]?.toFixed(2)),
  }
  const meta = { package: `tripline@${manifest().version}`, date: new Date().toISOString(), machine }
  const dir = join(root, 'bench', 'results')
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    join(dir, 'size.json'),
    `${JSON.stringify({ ...meta, tool: `esbuild ${esbuild.version}`, bundles: sizeRows, anatomy: anatomy ?? null }, null, 2)}\n`,
  )
  writeFileSync(
    join(dir, 'cold-import.json'),
    `${JSON.stringify({ ...meta, runs, emptyProcessWallMs: emptyWall, imports: importRows }, null, 2)}\n`,
  )
  console.log(`\nwrote ${rel(join(dir, 'size.json'))} and ${rel(join(dir, 'cold-import.json'))}`)
}

for (const miss of missedBudgets) console.log(`\n✗ budget of issue 7 missed: ${miss} (see docs/benchmarks.md)`)
if (overCeiling) {
  console.log('\n✗ size ceiling exceeded (or a budgeted import does not bundle): the bundle grew')
  process.exit(1)
}
console.log(missedBudgets.length === 0 ? '\n✓ size budgets hold' : '\n✓ no bundle grew past its ceiling')
