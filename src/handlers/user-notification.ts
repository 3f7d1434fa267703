/**
 * `UserNotification` (SPEC 4.1): notifications by mail (`sendmail`), SMS (`sendsms`) and spool file (`savefile`).
 * Positions pre and post. Subject, body and file name are rendered with the SPEC 5 tags (HTML-escaped for a
 * `sendmail` with mimetype `html`); the intent also carries every tag value so a host that resolves recipients
 * itself can render again per recipient with `renderTemplate`.
 *
 * Recipients: the event holds the token owner (the user in event) and the addresses of `To email`; the logged-in
 * user when it is the user in event. An internal admin's address, the users of an admin realm, and a logged-in user
 * of another realm are the host's to look up: the intent names them (`recipient`) without `resolvedRecipient`.
 * Without a recipient `sendmail`/`sendsms` decline: nothing is sent and the audit entry says so (tripline's reading
 * of SPEC 7.9; privacyIDEA 3.14 reports success).
 *
 * @since 0.1.0
 */
import type { ActionResult } from '../core/catalogue.js'
import type { EvalContext } from '../core/context.js'
import { left, right } from '../core/either.js'
import { type Issue, issue } from '../core/errors.js'
import type { Binding, Event, Intent } from '../core/model.js'
import { escapeFormat } from '../templates/format.js'
import { type CompiledTemplate, compileTemplate, renderCompiled } from '../templates/render.js'
import {
  FILENAME_TAG_SET,
  NOTIFICATION_TAG_SET,
  NOTIFICATION_TAGS,
  type NotificationTag,
  notificationTag,
  notificationTagValues,
  RANDOM_TAG,
  type RecipientNames,
  tagFacts,
  userInfo,
} from '../templates/tags.js'
import { ALPHANUMERIC, type DrawRequest, deriveString, entropyOf } from './entropy.js'
import { mergeInto } from './merge-into.js'
import { declined, defineAction, defineModule, fired, type HandlerModuleDescriptor, intentBase } from './module.js'
import type { OptionsOf } from './options.js'
import { type UserTarget, userTarget } from './targets.js'

/**
 * privacyIDEA's default notification body.
 *
 * @example
 * const tags = { user: 'Alice', admin: 'helpdesk', realm: 'adminrealm', action: '/token/init', serial: 'TOTP0001' }
 * renderTemplate(DEFAULT_BODY, tags).split('\n')
 * // ['', 'Hello Alice,', '', 'the administrator helpdesk@adminrealm performed the action',
 * //  '/token/init on your token TOTP0001.', '', 'To check your tokens you may login to the Web UI:', '', '']
 * @since 0.1.0
 */
export const DEFAULT_BODY = `
Hello {user},

the administrator {admin}@{realm} performed the action
{action} on your token {serial}.

To check your tokens you may login to the Web UI:
{url}
`

/**
 * privacyIDEA's default mail subject.
 *
 * @example
 * DEFAULT_SUBJECT // 'An action was performed on your token.': the subject of a sendmail binding without one
 * @since 0.1.0
 */
export const DEFAULT_SUBJECT = 'An action was performed on your token.'

/**
 * The recipient types of `To` and `reply_to`.
 *
 * @example
 * NOTIFY_TYPES.includes('admin realm') // true
 * @since 0.1.0
 */
export const NOTIFY_TYPES = ['tokenowner', 'logged_in_user', 'internal admin', 'admin realm', 'email'] as const

/**
 * A recipient type.
 *
 * @example
 * const to: NotifyType = 'internal admin'
 * @since 0.1.0
 */
export type NotifyType = (typeof NOTIFY_TYPES)[number]

const BODY = { name: 'body', type: 'text', default: DEFAULT_BODY } as const

const SENDMAIL = [
  { name: 'emailconfig', type: 'str', required: true },
  { name: 'mimetype', type: 'str', default: 'plain', values: ['plain', 'html'] },
  { name: 'attach_qrcode', type: 'bool' },
  { name: 'subject', type: 'str', default: DEFAULT_SUBJECT },
  BODY,
  { name: 'To', type: 'str', required: true, default: 'tokenowner', values: NOTIFY_TYPES },
  { name: 'To tokenowner', type: 'str', default: 'email' },
  { name: 'To logged_in_user', type: 'str', default: 'email' },
  { name: 'To internal admin', type: 'str' },
  // SPEC 4.1: without a realm there is no recipient (run details say so): a warning, and the action declines.
  {
    name: 'To admin realm',
    type: 'str',
    requiredWhen: { option: 'To', value: 'admin realm' },
    invalid: 'decline',
  },
  { name: 'To email', type: 'str' },
  { name: 'reply_to', type: 'str', values: ['', ...NOTIFY_TYPES] },
  { name: 'reply_to tokenowner', type: 'str', default: 'email' },
  { name: 'reply_to logged_in_user', type: 'str', default: 'email' },
  { name: 'reply_to internal admin', type: 'str' },
  { name: 'reply_to admin realm', type: 'str' },
  { name: 'reply_to email', type: 'str' },
] as const

const SENDSMS = [
  { name: 'smsconfig', type: 'str', required: true },
  BODY,
  { name: 'To', type: 'str', required: true, default: 'tokenowner', values: ['tokenowner'] },
] as const

const SAVEFILE = [
  { name: 'body', type: 'text', required: true },
  { name: 'filename', type: 'str', required: true },
] as const

/**
 * Who a notification goes to, as configured and as the event names it. The host resolves what the event does not
 * hold: the admin's address (`internal admin`, `logged_in_user` without realm), the addresses of every user of an
 * admin realm that has one, the attribute of a logged-in user of another realm.
 *
 * @example
 * const owner: RecipientSpec = {
 *   type: 'tokenowner',
 *   attribute: 'email',
 *   user: { login: 'alice', realm: 'realm1', resolver: 'resolver1' },
 * }
 * const admins: RecipientSpec = { type: 'admin realm', realm: 'adminrealm' } // the host looks up the addresses
 * @since 0.1.0
 */
export type RecipientSpec =
  | { readonly type: 'tokenowner'; readonly attribute: string; readonly user: UserTarget }
  | { readonly type: 'logged_in_user'; readonly attribute: string; readonly username: string; readonly realm?: string }
  | { readonly type: 'internal admin'; readonly username: string }
  | { readonly type: 'admin realm'; readonly realm: string }
  | { readonly type: 'email'; readonly addresses: ReadonlyArray<string> }

/**
 * A recipient resolved from the event.
 *
 * @example
 * const alice: Recipient = {
 *   givenname: 'Alice',
 *   surname: 'Liddell',
 *   username: 'alice',
 *   userrealm: 'realm1',
 *   email: ['alice@example.com'],
 *   mobile: '+491701234567',
 * }
 * @since 0.1.0
 */
export interface Recipient {
  readonly givenname: string
  readonly surname: string
  readonly username?: string
  readonly userrealm?: string
  /** The addresses to send to (the chosen attribute's value; `To email`: the list, not trimmed). */
  readonly email: ReadonlyArray<string>
  readonly mobile?: string
}

/**
 * The Reply-To of a mail: the spec and, when the event holds it, the header value.
 *
 * @example
 * const replyTo: ReplyTo = {
 *   spec: { type: 'email', addresses: ['helpdesk@example.com'] },
 *   value: 'helpdesk@example.com',
 * }
 * @since 0.1.0
 */
export interface ReplyTo {
  readonly spec: { readonly type: '' } | RecipientSpec
  /** The header value (`""` for type `""`, the first address for `email`); absent: the host looks it up. */
  readonly value?: string
}

/**
 * The QR image to attach (`attach_qrcode`).
 *
 * @example
 * const qr: QrAttachment = {
 *   source: 'googleurl_img',
 *   url: 'data:image/png;base64,iVBORw0KGgo...',
 *   contentId: 'token_image',
 *   filename: 'TOTP0001.png',
 * }
 * @since 0.1.0
 */
export interface QrAttachment {
  /** Which response field it came from. */
  readonly source: 'googleurl_img' | 'pushurl_img' | 'container_url_img'
  /** The image URL (usually a `data:` URL) the host fetches. */
  readonly url: string
  readonly contentId: 'token_image'
  readonly filename: string
}

/**
 * `UserNotification.sendmail`: send `subject`/`body` with `mimetype` through SMTP server `emailconfig` to the
 * recipient (`resolvedRecipient.email`, else what `recipient` names), with `replyTo` when present (absent: the SMTP
 * server default), attaching `attachment` as multipart/related when present. `bodyFile`: the host reads the template
 * from that path and renders it with `tags` (on a read error it sends `body`). A send error is a failure of the
 * action (audit success false, run details: the error or `Failed: <address>.`).
 *
 * @example
 * for (const i of evaluation.intents)
 *   if (i._tag === 'UserNotification.sendmail') {
 *     const to = i.resolvedRecipient?.email ?? host.lookUpAddresses(i.recipient)
 *     host.sendMail(i.emailconfig, to, i.subject, i.body, { mimetype: i.mimetype, replyTo: i.replyTo?.value })
 *   }
 * @since 0.1.0
 */
export interface SendmailIntent extends Intent {
  readonly _tag: 'UserNotification.sendmail'
  readonly options: OptionsOf<typeof SENDMAIL>
  readonly emailconfig: string
  readonly mimetype: 'plain' | 'html'
  readonly subject: string
  readonly body: string
  readonly bodyFile?: string
  readonly recipient: RecipientSpec
  readonly resolvedRecipient?: Recipient
  readonly replyTo?: ReplyTo
  readonly attachment?: QrAttachment
  /** Every SPEC 5 tag value used (HTML-escaped for html), for rendering again per recipient. */
  readonly tags: Readonly<Record<NotificationTag, string>>
}

/**
 * `UserNotification.sendsms`: send `body` through SMS gateway `smsconfig` to `phone` (the token owner's mobile).
 * No phone or a send error is a failure of the action.
 *
 * @example
 * for (const i of evaluation.intents)
 *   if (i._tag === 'UserNotification.sendsms' && i.phone !== undefined) host.sendSms(i.smsconfig, i.phone, i.body)
 * @since 0.1.0
 */
export interface SendsmsIntent extends Intent {
  readonly _tag: 'UserNotification.sendsms'
  readonly options: OptionsOf<typeof SENDSMS>
  readonly smsconfig: string
  readonly body: string
  readonly bodyFile?: string
  readonly recipient: RecipientSpec
  readonly resolvedRecipient: Recipient
  readonly phone?: string
  readonly tags: Readonly<Record<NotificationTag, string>>
}

/**
 * `UserNotification.savefile`: write `body` to `filename` inside the host's spool directory
 * (`PI_NOTIFICATION_HANDLER_SPOOLDIRECTORY`), overwriting an existing file. `filename` is relative, normalised and
 * never leaves the spool directory. With `draw` it is a template: render it with
 * `renderTemplate(filename, { random })` where `random` is `draw.length` characters of `draw.alphabet`. Write
 * errors are logged only.
 *
 * @example
 * for (const i of evaluation.intents)
 *   if (i._tag === 'UserNotification.savefile') {
 *     const name = i.draw === undefined ? i.filename : renderTemplate(i.filename, { random: host.draw(i.draw) })
 *     host.writeSpoolFile(name, i.body) // e.g. 'enroll-TOTP0001-4rVGtqqHtc2uWnba.txt'
 *   }
 * @since 0.1.0
 */
export interface SavefileIntent extends Intent {
  readonly _tag: 'UserNotification.savefile'
  readonly options: OptionsOf<typeof SAVEFILE>
  readonly body: string
  readonly bodyFile?: string
  readonly filename: string
  readonly draw?: DrawRequest
  readonly tags: Readonly<Record<NotificationTag, string>>
}

/**
 * The intents of the UserNotification module.
 *
 * @example
 * const notifications = evaluation.intents.filter(
 *   (i): i is UserNotificationIntent => i.handlerModule === 'UserNotification',
 * )
 * @since 0.1.0
 */
export type UserNotificationIntent = SendmailIntent | SendsmsIntent | SavefileIntent

/** A body template: a compiled template, or a template file the host reads. */
type BodyPlan =
  | { readonly _tag: 'Template'; readonly template: CompiledTemplate }
  | { readonly _tag: 'File'; readonly path: string }

const compileBody = (body: string, label: string) => {
  if (body.startsWith('file:')) return right<ReadonlyArray<Issue>, BodyPlan>({ _tag: 'File', path: body.slice(5) })
  const t = compileTemplate(body, { path: ['options', 'body'], label, known: NOTIFICATION_TAG_SET })
  return t._tag === 'Left'
    ? left<ReadonlyArray<Issue>, BodyPlan>(t.left)
    : right<ReadonlyArray<Issue>, BodyPlan>({ _tag: 'Template', template: t.right })
}

const bodyFields = (plan: BodyPlan, raw: string, value: (t: string) => string) =>
  plan._tag === 'Template' ? { body: renderCompiled(plan.template, value) } : { body: raw, bodyFile: plan.path }

/** The user in event as a recipient, its address from `attribute`. */
const ownerRecipient = (event: Event, user: UserTarget, attribute: string): Recipient => {
  const email = userInfo(event, attribute)
  const mobile = userInfo(event, 'mobile')
  return {
    givenname: userInfo(event, 'givenname'),
    surname: userInfo(event, 'surname'),
    username: user.login,
    userrealm: user.realm,
    email: email === '' ? [] : [email],
    ...(mobile !== '' ? { mobile } : {}),
  }
}

/** The configured recipient for this event: its spec, the resolved recipient when the event holds it, its names. */
interface Resolution {
  readonly spec: RecipientSpec
  readonly resolved?: Recipient
  readonly names: RecipientNames
}

/** Resolves `To` (or `reply_to`) for the current event; undefined when there is no recipient (privacyIDEA: none). */
const resolve = (
  event: Event,
  type: NotifyType,
  attributeOrValue: (type: NotifyType) => string,
): Resolution | undefined => {
  switch (type) {
    case 'tokenowner': {
      const user = userTarget(event)
      if (user === undefined) return undefined
      const attribute = attributeOrValue(type)
      const resolved = ownerRecipient(event, user, attribute)
      return {
        spec: { type, attribute, user },
        resolved,
        names: { givenname: resolved.givenname, surname: resolved.surname },
      }
    }
    case 'logged_in_user': {
      const l = event.loggedIn
      if (l === undefined || l.username === '') return undefined
      const attribute = attributeOrValue(type)
      if (l.realm === undefined || l.realm === '')
        return { spec: { type, attribute, username: l.username }, names: { givenname: l.username } }
      const spec: RecipientSpec = { type, attribute, username: l.username, realm: l.realm }
      // Resolved only when it is the user in event (same login, realm in any case).
      const u = userTarget(event)
      if (u === undefined || u.login !== l.username || u.realm.toLowerCase() !== l.realm.toLowerCase())
        return { spec, names: {} }
      const { username: _u, userrealm: _r, ...resolved } = ownerRecipient(event, u, attribute)
      return { spec, resolved, names: { givenname: resolved.givenname, surname: resolved.surname } }
    }
    case 'internal admin': {
      const username = attributeOrValue(type)
      return { spec: { type, username }, names: { givenname: username } }
    }
    case 'admin realm': {
      const realm = attributeOrValue(type)
      return realm === '' ? undefined : { spec: { type, realm }, names: { givenname: `admin of realm ${realm}` } }
    }
    case 'email': {
      const addresses = attributeOrValue(type).split(',')
      return { spec: { type, addresses }, resolved: { givenname: '', surname: '', email: addresses }, names: {} }
    }
  }
}

/**
 * The run details privacyIDEA reports when a notification has no recipient; the type is named as Python's `repr`
 * does (no type contains a quote).
 *
 * @example
 * noRecipientDetails('tokenowner') // "No recipient 'tokenowner' found, no notification was sent."
 * @since 0.1.0
 */
export const noRecipientDetails = (type: NotifyType): string =>
  `No recipient '${type}' found, no notification was sent.`

/** Without a recipient nothing is sent and the action still returns true (SPEC 4.1), with run details in `info`. */
const noRecipient = (type: NotifyType): ActionResult =>
  declined(noRecipientDetails(type), { runDetails: true, success: true })

const replyToOf = (event: Event, options: OptionsOf<typeof SENDMAIL>): ReplyTo | undefined => {
  const type = options.reply_to
  if (type === undefined) return undefined
  if (type === '') return { spec: { type: '' }, value: '' }
  const value = (t: NotifyType): string => {
    switch (t) {
      case 'tokenowner':
        return options['reply_to tokenowner']
      case 'logged_in_user':
        return options['reply_to logged_in_user']
      case 'internal admin':
        return options['reply_to internal admin'] ?? ''
      case 'admin realm':
        return options['reply_to admin realm'] ?? ''
      case 'email':
        return options['reply_to email'] ?? ''
    }
  }
  const r = resolve(event, type, value)
  if (r === undefined) return undefined
  switch (r.spec.type) {
    case 'tokenowner': {
      // privacyIDEA reads the attribute directly; a missing one means no Reply-To is passed.
      const address = r.resolved?.email[0]
      return address === undefined ? undefined : { spec: r.spec, value: address }
    }
    // email: the first address of the list (resolved.email is the list); logged_in_user: the address when resolved.
    case 'email':
    case 'logged_in_user': {
      const address = r.resolved?.email[0]
      return address === undefined ? { spec: r.spec } : { spec: r.spec, value: address }
    }
    default:
      return { spec: r.spec }
  }
}

const QR_SOURCES = ['googleurl_img', 'pushurl_img', 'container_url_img'] as const

const attachmentOf = (ctx: EvalContext): QrAttachment | undefined => {
  for (const source of QR_SOURCES) {
    const url = notificationTag(ctx, source)
    if (url !== '') return { source, url, contentId: 'token_image', filename: `${notificationTag(ctx, 'serial')}.png` }
  }
  return undefined
}

/** A piece of a rendered file name: text, or the `{random}` value. */
type NamePiece = string | { readonly random: true }

/**
 * Normalises a spool file name as privacyIDEA does (`lstrip('/')`, `normpath`), relative to the spool directory;
 * undefined when it would leave it or name the directory itself.
 */
const spoolPath = (pieces: ReadonlyArray<NamePiece>): ReadonlyArray<ReadonlyArray<NamePiece>> | undefined => {
  const parts: NamePiece[][] = [[]]
  for (const p of pieces) {
    if (typeof p !== 'string') {
      ;(parts[parts.length - 1] as NamePiece[]).push(p)
      continue
    }
    const split = p.split('/')
    ;(parts[parts.length - 1] as NamePiece[]).push(split[0] as string)
    for (const s of split.slice(1)) parts.push([s])
  }
  const text = (part: ReadonlyArray<NamePiece>): string | undefined =>
    part.every((p) => typeof p === 'string') ? part.join('') : undefined
  const out: Array<ReadonlyArray<NamePiece>> = []
  for (const part of parts) {
    const t = text(part)
    if (t === '' || t === '.') continue
    if (t === '..') {
      if (out.length === 0) return undefined
      out.pop()
      continue
    }
    out.push(part)
  }
  return out.length === 0 ? undefined : out
}

/**
 * Why a savefile name that leaves the spool directory is refused (privacyIDEA logs it and still returns true).
 *
 * @example
 * audit.details === OUTSIDE_SPOOL // the file was not written; the entry still says success: true
 * @since 0.1.0
 */
export const OUTSIDE_SPOOL = 'The notification file is outside of the spool directory.'

const printPath = (parts: ReadonlyArray<ReadonlyArray<NamePiece>>, random: string | undefined): string =>
  parts
    .map((part) =>
      part
        .map((p) =>
          typeof p === 'string' ? (random === undefined ? escapeFormat(p) : p) : (random ?? `{${RANDOM_TAG}}`),
        )
        .join(''),
    )
    .join('/')

/**
 * Every notification intent carries every tag value (`tags`), so it reads every tag's source; the recipient tags
 * make that the whole user in event and the whole logged-in user, all a recipient or Reply-To is resolved from.
 */
const ALL_TAG_FACTS: ReadonlyArray<string> = tagFacts(NOTIFICATION_TAGS)

/**
 * The UserNotification module.
 *
 * @example
 * userNotificationModule.actions.map((a) => a.name) // ['sendmail', 'sendsms', 'savefile']
 * @since 0.1.0
 */
export const userNotificationModule: HandlerModuleDescriptor = defineModule({
  name: 'UserNotification',
  positions: ['post', 'pre'],
  abortOnError: false,
  actions: [
    defineAction({ name: 'sendmail', options: SENDMAIL }, (options) => {
      const body = compileBody(options.body, 'sendmail body')
      const subject = compileTemplate(options.subject, {
        path: ['options', 'subject'],
        label: 'sendmail subject',
        known: NOTIFICATION_TAG_SET,
      })
      if (body._tag === 'Left' || subject._tag === 'Left')
        return left([...(subject._tag === 'Left' ? subject.left : []), ...(body._tag === 'Left' ? body.left : [])])
      const bodyPlan = body.right
      const subjectTemplate = subject.right
      const html = options.mimetype === 'html'
      const warnings: Issue[] =
        options.To === 'email' && (options['To email'] ?? '') === ''
          ? [
              issue('empty-option', 'To is "email" but "To email" is empty: the mail has no address', [
                'options',
                'To email',
              ]),
            ]
          : options.To === 'internal admin' && (options['To internal admin'] ?? '') === ''
            ? [
                issue('empty-option', 'To is "internal admin" but "To internal admin" is empty', [
                  'options',
                  'To internal admin',
                ]),
              ]
            : []
      const toValue = (t: NotifyType): string => {
        switch (t) {
          case 'tokenowner':
            return options['To tokenowner']
          case 'logged_in_user':
            return options['To logged_in_user']
          case 'internal admin':
            return options['To internal admin'] ?? ''
          case 'admin realm':
            return options['To admin realm'] ?? ''
          case 'email':
            return options['To email'] ?? ''
        }
      }
      return right({
        facts: ALL_TAG_FACTS,
        warnings,
        run: (ctx, binding) => {
          const r = resolve(ctx.event, options.To, toValue)
          if (r === undefined) return noRecipient(options.To)
          const tags = notificationTagValues(ctx, r.names, html)
          const value = (t: string): string => tags[t as NotificationTag]
          const replyTo = replyToOf(ctx.event, options)
          const attachment = options.attach_qrcode ? attachmentOf(ctx) : undefined
          const intent: SendmailIntent = mergeInto(intentBase('UserNotification.sendmail', ctx, binding), {
            options,
            emailconfig: options.emailconfig,
            mimetype: options.mimetype,
            subject: renderCompiled(subjectTemplate, value),
            ...bodyFields(bodyPlan, options.body, value),
            recipient: r.spec,
            ...(r.resolved !== undefined ? { resolvedRecipient: r.resolved } : {}),
            ...(replyTo !== undefined ? { replyTo } : {}),
            ...(attachment !== undefined ? { attachment } : {}),
            tags,
          })
          return fired(intent)
        },
      })
    }),
    defineAction({ name: 'sendsms', options: SENDSMS }, (options) => {
      const body = compileBody(options.body, 'sendsms body')
      if (body._tag === 'Left') return body
      const bodyPlan = body.right
      return right({
        facts: ALL_TAG_FACTS,
        run: (ctx, binding) => {
          const r = resolve(ctx.event, 'tokenowner', () => 'email')
          if (r?.resolved === undefined) return noRecipient(options.To)
          const tags = notificationTagValues(ctx, r.names, false)
          const intent: SendsmsIntent = mergeInto(intentBase('UserNotification.sendsms', ctx, binding), {
            options,
            smsconfig: options.smsconfig,
            ...bodyFields(bodyPlan, options.body, (t) => tags[t as NotificationTag]),
            recipient: r.spec,
            resolvedRecipient: r.resolved,
            ...(r.resolved.mobile !== undefined ? { phone: r.resolved.mobile } : {}),
            tags,
          })
          return fired(intent)
        },
      })
    }),
    defineAction({ name: 'savefile', options: SAVEFILE }, (options) => {
      const body = compileBody(options.body, 'savefile body')
      const filename = compileTemplate(options.filename, {
        path: ['options', 'filename'],
        label: 'savefile filename',
        known: FILENAME_TAG_SET,
      })
      if (body._tag === 'Left' || filename._tag === 'Left')
        return left([...(body._tag === 'Left' ? body.left : []), ...(filename._tag === 'Left' ? filename.left : [])])
      const bodyPlan = body.right
      const nameTemplate = filename.right
      const usesRandom = nameTemplate.tags.includes(RANDOM_TAG)
      const constantName = nameTemplate.tags.length === 0 ? spoolPath([renderCompiled(nameTemplate, () => '')]) : true
      const warnings =
        constantName === undefined
          ? [issue('outside-spool', `filename: ${OUTSIDE_SPOOL}`, ['options', 'filename'])]
          : []
      return right({
        facts: usesRandom ? [...ALL_TAG_FACTS, 'entropy'] : ALL_TAG_FACTS,
        warnings,
        run: (ctx: EvalContext, binding: Binding) => {
          const r = resolve(ctx.event, 'tokenowner', () => 'email')
          const tags = notificationTagValues(ctx, r?.names, false)
          const pieces: NamePiece[] = nameTemplate.segments.map((s) =>
            s._tag === 'Literal' ? s.text : s.name === RANDOM_TAG ? { random: true } : tags[s.name as NotificationTag],
          )
          const path = spoolPath(pieces)
          if (path === undefined) return declined(OUTSIDE_SPOOL, { success: true }) // privacyIDEA logs it and returns true
          const entropy = entropyOf(ctx.event.entropy)
          const random =
            usesRandom && entropy !== undefined
              ? deriveString(entropy, `${String(binding.id)}\u0000savefile random`, 16, ALPHANUMERIC)
              : undefined
          const draw = usesRandom && random === undefined
          const intent: SavefileIntent = mergeInto(intentBase('UserNotification.savefile', ctx, binding), {
            options,
            ...bodyFields(bodyPlan, options.body, (t) => tags[t as NotificationTag]),
            filename: draw ? printPath(path, undefined) : printPath(path, random ?? ''),
            ...(draw ? { draw: { length: 16, alphabet: ALPHANUMERIC } } : {}),
            tags,
          })
          return fired(intent, draw ? { details: 'no entropy in the event: the host draws {random}' } : {})
        },
      })
    }),
  ],
})
