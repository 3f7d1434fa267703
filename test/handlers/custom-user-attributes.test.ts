import { describe, expect, test } from 'vitest'
import { check } from '../../src/check.js'
import { baseEvent, binding, compile, engine, evaluate, onlyIntent } from './helpers.js'

describe('CustomUserAttributes (SPEC 4.10)', () => {
  test('set for the token owner (default user: tokenowner)', () => {
    expect(
      onlyIntent(
        evaluate(binding('CustomUserAttributes', 'set_custom_user_attributes', { attrkey: 'dept', attrvalue: 'IT' })),
      ),
    ).toEqual({
      _tag: 'CustomUserAttributes.set_custom_user_attributes',
      bindingId: 1,
      bindingName: 'b1',
      handlerModule: 'CustomUserAttributes',
      action: 'set_custom_user_attributes',
      event: 'token_init',
      position: 'post',
      options: { user: 'tokenowner', attrkey: 'dept', attrvalue: 'IT' },
      user: { login: 'alice', realm: 'realm1', resolver: 'resolver1' },
      key: 'dept',
      value: 'IT',
    })
  })
  test('delete for the logged-in user', () => {
    const e = { ...baseEvent, loggedIn: { role: 'user' as const, username: 'bob', realm: 'realm2' } }
    expect(
      onlyIntent(
        evaluate(
          binding('CustomUserAttributes', 'delete_custom_user_attributes', { user: 'logged_in_user', attrkey: 'dept' }),
          e,
        ),
      ),
    ).toMatchObject({
      _tag: 'CustomUserAttributes.delete_custom_user_attributes',
      options: { user: 'logged_in_user', attrkey: 'dept' },
      user: { login: 'bob', realm: 'realm2' },
      key: 'dept',
    })
  })
  test('without a user the action declines (audit success false)', () => {
    const { user: _u, ...noUser } = baseEvent
    const r = evaluate(binding('CustomUserAttributes', 'set_custom_user_attributes', { attrkey: 'k' }), noUser)
    expect(r.intents).toEqual([])
    expect(r.audit[0]).toMatchObject({
      success: false,
      info: 'b1',
      details: 'Unable to determine the user "tokenowner" for set_custom_user_attributes',
    })
    const { loggedIn: _l, ...nobody } = baseEvent
    expect(
      evaluate(
        binding('CustomUserAttributes', 'delete_custom_user_attributes', { user: 'logged_in_user', attrkey: 'k' }),
        nobody,
      ).intents,
    ).toEqual([])
    const internalAdmin = { ...baseEvent, loggedIn: { role: 'admin' as const, username: 'admin' } }
    expect(
      evaluate(
        binding('CustomUserAttributes', 'set_custom_user_attributes', { user: 'logged_in_user', attrkey: 'k' }),
        internalAdmin,
      ).audit[0]?.success,
    ).toBe(false)
  })
  test.each([
    ['set_custom_user_attributes', 'foo'],
    ['delete_custom_user_attributes', 'Tokenowner'],
  ])(
    '%s with user %j (neither tokenowner nor logged_in_user): a warning; declines, undeterminable user',
    (action, user) => {
      const b = binding('CustomUserAttributes', action, { user, attrkey: 'dept' })
      expect(check([b]).map((d) => [d.code, d.severity, d.path, d.message])).toEqual([
        [
          'invalid-option',
          'warning',
          [0, 'options', 'user'],
          `${action}: user: "${user}" is not one of "tokenowner", "logged_in_user"; the action will decline`,
        ],
      ])
      // The event has both a token owner and a logged-in user: neither is chosen.
      const r = evaluate(b)
      expect(r.intents).toEqual([])
      expect(r.aborted).toBeUndefined()
      expect(r.audit[0]).toMatchObject({
        success: false,
        info: 'b1',
        details: `Unable to determine the user "${user}" for ${action}`,
      })
      expect(r.audit[0]).not.toHaveProperty('error')
    },
  )
  test('an empty attrkey compiles with a warning', () => {
    expect(
      compile(binding('CustomUserAttributes', 'set_custom_user_attributes')).action?.warnings.map((w) => w.code),
    ).toEqual(['empty-option'])
  })
  test('scenario: a user logs in to the web UI; stamp the login time attribute', () => {
    const b = binding(
      'CustomUserAttributes',
      'set_custom_user_attributes',
      { user: 'logged_in_user', attrkey: 'last_web_login', attrvalue: 'yes' },
      { events: ['auth'] },
    )
    const event = {
      ...baseEvent,
      name: 'auth',
      loggedIn: { role: 'user' as const, username: 'alice', realm: 'realm1' },
    }
    expect(engine.evaluate(event, [b]).intents).toMatchObject([
      { user: { login: 'alice', realm: 'realm1' }, key: 'last_web_login', value: 'yes' },
    ])
  })
})
