/**
 * Behaviour of the user conditions (SPEC 3.2) that a mutation run of src/conditions/user.ts found untested: what
 * `explain` (a condition's trace) says, why a condition is skipped, how the empty user reads, and which facts each
 * condition reads.
 */
import { describe, expect, it } from 'vitest'
import { isEmptyUser } from '../../src/conditions/user.js'
import type { Event } from '../../src/core/model.js'
import { BASE_EVENT, verdict, withEvent, withoutUser } from './engine.js'
import { compiled, traceOf as traced } from './trace-helpers.js'

const user = BASE_EVENT.user as NonNullable<Event['user']>
/** A user record without a login: the empty user (SPEC 1.8), whatever its other fields say. */
const noLogin = withEvent({ user: { ...user, login: '' } })

describe('the empty user (SPEC 1.8)', () => {
  it('is an absent user or one without a login', () => {
    expect(isEmptyUser(undefined)).toBe(true)
    expect(isEmptyUser({ login: '', realm: 'realm1', resolver: 'resolver1' })).toBe(true)
    expect(isEmptyUser({ login: 'alice', realm: '', resolver: '' })).toBe(false)
  })
})

describe('realm and resolver', () => {
  it('explain: the user realm and the list', () => {
    expect(traced('realm', 'realm2,realm1')).toEqual({
      name: 'realm',
      value: 'realm2,realm1',
      verdict: 'pass',
      compared: { actual: 'realm1', list: ['realm2', 'realm1'] },
      reason: 'the user realm "realm1" is in the list',
    })
    expect(traced('realm', 'realm2')).toMatchObject({
      verdict: 'fail',
      reason: 'the user realm "realm1" is not in the list',
    })
  })
  it('explain: the user resolver and the list', () => {
    expect(traced('resolver', 'resolver2')).toMatchObject({
      verdict: 'fail',
      compared: { actual: 'resolver1', list: ['resolver2'] },
      reason: 'the user resolver "resolver1" is not in the list',
    })
  })
  it('a user without a login has realm and resolver "", whatever the record says; they are never skipped', () => {
    expect(verdict({ realm: 'realm1' }, noLogin)).toBe('skip')
    expect(verdict({ realm: 'realm1,' }, noLogin)).toBe('fire')
    expect(verdict({ resolver: 'resolver1' }, noLogin)).toBe('skip')
    expect(verdict({ resolver: 'resolver1,' }, noLogin)).toBe('fire')
    expect(verdict({ resolver: ',' }, withoutUser())).toBe('fire')
    expect(traced('realm', 'realm1', withoutUser())).toMatchObject({ verdict: 'fail', compared: { actual: '' } })
    expect(traced('resolver', 'resolver1', noLogin)).toMatchObject({ verdict: 'fail', compared: { actual: '' } })
  })
  it('read the login and the realm or resolver', () => {
    expect(compiled('realm', 'r').facts).toEqual(['user.login', 'user.realm'])
    expect(compiled('resolver', 'r').facts).toEqual(['user.login', 'user.resolver'])
  })
})

describe('user_info', () => {
  it('a user without a login has no attributes, whatever the record says', () => {
    expect(verdict({ user_info: 'givenname == Cornelius' }, noLogin)).toBe('skip')
    expect(traced('user_info', 'givenname == Cornelius', noLogin)).toMatchObject({
      verdict: 'fail',
      compared: { key: 'givenname' },
      reason: '"givenname" is missing',
    })
  })
  it('attributes are text: comparing one with text or a pattern is no mistake, and check warns of nothing', () => {
    for (const value of ['givenname == Cornelius', "email 'matches' .*@example\\.com", 'givenname < Z'])
      expect(compiled('user_info', value).warnings, value).toEqual([])
  })
  it('explain: the attribute, its value and the comparison; never skipped', () => {
    expect(traced('user_info', 'givenname == Cornelius')).toMatchObject({
      verdict: 'pass',
      compared: { key: 'givenname', actual: 'Cornelius', operator: '==', expected: 'Cornelius' },
    })
  })
})

describe('logged_in_user', () => {
  it('explain: the role, and that nobody is logged in', () => {
    expect(traced('logged_in_user', 'user')).toEqual({
      name: 'logged_in_user',
      value: 'user',
      verdict: 'pass',
      compared: { actual: 'user', expected: 'user' },
      reason: 'the logged-in role is "user" (nobody is logged in), as expected',
    })
    const admin = withEvent({ loggedIn: { role: 'admin', username: 'super' } })
    expect(traced('logged_in_user', 'user', admin)).toMatchObject({
      verdict: 'fail',
      compared: { actual: 'admin', expected: 'user' },
      reason: 'the logged-in role is "admin", not expected',
    })
  })
  it('reads the role', () => {
    expect(compiled('logged_in_user', 'admin').facts).toEqual(['loggedIn.role'])
  })
})

describe('user_token_number and user_container_number', () => {
  it('the empty user is skipped, and the trace says so', () => {
    for (const name of ['user_token_number', 'user_container_number']) {
      expect(traced(name, '5', withoutUser()), name).toMatchObject({ verdict: 'skip', reason: 'the event has no user' })
      expect(traced(name, '5', noLogin), name).toMatchObject({ verdict: 'skip', reason: 'the event has no user' })
      expect(traced(name, '5'), name).toMatchObject({ verdict: 'fail' })
    }
  })
  it('explain: the count compared with the operand', () => {
    expect(traced('user_token_number', '>0', withEvent({ user: { ...user, tokenCount: 3 } }))).toMatchObject({
      verdict: 'pass',
      compared: { actual: 3, operator: '>', expected: 0 },
    })
    expect(traced('user_container_number', '<2', withEvent({ user: { ...user, containerCount: 4 } }))).toMatchObject({
      verdict: 'fail',
      compared: { actual: 4, operator: '<', expected: 2 },
    })
  })
  it('read the login and the count', () => {
    expect(compiled('user_token_number', '1').facts).toEqual(['user.login', 'user.tokenCount'])
    expect(compiled('user_container_number', '1').facts).toEqual(['user.login', 'user.containerCount'])
  })
})

describe('the typed data of each compiled condition (ConditionData)', () => {
  it.each<readonly [string, string, unknown]>([
    ['realm', 'r1,r2', { _tag: 'Realm', items: new Set(['r1', 'r2']) }],
    ['resolver', 'x', { _tag: 'Resolver', items: new Set(['x']) }],
    ['logged_in_user', 'admin', { _tag: 'LoggedInUser', role: 'admin' }],
    [
      'user_token_number',
      '>1',
      { _tag: 'UserTokenNumber', comparison: { _tag: 'IntCompare', op: 'gt', operand: 1, written: '>' } },
    ],
    [
      'user_container_number',
      '1',
      { _tag: 'UserContainerNumber', comparison: { _tag: 'IntCompare', op: 'eq', operand: 1, written: '==' } },
    ],
  ])('%s: %j', (name, value, data) => expect(compiled(name, value).data).toEqual(data))
  it('user_info keeps the key and the comparison', () => {
    expect(compiled('user_info', 'email == x').data).toMatchObject({
      _tag: 'UserInfo',
      comparison: { key: 'email', written: '==' },
    })
  })
})
