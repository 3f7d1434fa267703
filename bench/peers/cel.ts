/**
 * The cel-js peer (@marcbachmann/cel-js 8): each binding becomes one CEL expression, parsed once; each event is
 * evaluated as the context `{ e: event }`; a Map by position and event name selects the expressions, as tripline's
 * index does. CEL has no date parser for privacyIDEA's stored timestamps and no CIDR type, so two hand-written
 * functions are registered: `pidate(string): double` (epoch ms, NaN when unparseable) and `ipv4(string): double`;
 * CIDR membership is then plain range arithmetic in CEL against ranges computed at compile time. Everything else
 * (lists, regexes via `matches`, integer parsing via `int()`, the `{now}` minute floor) is native CEL. An
 * evaluation error (e.g. `int()` of a non-integer) counts as no match.
 *
 * @since 0.1.0
 */
import { Environment } from '@marcbachmann/cel-js'
import type { Event, Position } from '../../src/core/model.js'
import { type BindingSpec, type ConditionSpec, unitMs } from '../spec.js'
import { cidrRange, ipv4, parseDateMs, splitInlineFlags } from './facts.js'
import type { MatchIds, Peer, SyncMatcher } from './types.js'

const str = (s: string): string => JSON.stringify(s)
const list = (xs: ReadonlyArray<string>): string => `[${xs.map(str).join(', ')}]`
const dbl = (n: number): string => (Number.isInteger(n) ? `${n}.0` : String(n))

/** The CEL expression of one condition spec, over the variable `e` (the event). @since 0.1.0 */
export const celCondition = (c: ConditionSpec): string => {
  switch (c._tag) {
    case 'realm':
      return `(has(e.user) ? e.user.realm : "") in ${list(c.realms)}`
    case 'tokentype':
      return `(!has(e.token) || e.token.type in ${list(c.types)})`
    case 'resultValue':
      return `((has(e.response) && has(e.response.result) && has(e.response.result.value) && e.response.result.value in [true, 1.0, "1", "True", "true", "TRUE"]) == ${c.expect})`
    case 'serial': {
      const { flags, source } = splitInlineFlags(c.pattern)
      const subject = flags === 'i' ? 's.lowerAscii()' : 's'
      const pattern = flags === 'i' ? source.toLowerCase() : source
      return `cel.bind(s, has(e.serial) ? e.serial : (has(e.token) ? e.token.serial : ""), s == "" || ${subject}.matches(${str(`^(?:${pattern})`)}))`
    }
    case 'failcounter':
      return `(!has(e.token) || e.token.failcount ${c.op} ${dbl(c.n)})`
    case 'tokeninfoInt':
      return `(!has(e.token) || (has(e.token.info.${c.key}) && int(e.token.info.${c.key}) ${c.op} ${c.n}))`
    case 'tokeninfoString':
      return `(!has(e.token) || (has(e.token.info.${c.key}) && e.token.info.${c.key} == ${str(c.value)}))`
    case 'tokeninfoDate':
      return `(!has(e.token) || (has(e.token.info.${c.key}) && pidate(e.token.info.${c.key}) ${c.op} double(int((pidate(e.now) - ${dbl(c.n * unitMs(c.unit))}) / 60000.0)) * 60000.0))`
    case 'lastAuth':
      return `(!has(e.token) || (has(e.token.info.last_auth) && pidate(e.token.info.last_auth) + ${dbl(c.n * unitMs(c.unit))} < pidate(e.now)))`
    case 'clientIp': {
      const range = ([lo, hi]: readonly [number, number]): string => `(ip >= ${dbl(lo)} && ip <= ${dbl(hi)})`
      const inc = c.include.map((x) => range(cidrRange(x))).join(' || ')
      const exc = c.exclude.map((x) => range(cidrRange(x))).join(' || ')
      return `(!has(e.request.clientIp) || cel.bind(ip, ipv4(e.request.clientIp), (${inc})${exc === '' ? '' : ` && !(${exc})`}))`
    }
  }
}

/** The CEL expression of a binding: its conditions ANDed (`true` when it has none). @since 0.1.0 */
export const celExpression = (b: BindingSpec): string =>
  b.conditions.length === 0 ? 'true' : b.conditions.map(celCondition).join(' && ')

/** The shared environment: dynamic variables, the two hand-written functions. Created once. @since 0.1.0 */
export const celEnvironment = (): Environment =>
  new Environment({ unlistedVariablesAreDyn: true, homogeneousAggregateLiterals: false })
    .registerFunction('pidate(string): double', (s: string) => parseDateMs(s))
    .registerFunction('ipv4(string): double', (s: string) => ipv4(s))

/** A binding as the CEL peer's input. @since 0.1.0 */
export interface CelRule {
  readonly id: number
  readonly events: ReadonlyArray<string>
  readonly position: Position
  readonly expression: string
}

type Program = (context: Record<string, unknown>) => unknown

interface Compiled {
  readonly id: number
  readonly program: Program
}

const holds = (b: Compiled, context: Record<string, unknown>): boolean => {
  try {
    return b.program(context) === true
  } catch {
    return false
  }
}

/** Compiles CEL rules (parse once each) into a matcher. @since 0.1.0 */
export const compileCel = (env: Environment, rules: ReadonlyArray<CelRule>): SyncMatcher => {
  const index = new Map<Position, Map<string, Compiled[]>>([
    ['pre', new Map()],
    ['post', new Map()],
  ])
  for (const r of rules) {
    const compiled: Compiled = { id: r.id, program: env.parse(r.expression) as unknown as Program }
    const byName = index.get(r.position) as Map<string, Compiled[]>
    for (const name of new Set(r.events)) {
      const found = byName.get(name)
      if (found === undefined) byName.set(name, [compiled])
      else found.push(compiled)
    }
  }
  const none: ReadonlyArray<Compiled> = []
  const selected = (e: Event): ReadonlyArray<Compiled> => index.get(e.position)?.get(e.name) ?? none
  return {
    _tag: 'sync',
    count: (e) => {
      const found = selected(e)
      const context = { e }
      let n = 0
      for (let i = 0; i < found.length; i++) if (holds(found[i] as Compiled, context)) n++
      return n
    },
    ids: (e): MatchIds => {
      const context = { e }
      return selected(e)
        .filter((b) => holds(b, context))
        .map((b) => b.id)
        .sort((a, b) => a - b)
    },
  }
}

/** The cel-js peer over one shared environment. @since 0.1.0 */
export const celPeer = (env: Environment): Peer<ReadonlyArray<CelRule>> => ({
  name: 'cel-js',
  note: 'one CEL expression per binding, parsed once; context { e: event }; registered pidate()/ipv4() helpers; Map by position and event name',
  render: (bindings) =>
    bindings.map((b) => ({ id: b.id, events: b.events, position: b.position, expression: celExpression(b) })),
  compile: (rules) => compileCel(env, rules),
})
