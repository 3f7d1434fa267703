/**
 * io-ts is imported as the bare specifier `io-ts`, and only in src/codec: under Node that resolves to its CommonJS
 * build (`lib/index.js`, named exports found by Node's CJS lexer) from both `import` and `require`; bundlers
 * take its ES build (`es6/index.js`, the `module` field) and shake it. `fp-ts` is not imported at run time (the
 * `Either` values are structurally fp-ts's). Deep paths were measured and rejected: `io-ts/lib/index.js` and
 * `fp-ts/lib/Either.js` work under Node but pull CommonJS into bundles (about 12 KB gzip instead of 2);
 * `fp-ts/Either` is a directory import Node's ESM loader refuses.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import * as esbuild from 'esbuild'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')
const codecEntry = join(root, 'src', 'codec', 'index.ts')

const sourceFiles = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : []
  })

/** Module specifiers of runtime imports and re-exports (not `import type` / `export type`). */
const runtimeSpecifiers = (text: string): ReadonlyArray<string> =>
  [...text.matchAll(/^\s*(import|export)\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[2] ?? '')

describe('imports of io-ts and fp-ts', () => {
  it('happen at run time only in src/codec, and there only as the bare specifier io-ts', () => {
    const offenders = sourceFiles(join(root, 'src')).flatMap((file) =>
      runtimeSpecifiers(readFileSync(file, 'utf8'))
        .filter((s) => /^(io-ts|fp-ts)(\/|$)/.test(s))
        .filter((s) => !(relative(root, file).startsWith(join('src', 'codec')) && s === 'io-ts'))
        .map((s) => `${relative(root, file)}: ${s}`),
    )
    expect(offenders).toEqual([])
    const codec = sourceFiles(join(root, 'src', 'codec')).flatMap((f) => runtimeSpecifiers(readFileSync(f, 'utf8')))
    expect(codec).toContain('io-ts')
    expect(runtimeSpecifiers("import type { A } from 'fp-ts'\nimport {\n  type B,\n  c,\n} from 'io-ts'")).toEqual([
      'io-ts',
    ])
  })

  it('resolve under Node ESM and CommonJS', () => {
    const esm = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import { Type, appendContext, failure, failures, success } from 'io-ts'; console.log([Type, appendContext, failure, failures, success].map((f) => typeof f).join())",
      ],
      { cwd: root, encoding: 'utf8' },
    )
    expect(esm.trim()).toBe('function,function,function,function,function')
    const cjs = execFileSync(
      process.execPath,
      ['-e', "const t = require('io-ts'); console.log(typeof t.Type, typeof t.appendContext)"],
      { cwd: root, encoding: 'utf8' },
    )
    expect(cjs.trim()).toBe('function function')
  })
})

describe('src/codec bundled with esbuild', () => {
  const bundle = (platform: 'browser' | 'node', format: 'esm' | 'cjs') =>
    esbuild.build({
      entryPoints: [codecEntry],
      bundle: true,
      minify: true,
      format,
      platform,
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    })

  const run = (code: string, format: 'esm' | 'cjs'): string => {
    const dir = mkdtempSync(join(tmpdir(), 'tripline-codec-'))
    const file = join(dir, format === 'esm' ? 'codec.mjs' : 'codec.cjs')
    writeFileSync(file, code)
    const probe =
      "const r = m.decodeBindings({ event: [{ id: 1, event: 'a, b', handlermodule: 'Token', action: 'disable' }] });" +
      "const e = m.decodeEvent({ name: 'a', position: 'pre', now: 'n', request: { params: 5 } });" +
      'console.log(JSON.stringify([r.right[0].events, m.formatDecodeErrors(e.left)]))'
    const script =
      format === 'esm'
        ? `import(${JSON.stringify(file)}).then((m) => { ${probe} })`
        : `const m = require(${JSON.stringify(file)}); ${probe}`
    try {
      return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  const expected = JSON.stringify([
    ['a', 'b'],
    'request.params: expected an object of parameters with string values, got the number 5',
  ])

  it('runs as an ES module and as CommonJS, for Node', async () => {
    for (const format of ['esm', 'cjs'] as const) {
      const out = await bundle('node', format)
      expect(run(out.outputFiles[0]?.text ?? '', format)).toBe(expected)
    }
  })

  it("takes io-ts's ES build for the browser and stays small", async () => {
    const out = await bundle('browser', 'esm')
    const text = out.outputFiles[0]?.text ?? ''
    expect(run(text, 'esm')).toBe(expected)
    const gzip = gzipSync(text, { level: 9 }).length
    expect(gzip).toBeLessThan(8_000)
  })
})
