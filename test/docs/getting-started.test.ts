/**
 * The "A first evaluation" section of docs/getting-started.md runs as written: its TypeScript blocks are joined,
 * bundled against the sources (`'tripline'` → src/index.ts) and run with a recording `logger` and `auditLog`; the
 * log line and the audit entry the page describes must come out.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as esbuild from 'esbuild'
import { expect, it } from 'vitest'

const section = (markdown: string, heading: string): string => {
  const start = markdown.indexOf(`## ${heading}\n`)
  const end = markdown.indexOf('\n## ', start + 1)
  return markdown.slice(start, end === -1 ? undefined : end)
}

const codeBlocks = (markdown: string): string[] =>
  [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '')

it('runs the first evaluation of the getting-started guide as written', async () => {
  const page = readFileSync('docs/getting-started.md', 'utf8')
  const blocks = codeBlocks(section(page, 'A first evaluation'))
  expect(blocks.length).toBeGreaterThanOrEqual(3)
  const code = `${blocks.join('\n')}\nexport { evaluation }\n`
  const bundled = await esbuild.build({
    stdin: { contents: code, loader: 'ts', resolveDir: resolve('.'), sourcefile: 'getting-started.ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
    alias: { tripline: resolve('src/index.ts') },
  })
  const dir = mkdtempSync(join(tmpdir(), 'tripline-docs-'))
  const logged: unknown[][] = []
  const written: unknown[] = []
  const g = globalThis as Record<string, unknown>
  g.logger = { log: (...args: unknown[]) => logged.push(args) }
  g.auditLog = { write: (entry: unknown) => written.push(entry) }
  try {
    const file = join(dir, 'getting-started.mjs')
    writeFileSync(file, bundled.outputFiles[0]?.text ?? '')
    const module = (await import(pathToFileURL(file).href)) as { evaluation: { intents: unknown[] } }
    expect(logged).toEqual([['INFO', 'alice@office authenticated from 10.0.0.7']])
    expect(written).toEqual([
      expect.objectContaining({
        action: 'POST-EVENT validate_check>>Logging:logging',
        info: 'log logins',
        success: true,
        user: 'alice',
        serial: 'TOTP0001',
      }),
    ])
    expect(module.evaluation.intents).toHaveLength(1)
  } finally {
    delete g.logger
    delete g.auditLog
    rmSync(dir, { recursive: true, force: true })
  }
})
