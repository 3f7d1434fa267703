/**
 * Arbitraries for the analysis tests over the fixture catalogue: events that exercise every fact the fixture's
 * conditions and actions read, and bindings built from the fixture's conditions and actions (including failing,
 * declining, mangling and aborting ones).
 */
import fc from 'fast-check'
import type { Binding, Event, Token } from '../../src/core/model.js'

export const fixtureEventNames = ['validate_check', 'token_init', 'auth'] as const

const optional = <A>(arb: fc.Arbitrary<A>): fc.Arbitrary<A | undefined> => fc.option(arb, { nil: undefined })

/** Builds an object without the keys whose value is undefined (exactOptionalPropertyTypes). */
const compact = <A extends object>(o: A): A =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as A

const smallInt = fc.integer({ min: 0, max: 12 })

const token: fc.Arbitrary<Token> = fc
  .record({
    serial: fc.constantFrom('OATH0001', 'TOTP0002', 'aa1'),
    type: fc.constantFrom('hotp', 'totp', 'spass'),
    owner: optional(
      fc.record({
        login: fc.constant('alice'),
        realm: fc.constant('r1'),
        resolver: fc.constant('res'),
        exists: fc.boolean(),
      }),
    ),
    failcount: smallInt,
    info: fc.dictionary(
      fc.constantFrom('count_auth', 'count_auth_success', 'foo', 'validity_period_start', 'constructor'),
      fc.oneof(fc.nat({ max: 12 }).map(String), fc.constantFrom('aaaa', '2026-01-01T00:00:00Z', 'garbage')),
      { noNullPrototype: true },
    ),
  })
  .map(
    (t) =>
      compact({
        serial: t.serial,
        type: t.type,
        realms: ['r1'],
        resolvers: ['res'],
        owner: t.owner,
        failcount: t.failcount,
        maxfail: 10,
        otpCounter: 0,
        info: t.info,
      }) as Token,
  )

const response = fc.record({
  result: fc.record(
    {
      status: fc.boolean(),
      value: fc.oneof(fc.boolean(), fc.constant(1), fc.constant({ serial: 'OATH0001' })),
      authentication: fc.constantFrom('ACCEPT', 'REJECT', 'CHALLENGE'),
    },
    { requiredKeys: ['status'] },
  ),
  detail: fc.record(
    { message: fc.constantFrom('matching 1 tokens', 'wrong otp value', ''), serial: fc.constant('OATH0001') },
    { requiredKeys: [] },
  ),
})

/** An event for the fixture catalogue. */
export const fixtureEvent: fc.Arbitrary<Event> = fc
  .record({
    name: fc.constantFrom(...fixtureEventNames),
    position: fc.constantFrom('pre' as const, 'post' as const),
    params: fc.dictionary(
      fc.constantFrom('user', 'serial', 'realm', 'pass', '__proto__'),
      fc.constantFrom('alice', 'OATH0001', 'r1', ''),
      {
        noNullPrototype: true,
      },
    ),
    path: optional(fc.constantFrom('/validate/check', '/token/init')),
    clientIp: optional(fc.constantFrom('10.0.0.1', '10.0.0.2')),
    response: optional(response),
    loggedIn: optional(
      fc.constantFrom(
        { role: 'admin' as const, username: 'admin' },
        { role: 'user' as const, username: 'alice', realm: 'r1' },
      ),
    ),
    user: optional(
      fc
        .record({
          login: fc.constantFrom('alice', 'bob'),
          realm: fc.constantFrom('r1', 'r2'),
          resolver: fc.constant('res'),
          info: optional(
            fc.record(
              { givenname: fc.constant('Alice'), email: fc.constant('alice@example.org') },
              { requiredKeys: [] },
            ),
          ),
          tokenCount: optional(smallInt),
        })
        .map(compact),
    ),
    serial: optional(fc.constantFrom('OATH0001', 'OATH0001,TOTP0002', '')),
    token: optional(token),
    container: optional(
      fc.subarray(['active', 'disabled', 'lost']).map((states) => ({
        serial: 'C1',
        type: 'generic',
        states,
        owners: [],
        realms: [],
        tokenCount: 0,
        info: {},
      })),
    ),
    counters: optional(fc.dictionary(fc.constantFrom('fails', 'logins', 'x.y'), smallInt, { noNullPrototype: true })),
    baseUrl: optional(fc.constant('https://pi.example.org')),
    entropy: optional(fc.constant('00ff')),
  })
  .map(
    (e) =>
      compact({
        name: e.name,
        position: e.position,
        now: '2026-11-29T10:00:00+00:00',
        request: compact({ params: e.params, path: e.path, clientIp: e.clientIp }),
        response: e.response,
        loggedIn: e.loggedIn,
        user: e.user,
        serial: e.serial,
        token: e.token,
        container: e.container,
        counters: e.counters,
        baseUrl: e.baseUrl,
        entropy: e.entropy,
      }) as Event,
  )

const conditionChoices: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
  ['client_ip', ['10.0.0.1', '!10.0.0.2, 10.0.0.1']],
  ['logged_in_user', ['admin', 'user']],
  ['result_value', ['True', 'False']],
  ['result_status', ['True', 'False']],
  ['result_authentication', ['ACCEPT', 'REJECT']],
  ['serial', ['OATH', '^TOTP', '(']],
  ['user_token_number', ['>1', '0', '<5']],
  ['detail_message', ['wrong', '^$']],
  ['counter', ['fails > 3', 'x.y == 0']],
  ['tokentype', ['hotp', 'totp,spass']],
  ['token_has_owner', ['True', 'False']],
  ['token_is_orphaned', ['True', 'False']],
  ['token_validity_period', ['True', 'False']],
  ['failcounter', ['>5', '<3', 'abc']],
  ['count_auth', ['>2', '<10']],
  ['count_auth_success', ['>1']],
  ['count_auth_fail', ['>0']],
  ['tokeninfo', ['foo matches a+', 'foo == aaaa', 'count_auth > 3']],
  ['container_state', ['active', 'lost,active']],
  ['container_exact_state', ['active']],
  ['nosuch', ['x']],
]

const conditions: fc.Arbitrary<Readonly<Record<string, string>>> = fc
  .subarray([...conditionChoices], { maxLength: 4 })
  .chain((chosen) =>
    chosen.length === 0
      ? fc.constant([] as Array<readonly [string, string]>)
      : fc.tuple(...chosen.map(([name, values]) => fc.constantFrom(...values).map((v) => [name, v] as const))),
  )
  .map((pairs) => Object.fromEntries(pairs))

type ActionSpec = Pick<Binding, 'handlerModule' | 'action' | 'options'> & { readonly abortOnError?: boolean }

const actionChoices: ReadonlyArray<ActionSpec> = [
  { handlerModule: 'Logging', action: 'logging', options: {} },
  {
    handlerModule: 'Logging',
    action: 'logging',
    options: { message: '{username} {serial} {givenname} {action} {client_ip} {url}' },
  },
  {
    handlerModule: 'UserNotification',
    action: 'sendmail',
    options: { emailconfig: 'mail', body: 'Hello {givenname}, token {serial}' },
  },
  { handlerModule: 'UserNotification', action: 'sendmail', options: {} },
  { handlerModule: 'Token', action: 'disable', options: {} },
  { handlerModule: 'RequestMangler', action: 'set', options: { parameter: 'realm', value: 'r9' } },
  {
    handlerModule: 'RequestMangler',
    action: 'set',
    options: { parameter: 'user', value: 'x', match_parameter: 'user', match_pattern: 'al.*' },
  },
  { handlerModule: 'RequestMangler', action: 'delete', options: { parameter: 'serial' } },
  { handlerModule: 'ResponseMangler', action: 'delete', options: { 'JSON pointer': '/detail/message' } },
  { handlerModule: 'ResponseMangler', action: 'delete', options: { 'JSON pointer': '/result/authentication' } },
  { handlerModule: 'Federation', action: 'forward', options: { privacyIDEA: 'down' } },
  { handlerModule: 'Federation', action: 'forward', options: { privacyIDEA: 'down' }, abortOnError: false },
  { handlerModule: 'Federation', action: 'forward', options: { privacyIDEA: 'up' } },
  { handlerModule: 'Counter', action: 'increase_counter', options: { counter_name: 'fails' } },
  { handlerModule: 'Nope', action: 'x', options: {} },
]

/** A binding over the fixture catalogue: mostly valid, sometimes inactive, misconfigured or aborting. */
export const fixtureBinding = (id: number): fc.Arbitrary<Binding> =>
  fc
    .record({
      events: fc.subarray([...fixtureEventNames], { minLength: 1 }),
      position: fc.constantFrom('pre' as const, 'post' as const),
      ordering: fc.integer({ min: 0, max: 3 }),
      active: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      spec: fc.constantFrom(...actionChoices),
      conditions,
    })
    .map(({ spec, ...b }) => ({
      id,
      name: `b${id}`,
      ...b,
      handlerModule: spec.handlerModule,
      action: spec.action,
      options: spec.options,
      ...(spec.abortOnError !== undefined ? { abortOnError: spec.abortOnError } : {}),
    }))

/** A list of fixture bindings with distinct ids. */
export const fixtureBindings: fc.Arbitrary<ReadonlyArray<Binding>> = fc
  .integer({ min: 0, max: 6 })
  .chain(
    (n): fc.Arbitrary<ReadonlyArray<Binding>> =>
      n === 0 ? fc.constant([]) : fc.tuple(...Array.from({ length: n }, (_, i) => fixtureBinding(i + 1))),
  )
