import { describe, expect, it } from 'vitest'
import { compileCondition } from '../../src/conditions/index.js'
import { makeContext } from '../../src/core/context.js'
import { BASE_EVENT, verdict, withEvent, withoutUser } from './engine.js'

const user = BASE_EVENT.user as NonNullable<typeof BASE_EVENT.user>

describe('realm', () => {
  it.each([
    ['realm1', 'fire'],
    ['realm2,realm1', 'fire'],
    ['realm2, realm1', 'skip'],
    ['Realm1', 'skip'],
    ['', 'skip'],
  ])('%j for realm1 → %s', (value, expected) => expect(verdict({ realm: value })).toBe(expected))

  it('the empty user has realm "": only an empty item (a trailing comma) matches it', () => {
    expect(verdict({ realm: 'realm1' }, withoutUser())).toBe('skip')
    expect(verdict({ realm: 'realm1,' }, withoutUser())).toBe('fire')
    expect(verdict({ realm: '' }, withoutUser())).toBe('fire')
  })
})

describe('resolver', () => {
  it('compares the user resolver exactly', () => {
    expect(verdict({ resolver: 'resolver1' })).toBe('fire')
    expect(verdict({ resolver: 'resolver2' })).toBe('skip')
    expect(verdict({ resolver: 'resolver1' }, withoutUser())).toBe('skip')
  })
})

describe('user_info', () => {
  const expiring = (days: number) =>
    withEvent({
      user: {
        ...user,
        info: { ...user.info, expiration: new Date(Date.UTC(2026, 10, 29, 10) + days * 86_400_000).toISOString() },
      },
    })

  it.each([
    ['givenname == Cornelius', 'fire'],
    ['givenname == cornelius', 'skip'],
    ["givenname 'string_contains' CORN", 'fire'],
    ["email 'matches' .*@localhost\\..*", 'fire'],
    ["mobile 'in' +491111, +492222", 'fire'],
    ['userid < 1001', 'fire'],
    ['userid > 1001', 'skip'],
    ['userid >= 1000', 'fire'],
    ['nonexistent == x', 'skip'],
    ['nonexistent != x', 'skip'],
    ['__proto__ == x', 'skip'],
    ['', 'skip'],
  ])('%j → %s', (value, expected) => expect(verdict({ user_info: value })).toBe(expected))

  it('{now} with offsets, blanks allowed (D6)', () => {
    expect(verdict({ user_info: 'expiration > {now}' }, expiring(10))).toBe('fire')
    expect(verdict({ user_info: 'expiration < {now}-5d' }, expiring(-10))).toBe('fire')
    expect(verdict({ user_info: 'expiration < {now} - 5d' }, expiring(-2))).toBe('skip')
    expect(verdict({ user_info: 'expiration < {now} - 1d' }, expiring(-2))).toBe('fire')
    expect(verdict({ user_info: 'expiration > {current_time}+5d' }, expiring(10))).toBe('fire')
  })

  it('other braces are text, not errors', () => {
    expect(verdict({ user_info: 'givenname == {other}' })).toBe('skip')
  })

  it('the empty user has no attributes: false, not skipped', () => {
    expect(verdict({ user_info: 'givenname == Cornelius' }, withoutUser())).toBe('skip')
    const c = compileCondition('user_info', 'givenname == Cornelius')
    if (c._tag === 'Left') throw new Error('compile')
    expect(c.right.trace(makeContext(withoutUser())).verdict).toBe('fail')
  })

  it('reads only the named attribute', () => {
    const c = compileCondition('user_info', 'email == x')
    expect(c._tag === 'Right' && c.right.facts).toEqual(['user.login', 'user.info.email'])
  })
})

describe('logged_in_user', () => {
  it('nobody logged in counts as role user', () => {
    expect(verdict({ logged_in_user: 'user' })).toBe('fire')
    expect(verdict({ logged_in_user: 'admin' })).toBe('skip')
  })
  it('compares the role exactly', () => {
    const admin = withEvent({ loggedIn: { role: 'admin', username: 'super' } })
    expect(verdict({ logged_in_user: 'admin' }, admin)).toBe('fire')
    expect(verdict({ logged_in_user: 'Admin' }, admin)).toBe('skip')
    expect(verdict({ logged_in_user: 'user' }, admin)).toBe('skip')
  })
})

describe('user_token_number and user_container_number', () => {
  it('compare the counts', () => {
    expect(verdict({ user_token_number: '1' })).toBe('fire')
    expect(verdict({ user_token_number: "'>'0" })).toBe('fire')
    expect(verdict({ user_token_number: '<1' })).toBe('skip')
    expect(verdict({ user_container_number: '==1' })).toBe('fire')
    expect(verdict({ user_container_number: '!=1' })).toBe('skip')
  })
  it('are skipped for the empty user', () => {
    expect(verdict({ user_token_number: '5' }, withoutUser())).toBe('fire')
    expect(verdict({ user_container_number: '5' }, withEvent({ user: { ...user, login: '' } }))).toBe('fire')
  })
  it('count a missing number as 0', () => {
    const { tokenCount: _t, containerCount: _c, ...rest } = user
    expect(verdict({ user_token_number: '0', user_container_number: '0' }, withEvent({ user: rest }))).toBe('fire')
  })
  it('a non-integer right side is always false, with a warning (D11)', () => {
    expect(verdict({ user_token_number: '>notaninteger' })).toBe('skip')
    const c = compileCondition('user_token_number', '>notaninteger')
    expect(c._tag === 'Right' && c.right.warnings.map((w) => w.code)).toEqual(['non-integer'])
  })
})
