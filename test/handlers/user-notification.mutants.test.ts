/**
 * UserNotification (SPEC 4.1): behaviour the example tests leave implicit — the descriptor texts, the facts each
 * action reads, the configuration error and warning sentences, the recipient and Reply-To cases, the QR image
 * sources and the spool file names.
 */
import { describe, expect, test } from 'vitest'
import { requiredFactsWith } from '../../src/analysis/facts.js'
import type { Event } from '../../src/core/model.js'
import { ALPHANUMERIC } from '../../src/handlers/entropy.js'
import { handlerCatalogue } from '../../src/handlers/index.js'
import { userNotificationModule } from '../../src/handlers/user-notification.js'
import { baseEvent, binding, compile, evaluate, noConditions, onlyIntent } from './helpers.js'
import { expectDescribed, expectFactsSuffice } from './mutants-helpers.js'

const mailBinding = (options: Record<string, string> = {}) =>
  binding('UserNotification', 'sendmail', { emailconfig: 'smtp1', ...options })
const mail = (options: Record<string, string> = {}, event: Event = baseEvent) => evaluate(mailBinding(options), event)
const save = (filename: string, event: Event = baseEvent) =>
  evaluate(binding('UserNotification', 'savefile', { body: 'b', filename }), event)

const ALICE = { login: 'alice', realm: 'realm1', resolver: 'resolver1' }
const { entropy: _e, ...noEntropy } = baseEvent
const { user: _u, ...noUser } = baseEvent
/** alice logged in herself. */
const selfService: Event = { ...baseEvent, loggedIn: { role: 'user', username: 'alice', realm: 'realm1' } }

describe('UserNotification descriptor', () => {
  test('the module, each action and each option describe themselves', () => {
    expectDescribed(userNotificationModule)
  })
})

describe('UserNotification facts: evaluating the event pruned to the required facts changes nothing', () => {
  test.each([
    [{}, baseEvent],
    [{ To: 'logged_in_user' }, selfService],
    [{ To: 'logged_in_user', 'To logged_in_user': 'mobile' }, selfService],
    [{ To: 'internal admin', 'To internal admin': 'super' }, baseEvent],
    [{ To: 'email', 'To email': 'a@x', reply_to: 'tokenowner' }, baseEvent],
    [{ To: 'email', 'To email': 'a@x', reply_to: 'logged_in_user' }, selfService],
    [{ attach_qrcode: 'True', body: '{givenname} {pin} {time} {client_ip} {container_serial}' }, baseEvent],
  ] as const)('sendmail %j', (options, event) => {
    expect(expectFactsSuffice(mailBinding(options), event).intents).toHaveLength(1)
  })
  test('every action reads the sources of every tag; a savefile name with {random} the entropy too', () => {
    const requiredFacts = requiredFactsWith({ conditions: noConditions, handlers: handlerCatalogue })
    const facts = (action: string, options: Record<string, string>) =>
      requiredFacts([binding('UserNotification', action, options)], 'token_init', 'post')
    const sms = facts('sendsms', { smsconfig: 'gw' })
    expect(sms).toContain('user')
    expect(sms).toContain('loggedIn')
    expect(sms).not.toContain('entropy')
    expect(facts('savefile', { body: 'b', filename: 'x.txt' })).toEqual(sms)
    expect(facts('sendmail', { emailconfig: 'm', To: 'email', 'To email': 'a@x' })).toEqual(sms)
    expect(facts('savefile', { body: 'b', filename: '{random}.txt' })).toEqual([...sms, 'entropy'].sort())
  })
  test('sendsms and savefile', () => {
    expect(
      expectFactsSuffice(binding('UserNotification', 'sendsms', { smsconfig: 'gw', body: '{serial} {surname}' }))
        .intents,
    ).toHaveLength(1)
    expect(
      expectFactsSuffice(
        binding('UserNotification', 'savefile', { body: '{username} {tokentype}', filename: '{userrealm}-{random}' }),
      ).intents,
    ).toHaveLength(1)
  })
})

describe('UserNotification configuration sentences', () => {
  test('template errors name the action and the option', () => {
    const messages = (action: string, options: Record<string, string>) =>
      compile(binding('UserNotification', action, options)).issues.map((i) => i.message.split(':')[0])
    expect(messages('sendmail', { emailconfig: 'm', subject: '{x}', body: '{y}' })).toEqual([
      'sendmail subject',
      'sendmail body',
    ])
    expect(messages('sendmail', { emailconfig: 'm', body: '{y}' })).toEqual(['sendmail body'])
    expect(messages('sendmail', { emailconfig: 'm', subject: '{x}' })).toEqual(['sendmail subject'])
    expect(
      compile(binding('UserNotification', 'savefile', { body: 'b', filename: '{z}' })).issues.map((i) => i.path),
    ).toEqual([['options', 'filename']])
    expect(messages('sendsms', { smsconfig: 'm', body: '{y}' })).toEqual(['sendsms body'])
    expect(messages('savefile', { body: '{y}', filename: '{z}' })).toEqual(['savefile body', 'savefile filename'])
    expect(messages('savefile', { body: 'y', filename: '{z}' })).toEqual(['savefile filename'])
  })
  test('an empty recipient warns in a sentence at the option that is empty', () => {
    expect(compile(mailBinding({ To: 'email' })).action?.warnings).toEqual([
      {
        code: 'empty-option',
        message: 'To is "email" but "To email" is empty: the mail has no address',
        path: ['options', 'To email'],
      },
    ])
    expect(compile(mailBinding({ To: 'internal admin' })).action?.warnings).toEqual([
      {
        code: 'empty-option',
        message: 'To is "internal admin" but "To internal admin" is empty',
        path: ['options', 'To internal admin'],
      },
    ])
    for (const options of [
      {},
      { To: 'email', 'To email': 'a@x' },
      { To: 'internal admin', 'To internal admin': 'super' },
      { 'To email': '', 'To internal admin': '' },
    ])
      expect(compile(mailBinding(options)).action?.warnings).toEqual([])
  })
  test('a constant file name outside the spool directory warns; a name with tags is checked per event', () => {
    expect(
      compile(binding('UserNotification', 'savefile', { body: 'x', filename: 'a/../..' })).action?.warnings,
    ).toEqual([
      {
        code: 'outside-spool',
        message: 'filename: The notification file is outside of the spool directory.',
        path: ['options', 'filename'],
      },
    ])
    expect(
      compile(binding('UserNotification', 'savefile', { body: 'x', filename: '../{serial}' })).action?.warnings,
    ).toEqual([])
    expect(
      compile(binding('UserNotification', 'savefile', { body: 'x', filename: 'a/b.txt' })).action?.warnings,
    ).toEqual([])
  })
})

describe('UserNotification recipients (SPEC 4.1)', () => {
  test('To email: the list, and no names for the recipient tags', () => {
    expect(onlyIntent(mail({ To: 'email', 'To email': 'a@x', body: '[{recipient_givenname}]' }))).toMatchObject({
      recipient: { type: 'email', addresses: ['a@x'] },
      body: '[]',
    })
  })
  test('To email without addresses: one empty address, as privacyIDEA splits ""', () => {
    expect(onlyIntent(mail({ To: 'email' }))).toMatchObject({
      recipient: { type: 'email', addresses: [''] },
      resolvedRecipient: { email: [''] },
    })
  })
  test('To logged_in_user without a user in event: named for the host', () => {
    const i = onlyIntent(mail({ To: 'logged_in_user' }, noUser))
    expect(i).toMatchObject({ recipient: { type: 'logged_in_user', username: 'helpdesk', realm: 'adminrealm' } })
    expect(i).not.toHaveProperty('resolvedRecipient')
  })
  test('To internal admin with an empty name still names the type for the host', () => {
    expect(onlyIntent(mail({ To: 'internal admin' }))).toMatchObject({
      recipient: { type: 'internal admin', username: '' },
    })
  })
  test('To logged_in_user: the user in event only when login and realm (any case) are the same', () => {
    const resolved = onlyIntent(mail({ To: 'logged_in_user', body: '{recipient_surname}' }, selfService))
    expect(resolved).toMatchObject({
      recipient: { type: 'logged_in_user', attribute: 'email', username: 'alice', realm: 'realm1' },
      resolvedRecipient: { givenname: 'Alice', surname: 'Liddell', email: ['alice@example.com'] },
      body: 'Liddell',
    })
    expect(resolved).not.toHaveProperty('resolvedRecipient.username')
    expect(resolved).not.toHaveProperty('resolvedRecipient.userrealm')
    for (const loggedIn of [
      { role: 'user' as const, username: 'Alice', realm: 'realm1' },
      { role: 'user' as const, username: 'alice', realm: 'realm2' },
    ]) {
      const other = onlyIntent(
        mail({ To: 'logged_in_user', body: '[{recipient_givenname}]' }, { ...baseEvent, loggedIn }),
      )
      expect(other).toMatchObject({ recipient: { username: loggedIn.username, realm: loggedIn.realm }, body: '[]' })
      expect(other).not.toHaveProperty('resolvedRecipient')
    }
    const inOtherRealm = { ...selfService, user: { ...ALICE, info: { email: 'a@x' } } }
    expect(onlyIntent(mail({ To: 'logged_in_user', 'To logged_in_user': 'mobile' }, inOtherRealm))).toMatchObject({
      recipient: { attribute: 'mobile' },
      resolvedRecipient: { email: [] },
    })
  })
  test('To logged_in_user: an empty realm is an admin (no realm), an empty name is nobody', () => {
    const admin = { ...baseEvent, loggedIn: { role: 'admin' as const, username: 'root', realm: '' } }
    const i = onlyIntent(mail({ To: 'logged_in_user' }, admin))
    expect(i).toMatchObject({ recipient: { type: 'logged_in_user', attribute: 'email', username: 'root' } })
    expect(i).not.toHaveProperty('recipient.realm')
    const nobody = { ...baseEvent, loggedIn: { role: 'user' as const, username: '', realm: 'realm1' } }
    expect(mail({ To: 'logged_in_user' }, nobody).audit[0]).toMatchObject({
      info: "b1 (No recipient 'logged_in_user' found, no notification was sent.)",
      details: "No recipient 'logged_in_user' found, no notification was sent.",
    })
  })
  test('the token owner without the address attribute: no address; without mobile: no mobile', () => {
    const bare = { ...baseEvent, user: { ...ALICE, info: { givenname: 'A' } } }
    const i = onlyIntent(mail({}, bare))
    expect(i).toMatchObject({ resolvedRecipient: { givenname: 'A', surname: '', email: [] } })
    expect(i).not.toHaveProperty('resolvedRecipient.mobile')
  })
})

describe('UserNotification Reply-To', () => {
  test('logged_in_user: the address when it is the user in event; the type alone otherwise', () => {
    expect(onlyIntent(mail({ reply_to: 'logged_in_user' }, selfService))).toMatchObject({
      replyTo: { spec: { type: 'logged_in_user', username: 'alice' }, value: 'alice@example.com' },
    })
    expect(onlyIntent(mail({ reply_to: 'logged_in_user' }))).not.toHaveProperty('replyTo.value')
    const { loggedIn: _l, ...nobody } = baseEvent
    expect(onlyIntent(mail({ reply_to: 'logged_in_user' }, nobody))).not.toHaveProperty('replyTo')
  })
  test('each type reads its own option', () => {
    const e = { ...selfService, user: { ...ALICE, info: { email: 'a@x', work: 'a@work' } } }
    expect(onlyIntent(mail({ reply_to: 'tokenowner', 'reply_to tokenowner': 'work' }, e))).toMatchObject({
      replyTo: { spec: { type: 'tokenowner', attribute: 'work', user: ALICE }, value: 'a@work' },
    })
    expect(onlyIntent(mail({ reply_to: 'logged_in_user', 'reply_to logged_in_user': 'work' }, e))).toMatchObject({
      replyTo: { spec: { attribute: 'work' }, value: 'a@work' },
    })
    expect(
      onlyIntent(mail({ reply_to: 'internal admin', 'To internal admin': 'x', 'reply_to internal admin': 'y' })),
    ).toMatchObject({ replyTo: { spec: { type: 'internal admin', username: 'y' } } })
    expect(onlyIntent(mail({ reply_to: 'internal admin' }))).toMatchObject({
      replyTo: { spec: { type: 'internal admin', username: '' } },
    })
    expect(onlyIntent(mail({ reply_to: 'email' }))).toMatchObject({
      replyTo: { spec: { type: 'email', addresses: [''] }, value: '' },
    })
  })
  test('the token owner without a user in event: no Reply-To', () => {
    const { user: _x, ...e } = { ...baseEvent, loggedIn: { role: 'admin' as const, username: 'root' } }
    expect(onlyIntent(mail({ To: 'logged_in_user', reply_to: 'tokenowner' }, e))).not.toHaveProperty('replyTo')
  })
  test('the recipient and the Reply-To resolve independently', () => {
    const i = onlyIntent(mail({ To: 'email', 'To email': 'to@x', reply_to: 'email', 'reply_to email': 'rt@x' }))
    expect(i).toMatchObject({
      recipient: { addresses: ['to@x'] },
      replyTo: { spec: { addresses: ['rt@x'] }, value: 'rt@x' },
    })
  })
})

describe('UserNotification QR attachment', () => {
  test('the container image when there is no token image; named after the serial', () => {
    const e = { ...baseEvent, serial: 'SMPH1', response: { result: { value: { container_url: { img: 'data:c' } } } } }
    expect(onlyIntent(mail({ attach_qrcode: 'True' }, e))).toMatchObject({
      attachment: { source: 'container_url_img', url: 'data:c', contentId: 'token_image', filename: 'SMPH1.png' },
    })
    expect(onlyIntent(mail({}, e))).not.toHaveProperty('attachment')
  })
})

describe('UserNotification sendsms', () => {
  test('without a token owner: declined, naming the recipient type', () => {
    expect(evaluate(binding('UserNotification', 'sendsms', { smsconfig: 'gw' }), noUser).audit[0]).toMatchObject({
      info: "b1 (No recipient 'tokenowner' found, no notification was sent.)",
      details: "No recipient 'tokenowner' found, no notification was sent.",
    })
  })
  test('tags are never HTML-escaped', () => {
    const e = { ...baseEvent, user: { ...ALICE, info: { givenname: '<b>', mobile: '1' } } }
    expect(
      onlyIntent(evaluate(binding('UserNotification', 'sendsms', { smsconfig: 'gw', body: '{givenname}' }), e)),
    ).toMatchObject({
      body: '<b>',
    })
  })
  test('a file: body is read by the host', () => {
    expect(
      onlyIntent(evaluate(binding('UserNotification', 'sendsms', { smsconfig: 'gw', body: 'file:/t/sms.txt' }))),
    ).toMatchObject({ body: 'file:/t/sms.txt', bodyFile: '/t/sms.txt' })
  })
})

describe('UserNotification savefile names', () => {
  test('tag values are file name text: braces kept as they are when nothing is drawn', () => {
    const e = { ...baseEvent, serial: 'A{1}' }
    expect(onlyIntent(save('{serial}.txt', e))).toMatchObject({ filename: 'A{1}.txt' })
    expect(onlyIntent(save('{serial}.txt', { ...noEntropy, serial: 'A{1}' }))).toMatchObject({ filename: 'A{1}.txt' })
    expect(onlyIntent(save('{serial}-{random}', e))).toMatchObject({
      filename: expect.stringMatching(/^A\{1\}-\w{16}$/),
    })
  })
  test('tag values are never HTML-escaped in a spool file', () => {
    const e = { ...baseEvent, user: { ...ALICE, info: { givenname: '<b>&' } } }
    const i = onlyIntent(
      evaluate(binding('UserNotification', 'savefile', { body: '{givenname}', filename: '{givenname}.txt' }), e),
    )
    expect(i).toMatchObject({ body: '<b>&', filename: '<b>&.txt' })
  })
  test('without {random} nothing is drawn and the run details stay plain', () => {
    const r = save('x.txt', noEntropy)
    expect(onlyIntent(r)).not.toHaveProperty('draw')
    expect(r.audit[0]?.info).toBe('b1')
  })
  test('{random} is derived per binding: another binding draws another name', () => {
    const name = (id: number) =>
      onlyIntent<{ filename: string }>(
        evaluate(binding('UserNotification', 'savefile', { body: 'b', filename: '{random}' }, { id })),
      ).filename
    expect(name(1)).toMatch(/^[A-Za-z0-9]{16}$/)
    expect(name(1)).toBe(name(1))
    expect(name(2)).not.toBe(name(1))
  })
  test('path pieces: a tag value with slashes makes directories; .. steps back inside the spool', () => {
    expect(onlyIntent(save('{userrealm}/x/../{serial}', { ...baseEvent, serial: 'a/./b' }))).toMatchObject({
      filename: 'realm1/a/b',
    })
    expect(onlyIntent(save('d/{random}/..//f', noEntropy))).toMatchObject({ filename: 'd/f' })
    expect(onlyIntent(save('d/./{random}-{serial}//f', noEntropy))).toMatchObject({ filename: 'd/{random}-TOTP0001/f' })
    expect(onlyIntent(save('{random}.txt', noEntropy))).toMatchObject({
      filename: '{random}.txt',
      draw: { length: 16, alphabet: ALPHANUMERIC },
    })
  })
  test('a name that resolves to the spool directory itself is refused', () => {
    // without a single token: an empty serial names none and {serial} renders "" (with one, its serial stands in)
    const { token: _t, ...noToken } = baseEvent
    for (const serial of ['', '.', './.'])
      expect([serial, save('{serial}', { ...noToken, serial }).audit[0]?.details]).toEqual([
        serial,
        'The notification file is outside of the spool directory.',
      ])
  })
})
