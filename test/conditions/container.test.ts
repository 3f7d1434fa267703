import { describe, expect, it } from 'vitest'
import { compileCondition } from '../../src/conditions/index.js'
import { CONTAINER_CONDITION_SAMPLES, verdict, withContainer } from './engine.js'

describe('container conditions are skipped without a container', () => {
  it.each(CONTAINER_CONDITION_SAMPLES)('%s', (name, value) => expect(verdict({ [name]: value })).toBe('fire'))
})

describe('container_state and container_exact_state (D19)', () => {
  it.each([
    ['disabled', 'fire'],
    ['disabled,lost', 'fire'],
    ['active', 'skip'],
    ['disabled,active', 'skip'],
  ])('container_state %j → %s', (value, expected) =>
    expect(verdict({ container_state: value }, withContainer())).toBe(expected),
  )

  it.each([
    ['disabled', 'skip'],
    ['lost,active', 'skip'],
    ['disabled,lost', 'fire'],
    ['lost,disabled', 'fire'],
    ['disabled,disabled', 'skip'],
    ['disabled,lost,lost', 'fire'],
  ])('container_exact_state %j → %s', (value, expected) =>
    expect(verdict({ container_exact_state: value }, withContainer())).toBe(expected),
  )
})

describe('container_has_owner, container_type, container_has_token', () => {
  it('compare the facts', () => {
    expect(verdict({ container_has_owner: 'True' }, withContainer())).toBe('fire')
    expect(verdict({ container_has_owner: 'False' }, withContainer({ owners: [] }))).toBe('fire')
    expect(verdict({ container_type: 'smartphone' }, withContainer())).toBe('fire')
    expect(verdict({ container_type: 'Smartphone' }, withContainer())).toBe('skip')
    expect(verdict({ container_has_token: 'True' }, withContainer({ tokenCount: 0 }))).toBe('skip')
    expect(verdict({ container_has_token: 'False' }, withContainer({ tokenCount: 0 }))).toBe('fire')
  })
})

describe('container_realm and container_resolver', () => {
  it('intersect with the list; skipped without realms / owners', () => {
    expect(verdict({ container_realm: 'realm1' }, withContainer())).toBe('skip')
    expect(verdict({ container_realm: 'realm1,realm2' }, withContainer())).toBe('fire')
    expect(verdict({ container_realm: 'realm1' }, withContainer({ realms: [] }))).toBe('fire')
    expect(verdict({ container_resolver: 'resolver2' }, withContainer())).toBe('skip')
    expect(verdict({ container_resolver: 'resolver2,resolver1' }, withContainer())).toBe('fire')
    expect(verdict({ container_resolver: 'resolver2' }, withContainer({ owners: [] }))).toBe('fire')
  })
})

describe('container_info', () => {
  it.each([
    ['registration_state == registered', 'fire'],
    ['registration_state == client_wait', 'skip'],
    ['challenge_ttl > 5', 'fire'],
    ['challenge_ttl < 5', 'skip'],
    ['missing == x', 'skip'],
    ['challenge_ttl == {now}', 'skip'],
  ])('%j → %s', (value, expected) => expect(verdict({ container_info: value }, withContainer())).toBe(expected))

  it('has no {now} support: braces are text', () => {
    expect(verdict({ container_info: 'x == {now}' }, withContainer({ info: { x: '{now}' } }))).toBe('fire')
  })
})

describe('container_last_authentication and container_last_synchronization', () => {
  it.each([
    ['1d', undefined, 'skip'],
    ['1d', '2026-11-27T10:00+0000', 'skip'],
    ['1d', '2026-11-29T09:55+0000', 'fire'],
    ['1d', '2026-11-28T10:00+0000', 'skip'],
    ['1d', '2026-11-28T10:00:01+0000', 'fire'],
    ['1y', '2025-11-29T10:00+0000', 'skip'],
  ])('%j with %j → %s', (value, at, expected) => {
    const e = withContainer(at === undefined ? {} : { lastAuthentication: at, lastSynchronization: at })
    expect(verdict({ container_last_authentication: value }, e)).toBe(expected)
    expect(verdict({ container_last_synchronization: value }, e)).toBe(expected)
  })

  it('an invalid duration is a configuration error', () => {
    expect(compileCondition('container_last_authentication', '1w')).toMatchObject({
      _tag: 'Left',
      left: [
        {
          code: 'invalid-duration',
          message: 'container_last_authentication: "1w" has an unknown unit "w"; use s, m, h, d or y',
        },
      ],
    })
  })

  it('an unparseable stored timestamp fails the binding', () => {
    expect(verdict({ container_last_authentication: '1d' }, withContainer({ lastAuthentication: 'yesterday' }))).toBe(
      'error:ParserError',
    )
  })
})
