// @ts-check
/**
 * Shared helpers of the build, package-check, size and runtime-matrix scripts. Plain Node ESM so the scripts run
 * from a fresh `npm ci` without a TypeScript loader.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** The package entries: export subpath → source file (relative to the root) → built file stem under dist/<fmt>/. */
export const entries = [
  { subpath: '.', source: 'src/index.ts', stem: 'index' },
  { subpath: './core', source: 'src/core/index.ts', stem: 'core/index' },
  { subpath: './codec', source: 'src/codec/index.ts', stem: 'codec/index' },
  { subpath: './check', source: 'src/check.ts', stem: 'check' },
  { subpath: './evaluate', source: 'src/evaluate.ts', stem: 'evaluate' },
]

/** The CLI source; built to dist/esm/cli/main.js when present. */
export const cliSource = 'src/cli/main.ts'

/**
 * Runs a command from the root, inheriting stdio; exits the process with its status when it fails.
 * @param {string} cmd
 * @param {ReadonlyArray<string>} args
 * @param {{ readonly cwd?: string, readonly allowFail?: boolean }} [options]
 * @returns {number}
 */
export const run = (cmd, args, options = {}) => {
  const result = spawnSync(cmd, args, { cwd: options.cwd ?? root, stdio: 'inherit' })
  const status = result.status ?? 1
  if (status !== 0 && options.allowFail !== true) {
    console.error(`✗ ${cmd} ${args.join(' ')} exited with ${status}`)
    process.exit(status)
  }
  return status
}

/** The path of a local binary in node_modules/.bin. @param {string} name */
export const bin = (name) => join(root, 'node_modules', '.bin', name)

/** All files below a folder, recursively. @param {string} dir @returns {string[]} */
export const walk = (dir) =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
        d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
      )
    : []

/** Newest modification time of the files that feed the build. */
const newestInput = () =>
  Math.max(
    ...[
      ...walk(join(root, 'src')),
      ...['package.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs', 'scripts/web-globals.d.ts'].map(
        (f) => join(root, f),
      ),
    ]
      .filter((f) => existsSync(f))
      .map((f) => statSync(f).mtimeMs),
  )

/** Builds dist/ unless a build newer than every input is already there. */
export const ensureBuild = () => {
  const stamp = join(root, 'dist', '.build-stamp')
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= newestInput()) return
  run(process.execPath, [join(root, 'scripts', 'build.mjs')])
}

/** The package manifest. @returns {Record<string, unknown>} */
export const manifest = () => JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))

/** A path relative to the root, for messages. @param {string} p */
export const rel = (p) => relative(root, p)

/** Median of a list of numbers. @param {ReadonlyArray<number>} xs */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2
}
