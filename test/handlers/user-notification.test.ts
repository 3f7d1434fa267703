import { describe, expect, expectTypeOf, test } from 'vitest'
import { check } from '../../src/check.js'
import type { Event } from '../../src/core/model.js'
import { ALPHANUMERIC } from '../../src/handlers/entropy.js'
import { DEFAULT_BODY, type SendmailIntent } from '../../src/handlers/user-notification.js'
import { renderTemplate } from '../../src/templates/render.js'
import { baseEvent, binding, compile, engine, evaluate, issueSummary, onlyIntent } from './helpers.js'

const mail = (options: Record<string, string> = {}, event: Event = baseEvent) =>
  evaluate(binding('UserNotification', 'sendmail', { emailconfig: 'smtp1', ...options }), event)

const TAGS = {
  admin: 'helpdesk',
  realm: 'adminrealm',
  action: '/token/init',
  serial: 'TOTP0001',
  url: 'https://pi.example.com',
  user: 'Alice',
  givenname: 'Alice',
  surname: 'Liddell',
  username: 'alice',
  userrealm: 'realm1',
  tokentype: 'totp',
  tokendescription: 'work phone',
  registrationcode: '',
  recipient_givenname: 'Alice',
  recipient_surname: 'Liddell',
  googleurl_value: 'otpauth://totp/TOTP0001?secret=ABC',
  googleurl_img: 'data:image/png;base64,iVBOR',
  pushurl_value: '',
  pushurl_img: '',
  container_serial: '',
  container_url_value: '',
  container_url_img: '',
  time: '10:00:00',
  date: '2026-11-29',
  client_ip: '10.0.0.5',
  ua_browser: 'firefox',
  ua_string: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0',
  pin: '',
  challenge: '',
}

const ALICE = { login: 'alice', realm: 'realm1', resolver: 'resolver1' }
const ALICE_RECIPIENT = {
  givenname: 'Alice',
  surname: 'Liddell',
  username: 'alice',
  userrealm: 'realm1',
  email: ['alice@example.com'],
  mobile: '+491701234567',
}

describe('UserNotification sendmail (SPEC 4.1)', () => {
  test('defaults: to the token owner, default subject and body, plain text', () => {
    expect(onlyIntent(mail())).toEqual({
      _tag: 'UserNotification.sendmail',
      bindingId: 1,
      bindingName: 'b1',
      handlerModule: 'UserNotification',
      action: 'sendmail',
      event: 'token_init',
      position: 'post',
      options: {
        emailconfig: 'smtp1',
        mimetype: 'plain',
        attach_qrcode: false,
        subject: 'An action was performed on your token.',
        body: DEFAULT_BODY,
        To: 'tokenowner',
        'To tokenowner': 'email',
        'To logged_in_user': 'email',
        'reply_to tokenowner': 'email',
        'reply_to logged_in_user': 'email',
      },
      emailconfig: 'smtp1',
      mimetype: 'plain',
      subject: 'An action was performed on your token.',
      body:
        '\nHello Alice,\n\nthe administrator helpdesk@adminrealm performed the action\n/token/init on your token TOTP0001.\n\n' +
        'To check your tokens you may login to the Web UI:\nhttps://pi.example.com\n',
      recipient: { type: 'tokenowner', attribute: 'email', user: ALICE },
      resolvedRecipient: ALICE_RECIPIENT,
      tags: TAGS,
    })
  })
  test('html mimetype escapes every tag value, not the template', () => {
    const e = { ...baseEvent, user: { ...ALICE, info: { givenname: 'Al <i>"ice"</i> & co', email: 'a@x' } } }
    expect(
      onlyIntent(mail({ mimetype: 'html', subject: 'Hi {givenname}', body: '<p>{givenname}</p>' }, e)),
    ).toMatchObject({
      mimetype: 'html',
      subject: 'Hi Al &lt;i&gt;&quot;ice&quot;&lt;/i&gt; &amp; co',
      body: '<p>Al &lt;i&gt;&quot;ice&quot;&lt;/i&gt; &amp; co</p>',
    })
    expect(onlyIntent(mail({ subject: 'Hi {givenname}' }, e))).toMatchObject({ subject: 'Hi Al <i>"ice"</i> & co' })
  })
  test('To tokenowner with another attribute', () => {
    const e = {
      ...baseEvent,
      user: { ...ALICE, info: { givenname: 'Alice', email: 'a@x', privatemail: 'alice@home' } },
    }
    expect(onlyIntent(mail({ 'To tokenowner': 'privatemail' }, e))).toMatchObject({
      recipient: { type: 'tokenowner', attribute: 'privatemail' },
      resolvedRecipient: { email: ['alice@home'] },
    })
  })
  test('no token owner: nothing sent, the action still succeeds (SPEC 4.1), run details name the recipient type', () => {
    const { user: _u, ...noUser } = baseEvent
    const r = mail({}, noUser)
    expect(r.intents).toEqual([])
    expect(r.audit[0]).toMatchObject({
      success: true,
      info: "b1 (No recipient 'tokenowner' found, no notification was sent.)",
      details: "No recipient 'tokenowner' found, no notification was sent.",
    })
  })
  test('To logged_in_user: resolved when it is the user in event; an internal admin or another user is the host’s lookup', () => {
    const self = { ...baseEvent, loggedIn: { role: 'user' as const, username: 'alice', realm: 'Realm1' } }
    expect(onlyIntent(mail({ To: 'logged_in_user' }, self))).toMatchObject({
      recipient: { type: 'logged_in_user', attribute: 'email', username: 'alice', realm: 'Realm1' },
      resolvedRecipient: {
        givenname: 'Alice',
        surname: 'Liddell',
        email: ['alice@example.com'],
        mobile: '+491701234567',
      },
    })
    const other = onlyIntent(mail({ To: 'logged_in_user', body: '{recipient_givenname}' }))
    expect(other).toMatchObject({
      recipient: { type: 'logged_in_user', username: 'helpdesk', realm: 'adminrealm' },
      body: '',
    })
    expect(other).not.toHaveProperty('resolvedRecipient')
    const admin = { ...baseEvent, loggedIn: { role: 'admin' as const, username: 'admin' } }
    expect(onlyIntent(mail({ To: 'logged_in_user', body: '{recipient_givenname}' }, admin))).toMatchObject({
      recipient: { type: 'logged_in_user', attribute: 'email', username: 'admin' },
      body: 'admin',
    })
    const { loggedIn: _l, ...nobody } = baseEvent
    expect(mail({ To: 'logged_in_user' }, nobody).audit[0]).toMatchObject({
      success: true,
      info: "b1 (No recipient 'logged_in_user' found, no notification was sent.)",
      details: "No recipient 'logged_in_user' found, no notification was sent.",
    })
  })
  test('To internal admin, admin realm, email', () => {
    expect(
      onlyIntent(mail({ To: 'internal admin', 'To internal admin': 'super', body: '{recipient_givenname}' })),
    ).toMatchObject({
      recipient: { type: 'internal admin', username: 'super' },
      body: 'super',
    })
    expect(
      onlyIntent(mail({ To: 'admin realm', 'To admin realm': 'admins', body: 'Dear {recipient_givenname}' })),
    ).toMatchObject({
      recipient: { type: 'admin realm', realm: 'admins' },
      body: 'Dear admin of realm admins',
    })
    expect(onlyIntent(mail({ To: 'email', 'To email': 'a@x, b@y' }))).toMatchObject({
      recipient: { type: 'email', addresses: ['a@x', ' b@y'] },
      resolvedRecipient: { givenname: '', surname: '', email: ['a@x', ' b@y'] },
    })
  })
  test('To admin realm without "To admin realm" (absent or ""): a warning; no recipient, nothing sent like the others', () => {
    for (const realm of [{}, { 'To admin realm': '' }]) {
      const b = binding('UserNotification', 'sendmail', { emailconfig: 'm', To: 'admin realm', ...realm })
      expect(check([b]).map((d) => [d.code, d.severity, d.path, d.message])).toEqual([
        [
          'missing-option',
          'warning',
          [0, 'options', 'To admin realm'],
          'sendmail: option "To admin realm" is required when To is "admin realm"; the action will decline',
        ],
      ])
      const r = evaluate(b)
      expect(r.intents).toEqual([])
      expect(r.aborted).toBeUndefined()
      // The host is told what privacyIDEA reports as run details: in info and in details; the action still succeeds.
      expect(r.audit[0]).toMatchObject({
        success: true,
        info: "b1 (No recipient 'admin realm' found, no notification was sent.)",
        details: "No recipient 'admin realm' found, no notification was sent.",
      })
      expect(r.audit[0]).not.toHaveProperty('error')
    }
    // Another To does not need it.
    expect(
      issueSummary(compile(binding('UserNotification', 'sendmail', { emailconfig: 'm' })).action?.warnings ?? []),
    ).toEqual([])
    expectTypeOf<SendmailIntent['options']['To admin realm']>().toEqualTypeOf<string | undefined>()
  })
  test('empty "To email" warns', () => {
    expect(
      compile(binding('UserNotification', 'sendmail', { emailconfig: 'm', To: 'email' })).action?.warnings.map(
        (w) => w.code,
      ),
    ).toEqual(['empty-option'])
  })
  test('reply_to: absent ⇒ none; "" ⇒ empty; types resolved or named for the host', () => {
    expect(onlyIntent(mail())).not.toHaveProperty('replyTo')
    expect(onlyIntent(mail({ reply_to: '' }))).toMatchObject({ replyTo: { spec: { type: '' }, value: '' } })
    expect(onlyIntent(mail({ reply_to: 'tokenowner' }))).toMatchObject({
      replyTo: { spec: { type: 'tokenowner', attribute: 'email' }, value: 'alice@example.com' },
    })
    expect(onlyIntent(mail({ reply_to: 'tokenowner', 'reply_to tokenowner': 'nope' }))).not.toHaveProperty('replyTo')
    expect(onlyIntent(mail({ reply_to: 'email', 'reply_to email': 'x@y,z@w' }))).toMatchObject({
      replyTo: { spec: { type: 'email' }, value: 'x@y' },
    })
    expect(onlyIntent(mail({ reply_to: 'internal admin', 'reply_to internal admin': 'super' }))).toMatchObject({
      replyTo: { spec: { type: 'internal admin', username: 'super' } },
    })
    expect(onlyIntent(mail({ reply_to: 'admin realm', 'reply_to admin realm': 'admins' }))).toMatchObject({
      replyTo: { spec: { type: 'admin realm', realm: 'admins' } },
    })
    expect(onlyIntent(mail({ reply_to: 'admin realm' }))).not.toHaveProperty('replyTo')
    expect(onlyIntent(mail({ reply_to: 'logged_in_user' }))).toMatchObject({
      replyTo: { spec: { type: 'logged_in_user', username: 'helpdesk', realm: 'adminrealm' } },
    })
  })
  test('attach_qrcode: the first image of googleurl, pushurl, container_url', () => {
    expect(onlyIntent(mail({ attach_qrcode: 'True' }))).toMatchObject({
      attachment: {
        source: 'googleurl_img',
        url: 'data:image/png;base64,iVBOR',
        contentId: 'token_image',
        filename: 'TOTP0001.png',
      },
    })
    const push = { ...baseEvent, response: { detail: { pushurl: { img: 'data:push' } } } }
    expect(onlyIntent(mail({ attach_qrcode: 'True' }, push))).toMatchObject({
      attachment: { source: 'pushurl_img', url: 'data:push' },
    })
    expect(onlyIntent(mail({ attach_qrcode: 'True' }, { ...baseEvent, response: {} }))).not.toHaveProperty('attachment')
  })
  test('file: bodies are read by the host; the tags come along to render it', () => {
    const intent = onlyIntent<{ body: string; bodyFile: string; tags: Record<string, string> }>(
      mail({ body: 'file:/etc/pi/templates/enrolled.txt' }),
    )
    expect(intent).toMatchObject({
      body: 'file:/etc/pi/templates/enrolled.txt',
      bodyFile: '/etc/pi/templates/enrolled.txt',
    })
    expect(renderTemplate('Dear {recipient_givenname}, {serial}', intent.tags)).toBe('Dear Alice, TOTP0001')
  })
  test('unknown tags in subject or body are configuration errors', () => {
    expect(
      issueSummary(
        compile(binding('UserNotification', 'sendmail', { emailconfig: 'm', subject: '{x}', body: '{y}' })).issues,
      ),
    ).toEqual([
      { code: 'unknown-tag', path: ['options', 'subject'] },
      { code: 'unknown-tag', path: ['options', 'body'] },
    ])
    expect(
      issueSummary(
        compile(binding('UserNotification', 'sendmail', { emailconfig: 'm', body: '{container_url}' })).issues,
      ),
    ).toEqual([{ code: 'unknown-tag', path: ['options', 'body'] }])
  })
})

describe('UserNotification sendsms', () => {
  test('to the token owner’s mobile with the default body', () => {
    const intent = onlyIntent(
      evaluate(binding('UserNotification', 'sendsms', { smsconfig: 'gw', body: 'PIN for {serial}: {pin}' })),
    )
    expect(intent).toEqual({
      _tag: 'UserNotification.sendsms',
      bindingId: 1,
      bindingName: 'b1',
      handlerModule: 'UserNotification',
      action: 'sendsms',
      event: 'token_init',
      position: 'post',
      options: { smsconfig: 'gw', body: 'PIN for {serial}: {pin}', To: 'tokenowner' },
      smsconfig: 'gw',
      body: 'PIN for TOTP0001: ',
      recipient: { type: 'tokenowner', attribute: 'email', user: ALICE },
      resolvedRecipient: ALICE_RECIPIENT,
      phone: '+491701234567',
      tags: TAGS,
    })
  })
  test('no token owner ⇒ nothing sent, success (SPEC 4.1); To only allows tokenowner', () => {
    const { user: _u, ...noUser } = baseEvent
    const r = evaluate(binding('UserNotification', 'sendsms', { smsconfig: 'gw' }), noUser)
    expect(r.intents).toEqual([])
    expect(r.audit[0]?.success).toBe(true)
    expect(
      issueSummary(compile(binding('UserNotification', 'sendsms', { smsconfig: 'gw', To: 'email' })).issues),
    ).toEqual([{ code: 'invalid-option', path: ['options', 'To'] }])
  })
  test('no mobile number: the intent has no phone (the host reports the failure)', () => {
    const e = { ...baseEvent, user: { ...ALICE, info: {} } }
    expect(onlyIntent(evaluate(binding('UserNotification', 'sendsms', { smsconfig: 'gw' }), e))).not.toHaveProperty(
      'phone',
    )
  })
})

describe('UserNotification savefile', () => {
  const save = (filename: string, event: Event = baseEvent) =>
    evaluate(binding('UserNotification', 'savefile', { body: '{serial};{username}', filename }), event)
  test('renders body and filename; {random} from the entropy', () => {
    const intent = onlyIntent<{ filename: string } & Record<string, unknown>>(save('{userrealm}/{serial}-{random}.csv'))
    expect(intent).toMatchObject({
      _tag: 'UserNotification.savefile',
      options: { body: '{serial};{username}', filename: '{userrealm}/{serial}-{random}.csv' },
      body: 'TOTP0001;alice',
      tags: TAGS,
    })
    expect(intent.filename).toMatch(/^realm1\/TOTP0001-[A-Za-z0-9]{16}\.csv$/)
    expect(onlyIntent(save('{userrealm}/{serial}-{random}.csv'))).toEqual(intent)
  })
  test('a savefile needs no recipient', () => {
    const { user: _u, ...noUser } = baseEvent
    expect(onlyIntent(save('x-{serial}.txt', noUser))).toMatchObject({ filename: 'x-TOTP0001.txt', body: 'TOTP0001;' })
  })
  test('without entropy the host draws {random}: the filename is a template for renderTemplate', () => {
    const { entropy: _e, ...noEntropy } = baseEvent
    const e = { ...noEntropy, serial: 'A{1}' }
    const r = save('{serial}/{random}-{random}.txt', e)
    const intent = onlyIntent<{ filename: string; draw: unknown }>(r)
    expect(intent.filename).toBe('A{{1}}/{random}-{random}.txt')
    expect(intent.draw).toEqual({ length: 16, alphabet: ALPHANUMERIC })
    expect(renderTemplate(intent.filename, { random: 'R' })).toBe('A{1}/R-R.txt')
    expect(r.audit[0]).toMatchObject({ info: 'b1', details: 'no entropy in the event: the host draws {random}' })
  })
  test('paths are normalised; leaving the spool directory is refused: nothing written, still success (SPEC 4.1)', () => {
    expect(onlyIntent(save('/abs/./a//b/../c.txt'))).toMatchObject({ filename: 'abs/a/c.txt' })
    for (const name of ['../x', 'a/../../x', '.', 'a/..', '///']) {
      const r = save(name)
      expect([name, r.intents, r.audit[0]?.info, r.audit[0]?.details, r.audit[0]?.success]).toEqual([
        name,
        [],
        'b1',
        'The notification file is outside of the spool directory.',
        true,
      ])
    }
    const traversal = { ...baseEvent, serial: '../../etc/passwd' }
    expect(save('{serial}', traversal).intents).toEqual([])
    expect(
      compile(binding('UserNotification', 'savefile', { body: 'x', filename: '../x' })).action?.warnings.map(
        (w) => w.code,
      ),
    ).toEqual(['outside-spool'])
  })
  test('body and filename are required; {random} is a file-name tag only', () => {
    expect(issueSummary(compile(binding('UserNotification', 'savefile')).issues)).toEqual([
      { code: 'missing-option', path: ['options', 'body'] },
      { code: 'missing-option', path: ['options', 'filename'] },
    ])
    expect(
      issueSummary(compile(binding('UserNotification', 'savefile', { body: '{random}', filename: 'f' })).issues),
    ).toEqual([{ code: 'unknown-tag', path: ['options', 'body'] }])
  })
})

describe('UserNotification scenarios (SPEC 4 style)', () => {
  test('helpdesk enrols a token for a user ⇒ mail to the token owner with {serial} and {givenname}', () => {
    const b = binding(
      'UserNotification',
      'sendmail',
      {
        emailconfig: 'corp-smtp',
        subject: 'New token {serial}',
        body: 'Hello {givenname}, {admin} enrolled your {tokentype} token {serial} on {date} at {time}.',
        To: 'tokenowner',
      },
      { name: 'notify owner', events: ['token_init'] },
    )
    const r = engine.evaluate(baseEvent, [b])
    expect(r.intents).toMatchObject([
      {
        _tag: 'UserNotification.sendmail',
        emailconfig: 'corp-smtp',
        subject: 'New token TOTP0001',
        body: 'Hello Alice, helpdesk enrolled your totp token TOTP0001 on 2026-11-29 at 10:00:00.',
        resolvedRecipient: { email: ['alice@example.com'] },
      },
    ])
    expect(r.audit).toMatchObject([
      {
        action: 'POST-EVENT token_init>>UserNotification:sendmail',
        actionDetail:
          "{'emailconfig': 'corp-smtp', 'subject': 'New token {serial}', 'body': 'Hello {givenname}, {admin} enrolled your {tokentype} token {serial} on {date} at {time}.', 'To': 'tokenowner'}",
        info: 'notify owner',
        success: true,
        serial: 'TOTP0001',
        user: 'alice',
        realm: 'realm1',
      },
    ])
  })
  test('a ResponseMangler that removed the QR code hides it from a later notification', () => {
    const bindings = [
      binding('ResponseMangler', 'delete', { 'JSON pointer': '/detail/googleurl' }, { id: 1 }),
      binding('UserNotification', 'sendmail', { emailconfig: 'm', attach_qrcode: 'True' }, { id: 2 }),
    ]
    const r = engine.evaluate(baseEvent, bindings)
    expect(r.intents[1]).not.toHaveProperty('attachment')
  })
})
