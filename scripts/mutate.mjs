// @ts-check
/**
 * `npm run mutate`: mutation testing (issue 8) of src/core, src/templates, src/conditions and src/handlers, and the
 * score per folder. `npm run mutate -- handlers` runs one part (names below); `-- --force` ignores the incremental
 * files; `-- --report` only prints the table from the last reports.
 *
 * Each part runs Stryker twice on its own incremental file (reports/stryker-incremental-<part>.json):
 *   1. runtime pass (`--ignoreStatic`): every mutant a test reaches at run time, against the tests that cover it —
 *      the part's own suites, the conformance vectors and the prototype-pollution tests.
 *   2. static pass: the mutants only module loading reaches (tables, constants built at load). Each needs a fresh
 *      module registry and a run of every test (stryker.config.setup.ts), so this pass runs the example tests only,
 *      without the property, law and hostile-input files that take seconds. The incremental file carries pass 1's
 *      results over; a mutant whose killing test is left out is tested again without it. Both effects can only turn
 *      a kill into a survivor, so the score is a lower bound of what the whole suite detects.
 * Score = (killed + timed out) / (killed + timed out + survived + no coverage), as Stryker counts it.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const COMMON_TESTS = ['test/conformance', 'test/hostile/prototype-pollution.test.ts']
const SLOW_TESTS = [
  '**/properties.test.ts',
  '**/laws.test.ts',
  'test/hostile/**',
  'test/handlers/entropy.test.ts',
  'test/conditions/index.test.ts',
]
const grammar = (names) => names.map((n) => `src/conditions/grammar/${n}.ts`)

/** @type {ReadonlyArray<{ name: string, folder: string, mutate: string[], tests: string[] }>} */
const PARTS = [
  { name: 'core', folder: 'src/core', mutate: ['src/core/**/*.ts'], tests: ['test/core'] },
  { name: 'templates', folder: 'src/templates', mutate: ['src/templates/**/*.ts'], tests: ['test/templates'] },
  {
    name: 'conditions-a',
    folder: 'src/conditions',
    mutate: grammar(['regex', 'generic']),
    tests: ['test/conditions'],
  },
  {
    name: 'conditions-b',
    folder: 'src/conditions',
    mutate: grammar(['boolean', 'cidr', 'clock', 'comparator', 'csv', 'date', 'duration', 'integer', 'list', 'now']),
    tests: ['test/conditions'],
  },
  { name: 'conditions-c', folder: 'src/conditions', mutate: ['src/conditions/*.ts'], tests: ['test/conditions'] },
  { name: 'handlers', folder: 'src/handlers', mutate: ['src/handlers/**/*.ts'], tests: ['test/handlers'] },
]

const args = process.argv.slice(2)
const force = args.includes('--force')
const reportOnly = args.includes('--report')
const wanted = args.filter((a) => !a.startsWith('--'))
const unknown = wanted.filter((w) => !PARTS.some((p) => p.name === w || p.folder.endsWith(`/${w}`)))
if (unknown.length > 0) {
  console.error(`unknown part(s): ${unknown.join(', ')}; parts: ${PARTS.map((p) => p.name).join(', ')}`)
  process.exit(2)
}
const selected = PARTS.filter((p) => wanted.length === 0 || wanted.some((w) => p.name === w || p.folder.endsWith(`/${w}`)))

/** @param {string} cmd @param {string[]} argv @param {Record<string, string>} env */
const run = (cmd, argv, env) => execFileSync(cmd, argv, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })

if (!reportOnly) {
  for (const part of selected) {
    const common = [
      'stryker',
      'run',
      'stryker.config.mjs',
      '--mutate',
      part.mutate.join(','),
      '--incrementalFile',
      `reports/stryker-incremental-${part.name}.json`,
    ]
    const env = { STRYKER_TESTS: [...part.tests, ...COMMON_TESTS].join(','), STRYKER_REPORT: part.name }
    console.log(`\n== ${part.name}: runtime pass`)
    run('npx', [...common, '--ignoreStatic', ...(force ? ['--force'] : [])], env)
    console.log(`\n== ${part.name}: static pass`)
    run('npx', common, { ...env, STRYKER_EXCLUDE: SLOW_TESTS.join(',') })
  }
}

/** @param {string} name */
const counts = (name) => {
  const file = join(root, 'reports/mutation', `${name}.json`)
  if (!existsSync(file)) return undefined
  /** @type {{ files: Record<string, { mutants: { status: string }[] }> }} */
  const report = JSON.parse(readFileSync(file, 'utf8'))
  /** @type {Record<string, number>} */
  const c = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, other: 0 }
  for (const f of Object.values(report.files))
    for (const m of f.mutants) c[m.status in c ? m.status : 'other'] = (c[m.status in c ? m.status : 'other'] ?? 0) + 1
  return c
}
/** @param {Record<string, number>} c */
const score = (c) => {
  const detected = (c['Killed'] ?? 0) + (c['Timeout'] ?? 0)
  const valid = detected + (c['Survived'] ?? 0) + (c['NoCoverage'] ?? 0)
  return valid === 0 ? 'n/a' : `${((100 * detected) / valid).toFixed(1)} %`
}
const row = (/** @type {string} */ label, /** @type {Record<string, number>} */ c) =>
  `${label.padEnd(16)} ${String(c['Killed']).padStart(6)} ${String(c['Timeout']).padStart(7)} ${String(c['Survived']).padStart(8)} ${String(c['NoCoverage']).padStart(7)} ${String(c['other']).padStart(6)}  ${score(c)}`

console.log(`\n${'part'.padEnd(16)} ${'killed'.padStart(6)} ${'timeout'.padStart(7)} ${'survived'.padStart(8)} ${'no cov'.padStart(7)} ${'other'.padStart(6)}  score`)
/** @type {Map<string, Record<string, number>>} */
const byFolder = new Map()
/** @type {Set<string>} */
const partial = new Set()
for (const part of PARTS) {
  const c = counts(part.name)
  if (c === undefined) {
    partial.add(part.folder)
    continue
  }
  console.log(row(part.name, c))
  const sum = byFolder.get(part.folder) ?? { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, other: 0 }
  byFolder.set(part.folder, Object.fromEntries(Object.entries(sum).map(([k, v]) => [k, v + (c[k] ?? 0)])))
}
console.log('')
for (const [folder, c] of byFolder) console.log(row(folder, c) + (partial.has(folder) ? '  (parts missing)' : ''))
