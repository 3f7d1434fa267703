/**
 * Behaviour of src/templates/tags.ts that the mutation run (docs/quality.md) found unstated. Chiefly the facts law
 * of every tag: the `Event` paths `tagFacts` names for a tag are all its value needs — an event holding only those
 * paths renders the tag exactly as the full event does (so `requiredFacts` may prune the rest); and the value is not
 * empty on the full event, so a missing path would show. Also: the tags that read nothing, odd response and
 * request shapes, and the WebHook fallbacks without a user.
 */
import { describe, expect, it } from 'vitest'
import { factSegments } from '../../src/analysis/facts.js'
import { makeContext } from '../../src/core/context.js'
import type { Event } from '../../src/core/model.js'
import {
  NOTIFICATION_TAGS,
  type NotificationTag,
  notificationTag,
  scalarText,
  TAG_SPECS,
  tagFacts,
  WEBHOOK_ONLY_TAGS,
  type WebhookTag,
  webhookTag,
} from '../../src/templates/tags.js'

/** An event where every tag has a non-empty value. */
const FULL: Event = {
  name: 'token_init',
  position: 'post',
  now: '2026-11-29T10:11:12+01:00',
  baseUrl: 'https://pi.example.com/',
  request: {
    path: '/token/init',
    method: 'POST',
    params: { serial: 'PARAM0001', container_serial: 'SMPH0001', user: 'alice' },
    clientIp: '10.0.0.5',
    userAgent: 'privacyIDEA-LDAP-Proxy',
    browser: 'Firefox',
  },
  response: {
    result: {
      status: true,
      value: { container_url: { value: 'pia://container/x', img: 'data:image/png;base64,QR' } },
    },
    detail: {
      registrationcode: 'REG-123',
      googleurl: { value: 'otpauth://totp/x', img: 'data:image/png;base64,G' },
      pushurl: { value: 'otpauth://push/x', img: 'data:image/png;base64,P' },
      pin: '314159',
    },
  },
  loggedIn: { role: 'admin', username: 'admin', realm: 'adminrealm' },
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
    realms: ['realm1'],
    resolvers: ['resolver1'],
    failcount: 0,
    maxfail: 10,
    otpCounter: 0,
    description: 'phone',
    info: {},
  },
}

/** `target` with `value` set at `path`, copying every object on the way (nothing is mutated). */
const setIn = (target: unknown, path: ReadonlyArray<string>, value: unknown): unknown => {
  const [head, ...rest] = path
  if (head === undefined) return value
  const base = typeof target === 'object' && target !== null ? (target as Record<string, unknown>) : {}
  return { ...base, [head]: setIn(base[head], rest, value) }
}

/** The value of `event` at `path`, or undefined. */
const getIn = (event: unknown, path: ReadonlyArray<string>): unknown =>
  path.reduce<unknown>((from, s) => (from as Record<string, unknown> | undefined)?.[s], event)

/** The event holding only `facts` (and an empty request, which the model requires). */
const keepOnly = (event: Event, facts: ReadonlyArray<string>): Event =>
  facts.reduce<unknown>(
    (out, fact) => {
      const segments = factSegments(fact)
      const value = getIn(event, segments)
      return value === undefined ? out : setIn(out, segments, value)
    },
    { request: { params: {} } },
  ) as Event

/** Tags whose value comes from somewhere else than the event: the recipient (resolved by the handler), nothing. */
const NOT_FROM_EVENT = new Set(['recipient_givenname', 'recipient_surname', 'challenge'])

describe('the facts of a tag are what its value reads', () => {
  const notification = NOTIFICATION_TAGS.filter((t) => !NOT_FROM_EVENT.has(t))

  it.each(notification)('{%s}', (tag: NotificationTag) => {
    const full = notificationTag(makeContext(FULL), tag)
    expect(full).not.toBe('')
    expect(notificationTag(makeContext(keepOnly(FULL, tagFacts([tag]))), tag)).toBe(full)
  })

  it.each([...notification, ...WEBHOOK_ONLY_TAGS])('WebHook {%s}', (tag: WebhookTag) => {
    const full = webhookTag(makeContext(FULL), tag)
    expect(full).not.toBe('')
    expect(webhookTag(makeContext(keepOnly(FULL, tagFacts([tag], true))), tag)).toBe(full)
  })

  /** Every leaf path of FULL, with a different value for it (an empty string for text, so that `login: ""`
   * — "no user" — is among the changes). */
  const leaves = (u: unknown, path: ReadonlyArray<string> = []): ReadonlyArray<ReadonlyArray<string>> =>
    typeof u === 'object' && u !== null && !Array.isArray(u)
      ? Object.entries(u).flatMap(([k, v]) => leaves(v, [...path, k]))
      : [path]
  const covers = (facts: ReadonlyArray<string>, path: ReadonlyArray<string>): boolean =>
    facts.some((f) => {
      const fs = factSegments(f)
      return fs.every((s, i) => path[i] === s)
    })
  const changed = (path: ReadonlyArray<string>): Event => {
    const old = getIn(FULL, path)
    return setIn(FULL, path, typeof old === 'string' ? '' : typeof old === 'number' ? old + 1 : 'x') as Event
  }

  it.each(notification)('{%s}: a change outside its facts never changes it', (tag: NotificationTag) => {
    const facts = tagFacts([tag])
    const full = notificationTag(makeContext(FULL), tag)
    for (const path of leaves(FULL).filter((p) => !covers(facts, p)))
      expect(notificationTag(makeContext(changed(path)), tag), path.join('.')).toBe(full)
  })

  it.each([...notification, ...WEBHOOK_ONLY_TAGS])(
    'WebHook {%s}: a change outside its facts never changes it',
    (tag: WebhookTag) => {
      const facts = tagFacts([tag], true)
      const full = webhookTag(makeContext(FULL), tag)
      for (const path of leaves(FULL).filter((p) => !covers(facts, p)))
        expect(webhookTag(makeContext(changed(path)), tag), path.join('.')).toBe(full)
    },
  )

  it('an empty login means no user: the user tags read user.login', () => {
    const noLogin = setIn(FULL, ['user', 'login'], '') as Event
    for (const tag of ['userrealm', 'username', 'givenname', 'surname', 'user'] as const) {
      expect(notificationTag(makeContext(noLogin), tag), tag).toBe('')
      expect(tagFacts([tag]), tag).toContain('user.login')
    }
    for (const tag of ['user_realm', 'token_owner', 'logged_in_user'] as const)
      expect(tagFacts([tag], true), tag).toContain('user.login')
    expect(webhookTag(makeContext(noLogin), 'user_realm')).toBe('')
    expect(webhookTag(makeContext(noLogin), 'token_owner')).toBe('')
  })

  it('{random} (savefile file names) reads event.entropy and nothing else', () => {
    expect(tagFacts(['random'])).toStrictEqual(['entropy'])
  })

  it('every tag has its facts listed once, and the lists are joined without duplicates', () => {
    for (const spec of TAG_SPECS) expect(tagFacts([spec.name])).toStrictEqual(spec.facts)
    expect(tagFacts(['user', 'givenname', 'surname'])).toStrictEqual([
      'user.login',
      'user.info.givenname',
      'user.info.surname',
    ])
  })

  it('every tag says in words where its value comes from (the public TAG_SPECS document the tags)', () => {
    for (const spec of TAG_SPECS) expect(spec.value.trim(), spec.name).not.toBe('')
    expect(new Set(TAG_SPECS.map((t) => t.value)).size).toBeGreaterThan(TAG_SPECS.length / 2)
  })

  it('{challenge} and unknown tags read nothing', () => {
    expect(tagFacts(['challenge'])).toStrictEqual([])
    expect(tagFacts(['nosuch', '__proto__'])).toStrictEqual([])
    expect(notificationTag(makeContext(FULL), 'challenge')).toBe('')
  })

  it('the recipient tags read the users a recipient is resolved from', () => {
    expect(tagFacts(['recipient_givenname'])).toStrictEqual(['user', 'loggedIn'])
    expect(tagFacts(['recipient_surname'])).toStrictEqual(['user', 'loggedIn'])
    expect(notificationTag(makeContext(FULL), 'recipient_givenname', { givenname: 'Bob' })).toBe('Bob')
  })
})

describe('odd shapes read as no value', () => {
  const base = { name: 'e', position: 'post', now: FULL.now } as const

  it('a response that is null, a list or a string has no detail', () => {
    for (const response of [null, ['detail'], 'detail', 0]) {
      const ctx = makeContext({ ...base, request: { params: {} }, response })
      expect(notificationTag(ctx, 'registrationcode')).toBe('')
      expect(notificationTag(ctx, 'container_url_value')).toBe('')
    }
  })

  it('request parameters that are not an object hold no parameter', () => {
    for (const params of [null, ['serial'], 'serial=x']) {
      const ctx = makeContext({ ...base, request: { params: params as never } })
      expect(webhookTag(ctx, 'token_serial')).toBe('')
      expect(notificationTag(ctx, 'container_serial')).toBe('')
    }
  })

  it('WebHook realm and logged_in_user without a user or a logged-in identity are empty', () => {
    const ctx = makeContext({ ...base, request: { params: {} } })
    expect(webhookTag(ctx, 'realm')).toBe('')
    expect(webhookTag(ctx, 'logged_in_user')).toBe('')
    const admin = makeContext({ ...base, request: { params: {} }, loggedIn: { role: 'admin', username: 'root' } })
    expect(webhookTag(admin, 'realm')).toBe('')
    expect(webhookTag(admin, 'logged_in_user')).toBe('root')
  })
})

describe('scalar values as text', () => {
  it('finite numbers in decimal, booleans as Python writes them; NaN, infinities and the rest are ""', () => {
    expect([scalarText(42), scalarText(-0.5), scalarText(true), scalarText(false), scalarText('x')]).toStrictEqual([
      '42',
      '-0.5',
      'True',
      'False',
      'x',
    ])
    for (const u of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, null, undefined, {}, [1], 10n])
      expect(scalarText(u), String(u)).toBe('')
  })
  it('a NaN or infinite response detail renders no value', () => {
    const odd = { ...FULL, response: { detail: { pin: Number.NaN, registrationcode: Number.POSITIVE_INFINITY } } }
    expect(notificationTag(makeContext(odd), 'pin')).toBe('')
    expect(notificationTag(makeContext(odd), 'registrationcode')).toBe('')
  })
})
