/**
 * The workload model: bindings described as typed data (`ConditionSpec`, `ActionSpec`) from which every engine's
 * input is rendered — privacyIDEA condition strings for tripline, closures for the hand-written baseline, CEL
 * expressions, json-rules-engine rules. One description, four renderings: the engines see the same logic.
 *
 * @since 0.1.0
 */
import type { Binding, Position } from '../src/core/model.js'

/** The 76 event identifiers of SPEC section 2 (the package's own list). @since 0.1.0 */
export { EVENT_NAMES } from '../src/analysis/event-names.js'

/** An integer comparator of privacyIDEA's `compare_ints` (SPEC 3.1). @since 0.1.0 */
export type IntOp = '==' | '!=' | '<' | '>' | '<=' | '>='

/** A duration unit of the timedelta grammar. @since 0.1.0 */
export type Unit = 's' | 'm' | 'h' | 'd' | 'y'

/** An IPv4 network: base address and prefix length (a single address is /32). @since 0.1.0 */
export interface Cidr {
  readonly address: string
  readonly prefix: number
}

/**
 * One condition of the administrator's mix (realistic and scale workloads), as typed data. Each maps to exactly one
 * privacyIDEA condition name; a binding holds at most one condition per name.
 *
 * @since 0.1.0
 */
export type ConditionSpec =
  | { readonly _tag: 'realm'; readonly realms: ReadonlyArray<string> }
  | { readonly _tag: 'tokentype'; readonly types: ReadonlyArray<string> }
  | { readonly _tag: 'resultValue'; readonly expect: boolean }
  /** A regex matched at the start of the serial (Python `re.match`); the source is valid in Python and JS. */
  | { readonly _tag: 'serial'; readonly pattern: string }
  | { readonly _tag: 'failcounter'; readonly op: IntOp; readonly n: number; readonly quoted: boolean }
  /** `tokeninfo: <key> <op> <n>`: untyped `<`/`>`/`==` (both sides integers here) or typed `<=`/`>=`. */
  | {
      readonly _tag: 'tokeninfoInt'
      readonly key: string
      readonly op: '<' | '>' | '<=' | '>=' | '=='
      readonly n: number
    }
  /** `tokeninfo: <key> == <value>`: untyped equality of two non-numeric, non-date strings. */
  | { readonly _tag: 'tokeninfoString'; readonly key: string; readonly value: string }
  /** `tokeninfo: <key> <op> {now}-<n><unit>`: untyped date ordering against the minute-precision rendered clock. */
  | {
      readonly _tag: 'tokeninfoDate'
      readonly key: string
      readonly op: '<' | '>'
      readonly n: number
      readonly unit: 's' | 'm' | 'h' | 'd'
    }
  /** `last_auth: <n><unit>`: the last successful authentication is older than the duration. */
  | { readonly _tag: 'lastAuth'; readonly n: number; readonly unit: Unit }
  | { readonly _tag: 'clientIp'; readonly include: ReadonlyArray<Cidr>; readonly exclude: ReadonlyArray<Cidr> }

/** The privacyIDEA condition name of a spec. @since 0.1.0 */
export const conditionName = (c: ConditionSpec): string => {
  switch (c._tag) {
    case 'realm':
      return 'realm'
    case 'tokentype':
      return 'tokentype'
    case 'resultValue':
      return 'result_value'
    case 'serial':
      return 'serial'
    case 'failcounter':
      return 'failcounter'
    case 'tokeninfoInt':
    case 'tokeninfoString':
    case 'tokeninfoDate':
      return 'tokeninfo'
    case 'lastAuth':
      return 'last_auth'
    case 'clientIp':
      return 'client_ip'
  }
}

const cidrText = (c: Cidr): string => (c.prefix === 32 ? c.address : `${c.address}/${c.prefix}`)

/**
 * The privacyIDEA value string of a spec, exactly as an administrator types it.
 *
 * @example
 * conditionValue({ _tag: 'failcounter', op: '>=', n: 3, quoted: true }) // "'>='3"
 * @since 0.1.0
 */
export const conditionValue = (c: ConditionSpec): string => {
  switch (c._tag) {
    case 'realm':
      return c.realms.join(',')
    case 'tokentype':
      return c.types.join(',')
    case 'resultValue':
      return c.expect ? 'True' : 'False'
    case 'serial':
      return c.pattern
    case 'failcounter':
      return c.quoted ? `'${c.op}'${c.n}` : `${c.op}${c.n}`
    case 'tokeninfoInt':
      return `${c.key} ${c.op} ${c.n}`
    case 'tokeninfoString':
      return `${c.key} == ${c.value}`
    case 'tokeninfoDate':
      return `${c.key} ${c.op} {now}-${c.n}${c.unit}`
    case 'lastAuth':
      return `${c.n}${c.unit}`
    case 'clientIp':
      return [...c.include.map(cidrText), ...c.exclude.map((x) => `-${cidrText(x)}`)].join(',')
  }
}

/** A handler action with its privacyIDEA options (modules that neither mangle nor abort). @since 0.1.0 */
export interface ActionSpec {
  readonly handlerModule: string
  readonly action: string
  readonly options: Readonly<Record<string, string>>
}

/** One binding of a workload, as typed data. @since 0.1.0 */
export interface BindingSpec {
  readonly id: number
  readonly name: string
  readonly events: ReadonlyArray<string>
  readonly position: Position
  readonly ordering: number
  readonly action: ActionSpec
  /** At most one spec per condition name. */
  readonly conditions: ReadonlyArray<ConditionSpec>
}

/** Renders a binding spec as a tripline `Binding` (privacyIDEA's condition strings). @since 0.1.0 */
export const toBinding = (b: BindingSpec): Binding => ({
  id: b.id,
  name: b.name,
  events: b.events,
  handlerModule: b.action.handlerModule,
  action: b.action.action,
  position: b.position,
  ordering: b.ordering,
  active: true,
  options: b.action.options,
  conditions: Object.fromEntries(b.conditions.map((c) => [conditionName(c), conditionValue(c)])),
})

/** Milliseconds of one duration unit (`y` = 365 days). @since 0.1.0 */
export const unitMs = (unit: Unit): number => {
  switch (unit) {
    case 's':
      return 1_000
    case 'm':
      return 60_000
    case 'h':
      return 3_600_000
    case 'd':
      return 86_400_000
    case 'y':
      return 365 * 86_400_000
  }
}
