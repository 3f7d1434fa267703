/**
 * `npm run bench:oversized`: oversized input (issue 8), measured, not a timed test. Three workloads, each at three
 * sizes so that growth can be read off:
 *
 * - a request parameter of 1, 5 and 10 MB, copied, matched and deleted by RequestMangler bindings;
 * - a token with 10,000, 50,000 and 100,000 tokeninfo keys, compared by tokeninfo conditions and written by Token
 *   actions, and decoded by `decodeEvent`;
 * - 1,000, 5,000 and 10,000 bindings (every module, conditions from every family) selected by one event.
 *
 * Every measurement runs in a fresh child process (`node --expose-gc`), so its peak resident memory is its own: the
 * figure reported is the peak RSS of evaluating minus the peak RSS of a child that only builds the same input
 * (the input's own size is therefore not counted), plus the heap the evaluation's result retains after a full GC.
 * Times are wall-clock of one run: `compile` (bindings → rule set), the first `evaluate` over the rule set, and a
 * second one. Evaluation must complete and give the expected number of intents, or the script exits with 1.
 *
 * Usage: npm run bench:oversized [-- --quick]   (`--quick`: the smallest size of each workload only)
 *
 * @since 0.1.0
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Binding, Evaluation, Event } from '../src/core/model.js'
import { compile, decodeEvent, evaluate } from '../src/index.js'

type Workload = 'param' | 'tokeninfo' | 'bindings'

interface Input {
  readonly event: Event
  readonly bindings: ReadonlyArray<Binding>
  /** Intents the evaluation must produce. */
  readonly expectedIntents: number
  /** Approximate size of the input as UTF-16 JSON text, in bytes. */
  readonly inputBytes: number
  /** The event as JSON data, for `decodeEvent` (tokeninfo workload only). */
  readonly json?: unknown
}

interface Measurement {
  readonly workload: Workload
  readonly size: number
  readonly inputBytes: number
  readonly compileMs: number
  readonly evaluateMs: number
  readonly evaluateAgainMs: number
  readonly decodeMs?: number
  readonly intents: number
  readonly expectedIntents: number
  readonly retainedBytes: number
  readonly peakRssBytes: number
  /** Audit entries that are not successes: what failed, and why. */
  readonly failures: ReadonlyArray<string>
}

const NOW = '2026-11-29T10:00:00+01:00'

const binding = (
  id: number,
  handlerModule: string,
  action: string,
  options: Readonly<Record<string, string>>,
  conditions: Readonly<Record<string, string>> = {},
): Binding => ({
  id,
  name: `${handlerModule} ${action} ${id}`,
  events: ['validate_check'],
  handlerModule,
  action,
  position: 'post',
  ordering: 0,
  active: true,
  options,
  conditions,
})

const token = (info: Readonly<Record<string, string>>) => ({
  serial: 'TOTP0001',
  type: 'totp',
  realms: ['realm1'],
  resolvers: ['resolver1'],
  owner: { login: 'alice', realm: 'realm1', resolver: 'resolver1', exists: true },
  failcount: 1,
  maxfail: 10,
  otpCounter: 42,
  info,
})

const baseEvent = (params: Readonly<Record<string, string>>, info: Readonly<Record<string, string>>): Event => ({
  name: 'validate_check',
  position: 'post',
  now: NOW,
  request: { path: '/validate/check', method: 'POST', params, clientIp: '10.0.0.1' },
  response: {
    result: { status: true, value: true, authentication: 'ACCEPT' },
    detail: { message: 'matching 1 tokens' },
  },
  user: {
    login: 'alice',
    realm: 'realm1',
    resolver: 'resolver1',
    info: { givenname: 'Alice', email: 'alice@example.com', mobile: '+491111' },
    tokenCount: 1,
  },
  serial: 'TOTP0001',
  token: token(info),
  container: {
    serial: 'CONT0001',
    type: 'generic',
    states: ['active'],
    owners: [{ login: 'alice', realm: 'realm1', resolver: 'resolver1' }],
    realms: ['realm1'],
    tokenCount: 1,
    info: {},
  },
  counters: { logins: 3 },
})

/** A request parameter of `mb` megabytes (ASCII: one byte per character in UTF-8). */
const paramInput = (mb: number): Input => {
  const data = 'x'.repeat(mb * 1024 * 1024)
  const event = baseEvent({ user: 'alice', data }, { last_auth: '2026-11-28T10:00:00+0100' })
  const bindings = [
    binding(1, 'RequestMangler', 'set', {
      parameter: 'copy',
      value: '{0}',
      match_parameter: 'data',
      match_pattern: '(.*)',
    }),
    binding(2, 'RequestMangler', 'set', {
      parameter: 'head',
      value: '{0}',
      match_parameter: 'data',
      match_pattern: '(x{0,8}).*',
    }),
    binding(3, 'Logging', 'logging', { message: '{action} for {user}' }, { user_token_number: '1' }),
    binding(4, 'WebHook', 'post_webhook', {
      URL: 'https://hooks.example.com/',
      content_type: 'json',
      data: '{"user": "{user}"}',
    }),
    binding(5, 'RequestMangler', 'delete', { parameter: 'data' }),
    binding(6, 'RequestMangler', 'delete', { parameter: 'copy' }),
  ]
  return { event, bindings, expectedIntents: bindings.length, inputBytes: data.length }
}

/** A token with `keys` tokeninfo entries. */
const tokeninfoInput = (keys: number): Input => {
  const info: Record<string, string> = { last_auth: '2026-11-28T10:00:00+0100', count_auth: '12' }
  for (let i = 0; i < keys; i++) info[`key${i}`] = `value${i}`
  const event = baseEvent({ user: 'alice' }, info)
  const last = keys - 1
  const bindings = [
    binding(1, 'Logging', 'logging', { message: 'found' }, { tokeninfo: `key${last} == value${last}` }),
    binding(2, 'Logging', 'logging', { message: 'matched' }, { tokeninfo: `key${last >> 1} 'matches' value\\d+` }),
    binding(3, 'Logging', 'logging', { message: 'recent' }, { tokeninfo: 'last_auth > {now}-7d', count_auth: '>10' }),
    binding(4, 'Logging', 'logging', { message: 'absent' }, { tokeninfo: 'nosuchkey == x' }),
    binding(5, 'Token', 'set tokeninfo', { key: 'note', value: '{username}' }),
    binding(6, 'Token', 'increase tokeninfo', { key: `key${last}` }),
    binding(7, 'Token', 'delete tokeninfo', { key: 'key0' }),
  ]
  let bytes = 0
  for (const k in info) bytes += 2 * (k.length + (info[k]?.length ?? 0))
  return { event, bindings, expectedIntents: 6, inputBytes: bytes, json: JSON.parse(JSON.stringify(event)) }
}

/** One binding per template, cycling: every module, conditions of every family, most of them holding. */
const TEMPLATES: ReadonlyArray<(id: number) => Binding> = [
  (id) => binding(id, 'Logging', 'logging', { message: '{action} {serial} {user}' }, { realm: 'realm1' }),
  (id) =>
    binding(id, 'UserNotification', 'sendmail', { emailconfig: 'mail', To: 'tokenowner' }, { tokentype: 'totp,hotp' }),
  (id) => binding(id, 'Token', 'disable', {}, { last_auth: '1h', failcounter: '<5' }),
  (id) => binding(id, 'Counter', 'increase_counter', { counter_name: `c${id % 97}` }, { counter: 'logins > 1' }),
  (id) =>
    binding(
      id,
      'WebHook',
      'post_webhook',
      { URL: 'https://hooks.example.com/', content_type: 'json', data: '{"serial": "{serial}"}' },
      { result_value: 'True' },
    ),
  (id) => binding(id, 'Token', 'set tokeninfo', { key: `k${id}`, value: '{now}' }, { tokeninfo: 'count_auth > 3' }),
  (id) =>
    binding(id, 'Logging', 'logging', { message: 'x' }, { serial: '^TOTP', user_info: "email 'string_contains' @" }),
  (id) => binding(id, 'RequestMangler', 'set', { parameter: `p${id % 13}`, value: 'v' }, { client_ip: '10.0.0.0/8' }),
  (id) =>
    binding(
      id,
      'ResponseMangler',
      'set',
      { 'JSON pointer': '/detail/n', type: 'integer', value: String(id) },
      {
        result_status: 'True',
      },
    ),
  (id) => binding(id, 'Container', 'set container info', { key: 'k', value: 'v' }, { user_token_number: '>0' }),
  (id) => binding(id, 'Logging', 'logging', { message: 'never' }, { tokenrealm: 'other' }),
]

/** `n` bindings selected by one event; one in eleven stays silent (the last template). */
const bindingsInput = (n: number): Input => {
  const bindings = Array.from({ length: n }, (_, i) => (TEMPLATES[i % TEMPLATES.length] as (id: number) => Binding)(i))
  const event = baseEvent({ user: 'alice' }, { last_auth: '2026-11-28T10:00:00+0100', count_auth: '12' })
  // the last template (tokenrealm: other) never holds; every other one fires
  const expected = n - Math.floor(n / TEMPLATES.length)
  return { event, bindings, expectedIntents: expected, inputBytes: JSON.stringify(bindings).length * 2 }
}

const SIZES: Readonly<Record<Workload, ReadonlyArray<number>>> = {
  param: [1, 5, 10],
  tokeninfo: [10_000, 50_000, 100_000],
  bindings: [1_000, 5_000, 10_000],
}

const inputOf = (workload: Workload, size: number): Input =>
  workload === 'param' ? paramInput(size) : workload === 'tokeninfo' ? tokeninfoInput(size) : bindingsInput(size)

const gc = (): void => {
  const collect = (globalThis as { gc?: () => void }).gc
  if (collect === undefined) throw new Error('run with node --expose-gc')
  collect()
  collect()
}

const elapsed = (f: () => void): number => {
  const t = performance.now()
  f()
  return performance.now() - t
}

/** Child: build the input; unless `baseline`, compile, evaluate twice (and decode); report as JSON. */
const child = (workload: Workload, size: number, baseline: boolean): void => {
  const input = inputOf(workload, size)
  gc()
  const heapBefore = process.memoryUsage().heapUsed
  let evaluation: Evaluation | undefined
  let again: Evaluation | undefined
  let compileMs = 0
  let evaluateMs = 0
  let evaluateAgainMs = 0
  let decodeMs: number | undefined
  if (!baseline) {
    let rules = compile(input.bindings)
    compileMs = elapsed(() => {
      rules = compile(input.bindings)
    })
    evaluateMs = elapsed(() => {
      evaluation = evaluate(input.event, rules)
    })
    evaluateAgainMs = elapsed(() => {
      again = evaluate(input.event, rules)
    })
    if (input.json !== undefined) {
      const json = input.json
      decodeMs = elapsed(() => {
        const decoded = decodeEvent(json)
        if (decoded._tag === 'Left') throw new Error('the oversized event does not decode')
      })
    }
  }
  gc()
  const retainedBytes = Math.max(0, process.memoryUsage().heapUsed - heapBefore)
  const out = {
    intents: evaluation?.intents.length ?? 0,
    failures: (evaluation?.audit ?? [])
      .filter((a) => !a.success)
      .map(
        (a) =>
          `binding ${String(a.bindingId)} (${a.handlerModule}): ${a.error?.tag ?? 'declined'}: ${a.error?.message ?? a.info}`,
      ),
    same: again?.intents.length === evaluation?.intents.length,
    compileMs,
    evaluateMs,
    evaluateAgainMs,
    ...(decodeMs !== undefined ? { decodeMs } : {}),
    retainedBytes: baseline ? 0 : retainedBytes,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    inputBytes: input.inputBytes,
    expectedIntents: input.expectedIntents,
  }
  process.stdout.write(`${JSON.stringify(out)}\n`)
}

const runChild = (
  workload: Workload,
  size: number,
  baseline: boolean,
): Record<string, number | boolean | ReadonlyArray<string>> => {
  const self = fileURLToPath(import.meta.url)
  const r = spawnSync(
    process.execPath,
    [...process.execArgv, self, '--child', workload, String(size), baseline ? 'baseline' : 'run'],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  )
  if (r.status !== 0) throw new Error(`child ${workload} ${size} failed:\n${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}')
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const ms = (x: number): string => `${x.toFixed(x < 10 ? 2 : 0)} ms`

const label = (workload: Workload, size: number): string =>
  workload === 'param'
    ? `${size} MB request parameter`
    : workload === 'tokeninfo'
      ? `${size.toLocaleString('en')} tokeninfo keys`
      : `${size.toLocaleString('en')} bindings`

const main = (): void => {
  const quick = process.argv.includes('--quick')
  const rows: Measurement[] = []
  let ok = true
  for (const workload of ['param', 'tokeninfo', 'bindings'] as const) {
    for (const size of quick ? SIZES[workload].slice(0, 1) : SIZES[workload]) {
      const base = runChild(workload, size, true)
      const run = runChild(workload, size, false)
      const m: Measurement = {
        workload,
        size,
        inputBytes: Number(run.inputBytes),
        compileMs: Number(run.compileMs),
        evaluateMs: Number(run.evaluateMs),
        evaluateAgainMs: Number(run.evaluateAgainMs),
        ...(run.decodeMs !== undefined ? { decodeMs: Number(run.decodeMs) } : {}),
        intents: Number(run.intents),
        expectedIntents: Number(run.expectedIntents),
        retainedBytes: Number(run.retainedBytes),
        peakRssBytes: Math.max(0, Number(run.maxRssBytes) - Number(base.maxRssBytes)),
        failures: Array.isArray(run.failures) ? run.failures : [],
      }
      if (m.intents !== m.expectedIntents || run.same !== true) ok = false
      rows.push(m)
      process.stderr.write(`${label(workload, size)}: done\n`)
    }
  }
  const header = [
    'workload',
    'input',
    'compile',
    'evaluate',
    'again',
    'decodeEvent',
    'intents',
    'retained',
    'peak RSS +',
  ]
  const lines = rows.map((m) => [
    label(m.workload, m.size),
    mb(m.inputBytes),
    ms(m.compileMs),
    ms(m.evaluateMs),
    ms(m.evaluateAgainMs),
    m.decodeMs !== undefined ? ms(m.decodeMs) : '–',
    `${m.intents}/${m.expectedIntents}`,
    mb(m.retainedBytes),
    mb(m.peakRssBytes),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)))
  const row = (cells: ReadonlyArray<string>) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
  console.log(row(header))
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
  for (const l of lines) console.log(row(l))
  console.log(
    `\nnode ${process.version}, ${process.platform}/${process.arch}; retained = heap the rule set and both evaluations keep after GC; ` +
      'peak RSS + = peak resident memory above a child that only built the input.',
  )
  for (const m of rows) for (const f of m.failures) console.log(`FAILED in ${label(m.workload, m.size)}: ${f}`)
  if (!ok) {
    console.error('an evaluation did not produce the expected intents')
    process.exitCode = 1
  }
}

const argv = process.argv
const at = argv.indexOf('--child')
if (at !== -1) child(argv[at + 1] as Workload, Number(argv[at + 2]), argv[at + 3] === 'baseline')
else main()
