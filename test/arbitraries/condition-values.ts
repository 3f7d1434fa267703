/**
 * Arbitrary condition values and grammar inputs: comparator spellings, `key op value` strings, durations, IP
 * addresses and networks, instants written in many offsets, Python regex literals.
 */
import fc from 'fast-check'
import { DURATION_UNITS } from '../../src/conditions/grammar/duration.js'

/** Every spelling the integer conditions accept, with the JavaScript relation it means. */
export const INTEGER_SPELLINGS: ReadonlyArray<readonly [string, (a: number, b: number) => boolean]> = [
  ['==', (a, b) => a === b],
  ['=', (a, b) => a === b],
  ["'=='", (a, b) => a === b],
  ["'='", (a, b) => a === b],
  ["'equals'", (a, b) => a === b],
  ['', (a, b) => a === b],
  ['!=', (a, b) => a !== b],
  ["'!='", (a, b) => a !== b],
  ["'!equals'", (a, b) => a !== b],
  ['<', (a, b) => a < b],
  ["'<'", (a, b) => a < b],
  ['>', (a, b) => a > b],
  ["'>'", (a, b) => a > b],
  ['<=', (a, b) => a <= b],
  ["'<='", (a, b) => a <= b],
  ['=<', (a, b) => a <= b],
  ["'=<'", (a, b) => a <= b],
  ['>=', (a, b) => a >= b],
  ["'>='", (a, b) => a >= b],
  ['=>', (a, b) => a >= b],
  ["'=>'", (a, b) => a >= b],
]

/** One integer spelling with its meaning. */
export const integerSpelling = fc.constantFrom(...INTEGER_SPELLINGS)

/** Blanks a person might type around tokens. */
export const blanks: fc.Arbitrary<string> = fc.constantFrom('', '', ' ', '  ', '\t')

/** The generic-mode comparators, written as privacyIDEA parses them (word comparators quoted). */
export const GENERIC_SPELLINGS: ReadonlyArray<readonly [string, string]> = [
  ["'equals'", 'equals'],
  ["'!equals'", '!equals'],
  ["'contains'", 'contains'],
  ["'!contains'", '!contains'],
  ["'matches'", 'matches'],
  ["'!matches'", '!matches'],
  ["'in'", 'in'],
  ["'!in'", '!in'],
  ["'<'", '<'],
  ["'>'", '>'],
  ["'date_before'", 'date_before'],
  ["'date_after'", 'date_after'],
  ["'date_within_last'", 'date_within_last'],
  ["'!date_within_last'", '!date_within_last'],
  ["'string_contains'", 'string_contains'],
  ["'!string_contains'", '!string_contains'],
  ...(['==', '!=', '<=', '=<', '>=', '=>', '<', '>', '='] as const).flatMap(
    (c) =>
      [
        [`'${c}'`, c],
        [c, c],
      ] as const,
  ),
]

/** A generic comparator spelling and the comparator it parses to. */
export const genericSpelling = fc.constantFrom(...GENERIC_SPELLINGS)

/** Text without comparator characters or quotes, trimmed and non-empty: a key or a value. */
export const plainWord: fc.Arbitrary<string> = fc
  .string({ unit: fc.constantFrom(...'abcXYZ019_-.:/{}@ éß'.split('')), minLength: 1, maxLength: 10 })
  .map((s) => s.trim())
  .filter((s) => s !== '')

/** A duration written in the grammar, with the milliseconds it means. */
export const durationText: fc.Arbitrary<{ readonly text: string; readonly ms: number }> = fc
  .record({
    lead: blanks,
    sign: fc.constantFrom('', '+', '-'),
    afterSign: blanks,
    amount: fc.nat({ max: 100000 }),
    zeros: fc.constantFrom('', '0', '00'),
    mid: blanks,
    unit: fc.constantFrom('s', 'm', 'h', 'd', 'y'),
    trail: blanks,
  })
  .map((r) => ({
    text: `${r.lead}${r.sign}${r.afterSign}${r.zeros}${r.amount}${r.mid}${r.unit}${r.trail}`,
    ms: (r.sign === '-' ? -1 : 1) * r.amount * DURATION_UNITS[r.unit as keyof typeof DURATION_UNITS],
  }))

/** An IPv4 address as a number and in dotted-quad text. */
export const ipv4: fc.Arbitrary<{ readonly value: number; readonly text: string }> = fc
  .nat({ max: 0xffffffff })
  .map((value) => ({
    value,
    text: [24, 16, 8, 0].map((s) => (value >>> s) & 0xff).join('.'),
  }))

/** An IPv6 address as a bigint and in full text (eight groups, no compression). */
export const ipv6: fc.Arbitrary<{ readonly value: bigint; readonly text: string }> = fc
  .bigInt({ min: 0n, max: (1n << 128n) - 1n })
  .map((value) => ({
    value,
    text: Array.from({ length: 8 }, (_, i) => ((value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16)).join(':'),
  }))

/** Offsets (minutes east of UTC) real clocks use, including odd ones. */
export const offsets: fc.Arbitrary<number> = fc.constantFrom(0, 60, 120, -300, 330, 345, -570, 840, -720, 59, -1)

/** An instant (whole milliseconds) between years 1900 and 2200. */
export const instantMs: fc.Arbitrary<number> = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) })

/** Python regex literal text (escaped) and the raw string it matches. */
export const regexLiteral: fc.Arbitrary<{ readonly pattern: string; readonly raw: string }> = fc
  .string({ unit: fc.constantFrom(...'abAB01 .*+?()[]{}|^$\\-'.split('')), maxLength: 6 })
  .map((raw) => ({ raw, pattern: raw.replace(/[.*+?()[\]{}|^$\\-]/g, (c) => `\\${c}`) }))

/** Short strings over a small alphabet, so literals are found often. */
export const smallText: fc.Arbitrary<string> = fc.string({
  unit: fc.constantFrom(...'abAB01 .*+?()[]{}|^$\\-\n'.split('')),
  maxLength: 10,
})

/** Values for every condition: typical, edge and malformed ones (some do not compile). */
export const CONDITION_VALUE_SAMPLES: Readonly<Record<string, ReadonlyArray<string>>> = {
  client_ip: ['10.0.0.0/24', '10.0.0.0/8, !10.0.0.1', '!10.0.0.1', '::1, 2001:db8::/32', '', '10.0.0.300'],
  realm: ['realm1', 'realm1,realm2', 'realm1,', '', 'Realm1'],
  user_info: ['givenname == Cornelius', 'userid < 1001', 'expiration > {now}-5d', "email 'matches' .*@.*", '', '== x'],
  resolver: ['resolver1', 'resolver1,resolver2', ''],
  logged_in_user: ['admin', 'user', ''],
  result_value: ['True', 'False', 'true', ''],
  result_status: ['True', 'False'],
  result_authentication: ['ACCEPT', 'REJECT', 'CHALLENGE', 'DECLINED'],
  token_locked: ['True', 'False', 'true', '1'],
  tokenrealm: ['realm1', 'realm1,realm2', ''],
  tokenresolver: ['resolver1', 'reso2,reso3'],
  serial: ['^TOTP', 'HOTP.*', '', '(?i)totp', '['],
  user_token_number: ['1', '>0', '<2', "'=='0", '>x', ''],
  user_container_number: ['0', '!=1', '>=1'],
  detail_error_message: ['does not exist$', '^$', '.*'],
  detail_message: ['special', '^matching', '(?i)TOKENS'],
  counter: ['logins > 3', 'fails == 0', 'logins < abc', "logins 'in' 1,2", 'missing == 0', ''],
  tokentype: ['totp', 'hotp,totp,', 'spass'],
  token_has_owner: ['True', 'False'],
  token_is_orphaned: ['True', 'False'],
  token_validity_period: ['True', 'False'],
  otp_counter: ['0', '>100', '<=5'],
  last_auth: ['1h', '7d', '100y', '- 5 d', '7'],
  count_auth: ['<100', '>99', '=0'],
  count_auth_success: ['>45', '0'],
  count_auth_fail: ['>45', '<1'],
  failcounter: ['<9', '>=10', '=8'],
  tokeninfo: [
    'myValue < 100',
    'last_auth < {now}-1d',
    "d 'date_within_last' 7d",
    "v 'in' a, b",
    "v 'string_contains' x",
    "v '!matches' a|b",
    'x == {other}',
    '',
  ],
  rollout_state: ['enrolled', '', 'clientwait'],
  token_is_in_container: ['True', 'False'],
  challenge_session: ['challenge_declined', 'enrollment', '^$'],
  challenge_expired: ['True', 'False', 'false'],
  container_state: ['active', 'disabled,lost', ''],
  container_exact_state: ['active', 'disabled,lost', 'disabled,disabled'],
  container_has_owner: ['True', 'False'],
  container_type: ['smartphone', 'generic'],
  container_has_token: ['True', 'False'],
  container_realm: ['realm1', 'realm1,realm2'],
  container_resolver: ['resolver1', 'resolver2'],
  container_info: ['registration_state == registered', 'challenge_ttl < 5', "k '!in' a"],
  container_last_authentication: ['1d', '1y', 'x'],
  container_last_synchronization: ['1h', '30d'],
}

/** A condition name and one of its sample values. */
export const conditionEntry: fc.Arbitrary<readonly [string, string]> = fc
  .constantFrom(...Object.keys(CONDITION_VALUE_SAMPLES))
  .chain((name) => fc.constantFrom(...(CONDITION_VALUE_SAMPLES[name] ?? [''])).map((v) => [name, v] as const))
