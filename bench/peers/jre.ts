/**
 * The json-rules-engine peer (7.3.1), in its default configuration (jsonpath-plus path resolution, async
 * evaluation). Each binding becomes one rule; there is one `Engine` per (position, event name), so an event only
 * runs its own rules — the same index tripline uses. The event itself is the runtime facts object (its top-level
 * fields are the facts; nested values are reached with `path`).
 *
 * What json-rules-engine cannot express natively is supplied the way its documentation suggests, as small
 * hand-written pieces: custom operators `absent` (a fact is missing: privacyIDEA's "skip when the subject is
 * absent"), `regexPrefix` (regex compiled once per pattern, `re.match` semantics), `intEqual`, `dateBefore` /
 * `dateAfter` (parse privacyIDEA's stored timestamps), `ipInRanges` (CIDR ranges computed at compile time), and a
 * dynamic fact `nowMinus` (the event clock minus a duration, optionally floored to the minute as `{now}` renders).
 * Lists, `is_true` (as `in`/`notIn` lists) and numeric comparisons use the built-in operators.
 *
 * @since 0.1.0
 */
import { Engine, type NestedCondition, type RuleProperties, type TopLevelCondition } from 'json-rules-engine'
import type { Event, Position } from '../../src/core/model.js'
import { type BindingSpec, type ConditionSpec, type IntOp, unitMs } from '../spec.js'
import { cidrRange, floorMinute, inRanges, intOf, ipv4, parseDateMs, prefixRegex, type Range } from './facts.js'
import type { AsyncMatcher, MatchIds, Peer } from './types.js'

const TRUE_VALUES: ReadonlyArray<unknown> = [true, 1, '1', 'True', 'true', 'TRUE']

const absent = (fact: string, path?: string): NestedCondition => ({
  fact,
  ...(path !== undefined ? { path } : {}),
  operator: 'absent',
  value: true,
})

const unlessNoToken = (condition: NestedCondition): NestedCondition => ({ any: [absent('token'), condition] })

const NUMERIC: Readonly<Record<IntOp, string>> = {
  '==': 'equal',
  '!=': 'notEqual',
  '<': 'lessThan',
  '>': 'greaterThan',
  '<=': 'lessThanInclusive',
  '>=': 'greaterThanInclusive',
}

/** The rule condition of one spec. @since 0.1.0 */
export const jreCondition = (c: ConditionSpec): NestedCondition => {
  switch (c._tag) {
    case 'realm':
      return { fact: 'user', path: '$.realm', operator: 'in', value: [...c.realms] }
    case 'tokentype':
      return unlessNoToken({ fact: 'token', path: '$.type', operator: 'in', value: [...c.types] })
    case 'resultValue':
      return { fact: 'response', path: '$.result.value', operator: c.expect ? 'in' : 'notIn', value: [...TRUE_VALUES] }
    case 'serial':
      return { any: [absent('serial'), { fact: 'serial', operator: 'regexPrefix', value: c.pattern }] }
    case 'failcounter':
      return unlessNoToken({ fact: 'token', path: '$.failcount', operator: NUMERIC[c.op], value: c.n })
    case 'tokeninfoInt':
      return unlessNoToken({
        fact: 'token',
        path: `$.info.${c.key}`,
        operator: c.op === '==' ? 'intEqual' : NUMERIC[c.op],
        value: c.n,
      })
    case 'tokeninfoString':
      return unlessNoToken({ fact: 'token', path: `$.info.${c.key}`, operator: 'equal', value: c.value })
    case 'tokeninfoDate':
      return unlessNoToken({
        fact: 'token',
        path: `$.info.${c.key}`,
        operator: c.op === '<' ? 'dateBefore' : 'dateAfter',
        value: { fact: 'nowMinus', params: { ms: c.n * unitMs(c.unit), floor: true } },
      })
    case 'lastAuth':
      return unlessNoToken({
        fact: 'token',
        path: '$.info.last_auth',
        operator: 'dateBefore',
        value: { fact: 'nowMinus', params: { ms: c.n * unitMs(c.unit), floor: false } },
      })
    case 'clientIp':
      return {
        any: [
          absent('request', '$.clientIp'),
          {
            fact: 'request',
            path: '$.clientIp',
            operator: 'ipInRanges',
            value: { include: c.include.map(cidrRange), exclude: c.exclude.map(cidrRange) },
          },
        ],
      }
  }
}

/** A binding as a json-rules-engine rule (with its selection keys). @since 0.1.0 */
export interface JreRule {
  readonly events: ReadonlyArray<string>
  readonly position: Position
  readonly rule: RuleProperties
}

/** Renders one binding spec as a rule whose event carries the binding id. @since 0.1.0 */
export const jreRule = (b: BindingSpec): JreRule => {
  const conditions: TopLevelCondition = { all: b.conditions.map(jreCondition) }
  return {
    events: b.events,
    position: b.position,
    rule: { conditions, event: { type: 'match', params: { id: b.id } } },
  }
}

const regexCache = new Map<string, RegExp>()
const regexFor = (pattern: string): RegExp => {
  const hit = regexCache.get(pattern)
  if (hit !== undefined) return hit
  const re = prefixRegex(pattern)
  regexCache.set(pattern, re)
  return re
}

const newEngine = (): Engine => {
  const engine = new Engine([], { allowUndefinedFacts: true })
  engine.addOperator<unknown, boolean>('absent', (fact, expect) => (fact === undefined || fact === '') === expect)
  engine.addOperator<unknown, string>(
    'regexPrefix',
    (fact, pattern) => typeof fact === 'string' && regexFor(pattern).test(fact),
  )
  engine.addOperator<unknown, number>('intEqual', (fact, n) => typeof fact === 'string' && intOf(fact) === n)
  engine.addOperator<unknown, number>(
    'dateBefore',
    (fact, bound) => typeof fact === 'string' && parseDateMs(fact) < bound,
  )
  engine.addOperator<unknown, number>(
    'dateAfter',
    (fact, bound) => typeof fact === 'string' && parseDateMs(fact) > bound,
  )
  engine.addOperator<unknown, { readonly include: ReadonlyArray<Range>; readonly exclude: ReadonlyArray<Range> }>(
    'ipInRanges',
    (fact, ranges) => {
      if (typeof fact !== 'string') return false
      const n = ipv4(fact)
      return inRanges(n, ranges.include) && !inRanges(n, ranges.exclude)
    },
  )
  engine.addFact<Promise<number>>('nowMinus', async (params, almanac) => {
    const p = params as { readonly ms: number; readonly floor: boolean }
    const now = parseDateMs(await almanac.factValue<string>('now')) - p.ms
    return p.floor ? floorMinute(now) : now
  })
  return engine
}

/** Compiles rules into one engine per (position, event name). @since 0.1.0 */
export const compileJre = (rules: ReadonlyArray<JreRule>): AsyncMatcher => {
  const index = new Map<Position, Map<string, Engine>>([
    ['pre', new Map()],
    ['post', new Map()],
  ])
  for (const r of rules) {
    const byName = index.get(r.position) as Map<string, Engine>
    for (const name of new Set(r.events)) {
      let engine = byName.get(name)
      if (engine === undefined) {
        engine = newEngine()
        byName.set(name, engine)
      }
      engine.addRule(r.rule)
    }
  }
  const run = async (e: Event) => {
    const engine = index.get(e.position)?.get(e.name)
    return engine === undefined ? undefined : engine.run(e as unknown as Record<string, unknown>)
  }
  return {
    _tag: 'async',
    count: async (e) => (await run(e))?.events.length ?? 0,
    ids: async (e): Promise<MatchIds> =>
      ((await run(e))?.events ?? []).map((ev) => (ev.params as { readonly id: number }).id).sort((a, b) => a - b),
  }
}

/** The json-rules-engine peer. @since 0.1.0 */
export const jrePeer: Peer<ReadonlyArray<JreRule>> = {
  name: 'json-rules-engine',
  note: 'one rule per binding, one Engine per position and event name, the event as runtime facts (jsonpath-plus paths), custom operators for absent/regex/dates/CIDR',
  render: (bindings) => bindings.map(jreRule),
  compile: compileJre,
}

/**
 * Compiles rules into one `Engine` holding every rule, the way a json-rules-engine user writes a rule set without
 * an index: each rule first checks the event name and position (priority 10, so the other conditions are skipped
 * when they fail). Measured on the realistic workload only (with 10,000 rules every event would run them all).
 *
 * @since 0.1.0
 */
export const compileJreFlat = (rules: ReadonlyArray<JreRule>): AsyncMatcher => {
  const engine = newEngine()
  for (const r of rules) {
    const conditions = r.rule.conditions as { readonly all: ReadonlyArray<NestedCondition> }
    engine.addRule({
      ...r.rule,
      conditions: {
        all: [
          { fact: 'name', operator: 'in', value: [...new Set(r.events)], priority: 10 },
          { fact: 'position', operator: 'equal', value: r.position, priority: 10 },
          ...conditions.all,
        ],
      },
    })
  }
  const run = (e: Event) => engine.run(e as unknown as Record<string, unknown>)
  return {
    _tag: 'async',
    count: async (e) => (await run(e)).events.length,
    ids: async (e): Promise<MatchIds> =>
      (await run(e)).events.map((ev) => (ev.params as { readonly id: number }).id).sort((a, b) => a - b),
  }
}

/** The json-rules-engine peer without an index: one engine, every rule checks the event first. @since 0.1.0 */
export const jreFlatPeer: Peer<ReadonlyArray<JreRule>> = {
  name: 'json-rules-engine (one engine)',
  note: 'all rules in one Engine, each starting with event name and position conditions (priority 10, short-circuit)',
  render: (bindings) => bindings.map(jreRule),
  compile: compileJreFlat,
}
