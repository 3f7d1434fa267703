/**
 * Every module of the four mutated folders loads on its own, without throwing.
 *
 * The imports are inside the tests, so a module that throws while it loads (a table that no longer builds, a
 * catalogue entry that no longer defines) fails a named test here, where a static import would fail the collection
 * of a whole test file. The mutation runs (scripts/mutate.mjs) run this file with every source file's tests.
 */
import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')

const sources = (dir: string): readonly string[] =>
  readdirSync(dir)
    .flatMap((n) => (statSync(join(dir, n)).isDirectory() ? sources(join(dir, n)) : [join(dir, n)]))
    .filter((p) => p.endsWith('.ts'))
    .sort()

const FOLDERS = ['core', 'templates', 'conditions', 'handlers'] as const

describe('every module loads', () => {
  for (const folder of FOLDERS) {
    const files = sources(join(root, 'src', folder))
    it(`src/${folder} has modules`, () => {
      expect(files.length).toBeGreaterThan(3)
    })
    for (const file of files)
      it(relative(root, file), async () => {
        await expect(import(file)).resolves.toBeDefined()
      })
  }
})
