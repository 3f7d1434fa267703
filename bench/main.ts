/**
 * The benchmark run: builds the seeded workloads, renders and compiles them for every engine, checks that every
 * engine finds exactly the same matches as tripline on every event (a mismatch fails the run), then measures
 * throughput, latency, compile time and memory, prints the side-by-side tables and returns the report.
 *
 * @since 0.1.0
 */
import os from 'node:os'
import type { Catalogue } from '../src/core/catalogue.js'
import { makeContext } from '../src/core/context.js'
import type { Event } from '../src/core/model.js'
import {
  type Budget,
  compileTime,
  heapPerBinding,
  type Latency,
  latency,
  type Throughput,
  throughput,
} from './measure.js'
import { baselinePeer } from './peers/baseline.js'
import { celEnvironment, celPeer } from './peers/cel.js'
import { jreFlatPeer, jrePeer } from './peers/jre.js'
import { triplineDecidePeer, triplinePeer } from './peers/tripline.js'
import type { Matcher, MatchIds, Peer } from './peers/types.js'
import type { BindingSpec } from './spec.js'
import {
  CONDITION_CASES,
  perConditionEvents,
  realisticWorkload,
  scaleWorkload,
  spreadWorkload,
  type Workload,
} from './workloads.js'

/** What to run. @since 0.1.0 */
export interface Options {
  readonly seed: number
  readonly budget: Budget
  readonly sizes: ReadonlyArray<number>
  readonly sections: ReadonlySet<'realistic' | 'scale' | 'spread' | 'conditions' | 'memory'>
  readonly log: (line: string) => void
}

/** One engine's figures on one workload. @since 0.1.0 */
export interface EngineRow {
  readonly engine: string
  readonly matches: number
  readonly eventsPerSecond: number
  readonly nsPerEvent: number
  readonly conditionEvaluationsPerSecond: number
  readonly batches: number
  readonly rme: number
  readonly p50Ns?: number
  readonly p99Ns?: number
  readonly compileMs: number
  /** tripline's events/s divided by this engine's (how many times faster tripline is). */
  readonly triplineRatio: number
}

/** One workload's results. @since 0.1.0 */
export interface WorkloadReport {
  readonly workload: string
  readonly bindings: number
  readonly events: number
  /** Bindings selected per event, on average. */
  readonly selectedPerEvent: number
  /** Configured conditions of the selected bindings per event (the "condition evaluations" counted). */
  readonly conditionsPerEvent: number
  readonly matches: number
  readonly rows: ReadonlyArray<EngineRow>
}

/** One condition family measured alone. @since 0.1.0 */
export interface ConditionRow {
  readonly family: string
  readonly condition: string
  readonly value: string
  readonly nsPerEvaluation: number
  readonly evaluationsPerSecond: number
  /** Share of the stream's events on which the condition holds (including "skipped: subject absent"). */
  readonly passRate: number
}

/** A target of issue 6 and whether the run met it. @since 0.1.0 */
export interface Target {
  readonly target: string
  readonly required: number
  readonly measured: number
  readonly met: boolean
}

/** Everything a run produced. @since 0.1.0 */
export interface Report {
  readonly meta: Readonly<Record<string, unknown>>
  readonly engines: ReadonlyArray<{ readonly engine: string; readonly note: string }>
  readonly workloads: ReadonlyArray<WorkloadReport>
  readonly memory: ReadonlyArray<{
    readonly engine: string
    readonly bindings: number
    readonly bytesPerBinding: number | null
  }>
  readonly conditions: ReadonlyArray<ConditionRow>
  readonly conditionContextNs?: number
  readonly targets: ReadonlyArray<Target>
}

/** The `name` of the error raised when an engine disagrees with tripline; the run fails. @since 0.1.0 */
export const MISMATCH = 'MismatchError'

const mismatch = (message: string): Error => Object.assign(new Error(message), { name: MISMATCH })

interface Prepared {
  readonly peer: Peer
  readonly input: unknown
  readonly matcher: Matcher
}

const prepare = (peer: Peer, bindings: ReadonlyArray<BindingSpec>): Prepared => {
  const input = peer.render(bindings)
  return { peer, input, matcher: peer.compile(input) }
}

const idsOf = async (m: Matcher, e: Event): Promise<MatchIds> => (m._tag === 'sync' ? m.ids(e) : await m.ids(e))

const sameIds = (a: MatchIds, b: MatchIds): boolean => a.length === b.length && a.every((x, i) => x === b[i])

/**
 * Checks that every engine finds the same bindings as the first (tripline) on every event; returns the total
 * number of matches. Throws an error named `MismatchError` with the first disagreements.
 *
 * @since 0.1.0
 */
export const checkAgreement = async (
  workload: Workload,
  prepared: ReadonlyArray<Prepared>,
): Promise<{ readonly matches: number; readonly perEngine: ReadonlyArray<number> }> => {
  const reference = prepared[0]
  if (reference === undefined) throw new Error('no engines')
  const totals = prepared.map(() => 0)
  const problems: string[] = []
  for (let i = 0; i < workload.events.length; i++) {
    const e = workload.events[i] as Event
    const expected = await idsOf(reference.matcher, e)
    totals[0] = (totals[0] ?? 0) + expected.length
    for (let p = 1; p < prepared.length; p++) {
      const other = prepared[p] as Prepared
      const got = await idsOf(other.matcher, e)
      totals[p] = (totals[p] ?? 0) + got.length
      const count = other.matcher._tag === 'sync' ? other.matcher.count(e) : await other.matcher.count(e)
      if (!sameIds(expected, got) || count !== got.length) {
        if (problems.length < 8)
          problems.push(
            `${workload.name} event #${i} (${e.position} ${e.name}): ${reference.peer.name} matched [${expected.join(',')}], ${other.peer.name} matched [${got.join(',')}] (count ${count})`,
          )
      }
    }
    const refCount = reference.matcher._tag === 'sync' ? reference.matcher.count(e) : await reference.matcher.count(e)
    if (refCount !== expected.length && problems.length < 8)
      problems.push(`${workload.name} event #${i}: ${reference.peer.name} count ${refCount} ≠ ids ${expected.length}`)
  }
  const disagree = prepared.filter((_, p) => totals[p] !== totals[0]).map((p) => p.peer.name)
  if (problems.length > 0 || disagree.length > 0)
    throw mismatch(
      [
        `engines disagree with tripline on ${workload.name}:`,
        ...prepared.map((p, k) => `  ${p.peer.name}: ${totals[k]} matches`),
        ...problems.map((p) => `  ${p}`),
      ].join('\n'),
    )
  return { matches: totals[0] ?? 0, perEngine: totals }
}

/** Selected bindings and their configured conditions per event, from the specs. @since 0.1.0 */
export const selectionStats = (w: Workload): { readonly selected: number; readonly conditions: number } => {
  const index = new Map<string, BindingSpec[]>()
  for (const b of w.bindings)
    for (const name of new Set(b.events)) {
      const key = `${b.position} ${name}`
      index.set(key, [...(index.get(key) ?? []), b])
    }
  let selected = 0
  let conditions = 0
  for (const e of w.events) {
    const list = index.get(`${e.position} ${e.name}`) ?? []
    selected += list.length
    conditions += list.reduce((s, b) => s + b.conditions.length, 0)
  }
  return { selected: selected / w.events.length, conditions: conditions / w.events.length }
}

const fmt = (n: number | undefined, digits = 0): string =>
  n === undefined || !Number.isFinite(n)
    ? '—'
    : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })

const ratio = (n: number): string => (n >= 100 ? `${fmt(n, 0)}×` : n >= 10 ? `${fmt(n, 1)}×` : `${fmt(n, 2)}×`)

/** Renders rows as a plain aligned text table. @since 0.1.0 */
export const table = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: ReadonlyArray<string>): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

const measureWorkload = async (
  w: Workload,
  peers: ReadonlyArray<Peer>,
  options: Options,
  withLatency: boolean,
): Promise<WorkloadReport> => {
  const log = options.log
  const prepared = peers.map((p) => prepare(p, w.bindings))
  const { matches } = await checkAgreement(w, prepared)
  const stats = selectionStats(w)
  log(
    `${w.name}: ${w.bindings.length} bindings, ${w.events.length} events, ${fmt(stats.selected, 2)} bindings and ${fmt(stats.conditions, 2)} conditions selected per event, ${matches} matches — all engines agree`,
  )
  const measured: Array<{ p: Prepared; t: Throughput; l?: Latency; c: number }> = []
  let triplineCompile = Number.NaN
  for (const p of prepared) {
    // "decide only" compiles exactly what tripline compiles: its compile time is tripline's.
    const c =
      p.peer.name === 'tripline (decide only)' && !Number.isNaN(triplineCompile)
        ? triplineCompile
        : await compileTime(
            `${w.name} compile ${p.peer.name}`,
            () => p.peer.compile(p.input),
            options.budget,
            w.bindings.length >= 5000,
          )
    if (p.peer.name === 'tripline') triplineCompile = c
    const t = await throughput(`${w.name} ${p.peer.name}`, p.matcher, w.events, matches, options.budget)
    const l = withLatency
      ? await latency(`${w.name} latency ${p.peer.name}`, p.matcher, w.events, options.budget)
      : undefined
    measured.push(l === undefined ? { p, t, c } : { p, t, l, c })
  }
  const tripline = measured[0]?.t.eventsPerSecond ?? Number.NaN
  const rows: EngineRow[] = measured.map(({ p, t, l, c }) => ({
    engine: p.peer.name,
    matches,
    eventsPerSecond: t.eventsPerSecond,
    nsPerEvent: t.nsPerEvent,
    conditionEvaluationsPerSecond: t.eventsPerSecond * stats.conditions,
    batches: t.batches,
    rme: t.rme,
    ...(l !== undefined ? { p50Ns: l.p50Ns, p99Ns: l.p99Ns } : {}),
    compileMs: c,
    triplineRatio: tripline / t.eventsPerSecond,
  }))
  log(
    table(
      ['engine', 'events/s', 'cond evals/s', 'ns/event', 'p50 ns', 'p99 ns', 'compile ms', 'tripline/peer'],
      rows.map((r) => [
        r.engine,
        fmt(r.eventsPerSecond),
        fmt(r.conditionEvaluationsPerSecond),
        fmt(r.nsPerEvent, 0),
        fmt(r.p50Ns),
        fmt(r.p99Ns),
        fmt(r.compileMs, 2),
        ratio(r.triplineRatio),
      ]),
    ),
  )
  log('')
  return {
    workload: w.name,
    bindings: w.bindings.length,
    events: w.events.length,
    selectedPerEvent: stats.selected,
    conditionsPerEvent: stats.conditions,
    matches,
    rows,
  }
}

const measureConditions = async (
  catalogue: Catalogue,
  options: Options,
): Promise<{ readonly rows: ReadonlyArray<ConditionRow>; readonly contextNs: number }> => {
  const events = perConditionEvents(options.seed)
  const run = async (label: string, test: (e: Event) => boolean): Promise<{ ns: number; pass: number }> => {
    let pass = 0
    for (const e of events) if (test(e)) pass++
    const m = await throughput(label, { _tag: 'sync', count: (e) => (test(e) ? 1 : 0), ids: () => [] }, events, pass, {
      ...options.budget,
      throughputMs: options.budget.conditionMs,
      throughputWarmupMs: options.budget.conditionWarmupMs,
    })
    return { ns: m.nsPerEvent, pass: pass / events.length }
  }
  const context = await run('context only', (e) => makeContext(e).event === e)
  const rows: ConditionRow[] = []
  for (const c of CONDITION_CASES) {
    const compiled = catalogue.conditions.compile(c.name, c.value)
    if (compiled._tag === 'Left')
      throw new Error(
        `condition ${c.name}: "${c.value}" does not compile: ${compiled.left.map((i) => i.message).join('; ')}`,
      )
    const test = compiled.right.test
    const r = await run(`condition ${c.family}`, (e) => test(makeContext(e)) === true)
    rows.push({
      family: c.family,
      condition: c.name,
      value: c.value,
      nsPerEvaluation: r.ns,
      evaluationsPerSecond: 1e9 / r.ns,
      passRate: r.pass,
    })
  }
  options.log(
    `per condition: one compiled condition, ${events.length} common events, a fresh evaluation context per event (context alone: ${fmt(context.ns, 1)} ns, included below)`,
  )
  options.log(
    table(
      ['condition', 'value', 'ns/eval', 'evals/s', 'holds'],
      rows.map((r) => [
        r.family,
        r.value,
        fmt(r.nsPerEvaluation, 1),
        fmt(r.evaluationsPerSecond),
        `${fmt(r.passRate * 100, 1)}%`,
      ]),
    ),
  )
  options.log('')
  return { rows, contextNs: context.ns }
}

const rowOf = (w: WorkloadReport | undefined, engine: string): EngineRow | undefined =>
  w?.rows.find((r) => r.engine === engine)

/** The targets of issue 6 against a run's figures. @since 0.1.0 */
export const targetsOf = (
  workloads: ReadonlyArray<WorkloadReport>,
  sizes: ReadonlyArray<number>,
): ReadonlyArray<Target> => {
  const realistic = workloads.find((w) => w.workload === 'realistic')
  const out: Target[] = []
  const vs = (engine: string, required: number): void => {
    const r = rowOf(realistic, engine)
    if (r !== undefined)
      out.push({
        target: `realistic: tripline ≥ ${required}× ${engine}`,
        required,
        measured: r.triplineRatio,
        met: r.triplineRatio >= required,
      })
  }
  vs('baseline', 0.5)
  vs('cel-js', 5)
  vs('json-rules-engine', 200)
  const smallest = Math.min(...sizes)
  const largest = Math.max(...sizes)
  const small = rowOf(
    workloads.find((w) => w.workload === `scale-${smallest}`),
    'tripline',
  )
  const large = rowOf(
    workloads.find((w) => w.workload === `scale-${largest}`),
    'tripline',
  )
  if (small !== undefined && large !== undefined && smallest !== largest) {
    const growth = large.nsPerEvent / small.nsPerEvent
    out.push({
      target: `scale: tripline per-event cost at ${largest} bindings ≤ 1.5× the cost at ${smallest}`,
      required: 1.5,
      measured: growth,
      met: growth <= 1.5,
    })
  }
  return out
}

/**
 * Runs the benchmark against a catalogue. Throws an error named `MismatchError` when any engine disagrees with tripline.
 *
 * @since 0.1.0
 */
export const runBenchmark = async (catalogue: Catalogue, options: Options): Promise<Report> => {
  const log = options.log
  const env = celEnvironment()
  const peers: ReadonlyArray<Peer> = [
    triplinePeer(catalogue) as Peer,
    triplineDecidePeer(catalogue) as Peer,
    baselinePeer as Peer,
    celPeer(env) as Peer,
    jrePeer as Peer,
  ]
  const started = Date.now()
  log(
    `tripline benchmark — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, seed ${options.seed}`,
  )
  log('ratios are tripline ÷ peer events/s from this one run (>1: tripline is faster)\n')
  const workloads: WorkloadReport[] = []
  // Without an index json-rules-engine runs every rule for every event: measured on the 50 realistic bindings only.
  if (options.sections.has('realistic'))
    workloads.push(
      await measureWorkload(realisticWorkload(options.seed), [...peers, jreFlatPeer as Peer], options, true),
    )
  if (options.sections.has('scale'))
    for (const size of options.sizes)
      workloads.push(await measureWorkload(scaleWorkload(options.seed, size, 500), peers, options, true))
  if (options.sections.has('scale') && options.sizes.length > 1) {
    const scale = workloads.filter((w) => w.workload.startsWith('scale-'))
    const first = scale[0]
    if (first !== undefined) {
      log(
        'scale: ns per event (the stream selects the same 40 hot bindings at every size); growth vs the smallest size',
      )
      log(
        table(
          ['engine', ...scale.map((w) => `${w.bindings} bindings`), 'growth'],
          first.rows.map((r) => {
            const cells = scale.map((w) => rowOf(w, r.engine)?.nsPerEvent ?? Number.NaN)
            const last = cells[cells.length - 1] ?? Number.NaN
            return [r.engine, ...cells.map((c) => fmt(c, 0)), ratio(last / (cells[0] ?? Number.NaN))]
          }),
        ),
      )
      log('')
    }
  }
  if (options.sections.has('spread'))
    for (const size of options.sizes)
      workloads.push(await measureWorkload(spreadWorkload(options.seed, size, 152), peers, options, false))
  const memory: Array<{ engine: string; bindings: number; bytesPerBinding: number | null }> = []
  if (options.sections.has('memory')) {
    const size = Math.max(...options.sizes)
    const w = scaleWorkload(options.seed, size, 1)
    for (const peer of peers.filter((p) => p.name !== 'tripline (decide only)')) {
      const input = peer.render(w.bindings)
      const bytes = heapPerBinding(() => peer.compile(input), w.bindings.length)
      memory.push({ engine: peer.name, bindings: w.bindings.length, bytesPerBinding: bytes ?? null })
    }
    log(`memory: retained heap per compiled binding (${size} bindings, after forced GC; the input already existed)`)
    log(
      table(
        ['engine', 'bytes/binding'],
        memory.map((m) => [
          m.engine,
          m.bytesPerBinding === null ? 'run node with --expose-gc' : fmt(m.bytesPerBinding),
        ]),
      ),
    )
    log('')
  }
  const conditions = options.sections.has('conditions') ? await measureConditions(catalogue, options) : undefined
  const targets = targetsOf(workloads, options.sizes)
  if (targets.length > 0) {
    log('targets (issue 6)')
    log(
      table(
        ['target', 'measured', 'met'],
        targets.map((t) => [t.target, ratio(t.measured), t.met ? 'yes' : 'NO']),
      ),
    )
    log('')
  }
  log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return {
    meta: {
      date: new Date(started).toISOString(),
      seconds: (Date.now() - started) / 1000,
      node: process.version,
      v8: process.versions.v8,
      platform: `${os.platform()} ${os.arch()}`,
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? '',
      seed: options.seed,
      budget: options.budget,
      sizes: options.sizes,
      command: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
    },
    engines: peers.map((p) => ({ engine: p.name, note: p.note })),
    workloads,
    memory,
    conditions: conditions?.rows ?? [],
    ...(conditions !== undefined ? { conditionContextNs: conditions.contextNs } : {}),
    targets,
  }
}
