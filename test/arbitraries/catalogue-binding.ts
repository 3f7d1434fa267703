/**
 * Bindings drawn from the whole catalogue: every one of the 42 conditions with values that compile and values that
 * do not (or that compile but are malformed, SPEC D11), every handler module and action with valid and invalid
 * option values, a missing required option now and then, and a few unknown names. The condition keys (`tokeninfo`,
 * `user_info`, `container_info`, `counter`) name the facts `test/arbitraries/event.ts` generates, so conditions do
 * match often and every binding kind fires, declines, fails or stays silent in useful proportions.
 */
import fc from 'fast-check'
import { CONDITION_NAMES, type ConditionName } from '../../src/conditions/index.js'
import type { Binding, Position } from '../../src/core/model.js'
import { MODULES } from '../../src/handlers/index.js'
import type { OptionSpec } from '../../src/handlers/options.js'

/** Values of one condition: ones that compile and ones that are configuration errors or malformed comparisons. */
export interface ConditionValues {
  readonly valid: ReadonlyArray<string>
  readonly invalid: ReadonlyArray<string>
}

const BOOL_VALID = ['True', 'False', 'true', '1', '0', 'false', 'TRUE']
const BOOL_ODD = ['', 'yes', ' True', 'None']
const INT_VALID = ['0', '1', '>1', '<5', '>=2', '=<3', '!=1', '== 0', "'>' 7", '>9007199254740991', '<-1']
const INT_ODD = ['', 'abc', '>notaninteger', '<<5', '1.5', '>', '=>=3']
const DURATION_VALID = ['7d', '1h', '30m', '100y', '1s', ' 2d ', '0d']
const DURATION_ODD = ['7', '', 'd', '-1x', '1w', '99999999999999999999y']
const REGEX_VALID = ['^OATH.*', 'TOTP', 'a|b', '^$', '.*', '(?i)hotp', '(?P<x>T)OTP(?P=x)?', '\\Ade\\Z']
const REGEX_ODD = ['(', '[a-', '*', '(?<!x)', '(?P<1>a)', 'a{2,1}', '\\']

/**
 * Every condition with its values (SPEC 3). Keys of the keyed conditions are the ones the event arbitrary fills:
 * tokeninfo `last_auth`, `count_auth`, `validity_period_*`, `other`; user info `givenname`, `email`, `userid`;
 * container info `key`, `registration_state`; counters `logins`, `fails`.
 */
export const CONDITION_VALUES: Readonly<Record<ConditionName, ConditionValues>> = {
  client_ip: {
    valid: ['10.0.0.0/8', '!10.0.0.1, 0.0.0.0/0', '::/0', '192.168.0.1', '10.0.0.0/24, !10.0.0.1', '0.0.0.0/0'],
    invalid: ['not-an-ip', '10.0.0.0/33', '', '!', '256.1.1.1'],
  },
  realm: { valid: ['realm1', 'realm1,realm2', 'Realm1', 'realm2, realm1', ',', 'Ünïcødé'], invalid: [''] },
  resolver: { valid: ['resolver1', 'resolver2', 'resolver1,'], invalid: [''] },
  user_info: {
    valid: [
      'email string_contains @',
      'givenname == Alice',
      'userid > 10',
      'userid < 1001',
      'email == other@example.com',
      'givenname matches ^A.*',
      "givenname 'matches' a|b",
      'expiration < {now}-5d',
      "givenname 'in' alice,bob",
      'nonexistent == x',
    ],
    invalid: ['', 'givenname', '== x', 'x == {other}', 'givenname matches (', 'a == = b', 'x < {now}-7'],
  },
  logged_in_user: { valid: ['admin', 'user'], invalid: ['', 'root'] },
  result_value: { valid: BOOL_VALID, invalid: BOOL_ODD },
  result_status: { valid: BOOL_VALID, invalid: BOOL_ODD },
  result_authentication: { valid: ['ACCEPT', 'REJECT', 'CHALLENGE', 'DECLINED'], invalid: ['', 'accept', 'x'] },
  token_locked: { valid: BOOL_VALID, invalid: BOOL_ODD },
  tokenrealm: { valid: ['realm1', 'realm1,realm2,realm3', 'Realm1'], invalid: [''] },
  tokenresolver: { valid: ['resolver1', 'reso2,reso3'], invalid: [''] },
  serial: { valid: REGEX_VALID, invalid: REGEX_ODD },
  user_token_number: { valid: INT_VALID, invalid: INT_ODD },
  user_container_number: { valid: INT_VALID, invalid: INT_ODD },
  detail_error_message: { valid: REGEX_VALID, invalid: REGEX_ODD },
  detail_message: { valid: ['wrong', '^$', 'special', '^special', ...REGEX_VALID], invalid: REGEX_ODD },
  counter: {
    valid: ['fails > 3', 'logins == 0', 'logins<4', 'fails >= 1', 'myNonExisting < 3', 'c < abc', 'logins != 2'],
    invalid: ['', 'fails', '> 3', 'fails >> 3', 'fails == ', '__proto__ > 0'],
  },
  tokentype: { valid: ['totp', 'hotp,spass', 'totp,spass,oath,', 'HOTP', 'webauthn'], invalid: [''] },
  token_has_owner: { valid: BOOL_VALID, invalid: BOOL_ODD },
  token_is_orphaned: { valid: BOOL_VALID, invalid: BOOL_ODD },
  token_validity_period: { valid: BOOL_VALID, invalid: BOOL_ODD },
  otp_counter: { valid: ['>100', '1', '0', '<1000000'], invalid: INT_ODD },
  last_auth: { valid: DURATION_VALID, invalid: DURATION_ODD },
  count_auth: { valid: ['>2', '<50', '>100', '>99'], invalid: INT_ODD },
  count_auth_success: { valid: ['>1', '<45', '0'], invalid: INT_ODD },
  count_auth_fail: { valid: ['>0', '<45', '>45'], invalid: INT_ODD },
  failcounter: { valid: ['>5', '<3', '=8', '<9', '>9'], invalid: ['abc', '', '<', '5x'] },
  tokeninfo: {
    valid: [
      'other == x',
      'last_auth < {now}-7d',
      'last_auth > {now} + 2h',
      'count_auth > 3',
      'count_auth == 05',
      'other < ABC',
      "last_auth 'date_within_last' 7d",
      "last_auth '!date_within_last' 7d",
      'validity_period_end < 2030-01-01',
      'validity_period_start == 2017-01-01T10:00+0200',
      "other 'matches' ab.*",
      "other 'string_contains' BC",
      "other 'in' a,b,c",
      'missing == x',
      'last_auth < {current_time}-1d',
      'last_auth =< {now}',
    ],
    invalid: [
      '',
      'other',
      'x == {other}',
      "other 'matches' (",
      "last_auth 'date_within_last' 7",
      '== 5',
      'other == == x',
      'last_auth < {now}-7q',
    ],
  },
  rollout_state: { valid: ['enrolled', 'clientwait', 'fakestate', 'pending'], invalid: [''] },
  token_is_in_container: { valid: BOOL_VALID, invalid: BOOL_ODD },
  challenge_session: {
    valid: ['challenge_declined', 'enroll_via_multichallenge', 'enrollment', '^$', ...REGEX_VALID],
    invalid: REGEX_ODD,
  },
  challenge_expired: { valid: BOOL_VALID, invalid: BOOL_ODD },
  container_state: { valid: ['active', 'lost,active', 'disabled', 'damaged,lost'], invalid: ['', 'broken', ','] },
  container_exact_state: {
    valid: ['active', 'disabled', 'disabled,lost', 'disabled,disabled', 'lost,active'],
    invalid: ['', 'broken'],
  },
  container_has_owner: { valid: BOOL_VALID, invalid: BOOL_ODD },
  container_type: { valid: ['smartphone', 'generic', 'yubikey'], invalid: ['', 'phone'] },
  container_has_token: { valid: BOOL_VALID, invalid: BOOL_ODD },
  container_realm: { valid: ['realm1', 'realm1,realm2'], invalid: [''] },
  container_resolver: { valid: ['resolver1', 'resolver2'], invalid: [''] },
  container_info: {
    valid: ['key == value', 'registration_state == registered', 'key < 5', "key 'contains' x"],
    invalid: ['', 'key', '== x', 'key == {x}'],
  },
  container_last_authentication: { valid: DURATION_VALID, invalid: DURATION_ODD },
  container_last_synchronization: { valid: DURATION_VALID, invalid: DURATION_ODD },
}

/** Values that are odd for any condition: empty, blanks, unicode, control characters, reserved names. */
export const ODD_CONDITION_VALUES: ReadonlyArray<string> = [
  '',
  ' ',
  '__proto__',
  'constructor',
  '😀',
  '\u0000',
  '{now}',
  "'",
  '!',
  ',',
]

/** Names the catalogue does not know: modules, actions and conditions alike. */
export const UNKNOWN_NAMES: ReadonlyArray<string> = [
  'nosuch',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'Token ',
  'usernotification',
  '',
]

/** Event identifiers the generated bindings listen to, matching `catalogueEventVocabulary`. */
export const CATALOGUE_EVENTS: ReadonlyArray<string> = ['token_init', 'validate_check', 'auth', 'token_init ']

/** A condition value: mostly one that compiles, sometimes an invalid or an odd one. */
export const conditionValue = (name: ConditionName): fc.Arbitrary<string> => {
  const v = CONDITION_VALUES[name]
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...v.valid) },
    { weight: 2, arbitrary: fc.constantFrom(...(v.invalid.length > 0 ? v.invalid : [''])) },
    { weight: 1, arbitrary: fc.constantFrom(...ODD_CONDITION_VALUES) },
  )
}

/** Template text for a notification, log or webhook option: known tags, unknown tags and broken braces. */
const TEMPLATE_VALID = [
  'x',
  'hello {user} {givenname}',
  '{serial} on {realm}',
  'at {time} {date} from {client_ip}',
  '{{literal}} {action}',
  'Ünïcødé {username}@{userrealm}',
  '',
]
const TEMPLATE_INVALID = ['{nosuchtag}', '{', '}', '{0}', '{user!r}', '{__proto__}', '{constructor}']

/** Valid and invalid values of one option, from its table entry (plus special cases by option name). */
export const optionValues = (module: string, action: string, spec: OptionSpec): ConditionValues => {
  switch (`${module}.${spec.name}`) {
    case 'RequestMangler.match_pattern':
      return { valid: ['(.*)@(.*)', '^(\\d+)$', '(?i)(a)(b)?', '.*', ''], invalid: ['(', '(?<!x)y', '[z-a]'] }
    case 'RequestMangler.value':
      return { valid: ['', 'x', '{0}', '{1}@{0}', '{}', '{{x}}'], invalid: ['{user}', '{', '{0}{}'] }
    case 'RequestMangler.parameter':
    case 'RequestMangler.match_parameter':
      return { valid: ['user', 'realm', 'x', 'serial', 'pass'], invalid: ['__proto__', 'constructor', ''] }
    case 'ResponseMangler.JSON pointer':
      return {
        valid: ['/detail/message', '/result/value', '/detail', '/a/b/c', '//detail//serial/'],
        invalid: ['', '/', '/a/b/c/d', '/__proto__/polluted', '/constructor/prototype/x'],
      }
    case 'ResponseMangler.value':
      return { valid: ['', 'x', '42', 'True', '-0', '1_000'], invalid: ['4.2', 'abc'] }
    case 'Token.valid from':
    case 'Token.valid till':
      return {
        valid: ['2026-01-01T00:00+0000', '+7d', '-1h', '{now}', '2026-12-31 23:59:59'],
        invalid: ['garbage', '7', '{later}'],
      }
    case 'Token.additional_params':
      return { valid: ['{}', '{"genkey": 1}', ''], invalid: ['{', '[1]', 'null'] }
    case 'Token.key':
    case 'Container.key':
      return { valid: ['note', 'last_auth', 'x'], invalid: ['', '__proto__'] }
    case 'Token.value':
      return { valid: ['', '{now}', '{current_time}-7d', '{username}@{realm}', 'v'], invalid: ['{nosuch}', '{'] }
    case 'WebHook.URL':
      return { valid: ['https://hooks.example.com/x', 'http://localhost:8080'], invalid: ['', 'not a url'] }
    case 'WebHook.data':
      return {
        valid: ['{"user": "{user}"}', 'serial={serial}', '{}', '{"a": {logged_in_user}}'],
        invalid: ['{nosuchtag}', '{', ''],
      }
    case 'UserNotification.filename':
      return { valid: ['out-{random}.txt', '{serial}.txt', 'f'], invalid: ['', '{nosuch}', '../x'] }
    case 'Logging.level':
      return { valid: ['INFO', 'ERROR', 'WARNING', 'DEBUG', 'CRITICAL'], invalid: ['LOUD', ''] }
    default:
      break
  }
  const values = spec.values
  if (values !== undefined && values.length > 0) return { valid: values, invalid: ['nosuch', ' ', 'True'] }
  switch (spec.type) {
    case 'bool':
      return { valid: BOOL_VALID, invalid: BOOL_ODD }
    case 'int': {
      const lo = spec.min ?? -3
      const hi = spec.max ?? 1000
      return {
        valid: [String(lo), String(hi), String(Math.max(lo, Math.min(hi, 6))), ' 8 ', '1_0'],
        invalid: ['abc', '4.2', String(hi + 1), '', '99999999999999999999'],
      }
    }
    case 'text':
      return { valid: TEMPLATE_VALID, invalid: TEMPLATE_INVALID }
    case 'str':
      return {
        valid: action === 'sendmail' || action === 'sendsms' ? ['mail', 'x', 'user@example.com'] : ['x', 'realm1', 'v'],
        invalid: action === 'sendmail' || action === 'sendsms' ? ['', ...TEMPLATE_INVALID.slice(0, 2)] : [''],
      }
  }
}

interface ModuleAction {
  readonly handlerModule: string
  readonly action: string
  readonly options: Readonly<Record<string, string>>
}

const pickValue = (v: ConditionValues): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...(v.valid.length > 0 ? v.valid : [''])) },
    { weight: 1, arbitrary: fc.constantFrom(...(v.invalid.length > 0 ? v.invalid : [''])) },
  )

/** Script file names, including ones the Script module rejects. */
const SCRIPT_NAMES: ReadonlyArray<string> = ['notify.sh', 'run.py', '../etc/passwd', '', 'a b.sh', '__proto__']

/** One action of one module with its options (all, some or none of them), or an unknown action. */
const moduleAndAction = (): fc.Arbitrary<ModuleAction> => {
  const known = MODULES.flatMap((m) =>
    m.actions.map((a) => {
      const specs = a.options
      const values = specs.map((s) => pickValue(optionValues(m.name, a.name, s)))
      const all = fc
        .tuple(fc.constant(null), ...values)
        .map(([, ...vs]) => Object.fromEntries(specs.map((s, i) => [s.name, vs[i] ?? ''])))
      // a random subset (missing required options), or the whole set with an unknown option added
      const some = fc
        .tuple(all, fc.subarray(specs.map((s) => s.name)))
        .map(([o, keep]) => Object.fromEntries(Object.entries(o).filter(([k]) => keep.includes(k))))
      const extra = fc
        .tuple(all, fc.constantFrom(...UNKNOWN_NAMES), fc.constantFrom('x', '', '{user}'))
        .map(([o, k, v]) => ({ ...Object.fromEntries(Object.entries(o)), ...Object.fromEntries([[k, v]]) }))
      const options = fc.oneof(
        { weight: 12, arbitrary: all },
        { weight: 2, arbitrary: some },
        { weight: 1, arbitrary: extra },
      )
      const action = m.actionNames === 'script' ? fc.constantFrom(...SCRIPT_NAMES) : fc.constant(a.name)
      return fc.record({ handlerModule: fc.constant(m.name), action, options }, { noNullPrototype: true })
    }),
  )
  const unknown = fc.record(
    {
      handlerModule: fc.oneof(fc.constantFrom(...UNKNOWN_NAMES), fc.constantFrom(...MODULES.map((m) => m.name))),
      action: fc.constantFrom(...UNKNOWN_NAMES),
      options: fc.constant({}),
    },
    { noNullPrototype: true },
  )
  return fc.oneof({ weight: 25, arbitrary: fc.oneof(...known) }, { weight: 1, arbitrary: unknown })
}

/** Built once: constructing the per-action arbitraries per sample would dominate the run time. */
const MODULE_AND_ACTION: fc.Arbitrary<ModuleAction> = moduleAndAction()

const CONDITION_VALUE_ARBITRARIES = Object.fromEntries(CONDITION_NAMES.map((n) => [n, conditionValue(n)])) as Readonly<
  Record<ConditionName, fc.Arbitrary<string>>
>

/** One condition of the catalogue with one of its values (valid, invalid or odd). */
export const conditionEntry: fc.Arbitrary<readonly [ConditionName, string]> = fc
  .constantFrom(...CONDITION_NAMES)
  .chain((n) => CONDITION_VALUE_ARBITRARIES[n].map((v) => [n, v] as const))

/** Conditions: up to `max` distinct catalogue conditions, sometimes an unknown one. */
export const catalogueConditions = (max = 3): fc.Arbitrary<Readonly<Record<string, string>>> =>
  fc
    .tuple(
      fc.shuffledSubarray([...CONDITION_NAMES], { maxLength: max }),
      fc.option(fc.tuple(fc.constantFrom(...UNKNOWN_NAMES.filter((n) => n !== '')), fc.constantFrom('x', '')), {
        freq: 15,
      }),
    )
    .chain(([names, unknown]) =>
      fc.tuple(...names.map((n) => CONDITION_VALUE_ARBITRARIES[n])).map((values) => {
        const entries: Array<[string, string]> = names.map((n, i) => [n, values[i] ?? ''])
        if (unknown !== null) entries.push(unknown)
        return Object.fromEntries(entries) as Readonly<Record<string, string>>
      }),
    )

const CONDITIONS = catalogueConditions(3)

/** Options for {@link catalogueBinding}. */
export interface CatalogueBindingOptions {
  readonly maxConditions?: number
  readonly events?: ReadonlyArray<string>
}

const bindingWithoutId = (o: CatalogueBindingOptions): fc.Arbitrary<Omit<Binding, 'id'>> =>
  fc
    .record(
      {
        ma: MODULE_AND_ACTION,
        name: fc.oneof(fc.constantFrom('notify', 'disable', '', 'Ünïcødé', '__proto__'), fc.string({ maxLength: 6 })),
        events: fc.array(fc.constantFrom(...(o.events ?? CATALOGUE_EVENTS)), { minLength: 1, maxLength: 2 }),
        position: fc.constantFrom<Position>('pre', 'post'),
        ordering: fc.integer({ min: -1, max: 2 }),
        active: fc.oneof({ weight: 12, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
        abortOnError: fc.option(fc.boolean(), { freq: 2 }),
        conditions: o.maxConditions === undefined ? CONDITIONS : catalogueConditions(o.maxConditions),
      },
      { noNullPrototype: true },
    )
    .map(({ ma, abortOnError, ...rest }) => ({
      name: rest.name,
      events: rest.events,
      handlerModule: ma.handlerModule,
      action: ma.action,
      position: rest.position,
      ordering: rest.ordering,
      active: rest.active,
      ...(abortOnError === null ? {} : { abortOnError }),
      options: ma.options,
      conditions: rest.conditions,
    }))

const withId = (id: string | number, b: Omit<Binding, 'id'>): Binding => ({ id, ...b })

/** The id of the binding at index `i` of a generated list: numbers, and a string for every third. */
export const idAt = (i: number): string | number => (i % 3 === 2 ? `b${i}` : i)

/**
 * A binding of any module and action of the catalogue (sometimes an unknown one), with up to three conditions from
 * all 42, and the given id.
 *
 * @example
 * fc.sample(catalogueBinding(0), 1)[0].handlerModule // 'Token', 'WebHook', ...
 */
export const catalogueBinding = (id: string | number, o: CatalogueBindingOptions = {}): fc.Arbitrary<Binding> =>
  bindingWithoutId(o).map((b) => withId(id, b))

/**
 * A list of catalogue bindings with distinct ids (see {@link idAt}), so that audit entries and intents name their
 * binding unambiguously; orderings are small, so ties are broken by id often.
 */
export const catalogueBindings = (
  maxLength = 5,
  o: CatalogueBindingOptions = {},
): fc.Arbitrary<ReadonlyArray<Binding>> =>
  fc.array(bindingWithoutId(o), { maxLength }).map((bs) => bs.map((b, i) => withId(idAt(i), b)))
