/**
 * A statement-by-statement audit of the conditions against SPEC sections 3.0, 3.1, 3.2, 7, 8 and 10 (with the
 * divergences of 0.2), through the public `evaluate`. Each test names the SPEC statement it states; the existing
 * tests in this folder cover the modules, these cover what the SPEC spells out as edge cases.
 *
 * Outcomes as in the conformance vectors: `fire` (the binding's conditions hold), `skip` (they do not),
 * `error` (a configuration or evaluation error: a failure audit entry, no intent).
 */
import { describe, expect, it } from 'vitest'
import { check } from '../../src/check.js'
import type { Challenge, Container, Event, Token, User } from '../../src/index.js'
import { evaluate } from '../../src/index.js'
import { BASE_EVENT, bindingOf } from './engine.js'

type Outcome = 'fire' | 'skip' | 'error'

/** The outcome of one binding with these conditions, through the public `evaluate`. */
const outcome = (conditions: Readonly<Record<string, string>>, event: Event = BASE_EVENT): Outcome => {
  const r = evaluate(event, [bindingOf(conditions, event)])
  const a = r.audit[0]
  if (a === undefined) return 'skip'
  return a.success && r.intents.length === 1 ? 'fire' : 'error'
}

const NOW_MS = Date.UTC(2026, 10, 29, 10, 0, 0) // BASE_EVENT.now = 2026-11-29T10:00:00+00:00
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
/** An ISO instant relative to the base event's clock (UTC, `Z`). */
const at = (deltaMs: number): string => new Date(NOW_MS + deltaMs).toISOString()

const baseUser = BASE_EVENT.user as User
const baseToken = BASE_EVENT.token as Token
const withUser = (patch: Partial<User>): Event => ({ ...BASE_EVENT, user: { ...baseUser, ...patch } })
const withToken = (patch: Partial<Token>): Event => ({ ...BASE_EVENT, token: { ...baseToken, ...patch } })
const withInfo = (info: Readonly<Record<string, string>>): Event => withToken({ info })
const withUserInfo = (info: Readonly<Record<string, string>>): Event => withUser({ info })
const withoutToken = (event: Event = BASE_EVENT): Event => {
  const { token: _t, ...rest } = event
  return rest
}
const withoutUser = (event: Event = BASE_EVENT): Event => {
  const { user: _u, ...rest } = event
  return rest
}
const container = (patch: Partial<Container> = {}): Container => ({
  serial: 'CONT0001',
  type: 'smartphone',
  states: ['active'],
  owners: [{ login: 'cornelius', realm: 'realm1', resolver: 'resolver1' }],
  realms: ['realm1'],
  tokenCount: 1,
  info: {},
  ...patch,
})
const withContainer = (patch: Partial<Container> = {}): Event => ({ ...BASE_EVENT, container: container(patch) })
const challenge = (patch: Partial<Challenge> = {}): Challenge => ({
  session: '',
  createdAt: at(-MINUTE),
  expiresAt: at(2 * MINUTE),
  ...patch,
})
const withChallenges = (...challenges: ReadonlyArray<Challenge>): Event => ({ ...BASE_EVENT, challenges })
const withResponse = (response: unknown): Event => ({ ...BASE_EVENT, response })
const pre = (): Event => {
  const { response: _r, ...rest } = BASE_EVENT
  return { ...rest, position: 'pre' }
}

describe('SPEC 3.0 evaluation order: which error surfaces', () => {
  it('an evaluation error surfaces only when every earlier condition holds', () => {
    const garbage = withToken({ info: { validity_period_end: 'not a date' } })
    expect(outcome({ token_validity_period: 'True' }, garbage)).toBe('error')
    // client_ip comes first and is false: the broken validity date is never read.
    expect(outcome({ client_ip: '192.168.0.0/16', token_validity_period: 'True' }, garbage)).toBe('skip')
    // written in the other order, the evaluation order is still SPEC 3.0's.
    expect(outcome({ token_validity_period: 'True', client_ip: '192.168.0.0/16' }, garbage)).toBe('skip')
  })

  it('client_ip is evaluated first: its evaluation error wins over a later false condition', () => {
    const badIp: Event = { ...BASE_EVENT, request: { ...BASE_EVENT.request, clientIp: 'not-an-ip' } }
    expect(outcome({ realm: 'realm2', client_ip: '10.0.0.0/8' }, badIp)).toBe('error')
  })

  it('of two evaluation errors, the earlier condition in SPEC 3.0 order surfaces', () => {
    const both: Event = {
      ...withToken({ info: { validity_period_end: 'not a date' } }),
      request: { ...BASE_EVENT.request, clientIp: 'not-an-ip' },
    }
    const r = evaluate(both, [bindingOf({ token_validity_period: 'True', client_ip: '10.0.0.0/8' }, both)])
    expect(r.audit.map((a) => [a.success, a.error?.tag])).toEqual([[false, 'AddrFormatError']])
  })

  it('the token conditions apply only with a token object: without one, each is skipped', () => {
    const none = withoutToken()
    for (const [name, value] of [
      ['tokentype', 'nosuchtype'],
      ['token_has_owner', 'False'],
      ['token_is_orphaned', 'True'],
      ['token_validity_period', 'False'],
      ['otp_counter', '>1000'],
      ['last_auth', '1s'],
      ['count_auth', '>1000'],
      ['count_auth_success', '>1000'],
      ['count_auth_fail', '>1000'],
      ['failcounter', '>1000'],
      ['tokeninfo', 'missing == x'],
      ['rollout_state', 'nosuchstate'],
      ['token_is_in_container', 'True'],
    ] as const)
      expect([name, outcome({ [name]: value }, none)]).toEqual([name, 'fire'])
  })

  it('the container conditions apply only with a container: without one, each is skipped', () => {
    for (const [name, value] of [
      ['container_state', 'lost'],
      ['container_exact_state', 'lost'],
      ['container_has_owner', 'False'],
      ['container_type', 'yubikey'],
      ['container_has_token', 'False'],
      ['container_realm', 'nosuchrealm'],
      ['container_resolver', 'nosuchresolver'],
      ['container_info', 'missing == x'],
      ['container_last_authentication', '1d'],
      ['container_last_synchronization', '1d'],
    ] as const)
      expect([name, outcome({ [name]: value })]).toEqual([name, 'fire'])
  })

  it('there is no tokengroup and no user-agent condition: such a name fails the binding (D10)', () => {
    expect(outcome({ tokengroup: 'group1' })).toBe('error')
    expect(outcome({ user_agent: 'privacyidea-cp' })).toBe('error')
    expect(outcome({ useragent: 'privacyidea-cp' })).toBe('error')
  })
})

describe('SPEC 3.1 boolean values (is_true; D2 for token_locked and token_validity_period)', () => {
  it.each([
    ['1', 'fire'],
    ['True', 'fire'],
    ['true', 'fire'],
    ['TRUE', 'fire'],
    ['tRuE', 'skip'],
    [' True', 'skip'],
    ['yes', 'skip'],
    ['on', 'skip'],
    ['0', 'skip'],
    ['', 'skip'],
  ] as const)('token_has_owner %j with an owned token → %s', (value, expected) => {
    expect(outcome({ token_has_owner: value })).toBe(expected)
  })

  it('anything but the true spellings means false', () => {
    const unowned = withToken({ owner: undefined as never })
    const { owner: _o, ...bare } = baseToken
    const ev: Event = { ...unowned, token: bare }
    expect(outcome({ token_has_owner: 'False' }, ev)).toBe('fire')
    expect(outcome({ token_has_owner: 'no' }, ev)).toBe('fire')
    expect(outcome({ token_has_owner: 'false' }, ev)).toBe('fire')
  })

  it('D2: token_locked and token_validity_period read 1/true/TRUE as true', () => {
    const locked = withToken({ failcount: 10, maxfail: 10 })
    expect(outcome({ token_locked: '1' }, locked)).toBe('fire')
    expect(outcome({ token_locked: 'TRUE' }, locked)).toBe('fire')
    expect(outcome({ token_validity_period: '1' })).toBe('fire')
    expect(outcome({ token_validity_period: 'true' })).toBe('fire')
    expect(outcome({ token_validity_period: 'yes' })).toBe('skip')
  })

  it('result_value and result_status read both sides with is_true', () => {
    expect(outcome({ result_value: 'true' })).toBe('fire')
    expect(outcome({ result_value: '1' })).toBe('fire')
    expect(outcome({ result_value: 'True' }, withResponse({ result: { status: true, value: 1 } }))).toBe('fire')
    expect(outcome({ result_status: 'TRUE' })).toBe('fire')
    expect(outcome({ result_status: 'False' }, withResponse({ result: { status: 0 } }))).toBe('fire')
  })
})

describe('SPEC 3.1 lists: split on commas, no trimming, exact and case-sensitive', () => {
  it.each([
    ['totp', 'fire'],
    ['hotp,totp', 'fire'],
    ['hotp, totp', 'skip'],
    ['TOTP', 'skip'],
    ['tot', 'skip'],
    ['totp ', 'skip'],
  ] as const)('tokentype %j for a totp token → %s', (value, expected) => {
    expect(outcome({ tokentype: value })).toBe(expected)
  })

  it('an empty item from a trailing comma is a list item', () => {
    expect(outcome({ tokentype: 'hotp,' }, withToken({ type: '' }))).toBe('fire')
    expect(outcome({ resolver: 'resolver2,' }, withoutUser())).toBe('fire')
    // container_state: every listed state, the empty one too, must be a state of the container
    expect(outcome({ container_state: 'active,' }, withContainer({ states: ['active'] }))).toBe('skip')
  })
})

describe('SPEC 3.1 integer comparison (compare_ints)', () => {
  const failcount = (n: number): Event => withToken({ failcount: n })
  it.each([
    ['==8', 8, 'fire'],
    ['==8', 9, 'skip'],
    ['=8', 8, 'fire'],
    ["'equals'8", 8, 'fire'],
    ["'equals'8", 7, 'skip'],
    ['!=8', 8, 'skip'],
    ['!=8', 7, 'fire'],
    ["'!equals'8", 7, 'fire'],
    ["'!equals'8", 8, 'skip'],
    ['<8', 7, 'fire'],
    ['<8', 8, 'skip'],
    ['>8', 9, 'fire'],
    ['>8', 8, 'skip'],
    ['<=8', 8, 'fire'],
    ['<=8', 9, 'skip'],
    ['=<8', 8, 'fire'],
    ['=<8', 9, 'skip'],
    ['>=8', 8, 'fire'],
    ['>=8', 7, 'skip'],
    ['=>8', 8, 'fire'],
    ['=>8', 7, 'skip'],
    ["'<'8", 7, 'fire'],
    ["'>'8", 9, 'fire'],
    ["'<='8", 8, 'fire'],
    ["'=>'8", 8, 'fire'],
    ["'=='8", 8, 'fire'],
    ["'!='8", 8, 'skip'],
    ['8', 8, 'fire'],
    ['8', 9, 'skip'],
    [' >= 8 ', 8, 'fire'],
    ['> 7', 8, 'fire'],
    ['>-1', 0, 'fire'],
    ['==+8', 8, 'fire'],
    ['== 08', 8, 'fire'],
  ] as const)('failcounter %j with failcount %d → %s', (value, actual, expected) => {
    expect(outcome({ failcounter: value }, failcount(actual))).toBe(expected)
  })

  it('anything left of the comparator is ignored', () => {
    expect(outcome({ failcounter: 'failcount>7' }, failcount(8))).toBe('fire')
    expect(outcome({ failcounter: 'whatever == 8' }, failcount(8))).toBe('fire')
    expect(outcome({ otp_counter: 'counter<1' })).toBe('fire')
  })

  it('an empty value, a non-integer right side or a repeated comparator is false', () => {
    for (const value of ['', '   ', '>abc', '>8.0', '>', '==8==8', '>>8', 'equals 8', '8 8', 'eight']) {
      expect([value, outcome({ failcounter: value }, failcount(8))]).toEqual([value, 'skip'])
    }
  })

  it('word comparators are quoted; integer mode has no typed comparators', () => {
    expect(outcome({ failcounter: "'contains'8" }, failcount(8))).toBe('skip')
    expect(outcome({ failcounter: "'in'8" }, failcount(8))).toBe('skip')
  })

  it('user_token_number and user_container_number take the comparators too (3.10.1)', () => {
    expect(outcome({ user_token_number: '>=1' })).toBe('fire')
    expect(outcome({ user_token_number: "'!='1" })).toBe('skip')
    expect(outcome({ user_container_number: '=>1' })).toBe('fire')
    expect(outcome({ user_container_number: '=<0' })).toBe('skip')
  })

  it('count_auth_fail = count_auth − count_auth_success; both default to 0', () => {
    expect(outcome({ count_auth_fail: '==0' })).toBe('fire')
    expect(outcome({ count_auth_fail: '==-5' }, withInfo({ count_auth_success: '5' }))).toBe('fire')
    expect(outcome({ count_auth_fail: '==7' }, withInfo({ count_auth: '7' }))).toBe('fire')
    expect(outcome({ count_auth_success: '0' })).toBe('fire')
  })
})

describe('SPEC 3.1 condition-string parser (generic mode)', () => {
  const info = withInfo({ k: 'a=b', v: 'abc', n: '5', w: 'x y' })

  it('a value that contains the comparator twice degrades to a key-less condition ⇒ false', () => {
    expect(outcome({ tokeninfo: 'k = a=b' }, info)).toBe('skip')
    expect(outcome({ tokeninfo: 'k==a==b' }, info)).toBe('skip')
    expect(outcome({ tokeninfo: 'k != a!=b' }, info)).toBe('skip')
  })

  it('quoted comparators are tried first, so a quoted word splits before a basic comparator', () => {
    expect(outcome({ tokeninfo: "k 'equals' a=b" }, info)).toBe('fire')
    expect(outcome({ tokeninfo: "k 'matches' a=.*" }, info)).toBe('fire')
    expect(outcome({ tokeninfo: "n '=='5" }, info)).toBe('fire')
    expect(outcome({ tokeninfo: "n '<'6" }, info)).toBe('fire')
  })

  it('word comparators work only quoted', () => {
    expect(outcome({ tokeninfo: 'v equals abc' }, info)).toBe('skip')
    expect(outcome({ tokeninfo: 'v matches abc' }, info)).toBe('skip')
    expect(outcome({ tokeninfo: 'v in abc,def' }, info)).toBe('skip')
    expect(outcome({ tokeninfo: "v 'in' abc,def" }, info)).toBe('fire')
  })

  it('the key and the right side are trimmed, the inner blanks kept', () => {
    expect(outcome({ tokeninfo: '  w   ==   x y  ' }, info)).toBe('fire')
    expect(outcome({ tokeninfo: 'w == x  y' }, info)).toBe('skip')
  })

  it('no comparator, an empty key or an empty value ⇒ false', () => {
    expect(outcome({ tokeninfo: 'abc' }, info)).toBe('skip')
    expect(outcome({ tokeninfo: '== abc' }, withInfo({ '': 'abc' }))).toBe('skip')
    expect(outcome({ tokeninfo: '' }, info)).toBe('skip')
    expect(outcome({ user_info: '   ' })).toBe('skip')
    expect(outcome({ container_info: '== x' }, withContainer({ info: { '': 'x' } }))).toBe('skip')
    expect(outcome({ counter: '!= 5' })).toBe('skip')
  })
})

describe('SPEC 3.1 generic key comparison: untyped comparators', () => {
  it('both sides integers ⇒ integer comparison (not string order)', () => {
    expect(outcome({ tokeninfo: 'n > 9' }, withInfo({ n: '10' }))).toBe('fire')
    expect(outcome({ tokeninfo: 'n < 9' }, withInfo({ n: '10' }))).toBe('skip')
    expect(outcome({ tokeninfo: 'n == 10' }, withInfo({ n: '010' }))).toBe('fire')
    expect(outcome({ tokeninfo: 'n != 10' }, withInfo({ n: '+10' }))).toBe('skip')
    expect(outcome({ tokeninfo: "n 'equals' -3" }, withInfo({ n: '-03' }))).toBe('fire')
    expect(outcome({ tokeninfo: "n '!equals' 3" }, withInfo({ n: '3' }))).toBe('skip')
  })

  it('else both dates ⇒ instant comparison, whatever the offsets (D7: no offset = UTC)', () => {
    const d = withInfo({ d: '2026-11-29T12:00+0200' })
    expect(outcome({ tokeninfo: 'd == 2026-11-29T10:00Z' }, d)).toBe('fire')
    expect(outcome({ tokeninfo: 'd == 2026-11-29T10:00' }, d)).toBe('fire')
    expect(outcome({ tokeninfo: 'd == 2026-11-29 10:00:00' }, d)).toBe('fire')
    expect(outcome({ tokeninfo: 'd < 2026-11-29T10:01:00+00:00' }, d)).toBe('fire')
    expect(outcome({ tokeninfo: 'd > 2026-11-29' }, d)).toBe('fire')
    expect(outcome({ tokeninfo: 'd != 2026-11-29T11:00+0100' }, d)).toBe('skip')
    // as text, "2026-11-29T12:00+0200" > "2026-11-29T11:59+0000": the instants say otherwise
    expect(outcome({ tokeninfo: 'd < 2026-11-29T11:59+0000' }, d)).toBe('fire')
  })

  it('else the raw strings, case-sensitive and lexicographic', () => {
    expect(outcome({ tokeninfo: 'v > abc' }, withInfo({ v: 'abd' }))).toBe('fire')
    expect(outcome({ tokeninfo: 'v < ABC' }, withInfo({ v: 'abc' }))).toBe('skip')
    expect(outcome({ tokeninfo: 'v > ABC' }, withInfo({ v: 'abc' }))).toBe('fire')
    expect(outcome({ tokeninfo: 'v == Abc' }, withInfo({ v: 'abc' }))).toBe('skip')
    expect(outcome({ tokeninfo: 'v != Abc' }, withInfo({ v: 'abc' }))).toBe('fire')
    // an integer against text: text order ("10" < "9")
    expect(outcome({ tokeninfo: 'v < 9x' }, withInfo({ v: '10' }))).toBe('fire')
  })

  it("dateutil's lenient forms are not dates (D13): `5` compares as an integer or as text", () => {
    expect(outcome({ tokeninfo: 'd > 5' }, withInfo({ d: '2026-11-29' }))).toBe('skip')
    expect(outcome({ tokeninfo: 'd < 9a' }, withInfo({ d: '2026-11-29' }))).toBe('fire')
  })

  it('counter: an integer against a non-integer right side: == false, != true, < and > false (10.1, D17)', () => {
    const c: Event = { ...BASE_EVENT, counters: { c: 4 } }
    expect(outcome({ counter: 'c == abc' }, c)).toBe('skip')
    expect(outcome({ counter: 'c != abc' }, c)).toBe('fire')
    expect(outcome({ counter: 'c < abc' }, c)).toBe('skip')
    expect(outcome({ counter: 'c > abc' }, c)).toBe('skip')
    expect(outcome({ counter: 'c == 04' }, c)).toBe('fire')
    expect(outcome({ counter: "c 'equals' 4" }, c)).toBe('fire')
  })

  it('a missing key is false whatever the comparator, negated ones included', () => {
    for (const value of [
      'missing == x',
      'missing != x',
      "missing '!equals' x",
      "missing '!in' a,b",
      "missing '!matches' x",
      "missing '!string_contains' x",
      "missing '!date_within_last' 1d",
      'missing < 5',
    ])
      expect([value, outcome({ tokeninfo: value })]).toEqual([value, 'skip'])
    expect(outcome({ user_info: 'nosuch != x' })).toBe('skip')
    expect(outcome({ container_info: 'nosuch != x' }, withContainer())).toBe('skip')
  })
})

describe('SPEC 3.1 generic key comparison: typed comparators', () => {
  it('<= and >= compare integers only; =< and => mean the same (D17)', () => {
    const n = withInfo({ n: '5', t: 'abc', d: '2026-11-29' })
    expect(outcome({ tokeninfo: 'n <= 5' }, n)).toBe('fire')
    expect(outcome({ tokeninfo: 'n >= 6' }, n)).toBe('skip')
    expect(outcome({ tokeninfo: 'n =< 5' }, n)).toBe('fire')
    expect(outcome({ tokeninfo: 'n => 5' }, n)).toBe('fire')
    expect(outcome({ tokeninfo: 'n => 6' }, n)).toBe('skip')
    expect(outcome({ tokeninfo: 't <= abc' }, n)).toBe('skip')
    expect(outcome({ tokeninfo: 'n <= abc' }, n)).toBe('skip')
    expect(outcome({ tokeninfo: 'd >= 2026-11-28' }, n)).toBe('skip')
    expect(outcome({ tokeninfo: 'd =< 2026-11-30' }, n)).toBe('skip')
  })

  it("'matches' needs the whole value; a leading inline flag is kept in front; '!matches' negates", () => {
    const v = withInfo({ v: 'abc' })
    expect(outcome({ tokeninfo: "v 'matches' abc" }, v)).toBe('fire')
    expect(outcome({ tokeninfo: "v 'matches' ab" }, v)).toBe('skip')
    expect(outcome({ tokeninfo: "v 'matches' (?i)ABC" }, v)).toBe('fire')
    expect(outcome({ tokeninfo: "v 'matches' ABC" }, v)).toBe('skip')
    expect(outcome({ tokeninfo: "v '!matches' b.*" }, v)).toBe('fire')
    expect(outcome({ tokeninfo: "v '!matches' a.*" }, v)).toBe('skip')
    // D14: the anchors bind the whole alternation
    expect(outcome({ tokeninfo: "v 'matches' x|abc" }, v)).toBe('fire')
    expect(outcome({ tokeninfo: "v 'matches' a|b" }, v)).toBe('skip')
  })

  it("'matches' on a counter (an integer) is false, negated or not (10.3, D17)", () => {
    const c: Event = { ...BASE_EVENT, counters: { c: 4 } }
    expect(outcome({ counter: "c 'matches' 4" }, c)).toBe('skip')
    expect(outcome({ counter: "c '!matches' 5" }, c)).toBe('skip')
  })

  it("'in' reads a CSV list: double quotes, backslash escapes, blanks after commas skipped", () => {
    const v = (x: string): Event => withInfo({ v: x })
    expect(outcome({ tokeninfo: "v 'in' a, b, c" }, v('b'))).toBe('fire')
    expect(outcome({ tokeninfo: "v 'in' a, b ,c" }, v('b'))).toBe('skip')
    expect(outcome({ tokeninfo: "v 'in' a, b ,c" }, v('b '))).toBe('fire')
    expect(outcome({ tokeninfo: 'v \'in\' "x,y", z' }, v('x,y'))).toBe('fire')
    expect(outcome({ tokeninfo: "v 'in' x\\,y, z" }, v('x,y'))).toBe('fire')
    expect(outcome({ tokeninfo: "v 'in' x\\,y, z" }, v('x'))).toBe('skip')
    expect(outcome({ tokeninfo: "v 'in' a,b" }, v('A'))).toBe('skip')
    expect(outcome({ tokeninfo: "v '!in' a,b" }, v('c'))).toBe('fire')
    expect(outcome({ tokeninfo: "v '!in' a,b" }, v('a'))).toBe('skip')
    // a malformed list is a typed-comparator error: false, negated or not
    expect(outcome({ tokeninfo: "v 'in' \"a" }, v('a'))).toBe('skip')
    expect(outcome({ tokeninfo: "v '!in' \"a" }, v('b'))).toBe('skip')
  })

  it("'contains' needs a list on the left: on text it is false, negated or not", () => {
    const v = withInfo({ v: 'abc' })
    expect(outcome({ tokeninfo: "v 'contains' b" }, v)).toBe('skip')
    expect(outcome({ tokeninfo: "v '!contains' x" }, v)).toBe('skip')
  })

  it("'string_contains' is a case-insensitive substring test; '!string_contains' negates", () => {
    const v = withInfo({ v: 'Hello World' })
    expect(outcome({ tokeninfo: "v 'string_contains' o w" }, v)).toBe('fire')
    expect(outcome({ tokeninfo: "v 'string_contains' WORLD" }, v)).toBe('fire')
    expect(outcome({ tokeninfo: "v 'string_contains' worlds" }, v)).toBe('skip')
    expect(outcome({ tokeninfo: "v '!string_contains' WORLD" }, v)).toBe('skip')
    expect(outcome({ tokeninfo: "v '!string_contains' moon" }, v)).toBe('fire')
    expect(outcome({ user_info: "email 'string_contains' LOCALHOST" })).toBe('fire')
  })

  it("'date_before' / 'date_after' compare two dates; anything that is not a date is false", () => {
    const d = withInfo({ d: '2026-11-29T10:00+0100', t: 'soon' })
    expect(outcome({ tokeninfo: "d 'date_before' 2026-11-29T09:30Z" }, d)).toBe('fire')
    expect(outcome({ tokeninfo: "d 'date_after' 2026-11-29T09:30Z" }, d)).toBe('skip')
    expect(outcome({ tokeninfo: "d 'date_after' 2026-11-28" }, d)).toBe('fire')
    expect(outcome({ tokeninfo: "d 'date_before' 2026-11-29T09:00Z" }, d)).toBe('skip')
    expect(outcome({ tokeninfo: "d 'date_after' 2026-11-29T09:00Z" }, d)).toBe('skip')
    expect(outcome({ tokeninfo: "t 'date_before' 2030-01-01" }, d)).toBe('skip')
    expect(outcome({ tokeninfo: "d 'date_before' tomorrow" }, d)).toBe('skip')
    expect(outcome({ tokeninfo: "d 'date_before' {now}" }, d)).toBe('fire')
    expect(outcome({ tokeninfo: "d 'date_after' {now}-1d" }, d)).toBe('fire')
  })

  it("'date_within_last': now − date < duration; naive dates are UTC; future dates are within", () => {
    const d = (x: string): Event => withInfo({ d: x })
    expect(outcome({ tokeninfo: "d 'date_within_last' 7d" }, d(at(-6 * DAY)))).toBe('fire')
    expect(outcome({ tokeninfo: "d 'date_within_last' 7d" }, d(at(-8 * DAY)))).toBe('skip')
    expect(outcome({ tokeninfo: "d 'date_within_last' 1h" }, d('2026-11-29 09:30:00'))).toBe('fire')
    expect(outcome({ tokeninfo: "d 'date_within_last' 1h" }, d('2026-11-29 09:30:00+0100'))).toBe('skip')
    expect(outcome({ tokeninfo: "d 'date_within_last' 1h" }, d('2026-11-29 09:30:00-0100'))).toBe('fire')
    expect(outcome({ tokeninfo: "d 'date_within_last' 1s" }, d(at(30 * DAY)))).toBe('fire')
    expect(outcome({ tokeninfo: "d '!date_within_last' 1s" }, d(at(30 * DAY)))).toBe('skip')
    expect(outcome({ tokeninfo: "d '!date_within_last' 7d" }, d(at(-8 * DAY)))).toBe('fire')
    expect(outcome({ tokeninfo: "d 'date_within_last' 1y" }, d(at(-364 * DAY)))).toBe('fire')
    expect(outcome({ tokeninfo: "d 'date_within_last' 1y" }, d(at(-366 * DAY)))).toBe('skip')
    expect(outcome({ tokeninfo: "d 'date_within_last' 90m" }, d(at(-89 * MINUTE)))).toBe('fire')
    expect(outcome({ tokeninfo: "d 'date_within_last' 90s" }, d(at(-91_000)))).toBe('skip')
  })

  it("'date_within_last' with an invalid duration or a left side that is no date is false, negated or not", () => {
    const d = withInfo({ d: at(-8 * DAY), t: 'yesterday' })
    for (const value of [
      "d 'date_within_last' 7",
      "d '!date_within_last' 7",
      "d 'date_within_last' 7w",
      "d '!date_within_last' 7w",
      "d '!date_within_last' 10M",
      "t 'date_within_last' 7d",
      "t '!date_within_last' 7d",
    ])
      expect([value, outcome({ tokeninfo: value }, d)]).toEqual([value, 'skip'])
  })
})

describe('SPEC 3.1 timedelta grammar (last_auth), 10.5', () => {
  const lastAuth = (x: string): Event => withInfo({ last_auth: x })
  it.each(['7', '7w', '10M', '7D', '1.5d', 'd', '', '7 days', '7dd', '++7d'])(
    'last_auth %j is invalid: the binding fails (privacyIDEA raises)',
    (value) => {
      expect(outcome({ last_auth: value }, lastAuth(at(-30 * DAY)))).toBe('error')
    },
  )

  it.each([
    ['7d', 'fire'],
    [' 7 d ', 'fire'],
    ['+7d', 'fire'],
    ['+ 7d', 'fire'],
    ['29d', 'fire'],
    ['31d', 'skip'],
    ['719h', 'fire'],
    ['720h', 'skip'],
    ['43199m', 'fire'],
    ['2592001s', 'skip'],
    ['1y', 'skip'],
    ['- 5 d', 'fire'],
  ] as const)('last_auth %j with the last authentication 30 days ago → %s', (value, expected) => {
    expect(outcome({ last_auth: value }, lastAuth(at(-30 * DAY)))).toBe(expected)
  })

  it('y is 365 days', () => {
    expect(outcome({ last_auth: '1y' }, lastAuth(at(-366 * DAY)))).toBe('fire')
    expect(outcome({ last_auth: '1y' }, lastAuth(at(-364 * DAY)))).toBe('skip')
  })

  it('last_auth is strictly older than the duration: last_auth + d < now', () => {
    expect(outcome({ last_auth: '1h' }, lastAuth(at(-HOUR)))).toBe('skip')
    expect(outcome({ last_auth: '1h' }, lastAuth(at(-HOUR - 1000)))).toBe('fire')
  })

  it('the stored form YYYY-MM-DD HH:MM:SS.ffffff±hhmm; a stored date without an offset is UTC', () => {
    expect(outcome({ last_auth: '1h' }, lastAuth('2026-11-29 09:59:00.000000+0000'))).toBe('skip')
    expect(outcome({ last_auth: '1h' }, lastAuth('2026-11-29 10:30:00.123456+0200'))).toBe('fire')
    expect(outcome({ last_auth: '1h' }, lastAuth('2026-11-29 08:30:00.123456'))).toBe('fire')
    expect(outcome({ last_auth: '1h' }, lastAuth('2026-11-29 09:30:00.123456'))).toBe('skip')
  })

  it('no last_auth entry ⇒ false; an unparseable one ⇒ false (D8)', () => {
    expect(outcome({ last_auth: '1h' }, withInfo({}))).toBe('skip')
    expect(outcome({ last_auth: '1h' }, lastAuth('yesterday'))).toBe('skip')
    expect(outcome({ last_auth: '1h' }, lastAuth('5'))).toBe('skip')
  })

  it('container durations use the same grammar', () => {
    const recent = withContainer({ lastAuthentication: at(-2 * HOUR), lastSynchronization: at(-2 * HOUR) })
    expect(outcome({ container_last_authentication: ' 3 h ' }, recent)).toBe('fire')
    expect(outcome({ container_last_authentication: '+3h' }, recent)).toBe('fire')
    expect(outcome({ container_last_synchronization: '1h' }, recent)).toBe('skip')
    expect(outcome({ container_last_synchronization: '121m' }, recent)).toBe('fire')
  })
})

describe('SPEC 3.1 {now} with an offset (tokeninfo, user_info; D5, D6, D18)', () => {
  const clock = (now: string, info: Readonly<Record<string, string>>): Event => ({
    ...withInfo(info),
    now,
    user: { ...baseUser, info },
  })

  it('is rendered in the offset of the event clock as YYYY-MM-DDTHH:MM±hhmm (minute precision)', () => {
    const e = clock('2026-08-21T09:30:42+02:00', {
      t: 'at 2026-08-21T09:30+0200',
      u: 'at 2026-08-21T08:30+0200',
      v: 'at 2026-08-22T09:30+0200',
    })
    expect(outcome({ user_info: 't == at {now}' }, e)).toBe('fire')
    expect(outcome({ user_info: 'u == at {now}-1h' }, e)).toBe('fire')
    expect(outcome({ user_info: 'v == at {now}+1d' }, e)).toBe('fire')
    expect(outcome({ user_info: 'v == at {now}+24h' }, e)).toBe('fire')
    expect(outcome({ user_info: 'v == at {now}+1440m' }, e)).toBe('fire')
    expect(outcome({ user_info: 'v == at {now}+86400s' }, e)).toBe('fire')
    expect(outcome({ tokeninfo: 't == at {now}' }, e)).toBe('fire')
    expect(outcome({ tokeninfo: 'u == at {now}-1h' }, e)).toBe('fire')
  })

  it('compares with a stored date at minute precision', () => {
    const e = clock('2026-11-29T10:00:42+00:00', { d: '2026-11-29T11:00+0100', e: '2026-11-29T10:00:30Z' })
    expect(outcome({ tokeninfo: 'd == {now}' }, e)).toBe('fire')
    expect(outcome({ tokeninfo: 'e > {now}' }, e)).toBe('fire')
    expect(outcome({ user_info: 'd == {now}' }, e)).toBe('fire')
  })

  it('offset units are s, m, h and d; y is not an offset unit and stays text', () => {
    const sixMonthsAgo = clock('2026-11-29T10:00:00+00:00', { d: '2026-05-29T10:00+0000' })
    // honoured, now − 1y is 2025-11-29 and d is not before it; as text "2026-05-29…" < "2026-11-29…-1y"
    expect(outcome({ tokeninfo: 'd < {now}-1y' }, sixMonthsAgo)).toBe('fire')
    expect(outcome({ tokeninfo: 'd < {now}-365d' }, sixMonthsAgo)).toBe('skip')
    expect(outcome({ user_info: 'd < {now}-365d' }, sixMonthsAgo)).toBe('skip')
  })

  it('D6: blanks around the offset are allowed', () => {
    const d = withInfo({ d: at(-3 * DAY) })
    expect(outcome({ tokeninfo: 'd < {now} - 2d' }, d)).toBe('fire')
    expect(outcome({ tokeninfo: 'd < {now} -2d' }, d)).toBe('fire')
    expect(outcome({ tokeninfo: 'd < {now}- 2d' }, d)).toBe('fire')
    expect(outcome({ tokeninfo: 'd < {now} - 4d' }, d)).toBe('skip')
  })

  it('D5: tokeninfo accepts {current_time} like {now}; any other placeholder or a stray brace is an error', () => {
    const d = withInfo({ d: at(-3 * DAY) })
    expect(outcome({ tokeninfo: 'd < {current_time}-2d' }, d)).toBe('fire')
    expect(outcome({ tokeninfo: 'd < {current_time}-4d' }, d)).toBe('skip')
    for (const value of ['d == {other}', 'd == {now', 'd == now}', 'd == {}', 'd == {NOW}', 'd == {now:%Y}'])
      expect([value, outcome({ tokeninfo: value }, d)]).toEqual([value, 'error'])
    // {{ and }} are literal braces in str.format
    expect(outcome({ tokeninfo: 'b == {{x}}' }, withInfo({ b: '{x}' }))).toBe('fire')
  })

  it('the configuration error is reported whatever the token: even when no token is resolved', () => {
    expect(outcome({ tokeninfo: 'x == {other}' }, withoutToken())).toBe('error')
  })

  it('user_info replaces {now} literally; other braces stay text', () => {
    const e = withUserInfo({ a: '{other}', b: '{now' })
    expect(outcome({ user_info: 'a == {other}' }, e)).toBe('fire')
    expect(outcome({ user_info: 'b == {now' }, e)).toBe('fire')
  })

  it('D18: every placeholder carries its own offset', () => {
    const e = clock('2026-11-29T10:00:00+00:00', { span: '2026-11-28T10:00+0000..2026-11-30T10:00+0000' })
    expect(outcome({ user_info: 'span == {now}-1d..{now}+1d' }, e)).toBe('fire')
    expect(outcome({ tokeninfo: 'span == {now}-1d..{current_time}+1d' }, e)).toBe('fire')
  })

  it('{now} is no placeholder in container_info and counter', () => {
    expect(outcome({ container_info: 'x == {now}' }, withContainer({ info: { x: '{now}' } }))).toBe('fire')
    expect(outcome({ counter: 'c < {now}' })).toBe('skip')
  })
})

describe('SPEC 3.2 client_ip', () => {
  const from = (clientIp: string): Event => ({ ...BASE_EVENT, request: { ...BASE_EVENT.request, clientIp } })
  it.each([
    ['10.0.0.0/24', '10.0.0.1', 'fire'],
    [' 10.0.0.0/24 , 192.168.0.1 ', '192.168.0.1', 'fire'],
    ['10.0.0.0/24,,', '10.0.0.7', 'fire'],
    ['10.0.0.0/24, -10.0.0.1', '10.0.0.1', 'skip'],
    ['10.0.0.0/24, !10.0.0.0/30', '10.0.0.3', 'skip'],
    ['10.0.0.0/24, !10.0.0.0/30', '10.0.0.4', 'fire'],
    ['!10.0.0.1, 10.0.0.0/24', '10.0.0.1', 'skip'],
    ['-10.0.0.1', '10.0.0.2', 'skip'],
    ['!10.0.0.1,-10.0.0.2', '192.168.0.1', 'skip'],
    ['10.0.0.1', '10.0.0.1', 'fire'],
    ['10.0.0.1', '10.0.0.2', 'skip'],
    ['0.0.0.0/0', '203.0.113.9', 'fire'],
    ['2001:db8::/32', '2001:db8::1', 'fire'],
    ['2001:db8::/32, !2001:db8::1', '2001:db8::1', 'skip'],
    ['2001:db8::/32', '10.0.0.1', 'skip'],
    ['10.0.0.0/8', '2001:db8::1', 'skip'],
  ] as const)('%j for client %s → %s', (value, ip, expected) => {
    expect(outcome({ client_ip: value }, from(ip))).toBe(expected)
  })

  it('an invalid entry is a configuration error (privacyIDEA raises)', () => {
    for (const value of ['10.0.0.0/33', '10.0.0.256', 'example.com', '10.0.0.0/24, !bogus'])
      expect([value, outcome({ client_ip: value })]).toEqual([value, 'error'])
  })

  it('no client IP known ⇒ pass, even for a list with only exclusions', () => {
    const { clientIp: _c, ...request } = BASE_EVENT.request
    expect(outcome({ client_ip: '!10.0.0.1' }, { ...BASE_EVENT, request })).toBe('fire')
    expect(outcome({ client_ip: '192.168.0.0/16' }, { ...BASE_EVENT, request })).toBe('fire')
  })
})

describe('SPEC 3.2 realm, resolver, user_info, logged_in_user', () => {
  it('realm and resolver of the empty user are ""', () => {
    expect(outcome({ realm: 'realm1' }, withoutUser())).toBe('skip')
    expect(outcome({ realm: ',realm1' }, withoutUser())).toBe('fire')
    expect(outcome({ resolver: 'resolver1' }, withoutUser())).toBe('skip')
    expect(outcome({ resolver: 'resolver1,' }, withoutUser())).toBe('fire')
  })

  it('a user without a login is the empty user: realm and resolver "", no attributes', () => {
    const nameless = withUser({ login: '' })
    expect(outcome({ realm: 'realm1' }, nameless)).toBe('skip')
    expect(outcome({ realm: 'realm1,' }, nameless)).toBe('fire')
    expect(outcome({ resolver: 'resolver1' }, nameless)).toBe('skip')
    expect(outcome({ user_info: 'givenname == Cornelius' }, nameless)).toBe('skip')
    expect(outcome({ user_token_number: '>5' }, nameless)).toBe('fire')
  })

  it('realm is a multi list (since 3.10)', () => {
    expect(outcome({ realm: 'realm3,realm1,realm2' })).toBe('fire')
    expect(outcome({ resolver: 'resolver2,resolver1' })).toBe('fire')
  })

  it('user_info: the empty user or a missing key ⇒ false; integer, date and text comparisons', () => {
    expect(outcome({ user_info: 'givenname != Nobody' }, withoutUser())).toBe('skip')
    expect(outcome({ user_info: 'givenname != Nobody' })).toBe('fire')
    expect(outcome({ user_info: 'userid == 01000' })).toBe('fire')
    expect(outcome({ user_info: 'userid > 999' })).toBe('fire')
    expect(outcome({ user_info: 'surname < L' })).toBe('fire')
    expect(outcome({ user_info: "email 'matches' .*@localhost\\.localdomain" })).toBe('fire')
    expect(outcome({ user_info: "mobile 'in' +491111, +492222" })).toBe('fire')
    expect(outcome({ user_info: "custom 'date_within_last' 1d" }, withUserInfo({ custom: at(-HOUR) }))).toBe('fire')
  })

  it('logged_in_user: the exact role; nobody logged in is role user', () => {
    expect(outcome({ logged_in_user: 'user' })).toBe('fire')
    expect(outcome({ logged_in_user: 'admin' })).toBe('skip')
    const admin: Event = { ...BASE_EVENT, loggedIn: { role: 'admin', username: 'super' } }
    expect(outcome({ logged_in_user: 'admin' }, admin)).toBe('fire')
    expect(outcome({ logged_in_user: 'Admin' }, admin)).toBe('skip')
    expect(outcome({ logged_in_user: 'user' }, admin)).toBe('skip')
    expect(outcome({ logged_in_user: 'admin ' }, admin)).toBe('skip')
    const user: Event = { ...BASE_EVENT, loggedIn: { role: 'user', username: 'cornelius', realm: 'realm1' } }
    expect(outcome({ logged_in_user: 'user' }, user)).toBe('fire')
  })
})

describe('SPEC 3.2 result_value, result_status, result_authentication', () => {
  it('result_value: missing values, objects and non-boolean results are false, so False matches', () => {
    for (const response of [
      {},
      { result: {} },
      { result: { value: { serial: 'X' } } },
      { result: { value: 'CHALLENGE' } },
      { result: { value: null } },
      { result: { value: 0 } },
      { result: { value: false } },
      'not json',
    ]) {
      expect([response, outcome({ result_value: 'False' }, withResponse(response))]).toEqual([response, 'fire'])
      expect([response, outcome({ result_value: 'True' }, withResponse(response))]).toEqual([response, 'skip'])
    }
  })

  it('pre position has no response: result_value and result_status match False', () => {
    expect(outcome({ result_value: 'False' }, pre())).toBe('fire')
    expect(outcome({ result_value: 'True' }, pre())).toBe('skip')
    expect(outcome({ result_status: 'False' }, pre())).toBe('fire')
    expect(outcome({ result_status: 'True' }, pre())).toBe('skip')
  })

  it('result_status: missing ⇒ false', () => {
    expect(outcome({ result_status: 'False' }, withResponse({ result: { value: true } }))).toBe('fire')
  })

  it('result_authentication: exact equality; missing ⇒ false', () => {
    const auth = (authentication: unknown): Event =>
      withResponse({ result: { status: true, value: false, authentication } })
    expect(outcome({ result_authentication: 'CHALLENGE' }, auth('CHALLENGE'))).toBe('fire')
    expect(outcome({ result_authentication: 'DECLINED' }, auth('DECLINED'))).toBe('fire')
    expect(outcome({ result_authentication: 'challenge' }, auth('CHALLENGE'))).toBe('skip')
    expect(outcome({ result_authentication: 'ACCEPT ' }, auth('ACCEPT'))).toBe('skip')
    expect(outcome({ result_authentication: 'ACCEPT' }, pre())).toBe('skip')
    expect(outcome({ result_authentication: 'REJECT' }, pre())).toBe('skip')
    expect(outcome({ result_authentication: 'REJECT' }, withResponse({ result: { value: false } }))).toBe('skip')
  })
})

describe('SPEC 3.2 token_locked, tokenrealm, tokenresolver, serial, user_*_number', () => {
  it('token_locked: failcount ≥ maxfail equals the expectation', () => {
    expect(outcome({ token_locked: 'True' }, withToken({ failcount: 11, maxfail: 10 }))).toBe('fire')
    expect(outcome({ token_locked: 'False' }, withToken({ failcount: 9, maxfail: 10 }))).toBe('fire')
    expect(outcome({ token_locked: 'True' }, withToken({ failcount: 0, maxfail: 0 }))).toBe('fire')
  })

  it('D3: without a single token the value is compared with user.hasLockedToken; the empty user has none', () => {
    expect(outcome({ token_locked: 'True' }, withoutToken(withUser({ hasLockedToken: true })))).toBe('fire')
    expect(outcome({ token_locked: 'False' }, withoutToken(withUser({ hasLockedToken: true })))).toBe('skip')
    expect(outcome({ token_locked: 'True' }, withoutToken(withoutUser()))).toBe('skip')
    expect(outcome({ token_locked: 'False' }, withoutToken(withoutUser()))).toBe('fire')
  })

  it('tokenrealm: any token realm listed; tokenresolver: any resolver of those realms listed', () => {
    const two = withToken({ realms: ['realmA', 'realmB'], resolvers: ['resA', 'resB'] })
    expect(outcome({ tokenrealm: 'realmB' }, two)).toBe('fire')
    expect(outcome({ tokenrealm: 'realmC,realmA' }, two)).toBe('fire')
    expect(outcome({ tokenrealm: 'realmC' }, two)).toBe('skip')
    expect(outcome({ tokenrealm: 'realma' }, two)).toBe('skip')
    expect(outcome({ tokenresolver: 'resB' }, two)).toBe('fire')
    expect(outcome({ tokenresolver: 'resC' }, two)).toBe('skip')
    expect(outcome({ tokenrealm: 'realmC' }, withoutToken())).toBe('fire')
    expect(outcome({ tokenresolver: 'resC' }, withoutToken())).toBe('fire')
    expect(outcome({ tokenresolver: 'resC' }, withToken({ realms: [], resolvers: [] }))).toBe('fire')
  })

  it('serial: re.match at the start of the serial, not a full match and not a search', () => {
    const s = (serial: string): Event => ({ ...withoutToken(), serial })
    expect(outcome({ serial: 'OATH' }, s('OATH123'))).toBe('fire')
    expect(outcome({ serial: '123' }, s('OATH123'))).toBe('skip')
    expect(outcome({ serial: 'OATH1$' }, s('OATH123'))).toBe('skip')
    expect(outcome({ serial: 'oath' }, s('OATH123'))).toBe('skip')
    expect(outcome({ serial: '(?i)oath' }, s('OATH123'))).toBe('fire')
    expect(outcome({ serial: 'X|OATH' }, s('OATH123'))).toBe('fire')
    expect(outcome({ serial: 'TOTP.*,HOTP' }, s('TOTP1,HOTP2'))).toBe('fire')
    expect(outcome({ serial: '' }, s('OATH123'))).toBe('fire')
    expect(outcome({ serial: '\\d' }, s('1OATH'))).toBe('fire')
    expect(outcome({ serial: '(?P<p>OA)TH(?P=p)?' }, s('OATH'))).toBe('fire')
  })

  it('serial: an invalid regex is a configuration error', () => {
    for (const value of ['[', '(', '*x', 'a{2,1}'])
      expect([value, outcome({ serial: value })]).toEqual([value, 'error'])
  })

  it('user_token_number and user_container_number: a missing number counts 0; the empty user ⇒ pass', () => {
    const { tokenCount: _t, containerCount: _c, ...bare } = baseUser
    const unknownCounts: Event = { ...BASE_EVENT, user: bare }
    expect(outcome({ user_token_number: '0' }, unknownCounts)).toBe('fire')
    expect(outcome({ user_container_number: '0' }, unknownCounts)).toBe('fire')
    expect(outcome({ user_token_number: '>5' }, withoutUser())).toBe('fire')
    expect(outcome({ user_container_number: '>5' }, withoutUser())).toBe('fire')
  })
})

describe('SPEC 3.2 detail_error_message, detail_message', () => {
  const detail = (d: unknown): Event => withResponse({ result: { status: true, value: true }, detail: d })
  it('a regex search, unanchored', () => {
    expect(outcome({ detail_message: 'tokens' })).toBe('fire')
    expect(outcome({ detail_message: '^matching \\d' })).toBe('fire')
    expect(outcome({ detail_message: 'Matching' })).toBe('skip')
    expect(outcome({ detail_message: '(?i)Matching' })).toBe('fire')
    expect(outcome({ detail_error_message: 'not' }, detail({ error: { message: 'user does not exist' } }))).toBe('fire')
  })

  it('a missing message is searched as "": .* and ^$ match', () => {
    for (const d of [{}, { error: {} }, undefined]) {
      expect(outcome({ detail_error_message: '.*' }, detail(d))).toBe('fire')
      expect(outcome({ detail_error_message: '^$' }, detail(d))).toBe('fire')
      expect(outcome({ detail_message: '^$' }, detail(d))).toBe('fire')
      expect(outcome({ detail_message: 'x' }, detail(d))).toBe('skip')
    }
    expect(outcome({ detail_message: '^$' }, pre())).toBe('fire')
    expect(outcome({ detail_error_message: '^$' }, pre())).toBe('fire')
  })

  it('an invalid regex is a configuration error', () => {
    expect(outcome({ detail_message: '(' })).toBe('error')
    expect(outcome({ detail_error_message: '[a-' })).toBe('error')
  })
})

describe('SPEC 3.2 counter', () => {
  it('a counter that does not exist is 0; always evaluated, without a user or a token', () => {
    const bare = withoutToken(withoutUser())
    expect(outcome({ counter: 'nosuch == 0' }, bare)).toBe('fire')
    expect(outcome({ counter: 'nosuch != 0' }, bare)).toBe('skip')
    expect(outcome({ counter: 'nosuch >= 0' }, bare)).toBe('fire')
    expect(outcome({ counter: 'hits >= 3' }, { ...bare, counters: { hits: 3 } })).toBe('fire')
    expect(outcome({ counter: "hits 'in' 1,2,3" }, { ...bare, counters: { hits: 3 } })).toBe('skip')
  })
})

describe('SPEC 3.2 tokentype, token_has_owner, token_is_orphaned', () => {
  it('tokentype: the lower-case type is listed', () => {
    expect(outcome({ tokentype: 'hotp,totp' })).toBe('fire')
    expect(outcome({ tokentype: 'hotp' })).toBe('skip')
  })

  it('token_is_orphaned: an owner record whose user does not exist', () => {
    const owner = baseToken.owner as NonNullable<Token['owner']>
    const orphan = withToken({ owner: { ...owner, exists: false } })
    expect(outcome({ token_is_orphaned: 'True' }, orphan)).toBe('fire')
    expect(outcome({ token_is_orphaned: 'False' }, orphan)).toBe('skip')
    expect(outcome({ token_is_orphaned: 'False' })).toBe('fire')
    const { owner: _o, ...unowned } = baseToken
    expect(outcome({ token_is_orphaned: 'False' }, { ...BASE_EVENT, token: unowned })).toBe('fire')
    expect(outcome({ token_has_owner: 'True' }, orphan)).toBe('fire')
  })

  it('token_is_orphaned: an owner record without a login is a user that cannot be resolved', () => {
    const owner = baseToken.owner as NonNullable<Token['owner']>
    const nameless = withToken({ owner: { ...owner, login: '', realm: '', resolver: '', exists: true } })
    expect(outcome({ token_is_orphaned: 'True' }, nameless)).toBe('fire')
    expect(outcome({ token_is_orphaned: 'False' }, nameless)).toBe('skip')
    expect(outcome({ token_has_owner: 'True' }, nameless)).toBe('fire')
    const realmless = withToken({ owner: { ...owner, realm: '', exists: true } })
    expect(outcome({ token_is_orphaned: 'False' }, realmless)).toBe('fire')
  })
})

describe('SPEC 3.2 token_validity_period', () => {
  const validity = (info: Readonly<Record<string, string>>): Event => withInfo(info)
  it('valid: not (start set and start > now) and not (end set and end < now)', () => {
    expect(outcome({ token_validity_period: 'True' }, validity({ validity_period_start: at(-DAY) }))).toBe('fire')
    expect(outcome({ token_validity_period: 'True' }, validity({ validity_period_end: at(DAY) }))).toBe('fire')
    expect(outcome({ token_validity_period: 'False' }, validity({ validity_period_start: at(DAY) }))).toBe('fire')
    expect(outcome({ token_validity_period: 'False' }, validity({ validity_period_end: at(-DAY) }))).toBe('fire')
    expect(
      outcome(
        { token_validity_period: 'True' },
        validity({ validity_period_start: at(-DAY), validity_period_end: at(DAY) }),
      ),
    ).toBe('fire')
    expect(outcome({ token_validity_period: 'True' }, validity({ validity_period_start: at(0) }))).toBe('fire')
    expect(outcome({ token_validity_period: 'True' }, validity({ validity_period_end: at(0) }))).toBe('fire')
  })

  it('reads YYYY-MM-DDThh:mm±hhmm and the legacy dd/mm/yy hh:mm', () => {
    expect(outcome({ token_validity_period: 'True' }, validity({ validity_period_end: '2026-11-29T12:00+0100' }))).toBe(
      'fire',
    )
    expect(
      outcome({ token_validity_period: 'False' }, validity({ validity_period_end: '2026-11-29T10:30+0100' })),
    ).toBe('fire')
    expect(outcome({ token_validity_period: 'True' }, validity({ validity_period_end: '30/11/26 10:00' }))).toBe('fire')
    expect(outcome({ token_validity_period: 'False' }, validity({ validity_period_start: '30/11/26 10:00' }))).toBe(
      'fire',
    )
    expect(outcome({ token_validity_period: 'False' }, validity({ validity_period_end: '28/11/26 10:00' }))).toBe(
      'fire',
    )
  })

  it('an unparseable date is an evaluation error (D13)', () => {
    expect(outcome({ token_validity_period: 'False' }, validity({ validity_period_start: 'soon' }))).toBe('error')
  })
})

describe('SPEC 3.2 otp_counter, count_auth*, failcounter, tokeninfo, rollout_state, token_is_in_container', () => {
  it('otp_counter compares the OTP counter', () => {
    expect(outcome({ otp_counter: '>=100' }, withToken({ otpCounter: 100 }))).toBe('fire')
    expect(outcome({ otp_counter: '!=100' }, withToken({ otpCounter: 100 }))).toBe('skip')
  })

  it('count_auth reads tokeninfo count_auth', () => {
    expect(outcome({ count_auth: '==12' }, withInfo({ count_auth: '12' }))).toBe('fire')
    expect(outcome({ count_auth_success: "'>'11" }, withInfo({ count_auth_success: '12' }))).toBe('fire')
  })

  it('tokeninfo: a missing key ⇒ false', () => {
    expect(outcome({ tokeninfo: 'nosuch == ' })).toBe('skip')
    expect(outcome({ tokeninfo: 'nosuch != x' })).toBe('skip')
  })

  it('rollout_state: exact equality, "" and enrolled equal in either direction', () => {
    expect(outcome({ rollout_state: 'enrolled' }, withToken({ rolloutState: '' }))).toBe('fire')
    expect(outcome({ rollout_state: '' }, withToken({ rolloutState: 'enrolled' }))).toBe('fire')
    expect(outcome({ rollout_state: 'enrolled' }, withToken({ rolloutState: undefined as never }))).toBe('fire')
    expect(outcome({ rollout_state: 'Enrolled' }, withToken({ rolloutState: 'enrolled' }))).toBe('skip')
    expect(outcome({ rollout_state: 'clientwait' }, withToken({ rolloutState: 'clientwait' }))).toBe('fire')
    expect(outcome({ rollout_state: 'clientwait' }, withToken({ rolloutState: 'enrolled' }))).toBe('skip')
    expect(outcome({ rollout_state: 'pending' }, withToken({ rolloutState: '' }))).toBe('skip')
    expect(outcome({ rollout_state: 'enrolled,pending' }, withToken({ rolloutState: 'pending' }))).toBe('skip')
  })

  it('token_is_in_container', () => {
    expect(outcome({ token_is_in_container: 'True' }, withToken({ inContainer: true }))).toBe('fire')
    expect(outcome({ token_is_in_container: 'false' }, withToken({ inContainer: true }))).toBe('skip')
  })
})

describe('SPEC 3.2 challenge_session, challenge_expired (D1)', () => {
  it('challenge_session: a prefix regex match on the single challenge session', () => {
    const one = withChallenges(challenge({ session: 'challenge_declined' }))
    expect(outcome({ challenge_session: 'challenge' }, one)).toBe('fire')
    expect(outcome({ challenge_session: 'declined' }, one)).toBe('skip')
    expect(outcome({ challenge_session: '.*declined$' }, one)).toBe('fire')
    expect(outcome({ challenge_session: 'enrollment' }, withChallenges(challenge()))).toBe('skip')
    expect(outcome({ challenge_session: '' }, withChallenges(challenge()))).toBe('fire')
    expect(outcome({ challenge_session: '(' }, one)).toBe('error')
  })

  it('0 challenges ⇒ pass; 2 or more ⇒ false (D1: only the challenge conditions)', () => {
    expect(outcome({ challenge_session: 'x' }, withChallenges())).toBe('fire')
    expect(outcome({ challenge_expired: 'True' }, withChallenges())).toBe('fire')
    const two = withChallenges(challenge(), challenge())
    expect(outcome({ challenge_session: '' }, two)).toBe('skip')
    expect(outcome({ challenge_expired: 'False' }, two)).toBe('skip')
    expect(outcome({ challenge_expired: 'True' }, two)).toBe('skip')
    expect(outcome({ tokentype: 'totp' }, two)).toBe('fire')
  })

  it('challenge_expired: expectation ≠ valid, valid = created ≤ now < expiry', () => {
    const c = (createdAt: string, expiresAt: string): Event => withChallenges(challenge({ createdAt, expiresAt }))
    expect(outcome({ challenge_expired: 'False' }, c(at(-MINUTE), at(MINUTE)))).toBe('fire')
    expect(outcome({ challenge_expired: 'True' }, c(at(-MINUTE), at(MINUTE)))).toBe('skip')
    expect(outcome({ challenge_expired: 'True' }, c(at(-2 * MINUTE), at(-MINUTE)))).toBe('fire')
    expect(outcome({ challenge_expired: 'True' }, c(at(-MINUTE), at(0)))).toBe('fire')
    expect(outcome({ challenge_expired: 'False' }, c(at(0), at(MINUTE)))).toBe('fire')
    expect(outcome({ challenge_expired: 'True' }, c(at(MINUTE), at(2 * MINUTE)))).toBe('fire')
    expect(outcome({ challenge_expired: '1' }, c(at(-MINUTE), at(-MINUTE)))).toBe('fire')
  })
})

describe('SPEC 3.2 container conditions', () => {
  it('container_state: every listed state is a state of the container, others allowed', () => {
    const c = withContainer({ states: ['disabled', 'lost'] })
    expect(outcome({ container_state: 'lost' }, c)).toBe('fire')
    expect(outcome({ container_state: 'lost,disabled' }, c)).toBe('fire')
    expect(outcome({ container_state: 'lost,active' }, c)).toBe('skip')
    expect(outcome({ container_state: 'lost, disabled' }, c)).toBe('skip')
  })

  it('container_exact_state: the listed states are exactly the states (as sets, D19)', () => {
    const c = withContainer({ states: ['disabled', 'lost'] })
    expect(outcome({ container_exact_state: 'lost,disabled' }, c)).toBe('fire')
    expect(outcome({ container_exact_state: 'lost' }, c)).toBe('skip')
    expect(outcome({ container_exact_state: 'lost,disabled,active' }, c)).toBe('skip')
    expect(outcome({ container_exact_state: 'active' }, withContainer({ states: ['active'] }))).toBe('fire')
    expect(outcome({ container_exact_state: 'lost,lost' }, withContainer({ states: ['lost', 'lost'] }))).toBe('fire')
  })

  it('container_has_owner, container_type, container_has_token', () => {
    expect(outcome({ container_has_owner: 'True' }, withContainer())).toBe('fire')
    expect(outcome({ container_has_owner: 'true' }, withContainer({ owners: [] }))).toBe('skip')
    expect(outcome({ container_type: 'smartphone' }, withContainer())).toBe('fire')
    expect(outcome({ container_type: 'Smartphone' }, withContainer())).toBe('skip')
    expect(outcome({ container_type: 'smartphone,generic' }, withContainer())).toBe('skip')
    expect(outcome({ container_has_token: 'False' }, withContainer({ tokenCount: 0 }))).toBe('fire')
    expect(outcome({ container_has_token: '1' }, withContainer({ tokenCount: 2 }))).toBe('fire')
  })

  it('container_realm / container_resolver: any listed; no realms / no owners ⇒ pass', () => {
    const c = withContainer({
      realms: ['realmA', 'realmB'],
      owners: [
        { login: 'a', realm: 'realmA', resolver: 'resA' },
        { login: 'b', realm: 'realmB', resolver: 'resB' },
      ],
    })
    expect(outcome({ container_realm: 'realmB' }, c)).toBe('fire')
    expect(outcome({ container_realm: 'realmC' }, c)).toBe('skip')
    expect(outcome({ container_resolver: 'resC,resB' }, c)).toBe('fire')
    expect(outcome({ container_resolver: 'resC' }, c)).toBe('skip')
    expect(outcome({ container_realm: 'realmC' }, withContainer({ realms: [] }))).toBe('fire')
    expect(outcome({ container_resolver: 'resC' }, withContainer({ owners: [] }))).toBe('fire')
  })

  it('container_info: generic comparison; missing key ⇒ false', () => {
    const c = withContainer({ info: { challenge_ttl: '10', state: 'registered' } })
    expect(outcome({ container_info: 'challenge_ttl > 9' }, c)).toBe('fire')
    expect(outcome({ container_info: 'challenge_ttl >= 11' }, c)).toBe('skip')
    expect(outcome({ container_info: "state 'in' registered,rollover" }, c)).toBe('fire')
    expect(outcome({ container_info: 'nosuch == 1' }, c)).toBe('skip')
  })

  it('container_last_authentication / _synchronization: set and within the duration (8: not "older than")', () => {
    const c = withContainer({ lastAuthentication: at(-2 * DAY), lastSynchronization: at(-10 * MINUTE) })
    expect(outcome({ container_last_authentication: '3d' }, c)).toBe('fire')
    expect(outcome({ container_last_authentication: '1d' }, c)).toBe('skip')
    expect(outcome({ container_last_synchronization: '11m' }, c)).toBe('fire')
    expect(outcome({ container_last_synchronization: '600s' }, c)).toBe('skip')
    expect(outcome({ container_last_authentication: '100y' }, withContainer())).toBe('skip')
  })

  it('8: the docs names container_last_auth / container_last_sync are not conditions', () => {
    expect(outcome({ container_last_auth: '1d' }, withContainer())).toBe('error')
    expect(outcome({ container_last_sync: '1d' }, withContainer())).toBe('error')
  })
})

describe('SPEC 0.2 D11: malformed comparisons stay false at evaluation and are warnings in check', () => {
  it.each([
    ['count_auth', ''],
    ['failcounter', '>abc'],
    ['tokeninfo', '== x'],
    ['tokeninfo', 'a==b==c'],
  ] as const)('%s %j', (name, value) => {
    expect(outcome({ [name]: value })).toBe('skip')
    const binding = bindingOf({ [name]: value }, BASE_EVENT)
    const diagnostics = check([binding])
    expect(diagnostics.some((d) => d.severity === 'warning')).toBe(true)
    expect(diagnostics.some((d) => d.severity === 'error')).toBe(false)
  })
})

describe('SPEC 0.2 D14: regexes are Python syntax', () => {
  const message = (m: string): Event => withResponse({ result: { status: true, value: true }, detail: { message: m } })
  it.each([
    ['happened$', 'it happened\n', 'fire'],
    ['happened$', 'it happened\n\n', 'skip'],
    ['happened\\Z', 'it happened\n', 'skip'],
    ['\\Ait', 'it happened', 'fire'],
    ['\\Ahappened', 'it happened', 'skip'],
    ['a.b', 'a\rb', 'fire'],
    ['a.b', 'a\nb', 'skip'],
    ['(?s)a.b', 'a\nb', 'fire'],
    ['^b', 'a\nb', 'skip'],
    ['(?m)^b', 'a\nb', 'fire'],
    ['(?P<x>ab)(?P=x)', 'xabab', 'fire'],
    ['(?P<x>ab)(?P=x)', 'xaba', 'skip'],
    ['\\d{2}', 'x٣٤', 'fire'],
    ['(?a)\\d{2}', 'x٣٤', 'skip'],
    ['\\w+é', 'café', 'fire'],
    ['a{,2}b', 'aab', 'fire'],
    ['(?x) a b  # comment', 'ab', 'fire'],
    ['(?i)ÄB', 'äb', 'fire'],
    ['[[]', 'x[', 'fire'],
    ['\\/', 'a/b', 'fire'],
  ] as const)('detail_message %j searched in %j → %s', (pattern, text, expected) => {
    expect(outcome({ detail_message: pattern }, message(text))).toBe(expected)
  })

  it('serial and challenge_session: re.match, anchored at the start only', () => {
    const s: Event = { ...withoutToken(), serial: 'TOTP0001' }
    expect(outcome({ serial: 'TOTP|HOTP' }, s)).toBe('fire')
    expect(outcome({ serial: 'HOTP|0001' }, s)).toBe('skip')
    expect(outcome({ serial: '.*0001' }, s)).toBe('fire')
    const c = withChallenges(challenge({ session: 'challenge_cancelled' }))
    expect(outcome({ challenge_session: 'enrollment|challenge_(declined|cancelled)' }, c)).toBe('fire')
  })

  it('patterns Python rejects, and constructs without a faithful translation, are configuration errors', () => {
    for (const pattern of ['(?<x>a)(?P=y)', '(?(1)a|b)', 'a++', '(?>a)', '\\N{DASH}', '(?i:a)b', '(?L)a'])
      expect([pattern, outcome({ detail_message: pattern })]).toEqual([pattern, 'error'])
  })
})
