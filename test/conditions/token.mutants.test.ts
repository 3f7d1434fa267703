/**
 * Behaviour of the token conditions (SPEC 3.2) that a mutation run of src/conditions/token.ts found untested: what
 * `explain` (a condition's trace) says for each verdict, why a condition is skipped, and which event facts each
 * condition reads.
 */
import { describe, expect, it } from 'vitest'
import type { Event } from '../../src/core/model.js'
import { BASE_EVENT, verdict, withEvent, withoutToken, withToken } from './engine.js'
import { compiled, traceOf as traced } from './trace-helpers.js'

const token = BASE_EVENT.token as NonNullable<Event['token']>
const user = BASE_EVENT.user as NonNullable<Event['user']>

describe('without a single token, the token conditions are skipped, and say so', () => {
  it.each([
    ['tokenrealm', 'realm2'],
    ['tokenresolver', 'reso2'],
    ['tokentype', 'spass'],
    ['token_has_owner', 'False'],
    ['token_is_orphaned', 'True'],
    ['token_validity_period', 'False'],
    ['otp_counter', '>5'],
    ['failcounter', '>5'],
    ['rollout_state', 'clientwait'],
    ['token_is_in_container', 'True'],
  ])('%s: %j', (name, value) => {
    expect(traced(name, value, withoutToken())).toMatchObject({
      verdict: 'skip',
      reason: 'the event has no single token',
    })
    expect(verdict({ [name]: value }, withoutToken())).toBe('fire')
  })
  it('with a token they are not skipped', () => {
    expect(traced('tokentype', 'spass').verdict).toBe('fail')
    expect(traced('token_has_owner', 'False').verdict).toBe('fail')
    expect(traced('otp_counter', '>5').verdict).toBe('fail')
  })
})

describe('token_locked', () => {
  it('is never skipped: without a token it reads the user, with one the fail counter', () => {
    const lockedUser = { ...withoutToken(), user: { ...user, hasLockedToken: true } }
    expect(traced('token_locked', 'True', lockedUser)).toEqual({
      name: 'token_locked',
      value: 'True',
      verdict: 'pass',
      compared: { actual: true, expected: true },
      reason:
        'the token is locked (failcount ≥ maxfail; without a single token: the user has a locked token): true, expected true',
    })
    expect(traced('token_locked', 'True')).toMatchObject({
      verdict: 'fail',
      compared: { actual: false, expected: true },
    })
    expect(traced('token_locked', 'False', withToken({ failcount: 10 }))).toMatchObject({
      verdict: 'fail',
      compared: { actual: true, expected: false },
    })
  })
  it('without a token and without a user it is false', () => {
    const { user: _u, ...nobody } = withoutToken()
    expect(verdict({ token_locked: 'False' }, nobody)).toBe('fire')
    expect(verdict({ token_locked: 'True' }, nobody)).toBe('skip')
  })
  it('reads the fail counter, the maximum and the user’s locked-token flag', () => {
    expect(compiled('token_locked', 'True').facts).toEqual(['token.failcount', 'token.maxfail', 'user.hasLockedToken'])
  })
})

describe('tokenrealm and tokenresolver', () => {
  it('explain: which realms were compared with the list', () => {
    expect(traced('tokenrealm', 'realm2,realm1')).toMatchObject({
      verdict: 'pass',
      compared: { actual: ['realm1'], list: ['realm2', 'realm1'] },
      reason: 'a token realm is in the list',
    })
    expect(traced('tokenrealm', 'realm2')).toMatchObject({
      verdict: 'fail',
      compared: { actual: ['realm1'], list: ['realm2'] },
      reason: 'no token realm is in the list',
    })
  })
  it('explain: which resolvers were compared with the list', () => {
    expect(traced('tokenresolver', 'resolver1')).toMatchObject({
      verdict: 'pass',
      compared: { actual: ['resolver1'], list: ['resolver1'] },
      reason: 'a token resolver is in the list',
    })
    expect(traced('tokenresolver', 'reso2,reso3')).toMatchObject({
      verdict: 'fail',
      compared: { actual: ['resolver1'], list: ['reso2', 'reso3'] },
      reason: 'no token resolver is in the list',
    })
  })
  it('a token without realms or resolvers is skipped, and the trace says why', () => {
    expect(traced('tokenrealm', 'realm2', withToken({ realms: [] }))).toMatchObject({
      verdict: 'skip',
      reason: 'the token has no realm',
    })
    expect(traced('tokenresolver', 'reso2', withToken({ resolvers: [] }))).toMatchObject({
      verdict: 'skip',
      reason: 'the token has no realm with a resolver',
    })
  })
  it('a token in several realms passes when any one of them is listed', () => {
    const two = withToken({ realms: ['realmA', 'realmB'], resolvers: ['resA', 'resB'] })
    expect(verdict({ tokenrealm: 'realmB' }, two)).toBe('fire')
    expect(verdict({ tokenrealm: 'realmA' }, two)).toBe('fire')
    expect(verdict({ tokenrealm: 'realmC' }, two)).toBe('skip')
    expect(verdict({ tokenresolver: 'resB' }, two)).toBe('fire')
    expect(verdict({ tokenresolver: 'resC' }, two)).toBe('skip')
  })
  it('read the realms and the resolvers only', () => {
    expect(compiled('tokenrealm', 'r').facts).toEqual(['token.realms'])
    expect(compiled('tokenresolver', 'r').facts).toEqual(['token.resolvers'])
  })
})

describe('serial', () => {
  it('explain: the pattern matched at the start of the serial', () => {
    expect(traced('serial', 'OATH')).toMatchObject({
      verdict: 'pass',
      compared: { actual: 'OATH0001', pattern: 'OATH' },
      reason: '"OATH" matches at the start of the serial "OATH0001"',
    })
    expect(traced('serial', 'TOTP', { ...withoutToken(), serial: 'HOTP1' })).toMatchObject({
      verdict: 'fail',
      compared: { actual: 'HOTP1' },
      reason: '"TOTP" does not match at the start of the serial "HOTP1"',
    })
  })
  it('an event without a serial, or with an empty one, is skipped', () => {
    const { serial: _s, ...noSerial } = withoutToken()
    expect(traced('serial', 'x', noSerial)).toMatchObject({ verdict: 'skip', reason: 'the event has no serial' })
    expect(traced('serial', 'x', { ...noSerial, serial: '' })).toMatchObject({
      verdict: 'skip',
      reason: 'the event has no serial',
    })
    expect(verdict({ serial: 'x' }, { ...noSerial, serial: '' })).toBe('fire')
  })
  it('the single token’s serial wins over the request serial', () => {
    const both = withEvent({ serial: 'HOTP1', token: { ...token, serial: 'TOTP1' } })
    expect(verdict({ serial: 'TOTP' }, both)).toBe('fire')
    expect(verdict({ serial: 'HOTP' }, both)).toBe('skip')
  })
  it('reads the request serial and the token serial', () => {
    expect(compiled('serial', 'x').facts).toEqual(['serial', 'token.serial'])
  })
})

describe('tokentype', () => {
  it('explain: the token type and the list', () => {
    expect(traced('tokentype', 'hotp,totp')).toMatchObject({
      verdict: 'pass',
      compared: { actual: 'totp', list: ['hotp', 'totp'] },
      reason: 'the token type "totp" is in the list',
    })
  })
  it('reads the token type', () => {
    expect(compiled('tokentype', 'pw').facts).toEqual(['token.type'])
  })
})

describe('token_has_owner and token_is_orphaned', () => {
  const { owner: _o, ...unowned } = token
  it('explain: whether the token has an owner', () => {
    expect(traced('token_has_owner', 'False')).toMatchObject({
      verdict: 'fail',
      compared: { actual: true, expected: false },
      reason: 'the token has an owner: true, expected false',
    })
    expect(traced('token_has_owner', 'False', withEvent({ token: unowned }))).toMatchObject({
      verdict: 'pass',
      compared: { actual: false, expected: false },
    })
  })
  it('an owner without a login is no resolvable user: orphaned', () => {
    const noLogin = withToken({ owner: { login: '', realm: 'realm1', resolver: 'resolver1', exists: true } })
    expect(verdict({ token_is_orphaned: 'True' }, noLogin)).toBe('fire')
    expect(verdict({ token_is_orphaned: 'False' }, noLogin)).toBe('skip')
    const gone = withToken({ owner: { login: 'gone', realm: 'realm1', resolver: 'resolver1', exists: false } })
    expect(verdict({ token_is_orphaned: 'False' }, gone)).toBe('skip')
    expect(verdict({ token_is_orphaned: 'True' })).toBe('skip')
  })
  it('a token without an owner is not orphaned', () => {
    expect(verdict({ token_is_orphaned: 'False' }, withEvent({ token: unowned }))).toBe('fire')
  })
  it('explain: whether the token is orphaned', () => {
    expect(traced('token_is_orphaned', 'True')).toMatchObject({
      verdict: 'fail',
      compared: { actual: false, expected: true },
      reason: 'the token is orphaned: false, expected true',
    })
  })
  it('both read the owner record', () => {
    expect(compiled('token_has_owner', 'True').facts).toEqual(['token.owner'])
    expect(compiled('token_is_orphaned', 'True').facts).toEqual(['token.owner'])
  })
})

describe('token_validity_period', () => {
  const validity = (info: Record<string, string>, now = BASE_EVENT.now) => ({ ...withToken({ info }), now })
  it('the period includes its bounds', () => {
    expect(
      verdict({ token_validity_period: 'True' }, validity({ validity_period_start: '2026-11-29T10:00+0000' })),
    ).toBe('fire')
    expect(verdict({ token_validity_period: 'True' }, validity({ validity_period_end: '2026-11-29T10:00+0000' }))).toBe(
      'fire',
    )
  })
  it('a start in the past and no end: valid; an end in the future and no start: valid', () => {
    expect(
      verdict({ token_validity_period: 'True' }, validity({ validity_period_start: '2026-11-28T10:00+0000' })),
    ).toBe('fire')
    expect(verdict({ token_validity_period: 'True' }, validity({ validity_period_end: '2026-11-30T10:00+0000' }))).toBe(
      'fire',
    )
    expect(
      verdict({ token_validity_period: 'True' }, validity({ validity_period_start: '2026-11-30T10:00+0000' })),
    ).toBe('skip')
  })
  it('an unparseable date names the entry and the text', () => {
    expect(traced('token_validity_period', 'True', validity({ validity_period_start: '5' }))).toMatchObject({
      verdict: 'error',
      reason: 'token_validity_period: tokeninfo validity_period_start "5" is not a date (D13)',
    })
    expect(
      traced(
        'token_validity_period',
        'True',
        validity({ validity_period_start: '2026-11-28T10:00+0000', validity_period_end: 'soon' }),
      ),
    ).toMatchObject({
      verdict: 'error',
      reason: 'token_validity_period: tokeninfo validity_period_end "soon" is not a date (D13)',
    })
  })
  it('with a period but no valid event clock, the evaluation fails; without a period the clock is not needed', () => {
    const trace = traced(
      'token_validity_period',
      'True',
      validity({ validity_period_end: '2026-11-30T10:00+0000' }, 'x'),
    )
    expect(trace).toMatchObject({ verdict: 'error', reason: 'token_validity_period: event.now "x" is not a date-time' })
    expect(
      verdict({ token_validity_period: 'True' }, validity({ validity_period_start: '2026-11-28T10:00+0000' }, 'x')),
    ).toBe('error:InvalidEventTime')
    expect(verdict({ token_validity_period: 'True' }, validity({}, 'x'))).toBe('fire')
  })
  it('explain: whether the token is within its validity period', () => {
    expect(traced('token_validity_period', 'False', validity({}))).toMatchObject({
      verdict: 'fail',
      compared: { actual: true, expected: false },
      reason: 'the token is within its validity period: true, expected false',
    })
  })
  it('reads both validity entries and the clock', () => {
    expect(compiled('token_validity_period', 'True').facts).toEqual([
      'token.info.validity_period_start',
      'token.info.validity_period_end',
      'now',
    ])
  })
})

describe('otp_counter and failcounter', () => {
  it('explain: the counter compared with the operand', () => {
    expect(traced('otp_counter', '>100', withToken({ otpCounter: 101 }))).toMatchObject({
      verdict: 'pass',
      compared: { actual: 101, operator: '>', expected: 100 },
    })
    expect(traced('failcounter', '<3', withToken({ failcount: 5 }))).toMatchObject({
      verdict: 'fail',
      compared: { actual: 5, operator: '<', expected: 3 },
    })
  })
  it('read their counter', () => {
    expect(compiled('otp_counter', '1').facts).toEqual(['token.otpCounter'])
    expect(compiled('failcounter', '1').facts).toEqual(['token.failcount'])
  })
})

describe('rollout_state', () => {
  it('explain: the actual state, equal or not', () => {
    expect(traced('rollout_state', 'enrolled')).toMatchObject({
      verdict: 'pass',
      compared: { actual: 'enrolled', expected: 'enrolled' },
      reason: 'the rollout state "enrolled" equals "enrolled"',
    })
    expect(traced('rollout_state', 'clientwait')).toMatchObject({
      verdict: 'fail',
      compared: { actual: 'enrolled', expected: 'clientwait' },
      reason: 'the rollout state "enrolled" differs from "clientwait"',
    })
    const { rolloutState: _r, ...noState } = token
    expect(traced('rollout_state', 'clientwait', withEvent({ token: noState }))).toMatchObject({
      compared: { actual: '' },
      reason: 'the rollout state "" differs from "clientwait"',
    })
  })
  it('"" and enrolled are equal only to each other', () => {
    expect(verdict({ rollout_state: '' }, withToken({ rolloutState: 'clientwait' }))).toBe('skip')
    expect(verdict({ rollout_state: 'enrolled' }, withToken({ rolloutState: 'clientwait' }))).toBe('skip')
    expect(verdict({ rollout_state: 'clientwait' }, withToken({ rolloutState: '' }))).toBe('skip')
    expect(verdict({ rollout_state: '' }, withToken({ rolloutState: '' }))).toBe('fire')
    expect(verdict({ rollout_state: 'enrolled' }, withToken({ rolloutState: 'enrolled' }))).toBe('fire')
  })
  it('reads the rollout state', () => {
    expect(compiled('rollout_state', 'x').facts).toEqual(['token.rolloutState'])
  })
})

describe('token_is_in_container', () => {
  it('explain: whether the token is in a container', () => {
    expect(traced('token_is_in_container', 'True')).toMatchObject({
      verdict: 'fail',
      compared: { actual: false, expected: true },
      reason: 'the token is in a container: false, expected true',
    })
  })
  it('reads the container flag', () => {
    expect(compiled('token_is_in_container', 'True').facts).toEqual(['token.inContainer'])
  })
})

describe('the typed data of each compiled condition (ConditionData)', () => {
  it.each<readonly [string, string, unknown]>([
    ['token_locked', 'True', { _tag: 'TokenLocked', expected: true }],
    ['tokenrealm', 'r1,r2', { _tag: 'TokenRealm', items: new Set(['r1', 'r2']) }],
    ['tokenresolver', 'x', { _tag: 'TokenResolver', items: new Set(['x']) }],
    ['tokentype', 'totp', { _tag: 'TokenType', items: new Set(['totp']) }],
    ['token_has_owner', 'False', { _tag: 'TokenHasOwner', expected: false }],
    ['token_is_orphaned', 'True', { _tag: 'TokenIsOrphaned', expected: true }],
    ['token_validity_period', 'True', { _tag: 'TokenValidityPeriod', expected: true }],
    ['token_is_in_container', '1', { _tag: 'TokenIsInContainer', expected: true }],
    ['rollout_state', 'clientwait', { _tag: 'RolloutState', expected: 'clientwait' }],
    [
      'otp_counter',
      '>5',
      { _tag: 'OtpCounter', comparison: { _tag: 'IntCompare', op: 'gt', operand: 5, written: '>' } },
    ],
    [
      'failcounter',
      '5',
      { _tag: 'Failcounter', comparison: { _tag: 'IntCompare', op: 'eq', operand: 5, written: '==' } },
    ],
  ])('%s: %j', (name, value, data) => expect(compiled(name, value).data).toEqual(data))
  it('serial keeps the pattern, the translated regex and the match mode', () => {
    expect(compiled('serial', '^OATH')).toMatchObject({ data: { _tag: 'Serial', pattern: '^OATH', mode: 'match' } })
  })
})
