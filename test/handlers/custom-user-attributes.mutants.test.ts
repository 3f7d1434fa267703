/**
 * CustomUserAttributes (SPEC 4.10): option defaults, whose attribute each action changes and what it reads for
 * that, the empty-key warning in words, and the descriptor texts.
 */
import { describe, expect, test } from 'vitest'
import type { Event } from '../../src/core/model.js'
import { customUserAttributesModule } from '../../src/handlers/custom-user-attributes.js'
import { baseEvent, binding, compile, onlyIntent } from './helpers.js'
import { actionFacts, expectDescribed, expectFactsSuffice } from './mutants-helpers.js'

const SET = 'set_custom_user_attributes'
const DELETE = 'delete_custom_user_attributes'
const bind = (action: string, options: Record<string, string> = {}) => binding('CustomUserAttributes', action, options)
const bob: Event = { ...baseEvent, loggedIn: { role: 'user', username: 'bob', realm: 'realm2' } }

describe('CustomUserAttributes option defaults', () => {
  test('set with no options: the token owner, key "" and value ""', () => {
    expect(onlyIntent(expectFactsSuffice(bind(SET)))).toMatchObject({
      options: { user: 'tokenowner', attrkey: '', attrvalue: '' },
      user: { login: 'alice', realm: 'realm1', resolver: 'resolver1' },
      key: '',
      value: '',
    })
  })
  test('delete with no options: the token owner, key ""', () => {
    expect(onlyIntent(expectFactsSuffice(bind(DELETE)))).toMatchObject({
      options: { user: 'tokenowner', attrkey: '' },
      user: { login: 'alice', realm: 'realm1', resolver: 'resolver1' },
      key: '',
    })
  })
  test('an empty user option takes its default; another value is a warning (the action declines)', () => {
    expect(onlyIntent(expectFactsSuffice(bind(DELETE, { user: '', attrkey: 'k' })))).toMatchObject({
      options: { user: 'tokenowner' },
    })
    const other = compile(bind(DELETE, { user: 'admin', attrkey: 'k' }))
    expect(other.issues).toEqual([])
    expect(other.action?.warnings).toEqual([
      {
        code: 'invalid-option',
        message:
          'delete_custom_user_attributes: user: "admin" is not one of "tokenowner", "logged_in_user"; the action will decline',
        path: ['options', 'user'],
      },
    ])
    expect(other.action?.facts).toEqual([])
  })
})

describe('CustomUserAttributes: whose attribute, read from the declared facts', () => {
  test.each([SET, DELETE])('%s for the logged-in user reads the logged-in identity', (action) => {
    expect(onlyIntent(expectFactsSuffice(bind(action, { user: 'logged_in_user', attrkey: 'k' }), bob))).toMatchObject({
      user: { login: 'bob', realm: 'realm2' },
    })
  })
  test.each([SET, DELETE])('%s for the token owner reads the user in event', (action) => {
    expect(onlyIntent(expectFactsSuffice(bind(action, { attrkey: 'k' }), bob))).toMatchObject({
      user: { login: 'alice', realm: 'realm1', resolver: 'resolver1' },
    })
  })
  test('a user without resolver is named by login and realm', () => {
    const e: Event = { ...baseEvent, user: { login: 'carol', realm: 'realm3', resolver: '' } }
    expect(onlyIntent(expectFactsSuffice(bind(SET, { attrkey: 'k' }), e))).toMatchObject({
      user: { login: 'carol', realm: 'realm3' },
    })
    expect(onlyIntent(expectFactsSuffice(bind(SET, { attrkey: 'k' }), e))).not.toHaveProperty('user.resolver')
  })
  test('delete declines without the user, naming which user', () => {
    const { loggedIn: _l, ...nobody } = baseEvent
    expect(expectFactsSuffice(bind(DELETE, { user: 'logged_in_user', attrkey: 'k' }), nobody).audit[0]).toMatchObject({
      success: false,
      info: 'b1',
      details: 'Unable to determine the user "logged_in_user" for delete_custom_user_attributes',
    })
  })
})

describe('CustomUserAttributes: the host resolves only the user the action changes', () => {
  test.each([SET, DELETE])('%s', (action) => {
    expect(actionFacts(bind(action, { attrkey: 'k' }))).toEqual(['user'])
    expect(actionFacts(bind(action, { user: 'logged_in_user', attrkey: 'k' }))).toEqual(['loggedIn'])
  })
})

describe('CustomUserAttributes: an empty key', () => {
  test.each([SET, DELETE])('%s warns that the host has no attribute to change', (action) => {
    expect(compile(bind(action)).action?.warnings).toEqual([
      {
        code: 'empty-option',
        message: 'attrkey is empty: the host has no attribute to change',
        path: ['options', 'attrkey'],
      },
    ])
    expect(compile(bind(action, { attrkey: 'k' })).action?.warnings).toEqual([])
  })
})

describe('CustomUserAttributes descriptor', () => {
  test('the module, its actions and their options describe themselves', () => {
    expectDescribed(customUserAttributesModule)
  })
})
