/**
 * The Cloudflare Worker example (examples/hosts/worker) under workerd, the Workers runtime: bundled by esbuild as
 * wrangler would, served on 127.0.0.1, with a webhook receiver on 127.0.0.1. Checks the WebHook POST, the Logging
 * lines and audit entries in the Workers log (workerd's stdout), and the mangled request and response.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { type AddressInfo, createServer as createNetServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import * as esbuild from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const WORKERD = resolve('node_modules/.bin/workerd')

const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const s = createNetServer()
    s.once('error', fail)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo
      s.close(() => done(port))
    })
  })

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('the Cloudflare Worker example under workerd', () => {
  let dir: string
  let receiver: Server
  const received: Array<{ path: string; contentType: string; body: string }> = []
  let workerd: ChildProcess | undefined
  let stdout = ''
  let base: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripline-worker-'))
    receiver = createServer((req, res) => {
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
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
    const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`

    await esbuild.build({
      entryPoints: ['examples/hosts/worker/src/index.ts'],
      outfile: join(dir, 'worker.js'),
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      conditions: ['workerd', 'worker', 'browser'],
      mainFields: ['browser', 'module', 'main'],
      target: 'es2022',
      logLevel: 'silent',
    })
    const bindings = (
      JSON.parse(readFileSync('examples/hosts/worker/bindings.json', 'utf8')) as Array<Record<string, unknown>>
    ).map((b) =>
      b.handlerModule === 'WebHook'
        ? { ...b, options: { ...(b.options as Record<string, string>), URL: `${receiverUrl}/alerts` } }
        : b,
    )
    writeFileSync(join(dir, 'bindings.json'), JSON.stringify(bindings))
    const config = readFileSync('examples/hosts/worker/config.capnp', 'utf8').replace(
      'embed "dist/worker.js"',
      'embed "worker.js"',
    )
    writeFileSync(join(dir, 'config.capnp'), config)

    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    workerd = spawn(WORKERD, ['serve', join(dir, 'config.capnp'), '--socket-addr', `http=127.0.0.1:${port}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    workerd.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString('utf8')
    })
    let stderr = ''
    workerd.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString('utf8')
    })
    // Wait until it serves: at most 300 tries, 100 ms apart (a loaded 2-core CI machine starts workerd slowly).
    for (let i = 0; i < 300; i++) {
      const ready = await fetch(`${base}/`).then(
        (r) => r.status === 404,
        () => false,
      )
      if (ready) return
      if (workerd.exitCode !== null) break
      await sleep(100)
    }
    throw new Error(`workerd did not start: ${stderr}`)
  }, 60_000)

  afterAll(async () => {
    if (workerd !== undefined && workerd.exitCode === null) {
      const exited = new Promise((r) => workerd?.once('exit', r))
      workerd.kill('SIGTERM')
      await Promise.race([exited, sleep(5_000)])
    }
    await new Promise((r) => receiver?.close(r))
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  const post = async (form: Record<string, string>) => {
    const r = await fetch(`${base}/validate/check`, { method: 'POST', body: new URLSearchParams(form) })
    return { status: r.status, body: (await r.json()) as { result: unknown; detail: Record<string, unknown> } }
  }

  /** The Workers log: workerd's stdout, once the line we wait for is there (bounded). */
  const logUntil = async (predicate: (log: string) => boolean): Promise<string> => {
    for (let i = 0; i < 50 && !predicate(stdout); i++) await sleep(100)
    return stdout
  }

  const audit = (log: string) =>
    log
      .split('\n')
      .filter((l) => l.startsWith('audit '))
      .map((l) => JSON.parse(l.slice('audit '.length)) as Record<string, unknown>)

  it('logs a successful authentication and mangles request and response', async () => {
    const r = await post({ user: 'alice@office', pass: '123456' })
    expect(r.status).toBe(200)
    expect(r.body.result).toEqual({ status: true, value: true, authentication: 'ACCEPT' })
    expect(r.body.detail).toEqual({ serial: 'TOTP00000001' })
    const log = await logUntil((l) => l.includes('[auth]'))
    expect(log).toContain('INFO [auth] alice@office authenticated with TOTP00000001')
    expect(received).toEqual([])
  })

  it('posts the webhook on a failed authentication', async () => {
    const r = await post({ user: 'alice@office', pass: 'wrong' })
    expect(r.body.result).toEqual({ status: true, value: false, authentication: 'REJECT' })
    expect(r.body.detail.message).toBeUndefined()
    expect(received).toHaveLength(1)
    expect(received[0]).toMatchObject({ path: '/alerts', contentType: 'application/json' })
    expect(JSON.parse(received[0]?.body ?? '')).toEqual({
      event: 'authentication failed',
      user: 'alice',
      realm: 'office',
    })
  })

  it('writes the audit entries to the Workers log', async () => {
    const log = await logUntil((l) => audit(l).some((a) => a.handlerModule === 'WebHook'))
    expect(audit(log).map((a) => a.action)).toEqual([
      'PRE-EVENT validate_check>>RequestMangler:set',
      'PRE-EVENT validate_check>>RequestMangler:set',
      'POST-EVENT validate_check>>Logging:logging',
      'POST-EVENT validate_check>>ResponseMangler:delete',
      'PRE-EVENT validate_check>>RequestMangler:set',
      'PRE-EVENT validate_check>>RequestMangler:set',
      'POST-EVENT validate_check>>WebHook:post_webhook',
      'POST-EVENT validate_check>>ResponseMangler:delete',
    ])
    expect(audit(log).every((a) => a.success === true)).toBe(true)
  })
})
