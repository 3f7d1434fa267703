// @ts-check
/**
 * `npm run test:runtimes`: the conformance vectors against the BUILT, PACKED package on every runtime.
 *
 *   1. build (if stale), `npm pack`, and unpack the tarball into dist/matrix/node_modules/tripline, so what runs is
 *      exactly what would be published (the `files` list and the exports map included);
 *   2. stage the harness (test/runtime/harness) and the vectors beside it in dist/matrix;
 *   3. run it on Node (ESM: import, CJS: require), Deno, Bun, workerd (`workerd test`, the worker bundled by
 *      esbuild as wrangler would) and headless Chromium (playwright-core driving /usr/bin/chromium, the page served
 *      on 127.0.0.1 only);
 *   4. print a table, the failures, and check that every runtime produced the same evaluations (a digest).
 *
 * Options: --stub (check the harness with a stub catalogue from tripline/core, see run-vectors.mjs),
 * --only node-esm,deno,... (a subset), --verbose (every failure, not the first 10 per runtime).
 * Exits non-zero when any runtime fails or the digests differ.
 */
import { spawn, spawnSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as esbuild from 'esbuild'
import { bin, ensureBuild, rel, root } from './lib.mjs'

const args = process.argv.slice(2)
const stub = args.includes('--stub')
const verbose = args.includes('--verbose')
const onlyArg = args.indexOf('--only')
const only = onlyArg >= 0 ? (args[onlyArg + 1] ?? '').split(',') : undefined
const TIMEOUT_MS = 180_000
const MARK = '@@tripline-matrix '
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

ensureBuild()

// 1. Pack and unpack.
const stage = join(root, 'dist', 'matrix')
rmSync(stage, { recursive: true, force: true })
mkdirSync(join(stage, 'node_modules', 'tripline'), { recursive: true })
const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', stage], { cwd: root, encoding: 'utf8' })
if (pack.status !== 0) {
  console.error(`✗ npm pack failed:\n${pack.stderr}`)
  process.exit(1)
}
const tarball = /** @type {Array<{ filename: string, entryCount: number }>} */ (JSON.parse(pack.stdout))[0]
if (tarball === undefined) throw new Error('npm pack printed no file')
const untar = spawnSync(
  'tar',
  ['-xzf', join(stage, tarball.filename), '-C', join(stage, 'node_modules', 'tripline'), '--strip-components=1'],
  { encoding: 'utf8' },
)
if (untar.status !== 0) {
  console.error(`✗ tar failed:\n${untar.stderr}`)
  process.exit(1)
}
console.log(
  `packed ${tarball.filename} (${tarball.entryCount} files) into ${rel(join(stage, 'node_modules', 'tripline'))}`,
)

// 2. Stage the harness and the vectors.
const harness = join(root, 'test', 'runtime', 'harness')
for (const f of readdirSync(harness)) copyFileSync(join(harness, f), join(stage, f))
const doc = JSON.parse(readFileSync(join(root, 'test', 'conformance', 'conditions.json'), 'utf8'))
writeFileSync(join(stage, 'vectors.mjs'), `export default ${JSON.stringify(doc)}\n`)
const workerdVersion = spawnSync(bin('workerd'), ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? 'workerd'
writeFileSync(join(stage, 'settings.mjs'), `export default ${JSON.stringify({ stub, workerdVersion })}\n`)
writeFileSync(
  join(stage, 'package.json'),
  `${JSON.stringify({ name: 'tripline-matrix', private: true, type: 'module', dependencies: { tripline: '*' } }, null, 2)}\n`,
)

/**
 * @typedef {{ runtime: string, stub: boolean, total: number, passed: number, digest: string, ms: number, codec: boolean,
 *   exports: number, failures: ReadonlyArray<{ id: string, expect: string, got: string, detail: string }> }} Result
 * @typedef {{ ok: true, result: Result } | { ok: false, error: string }} Outcome
 */

/** Parses the result line out of a runtime's output. @param {string} stdout @param {string} stderr @returns {Outcome} */
const parse = (stdout, stderr) => {
  const line = stdout.split('\n').find((l) => l.includes(MARK))
  if (line === undefined) {
    const all = `${stderr}\n${stdout}`.trim().split('\n')
    const first = all.find((l) => /error/i.test(l))
    const tail = [...(first !== undefined ? [first, '…'] : []), ...all.slice(-6)].join('\n')
    return { ok: false, error: `no result printed${tail ? `:\n${tail}` : ''}` }
  }
  return { ok: true, result: JSON.parse(line.slice(line.indexOf(MARK) + MARK.length)) }
}

/**
 * Runs a command in the stage with a time limit. @param {string} cmd @param {ReadonlyArray<string>} argv
 * @param {Record<string, string>} [env] @returns {Promise<Outcome>}
 */
const exec = (cmd, argv, env = {}) =>
  new Promise((resolve) => {
    if (!existsSync(cmd)) {
      resolve({ ok: false, error: `${cmd} not found` })
      return
    }
    const child = spawn(cmd, argv, { cwd: stage, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => {
      stdout += d
    })
    child.stderr.on('data', (d) => {
      stderr += d
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS)
    child.on('error', (e) => {
      clearTimeout(timer)
      resolve({ ok: false, error: String(e) })
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const outcome = parse(stdout, stderr)
      if (outcome.ok || code === 0) resolve(outcome)
      else resolve({ ok: false, error: `exit ${signal ?? code}: ${outcome.error}` })
    })
  })

/** Bundles a harness entry with the packed package. @param {string} entry @param {esbuild.BuildOptions} options */
const bundle = (entry, options) =>
  esbuild.build({
    entryPoints: [join(stage, entry)],
    absWorkingDir: stage,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    logLevel: 'silent',
    ...options,
  })

/** @returns {Promise<Outcome>} */
const workerd = async () => {
  // What wrangler does: esbuild with the workerd/worker/browser conditions.
  await bundle('worker.mjs', {
    outfile: join(stage, 'worker.bundle.js'),
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['browser', 'module', 'main'],
  })
  return exec(bin('workerd'), ['test', join(stage, 'workerd.capnp')])
}

/** @returns {Promise<Outcome>} */
const chromium = async () => {
  if (!existsSync(CHROMIUM)) return { ok: false, error: `${CHROMIUM} missing: apt-get install -y chromium` }
  await bundle('browser.mjs', { outfile: join(stage, 'browser.bundle.js'), platform: 'browser' })
  const page =
    '<!doctype html><meta charset="utf-8"><title>tripline matrix</title><script type="module" src="/browser.bundle.js"></script>'
  const script = readFileSync(join(stage, 'browser.bundle.js'))
  const server = createServer((req, res) => {
    if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page)
    else if (req.url === '/browser.bundle.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script)
    else res.writeHead(404).end()
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)))
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  const profile = mkdtempSync(join(tmpdir(), 'tripline-chromium-'))
  const { chromium: driver } = await import('playwright-core')
  /** @type {import('playwright-core').BrowserContext | undefined} */
  let context
  try {
    context = await driver.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      timeout: 60_000,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
    const tab = context.pages()[0] ?? (await context.newPage())
    /** @type {string[]} */
    const errors = []
    tab.on('pageerror', (e) => errors.push(e.message))
    tab.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    await tab.goto(`http://127.0.0.1:${port}/`, { timeout: 60_000 })
    try {
      await tab.waitForFunction(() => /** @type {any} */ (globalThis).__triplineMatrix !== undefined, undefined, {
        timeout: TIMEOUT_MS,
      })
    } catch {
      return { ok: false, error: `the page published no result${errors.length ? `: ${errors.join('; ')}` : ''}` }
    }
    const result = await tab.evaluate(() => /** @type {any} */ (globalThis).__triplineMatrix)
    if (result.error !== undefined) return { ok: false, error: result.error }
    return { ok: true, result }
  } catch (e) {
    return { ok: false, error: String(e) }
  } finally {
    await context?.close().catch(() => undefined)
    server.close()
    rmSync(profile, { recursive: true, force: true })
  }
}

/** @type {ReadonlyArray<{ key: string, label: string, run: () => Promise<Outcome> }>} */
const runtimes = [
  { key: 'node-esm', label: 'Node (ESM, import)', run: () => exec(process.execPath, ['node-esm.mjs']) },
  { key: 'node-cjs', label: 'Node (CJS, require)', run: () => exec(process.execPath, ['node-cjs.cjs']) },
  {
    key: 'deno',
    label: 'Deno',
    run: () =>
      exec(bin('deno'), ['run', '--no-lock', '--node-modules-dir=manual', 'node-esm.mjs'], {
        DENO_NO_UPDATE_CHECK: '1',
        DENO_DIR: join(stage, '.deno'),
        NO_COLOR: '1',
      }),
  },
  {
    key: 'bun',
    label: 'Bun',
    run: () => exec(bin('bun'), ['node-esm.mjs'], { BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0' }),
  },
  { key: 'workerd', label: 'workerd', run: workerd },
  { key: 'chromium', label: 'Chromium (headless)', run: chromium },
]

const selected = runtimes.filter((r) => only === undefined || only.includes(r.key))
console.log(
  `running ${stub ? 'the STUB harness check' : `${doc.vectors.length} conformance vectors`} on ${selected.map((r) => r.key).join(', ')}\n`,
)
/** @type {Array<{ key: string, label: string, outcome: Outcome, wall: number }>} */
const rows = []
for (const r of selected) {
  const t0 = performance.now()
  /** @type {Outcome} */
  let outcome
  try {
    outcome = await r.run()
  } catch (e) {
    outcome = { ok: false, error: String(e) }
  }
  rows.push({ key: r.key, label: r.label, outcome, wall: Math.round(performance.now() - t0) })
  const o = outcome
  console.log(
    `${o.ok && o.result.failures.length === 0 ? '✓' : '✗'} ${r.key}${o.ok ? `: ${o.result.passed}/${o.result.total}` : ''}`,
  )
}

// The table.
const digests = new Set(rows.flatMap((r) => (r.outcome.ok ? [r.outcome.result.digest] : [])))
const table = [
  ['runtime', 'version', 'result', 'passed', 'failed', 'codec', 'digest', 'run ms', 'wall ms'],
  ...rows.map((r) => {
    const o = r.outcome
    if (!o.ok) return [r.label, '-', 'ERROR', '-', '-', '-', '-', '-', String(r.wall)]
    const x = o.result
    return [
      r.label,
      x.runtime,
      x.failures.length === 0 ? 'PASS' : 'FAIL',
      `${x.passed}/${x.total}`,
      String(x.failures.length),
      x.codec ? 'yes' : 'no',
      x.digest,
      String(x.ms),
      String(r.wall),
    ]
  }),
]
const widths = table[0]?.map((_, i) => Math.max(...table.map((row) => (row[i] ?? '').length))) ?? []
const line = (/** @type {string[]} */ row) => `| ${row.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
console.log(`\n${line(table[0] ?? [])}`)
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
for (const row of table.slice(1)) console.log(line(row))

// The failures, grouped when several runtimes fail the same way.
/** @type {Map<string, string[]>} */
const byFailure = new Map()
for (const r of rows) {
  const o = r.outcome
  const items = o.ok
    ? o.result.failures.map((f) => `${f.id}: expected ${f.expect}, got ${f.got} — ${f.detail}`)
    : [`the runtime did not run: ${o.error}`]
  for (const item of items) byFailure.set(item, [...(byFailure.get(item) ?? []), r.key])
}
if (byFailure.size > 0) {
  console.log(`\nfailures (${byFailure.size} distinct):`)
  const entries = [...byFailure.entries()]
  for (const [item, keys] of verbose ? entries : entries.slice(0, 40))
    console.log(`  ✗ [${keys.length === rows.length ? 'all' : keys.join(',')}] ${item}`)
  if (!verbose && entries.length > 40) console.log(`  … ${entries.length - 40} more (--verbose shows all)`)
}
const inconsistent = digests.size > 1
if (inconsistent) console.log(`\n✗ the runtimes produced different evaluations (digests ${[...digests].join(', ')})`)

writeFileSync(join(stage, 'results.json'), `${JSON.stringify(rows, null, 2)}\n`)
const failed = rows.some((r) => !r.outcome.ok || r.outcome.result.failures.length > 0) || inconsistent
console.log(
  failed
    ? `\n✗ runtime matrix failed (details: ${rel(join(stage, 'results.json'))})`
    : `\n✓ runtime matrix passed on ${rows.length} runtimes${stub ? ' (stub harness check)' : ''}`,
)
process.exit(failed ? 1 : 0)
