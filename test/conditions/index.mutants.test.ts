/** compileCondition: the compiler behind each name, the exact configuration errors and the empty-value warning. */
import { describe, expect, it } from 'vitest'
import {
  CONDITION_COMPILERS,
  CONDITION_NAMES,
  compileCondition,
  conditionRank,
  isConditionName,
} from '../../src/conditions/index.js'
import { CONDITION_VALUE_SAMPLES } from '../arbitraries/condition-values.js'

const TAGS: Readonly<Record<string, string>> = {
  client_ip: 'ClientIp',
  realm: 'Realm',
  user_info: 'UserInfo',
  resolver: 'Resolver',
  logged_in_user: 'LoggedInUser',
  result_value: 'ResultValue',
  result_status: 'ResultStatus',
  result_authentication: 'ResultAuthentication',
  token_locked: 'TokenLocked',
  tokenrealm: 'TokenRealm',
  tokenresolver: 'TokenResolver',
  serial: 'Serial',
  user_token_number: 'UserTokenNumber',
  user_container_number: 'UserContainerNumber',
  detail_error_message: 'DetailErrorMessage',
  detail_message: 'DetailMessage',
  counter: 'Counter',
  tokentype: 'TokenType',
  token_has_owner: 'TokenHasOwner',
  token_is_orphaned: 'TokenIsOrphaned',
  token_validity_period: 'TokenValidityPeriod',
  otp_counter: 'OtpCounter',
  last_auth: 'LastAuth',
  count_auth: 'CountAuth',
  count_auth_success: 'CountAuthSuccess',
  count_auth_fail: 'CountAuthFail',
  failcounter: 'Failcounter',
  tokeninfo: 'TokenInfo',
  rollout_state: 'RolloutState',
  token_is_in_container: 'TokenIsInContainer',
  challenge_session: 'ChallengeSession',
  challenge_expired: 'ChallengeExpired',
  container_state: 'ContainerState',
  container_exact_state: 'ContainerExactState',
  container_has_owner: 'ContainerHasOwner',
  container_type: 'ContainerType',
  container_has_token: 'ContainerHasToken',
  container_realm: 'ContainerRealm',
  container_resolver: 'ContainerResolver',
  container_info: 'ContainerInfo',
  container_last_authentication: 'ContainerLastAuthentication',
  container_last_synchronization: 'ContainerLastSynchronization',
}

describe('condition names', () => {
  it('are ranked in the evaluation order of SPEC 3.0 (the order of this table)', () => {
    expect(CONDITION_NAMES).toEqual(Object.keys(TAGS))
    Object.keys(TAGS).forEach((name, i) => {
      expect(conditionRank(name)).toBe(i)
      expect(isConditionName(name)).toBe(true)
    })
    for (const name of ['', 'Realm', 'constructor', '__proto__']) {
      expect(conditionRank(name)).toBeUndefined()
      expect(isConditionName(name)).toBe(false)
    }
  })
})

describe('compileCondition', () => {
  it.each(CONDITION_NAMES.map((n) => [n]))('%s is compiled by its own compiler', (name) => {
    const value = CONDITION_VALUE_SAMPLES[name]?.[0] ?? ''
    const c = compileCondition(name, value)
    expect(c._tag).toBe('Right')
    if (c._tag === 'Right') expect(c.right).toMatchObject({ name, value, data: { _tag: TAGS[name] } })
    expect(CONDITION_COMPILERS.get(name)).toBeTypeOf('function')
  })
  it('has a compiler for every name and no other', () => {
    expect([...CONDITION_COMPILERS.keys()].sort()).toEqual([...CONDITION_NAMES].sort())
  })
  it('an unknown name is an error listing the known conditions', () => {
    expect(compileCondition('tokengroup', 'x')).toEqual({
      _tag: 'Left',
      left: [
        {
          code: 'unknown-condition',
          message: `"tokengroup" is not a condition; known conditions are ${CONDITION_NAMES.join(', ')}`,
          path: [],
        },
      ],
    })
  })
  it('a value that is not a string is a configuration error', () => {
    expect(compileCondition('realm', 5 as unknown as string)).toEqual({
      _tag: 'Left',
      left: [{ code: 'invalid-condition-value', message: 'realm: the value must be a string, got number', path: [] }],
    })
    expect(compileCondition('tokengroup', 5 as unknown as string)).toMatchObject({
      _tag: 'Left',
      left: [{ code: 'unknown-condition' }],
    })
  })
  it('an empty or blank value is read literally, with a warning', () => {
    for (const value of ['', '  ']) {
      const c = compileCondition('realm', value)
      expect(c._tag === 'Right' && c.right.warnings).toEqual([
        {
          code: 'empty-value',
          message: 'realm: the value is empty; it is read literally (an empty list item, regex or word)',
          path: [],
        },
      ])
      expect(c._tag === 'Right' && c.right.value).toBe(value)
    }
  })
  it('keeps the warnings of the condition before the empty-value warning', () => {
    const c = compileCondition('client_ip', ' ')
    expect(c._tag === 'Right' && c.right.warnings.map((w) => w.code)).toEqual(['never-true', 'empty-value'])
  })
  it('does not repeat an empty-value warning the condition gives itself', () => {
    const c = compileCondition('count_auth', ' ')
    expect(c._tag === 'Right' && c.right.warnings).toEqual([
      {
        code: 'empty-value',
        message: 'count_auth: the value is empty, so the condition is always false',
        path: [],
      },
    ])
  })
  it('a value with text gets no empty-value warning; a failing value stays an error', () => {
    const c = compileCondition('realm', ' realm1 ')
    expect(c._tag === 'Right' && c.right.warnings).toEqual([])
    expect(compileCondition('last_auth', ' ')).toMatchObject({ _tag: 'Left', left: [{ code: 'invalid-duration' }] })
  })
})
