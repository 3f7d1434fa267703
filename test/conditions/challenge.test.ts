import { describe, expect, it } from 'vitest'
import { compileCondition } from '../../src/conditions/index.js'
import { makeContext } from '../../src/core/context.js'
import type { Challenge } from '../../src/core/model.js'
import { bindingOf, engine, verdict, withEvent } from './engine.js'

const challenge = (
  session: string,
  createdAt = '2026-11-29T09:59+0000',
  expiresAt = '2026-11-29T10:02+0000',
): Challenge => ({
  session,
  createdAt,
  expiresAt,
})
const withChallenges = (challenges: ReadonlyArray<Challenge>) => withEvent({ challenges })

describe('challenge_session', () => {
  it('matches at the start of the single challenge session', () => {
    expect(
      verdict({ challenge_session: 'challenge_declined' }, withChallenges([challenge('challenge_declined')])),
    ).toBe('fire')
    expect(verdict({ challenge_session: 'challenge_' }, withChallenges([challenge('challenge_cancelled')]))).toBe(
      'fire',
    )
    expect(verdict({ challenge_session: 'declined' }, withChallenges([challenge('challenge_declined')]))).toBe('skip')
    expect(verdict({ challenge_session: 'enrollment' }, withChallenges([challenge('challenge_declined')]))).toBe('skip')
    expect(verdict({ challenge_session: '^$' }, withChallenges([challenge('')]))).toBe('fire')
  })
  it('no challenge ⇒ skipped', () => {
    expect(verdict({ challenge_session: 'enrollment' }, withChallenges([]))).toBe('fire')
    expect(verdict({ challenge_session: 'enrollment' })).toBe('fire')
  })
})

describe('challenge_expired', () => {
  it.each([
    ['false', challenge(''), 'fire'],
    ['True', challenge(''), 'skip'],
    ['True', challenge('', '2026-11-29T09:56+0000', '2026-11-29T09:58+0000'), 'fire'],
    ['True', challenge('', '2026-11-29T10:00+0000', '2026-11-29T10:00+0000'), 'fire'],
    ['True', challenge('', '2026-11-29T10:01+0000', '2026-11-29T10:05+0000'), 'fire'],
    ['False', challenge('', '2026-11-29T10:00:00Z', '2026-11-29T10:00:01Z'), 'fire'],
  ])('%j with %j → %s', (value, c, expected) =>
    expect(verdict({ challenge_expired: value }, withChallenges([c]))).toBe(expected),
  )

  it('no challenge ⇒ skipped, even for True', () => {
    expect(verdict({ challenge_expired: 'True' }, withChallenges([]))).toBe('fire')
  })
  it('unparseable challenge times fail the binding', () => {
    expect(verdict({ challenge_expired: 'True' }, withChallenges([challenge('', 'soon', 'later')]))).toBe(
      'error:ParserError',
    )
  })
})

describe('two or more challenges (D1)', () => {
  const two = withChallenges([challenge('challenge_declined'), challenge('challenge_declined')])
  it('make only the challenge conditions false', () => {
    expect(verdict({ challenge_session: 'challenge_declined' }, two)).toBe('skip')
    expect(verdict({ challenge_expired: 'False' }, two)).toBe('skip')
    expect(verdict({ challenge_expired: 'True' }, two)).toBe('skip')
  })
  it('leave other bindings alone (privacyIDEA: every binding is false)', () => {
    expect(verdict({}, two)).toBe('fire')
    expect(verdict({ tokentype: 'totp' }, two)).toBe('fire')
    const e = engine.evaluate(two, [
      { ...bindingOf({ challenge_session: 'challenge_declined' }, two), id: 1 },
      { ...bindingOf({ realm: 'realm1' }, two), id: 2 },
    ])
    expect(e.audit.map((a) => a.bindingId)).toEqual([2])
  })
  it('explain says why', () => {
    const c = compileCondition('challenge_session', 'challenge_declined')
    if (c._tag === 'Left') throw new Error('compile')
    expect(c.right.trace(makeContext(two))).toMatchObject({ verdict: 'fail', compared: { challenges: 2 } })
  })
})
