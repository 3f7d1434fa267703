/** The container conditions: what explain says, their skip reasons, facts and data, and the exact evaluation errors. */
import { describe, expect, it } from 'vitest'
import { BASE_EVENT, CONTAINER_CONDITION_SAMPLES, withContainer } from './engine.js'
import { compiled, testOf, traceOf } from './trace-helpers.js'

const NOW = BASE_EVENT.now

describe('every container condition without a container', () => {
  it.each(CONTAINER_CONDITION_SAMPLES)('%s is skipped because the event has no container', (name, value) => {
    expect(testOf(name, value)).toBe(true)
    expect(traceOf(name, value)).toEqual({
      name,
      value,
      verdict: 'skip',
      compared: {},
      reason: 'the event has no container',
    })
  })
})

describe('explain with a container', () => {
  it.each([
    [
      'container_state',
      'disabled',
      {},
      'pass',
      { actual: ['disabled', 'lost'], listed: ['disabled'] },
      'the container has every listed state',
    ],
    [
      'container_state',
      'active,lost',
      {},
      'fail',
      { actual: ['disabled', 'lost'], listed: ['active', 'lost'] },
      'the container lacks a listed state',
    ],
    [
      'container_exact_state',
      'lost,disabled,lost',
      {},
      'pass',
      { actual: ['disabled', 'lost'], listed: ['lost', 'disabled', 'lost'] },
      'the container states are exactly the listed ones',
    ],
    [
      'container_exact_state',
      'lost',
      {},
      'fail',
      { actual: ['disabled', 'lost'], listed: ['lost'] },
      'the container states differ from the listed ones',
    ],
    [
      'container_type',
      'smartphone',
      {},
      'pass',
      { actual: 'smartphone', expected: 'smartphone' },
      'the container type "smartphone" equals "smartphone"',
    ],
    [
      'container_type',
      'Smartphone',
      {},
      'fail',
      { actual: 'smartphone', expected: 'Smartphone' },
      'the container type "smartphone" differs from "Smartphone"',
    ],
    [
      'container_has_owner',
      'True',
      {},
      'pass',
      { actual: true, expected: true },
      'the container has an owner: true, expected true',
    ],
    [
      'container_has_owner',
      'True',
      { owners: [] },
      'fail',
      { actual: false, expected: true },
      'the container has an owner: false, expected true',
    ],
    [
      'container_has_token',
      'True',
      { tokenCount: 0 },
      'fail',
      { actual: false, expected: true },
      'the container has a token: false, expected true',
    ],
    [
      'container_has_token',
      'False',
      { tokenCount: 1 },
      'fail',
      { actual: true, expected: false },
      'the container has a token: true, expected false',
    ],
    [
      'container_realm',
      'realm3,realm2',
      { realms: ['realm1', 'realm2'] },
      'pass',
      { actual: ['realm1', 'realm2'], list: ['realm3', 'realm2'] },
      'a container realm is in the list',
    ],
    [
      'container_realm',
      'realm1',
      {},
      'fail',
      { actual: ['realm2'], list: ['realm1'] },
      'no container realm is in the list',
    ],
    [
      'container_resolver',
      'resolver1',
      {},
      'pass',
      { actual: ['resolver1'], list: ['resolver1'] },
      "an owner's resolver is in the list",
    ],
    [
      'container_resolver',
      'resolver2',
      {
        owners: [
          { login: 'a', realm: 'r', resolver: 'resolver1' },
          { login: 'b', realm: 'r', resolver: 'resolver3' },
        ],
      },
      'fail',
      { actual: ['resolver1', 'resolver3'], list: ['resolver2'] },
      "no owner's resolver is in the list",
    ],
  ])('%s %j %j: %s', (name, value, patch, verdict, compared, reason) => {
    expect(traceOf(name, value, withContainer(patch))).toEqual({ name, value, verdict, compared, reason })
  })

  it('container_realm is skipped when the container has no realm', () => {
    expect(testOf('container_realm', 'realm1', withContainer({ realms: [] }))).toBe(true)
    expect(traceOf('container_realm', 'realm1', withContainer({ realms: [] }))).toMatchObject({
      verdict: 'skip',
      reason: 'the container has no realm',
    })
  })
  it('container_resolver is skipped when the container has no owner', () => {
    expect(testOf('container_resolver', 'resolver1', withContainer({ owners: [] }))).toBe(true)
    expect(traceOf('container_resolver', 'resolver1', withContainer({ owners: [] }))).toMatchObject({
      verdict: 'skip',
      reason: 'the container has no owner',
    })
  })
  it('container_resolver holds when any owner has a listed resolver', () => {
    const owners = [
      { login: 'a', realm: 'r', resolver: 'resolver1' },
      { login: 'b', realm: 'r', resolver: 'resolver3' },
    ]
    expect(testOf('container_resolver', 'resolver3', withContainer({ owners }))).toBe(true)
    expect(testOf('container_resolver', 'resolver4', withContainer({ owners }))).toBe(false)
  })
  it('container_info reads the info entry, never an inherited member', () => {
    expect(testOf('container_info', 'registration_state == registered', withContainer())).toBe(true)
    expect(testOf('container_info', 'constructor == x', withContainer())).toBe(false)
    expect(testOf('container_info', 'registration_state == registered', withContainer({ info: {} }))).toBe(false)
  })
})

describe.each([
  ['container_last_authentication', 'lastAuthentication', 'ContainerLastAuthentication'],
  ['container_last_synchronization', 'lastSynchronization', 'ContainerLastSynchronization'],
] as const)('%s', (name, field, tag) => {
  it('explains a missing or empty timestamp: false', () => {
    for (const patch of [{}, { [field]: '' }]) {
      expect(testOf(name, '1d', withContainer(patch))).toBe(false)
      expect(traceOf(name, '1d', withContainer(patch))).toEqual({
        name,
        value: '1d',
        verdict: 'fail',
        compared: {},
        reason: `the container has no ${field}`,
      })
    }
  })
  it('explains a recent and an old timestamp', () => {
    expect(traceOf(name, '36h', withContainer({ [field]: '2026-11-29T09:55+0000' }))).toEqual({
      name,
      value: '36h',
      verdict: 'pass',
      compared: { actual: '2026-11-29T09:55+0000', within: '36h', now: NOW },
      reason: `${field} "2026-11-29T09:55+0000" is within the last 36h`,
    })
    expect(traceOf(name, '1d', withContainer({ [field]: '2026-11-20T09:55+0000' }))).toEqual({
      name,
      value: '1d',
      verdict: 'fail',
      compared: { actual: '2026-11-20T09:55+0000', within: '1d', now: NOW },
      reason: `${field} "2026-11-20T09:55+0000" is not within the last 1d`,
    })
  })
  it('an unparseable timestamp is a ParserError naming it', () => {
    expect(testOf(name, '1d', withContainer({ [field]: 'yesterday' }))).toEqual({
      _tag: 'EvalFailure',
      errorTag: 'ParserError',
      message: `${name}: container.${field} "yesterday" is not a date (D13)`,
    })
  })
  it('an event time that is not a date-time is InvalidEventTime', () => {
    const event = { ...withContainer({ [field]: '2026-11-29T09:55+0000' }), now: 'soon' }
    expect(testOf(name, '1d', event)).toEqual({
      _tag: 'EvalFailure',
      errorTag: 'InvalidEventTime',
      message: `${name}: event.now "soon" is not a date-time`,
    })
  })
  it('reads the timestamp and the clock; its data is the duration', () => {
    const c = compiled(name, '1d')
    expect(c.facts).toEqual([`container.${field}`, 'now'])
    expect(c.data).toEqual({ _tag: tag, durationMs: 86_400_000 })
  })
})

describe('facts and data', () => {
  it.each([
    [
      'container_state',
      'disabled,lost',
      ['container.states'],
      { _tag: 'ContainerState', states: ['disabled', 'lost'] },
    ],
    [
      'container_exact_state',
      'lost,disabled,lost',
      ['container.states'],
      { _tag: 'ContainerExactState', states: ['lost', 'disabled'] },
    ],
    ['container_has_owner', 'True', ['container.owners'], { _tag: 'ContainerHasOwner', expected: true }],
    ['container_type', 'smartphone', ['container.type'], { _tag: 'ContainerType', expected: 'smartphone' }],
    ['container_has_token', 'False', ['container.tokenCount'], { _tag: 'ContainerHasToken', expected: false }],
    [
      'container_realm',
      'realm1,realm2',
      ['container.realms'],
      { _tag: 'ContainerRealm', items: new Set(['realm1', 'realm2']) },
    ],
    [
      'container_resolver',
      'resolver1',
      ['container.owners'],
      { _tag: 'ContainerResolver', items: new Set(['resolver1']) },
    ],
  ])('%s %j reads %j', (name, value, facts, data) => {
    const c = compiled(name, value)
    expect(c.facts).toEqual(facts)
    expect(c.data).toEqual(data)
  })
  it('container_info reads the container and the named info entry', () => {
    const c = compiled('container_info', 'registration_state == registered')
    expect(c.facts).toEqual(['container.serial', 'container.info.registration_state'])
    expect(c.data).toMatchObject({ _tag: 'ContainerInfo' })
  })
})
