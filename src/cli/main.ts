#!/usr/bin/env node
/**
 * The `tripline` command (Node only): `tripline check|evaluate|explain|bench`. The commands themselves are in
 * `run.ts`, over an `Io`; this file provides Node's files, streams and terminal, and the real catalogue.
 *
 * @since 0.1.0
 */
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { open, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { catalogue } from '../catalogue.js'
import type { Io } from './io.js'
import { runCli } from './run.js'

/** The version in the nearest package.json named tripline above this file (src/cli or dist/...). */
const version = (): string => {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown }
      if (pkg.name === 'tripline' && typeof pkg.version === 'string') return pkg.version
    } catch {
      // not here: look further up
    }
    const parent = dirname(dir)
    if (parent === dir) break
    dir = parent
  }
  return 'unknown'
}

async function* readLines(path: string): AsyncGenerator<string> {
  const handle = await open(path, 'r') // rejects at once for a missing file
  try {
    let first = true
    for await (const line of handle.readLines({ encoding: 'utf8' })) {
      yield first && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line
      first = false
    }
  } finally {
    await handle.close().catch(() => undefined)
  }
}

// A closed pipe (`tripline evaluate ... | head`) ends the output quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw e
})

const io: Io = {
  out: async (text) => {
    if (!process.stdout.write(text)) await once(process.stdout, 'drain')
  },
  err: (text) => {
    process.stderr.write(text)
  },
  readText: (path) => readFile(path, 'utf8'),
  readLines,
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  clock: () => performance.now(),
  version: version(),
}

void runCli(process.argv.slice(2), io, catalogue).then((code) => {
  process.exitCode = code
})
