import { describe, expect, expectTypeOf, test } from 'vitest'
import { check } from '../../src/check.js'
import type { Event } from '../../src/core/model.js'
import type { ContainerSetDescriptionIntent } from '../../src/handlers/container.js'
import { baseEvent, binding, compile, engine, evaluate, onlyIntent } from './helpers.js'

const withContainer: Event = {
  ...baseEvent,
  container: {
    serial: 'SMPH0001',
    type: 'smartphone',
    states: ['active'],
    owners: [
      { login: 'alice', realm: 'realm1', resolver: 'resolver1' },
      { login: 'bob', realm: 'realm2', resolver: '' },
    ],
    realms: ['realm1'],
    tokenCount: 2,
    info: {},
  },
}

const base = {
  bindingId: 1,
  bindingName: 'b1',
  handlerModule: 'Container',
  event: 'token_init',
  position: 'post',
}

const run = (action: string, options: Record<string, string> = {}, event: Event = withContainer) =>
  evaluate(binding('Container', action, options), event)

describe('Container (SPEC 4.11)', () => {
  test('create with defaults: no users, no tokens', () => {
    expect(onlyIntent(run('create', { type: 'generic' }, baseEvent))).toEqual({
      ...base,
      _tag: 'Container.create',
      action: 'create',
      options: { type: 'generic', description: '', user: false, token: false },
      containerType: 'generic',
      description: '',
      users: [],
      tokens: [],
    })
  })
  test('create for the user in event with the event’s tokens', () => {
    const e = { ...baseEvent, serial: 'TOTP0001, HOTP0002' }
    expect(
      onlyIntent(run('create', { type: 'smartphone', description: 'phone', user: 'True', token: 'True' }, e)),
    ).toMatchObject({
      containerType: 'smartphone',
      description: 'phone',
      users: [{ login: 'alice', realm: 'realm1', resolver: 'resolver1' }],
      tokens: ['TOTP0001', 'HOTP0002'],
    })
  })
  test('create users: user in event, else the owners of the request’s container, else the existing token owner', () => {
    const { user: _u, ...noUser } = withContainer
    const named = { ...noUser, request: { ...noUser.request, params: { container_serial: 'SMPH0001' } } }
    expect(onlyIntent(run('create', { type: 'generic', user: 'True' }, named))).toMatchObject({
      users: [
        { login: 'alice', realm: 'realm1', resolver: 'resolver1' },
        { login: 'bob', realm: 'realm2' },
      ],
    })
    // The request names no container: the event's container (from the token) is not asked; the token owner is.
    const tokenOwner = {
      ...noUser,
      container: {
        ...(withContainer.container as NonNullable<Event['container']>),
        owners: [{ login: 'carol', realm: 'realm3', resolver: '' }],
      },
    }
    expect(onlyIntent(run('create', { type: 'generic', user: 'True' }, tokenOwner))).toMatchObject({
      users: [{ login: 'alice', realm: 'realm1', resolver: 'resolver1' }],
    })
    const { user: _v, container: _c, ...tokenOnly } = withContainer
    expect(onlyIntent(run('create', { type: 'generic', user: 'True' }, tokenOnly))).toMatchObject({
      users: [{ login: 'alice', realm: 'realm1', resolver: 'resolver1' }],
    })
  })
  test.each([
    ['delete', 'Container.delete'],
    ['remove all tokens', 'Container.remove all tokens'],
    ['disable all tokens', 'Container.disable all tokens'],
    ['enable all tokens', 'Container.enable all tokens'],
    ['unregister', 'Container.unregister'],
    ['delete container info', 'Container.delete container info'],
  ])('%s names the event container', (action, tag) => {
    expect(onlyIntent(run(action))).toEqual({ ...base, _tag: tag, action, options: {}, container: 'SMPH0001' })
  })
  test('every action but create declines without a container', () => {
    for (const action of ['delete', 'unassign', 'assign', 'remove all tokens', 'unregister', 'delete container info']) {
      const r = run(action, {}, baseEvent)
      expect([action, r.intents, r.audit[0]?.success, r.audit[0]?.info, r.audit[0]?.details]).toEqual([
        action,
        [],
        false,
        'b1',
        'no container found for the event',
      ])
    }
  })
  test('unassign removes every owner; without owners it declines', () => {
    expect(onlyIntent(run('unassign'))).toMatchObject({
      _tag: 'Container.unassign',
      users: [
        { login: 'alice', realm: 'realm1', resolver: 'resolver1' },
        { login: 'bob', realm: 'realm2' },
      ],
    })
    const none = {
      ...withContainer,
      container: { ...(withContainer.container as NonNullable<Event['container']>), owners: [] },
    }
    expect(run('unassign', {}, none).audit[0]).toMatchObject({
      success: false,
      info: 'b1',
      details: 'no user found to unassign from the container',
    })
  })
  test('assign the user in event; without any user it declines', () => {
    expect(onlyIntent(run('assign'))).toMatchObject({
      _tag: 'Container.assign',
      users: [{ login: 'alice', realm: 'realm1', resolver: 'resolver1' }],
    })
    const { user: _u, token: _t, ...noUsers } = withContainer
    const none = {
      ...noUsers,
      container: { ...(withContainer.container as NonNullable<Event['container']>), owners: [] },
    }
    expect(run('assign', {}, none).audit[0]).toMatchObject({
      success: false,
      info: 'b1',
      details: 'no user found to assign to the container',
    })
  })
  test('set states / add states: booleans read with is_true (D12), privacyIDEA’s order', () => {
    expect(onlyIntent(run('set states', { damaged: 'True', lost: '1', active: 'False', disabled: '' }))).toEqual({
      ...base,
      _tag: 'Container.set states',
      action: 'set states',
      options: { active: false, disabled: false, lost: true, damaged: true },
      container: 'SMPH0001',
      states: ['lost', 'damaged'],
    })
    expect(onlyIntent(run('add states', { disabled: 'true' }))).toMatchObject({
      _tag: 'Container.add states',
      states: ['disabled'],
    })
  })
  test('no selected state: a warning at compile time, the action declines', () => {
    expect(
      compile(binding('Container', 'set states', { active: 'False' })).action?.warnings.map((w) => w.code),
    ).toEqual(['no-state-selected'])
    expect(run('add states', { active: 'False' }).audit[0]).toMatchObject({
      success: false,
      info: 'b1',
      details: 'no state selected',
    })
    expect(
      compile(binding('Container', 'set states', { active: 'True', disabled: 'True' })).action?.warnings.map(
        (w) => w.code,
      ),
    ).toEqual(['exclusive-states'])
  })
  test('set description: empty or absent ⇒ the action declines (SPEC 4.11), with a warning', () => {
    expect(onlyIntent(run('set description', { description: 'Alice’s phone' }))).toMatchObject({
      description: 'Alice’s phone',
    })
    const absent = binding('Container', 'set description', {})
    expect(check([absent]).map((d) => [d.code, d.severity, d.path, d.message])).toEqual([
      [
        'missing-option',
        'warning',
        [0, 'options', 'description'],
        'set description: option "description" is required; the action will decline',
      ],
    ])
    const declined = run('set description', {})
    expect([
      declined.intents,
      declined.audit[0]?.success,
      declined.audit[0]?.info,
      declined.audit[0]?.details,
      declined.audit[0]?.error,
      declined.aborted,
    ]).toEqual([[], false, 'b1', 'no description', undefined, undefined])
    expectTypeOf<ContainerSetDescriptionIntent['options']['description']>().toEqualTypeOf<string | undefined>()
    const empty = binding('Container', 'set description', { description: '' })
    expect(compile(empty).issues).toEqual([])
    expect(compile(empty).action?.warnings).toMatchObject([
      { code: 'empty-description', path: ['options', 'description'] },
    ])
    const r = run('set description', { description: '' })
    expect([r.intents, r.audit[0]?.success, r.audit[0]?.info, r.audit[0]?.details, r.aborted]).toEqual([
      [],
      false,
      'b1',
      'empty description',
      undefined,
    ])
  })
  test('set / add container info: key required, value defaults to ""', () => {
    expect(onlyIntent(run('set container info', { key: 'site' }))).toMatchObject({
      _tag: 'Container.set container info',
      options: { key: 'site', value: '' },
      key: 'site',
      value: '',
    })
    expect(onlyIntent(run('add container info', { key: 'site', value: 'HQ' }))).toMatchObject({
      _tag: 'Container.add container info',
      key: 'site',
      value: 'HQ',
    })
  })
  test('scenario: a lost-phone report (token_lost) marks the token’s container lost and disables its tokens', () => {
    const bindings = [
      binding('Container', 'add states', { lost: 'True' }, { id: 1, events: ['token_lost'] }),
      binding('Container', 'disable all tokens', {}, { id: 2, events: ['token_lost'] }),
    ]
    const r = engine.evaluate({ ...withContainer, name: 'token_lost' }, bindings)
    expect(r.intents.map((i) => [i._tag, (i as unknown as { container: string }).container])).toEqual([
      ['Container.add states', 'SMPH0001'],
      ['Container.disable all tokens', 'SMPH0001'],
    ])
    expect(r.audit.map((a) => a.action)).toEqual([
      'POST-EVENT token_lost>>Container:add states',
      'POST-EVENT token_lost>>Container:disable all tokens',
    ])
  })
})
