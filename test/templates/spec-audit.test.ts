/**
 * SPEC conformance audit of the template tags (SPEC 5, D9, D16, 4.9 WebHook tags): where every tag's value comes
 * from and what it renders when the fact is missing, through the public `evaluate(event, bindings)` (a Logging
 * message renders the SPEC 5 tags, WebHook data the WebHook tags).
 */
import { describe, expect, test } from 'vitest'
import type { Binding, Event } from '../../src/index.js'
import { evaluate, NOTIFICATION_TAGS } from '../../src/index.js'

const full: Event = {
  name: 'token_init',
  position: 'post',
  now: '2026-11-29T23:30:05+01:00',
  baseUrl: 'https://pi.example.com//',
  request: {
    path: '/token/init',
    method: 'POST',
    params: { serial: 'REQ0001', container_serial: 'SMPH0001' },
    clientIp: '10.0.0.5',
    userAgent: 'Mozilla/5.0 Firefox/128.0',
    browser: 'firefox',
  },
  response: {
    result: { status: true, value: { container_url: { value: 'pia://c', img: 'data:c' } } },
    detail: {
      serial: 'TOTP0001',
      registrationcode: 12345,
      pin: 'Pin1',
      googleurl: { value: 'otpauth://g', img: 'data:g' },
      pushurl: { value: 'otpauth://p', img: 'data:p' },
    },
  },
  loggedIn: { role: 'admin', username: 'helpdesk', realm: 'adminrealm' },
  user: {
    login: 'alice',
    realm: 'realm1',
    resolver: 'resolver1',
    info: { givenname: 'Alice', surname: 'Liddell', email: 'alice@example.com' },
  },
  serial: 'TOTP0001',
  token: {
    serial: 'TOTP0001',
    type: 'totp',
    description: 'work phone',
    realms: ['realm1'],
    resolvers: ['resolver1'],
    failcount: 0,
    maxfail: 10,
    otpCounter: 0,
    info: {},
  },
}

const bare: Event = { name: 'token_init', position: 'post', now: '2026-11-29T10:00:00Z', request: { params: {} } }

const logging = (message: string): Binding => ({
  id: 1,
  name: 'b1',
  events: ['token_init'],
  handlerModule: 'Logging',
  action: 'logging',
  position: 'post',
  ordering: 0,
  active: true,
  options: { message },
  conditions: {},
})

const render = (message: string, event: Event): string => {
  const e = evaluate(event, [{ ...logging(message), position: event.position }])
  return String((e.intents[0] as { readonly message?: unknown } | undefined)?.message)
}

const tag = (name: string, event: Event = full): string => render(`{${name}}`, event)

describe('SPEC 5: where each tag’s value comes from', () => {
  test.each([
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
    ['registrationcode', '12345'],
    ['googleurl_value', 'otpauth://g'],
    ['googleurl_img', 'data:g'],
    ['pushurl_value', 'otpauth://p'],
    ['pushurl_img', 'data:p'],
    ['container_serial', 'SMPH0001'],
    ['container_url_value', 'pia://c'],
    ['container_url_img', 'data:c'],
    ['time', '23:30:05'],
    ['date', '2026-11-29'],
    ['client_ip', '10.0.0.5'],
    ['ua_browser', 'firefox'],
    ['ua_string', 'Mozilla/5.0 Firefox/128.0'],
    ['pin', 'Pin1'],
    ['challenge', ''],
  ])('{%s} renders %j', (name, value) => {
    expect(tag(name)).toBe(value)
  })

  test('every SPEC 5 tag is known to Logging messages and renders "" without its facts (D9)', () => {
    const recipientFree = NOTIFICATION_TAGS.filter((t) => t !== 'recipient_givenname' && t !== 'recipient_surname')
    for (const name of recipientFree) {
      const expected = name === 'time' ? '10:00:00' : name === 'date' ? '2026-11-29' : ''
      expect([name, tag(name, bare)]).toEqual([name, expected])
    }
  })

  test('{user} is the given name, never the login', () => {
    const noName: Event = { ...full, user: { login: 'alice', realm: 'realm1', resolver: 'r' } }
    expect(tag('user', noName)).toBe('')
  })

  test('{serial}: a comma list as the host resolved it; the single token’s serial when the event names none', () => {
    expect(tag('serial', { ...full, serial: 'A1,B2' })).toBe('A1,B2')
    const { serial: _s, ...noSerial } = full
    expect(tag('serial', noSerial)).toBe('TOTP0001')
    // an empty serial names no serial either (privacyIDEA: request serial `or` detail serial `or` audit serial)
    expect(tag('serial', { ...full, serial: '' })).toBe('TOTP0001')
    const { token: _t, ...noToken } = full
    expect(tag('serial', { ...noToken, serial: '' })).toBe('')
  })

  test('{url}: without trailing slash, "" when unset (never the Host header)', () => {
    const { baseUrl: _b, ...noUrl } = full
    expect(tag('url', noUrl)).toBe('')
  })

  test('{time}/{date}: the event clock in its own offset', () => {
    expect(render('{date} {time}', { ...full, now: '2026-11-29T23:30:05-05:00' })).toBe('2026-11-29 23:30:05')
    expect(render('{date} {time}', { ...full, now: '2026-11-30T04:30:05Z' })).toBe('2026-11-30 04:30:05')
  })

  test('registration, QR, PIN and container-url tags do not exist in pre handlers (no response)', () => {
    const { response: _r, ...noResponse } = full
    const pre: Event = { ...noResponse, position: 'pre' }
    expect(render('{registrationcode}|{googleurl_img}|{pin}|{container_url_value}', pre)).toBe('|||')
  })

  test('{container_url} and {container_qr} (docs only, SPEC 8) are unknown tags: a configuration error', () => {
    for (const name of ['container_url', 'container_qr', 'random', 'logged_in_user']) {
      const e = evaluate(full, [logging(`{${name}}`)])
      expect([name, e.audit[0]?.info]).toEqual([name, 'b1 (ConfigurationError)'])
    }
  })

  test('{{ and }} are literal braces', () => {
    expect(render('{{serial}} {serial}', full)).toBe('{serial} TOTP0001')
  })
})

describe('SPEC 4.9 WebHook tags', () => {
  const hook = (data: string, event: Event = full): string => {
    const e = evaluate(event, [
      {
        ...logging(''),
        handlerModule: 'WebHook',
        action: 'post_webhook',
        options: { URL: 'https://h', content_type: 'urlencoded', replace: 'True', data },
      },
    ])
    return String((e.intents[0] as { readonly data?: unknown } | undefined)?.data)
  }

  test('serial only from the request parameters; aliases token_serial, token_owner, user_realm', () => {
    expect(hook('{serial}|{token_serial}|{token_owner}|{user_realm}')).toBe('REQ0001|REQ0001|Alice|realm1')
  })

  test('realm and logged_in_user of the request user, not the logged-in admin', () => {
    expect(hook('{realm}|{logged_in_user}|{admin}')).toBe('realm1|alice|helpdesk')
  })

  test('missing values become ""', () => {
    expect(hook('{serial}|{token_owner}|{user_realm}|{realm}|{logged_in_user}', bare)).toBe('||||')
  })
})
