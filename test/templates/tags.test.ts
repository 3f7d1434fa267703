import { describe, expect, test } from 'vitest'
import { makeContext } from '../../src/core/context.js'
import type { Event } from '../../src/core/model.js'
import {
  NOTIFICATION_TAGS,
  notificationTag,
  notificationTagValues,
  TAG_FACTS,
  TAG_SPECS,
  TAG_VALUES,
  tagFacts,
  WEBHOOK_ONLY_TAGS,
  webhookTag,
} from '../../src/templates/tags.js'
import { baseEvent } from '../handlers/helpers.js'

const full: Event = {
  ...baseEvent,
  request: { ...baseEvent.request, params: { ...baseEvent.request.params, container_serial: 'SMPH0001' } },
  response: {
    result: {
      status: true,
      value: { container_url: { value: 'pia://container/SMPH0001', img: 'data:image/png;base64,CCC' } },
    },
    detail: {
      serial: 'TOTP0001',
      registrationcode: 'REG-123',
      pin: 1234,
      googleurl: { value: 'otpauth://totp/X', img: 'data:image/png;base64,GGG' },
      pushurl: { value: 'otpauth://push/X', img: 'data:image/png;base64,PPP' },
    },
  },
}

describe('SPEC 5 tags and their sources', () => {
  const ctx = makeContext(full)
  test.each<[string, string]>([
    ['admin', 'helpdesk'],
    ['realm', 'adminrealm'],
    ['action', '/token/init'],
    ['serial', 'TOTP0001'],
    ['url', 'https://pi.example.com'],
    ['user', 'Alice'],
    ['givenname', 'Alice'],
    ['surname', 'Liddell'],
    ['username', 'alice'],
    ['userrealm', 'realm1'],
    ['tokentype', 'totp'],
    ['tokendescription', 'work phone'],
    ['registrationcode', 'REG-123'],
    ['recipient_givenname', 'Bob'],
    ['recipient_surname', 'Builder'],
    ['googleurl_value', 'otpauth://totp/X'],
    ['googleurl_img', 'data:image/png;base64,GGG'],
    ['pushurl_value', 'otpauth://push/X'],
    ['pushurl_img', 'data:image/png;base64,PPP'],
    ['container_serial', 'SMPH0001'],
    ['container_url_value', 'pia://container/SMPH0001'],
    ['container_url_img', 'data:image/png;base64,CCC'],
    ['time', '10:00:00'],
    ['date', '2026-11-29'],
    ['client_ip', '10.0.0.5'],
    ['ua_browser', 'firefox'],
    ['ua_string', 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0'],
    ['pin', '1234'],
    ['challenge', ''],
  ])('{%s} = %j', (tag, value) => {
    expect(notificationTag(ctx, tag as never, { givenname: 'Bob', surname: 'Builder' })).toBe(value)
  })

  test('the table covers every tag, and every tag has a documented source', () => {
    const documented = new Set(TAG_SPECS.map((t) => t.name))
    for (const t of [...NOTIFICATION_TAGS, ...WEBHOOK_ONLY_TAGS, 'random']) expect(documented.has(t)).toBe(true)
  })

  test('TAG_SPECS joins TAG_FACTS with TAG_VALUES: the same tags, in the same order, each with a non-empty text', () => {
    expect(Object.keys(TAG_VALUES)).toEqual(Object.keys(TAG_FACTS))
    expect(TAG_SPECS.map((t) => t.name)).toEqual(Object.keys(TAG_FACTS))
    for (const t of TAG_SPECS) expect(t.value).not.toBe('')
    expect(TAG_SPECS.find((t) => t.name === 'serial')).toEqual({
      name: 'serial',
      value: "the event's serial (a comma list when the host puts one there), else the single token's serial",
      facts: ['serial', 'token.serial'],
    })
  })

  test('D9: every tag of an empty event renders as ""', () => {
    const empty: Event = { name: 'auth', position: 'pre', now: '', request: { params: {} } }
    const values = notificationTagValues(makeContext(empty), undefined, false)
    expect(Object.values(values).every((v) => v === '')).toBe(true)
    expect(Object.keys(values)).toEqual([...NOTIFICATION_TAGS])
  })

  test('{time} and {date} are the event clock in its own offset', () => {
    const at = (now: string) => {
      const c = makeContext({ ...baseEvent, now })
      return `${notificationTag(c, 'date')} ${notificationTag(c, 'time')}`
    }
    expect(at('2026-11-29T23:30:15-05:00')).toBe('2026-11-29 23:30:15')
    expect(at('2026-11-29T23:30:15Z')).toBe('2026-11-29 23:30:15')
    expect(at('2026-11-30T05:00:00.123+05:45')).toBe('2026-11-30 05:00:00')
  })

  test('{serial} falls back to the single token, {url} drops trailing slashes', () => {
    const { serial: _s, ...rest } = baseEvent
    const c = makeContext({ ...rest, baseUrl: 'https://pi/x//' })
    expect(notificationTag(c, 'serial')).toBe('TOTP0001')
    expect(notificationTag(c, 'url')).toBe('https://pi/x')
  })

  test('the empty user (login "") has no user tags', () => {
    const c = makeContext({
      ...baseEvent,
      user: { login: '', realm: 'realm1', resolver: '', info: { givenname: 'X' } },
    })
    expect([notificationTag(c, 'username'), notificationTag(c, 'userrealm'), notificationTag(c, 'givenname')]).toEqual([
      '',
      '',
      '',
    ])
  })

  test('response values render as Python str(): numbers, True/False; objects and null as ""', () => {
    const r = (pin: unknown) => notificationTag(makeContext({ ...baseEvent, response: { detail: { pin } } }), 'pin')
    expect([r(12), r(true), r(false), r(null), r({ a: 1 }), r([1]), r('x')]).toEqual([
      '12',
      'True',
      'False',
      '',
      '',
      '',
      'x',
    ])
  })

  test('html escapes every value', () => {
    const c = makeContext({
      ...baseEvent,
      user: { login: 'alice', realm: 'realm1', resolver: 'r', info: { givenname: '<b>&"' } },
    })
    expect(notificationTagValues(c, undefined, true).givenname).toBe('&lt;b&gt;&amp;&quot;')
  })
})

describe('WebHook tags (SPEC 4.9)', () => {
  test('serial from request parameters only; realm and logged_in_user of the request user; aliases', () => {
    const c = makeContext(baseEvent)
    expect(webhookTag(c, 'serial')).toBe('TOTP0001')
    expect(webhookTag(c, 'token_serial')).toBe('TOTP0001')
    expect(webhookTag(c, 'realm')).toBe('realm1')
    expect(webhookTag(c, 'logged_in_user')).toBe('alice')
    expect(webhookTag(c, 'token_owner')).toBe('Alice')
    expect(webhookTag(c, 'user_realm')).toBe('realm1')
    expect(webhookTag(c, 'admin')).toBe('helpdesk')
  })
  test('without a request user: the logged-in identity; without a serial parameter: ""', () => {
    const { user: _u, ...rest } = baseEvent
    const c = makeContext({ ...rest, request: { params: {} } })
    expect(webhookTag(c, 'realm')).toBe('adminrealm')
    expect(webhookTag(c, 'logged_in_user')).toBe('helpdesk')
    expect(webhookTag(c, 'serial')).toBe('')
  })
})

test('tagFacts lists the event paths the tags read', () => {
  expect(tagFacts(['serial', 'time', 'date'])).toEqual(['serial', 'token.serial', 'now'])
  expect(tagFacts(['serial', 'realm'], true)).toEqual([
    'request.params.serial',
    'user.login',
    'user.realm',
    'loggedIn.realm',
  ])
})
