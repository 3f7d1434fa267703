// @ts-check
/**
 * `npm run mutate`: mutation testing (issue 8) of src/core, src/templates, src/conditions and src/handlers, and the
 * score per folder.
 *
 *   npm run mutate                         every source file of the four folders
 *   npm run mutate -- handlers             one folder
 *   npm run mutate -- handlers/token       one file (src/handlers/token.ts)
 *   npm run mutate -- --force              ignore the incremental files
 *   npm run mutate -- --report             only the table, from the last reports
 *   npm run mutate -- --concurrency=1      Stryker's test runner processes (default 2)
 *
 * One Stryker run per source file, each with its own incremental file (reports/stryker-incremental/<name>.json) and
 * JSON report (reports/mutation/<name>.json), against that file's tests: its own test files (test/<folder>/<path>.test.ts,
 * .mutants.test.ts and any other <path>.<what>.test.ts), the folder's cross-cutting example suites (SHARED) and the conformance vectors. A file
 * without tests of its own (module.ts, define.ts, …) runs against all of its folder's tests but the slow property
 * files. Why not every test for every mutant: a Stryker run re-collects each test file that holds a covering test,
 * and a mutant in module-level code (a "static" mutant: a table, a constant built at load) runs every test after a
 * module reload (stryker.config.setup.ts). Against the whole suite that is about 3 s per mutant, over three hours for
 * src/handlers alone; against the file's own tests a fraction of a second. Leaving tests out can only turn a kill into
 * a survivor, so the scores are lower bounds of what the whole suite detects.
 *
 * Score = (killed + timed out) / (killed + timed out + survived + no coverage), as Stryker counts it.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const FOLDERS = ['core', 'templates', 'conditions', 'handlers']
/** Example suites that state behaviour across a folder's files. */
const SHARED = {
  core: ['test/core/spec-audit.test.ts', 'test/core/evaluate.test.ts', 'test/core/compile.test.ts'],
  templates: ['test/templates/spec-audit.test.ts', 'test/templates/render.test.ts'],
  conditions: ['test/conditions/spec-audit.test.ts', 'test/conditions/conformance.test.ts'],
  handlers: ['test/handlers/spec-audit.test.ts', 'test/handlers/index.test.ts', 'test/handlers/docs.test.ts'],
}
/** Run with every file: the conformance vectors, and the test that every module loads (a static mutant that makes a
 * module throw at load fails a test there instead of failing the collection of a whole file). */
const COMMON = ['test/conformance', 'test/load']
/** Left out when a file without tests of its own runs against its whole folder: property files that take seconds. */
const SLOW = ['**/properties.test.ts', '**/laws.test.ts', 'test/handlers/entropy.test.ts', 'test/conditions/index.test.ts']

/** @param {string} dir @returns {string[]} */
const sources = (dir) =>
  readdirSync(join(root, dir))
    .flatMap((n) => (statSync(join(root, dir, n)).isDirectory() ? sources(join(dir, n)) : [join(dir, n)]))
    .filter((p) => p.endsWith('.ts'))
    .sort()

/** A file Stryker finds nothing to mutate in: only types and re-exports. */
const hasCode = (/** @type {string} */ file) =>
  /^(export )?(const|function|let) /m.test(readFileSync(join(root, file), 'utf8'))

const PARTS = FOLDERS.flatMap((folder) =>
  sources(`src/${folder}`)
    .filter(hasCode)
    .map((file) => {
      const stem = relative('src', file).replace(/\.ts$/, '')
      // Its own test files: test/<stem>.test.ts, <stem>.mutants.test.ts and any other test/<stem>.<what>.test.ts.
      const dir = join('test', stem, '..')
      const base = stem.split('/').pop() ?? stem
      const own = existsSync(join(root, dir))
        ? readdirSync(join(root, dir))
            .filter((n) => n.startsWith(`${base}.`) && n.endsWith('.test.ts'))
            .sort()
            .map((n) => `${dir}/${n}`)
        : []
      const shared = /** @type {Record<string, string[]>} */ (SHARED)[folder] ?? []
      return {
        name: stem.replace(/\//g, '-'),
        stem,
        folder: `src/${folder}`,
        file,
        tests: own.length > 0 ? [...new Set([...own, ...shared, ...COMMON])] : [`test/${folder}`, ...COMMON],
        exclude: own.length > 0 ? [] : SLOW,
      }
    }),
)

const args = process.argv.slice(2)
const force = args.includes('--force')
const reportOnly = args.includes('--report')
const concurrency = args.find((a) => a.startsWith('--concurrency='))?.slice('--concurrency='.length)
const wanted = args.filter((a) => !a.startsWith('--'))
const matches = (/** @type {(typeof PARTS)[number]} */ p, /** @type {string} */ w) =>
  p.stem === w || p.folder === `src/${w}` || p.file === w
const unknown = wanted.filter((w) => !PARTS.some((p) => matches(p, w)))
if (unknown.length > 0) {
  console.error(`unknown folder or file: ${unknown.join(', ')}; folders: ${FOLDERS.join(', ')}; files like handlers/token`)
  process.exit(2)
}
const selected = PARTS.filter((p) => wanted.length === 0 || wanted.some((w) => matches(p, w)))

if (!reportOnly) {
  for (const part of selected) {
    console.log(`\n== ${part.file} against ${part.tests.join(', ')}`)
    execFileSync(
      'npx',
      [
        'stryker',
        'run',
        'stryker.config.mjs',
        '--mutate',
        part.file,
        '--incrementalFile',
        `reports/stryker-incremental/${part.name}.json`,
        '--reporters',
        'clear-text,json,html',
        '--tempDirName',
        `.stryker-tmp-${part.name}`,
        ...(force ? ['--force'] : []),
        ...(concurrency !== undefined ? ['--concurrency', concurrency] : []),
      ],
      {
        cwd: root,
        stdio: 'inherit',
        env: {
          ...process.env,
          STRYKER_TESTS: part.tests.join(','),
          STRYKER_EXCLUDE: part.exclude.join(','),
          STRYKER_REPORT: part.name,
        },
      },
    )
  }
}

const STATUSES = ['Killed', 'Timeout', 'Survived', 'NoCoverage']
/** @returns {Record<string, number>} */
const zero = () => Object.fromEntries([...STATUSES, 'other'].map((s) => [s, 0]))
/** @param {string} name @returns {Record<string, number> | undefined} */
const counts = (name) => {
  const file = join(root, 'reports/mutation', `${name}.json`)
  if (!existsSync(file)) return undefined
  /** @type {{ files: Record<string, { mutants: { status: string }[] }> }} */
  const report = JSON.parse(readFileSync(file, 'utf8'))
  const c = zero()
  for (const f of Object.values(report.files))
    for (const m of f.mutants) {
      const k = STATUSES.includes(m.status) ? m.status : 'other'
      c[k] = (c[k] ?? 0) + 1
    }
  return c
}
/** @param {Record<string, number>} c */
const score = (c) => {
  const detected = (c['Killed'] ?? 0) + (c['Timeout'] ?? 0)
  const valid = detected + (c['Survived'] ?? 0) + (c['NoCoverage'] ?? 0)
  return valid === 0 ? 'n/a' : `${((100 * detected) / valid).toFixed(1)} %`
}
const cols = ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'other']
const row = (/** @type {string} */ label, /** @type {Record<string, number>} */ c) =>
  `${label.padEnd(34)}${cols.map((k) => String(c[k]).padStart(11)).join('')}  ${score(c)}`

console.log(`\n${'file'.padEnd(34)}${cols.map((k) => k.padStart(11)).join('')}  score`)
/** @type {Map<string, Record<string, number>>} */
const byFolder = new Map()
/** @type {Map<string, number>} */
const missing = new Map()
for (const part of PARTS) {
  const c = counts(part.name)
  if (c === undefined) {
    missing.set(part.folder, (missing.get(part.folder) ?? 0) + 1)
    continue
  }
  if (wanted.length === 0 || selected.includes(part)) console.log(row(part.file, c))
  const sum = byFolder.get(part.folder) ?? zero()
  byFolder.set(part.folder, Object.fromEntries(Object.entries(sum).map(([k, v]) => [k, v + (c[k] ?? 0)])))
}
console.log('')
for (const [folder, c] of byFolder) {
  const gap = missing.get(folder)
  console.log(row(folder, c) + (gap === undefined ? '' : `  (${gap} file(s) not run yet)`))
}
