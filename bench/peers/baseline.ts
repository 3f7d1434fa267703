/**
 * The hand-written baseline: what a developer writes directly for this workload — one closure per condition with
 * its operands prepared at start-up (ranges, regexes, durations), a binding = its closures ANDed with early exit,
 * and a map by position and event name. No configuration language, no audit, no intents: the practical limit.
 *
 * @since 0.1.0
 */
import type { Event, Position } from '../../src/core/model.js'
import { type BindingSpec, type ConditionSpec, unitMs } from '../spec.js'
import {
  cidrRange,
  compareInt,
  floorMinute,
  inRanges,
  intOf,
  ipv4,
  isTrue,
  parseDateMs,
  prefixRegex,
  resultValue,
} from './facts.js'
import type { MatchIds, Peer, SyncMatcher } from './types.js'

/** Per-event scratch: the event and its clock, parsed on first use. */
interface Scratch {
  readonly event: Event
  now: number
}

type Test = (s: Scratch) => boolean

const nowOf = (s: Scratch): number => {
  if (Number.isNaN(s.now)) s.now = parseDateMs(s.event.now)
  return s.now
}

/** The closure of one condition spec. @since 0.1.0 */
export const conditionTest = (c: ConditionSpec): Test => {
  switch (c._tag) {
    case 'realm': {
      const realms = c.realms
      return (s) => realms.includes(s.event.user === undefined ? '' : s.event.user.realm)
    }
    case 'tokentype': {
      const types = c.types
      return (s) => s.event.token === undefined || types.includes(s.event.token.type)
    }
    case 'resultValue': {
      const expect = c.expect
      return (s) => isTrue(resultValue(s.event.response)) === expect
    }
    case 'serial': {
      const re = prefixRegex(c.pattern)
      return (s) => {
        const serial = s.event.serial ?? s.event.token?.serial
        return serial === undefined || serial === '' || re.test(serial)
      }
    }
    case 'failcounter': {
      const { op, n } = c
      return (s) => s.event.token === undefined || compareInt(s.event.token.failcount, op, n)
    }
    case 'tokeninfoInt': {
      const { key, op, n } = c
      return (s) => {
        const t = s.event.token
        if (t === undefined) return true
        const v = t.info[key]
        if (v === undefined) return false
        const i = intOf(v)
        return !Number.isNaN(i) && compareInt(i, op, n)
      }
    }
    case 'tokeninfoString': {
      const { key, value } = c
      return (s) => s.event.token === undefined || s.event.token.info[key] === value
    }
    case 'tokeninfoDate': {
      const { key, op } = c
      const offset = c.n * unitMs(c.unit)
      return (s) => {
        const t = s.event.token
        if (t === undefined) return true
        const v = t.info[key]
        if (v === undefined) return false
        const d = parseDateMs(v)
        const bound = floorMinute(nowOf(s) - offset)
        return op === '<' ? d < bound : d > bound
      }
    }
    case 'lastAuth': {
      const delta = c.n * unitMs(c.unit)
      return (s) => {
        const t = s.event.token
        if (t === undefined) return true
        const v = t.info.last_auth
        if (v === undefined) return false
        return parseDateMs(v) + delta < nowOf(s)
      }
    }
    case 'clientIp': {
      const include = c.include.map(cidrRange)
      const exclude = c.exclude.map(cidrRange)
      return (s) => {
        const ip = s.event.request.clientIp
        if (ip === undefined) return true
        const n = ipv4(ip)
        return inRanges(n, include) && !inRanges(n, exclude)
      }
    }
  }
}

interface Compiled {
  readonly id: number
  readonly tests: ReadonlyArray<Test>
}

const holds = (b: Compiled, s: Scratch): boolean => {
  const tests = b.tests
  for (let i = 0; i < tests.length; i++) if (!(tests[i] as Test)(s)) return false
  return true
}

/**
 * Compiles binding specs into the baseline matcher.
 *
 * @since 0.1.0
 */
export const compileBaseline = (bindings: ReadonlyArray<BindingSpec>): SyncMatcher => {
  const index = new Map<Position, Map<string, Compiled[]>>([
    ['pre', new Map()],
    ['post', new Map()],
  ])
  for (const b of bindings) {
    const compiled: Compiled = { id: b.id, tests: b.conditions.map(conditionTest) }
    const byName = index.get(b.position) as Map<string, Compiled[]>
    for (const name of new Set(b.events)) {
      const list = byName.get(name)
      if (list === undefined) byName.set(name, [compiled])
      else list.push(compiled)
    }
  }
  const none: ReadonlyArray<Compiled> = []
  const selected = (e: Event): ReadonlyArray<Compiled> => index.get(e.position)?.get(e.name) ?? none
  return {
    _tag: 'sync',
    count: (e) => {
      const list = selected(e)
      const s: Scratch = { event: e, now: Number.NaN }
      let n = 0
      for (let i = 0; i < list.length; i++) if (holds(list[i] as Compiled, s)) n++
      return n
    },
    ids: (e): MatchIds => {
      const s: Scratch = { event: e, now: Number.NaN }
      return selected(e)
        .filter((b) => holds(b, s))
        .map((b) => b.id)
        .sort((a, b) => a - b)
    },
  }
}

/** The hand-written baseline peer. @since 0.1.0 */
export const baselinePeer: Peer<ReadonlyArray<BindingSpec>> = {
  name: 'baseline',
  note: 'hand-written closures per condition, operands prepared at start-up, Map by position and event name',
  render: (bindings) => bindings,
  compile: compileBaseline,
}
