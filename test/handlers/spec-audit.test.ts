/**
 * SPEC conformance audit of the handler modules (SPEC 4.1–4.11, 1.8 targets, D4, D12, D16), one example per SPEC
 * statement that the module tests do not already state, through the public `evaluate(event, bindings)`.
 */
import { describe, expect, test } from 'vitest'
import type { Binding, Evaluation, Event, Intent } from '../../src/index.js'
import { evaluate } from '../../src/index.js'
import { baseEvent } from './helpers.js'

const bind = (handlerModule: string, action: string, options: Record<string, string>, over: Partial<Binding> = {}) =>
  ({
    id: 1,
    name: 'b1',
    events: [baseEvent.name],
    handlerModule,
    action,
    position: 'post',
    ordering: 0,
    active: true,
    options,
    conditions: {},
    ...over,
  }) satisfies Binding

/** Evaluates one binding; its events and position follow the event. */
const run = (b: Binding, event: Event = baseEvent): Evaluation =>
  evaluate(event, [{ ...b, events: [event.name], position: event.position }])

const intent = <I = Record<string, unknown>>(e: Evaluation): I & Intent => {
  expect(e.intents).toHaveLength(1)
  return e.intents[0] as I & Intent
}

const preOf = (event: Event): Event => {
  const { response: _r, ...rest } = event
  return { ...rest, position: 'pre' }
}

const withoutUser = (event: Event): Event => {
  const { user: _u, ...rest } = event
  return rest
}

describe('SPEC 4.1 UserNotification', () => {
  test('sendmail defaults: To tokenowner with the email attribute, plain, the default subject', () => {
    const i = intent(run(bind('UserNotification', 'sendmail', { emailconfig: 'smtp1' })))
    expect(i).toMatchObject({
      emailconfig: 'smtp1',
      mimetype: 'plain',
      subject: 'An action was performed on your token.',
      recipient: { type: 'tokenowner', attribute: 'email' },
      resolvedRecipient: { email: ['alice@example.com'], username: 'alice', userrealm: 'realm1' },
    })
    expect(i).not.toHaveProperty('replyTo')
    expect(i).not.toHaveProperty('attachment')
  })

  test('the recipient tags: tokenowner’s names; internal admin’s given name is the admin username', () => {
    const body = '{recipient_givenname}|{recipient_surname}'
    const owner = intent(run(bind('UserNotification', 'sendmail', { emailconfig: 's', body })))
    expect(owner).toMatchObject({ body: 'Alice|Liddell' })
    const admin = intent(
      run(
        bind('UserNotification', 'sendmail', {
          emailconfig: 's',
          body,
          To: 'internal admin',
          'To internal admin': 'root',
        }),
      ),
    )
    expect(admin).toMatchObject({ body: 'root|', recipient: { type: 'internal admin', username: 'root' } })
  })

  test('To email: the comma list, not trimmed', () => {
    const i = intent(
      run(bind('UserNotification', 'sendmail', { emailconfig: 's', To: 'email', 'To email': 'a@x.org, b@y.org' })),
    )
    expect(i).toMatchObject({ recipient: { type: 'email', addresses: ['a@x.org', ' b@y.org'] } })
  })

  test('logged_in_user of an identity without a realm: an internal admin, given name = username', () => {
    const event: Event = { ...baseEvent, loggedIn: { role: 'admin', username: 'root' } }
    const i = intent(run(bind('UserNotification', 'sendmail', { emailconfig: 's', To: 'logged_in_user' }), event))
    expect(i).toMatchObject({
      recipient: { type: 'logged_in_user', username: 'root' },
      tags: { recipient_givenname: 'root' },
    })
  })

  test('no recipient: nothing is sent and the action returns true, with run details', () => {
    const e = run(bind('UserNotification', 'sendsms', { smsconfig: 'gw' }), withoutUser(baseEvent))
    expect(e.intents).toEqual([])
    expect(e.audit[0]).toMatchObject({
      success: true,
      info: "b1 (No recipient 'tokenowner' found, no notification was sent.)",
      details: "No recipient 'tokenowner' found, no notification was sent.",
    })
  })

  test('savefile needs no recipient', () => {
    const e = run(bind('UserNotification', 'savefile', { body: 'x', filename: 'f.txt' }), withoutUser(baseEvent))
    expect(intent(e)).toMatchObject({ filename: 'f.txt', body: 'x' })
  })

  test('sendmail reply_to "admin realm" without a realm: no Reply-To (the SMTP default)', () => {
    const i = intent(run(bind('UserNotification', 'sendmail', { emailconfig: 's', reply_to: 'admin realm' })))
    expect(i).not.toHaveProperty('replyTo')
  })

  test('sendmail reply_to email: the first address of the list', () => {
    const i = intent(
      run(bind('UserNotification', 'sendmail', { emailconfig: 's', reply_to: 'email', 'reply_to email': 'a@x,b@y' })),
    )
    expect(i).toMatchObject({ replyTo: { value: 'a@x' } })
  })

  test('sendsms: the phone is the recipient’s mobile; To allows only tokenowner', () => {
    expect(intent(run(bind('UserNotification', 'sendsms', { smsconfig: 'gw' })))).toMatchObject({
      phone: '+491701234567',
      smsconfig: 'gw',
    })
    expect(run(bind('UserNotification', 'sendsms', { smsconfig: 'gw', To: 'email' })).audit[0]).toMatchObject({
      success: false,
      info: 'b1 (ConfigurationError)',
    })
  })

  test('html mimetype escapes the tag values of sendmail only; sendsms is never escaped', () => {
    const event: Event = {
      ...baseEvent,
      user: { ...(baseEvent.user as NonNullable<Event['user']>), info: { givenname: '<b>A&B</b>' } },
    }
    const body = '<p>{user}</p>'
    expect(
      intent(run(bind('UserNotification', 'sendmail', { emailconfig: 's', mimetype: 'html', body }), event)),
    ).toMatchObject({ body: '<p>&lt;b&gt;A&amp;B&lt;/b&gt;</p>' })
    expect(intent(run(bind('UserNotification', 'sendsms', { smsconfig: 'g', body }), event))).toMatchObject({
      body: '<p><b>A&B</b></p>',
    })
  })

  test('{random} in a savefile name: 16 alphanumerics (D16: from event.entropy)', () => {
    const i = intent<{ filename: string }>(
      run(bind('UserNotification', 'savefile', { body: 'x', filename: 'n-{random}.txt' })),
    )
    expect(i.filename).toMatch(/^n-[A-Za-z0-9]{16}\.txt$/)
  })
})

describe('SPEC 4.2 Token', () => {
  test('per-token actions apply to each serial of the context list, spaces removed', () => {
    const event: Event = { ...baseEvent, serial: 'A1, B2 ,C3' }
    for (const action of ['delete', 'unassign', 'disable', 'enable']) {
      expect(intent(run(bind('Token', action, {}), event)), action).toMatchObject({ serials: ['A1', 'B2', 'C3'] })
    }
  })

  test('set random pin with several serials: the last PIN is in detail.pin of the response', () => {
    const event: Event = { ...baseEvent, serial: 'A1,B2' }
    const e = run(bind('Token', 'set random pin', { length: '8' }), event)
    const i = intent<{ pins: ReadonlyArray<{ serial: string; pin: string }> }>(e)
    expect(i.pins.map((p) => p.serial)).toEqual(['A1', 'B2'])
    expect(i.pins.every((p) => /^[A-Za-z0-9]{8}$/.test(p.pin))).toBe(true)
    expect(e.response).toMatchObject({ detail: { pin: i.pins[1]?.pin } })
  })

  test('set random pin: empty length means 6', () => {
    const i = intent<{ length: number }>(run(bind('Token', 'set random pin', { length: '' })))
    expect(i.length).toBe(6)
  })

  test('set tokeninfo: {username}/{realm} are the event user’s login and realm (D4), not N/A', () => {
    const i = intent(run(bind('Token', 'set tokeninfo', { key: 'by', value: '{username}@{realm} from {client_ip}' })))
    expect(i).toMatchObject({ key: 'by', value: 'alice@realm1 from 10.0.0.5' })
  })

  test('set description: a tag other than the clock and request tags is a configuration error', () => {
    expect(run(bind('Token', 'set description', { description: '{username}' })).audit[0]).toMatchObject({
      success: false,
      info: 'b1 (ConfigurationError)',
    })
  })

  test('set validity: +Nm/+Nh/+Nd from the event clock; another unit means now; stored YYYY-MM-DDTHH:MM±hhmm', () => {
    const validity = (v: string) =>
      intent<{ validTill: string }>(run(bind('Token', 'set validity', { 'valid till': v }))).validTill
    expect(validity('+10m')).toBe('2026-11-29T10:10+0100')
    expect(validity('+2h')).toBe('2026-11-29T12:00+0100')
    expect(validity('+7d')).toBe('2026-12-06T10:00+0100')
    expect(validity('+3y')).toBe('2026-11-29T10:00+0100')
  })

  test('set validity: fixed dates, day first only when the string starts dd/ or dd.', () => {
    const validity = (v: string) =>
      intent<{ validFrom: string }>(run(bind('Token', 'set validity', { 'valid from': v }))).validFrom
    expect(validity('2016/12/23')).toBe('2016-12-23T00:00')
    expect(validity('23.12.2016 9:30')).toBe('2016-12-23T09:30')
    expect(validity('2016-12-23T15:30+0600')).toBe('2016-12-23T15:30+0600')
  })

  test('set countwindow: default 50', () => {
    expect(intent(run(bind('Token', 'set countwindow', {})))).toMatchObject({ countWindow: 50 })
  })

  test('increase tokeninfo: increment default 1, may be negative', () => {
    expect(intent(run(bind('Token', 'increase tokeninfo', { key: 'k' })))).toMatchObject({ key: 'k', increment: 1 })
    expect(intent(run(bind('Token', 'increase tokeninfo', { key: 'k', increment: '-3' })))).toMatchObject({
      increment: -3,
    })
  })

  test('change failcounter: +n / -n; a bad integer warns and still succeeds', () => {
    expect(intent(run(bind('Token', 'change failcounter', { 'change fail counter': '+2' })))).toMatchObject({
      change: 2,
    })
    const e = run(bind('Token', 'set failcounter', { 'fail counter': 'zero' }))
    expect(intent(e)).toMatchObject({ failCounter: null })
    expect(e.audit[0]?.success).toBe(true)
  })

  test('enroll: base params type, genkey=1, realm; no serials needed', () => {
    const event: Event = { ...baseEvent, serial: '' }
    const { token: _t, ...noToken } = event
    const i = intent(run(bind('Token', 'enroll', { tokentype: 'hotp', realm: 'r2' }), noToken))
    expect(i).toMatchObject({ params: { type: 'hotp', genkey: 1, realm: 'r2' } })
    expect(i).not.toHaveProperty('user')
  })

  test('enroll: phone/email extras only when user is set', () => {
    const sms = (user: string) => intent(run(bind('Token', 'enroll', { tokentype: 'sms', user }))).params
    expect(sms('True')).toMatchObject({ phone: '+491701234567' })
    expect(sms('False')).not.toHaveProperty('phone')
  })
})

describe('SPEC 4.3 Script', () => {
  test('arguments in order: --serial, --user, --realm, --logged_in_user, --logged_in_role', () => {
    const options = {
      background: 'wait',
      serial: 'True',
      user: 'True',
      realm: 'True',
      logged_in_user: 'True',
      logged_in_role: 'True',
      raise_error: 'True',
    }
    expect(intent(run(bind('Script', 'notify.sh', options)))).toMatchObject({
      script: 'notify.sh',
      mode: 'wait',
      abortOnFailure: true,
      args: [
        '--serial',
        'TOTP0001',
        '--user',
        'alice',
        '--realm',
        'realm1',
        '--logged_in_user',
        'helpdesk@adminrealm',
        '--logged_in_role',
        'admin',
      ],
    })
  })

  test('raise_error matters only with wait; without a login: none@none and none', () => {
    const { loggedIn: _l, ...nobody } = baseEvent
    const i = intent(
      run(
        bind('Script', 's.sh', {
          background: 'background',
          raise_error: 'True',
          logged_in_user: 'True',
          logged_in_role: 'True',
        }),
        nobody,
      ),
    )
    expect(i).toMatchObject({
      abortOnFailure: false,
      args: ['--logged_in_user', 'none@none', '--logged_in_role', 'none'],
    })
  })
})

describe('SPEC 4.4 Federation', () => {
  test('forward: realm, resolver and client written into the request parameters sent', () => {
    const e = run(
      bind('Federation', 'forward', { privacyIDEA: 'child', realm: 'r2', resolver: 'res2', forward_client_ip: 'True' }),
    )
    expect(intent(e)).toMatchObject({
      server: 'child',
      method: 'POST',
      path: '/token/init',
      params: { realm: 'r2', resolver: 'res2', client: '10.0.0.5' },
    })
    expect(e.request.params).toMatchObject({ realm: 'r2', resolver: 'res2', client: '10.0.0.5' })
  })
})

describe('SPEC 4.5 Counter', () => {
  test('the three actions name the counter; decrease carries allow_negative_values', () => {
    expect(intent(run(bind('Counter', 'increase_counter', { counter_name: 'c' })))).toMatchObject({ counterName: 'c' })
    expect(
      intent(run(bind('Counter', 'decrease_counter', { counter_name: 'c', allow_negative_values: 'True' }))),
    ).toMatchObject({ counterName: 'c', allowNegative: true })
    expect(intent(run(bind('Counter', 'reset_counter', { counter_name: 'c' })))).toMatchObject({ counterName: 'c' })
  })
})

describe('SPEC 4.6 RequestMangler', () => {
  test('set with match_parameter but an empty match_pattern: nothing changes, still success', () => {
    const e = run(bind('RequestMangler', 'set', { parameter: 'realm', value: 'x', match_parameter: 'user' }))
    expect(e.request.params.realm).toBe('realm1')
    expect(e.audit[0]?.success).toBe(true)
  })

  test('set: the match parameter must exist; the pattern must match the whole value', () => {
    const opts = { parameter: 'realm', value: '{0}', match_parameter: 'user', match_pattern: 'ali' }
    expect(run(bind('RequestMangler', 'set', opts)).request.params.realm).toBe('realm1')
    const missing = { ...opts, match_parameter: 'username', match_pattern: '.*' }
    expect(run(bind('RequestMangler', 'set', missing)).request.params.realm).toBe('realm1')
  })

  test('reset_user only in the matching branch: a plain set never resets the user', () => {
    const i = intent(run(bind('RequestMangler', 'set', { parameter: 'realm', value: 'r2', reset_user: 'True' })))
    expect(i).not.toHaveProperty('resetUser')
  })

  test('delete an absent parameter: unchanged, success', () => {
    const e = run(bind('RequestMangler', 'delete', { parameter: 'nope' }))
    expect(e.request).toEqual(baseEvent.request)
    expect(e.audit[0]?.success).toBe(true)
  })
})

describe('SPEC 4.7 ResponseMangler', () => {
  test('delete: empty components are ignored (//detail//googleurl/)', () => {
    const e = run(bind('ResponseMangler', 'delete', { 'JSON pointer': '//detail//googleurl/' }))
    expect(e.response).toEqual({ result: { status: true, value: true }, detail: { serial: 'TOTP0001' } })
  })

  test('set with three components creates missing intermediate objects', () => {
    const e = run(bind('ResponseMangler', 'set', { 'JSON pointer': '/a/b/c', type: 'integer', value: '7' }))
    expect(e.response).toMatchObject({ a: { b: { c: 7 } } })
  })

  test('set with four components: unchanged, success', () => {
    const e = run(bind('ResponseMangler', 'set', { 'JSON pointer': '/a/b/c/d', type: 'string', value: 'x' }))
    expect(e.response).toEqual(baseEvent.response)
    expect(e.audit[0]?.success).toBe(true)
  })

  test('bool values use is_true', () => {
    for (const [v, b] of [
      ['True', true],
      ['1', true],
      ['yes', false],
    ] as const) {
      const e = run(bind('ResponseMangler', 'set', { 'JSON pointer': '/detail/x', type: 'bool', value: v }))
      expect(e.response, v).toMatchObject({ detail: { x: b } })
    }
  })

  test('a non-JSON body: delete leaves it, set replaces it by JSON', () => {
    const text: Event = { ...baseEvent, response: 'plain text' }
    expect(run(bind('ResponseMangler', 'delete', { 'JSON pointer': '/detail' }), text).response).toBe('plain text')
    expect(
      run(bind('ResponseMangler', 'set', { 'JSON pointer': '/detail', type: 'string', value: 'v' }), text).response,
    ).toEqual({ detail: 'v' })
  })
})

describe('SPEC 4.8 Logging', () => {
  test('WARN is a Python level name (WARNING); unknown names fall back to INFO', () => {
    expect(intent(run(bind('Logging', 'logging', { level: 'WARN' })))).toMatchObject({
      level: 'WARNING',
      levelNumber: 30,
    })
    expect(intent(run(bind('Logging', 'logging', { level: 'LOUD' })))).toMatchObject({ level: 'INFO', levelNumber: 20 })
  })

  test('the default message: event={action} triggered', () => {
    expect(intent(run(bind('Logging', 'logging', {})))).toMatchObject({
      logger: 'pi-eventlogger',
      message: 'event=/token/init triggered',
    })
  })
})

describe('SPEC 4.9 WebHook', () => {
  const hook = (options: Record<string, string>) =>
    bind('WebHook', 'post_webhook', { URL: 'https://h.example.com', content_type: 'application/json', ...options })

  test('an unknown content type: the action returns false (declined, no intent, never an abort)', () => {
    const e = evaluate(baseEvent, [
      { ...hook({ content_type: 'text/plain', data: '{}' }), abortOnError: true },
      { ...hook({ data: '{}' }), id: 2, ordering: 1 },
    ])
    expect(e.aborted).toBeUndefined()
    expect(e.audit.map((a) => [a.bindingId, a.success])).toEqual([
      [1, false],
      [2, true],
    ])
    expect(e.intents.map((i) => i.bindingId)).toEqual([2])
  })

  test('replace: {realm} is the request user’s realm, {logged_in_user} its login; serial only from the request', () => {
    const event: Event = { ...baseEvent, request: { ...baseEvent.request, params: {} } }
    const data = '{"r": "{realm}", "l": "{logged_in_user}", "s": "{serial}", "t": "{token_serial}"}'
    expect(intent(run(hook({ replace: 'True', data }), event))).toMatchObject({
      data: '{"r": "realm1", "l": "alice", "s": "", "t": ""}',
    })
  })

  test('replace without a request user: {realm} and {logged_in_user} of the logged-in identity', () => {
    const data = 'r={realm}&l={logged_in_user}&o={token_owner}&u={user_realm}'
    expect(
      intent(
        run(hook({ content_type: 'application/x-www-form-urlencoded', replace: 'True', data }), withoutUser(baseEvent)),
      ),
    ).toMatchObject({ data: 'r=adminrealm&l=helpdesk&o=&u=' })
  })

  test('JSON: tags in keys, nested string values and list items; numbers untouched', () => {
    const data = '{"{username}": {"deep": ["{serial}", 1, true]}, "n": 2.5}'
    expect(intent(run(hook({ replace: 'True', data })))).toMatchObject({
      data: '{"alice": {"deep": ["TOTP0001", 1, true]}, "n": 2.5}',
    })
  })

  test('without replace the data is sent as written, tags and all', () => {
    expect(intent(run(hook({ data: '{"s": "{serial}"}' })))).toMatchObject({
      data: '{"s": "{serial}"}',
      replaced: false,
    })
  })
})

describe('SPEC 4.10 CustomUserAttributes', () => {
  test('user defaults to tokenowner; logged_in_user needs a logged-in user with a realm', () => {
    expect(
      intent(run(bind('CustomUserAttributes', 'set_custom_user_attributes', { attrkey: 'k', attrvalue: 'v' }))),
    ).toMatchObject({ user: { login: 'alice', realm: 'realm1' }, key: 'k', value: 'v' })
    const e = run(
      bind('CustomUserAttributes', 'delete_custom_user_attributes', { user: 'logged_in_user', attrkey: 'k' }),
      {
        ...baseEvent,
        loggedIn: { role: 'user', username: 'bob', realm: 'realm2' },
      },
    )
    expect(intent(e)).toMatchObject({ user: { login: 'bob', realm: 'realm2' }, key: 'k' })
  })

  test('an undeterminable user: false', () => {
    const e = run(bind('CustomUserAttributes', 'set_custom_user_attributes', { attrkey: 'k' }), withoutUser(baseEvent))
    expect(e.intents).toEqual([])
    expect(e.audit[0]?.success).toBe(false)
  })
})

describe('SPEC 4.11 Container', () => {
  const container: Event = {
    ...baseEvent,
    container: {
      serial: 'SMPH0001',
      type: 'smartphone',
      states: ['active'],
      owners: [],
      realms: [],
      tokenCount: 1,
      info: {},
    },
  }

  test('create needs no container; type required; description defaults to ""', () => {
    expect(intent(run(bind('Container', 'create', { type: 'generic' })))).toMatchObject({
      containerType: 'generic',
      description: '',
      users: [],
      tokens: [],
    })
  })

  test('set states: "False" selects nothing (D12): no state ⇒ false', () => {
    const e = run(bind('Container', 'set states', { active: 'False', lost: 'False' }), container)
    expect(e.intents).toEqual([])
    expect(e.audit[0]?.success).toBe(false)
    expect(intent(run(bind('Container', 'add states', { lost: 'True' }), container))).toMatchObject({
      container: 'SMPH0001',
      states: ['lost'],
    })
  })

  test('unassign without owners: false', () => {
    expect(run(bind('Container', 'unassign', {}), container).audit[0]?.success).toBe(false)
  })

  test('set container info: value defaults to ""; delete container info takes no option', () => {
    expect(intent(run(bind('Container', 'set container info', { key: 'k' }), container))).toMatchObject({
      key: 'k',
      value: '',
    })
    expect(intent(run(bind('Container', 'delete container info', {}), container))).toMatchObject({
      container: 'SMPH0001',
    })
  })

  test('enable/disable/remove all tokens and unregister act on the event’s container', () => {
    for (const action of ['remove all tokens', 'disable all tokens', 'enable all tokens', 'unregister', 'delete']) {
      expect(intent(run(bind('Container', action, {}), container)), action).toMatchObject({ container: 'SMPH0001' })
      expect(run(bind('Container', action, {})).audit[0], action).toMatchObject({
        success: false,
        info: 'b1',
        details: 'no container found for the event',
      })
    }
  })
})

describe('SPEC 1.7 / 4.2 / 4.7: pre position has no response', () => {
  test('set random pin in pre fails as privacyIDEA raises', () => {
    expect(run(bind('Token', 'set random pin', {}), preOf(baseEvent)).audit[0]).toMatchObject({
      success: false,
      info: 'b1 (AttributeError)',
    })
  })
})
