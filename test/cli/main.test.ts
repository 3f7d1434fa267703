/**
 * The `tripline` command as a user runs it: a separate process on fixture files, checking exit codes, standard
 * output and standard error. Runs the built binary (package.json `bin`) when it exists and is newer than every
 * source file; else bundles the source once with esbuild (as the build does; spawning tsx per case is slow).
 */
import { execFile } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import { beforeAll, describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')
const fixture = (name: string): string => join('test', 'cli', 'fixtures', name)

const newestSource = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name)
    return Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs)
  }, 0)

const built = ((): string | undefined => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin?: { tripline?: string } }
  const bin = pkg.bin?.tripline
  if (bin === undefined) return undefined
  const path = join(root, bin)
  return existsSync(path) && statSync(path).mtimeMs > newestSource(join(root, 'src')) ? path : undefined
})()

// inside node_modules, so the bundle resolves the package's dependencies (recheck, fp-ts, io-ts) from the repository
const bundled = join(root, 'node_modules', '.cache', 'tripline-cli-test', 'main.mjs')
const command: ReadonlyArray<string> = [built ?? bundled]

beforeAll(async () => {
  if (built !== undefined) return
  await build({
    entryPoints: [join(root, 'src', 'cli', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: bundled,
    logLevel: 'warning',
  })
})

interface Run {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

const tripline = (...args: ReadonlyArray<string>): Promise<Run> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      [...command, ...args],
      { cwd: root, env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1
        resolve({ code, stdout, stderr })
      },
    )
  })

describe.concurrent(`tripline (${built !== undefined ? 'the built binary' : 'the source, bundled'})`, () => {
  it('check: a good file has no findings (exit 0)', async () => {
    const r = await tripline('check', fixture('good-bindings.json'))
    expect(r).toEqual({
      code: 0,
      stdout: 'test/cli/fixtures/good-bindings.json: 3 bindings: no findings\n',
      stderr: '',
    })
  })

  it('check: unknown events are findings with a did-you-mean, at their place in the file (exit 1)', async () => {
    const r = await tripline('check', fixture('unknown-events.json'))
    expect(r.code).toBe(1)
    const lines = r.stdout.trim().split('\n')
    expect(lines[0]).toMatch(
      /^test\/cli\/fixtures\/unknown-events\.json: warning unknown-event: binding 7 "typo in the event" at event\[0\]\.event: "validate_chek" .*did you mean "validate_check"\?$/,
    )
    expect(lines[1]).toMatch(
      /binding 8 "unknown and known" at event\[1\]\.event\[1\]: "Token_Delete" .*did you mean "token_delete"\?$/,
    )
    expect(lines[2]).toBe('test/cli/fixtures/unknown-events.json: 2 bindings: 0 errors, 2 warnings')
  })

  it('check: invalid bindings are decode errors naming each path (exit 1)', async () => {
    const r = await tripline('check', fixture('invalid-bindings.json'))
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(
      'error decode-error: binding 1 "no module" at event[0].handlermodule: missing; expected a string',
    )
    expect(r.stdout).toContain(
      'error decode-error: binding 2 "bad position" at event[1].position: expected "pre" or "post"',
    )
  })

  it('check: configuration errors are errors (exit 1)', async () => {
    const r = await tripline('check', fixture('config-error.json'))
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/error [a-z-]+: binding 1 "duration without unit" at \[0\]\.conditions\.last_auth: /)
  })

  it('check: malformed JSON names file, line and column (exit 2)', async () => {
    const r = await tripline('check', fixture('malformed-json.txt'))
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'test/cli/fixtures/malformed-json.txt:2:27: not valid JSON: unexpected "}"\n',
    })
  })

  it('evaluate: one event gives its intents and audit entries (exit 0)', async () => {
    const r = await tripline('evaluate', fixture('good-bindings.json'), fixture('event.json'))
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toContain('test/cli/fixtures/event.json: validate_check (post): 2 intents, 2 audit entries')
    expect(r.stdout).toContain('audit  POST-EVENT validate_check>>Token:disable success=true')
    expect(r.stdout).toContain('"message":"failed login of alice from 10.0.0.7"')
  })

  it('evaluate --json on NDJSON: one document per event', async () => {
    const r = await tripline('evaluate', '--json', fixture('good-bindings.json'), fixture('events.ndjson'))
    expect(r.code).toBe(0)
    const docs = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(docs.map((d) => [d.source, d.evaluation.intents.length])).toEqual([
      ['test/cli/fixtures/events.ndjson:1', 2],
      ['test/cli/fixtures/events.ndjson:2', 0],
      ['test/cli/fixtures/events.ndjson:3', 1],
    ])
  })

  it('evaluate: unreadable lines are named by file, line and path; the others are evaluated (exit 2)', async () => {
    const r = await tripline('evaluate', fixture('good-bindings.json'), fixture('events-with-bad-lines.ndjson'))
    expect(r.code).toBe(2)
    expect(r.stdout).toContain('events-with-bad-lines.ndjson:1: validate_check (post): 2 intents')
    expect(r.stderr).toContain(
      'test/cli/fixtures/events-with-bad-lines.ndjson:2:27: not valid JSON: unexpected end of the text',
    )
    expect(r.stderr).toContain('test/cli/fixtures/events-with-bad-lines.ndjson:3: request.params.user: ')
  })

  it('evaluate: an event that does not decode (exit 2)', async () => {
    const r = await tripline('evaluate', fixture('good-bindings.json'), fixture('broken-event.json'))
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('test/cli/fixtures/broken-event.json: request: missing')
  })

  it('evaluate: bindings that do not decode (exit 2)', async () => {
    const r = await tripline('evaluate', fixture('invalid-bindings.json'), fixture('event.json'))
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('test/cli/fixtures/invalid-bindings.json: event[0].handlermodule: missing')
  })

  it('explain: a failing binding is a failure (exit 1)', async () => {
    const x = await tripline('explain', fixture('config-error.json'), fixture('event.json'))
    expect(x.code).toBe(1)
    expect(x.stderr).toContain('1 binding has configuration errors')
    expect(x.stdout).toContain('configuration error at [0].conditions.last_auth')
  })

  it('explain: each binding, selected or not, with its conditions (exit 0)', async () => {
    const r = await tripline('explain', fixture('good-bindings.json'), fixture('event.json'))
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('2 of 3 bindings selected, 2 fired')
    expect(r.stdout).toMatch(/pass +failcounter ">=5"/)
    expect(r.stdout).toContain(
      '[3] "Mail the owner about a new token" UserNotification:sendmail: it is for "token_init"',
    )
    const j = await tripline('explain', '--json', fixture('good-bindings.json'), fixture('event.json'))
    expect(JSON.parse(j.stdout).explanation.evaluation.intents).toHaveLength(2)
  })

  it('the shipped examples evaluate and explain cleanly (npm start)', async () => {
    const e = await tripline('evaluate', 'examples/privacyidea-export.json', 'examples/event.json')
    expect(e.code).toBe(0)
    expect(e.stdout).toContain('examples/event.json: validate_check (post): 5 intents, 5 audit entries')
    const c = await tripline('check', 'examples/privacyidea-export.json')
    expect(c).toEqual({ code: 0, stdout: 'examples/privacyidea-export.json: 12 bindings: no findings\n', stderr: '' })
  })

  it('usage errors (exit 2), help and version (exit 0)', async () => {
    const none = await tripline()
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('tripline: no command given')
    const help = await tripline('--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: tripline <command>')
    expect((await tripline('--version')).stdout).toMatch(/^tripline \d+\.\d+\.\d+/)
  })
})
