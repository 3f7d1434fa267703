/**
 * challenge_session / challenge_expired: what explain says, the facts and data they expose, and the exact errors
 * (configuration and evaluation) they report.
 */
import { describe, expect, it } from 'vitest'
import type { Challenge } from '../../src/core/model.js'
import { withEvent } from './engine.js'
import { compiled, issuesOf, testOf, traceOf } from './trace-helpers.js'

const challenge = (
  session: string,
  createdAt = '2026-11-29T09:59+0000',
  expiresAt = '2026-11-29T10:02+0000',
): Challenge => ({ session, createdAt, expiresAt })
const withChallenges = (challenges: ReadonlyArray<Challenge>) => withEvent({ challenges })
const declined = withChallenges([challenge('challenge_declined')])
const two = withChallenges([challenge('challenge_declined'), challenge('challenge_declined')])
const expired = withChallenges([challenge('', '2026-11-29T09:56+0000', '2026-11-29T09:58+0000')])
const D1 = '2 challenges match the event, so the challenge conditions are false (D1)'

describe.each(['challenge_session', 'challenge_expired'])('%s without a challenge', (name) => {
  const value = name === 'challenge_session' ? 'challenge_declined' : 'True'
  it('is skipped because no challenge matches the event', () => {
    for (const event of [withEvent({}), withChallenges([])]) {
      expect(testOf(name, value, event)).toBe(true)
      expect(traceOf(name, value, event)).toEqual({
        name,
        value,
        verdict: 'skip',
        compared: {},
        reason: 'no challenge matches the event',
      })
    }
  })
  it('is not skipped when one challenge matches', () => {
    expect(traceOf(name, value, declined).verdict).not.toBe('skip')
  })
  it('explains D1 with two or more challenges', () => {
    expect(traceOf(name, value, two)).toMatchObject({ verdict: 'fail', compared: { challenges: 2 }, reason: D1 })
  })
})

describe('challenge_session', () => {
  it('explains a match with the session and the pattern', () => {
    const t = traceOf('challenge_session', 'challenge_', declined)
    expect(t).toMatchObject({
      verdict: 'pass',
      compared: { actual: 'challenge_declined', pattern: 'challenge_' },
      reason: '"challenge_" matches at the start of the session "challenge_declined"',
    })
    expect(typeof t.compared.regex).toBe('string')
  })
  it('explains a mismatch', () => {
    expect(traceOf('challenge_session', 'declined', declined)).toMatchObject({
      verdict: 'fail',
      compared: { actual: 'challenge_declined', pattern: 'declined' },
      reason: '"declined" does not match at the start of the session "challenge_declined"',
    })
  })
  it('an invalid regular expression is a configuration error naming it', () => {
    const issues = issuesOf('challenge_session', '(')
    expect(issues).toHaveLength(1)
    expect(issues[0]?.code).toBe('invalid-regex')
    expect(issues[0]?.message).toMatch(/^challenge_session: "\(" is not a valid regular expression: \S/)
  })
  it('reads the challenges, and its data is the pattern matched at the start', () => {
    const c = compiled('challenge_session', 'challenge_')
    expect(c.facts).toEqual(['challenges'])
    expect(c.data).toMatchObject({ _tag: 'ChallengeSession', pattern: 'challenge_', mode: 'match' })
  })
})

describe('challenge_expired', () => {
  it.each([
    ['True', declined, 'fail', 'the challenge is valid, not as expected'],
    ['False', declined, 'pass', 'the challenge is valid, as expected'],
    ['True', expired, 'pass', 'the challenge is expired, as expected'],
    ['False', expired, 'fail', 'the challenge is expired, not as expected'],
  ])('%s: explains %#', (value, event, verdict, reason) => {
    const ch = event.challenges?.[0] as Challenge
    expect(traceOf('challenge_expired', value, event)).toEqual({
      name: 'challenge_expired',
      value,
      verdict,
      compared: {
        createdAt: ch.createdAt,
        expiresAt: ch.expiresAt,
        now: '2026-11-29T10:00:00+00:00',
        expectedExpired: value === 'True',
      },
      reason,
    })
  })
  it.each([
    ['soon', '2026-11-29T10:02+0000'],
    ['2026-11-29T09:59+0000', 'later'],
    ['soon', 'later'],
  ])('a challenge time that is not a date fails with a ParserError (%s / %s)', (createdAt, expiresAt) => {
    const event = withChallenges([challenge('', createdAt, expiresAt)])
    const message = `challenge_expired: the challenge times ${JSON.stringify(createdAt)} / ${JSON.stringify(expiresAt)} are not dates (D13)`
    for (const value of ['True', 'False'])
      expect(testOf('challenge_expired', value, event)).toEqual({
        _tag: 'EvalFailure',
        errorTag: 'ParserError',
        message,
      })
    expect(traceOf('challenge_expired', 'True', event)).toMatchObject({ verdict: 'error', reason: message })
  })
  it('an event time that is not a date-time fails with InvalidEventTime', () => {
    const event = withEvent({ now: 'yesterday', challenges: [challenge('')] })
    for (const value of ['True', 'False'])
      expect(testOf('challenge_expired', value, event)).toEqual({
        _tag: 'EvalFailure',
        errorTag: 'InvalidEventTime',
        message: 'challenge_expired: event.now "yesterday" is not a date-time',
      })
  })
  it('reads the challenges and the clock, and its data is the expectation', () => {
    const c = compiled('challenge_expired', 'True')
    expect(c.facts).toEqual(['challenges', 'now'])
    expect(c.data).toEqual({ _tag: 'ChallengeExpired', expected: true })
    expect(compiled('challenge_expired', 'false').data).toEqual({ _tag: 'ChallengeExpired', expected: false })
  })
})
