/**
 * Container (SPEC 4.11): what each action reads from the event (its declared facts suffice), the compile warnings
 * in words, owners without a login, and the descriptor texts.
 */
import { describe, expect, test } from 'vitest'
import type { Event } from '../../src/core/model.js'
import { containerModule } from '../../src/handlers/container.js'
import { baseEvent, binding, compile, onlyIntent } from './helpers.js'
import { actionFacts, expectDescribed, expectFactsSuffice } from './mutants-helpers.js'

type Container = NonNullable<Event['container']>

const container: Container = {
  serial: 'SMPH0001',
  type: 'smartphone',
  states: ['active'],
  owners: [
    { login: 'carol', realm: 'realm3', resolver: 'resolver3' },
    { login: '', realm: 'realm9', resolver: '' },
    { login: 'bob', realm: 'realm2', resolver: '' },
  ],
  realms: ['realm1'],
  tokenCount: 2,
  info: {},
}
const withContainer: Event = { ...baseEvent, serial: 'TOTP0001, HOTP0002', container }
const { user: _u, ...noUser } = withContainer
const named: Event = {
  ...noUser,
  request: { ...noUser.request, params: { ...noUser.request.params, container_serial: 'SMPH0001' } },
}
const tokenOwnerOnly: Event = { ...named, container: { ...container, owners: [] } }

const bind = (action: string, options: Record<string, string> = {}) => binding('Container', action, options)
const warnings = (action: string, options: Record<string, string>) => compile(bind(action, options)).action?.warnings

describe('Container: the declared facts are all an action reads', () => {
  const ACTIONS = containerModule.actions.map((a) => a.name).filter((a) => a !== 'create')
  const options: Readonly<Record<string, Record<string, string>>> = {
    'set states': { lost: 'True' },
    'add states': { lost: 'True' },
    'set description': { description: 'phone' },
    'set container info': { key: 'k', value: 'v' },
    'add container info': { key: 'k', value: 'v' },
  }
  test.each(ACTIONS)('%s fires on the pruned event as on the whole one', (action) => {
    const e = expectFactsSuffice(bind(action, options[action] ?? {}), withContainer)
    expect(e.intents).toHaveLength(1)
    expect(e.intents[0]).toMatchObject({ container: 'SMPH0001' })
  })
  test.each([
    ['the user in event', withContainer, [{ login: 'alice', realm: 'realm1', resolver: 'resolver1' }]],
    [
      'the owners of the container the request names',
      named,
      [
        { login: 'carol', realm: 'realm3', resolver: 'resolver3' },
        { login: 'bob', realm: 'realm2' },
      ],
    ],
    ['the token owner', tokenOwnerOnly, [{ login: 'alice', realm: 'realm1', resolver: 'resolver1' }]],
    // SPEC 4.11: only the request's container; this one the host found otherwise (response or token).
    [
      'the token owner, not the owners of a container the request does not name',
      noUser,
      [{ login: 'alice', realm: 'realm1', resolver: 'resolver1' }],
    ],
    [
      'the token owner, not the owners of another container than the request names',
      { ...named, request: { ...named.request, params: { ...named.request.params, container_serial: 'SMPH0002' } } },
      [{ login: 'alice', realm: 'realm1', resolver: 'resolver1' }],
    ],
  ])('assign and create with user read %s', (_what, event, users) => {
    const usersOf = (b: ReturnType<typeof bind>) => onlyIntent<{ users: unknown }>(expectFactsSuffice(b, event)).users
    expect(usersOf(bind('assign'))).toEqual(users)
    expect(usersOf(bind('create', { type: 'generic', user: 'True' }))).toEqual(users)
  })
  test('create with token reads the event serials', () => {
    expect(
      onlyIntent(expectFactsSuffice(bind('create', { type: 'generic', token: 'True' }), withContainer)),
    ).toMatchObject({ users: [], tokens: ['TOTP0001', 'HOTP0002'] })
  })
})

describe('Container: the host resolves no more than an action reads', () => {
  test.each([
    ['delete', {}, ['container.serial']],
    ['set states', { lost: 'True' }, ['container.serial']],
    ['unassign', {}, ['container.owners', 'container.serial']],
    ['assign', {}, ['container.owners', 'container.serial', 'token.owner', 'user']],
    ['create', { type: 'generic' }, []],
    ['create', { type: 'generic', token: 'True' }, []],
    ['create', { type: 'generic', user: 'True' }, ['container.owners', 'container.serial', 'token.owner', 'user']],
  ])('%s %o', (action, options, facts) => {
    expect(actionFacts(bind(action, options))).toEqual(facts)
  })
  test('create with token: the event serials, which the audit reads anyway', () => {
    const { serial: _s, ...noSerial } = withContainer
    expect(onlyIntent(expectFactsSuffice(bind('create', { type: 'generic', token: 'True' }), noSerial))).toMatchObject({
      tokens: [],
    })
  })
})

describe('Container: owners', () => {
  test('unassign lists the owners with a login only; a resolver only when known', () => {
    expect(onlyIntent<{ users: unknown }>(expectFactsSuffice(bind('unassign'), withContainer)).users).toEqual([
      { login: 'carol', realm: 'realm3', resolver: 'resolver3' },
      { login: 'bob', realm: 'realm2' },
    ])
    const onlyBlank = {
      ...withContainer,
      container: { ...container, owners: [{ login: '', realm: 'r', resolver: '' }] },
    }
    expect(expectFactsSuffice(bind('unassign'), onlyBlank).audit[0]).toMatchObject({
      success: false,
      info: 'b1',
      details: 'no user found to unassign from the container',
    })
  })
})

describe('Container: compile warnings say what goes wrong', () => {
  test('no state selected', () => {
    expect(warnings('set states', {})).toEqual([
      {
        code: 'no-state-selected',
        message: 'no state is selected (active, disabled, lost, damaged): the action always declines',
        path: ['options'],
      },
    ])
  })
  test('active and disabled together', () => {
    expect(warnings('add states', { active: 'True', disabled: 'True' })).toEqual([
      { code: 'exclusive-states', message: 'active and disabled exclude each other', path: ['options'] },
    ])
  })
  test.each([[{ active: 'True' }], [{ disabled: 'True' }], [{ active: 'True', lost: 'True', damaged: 'True' }]])(
    'one of active/disabled (%o) is no conflict',
    (options) => {
      expect(warnings('set states', options)).toEqual([])
    },
  )
  test('an empty description', () => {
    expect(warnings('set description', { description: '' })).toEqual([
      {
        code: 'empty-description',
        message: 'the description is empty: the action always declines',
        path: ['options', 'description'],
      },
    ])
    expect(warnings('set description', { description: 'x' })).toEqual([])
  })
  test('the other actions compile without warnings', () => {
    for (const action of ['create', 'delete', 'assign', 'unassign', 'set container info']) {
      const options = action === 'create' ? { type: 'generic' } : action === 'set container info' ? { key: 'k' } : {}
      expect([action, warnings(action, options)]).toEqual([action, []])
    }
  })
})

describe('Container descriptor', () => {
  test('the module, its actions and their options describe themselves', () => {
    expectDescribed(containerModule)
  })
})
