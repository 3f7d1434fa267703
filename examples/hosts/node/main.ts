/**
 * Starts the example host: `npx tsx examples/hosts/node/main.ts` (env: PORT, default 8080; STATE_DIR, default a new
 * temporary folder with the log, audit and spool files). Listens on 127.0.0.1 only.
 *
 *   curl -s -X POST 127.0.0.1:8080/validate/check -d user=alice@office -d pass=123456
 *   curl -s -X POST 127.0.0.1:8080/token/init -H 'PI-Authorization: admin-key' -d user=bob -d type=totp
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHost } from './host.js'
import { check, decodeBindings, formatDecodeErrors, formatDiagnostics } from './tripline.js'

const decoded = decodeBindings(JSON.parse(readFileSync(new URL('./bindings.json', import.meta.url), 'utf8')))
if (decoded._tag === 'Left') {
  console.error(formatDecodeErrors(decoded.left))
  process.exit(2)
}
const diagnostics = check(decoded.right)
if (diagnostics.length > 0) console.warn(formatDiagnostics(diagnostics))

const state = process.env.STATE_DIR ?? mkdtempSync(join(tmpdir(), 'tripline-host-'))
const host = createHost({
  bindings: decoded.right,
  admins: new Map([['admin-key', 'admin']]),
  logFile: join(state, 'events.log'),
  auditFile: join(state, 'audit.jsonl'),
  spoolDir: join(state, 'spool'),
  webhookHosts: ['127.0.0.1', 'localhost'],
  webhookTimeoutMs: 10_000,
})
const url = await host.listen(Number(process.env.PORT ?? 8080))
console.log(`tripline example host on ${url}; log, audit and spool files in ${state}`)
