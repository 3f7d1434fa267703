/**
 * The loop `bench/profile.ts` profiles: one engine on one workload for a few seconds, nothing else (no tinybench,
 * no other engines), so the CPU profile shows only that engine's hot path.
 *
 * Arguments: `<workload> <engine> <seconds> [seed]`, workload `realistic | scale-N | spread-N`, engine
 * `tripline | decide | baseline | cel-js`; or `condition <family> <seconds>` for one per-condition case (the family
 * label of `CONDITION_CASES`, e.g. `client_ip` or `"tokeninfo (int >)"`).
 *
 * @since 0.1.0
 */

import { makeContext } from '../src/core/context.js'
import type { Event } from '../src/core/model.js'
import { benchCatalogue } from './catalogue.js'
import { baselinePeer } from './peers/baseline.js'
import { celEnvironment, celPeer } from './peers/cel.js'
import { triplineDecidePeer, triplinePeer } from './peers/tripline.js'
import type { Peer } from './peers/types.js'
import {
  CONDITION_CASES,
  perConditionEvents,
  realisticWorkload,
  scaleWorkload,
  spreadWorkload,
  type Workload,
} from './workloads.js'

const [workloadName = 'realistic', engine = 'tripline', secondsText = '5', seedText = '20261129'] =
  process.argv.slice(2)
const seed = Number.parseInt(seedText, 10)

const workload = (name: string): Workload => {
  if (name === 'realistic') return realisticWorkload(seed)
  const m = /^(scale|spread)-(\d+)$/.exec(name)
  if (m === null) throw new Error(`unknown workload ${name}`)
  return m[1] === 'scale' ? scaleWorkload(seed, Number(m[2])) : spreadWorkload(seed, Number(m[2]))
}

const peerOf = (name: string): Peer => {
  switch (name) {
    case 'tripline':
      return triplinePeer(benchCatalogue) as Peer
    case 'decide':
      return triplineDecidePeer(benchCatalogue) as Peer
    case 'baseline':
      return baselinePeer as Peer
    case 'cel-js':
      return celPeer(celEnvironment()) as Peer
    default:
      throw new Error(`unknown engine ${name} (json-rules-engine is async: profile it through bench/run.ts)`)
  }
}

const conditionMatcher = (
  family: string,
): { readonly count: (e: Event) => number; readonly events: ReadonlyArray<Event> } => {
  const c = CONDITION_CASES.find((x) => x.family === family)
  if (c === undefined)
    throw new Error(`unknown condition family ${family}; one of: ${CONDITION_CASES.map((x) => x.family).join(', ')}`)
  const compiled = benchCatalogue.conditions.compile(c.name, c.value)
  if (compiled._tag === 'Left') throw new Error(`${c.name} does not compile`)
  const test = compiled.right.test
  return { count: (e) => (test(makeContext(e)) === true ? 1 : 0), events: perConditionEvents(seed) }
}

const target =
  workloadName === 'condition'
    ? conditionMatcher(engine)
    : (() => {
        const w = workload(workloadName)
        const peer = peerOf(engine)
        const m = peer.compile(peer.render(w.bindings))
        if (m._tag !== 'sync') throw new Error('sync engines only')
        return { count: m.count, events: w.events }
      })()
const matcher = target
const events: ReadonlyArray<Event> = target.events
const until = performance.now() + Number(secondsText) * 1000
let passes = 0
let matches = 0
while (performance.now() < until) {
  for (let i = 0; i < events.length; i++) matches += matcher.count(events[i] as Event)
  passes++
}
const ns = ((Number(secondsText) * 1e9) / (passes * events.length)).toFixed(0)
console.log(`${engine} on ${workloadName}: ${passes} passes, ~${ns} ns/event, ${matches / passes} matches per pass`)
