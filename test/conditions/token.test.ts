import { describe, expect, it } from 'vitest'
import { compileCondition } from '../../src/conditions/index.js'
import { BASE_EVENT, verdict, withEvent, withoutToken, withToken } from './engine.js'

const user = BASE_EVENT.user as NonNullable<typeof BASE_EVENT.user>

describe('token_locked (D2, D3)', () => {
  it('with a token: failcount ≥ maxfail', () => {
    expect(verdict({ token_locked: 'False' })).toBe('fire')
    expect(verdict({ token_locked: 'True' }, withToken({ failcount: 10, maxfail: 10 }))).toBe('fire')
    expect(verdict({ token_locked: 'true' }, withToken({ failcount: 11, maxfail: 10 }))).toBe('fire')
    expect(verdict({ token_locked: '1' }, withToken({ failcount: 9, maxfail: 10 }))).toBe('skip')
  })
  it('without a single token: the value is compared with user.hasLockedToken (absent ⇒ false)', () => {
    const locked = { ...withoutToken(), user: { ...user, hasLockedToken: true } }
    expect(verdict({ token_locked: 'True' }, locked)).toBe('fire')
    expect(verdict({ token_locked: 'False' }, locked)).toBe('skip')
    expect(verdict({ token_locked: 'False' }, withoutToken())).toBe('fire')
    const { hasLockedToken: _h, ...unknownUser } = user
    expect(verdict({ token_locked: 'True' }, { ...withoutToken(), user: unknownUser })).toBe('skip')
  })
})

describe('tokenrealm and tokenresolver', () => {
  it('pass when some realm/resolver is listed', () => {
    expect(verdict({ tokenrealm: 'realm2,realm1' })).toBe('fire')
    expect(verdict({ tokenrealm: 'realm2' })).toBe('skip')
    expect(verdict({ tokenresolver: 'resolver1,reso2' })).toBe('fire')
    expect(verdict({ tokenresolver: 'reso2' })).toBe('skip')
  })
  it('are skipped without a token or without realms', () => {
    expect(verdict({ tokenrealm: 'realm2' }, withoutToken())).toBe('fire')
    expect(verdict({ tokenrealm: 'realm2' }, withToken({ realms: [] }))).toBe('fire')
    expect(verdict({ tokenresolver: 'reso2' }, withToken({ realms: [], resolvers: [] }))).toBe('fire')
  })
})

describe('serial (re.match: anchored at the start)', () => {
  it('matches at the start of the serial', () => {
    expect(verdict({ serial: '^OATH.*' })).toBe('fire')
    expect(verdict({ serial: 'OATH' })).toBe('fire')
    expect(verdict({ serial: '0001' })).toBe('skip')
    expect(verdict({ serial: 'OATH0001$' })).toBe('fire')
  })
  it('works without a token, on the request serial (possibly a comma list)', () => {
    expect(verdict({ serial: 'TOTP' }, { ...withoutToken(), serial: 'TOTP1,TOTP2' })).toBe('fire')
    expect(verdict({ serial: '.*TOTP2' }, { ...withoutToken(), serial: 'TOTP1,TOTP2' })).toBe('fire')
  })
  it("uses the single token's serial", () => {
    const { serial: _s, ...noSerial } = withToken({ serial: 'HOTP9' })
    expect(verdict({ serial: 'HOTP' }, noSerial)).toBe('fire')
  })
  it('is skipped without any serial', () => {
    const { serial: _s, ...rest } = withoutToken()
    expect(verdict({ serial: 'nothing' }, rest)).toBe('fire')
  })
  it('an invalid regex is a configuration error', () => {
    expect(compileCondition('serial', '[')).toMatchObject({ _tag: 'Left', left: [{ code: 'invalid-regex' }] })
  })
})

describe('tokentype', () => {
  it('checks the listed types exactly', () => {
    expect(verdict({ tokentype: 'hotp,totp' })).toBe('fire')
    expect(verdict({ tokentype: 'TOTP' })).toBe('skip')
    expect(verdict({ tokentype: 'hotp, totp' })).toBe('skip')
    expect(verdict({ tokentype: 'spass' }, withoutToken())).toBe('fire')
  })
})

describe('token_has_owner and token_is_orphaned', () => {
  const { owner: _o, ...unowned } = BASE_EVENT.token as NonNullable<typeof BASE_EVENT.token>
  it('token_has_owner', () => {
    expect(verdict({ token_has_owner: 'True' })).toBe('fire')
    expect(verdict({ token_has_owner: 'False' }, withEvent({ token: unowned }))).toBe('fire')
    expect(verdict({ token_has_owner: 'True' }, withEvent({ token: unowned }))).toBe('skip')
  })
  it('token_is_orphaned: an owner record whose user does not exist', () => {
    const orphan = withToken({ owner: { login: 'gone', realm: 'realm1', resolver: 'resolver1', exists: false } })
    expect(verdict({ token_is_orphaned: 'True' }, orphan)).toBe('fire')
    expect(verdict({ token_is_orphaned: 'False' })).toBe('fire')
    expect(verdict({ token_is_orphaned: 'True' }, withEvent({ token: unowned }))).toBe('skip')
  })
})

describe('token_validity_period (D2, D13)', () => {
  const validity = (info: Record<string, string>) => withToken({ info })
  it.each([
    [{}, 'True', 'fire'],
    [{ validity_period_end: '2026-11-28T10:00+0000' }, 'False', 'fire'],
    [{ validity_period_end: '2026-11-28T10:00+0000' }, 'True', 'skip'],
    [{ validity_period_start: '2026-11-30T10:00+0000' }, 'False', 'fire'],
    [{ validity_period_start: '2026-11-28T10:00+0000', validity_period_end: '2026-11-30 10:00' }, 'true', 'fire'],
    [{ validity_period_start: '28/11/26 10:00', validity_period_end: '30/11/26 10:00' }, 'True', 'fire'],
    [{ validity_period_end: '29/11/26 09:59' }, 'True', 'skip'],
    [{ validity_period_start: '', validity_period_end: '' }, 'True', 'fire'],
  ])('%j, %j → %s', (info, value, expected) =>
    expect(verdict({ token_validity_period: value }, validity(info))).toBe(expected),
  )

  it('an unparseable date is an evaluation error', () => {
    expect(verdict({ token_validity_period: 'True' }, validity({ validity_period_start: '5' }))).toBe(
      'error:ParserError',
    )
    expect(verdict({ token_validity_period: 'False' }, validity({ validity_period_end: 'soon' }))).toBe(
      'error:ParserError',
    )
  })
  it('reads the start first: a start in the future is not valid before the end is read, as privacyIDEA checks', () => {
    const future = { validity_period_start: '2026-11-30T10:00+0000', validity_period_end: 'soon' }
    expect(verdict({ token_validity_period: 'False' }, validity(future))).toBe('fire')
    expect(verdict({ token_validity_period: 'True' }, validity(future))).toBe('skip')
    const past = { validity_period_start: '2026-11-28T10:00+0000', validity_period_end: 'soon' }
    expect(verdict({ token_validity_period: 'False' }, validity(past))).toBe('error:ParserError')
    const badStart = { validity_period_start: 'soon', validity_period_end: '2026-11-28T10:00+0000' }
    expect(verdict({ token_validity_period: 'False' }, validity(badStart))).toBe('error:ParserError')
  })
  it('is skipped without a token', () => {
    expect(verdict({ token_validity_period: 'False' }, withoutToken())).toBe('fire')
  })
})

describe('otp_counter and failcounter', () => {
  it('compare the integers', () => {
    expect(verdict({ otp_counter: '>100' }, withToken({ otpCounter: 101 }))).toBe('fire')
    expect(verdict({ otp_counter: '<100' }, withToken({ otpCounter: 101 }))).toBe('skip')
    expect(verdict({ otp_counter: '0' })).toBe('fire')
    expect(verdict({ failcounter: '=8' }, withToken({ failcount: 8 }))).toBe('fire')
    expect(verdict({ failcounter: '>=9' }, withToken({ failcount: 8 }))).toBe('skip')
    expect(verdict({ failcounter: '>9' }, withoutToken())).toBe('fire')
  })
})

describe('rollout_state', () => {
  it('"" and enrolled are equal in either direction', () => {
    expect(verdict({ rollout_state: 'enrolled' }, withToken({ rolloutState: '' }))).toBe('fire')
    expect(verdict({ rollout_state: '' })).toBe('fire')
    const { rolloutState: _r, ...noState } = BASE_EVENT.token as NonNullable<typeof BASE_EVENT.token>
    expect(verdict({ rollout_state: 'enrolled' }, withEvent({ token: noState }))).toBe('fire')
  })
  it('compares other states exactly', () => {
    expect(verdict({ rollout_state: 'clientwait' }, withToken({ rolloutState: 'clientwait' }))).toBe('fire')
    expect(verdict({ rollout_state: 'clientwait' })).toBe('skip')
    expect(verdict({ rollout_state: 'Enrolled' })).toBe('skip')
  })
})

describe('token_is_in_container', () => {
  it('compares with token.inContainer (absent ⇒ false)', () => {
    expect(verdict({ token_is_in_container: 'True' }, withToken({ inContainer: true }))).toBe('fire')
    expect(verdict({ token_is_in_container: 'False' })).toBe('fire')
    const { inContainer: _i, ...unknown } = BASE_EVENT.token as NonNullable<typeof BASE_EVENT.token>
    expect(verdict({ token_is_in_container: 'False' }, withEvent({ token: unknown }))).toBe('fire')
  })
})
