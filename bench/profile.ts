/**
 * `npm run bench:profile -- [workload] [engine] [seconds]`: bundles `bench/profile-driver.ts` with esbuild (so the
 * profile keeps function names and lines), runs it under `node --cpu-prof`, and prints the functions with the most
 * self time. The `.cpuprofile` stays in `bench/results/profiles/` for Chrome DevTools
 * or speedscope.
 *
 * @since 0.1.0
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

interface ProfileNode {
  readonly id: number
  readonly children?: ReadonlyArray<number>
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number }
}
interface Profile {
  readonly nodes: ReadonlyArray<ProfileNode>
  readonly samples: ReadonlyArray<number>
  readonly timeDeltas: ReadonlyArray<number>
}

const here = dirname(fileURLToPath(import.meta.url))
const root = dirname(here)
const [workload = 'realistic', engine = 'tripline', seconds = '5'] = process.argv.slice(2)
const outDir = join(root, 'node_modules', '.cache', 'tripline-bench')
const profileDir = join(here, 'results', 'profiles')
mkdirSync(outDir, { recursive: true })
mkdirSync(profileDir, { recursive: true })
const bundle = join(outDir, 'profile-driver.mjs')
await build({
  entryPoints: [join(here, 'profile-driver.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  sourcemap: 'inline',
  outfile: bundle,
  logLevel: 'warning',
})
const before = new Set(readdirSync(profileDir))
execFileSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, bundle, workload, engine, seconds], {
  stdio: 'inherit',
  cwd: root,
})
const file = readdirSync(profileDir)
  .filter((f) => f.endsWith('.cpuprofile') && !before.has(f))
  .map((f) => join(profileDir, f))
  .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]
if (file === undefined) throw new Error('no profile written')
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile
// esbuild starts every bundled module with a `// path/to/module.ts` comment: map bundle lines back to modules.
const moduleAt: string[] = []
let current = ''
for (const line of readFileSync(bundle, 'utf8').split('\n')) {
  const m = /^\/\/ ((?:src|bench|node_modules)\/\S+)$/.exec(line)
  if (m?.[1] !== undefined) current = m[1]
  moduleAt.push(current)
}
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const selfTime = new Map<string, number>()
let total = 0
profile.samples.forEach((id, i) => {
  const node = byId.get(id)
  const dt = profile.timeDeltas[i] ?? 0
  if (node === undefined) return
  const { functionName, url, lineNumber } = node.callFrame
  const key = `${functionName === '' ? '(anonymous)' : functionName}  ${url.endsWith('profile-driver.mjs') ? (moduleAt[lineNumber] ?? '') : url.replace(/^.*node_modules\//, '')}`
  selfTime.set(key, (selfTime.get(key) ?? 0) + dt)
  total += dt
})
const pct = (t: number): string => `${((100 * t) / total).toFixed(1).padStart(5)}%`
console.log(`\nprofile: ${file}\nself time, top 25:`)
for (const [k, t] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${pct(t)}  ${k}`)

// Inclusive time: a sample counts once for every distinct function on its stack (recursion counted once).
const parent = new Map<number, number>()
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
const labelOf = (n: ProfileNode): string => {
  const { functionName, url, lineNumber } = n.callFrame
  return `${functionName === '' ? '(anonymous)' : functionName}  ${url.endsWith('profile-driver.mjs') ? (moduleAt[lineNumber] ?? '') : url.replace(/^.*node_modules\//, '')}`
}
const inclusive = new Map<string, number>()
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0
  const seen = new Set<string>()
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const node = byId.get(cur)
    if (node === undefined) break
    const label = labelOf(node)
    if (!seen.has(label)) {
      seen.add(label)
      inclusive.set(label, (inclusive.get(label) ?? 0) + dt)
    }
  }
})
console.log('\ninclusive time (self + callees) of project functions, top 25:')
for (const [k, t] of [...inclusive]
  .filter(([k]) => /\s(src|bench)\//.test(k))
  .sort((a, b) => b[1] - a[1])
  .slice(0, 25))
  console.log(`${pct(t)}  ${k}`)
