/**
 * Conditions that can never hold, alone or together. The proof is by exhaustion over a finite model: for a group
 * of conditions that read the same few facts (the token's owner, the response's result, a container's states, an
 * integer counter, ...), every distinct case of those facts is built as an event, and the compiled predicates
 * themselves are run on each. The cases are exhaustive for what the conditions can distinguish (for an integer
 * comparison against constants: 0 and every constant and its neighbours), so "holds in no case" proves "holds
 * never" within the group's scope (e.g. "when a single token is resolved": without a token, token conditions are
 * skipped and pass, SPEC 3.2). The plug-ins' own semantics decide; nothing is re-implemented here.
 *
 * @since 0.1.0
 */
import type { CompiledCondition } from '../core/catalogue.js'
import { makeContext } from '../core/context.js'
import type { Container, Event, Position, Token, User } from '../core/model.js'

/**
 * What the satisfiability analysis found for one binding's conditions.
 *
 * @example
 * const u: Unsatisfiable = { _tag: 'NeverHolds', condition: 'user_token_number', value: '<0', reason: '...' }
 * @since 0.1.0
 */
export type Unsatisfiable =
  | {
      readonly _tag: 'NeverHolds'
      readonly condition: string
      readonly value: string
      /** Why, including the scope of the proof. */
      readonly reason: string
    }
  | {
      readonly _tag: 'Contradiction'
      readonly conditions: ReadonlyArray<string>
      readonly reason: string
    }

const PROBE_NOW = '2026-01-15T12:00:00+00:00'

const probeUser: User = {
  login: 'probe',
  realm: 'probe',
  resolver: 'probe',
  info: {},
  tokenCount: 1,
  containerCount: 1,
  hasLockedToken: false,
}

const probeToken: Token = {
  serial: 'PROBE0001',
  type: 'hotp',
  realms: ['probe'],
  resolvers: ['probe'],
  owner: { login: 'probe', realm: 'probe', resolver: 'probe', exists: true },
  active: true,
  failcount: 0,
  maxfail: 10,
  otpCounter: 0,
  rolloutState: 'enrolled',
  inContainer: false,
  info: {},
}

const probeContainer: Container = {
  serial: 'CONT0001',
  type: 'generic',
  states: ['active'],
  owners: [{ login: 'probe', realm: 'probe', resolver: 'probe' }],
  realms: ['probe'],
  tokenCount: 1,
  info: {},
}

const baseEvent = (position: Position): Event => ({
  name: 'validate_check',
  position,
  now: PROBE_NOW,
  request: {
    path: '/validate/check',
    method: 'POST',
    params: { user: 'probe', realm: 'probe' },
    clientIp: '192.0.2.1',
  },
  ...(position === 'post'
    ? { response: { result: { status: true, value: true, authentication: 'ACCEPT' }, detail: {} } }
    : {}),
  user: probeUser,
  serial: probeToken.serial,
  token: probeToken,
  container: probeContainer,
  counters: {},
})

const withResponse = (position: Position, response: unknown): Event => ({ ...baseEvent(position), response })

const withToken = (position: Position, token: Partial<Token>): Event => ({
  ...baseEvent(position),
  token: { ...probeToken, ...token },
})

/** Every response shape privacyIDEA sends: validate responses derive `authentication` from `value` (SPEC 3.2). */
const RESPONSES: ReadonlyArray<unknown> = [
  { result: { status: true, value: true, authentication: 'ACCEPT' }, detail: {} },
  { result: { status: true, value: true, authentication: 'CHALLENGE' }, detail: { multi_challenge: [{}] } },
  { result: { status: true, value: false, authentication: 'CHALLENGE' }, detail: { multi_challenge: [{}] } },
  { result: { status: true, value: false, authentication: 'REJECT' }, detail: {} },
  { result: { status: true, value: false, authentication: 'DECLINED' }, detail: { challenge_status: 'declined' } },
  { result: { status: true, value: true }, detail: {} },
  { result: { status: true, value: false }, detail: {} },
  { result: { status: true, value: 1 }, detail: {} },
  { result: { status: true, value: 0 }, detail: {} },
  { result: { status: true, value: { serial: 'PROBE0001' } }, detail: {} },
  { result: { status: false, error: { code: 905, message: 'ERR905' } }, detail: {} },
]

/** The comma-list items of a `multi` value, as SPEC 3.1 splits them (no trimming). */
const items = (value: string): ReadonlyArray<string> => value.split(',')

/** The integer literals in a comparison value and their neighbours, with 0: exhaustive for comparisons with them. */
const integerCases = (values: ReadonlyArray<string>): ReadonlyArray<number> => {
  const out = new Set<number>([0, 1])
  for (const v of values) {
    for (const m of v.match(/-?\d+/g) ?? []) {
      const k = Number.parseInt(m, 10)
      if (!Number.isSafeInteger(k)) continue
      for (const n of [k - 1, k, k + 1]) if (n >= 0) out.add(n)
    }
  }
  return [...out].sort((a, b) => a - b)
}

interface Probe {
  /** The condition names whose predicates read only the facts this probe varies. */
  readonly names: ReadonlyArray<string>
  /** The scope of the proof, completing "can never hold ...". */
  readonly scope: (position: Position) => string
  /** Every distinct case of the facts, given the binding's position and the group's values. */
  readonly cases: (position: Position, values: Readonly<Record<string, string>>) => ReadonlyArray<Event>
}

const MAX_CASES = 4096

const subsets = <A>(xs: ReadonlyArray<A>): ReadonlyArray<ReadonlyArray<A>> => {
  const out: Array<ReadonlyArray<A>> = [[]]
  for (const x of xs) {
    const n = out.length
    for (let i = 0; i < n; i++) out.push([...(out[i] as ReadonlyArray<A>), x])
  }
  return out
}

const integerProbe = (name: string, scope: string, set: (position: Position, n: number) => Event): Probe => ({
  names: [name],
  scope: () => scope,
  cases: (position, values) => integerCases(Object.values(values)).map((n) => set(position, n)),
})

const PROBES: ReadonlyArray<Probe> = [
  {
    names: ['result_value', 'result_status', 'result_authentication'],
    scope: (position) =>
      position === 'pre'
        ? 'in pre position, where there is no response yet'
        : 'for any response privacyIDEA sends (ACCEPT only with a true value, REJECT and DECLINED only with a false one, no authentication on errors)',
    cases: (position) => (position === 'pre' ? [baseEvent('pre')] : RESPONSES.map((r) => withResponse(position, r))),
  },
  {
    names: ['token_has_owner', 'token_is_orphaned'],
    scope: () => 'when a single token is resolved (an orphaned token has an owner record)',
    cases: (position) => {
      const { owner: _owner, ...ownerless } = probeToken
      return [
        withToken(position, {}),
        withToken(position, { owner: { login: '', realm: '', resolver: '', exists: false } }),
        { ...baseEvent(position), token: ownerless },
      ]
    },
  },
  {
    names: ['container_state', 'container_exact_state'],
    scope: () => 'when there is a container (its states active and disabled exclude each other)',
    cases: (position, values) => {
      const named = new Set<string>(['active', 'disabled', 'lost', 'damaged'])
      for (const v of Object.values(values)) for (const s of items(v)) named.add(s)
      if (named.size > 12) return []
      return subsets([...named])
        .filter((s) => !(s.includes('active') && s.includes('disabled')))
        .map((states) => ({ ...baseEvent(position), container: { ...probeContainer, states } }))
    },
  },
  {
    names: ['logged_in_user'],
    scope: () => 'for any logged-in identity (roles are admin and user) or none',
    cases: (position) => {
      const { loggedIn: _nobody, ...base } = baseEvent(position)
      return [
        base,
        { ...base, loggedIn: { role: 'admin', username: 'admin' } },
        { ...base, loggedIn: { role: 'user', username: 'probe', realm: 'probe' } },
      ]
    },
  },
  {
    names: ['tokentype'],
    scope: () => 'when a single token is resolved (token types are lower case)',
    cases: (position, values) => {
      const types = new Set<string>(['hotp'])
      for (const v of Object.values(values)) for (const t of items(v)) if (t !== '') types.add(t.toLowerCase())
      return [...types].map((type) => withToken(position, { type }))
    },
  },
  {
    names: ['container_type'],
    scope: () => 'when there is a container (container types are lower case: generic, smartphone, yubikey)',
    cases: (position, values) => {
      const types = new Set<string>(['generic', 'smartphone', 'yubikey'])
      for (const v of Object.values(values)) if (v.trim() !== '') types.add(v.trim().toLowerCase())
      return [...types].map((type) => ({ ...baseEvent(position), container: { ...probeContainer, type } }))
    },
  },
  integerProbe('user_token_number', 'when the event has a user (a token count is never negative)', (position, n) => ({
    ...baseEvent(position),
    user: { ...probeUser, tokenCount: n },
  })),
  integerProbe(
    'user_container_number',
    'when the event has a user (a container count is never negative)',
    (position, n) => ({ ...baseEvent(position), user: { ...probeUser, containerCount: n } }),
  ),
  integerProbe('otp_counter', 'when a single token is resolved (an OTP counter is never negative)', (position, n) =>
    withToken(position, { otpCounter: n }),
  ),
  integerProbe('failcounter', 'when a single token is resolved (a fail counter is never negative)', (position, n) =>
    withToken(position, { failcount: n, maxfail: Math.max(n, 10) }),
  ),
  {
    names: ['count_auth', 'count_auth_success', 'count_auth_fail'],
    scope: () =>
      'when a single token is resolved (counts are never negative, successes never exceed authentications, failures = authentications - successes)',
    cases: (position, values) => {
      const c = integerCases(Object.values(values))
      const pairs: Array<readonly [number, number]> = []
      // every vertex of the feasible region lies where two of (all, success, fail) take candidate values
      for (const x of c) {
        for (const y of c) {
          pairs.push([x, y]) // all = x, success = y
          pairs.push([x + y, x]) // success = x, fail = y
          pairs.push([x, x - y]) // all = x, fail = y
        }
      }
      const seen = new Set<string>()
      const out: Event[] = []
      for (const [all, success] of pairs) {
        if (success < 0 || success > all) continue
        const key = `${all}/${success}`
        if (seen.has(key)) continue
        seen.add(key)
        out.push(withToken(position, { info: { count_auth: String(all), count_auth_success: String(success) } }))
      }
      return out
    },
  },
]

const holds = (c: CompiledCondition, event: Event): boolean => {
  try {
    return c.test(makeContext(event)) === true
  } catch {
    return false
  }
}

const quote = (c: CompiledCondition): string => `${c.name}: ${JSON.stringify(c.value)}`

/** A `client_ip` list with only exclusions never passes when a client IP is known (SPEC 3.2). */
const clientIpOnlyExclusions = (c: CompiledCondition): Unsatisfiable | undefined => {
  const entries = c.value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
  return entries.length > 0 && entries.every((s) => s.startsWith('-') || s.startsWith('!'))
    ? {
        _tag: 'NeverHolds',
        condition: c.name,
        value: c.value,
        reason: `${quote(c)} lists only exclusions, so it can never hold when the client IP is known: add the networks to allow, e.g. "0.0.0.0/0, ::/0, ${entries[0] ?? ''}"`,
      }
    : undefined
}

/**
 * The conditions of one binding that can never hold alone, and the groups that can never hold together.
 * Conditions with warnings of their own (malformed values the plug-in already reports) are left out.
 *
 * @example
 * unsatisfiable(compiled.conditions, 'post')
 * // [{ _tag: 'Contradiction', conditions: ['token_has_owner', 'token_is_orphaned'], reason: '...' }]
 * @since 0.1.0
 */
export const unsatisfiable = (
  conditions: ReadonlyArray<CompiledCondition>,
  position: Position,
): ReadonlyArray<Unsatisfiable> => {
  const out: Unsatisfiable[] = []
  const clean = conditions.filter((c) => c.warnings.length === 0)
  for (const c of clean) {
    if (c.name !== 'client_ip') continue
    const found = clientIpOnlyExclusions(c)
    if (found !== undefined) out.push(found)
  }
  for (const probe of PROBES) {
    const group = clean.filter((c) => probe.names.includes(c.name))
    if (group.length === 0) continue
    const values: Record<string, string> = {}
    for (const c of group) values[c.name] = c.value
    const cases = probe.cases(position, values)
    if (cases.length === 0 || cases.length > MAX_CASES) continue
    const table = cases.map((event) => group.map((c) => holds(c, event)))
    const never = group.filter((_, i) => table.every((row) => row[i] === false))
    for (const c of never) {
      out.push({
        _tag: 'NeverHolds',
        condition: c.name,
        value: c.value,
        reason: `${quote(c)} can never hold ${probe.scope(position)}`,
      })
    }
    if (never.length === 0 && group.length > 1 && !table.some((row) => row.every((h) => h))) {
      out.push({
        _tag: 'Contradiction',
        conditions: group.map((c) => c.name),
        reason: `${group.map(quote).join(' and ')} can never hold together ${probe.scope(position)}`,
      })
    }
  }
  const rank = (u: Unsatisfiable): number =>
    conditions.findIndex((c) => c.name === (u._tag === 'NeverHolds' ? u.condition : u.conditions[0]))
  return out.sort((a, b) => rank(a) - rank(b))
}
