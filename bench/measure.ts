/**
 * Measurement primitives over tinybench: throughput (one iteration = the whole event stream), per-event latency
 * (one iteration = one event, wall clock, timer overhead subtracted), compile time, and heap per compiled binding
 * (after forced garbage collection; needs `node --expose-gc`).
 *
 * Throughput and compile samples are the process's **CPU time** (`process.cpuUsage`, user + system, handed to
 * tinybench as `overriddenDuration`), not wall time: on a shared 2-core machine a pass of several milliseconds is
 * preempted by other processes, and wall time then measures the machine's load more than the engine. The time
 * budget still counts wall time (`overriddenIterationCost`), so a loaded machine does not stretch the run. CPU time
 * includes V8's GC and compiler threads (a real cost of the engine); per-event latency stays wall time (a single
 * event is rarely preempted, so its median is robust; its p99 is not).
 *
 * @since 0.1.0
 */
import { Bench } from 'tinybench'
import type { Event } from '../src/core/model.js'
import type { Matcher } from './peers/types.js'

/** How long to measure; `quick` is for smoke runs and tests of the harness. @since 0.1.0 */
export interface Budget {
  readonly throughputMs: number
  readonly throughputWarmupMs: number
  readonly latencyMs: number
  readonly latencyWarmupMs: number
  readonly minBatches: number
  readonly compileIterations: number
  /** Per-condition measurements (49 of them) get a shorter budget each. */
  readonly conditionMs: number
  readonly conditionWarmupMs: number
}

/** The budget of `npm run bench`. @since 0.1.0 */
export const FULL: Budget = {
  throughputMs: 500,
  throughputWarmupMs: 200,
  latencyMs: 250,
  latencyWarmupMs: 100,
  minBatches: 5,
  compileIterations: 5,
  conditionMs: 200,
  conditionWarmupMs: 80,
}

/** A smoke-test budget (`--quick`): numbers are noisy, the checks are the same. @since 0.1.0 */
export const QUICK: Budget = {
  throughputMs: 60,
  throughputWarmupMs: 20,
  latencyMs: 40,
  latencyWarmupMs: 10,
  minBatches: 2,
  compileIterations: 2,
  conditionMs: 30,
  conditionWarmupMs: 10,
}

/** Throughput of one engine on one stream. @since 0.1.0 */
export interface Throughput {
  /** Median CPU time to process the whole stream, divided by its length. */
  readonly nsPerEvent: number
  readonly eventsPerSecond: number
  /** Batches (whole-stream passes) measured after warm-up. */
  readonly batches: number
  /** Relative margin of error of the mean batch time, in percent. */
  readonly rme: number
}

/** Per-event latency percentiles. @since 0.1.0 */
export interface Latency {
  readonly p50Ns: number
  readonly p99Ns: number
  readonly samples: number
}

let sink = 0

/**
 * Forces a full garbage collection when node runs with `--expose-gc` (false otherwise). Called before every
 * measurement, so one measurement does not pay for the garbage of the one before (compiling 10,000 bindings six
 * times leaves hundreds of megabytes for the next pass to collect).
 *
 * @since 0.1.0
 */
export const gc = (times = 1): boolean => {
  const f = (globalThis as { readonly gc?: () => void }).gc
  if (f === undefined) return false
  for (let i = 0; i < times; i++) f()
  return true
}

/** Keeps results observable so the engine cannot drop the measured work. @since 0.1.0 */
export const consumeSink = (): number => sink

const statsOf = (bench: Bench) => {
  const task = bench.tasks[0]
  if (task === undefined) throw new Error('no task')
  const result = task.result
  if (result.state === 'errored') throw result.error
  if (result.state !== 'completed' && result.state !== 'aborted-with-statistics')
    throw new Error(`task ${task.name} did not complete: ${result.state}`)
  return result
}

/**
 * Measures throughput over a stream. Every timed pass is checked: it must find `expected` matches, or the
 * benchmark fails (a peer that drifted under the JIT would otherwise go unnoticed).
 *
 * @since 0.1.0
 */
export const throughput = async (
  label: string,
  matcher: Matcher,
  events: ReadonlyArray<Event>,
  expected: number,
  budget: Budget,
): Promise<Throughput> => {
  // One untimed pass first: it warms the engine up and tells how much CPU a pass takes. An engine whose pass alone
  // eats a third of the budget (json-rules-engine) gets 3 timed passes and no further warm-up, so the whole run
  // stays within minutes.
  gc()
  const probe = process.cpuUsage()
  if (matcher._tag === 'sync') for (const e of events) sink += matcher.count(e)
  else for (const e of events) sink += await matcher.count(e)
  const probeCpu = process.cpuUsage(probe)
  const slow = (probeCpu.user + probeCpu.system) / 1000 > budget.throughputMs / 3
  const bench = new Bench({
    name: label,
    time: budget.throughputMs,
    warmup: !slow,
    warmupTime: budget.throughputWarmupMs,
    iterations: slow ? Math.min(3, budget.minBatches) : budget.minBatches,
    warmupIterations: 2,
    timestampProvider: 'hrtimeNow',
  })
  let wrong = -1
  if (matcher._tag === 'sync') {
    const count = matcher.count
    bench.add(
      label,
      () => {
        const wall = performance.now()
        const cpu = process.cpuUsage()
        let n = 0
        for (let i = 0; i < events.length; i++) n += count(events[i] as Event)
        const used = process.cpuUsage(cpu)
        if (n !== expected) wrong = n
        sink += n
        return {
          overriddenDuration: (used.user + used.system) / 1000,
          overriddenIterationCost: performance.now() - wall,
        }
      },
      { async: false },
    )
  } else {
    const count = matcher.count
    bench.add(
      label,
      async () => {
        const wall = performance.now()
        const cpu = process.cpuUsage()
        let n = 0
        for (let i = 0; i < events.length; i++) n += await count(events[i] as Event)
        const used = process.cpuUsage(cpu)
        if (n !== expected) wrong = n
        sink += n
        return {
          overriddenDuration: (used.user + used.system) / 1000,
          overriddenIterationCost: performance.now() - wall,
        }
      },
      { async: true },
    )
  }
  await bench.run()
  if (wrong !== -1) throw new Error(`${label}: a timed pass found ${wrong} matches, expected ${expected}`)
  const r = statsOf(bench)
  const nsPerEvent = (r.latency.p50 * 1e6) / events.length
  return { nsPerEvent, eventsPerSecond: 1e9 / nsPerEvent, batches: r.latency.samplesCount, rme: r.latency.rme }
}

/** Measures per-event latency: one event per iteration, cycling through the stream. @since 0.1.0 */
export const latency = async (
  label: string,
  matcher: Matcher,
  events: ReadonlyArray<Event>,
  budget: Budget,
): Promise<Latency> => {
  const bench = new Bench({
    name: label,
    time: budget.latencyMs,
    warmupTime: budget.latencyWarmupMs,
    iterations: Math.min(events.length, 256),
    timestampProvider: 'hrtimeNow',
    subtractTimerOverhead: true,
  })
  gc()
  let i = 0
  const next = (): Event => {
    const e = events[i] as Event
    i = i + 1 === events.length ? 0 : i + 1
    return e
  }
  if (matcher._tag === 'sync') {
    const count = matcher.count
    bench.add(
      label,
      () => {
        sink += count(next())
      },
      { async: false },
    )
  } else {
    const count = matcher.count
    bench.add(
      label,
      async () => {
        sink += await count(next())
      },
      { async: true },
    )
  }
  await bench.run()
  const r = statsOf(bench)
  return { p50Ns: r.latency.p50 * 1e6, p99Ns: r.latency.p99 * 1e6, samples: r.latency.samplesCount }
}

/** Median compile time in milliseconds (each iteration compiles the whole input from scratch). @since 0.1.0 */
export const compileTime = async (
  label: string,
  compile: () => unknown,
  budget: Budget,
  slowCompile = false,
): Promise<number> => {
  const bench = new Bench({
    name: label,
    time: 0,
    iterations: slowCompile ? Math.min(3, budget.compileIterations) : budget.compileIterations,
    warmupIterations: 1,
    warmupTime: 0,
    timestampProvider: 'hrtimeNow',
  })
  gc()
  bench.add(
    label,
    () => {
      const cpu = process.cpuUsage()
      sink += compile() === undefined ? 0 : 1
      const used = process.cpuUsage(cpu)
      return { overriddenDuration: (used.user + used.system) / 1000 }
    },
    { async: false },
  )
  await bench.run()
  return statsOf(bench).latency.p50
}

/**
 * Retained heap per compiled binding: heap after a forced GC with the compiled form alive, minus the heap before
 * compiling (the input already exists), divided by the binding count. `undefined` without `--expose-gc`.
 *
 * @since 0.1.0
 */
export const heapPerBinding = (compile: () => unknown, bindings: number): number | undefined => {
  if (!gc(2)) return undefined
  const before = process.memoryUsage().heapUsed
  const kept = compile()
  gc(2)
  const after = process.memoryUsage().heapUsed
  sink += kept === undefined ? 0 : 1
  return (after - before) / bindings
}
