/**
 * The three seeded workloads of the benchmark (issue 6):
 * - realistic: 50 bindings over the common events with an administrator's condition mix, and a stream of events;
 * - scale: 100, 1,000 or 10,000 bindings spread over all 76 event identifiers — a fixed set of 40 "hot" bindings on
 *   the four events the stream carries, the rest on the other 72 identifiers (so the measured events select the
 *   same bindings at every size and the cost of bindings bound to other events shows); plus a "spread" variant where
 *   bindings and events are both uniform over the 76 identifiers;
 * - per condition: one binding per condition (and per comparison kind of the generic comparisons).
 *
 * Everything is a pure function of the seed.
 *
 * @since 0.1.0
 */
import type { Event, Position } from '../src/core/model.js'
import { makeEvent, REALMS, TOKEN_TYPES } from './events.js'
import { makeRng, type Rng } from './prng.js'
import {
  type ActionSpec,
  type BindingSpec,
  type Cidr,
  type ConditionSpec,
  conditionName,
  EVENT_NAMES,
  type IntOp,
} from './spec.js'

/** A named workload: bindings and the event stream they are measured on. @since 0.1.0 */
export interface Workload {
  readonly name: string
  readonly seed: number
  readonly bindings: ReadonlyArray<BindingSpec>
  readonly events: ReadonlyArray<Event>
}

/** An event name with a position, weighted. */
type EventMix = ReadonlyArray<readonly [number, readonly [string, Position]]>

/** The common events of a privacyIDEA installation, weighted as they occur in practice. @since 0.1.0 */
export const COMMON_EVENTS: EventMix = [
  [40, ['validate_check', 'post']],
  [5, ['validate_check', 'pre']],
  [8, ['auth', 'post']],
  [6, ['validate_triggerchallenge', 'post']],
  [3, ['validate_poll_transaction', 'post']],
  [7, ['token_init', 'post']],
  [3, ['token_init', 'pre']],
  [3, ['token_assign', 'post']],
  [2, ['token_unassign', 'post']],
  [3, ['token_disable', 'post']],
  [2, ['token_enable', 'post']],
  [2, ['token_delete', 'pre']],
  [2, ['token_reset', 'post']],
  [2, ['token_setpin', 'post']],
  [1, ['token_revoke', 'post']],
  [2, ['container_init', 'post']],
  [2, ['user_add', 'post']],
]

const CIDR_INCLUDE: ReadonlyArray<Cidr> = [
  { address: '10.0.0.0', prefix: 8 },
  { address: '192.168.0.0', prefix: 16 },
  { address: '172.16.0.0', prefix: 12 },
  { address: '10.1.0.0', prefix: 16 },
  { address: '192.168.1.0', prefix: 24 },
  { address: '203.0.113.0', prefix: 24 },
]
const CIDR_EXCLUDE: ReadonlyArray<Cidr> = [
  { address: '10.0.5.0', prefix: 24 },
  { address: '10.2.0.0', prefix: 16 },
  { address: '192.168.2.0', prefix: 24 },
  { address: '10.3.3.3', prefix: 32 },
]
const SERIAL_PATTERNS: ReadonlyArray<string> = ['TOTP', 'OATH', 'PISP', 'WAN|PIPU', 'TOTP0[0-4]', '(?i)ubom', 'PI..']

const INT_OPS: ReadonlyArray<readonly [number, IntOp]> = [
  [4, '>='],
  [3, '>'],
  [2, '=='],
  [2, '<'],
  [1, '!='],
  [1, '<='],
]

type Kind = ConditionSpec['_tag']

const CONDITION_KINDS: ReadonlyArray<readonly [number, Kind]> = [
  [4, 'realm'],
  [4, 'tokentype'],
  [3, 'resultValue'],
  [2, 'serial'],
  [2, 'failcounter'],
  [1, 'tokeninfoInt'],
  [0.6, 'tokeninfoString'],
  [0.6, 'tokeninfoDate'],
  [1.5, 'lastAuth'],
  [2, 'clientIp'],
]

const genCondition = (rng: Rng, kind: Kind): ConditionSpec => {
  switch (kind) {
    case 'realm':
      return { _tag: 'realm', realms: rng.sample(REALMS, rng.range(1, 3)) }
    case 'tokentype':
      return { _tag: 'tokentype', types: rng.sample(TOKEN_TYPES, rng.range(1, 3)) }
    case 'resultValue':
      return { _tag: 'resultValue', expect: rng.chance(0.4) }
    case 'serial':
      return { _tag: 'serial', pattern: rng.pick(SERIAL_PATTERNS) }
    case 'failcounter':
      return { _tag: 'failcounter', op: rng.weighted(INT_OPS), n: rng.range(1, 9), quoted: rng.chance(0.3) }
    case 'tokeninfoInt':
      return {
        _tag: 'tokeninfoInt',
        key: rng.pick(['count_auth', 'count_auth_success']),
        op: rng.pick(['<', '>', '<=', '>=', '=='] as const),
        n: rng.pick([10, 50, 100, 1000]),
      }
    case 'tokeninfoString':
      return rng.chance(0.7)
        ? { _tag: 'tokeninfoString', key: 'hashlib', value: rng.pick(['sha1', 'sha256']) }
        : { _tag: 'tokeninfoString', key: 'tokenkind', value: 'hardware' }
    case 'tokeninfoDate':
      return {
        _tag: 'tokeninfoDate',
        key: 'last_auth',
        op: rng.pick(['<', '>'] as const),
        n: rng.range(1, 90),
        unit: rng.weighted<'h' | 'd'>([
          [3, 'd'],
          [1, 'h'],
        ]),
      }
    case 'lastAuth':
      return rng.pick<ConditionSpec>([
        { _tag: 'lastAuth', n: 7, unit: 'd' },
        { _tag: 'lastAuth', n: 30, unit: 'd' },
        { _tag: 'lastAuth', n: 90, unit: 'd' },
        { _tag: 'lastAuth', n: 12, unit: 'h' },
        { _tag: 'lastAuth', n: 1, unit: 'y' },
      ])
    case 'clientIp':
      return {
        _tag: 'clientIp',
        include: rng.sample(CIDR_INCLUDE, rng.range(1, 2)),
        exclude: rng.sample(
          CIDR_EXCLUDE,
          rng.weighted<number>([
            [2, 0],
            [2, 1],
            [1, 2],
          ]),
        ),
      }
  }
}

const ACTIONS: ReadonlyArray<readonly [number, ActionSpec]> = [
  [
    4,
    {
      handlerModule: 'UserNotification',
      action: 'sendmail',
      options: {
        emailconfig: 'themis',
        To: 'tokenowner',
        subject: 'Token {serial}: {action}',
        body: 'Hello {givenname},\nyour token {serial} was used for {action} from {client_ip} at {time}.\n',
      },
    },
  ],
  [
    3,
    {
      handlerModule: 'Logging',
      action: 'logging',
      options: { level: 'WARNING', message: 'event={action} serial={serial} user={username}' },
    },
  ],
  [2, { handlerModule: 'Counter', action: 'increase_counter', options: { counter_name: 'failed_auth' } }],
  [1, { handlerModule: 'Token', action: 'disable', options: {} }],
  [
    1,
    {
      handlerModule: 'WebHook',
      action: 'post_webhook',
      options: {
        URL: 'https://hooks.example.com/privacyidea',
        content_type: 'application/json',
        replace: 'True',
        data: '{"serial": "{serial}", "user": "{username}", "realm": "{realm}"}',
      },
    },
  ],
  [1, { handlerModule: 'Token', action: 'set tokeninfo', options: { key: 'flagged_at', value: '{now}' } }],
]

const CONDITION_COUNT: ReadonlyArray<readonly [number, number]> = [
  [1, 0],
  [6, 1],
  [7, 2],
  [4, 3],
  [2, 4],
]

const genBinding = (
  rng: Rng,
  id: number,
  primary: readonly [string, Position],
  others: ReadonlyArray<string>,
): BindingSpec => {
  const [name, position] = primary
  const extra = rng.chance(0.15)
    ? rng.sample(
        others.filter((o) => o !== name),
        rng.range(1, 2),
      )
    : []
  const want = rng.weighted(CONDITION_COUNT)
  const conditions: ConditionSpec[] = []
  const used = new Set<string>()
  for (let attempts = 0; conditions.length < want && attempts < 50; attempts++) {
    const c = genCondition(rng, rng.weighted(CONDITION_KINDS))
    const cname = conditionName(c)
    if (used.has(cname)) continue
    used.add(cname)
    conditions.push(c)
  }
  return {
    id,
    name: `binding-${id}`,
    events: [name, ...extra],
    position,
    ordering: rng.range(0, 5),
    action: rng.weighted(ACTIONS),
    conditions,
  }
}

const genStream = (rng: Rng, mix: EventMix, count: number): ReadonlyArray<Event> =>
  Array.from({ length: count }, (_, i) => {
    const [name, position] = rng.weighted(mix)
    return makeEvent(rng, name, position, i)
  })

const commonNames = [...new Set(COMMON_EVENTS.map(([, [n]]) => n))]

/**
 * The realistic workload: 50 bindings over the common events and a stream of `events` generated calls.
 *
 * @example
 * const w = realisticWorkload(20261129)
 * w.bindings.length // 50
 * @since 0.1.0
 */
export const realisticWorkload = (seed: number, events = 1000): Workload => {
  const rng = makeRng(seed)
  const bindings = Array.from({ length: 50 }, (_, i) =>
    genBinding(rng, i + 1, rng.weighted(COMMON_EVENTS), commonNames),
  )
  return { name: 'realistic', seed, bindings, events: genStream(makeRng(seed ^ 0x9e3779b9), COMMON_EVENTS, events) }
}

/** The events the scale workload's stream carries, and their 40 hot bindings. @since 0.1.0 */
export const HOT_EVENTS: EventMix = [
  [6, ['validate_check', 'post']],
  [1, ['validate_check', 'pre']],
  [2, ['token_init', 'post']],
  [2, ['auth', 'post']],
  [1, ['token_disable', 'post']],
]
const HOT_BINDINGS = 40
const hotNames = [...new Set(HOT_EVENTS.map(([, [n]]) => n))]
const coldNames = EVENT_NAMES.filter((n) => !hotNames.includes(n))

/**
 * The scale workload: `size` bindings (≥ 40) over all 76 identifiers. The 40 hot bindings (on the four events of
 * the stream) are the same at every size; the other `size − 40` are bound to the other 72 identifiers, both
 * positions. The stream is the same at every size, so per-event cost can only grow with bindings the events do
 * not select.
 *
 * @since 0.1.0
 */
export const scaleWorkload = (seed: number, size: number, events = 1000): Workload => {
  const hotRng = makeRng(seed)
  const hot = Array.from({ length: HOT_BINDINGS }, (_, i) =>
    genBinding(hotRng, i + 1, hotRng.weighted(HOT_EVENTS), hotNames),
  )
  const coldRng = makeRng(seed ^ 0x85ebca6b)
  const cold = Array.from({ length: Math.max(0, size - HOT_BINDINGS) }, (_, i) => {
    const name = coldNames[i % coldNames.length] as string
    return genBinding(coldRng, HOT_BINDINGS + i + 1, [name, coldRng.chance(0.75) ? 'post' : 'pre'], coldNames)
  })
  return {
    name: `scale-${size}`,
    seed,
    bindings: [...hot, ...cold],
    events: genStream(makeRng(seed ^ 0x9e3779b9), HOT_EVENTS, events),
  }
}

const ALL_EVENTS: EventMix = EVENT_NAMES.flatMap(
  (n): EventMix => [
    [3, [n, 'post']],
    [1, [n, 'pre']],
  ],
)

/**
 * The spread variant of the scale workload: `size` bindings and the event stream both uniform over the 76
 * identifiers (each event selects about `size / 152` bindings, so the per-event cost grows with size here; the
 * cost per selected binding should not).
 *
 * @since 0.1.0
 */
export const spreadWorkload = (seed: number, size: number, events = 304): Workload => {
  const rng = makeRng(seed)
  const bindings = Array.from({ length: size }, (_, i) => {
    const name = EVENT_NAMES[i % EVENT_NAMES.length] as string
    return genBinding(rng, i + 1, [name, rng.chance(0.75) ? 'post' : 'pre'], EVENT_NAMES)
  })
  return { name: `spread-${size}`, seed, bindings, events: genStream(makeRng(seed ^ 0x9e3779b9), ALL_EVENTS, events) }
}

/** One row of the per-condition workload: a condition value, measured alone. @since 0.1.0 */
export interface ConditionCase {
  /** The condition family label (the condition name, with the comparison kind for the generic comparisons). */
  readonly family: string
  readonly name: string
  readonly value: string
}

/**
 * One binding per condition (42), plus the comparison kinds of the generic comparisons (tokeninfo, user_info,
 * counter, container_info), each with a value an administrator would write.
 *
 * @since 0.1.0
 */
export const CONDITION_CASES: ReadonlyArray<ConditionCase> = [
  { family: 'client_ip', name: 'client_ip', value: '10.0.0.0/8,192.168.0.0/16,-10.0.5.0/24' },
  { family: 'realm', name: 'realm', value: 'realm1,sales' },
  { family: 'resolver', name: 'resolver', value: 'realm1-resolver,ldap-resolver' },
  { family: 'user_info (string_contains)', name: 'user_info', value: "email 'string_contains' example.com" },
  { family: 'user_info (string ==)', name: 'user_info', value: 'givenname == Alice' },
  { family: 'logged_in_user', name: 'logged_in_user', value: 'admin' },
  { family: 'result_value', name: 'result_value', value: 'True' },
  { family: 'result_status', name: 'result_status', value: 'True' },
  { family: 'result_authentication', name: 'result_authentication', value: 'REJECT' },
  { family: 'token_locked', name: 'token_locked', value: 'True' },
  { family: 'tokenrealm', name: 'tokenrealm', value: 'realm1,it' },
  { family: 'tokenresolver', name: 'tokenresolver', value: 'realm1-resolver' },
  { family: 'serial', name: 'serial', value: 'TOTP0[0-4]' },
  { family: 'user_token_number', name: 'user_token_number', value: '>1' },
  { family: 'user_container_number', name: 'user_container_number', value: "'>='1" },
  { family: 'detail_error_message', name: 'detail_error_message', value: 'Missing parameter' },
  { family: 'detail_message', name: 'detail_message', value: '^wrong otp' },
  { family: 'counter', name: 'counter', value: 'failed_auth > 10' },
  { family: 'tokentype', name: 'tokentype', value: 'totp,hotp' },
  { family: 'token_has_owner', name: 'token_has_owner', value: 'True' },
  { family: 'token_is_orphaned', name: 'token_is_orphaned', value: 'True' },
  { family: 'token_validity_period', name: 'token_validity_period', value: 'False' },
  { family: 'otp_counter', name: 'otp_counter', value: '>1000' },
  { family: 'last_auth', name: 'last_auth', value: '30d' },
  { family: 'count_auth', name: 'count_auth', value: '>100' },
  { family: 'count_auth_success', name: 'count_auth_success', value: "'>='50" },
  { family: 'count_auth_fail', name: 'count_auth_fail', value: '>10' },
  { family: 'failcounter', name: 'failcounter', value: '>=3' },
  { family: 'tokeninfo (int >)', name: 'tokeninfo', value: 'count_auth > 100' },
  { family: 'tokeninfo (string ==)', name: 'tokeninfo', value: 'hashlib == sha256' },
  { family: 'tokeninfo (date < {now}-7d)', name: 'tokeninfo', value: 'last_auth < {now}-7d' },
  { family: 'tokeninfo (matches)', name: 'tokeninfo', value: "hashlib 'matches' sha(1|256)" },
  { family: 'tokeninfo (in)', name: 'tokeninfo', value: "hashlib 'in' sha1,sha512" },
  { family: 'tokeninfo (date_within_last)', name: 'tokeninfo', value: "last_auth 'date_within_last' 30d" },
  { family: 'rollout_state', name: 'rollout_state', value: 'enrolled' },
  { family: 'token_is_in_container', name: 'token_is_in_container', value: 'True' },
  { family: 'challenge_session', name: 'challenge_session', value: 'enrollment' },
  { family: 'challenge_expired', name: 'challenge_expired', value: 'False' },
  { family: 'container_state', name: 'container_state', value: 'active' },
  { family: 'container_exact_state', name: 'container_exact_state', value: 'active,lost' },
  { family: 'container_has_owner', name: 'container_has_owner', value: 'True' },
  { family: 'container_type', name: 'container_type', value: 'smartphone' },
  { family: 'container_has_token', name: 'container_has_token', value: 'True' },
  { family: 'container_realm', name: 'container_realm', value: 'realm1,sales' },
  { family: 'container_resolver', name: 'container_resolver', value: 'realm1-resolver' },
  { family: 'container_info', name: 'container_info', value: 'registration_state == registered' },
  { family: 'container_last_authentication', name: 'container_last_authentication', value: '7d' },
  { family: 'container_last_synchronization', name: 'container_last_synchronization', value: '14d' },
]

/**
 * The per-condition workload: the cases above, measured on a stream of common events (so a condition skips
 * where its subject is absent, as it would in production).
 *
 * @since 0.1.0
 */
export const perConditionEvents = (seed: number, events = 1000): ReadonlyArray<Event> =>
  genStream(makeRng(seed ^ 0x27d4eb2f), COMMON_EVENTS, events)
