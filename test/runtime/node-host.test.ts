/**
 * The Node example host (examples/hosts/node) end to end: a real HTTP server on 127.0.0.1, a webhook receiver on
 * 127.0.0.1, and every effect checked where it lands — the webhook body, the log file, the spool file, the counter
 * store, the mangled request (the API sees it) and response (the client sees it), and the audit JSONL.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHost, type Host, type HostConfig } from '../../examples/hosts/node/host.js'
import { check } from '../../src/check.js'
import type { Binding } from '../../src/index.js'
import { decodeBindings } from '../../src/index.js'

interface Received {
  readonly path: string
  readonly contentType: string
  readonly body: string
}

const startReceiver = async (): Promise<{ server: Server; url: string; received: Received[] }> => {
  const received: Received[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      received.push({
        path: req.url ?? '',
        contentType: String(req.headers['content-type']),
        body: Buffer.concat(chunks).toString('utf8'),
      })
      res.end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received }
}

const loadBindings = (receiver: string): ReadonlyArray<Binding> => {
  const decoded = decodeBindings(JSON.parse(readFileSync('examples/hosts/node/bindings.json', 'utf8')))
  if (decoded._tag === 'Left') throw new Error('the example bindings do not decode')
  return decoded.right.map((b) =>
    b.handlerModule === 'WebHook' ? { ...b, options: { ...b.options, URL: `${receiver}/alerts` } } : b,
  )
}

/** privacyIDEA's response shape, as far as these tests read it. */
interface ApiBody {
  readonly result: Readonly<Record<string, unknown>>
  readonly detail: Readonly<Record<string, unknown>>
}

const post = async (url: string, form: Record<string, string>, headers: Record<string, string> = {}) => {
  const response = await fetch(url, { method: 'POST', body: new URLSearchParams(form), headers })
  return { status: response.status, body: (await response.json()) as ApiBody }
}

const lines = (file: string): string[] => readFileSync(file, 'utf8').split('\n').filter(Boolean)

describe('the Node example host', () => {
  let state: string
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  let host: Host
  let base: string
  let config: HostConfig

  beforeAll(async () => {
    state = mkdtempSync(join(tmpdir(), 'tripline-node-host-'))
    receiver = await startReceiver()
    config = {
      bindings: loadBindings(receiver.url),
      admins: new Map([['admin-key', 'admin']]),
      logFile: join(state, 'events.log'),
      auditFile: join(state, 'audit.jsonl'),
      spoolDir: join(state, 'spool'),
      webhookHosts: ['127.0.0.1'],
      webhookTimeoutMs: 5_000,
      clock: () => new Date('2026-11-29T10:00:00Z'),
    }
    host = createHost(config)
    base = await host.listen()
  })

  afterAll(async () => {
    await host?.close()
    await new Promise((resolve) => receiver?.server.close(resolve))
    if (state) rmSync(state, { recursive: true, force: true })
  })

  it('ships a configuration that check() finds clean', () => {
    expect(check(config.bindings)).toEqual([])
  })

  it('accepts user@realm through the RequestMangler, logs it and mangles the response', async () => {
    const r = await post(`${base}/validate/check`, { user: 'alice@office', pass: '123456' })
    // Without the two RequestMangler bindings (realm, then user with reset_user) the API would not know the user.
    expect(r.status).toBe(200)
    expect(r.body.result).toEqual({ status: true, value: true, authentication: 'ACCEPT' })
    // ResponseMangler deleted /detail/message; the rest of the detail is untouched.
    expect(r.body.detail).toEqual({ serial: 'TOTP00000001', type: 'totp' })
    expect(lines(config.logFile)).toEqual([
      '2026-11-29T10:00:00.000Z INFO [auth] alice@office authenticated with TOTP00000001 from 127.0.0.1',
    ])
    expect(host.store.tokens.get('TOTP00000001')?.info.last_auth).toBe('2026-11-29T10:00:00.000Z')
    expect(receiver.received).toEqual([])
    expect(host.store.counters.get('auth_failures')).toBeUndefined()
  })

  it('posts the webhook and counts a failed authentication', async () => {
    const r = await post(`${base}/validate/check`, { user: 'alice@office', pass: 'wrong' })
    expect(r.body.result).toEqual({ status: true, value: false, authentication: 'REJECT' })
    expect(r.body.detail.message).toBeUndefined()
    expect(receiver.received).toHaveLength(1)
    expect(receiver.received[0]?.path).toBe('/alerts')
    expect(receiver.received[0]?.contentType).toBe('application/json')
    expect(JSON.parse(receiver.received[0]?.body ?? '')).toEqual({
      event: 'authentication failed',
      user: 'alice',
      realm: 'office',
      client: '127.0.0.1',
      path: '/validate/check',
    })
    expect(host.store.counters.get('auth_failures')).toBe(1)
    await post(`${base}/validate/check`, { user: 'alice@office', pass: 'wrong again' })
    expect(host.store.counters.get('auth_failures')).toBe(2)
    expect(receiver.received).toHaveLength(2)
  })

  it('enrols a token: spool file, counter, log line and a stamped response', async () => {
    expect((await post(`${base}/token/init`, { user: 'bob', type: 'totp' })).status).toBe(401)
    const r = await post(`${base}/token/init`, { user: 'bob', type: 'totp' }, { 'PI-Authorization': 'admin-key' })
    expect(r.status).toBe(200)
    const serial = String(r.body.detail.serial)
    expect(serial).toBe('TOTP00000002')
    expect(r.body.detail.host).toBe('tripline example host')
    const letters = readdirSync(join(config.spoolDir, 'letters'))
    expect(letters).toHaveLength(1)
    expect(letters[0]).toMatch(new RegExp(`^${serial}-[A-Za-z0-9]{16}\\.txt$`))
    expect(readFileSync(join(config.spoolDir, 'letters', letters[0] ?? ''), 'utf8')).toBe(
      `Dear Bob Baker,\nyour totp token ${serial} is ready. It was enrolled by admin.\n`,
    )
    expect(host.store.counters.get('tokens_enrolled')).toBe(1)
    expect(lines(config.logFile).at(-1)).toBe(
      `2026-11-29T10:00:00.000Z WARNING [enrol] totp token ${serial} enrolled for bob by admin`,
    )
  })

  it('writes one audit line per triggered binding, completed by the host', () => {
    const audit = lines(config.auditFile).map((l) => JSON.parse(l) as Record<string, unknown>)
    const accept = [
      'PRE-EVENT validate_check>>RequestMangler:set',
      'PRE-EVENT validate_check>>RequestMangler:set',
      'POST-EVENT validate_check>>Logging:logging',
      'POST-EVENT validate_check>>ResponseMangler:delete',
    ]
    const reject = [
      'PRE-EVENT validate_check>>RequestMangler:set',
      'PRE-EVENT validate_check>>RequestMangler:set',
      'POST-EVENT validate_check>>WebHook:post_webhook',
      'POST-EVENT validate_check>>Counter:increase_counter',
      'POST-EVENT validate_check>>ResponseMangler:delete',
    ]
    const enrol = [
      'POST-EVENT token_init>>UserNotification:savefile',
      'POST-EVENT token_init>>Counter:increase_counter',
      'POST-EVENT token_init>>Logging:logging',
      'POST-EVENT token_init>>ResponseMangler:set',
    ]
    expect(audit.map((a) => a.action)).toEqual([...accept, ...reject, ...reject, ...enrol])
    expect(audit.every((a) => a.success === true)).toBe(true)
    const webhook = audit.find((a) => a.handlerModule === 'WebHook')
    expect(webhook).toMatchObject({ hostDetail: 'HTTP 200', user: 'alice', realm: 'office', serial: 'TOTP00000001' })
  })

  it('marks the audit entry failed when the host refuses a webhook target', async () => {
    const strict = createHost({ ...config, webhookHosts: [], auditFile: join(state, 'strict.jsonl') })
    const url = await strict.listen()
    try {
      await post(`${url}/validate/check`, { user: 'alice@office', pass: 'wrong' })
      const webhook = lines(join(state, 'strict.jsonl'))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((a) => a.handlerModule === 'WebHook')
      expect(webhook).toMatchObject({
        success: false,
        hostDetail: `refused: ${new URL(receiver.url).host} is not allowed`,
      })
      expect(receiver.received).toHaveLength(2)
    } finally {
      await strict.close()
    }
  })
})
