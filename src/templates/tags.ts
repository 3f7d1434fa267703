/**
 * The template tags of SPEC 5 and where each value comes from in the `Event`. Notification bodies, subjects and
 * file names, Logging messages and WebHook data use them. A tag whose value the event does not hold renders as
 * `""` (SPEC D9; privacyIDEA renders `None`).
 *
 * @since 0.1.0
 */
import { eventNow, eventOffset } from '../conditions/grammar/clock.js'
import { formatInOffset } from '../conditions/grammar/date.js'
import type { EvalContext } from '../core/context.js'
import type { Event, User } from '../core/model.js'
import { escapeHtml } from './render.js'

/**
 * The tags every notification, log message and webhook may use (SPEC 5).
 *
 * @example
 * NOTIFICATION_TAGS.includes('serial') // true
 * NOTIFICATION_TAGS.map((t) => `{${t}}`).join(', ') // '{admin}, {realm}, {action}, {serial}, ...'
 * @since 0.1.0
 */
export const NOTIFICATION_TAGS = [
  'admin',
  'realm',
  'action',
  'serial',
  'url',
  'user',
  'givenname',
  'surname',
  'username',
  'userrealm',
  'tokentype',
  'tokendescription',
  'registrationcode',
  'recipient_givenname',
  'recipient_surname',
  'googleurl_value',
  'googleurl_img',
  'pushurl_value',
  'pushurl_img',
  'container_serial',
  'container_url_value',
  'container_url_img',
  'time',
  'date',
  'client_ip',
  'ua_browser',
  'ua_string',
  'pin',
  'challenge',
] as const

/**
 * A SPEC 5 tag.
 *
 * @example
 * const tag: NotificationTag = 'googleurl_img'
 * @since 0.1.0
 */
export type NotificationTag = (typeof NOTIFICATION_TAGS)[number]

/**
 * The tags only WebHook data knows (SPEC 4.9).
 *
 * @example
 * WEBHOOK_ONLY_TAGS.includes('token_owner') // true
 * @since 0.1.0
 */
export const WEBHOOK_ONLY_TAGS = ['logged_in_user', 'token_serial', 'token_owner', 'user_realm'] as const

/**
 * A WebHook tag: a SPEC 5 tag or one of `WEBHOOK_ONLY_TAGS`.
 *
 * @example
 * const tag: WebhookTag = 'logged_in_user'
 * @since 0.1.0
 */
export type WebhookTag = NotificationTag | (typeof WEBHOOK_ONLY_TAGS)[number]

/**
 * `{random}`: savefile file names only.
 *
 * @example
 * FILENAME_TAG_SET.has(RANDOM_TAG) // true
 * NOTIFICATION_TAG_SET.has(RANDOM_TAG) // false
 * @since 0.1.0
 */
export const RANDOM_TAG = 'random'

/**
 * The tags of notification bodies and subjects, Logging messages.
 *
 * @example
 * compileTemplate('Hello {user}', { path: ['options', 'body'], label: 'sendmail body', known: NOTIFICATION_TAG_SET })
 * @since 0.1.0
 */
export const NOTIFICATION_TAG_SET: ReadonlySet<string> = new Set(NOTIFICATION_TAGS)

/**
 * The tags of a savefile file name: the notification tags and `{random}`.
 *
 * @example
 * const place = { path: ['options', 'filename'], label: 'savefile filename', known: FILENAME_TAG_SET }
 * compileTemplate('{serial}-{random}.txt', place)
 * @since 0.1.0
 */
export const FILENAME_TAG_SET: ReadonlySet<string> = new Set([...NOTIFICATION_TAGS, RANDOM_TAG])

/**
 * The tags of WebHook data.
 *
 * @example
 * WEBHOOK_TAG_SET.has('token_serial') // true
 * WEBHOOK_TAG_SET.has('random') // false
 * @since 0.1.0
 */
export const WEBHOOK_TAG_SET: ReadonlySet<string> = new Set([...NOTIFICATION_TAGS, ...WEBHOOK_ONLY_TAGS])

/**
 * One tag as documentation data: its value and the `Event` paths it reads.
 *
 * @example
 * const spec: TagSpec = { name: 'client_ip', value: 'request.clientIp', facts: ['request.clientIp'] }
 * @since 0.1.0
 */
export interface TagSpec {
  readonly name: string
  readonly value: string
  readonly facts: ReadonlyArray<string>
}

/**
 * A tag with an entry in the documentation tables: every SPEC 5 tag, the WebHook-only ones and `{random}`.
 *
 * @example
 * const tag: DocumentedTag = 'random'
 * @since 0.1.0
 */
export type DocumentedTag = WebhookTag | 'random'

/**
 * The `Event` paths each tag of SPEC 5 reads (for `requiredFacts`), by tag name.
 *
 * @example
 * TAG_FACTS.serial // ['serial', 'token.serial']
 * @since 0.1.0
 */
export const TAG_FACTS: Readonly<Record<DocumentedTag, ReadonlyArray<string>>> = {
  admin: ['loggedIn.username'],
  realm: ['loggedIn.realm'],
  action: ['request.path'],
  serial: ['serial', 'token.serial'],
  url: ['baseUrl'],
  user: ['user.login', 'user.info.givenname'],
  givenname: ['user.login', 'user.info.givenname'],
  surname: ['user.login', 'user.info.surname'],
  username: ['user.login'],
  userrealm: ['user.login', 'user.realm'],
  tokentype: ['token.type'],
  tokendescription: ['token.description'],
  registrationcode: ['response.detail.registrationcode'],
  recipient_givenname: ['user', 'loggedIn'],
  recipient_surname: ['user', 'loggedIn'],
  googleurl_value: ['response.detail.googleurl.value'],
  googleurl_img: ['response.detail.googleurl.img'],
  pushurl_value: ['response.detail.pushurl.value'],
  pushurl_img: ['response.detail.pushurl.img'],
  container_serial: ['request.params.container_serial'],
  container_url_value: ['response.result.value.container_url.value'],
  container_url_img: ['response.result.value.container_url.img'],
  time: ['now'],
  date: ['now'],
  client_ip: ['request.clientIp'],
  ua_browser: ['request.browser'],
  ua_string: ['request.userAgent'],
  pin: ['response.detail.pin'],
  challenge: [],
  random: ['entropy'],
  logged_in_user: ['user.login', 'loggedIn.username'],
  token_serial: ['request.params.serial'],
  token_owner: ['user.login', 'user.info.givenname'],
  user_realm: ['user.login', 'user.realm'],
}

/**
 * Where each tag's value comes from, in words, by tag name: documentation only, so evaluation never loads it.
 *
 * @example
 * TAG_VALUES.client_ip // 'request.clientIp'
 * @since 0.1.0
 */
export const TAG_VALUES: Readonly<Record<DocumentedTag, string>> = {
  admin: 'username of the logged-in identity',
  realm: 'realm of the logged-in identity (WebHook: of the request user)',
  action: 'request path, e.g. /token/init',
  serial: "the event's serial (a comma list when the host puts one there), else the single token's serial",
  url: 'event.baseUrl without trailing slashes',
  user: 'given name of the user in event (not the login)',
  givenname: 'given name of the user in event',
  surname: 'surname of the user in event',
  username: 'login of the user in event',
  userrealm: 'realm of the user in event',
  tokentype: "the single token's type",
  tokendescription: "the single token's description",
  registrationcode: 'response detail.registrationcode',
  recipient_givenname: "the notification recipient's given name",
  recipient_surname: "the notification recipient's surname",
  googleurl_value: 'response detail.googleurl.value',
  googleurl_img: 'response detail.googleurl.img',
  pushurl_value: 'response detail.pushurl.value',
  pushurl_img: 'response detail.pushurl.img',
  container_serial: 'request parameter container_serial',
  container_url_value: 'response result.value.container_url.value',
  container_url_img: 'response result.value.container_url.img',
  time: 'event.now as HH:MM:SS in its own offset',
  date: 'event.now as YYYY-MM-DD in its own offset',
  client_ip: 'request.clientIp',
  ua_browser: 'request.browser',
  ua_string: 'request.userAgent',
  pin: 'response detail.pin',
  challenge: 'always ""',
  random: 'savefile file names only: 16 alphanumerics from event.entropy',
  logged_in_user: 'WebHook: login of the request user, else of the logged-in identity',
  token_serial: 'WebHook: request parameter serial',
  token_owner: 'WebHook: given name of the user in event',
  user_realm: 'WebHook: realm of the user in event',
}

/**
 * Every tag of SPEC 5 with its source in the `Event`: `TAG_FACTS` joined with `TAG_VALUES`.
 *
 * @example
 * TAG_SPECS.find((t) => t.name === 'serial')?.facts // ['serial', 'token.serial']
 * @since 0.1.0
 */
export const TAG_SPECS: ReadonlyArray<TagSpec> = /* @__PURE__ */ (
  Object.keys(TAG_FACTS) as ReadonlyArray<DocumentedTag>
).map((name) => ({ name, value: TAG_VALUES[name], facts: TAG_FACTS[name] }))

const FACTS: ReadonlyMap<string, ReadonlyArray<string>> = new Map(Object.entries(TAG_FACTS))

/**
 * The `Event` paths a list of tags reads (for `requiredFacts`), without duplicates.
 *
 * @example
 * tagFacts(['serial', 'time']) // ['serial', 'token.serial', 'now']
 * @since 0.1.0
 */
export const tagFacts = (tags: ReadonlyArray<string>, webhook = false): ReadonlyArray<string> => {
  const out = new Set<string>()
  for (const t of tags) {
    const facts =
      webhook && t === 'realm'
        ? ['user.login', 'user.realm', 'loggedIn.realm']
        : webhook && t === 'serial'
          ? ['request.params.serial']
          : FACTS.get(t)
    for (const f of facts ?? []) out.add(f)
  }
  return [...out]
}

/**
 * The recipient of a notification as far as tags need it.
 *
 * @example
 * const recipient: RecipientNames = { givenname: 'Alice', surname: 'Liddell' }
 * notificationTag(ctx, 'recipient_surname', recipient) // 'Liddell'
 * @since 0.1.0
 */
export interface RecipientNames {
  readonly givenname?: string
  readonly surname?: string
}

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u)

/**
 * An own property of a JSON object, or undefined.
 *
 * @example
 * member(event.response, 'detail') // { serial: 'TOTP0001', googleurl: { ... } }
 * member({}, '__proto__') // undefined
 * @since 0.1.0
 */
export const member = (u: unknown, key: string): unknown => (isRecord(u) && Object.hasOwn(u, key) ? u[key] : undefined)

/**
 * A JSON scalar as Python's `str()` renders it in a template: strings as they are, integers and floats in
 * decimal, booleans `True`/`False`; anything else (null, objects, lists, absent) is `""` (D9).
 *
 * @example
 * scalarText(1234) // '1234'
 * scalarText(true) // 'True'
 * scalarText(null) // ''
 * @since 0.1.0
 */
export const scalarText = (u: unknown): string =>
  typeof u === 'string' ? u : Number.isFinite(u) ? String(u) : typeof u === 'boolean' ? (u ? 'True' : 'False') : ''

/**
 * The user in event, or undefined for the empty user (absent or without login).
 *
 * @example
 * eventUser(event)?.login // 'alice'
 * eventUser({ ...event, user: { login: '', realm: '', resolver: '' } }) // undefined
 * @since 0.1.0
 */
export const eventUser = (event: Event): User | undefined =>
  event.user !== undefined && event.user.login !== '' ? event.user : undefined

/**
 * A user-store attribute of the user in event, `""` when absent.
 *
 * @example
 * userInfo(event, 'email') // 'alice@example.com'
 * userInfo(event, 'phone') // ''
 * @since 0.1.0
 */
export const userInfo = (event: Event, key: string): string => {
  const info = eventUser(event)?.info
  return info !== undefined && Object.hasOwn(info, key) ? scalarText(info[key]) : ''
}

/**
 * A request parameter (own property), or undefined.
 *
 * @example
 * requestParam(event, 'serial') // 'TOTP0001'
 * requestParam(event, 'pass') // undefined
 * @since 0.1.0
 */
export const requestParam = (event: Event, key: string): string | undefined => {
  const params = event.request.params
  return isRecord(params) && Object.hasOwn(params, key) ? scalarText(params[key]) : undefined
}

const detail = (event: Event): unknown => member(event.response, 'detail')

const nowText = (ctx: EvalContext, pattern: 'HH:MM:SS' | 'YYYY-MM-DD'): string => {
  const now = eventNow(ctx)
  return Number.isFinite(now) ? formatInOffset(now, eventOffset(ctx), pattern) : ''
}

/**
 * The value of one SPEC 5 tag for the current event view, before HTML escaping.
 *
 * @example
 * notificationTag(ctx, 'username') // 'alice'
 * @since 0.1.0
 */
export const notificationTag = (ctx: EvalContext, tag: NotificationTag, recipient?: RecipientNames): string => {
  const e = ctx.event
  switch (tag) {
    case 'admin':
      return e.loggedIn?.username ?? ''
    case 'realm':
      return e.loggedIn?.realm ?? ''
    case 'action':
      return e.request.path ?? ''
    case 'serial':
      // privacyIDEA's `or` chain: an empty serial names none, so the single token's serial stands in (SPEC 1.8).
      return e.serial !== undefined && e.serial !== '' ? e.serial : (e.token?.serial ?? '')
    case 'url':
      return (e.baseUrl ?? '').replace(/\/+$/, '')
    case 'user':
    case 'givenname':
      return userInfo(e, 'givenname')
    case 'surname':
      return userInfo(e, 'surname')
    case 'username':
      return eventUser(e)?.login ?? ''
    case 'userrealm':
      return eventUser(e)?.realm ?? ''
    case 'tokentype':
      return e.token?.type ?? ''
    case 'tokendescription':
      return e.token?.description ?? ''
    case 'registrationcode':
      return scalarText(member(detail(e), 'registrationcode'))
    case 'recipient_givenname':
      return recipient?.givenname ?? ''
    case 'recipient_surname':
      return recipient?.surname ?? ''
    case 'googleurl_value':
      return scalarText(member(member(detail(e), 'googleurl'), 'value'))
    case 'googleurl_img':
      return scalarText(member(member(detail(e), 'googleurl'), 'img'))
    case 'pushurl_value':
      return scalarText(member(member(detail(e), 'pushurl'), 'value'))
    case 'pushurl_img':
      return scalarText(member(member(detail(e), 'pushurl'), 'img'))
    case 'container_serial':
      return requestParam(e, 'container_serial') ?? ''
    case 'container_url_value':
      return scalarText(member(member(member(member(e.response, 'result'), 'value'), 'container_url'), 'value'))
    case 'container_url_img':
      return scalarText(member(member(member(member(e.response, 'result'), 'value'), 'container_url'), 'img'))
    case 'time':
      return nowText(ctx, 'HH:MM:SS')
    case 'date':
      return nowText(ctx, 'YYYY-MM-DD')
    case 'client_ip':
      return e.request.clientIp ?? ''
    case 'ua_browser':
      return e.request.browser ?? ''
    case 'ua_string':
      return e.request.userAgent ?? ''
    case 'pin':
      return scalarText(member(detail(e), 'pin'))
    case 'challenge':
      return ''
  }
}

/**
 * The value of one WebHook tag (SPEC 4.9): the SPEC 5 tags with `serial` from the request parameters only,
 * `realm`/`logged_in_user` of the request user (else the logged-in identity), and the aliases `token_serial`,
 * `token_owner`, `user_realm`.
 *
 * @example
 * webhookTag(ctx, 'logged_in_user') // 'alice': the request user, not the logged-in admin
 * webhookTag(ctx, 'token_serial') // 'TOTP0001': the request parameter serial
 * @since 0.1.0
 */
export const webhookTag = (ctx: EvalContext, tag: WebhookTag): string => {
  const e = ctx.event
  const user = eventUser(e)
  switch (tag) {
    case 'serial':
    case 'token_serial':
      return requestParam(e, 'serial') ?? ''
    case 'realm':
      return user !== undefined ? user.realm : (e.loggedIn?.realm ?? '')
    case 'logged_in_user':
      return user !== undefined ? user.login : (e.loggedIn?.username ?? '')
    case 'token_owner':
      return notificationTag(ctx, 'givenname')
    case 'user_realm':
      return notificationTag(ctx, 'userrealm')
    default:
      return notificationTag(ctx, tag)
  }
}

/**
 * Every SPEC 5 tag for the current event view, HTML-escaped when `html` (sendmail with mimetype `html`). Hosts get
 * this record in notification intents, to render again per recipient with `renderTemplate`.
 *
 * @example
 * const tags = notificationTagValues(ctx, { givenname: 'Alice', surname: 'Liddell' }, false)
 * renderTemplate('Hello {recipient_givenname}, token {serial} was enrolled at {time}', tags)
 * // 'Hello Alice, token TOTP0001 was enrolled at 10:00:00'
 * @since 0.1.0
 */
export const notificationTagValues = (
  ctx: EvalContext,
  recipient: RecipientNames | undefined,
  html: boolean,
): Readonly<Record<NotificationTag, string>> => {
  const out = {} as Record<NotificationTag, string>
  for (const tag of NOTIFICATION_TAGS) {
    const v = notificationTag(ctx, tag, recipient)
    out[tag] = html ? escapeHtml(v) : v
  }
  return out
}
