/**
 * The command line of the benchmark, shared by `bench/run.ts` (the real catalogue): options, result files, the exit
 * code (non-zero when an engine disagrees with tripline or the run fails).
 *
 * @since 0.1.0
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Catalogue } from '../src/core/catalogue.js'
import { MISMATCH, type Options, runBenchmark } from './main.js'
import { FULL, QUICK } from './measure.js'

const SECTIONS = ['realistic', 'scale', 'spread', 'conditions', 'memory'] as const
type Section = (typeof SECTIONS)[number]

const HELP = `usage: npm run bench -- [--quick] [--seed N] [--sizes 100,1000,10000] [--only realistic,scale,spread,conditions,memory] [--no-write]
  --quick     a short smoke run (noisy figures, same agreement checks)
  --seed N    workload seed (default 20261129)
  --sizes     binding counts of the scale and spread workloads
  --only      run only these sections
  --no-write  do not write bench/results/*.json`

/** Parses the command line. @since 0.1.0 */
export const parseArgs = (
  argv: ReadonlyArray<string>,
): (Omit<Options, 'log'> & { readonly write: boolean }) | { readonly help: true } => {
  let seed = 20261129
  let quick = false
  let write = true
  let sizes: ReadonlyArray<number> = [100, 1000, 10_000]
  let sections: ReadonlySet<Section> = new Set(SECTIONS)
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = (): string => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${a} needs a value`)
      return v
    }
    if (a === '--quick') quick = true
    else if (a === '--no-write') write = false
    else if (a === '--seed') seed = Number.parseInt(value(), 10)
    else if (a === '--sizes')
      sizes = value()
        .split(',')
        .map((s) => Number.parseInt(s, 10))
    else if (a === '--only') {
      const wanted = value().split(',')
      const unknown = wanted.filter((w) => !(SECTIONS as ReadonlyArray<string>).includes(w))
      if (unknown.length > 0) throw new Error(`unknown section(s): ${unknown.join(', ')}`)
      sections = new Set(wanted as ReadonlyArray<Section>)
    } else if (a === '--help' || a === '-h') return { help: true }
    else throw new Error(`unknown argument ${a}\n${HELP}`)
  }
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer')
  if (sizes.some((s) => !Number.isInteger(s) || s < 40)) throw new Error('--sizes must be integers ≥ 40')
  return { seed, budget: quick ? QUICK : FULL, sizes, sections, write }
}

const resultsDir = join(dirname(fileURLToPath(import.meta.url)), 'results')

/**
 * Runs the benchmark from the command line and sets the exit code.
 *
 * @since 0.1.0
 */
export const cli = async (catalogue: Catalogue, argv: ReadonlyArray<string>): Promise<void> => {
  try {
    const parsed = parseArgs(argv)
    if ('help' in parsed) {
      console.log(HELP)
      return
    }
    const report = await runBenchmark(catalogue, { ...parsed, log: (line) => console.log(line) })
    if (parsed.write) {
      mkdirSync(resultsDir, { recursive: true })
      const json = `${JSON.stringify(report, null, 2)}\n`
      const stamp = String(report.meta.date).replace(/[:.]/g, '-')
      const file = join(resultsDir, `${stamp}.json`)
      writeFileSync(file, json)
      writeFileSync(join(resultsDir, 'latest.json'), json)
      console.log(`results: ${file} (and latest.json)`)
    }
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e))
    console.error(
      err.name === MISMATCH ? `\nBENCHMARK FAILED: ${err.message}` : `\nBENCHMARK FAILED: ${err.stack ?? err.message}`,
    )
    process.exitCode = 1
  }
}
