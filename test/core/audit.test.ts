import { describe, expect, it } from 'vitest'
import { auditEntry, auditInfo, auditMarker, INFO_MAX, renderOptions } from '../../src/core/audit.js'
import { binding, event } from './test-catalogue.js'

/** A single token with no type, realms or info. */
const TOKEN_T1 = {
  serial: 'T1',
  type: '',
  realms: [],
  resolvers: [],
  failcount: 0,
  maxfail: 10,
  otpCounter: 0,
  info: {},
} as const

describe('auditMarker', () => {
  it('writes the PRE-EVENT and POST-EVENT markers of privacyIDEA', () => {
    expect(auditMarker('post', 'token_init', 'UserNotification', 'sendmail')).toBe(
      'POST-EVENT token_init>>UserNotification:sendmail',
    )
    expect(auditMarker('pre', 'validate_check', 'RequestMangler', 'set')).toBe(
      'PRE-EVENT validate_check>>RequestMangler:set',
    )
  })

  it('keeps an empty action as privacyIDEA stores it', () => {
    expect(auditMarker('post', 'e', 'M', '')).toBe('POST-EVENT e>>M:')
  })
})

describe('renderOptions (Python str(dict))', () => {
  // Each expected string is what CPython 3 prints for str(dict) of the same map.
  const cases: ReadonlyArray<readonly [string, Readonly<Record<string, string>>, string]> = [
    ['an empty map', {}, '{}'],
    [
      'plain values, in insertion order',
      { emailconfig: 'mail', To: 'tokenowner' },
      "{'emailconfig': 'mail', 'To': 'tokenowner'}",
    ],
    ['a single quote switches to double quotes', { q: "it's" }, `{'q': "it's"}`],
    ['both quotes: single quotes, the single one escaped', { both: `'"` }, `{'both': '\\'"'}`],
    ['double quotes alone stay unescaped', { dq: 'say "hi"' }, `{'dq': 'say "hi"'}`],
    ['a backslash is doubled', { bs: 'a\\b' }, "{'bs': 'a\\\\b'}"],
    ['newline, return and tab escapes', { ws: 'a\nb\rc\td' }, "{'ws': 'a\\nb\\rc\\td'}"],
    ['other control characters as \\xNN', { ctl: '\u0000\u0001\u001f\u007f' }, "{'ctl': '\\x00\\x01\\x1f\\x7f'}"],
    ['printable non-ASCII stays as is', { uni: 'é€😀' }, "{'uni': 'é€😀'}"],
    [
      'non-printable non-ASCII as \\xNN, \\uNNNN or \\UNNNNNNNN',
      { np: '\u0085\u00a0\u00ad\u200b\u2028\u3000\ue000\u{e0080}' },
      "{'np': '\\x85\\xa0\\xad\\u200b\\u2028\\u3000\\ue000\\U000e0080'}",
    ],
    ['keys are quoted like values', { "k'ey": 'v' }, `{"k'ey": 'v'}`],
    ['empty key and value', { '': '' }, "{'': ''}"],
    ['a blank is printable', { sp: ' ' }, "{'sp': ' '}"],
  ]
  it.each(cases)('%s', (_, options, expected) => {
    expect(renderOptions(options)).toBe(expected)
  })
})

describe('auditInfo', () => {
  it('is the binding name without details', () => {
    expect(auditInfo('notify admin')).toBe('notify admin')
    expect(auditInfo('notify admin', '')).toBe('notify admin')
  })

  it('appends details in parentheses', () => {
    expect(auditInfo('notify admin', 'ConfigurationError')).toBe('notify admin (ConfigurationError)')
  })

  it('truncates to the 500-character column', () => {
    expect(INFO_MAX).toBe(500)
    const long = auditInfo('n'.repeat(450), 'd'.repeat(100))
    expect(long).toHaveLength(500)
    expect(long).toBe(`${'n'.repeat(450)} (${'d'.repeat(48)}`)
    expect(auditInfo('x'.repeat(500))).toBe('x'.repeat(500))
    expect(auditInfo('x'.repeat(501))).toBe('x'.repeat(500))
  })

  it('counts characters as Python does (code points), never splitting a surrogate pair', () => {
    const emoji = '😀'.repeat(300) // 300 characters, 600 UTF-16 code units
    expect(auditInfo(emoji)).toBe(emoji)
    const truncated = auditInfo('😀'.repeat(501))
    expect([...truncated]).toHaveLength(500)
    expect(truncated).toBe('😀'.repeat(500))
  })
})

describe('auditEntry', () => {
  const b = binding({ id: 7, name: 'mail', options: { to: 'admin' } })

  it('describes a triggered binding', () => {
    expect(auditEntry(event(), b, "{'to': 'admin'}", { success: true })).toStrictEqual({
      action: 'POST-EVENT token_init>>Notify:send',
      actionDetail: "{'to': 'admin'}",
      info: 'mail',
      event: 'token_init',
      position: 'post',
      bindingId: 7,
      bindingName: 'mail',
      handlerModule: 'Notify',
      success: true,
    })
  })

  it('keeps run details out of info: they go to details (privacyIDEA only logs them)', () => {
    expect(auditEntry(event(), b, '{}', { success: false, details: 'no serial' })).toMatchObject({
      info: 'mail',
      details: 'no serial',
    })
    expect(auditEntry(event(), b, '{}', { success: true })).not.toHaveProperty('details')
    expect(auditEntry(event(), b, '{}', { success: true, details: '' })).not.toHaveProperty('details')
  })

  it('puts details privacyIDEA reports as run details into info too', () => {
    expect(
      auditEntry(event(), b, '{}', { success: false, details: 'no recipient', runDetails: 'no recipient' }),
    ).toMatchObject({
      info: 'mail (no recipient)',
      details: 'no recipient',
    })
    expect(auditEntry(event(), b, '{}', { success: false, details: 'x', runDetails: 'y' })).toMatchObject({
      info: 'mail (y)',
      details: 'x',
    })
    expect(auditEntry(event(), b, '{}', { success: false, details: 'x' }).info).toBe('mail')
  })

  it('describes a failed binding with its error tag in info and the error', () => {
    const entry = auditEntry(event({ position: 'pre' }), b, '{}', {
      success: false,
      error: { tag: 'SendError', message: 'down' },
    })
    expect(entry.action).toBe('PRE-EVENT token_init>>Notify:send')
    expect(entry.info).toBe('mail (SendError)')
    expect(entry.success).toBe(false)
    expect(entry.error).toStrictEqual({ tag: 'SendError', message: 'down' })
  })

  it('copies serial, user, realm and token type from the event where known', () => {
    const e = event({
      serial: 'S1,S2',
      user: { login: 'alice', realm: 'r1', resolver: 'res' },
      token: { ...TOKEN_T1, type: 'totp' },
    })
    expect(auditEntry(e, b, '{}', { success: true })).toMatchObject({
      serial: 'S1,S2',
      user: 'alice',
      realm: 'r1',
      tokenType: 'totp',
    })
  })

  it("falls back to the token's serial and omits empty facts", () => {
    const e = event({
      user: { login: '', realm: '', resolver: '' },
      token: TOKEN_T1,
    })
    const entry = auditEntry(e, b, '{}', { success: true })
    expect(entry.serial).toBe('T1')
    expect('user' in entry || 'realm' in entry || 'tokenType' in entry).toBe(false)
  })

  it("an empty event serial names none: the token's serial stands in, as for the {serial} tag (SPEC 1.8)", () => {
    const token = TOKEN_T1
    expect(auditEntry(event({ serial: '', token }), b, '{}', { success: true }).serial).toBe('T1')
    expect(auditEntry(event({ serial: 'S9', token }), b, '{}', { success: true }).serial).toBe('S9')
    expect(Object.keys(auditEntry(event({ serial: '' }), b, '{}', { success: true }))).not.toContain('serial')
  })

  it('has no request facts for an event without them', () => {
    const entry = auditEntry(event(), b, '{}', { success: true })
    expect(Object.keys(entry)).not.toContain('serial')
    expect(Object.keys(entry)).not.toContain('user')
  })
})
