/**
 * Seeded event generation: plausible privacyIDEA API calls in tripline's `Event` shape, with the facts a host
 * would resolve (user, token with tokeninfo, response, client IP, container, challenges, counters).
 *
 * Date facts are generated so that every engine decides them identically: stored times carry whole milliseconds
 * (`.123000`), never on a whole second, so no comparison against a whole-second or whole-minute bound can tie.
 *
 * @since 0.1.0
 */
import type { Challenge, Container, Event, Position, Token, User } from '../src/core/model.js'
import type { Rng } from './prng.js'

/** The clock of the first event of every stream: 2026-11-29T10:00:00+01:00. @since 0.1.0 */
export const BASE_NOW_MS = Date.UTC(2026, 10, 29, 9, 0, 0)

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

const offsetText = (minutes: number, colon: boolean): string => {
  const sign = minutes < 0 ? '-' : '+'
  const a = Math.abs(minutes)
  return `${sign}${pad(Math.floor(a / 60))}${colon ? ':' : ''}${pad(a % 60)}`
}

const wallClock = (ms: number, offsetMinutes: number): Date => new Date(ms + offsetMinutes * 60_000)

/** `2026-11-29T10:00:00+01:00` (or `Z` for offset 0 when `z` is set). @since 0.1.0 */
export const isoSeconds = (ms: number, offsetMinutes: number, z = false): string => {
  const d = wallClock(ms, offsetMinutes)
  const base = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  return z && offsetMinutes === 0 ? `${base}Z` : `${base}${offsetText(offsetMinutes, true)}`
}

/** privacyIDEA's stored tokeninfo form `2026-11-20 09:13:44.123000+0100`. @since 0.1.0 */
export const storedTimestamp = (ms: number, offsetMinutes: number): string => {
  const d = wallClock(ms, offsetMinutes)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}000${offsetText(offsetMinutes, false)}`
}

/** privacyIDEA's validity-period form `2026-11-20T09:13+0100`. @since 0.1.0 */
export const validityTimestamp = (ms: number, offsetMinutes: number): string => {
  const d = wallClock(ms, offsetMinutes)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${offsetText(offsetMinutes, false)}`
}

/** Realms, resolvers and token types the generators draw from (all lower case, as privacyIDEA stores them). */
export const REALMS: ReadonlyArray<string> = ['realm1', 'realm2', 'sales', 'it', 'ldap', 'partners']
export const TOKEN_TYPES: ReadonlyArray<string> = [
  'totp',
  'hotp',
  'spass',
  'webauthn',
  'push',
  'sms',
  'email',
  'yubikey',
  'pw',
  'passkey',
]
const SERIAL_PREFIX: Readonly<Record<string, string>> = {
  totp: 'TOTP',
  hotp: 'OATH',
  spass: 'PISP',
  webauthn: 'WAN',
  push: 'PIPU',
  sms: 'PISM',
  email: 'PIEM',
  yubikey: 'UBOM',
  pw: 'PW',
  passkey: 'PIPK',
}
const GIVEN = ['Alice', 'Bob', 'Carol', 'Dave', 'Erin', 'Frank', 'Grace', 'Heidi', 'Ivan', 'Judy']
const SURNAMES = ['Koelbel', 'Smith', 'Meyer', 'Garcia', 'Nguyen', 'Schulz']

const resolverOf = (realm: string): string => `${realm}-resolver`

const makeUser = (rng: Rng): User => {
  const given = rng.pick(GIVEN)
  const realm = rng.weighted<string>([
    [5, 'realm1'],
    [2, 'realm2'],
    [2, 'sales'],
    [2, 'it'],
    [2, 'ldap'],
    [1, 'partners'],
  ])
  const login = `${given.toLowerCase()}${rng.int(50)}`
  return {
    login,
    realm,
    resolver: resolverOf(realm),
    info: {
      givenname: given,
      surname: rng.pick(SURNAMES),
      email: rng.chance(0.9) ? `${login}@${rng.pick(['example.com', 'corp.example', 'mail.test'])}` : '',
      mobile: `+4917${rng.range(1000000, 9999999)}`,
      userid: String(rng.range(1000, 9999)),
    },
    tokenCount: rng.weighted<number>([
      [1, 0],
      [6, 1],
      [2, 2],
      [1, 3],
    ]),
    containerCount: rng.weighted<number>([
      [5, 0],
      [4, 1],
      [1, 2],
    ]),
    hasLockedToken: rng.chance(0.05),
  }
}

const makeToken = (rng: Rng, user: User | undefined, nowMs: number): Token => {
  const type = rng.weighted<string>([
    [6, 'totp'],
    [3, 'hotp'],
    [1, 'spass'],
    [2, 'webauthn'],
    [2, 'push'],
    [1, 'sms'],
    [1, 'email'],
    [1, 'yubikey'],
    [1, 'pw'],
    [1, 'passkey'],
  ])
  const serial = `${SERIAL_PREFIX[type] ?? 'TOK'}${pad(rng.range(0, 99999), 5)}${rng.chance(0.1) ? 'A' : ''}`
  const countAuth = rng.weighted<number>([
    [2, rng.range(0, 10)],
    [4, rng.range(10, 200)],
    [2, rng.range(200, 5000)],
  ])
  const info: Record<string, string> = {
    count_auth: String(countAuth),
    count_auth_success: String(Math.max(0, countAuth - rng.range(0, 30))),
  }
  if (rng.chance(0.8)) {
    const ageMs = rng.range(1, 400 * 24 * 60) * 60_000 + rng.range(1, 59) * 1000 + rng.range(1, 999)
    info.last_auth = storedTimestamp(nowMs - ageMs, rng.pick([60, 0, 120]))
  }
  if (rng.chance(0.6)) info.hashlib = rng.pick(['sha1', 'sha256', 'sha512'])
  if (rng.chance(0.2)) {
    const offset = rng.pick([60, 0])
    info.validity_period_start = validityTimestamp(nowMs - rng.range(1, 300) * 86_400_000 - 30_000, offset)
    info.validity_period_end = validityTimestamp(nowMs + rng.range(-30, 300) * 86_400_000 + 30_000, offset)
  }
  if (rng.chance(0.3)) info.tokenkind = rng.pick(['software', 'hardware'])
  const realms = user !== undefined ? [user.realm] : rng.chance(0.5) ? [rng.pick(REALMS)] : []
  const maxfail = 10
  return {
    serial,
    type,
    realms,
    resolvers: realms.map(resolverOf),
    ...(user !== undefined
      ? { owner: { login: user.login, realm: user.realm, resolver: user.resolver, exists: rng.chance(0.97) } }
      : {}),
    active: rng.chance(0.95),
    failcount: rng.weighted<number>([
      [10, 0],
      [3, rng.range(1, 4)],
      [1, rng.range(5, maxfail)],
    ]),
    maxfail,
    otpCounter: rng.range(0, 2000),
    description: rng.chance(0.5) ? 'enrolled via portal' : '',
    rolloutState: rng.weighted<string>([
      [6, 'enrolled'],
      [2, ''],
      [1, 'clientwait'],
      [1, 'verify'],
    ]),
    inContainer: rng.chance(0.3),
    info,
  }
}

const makeContainer = (rng: Rng, user: User | undefined, nowMs: number): Container => {
  const states = rng.weighted<ReadonlyArray<string>>([
    [6, ['active']],
    [1, ['disabled']],
    [1, ['active', 'lost']],
    [1, ['disabled', 'damaged']],
  ])
  const realms = user !== undefined ? [user.realm] : []
  return {
    serial: `SMPH${pad(rng.range(0, 9999), 4)}`,
    type: rng.pick(['smartphone', 'generic', 'yubikey']),
    states,
    owners: user !== undefined ? [{ login: user.login, realm: user.realm, resolver: user.resolver }] : [],
    realms,
    tokenCount: rng.range(0, 3),
    info: rng.chance(0.5) ? { registration_state: rng.pick(['registered', 'client_wait', 'rollover']) } : {},
    ...(rng.chance(0.7) ? { lastAuthentication: isoSeconds(nowMs - rng.range(60, 30 * 86_400) * 1000 - 500, 0) } : {}),
    ...(rng.chance(0.6)
      ? { lastSynchronization: isoSeconds(nowMs - rng.range(60, 30 * 86_400) * 1000 - 500, 60) }
      : {}),
  }
}

const makeChallenges = (rng: Rng, nowMs: number): ReadonlyArray<Challenge> => {
  const one = (): Challenge => {
    const created = nowMs - rng.range(1, 600) * 1000 - 250
    return {
      session: rng.weighted<string>([
        [5, ''],
        [2, 'enrollment'],
        [1, 'challenge_declined'],
      ]),
      createdAt: isoSeconds(created, 0, true),
      expiresAt: isoSeconds(created + rng.range(60, 300) * 1000, 0, true),
    }
  }
  return rng.chance(0.85) ? [one()] : [one(), one()]
}

const VALIDATE = new Set([
  'validate_check',
  'validate_triggerchallenge',
  'validate_poll_transaction',
  'validate_offlinerefill',
  'auth',
  'ttype',
])

const requestPath = (name: string): string => {
  if (name === 'validate_check') return '/validate/check'
  if (name === 'auth') return '/auth'
  const [head, ...rest] = name.split('_')
  return `/${head}/${rest.join('')}`
}

/**
 * One generated event. `index` spaces the clocks of a stream (37 s apart, plus jitter), so the stream is one
 * plausible stretch of server time.
 *
 * @since 0.1.0
 */
export const makeEvent = (rng: Rng, name: string, position: Position, index: number): Event => {
  const nowMs = BASE_NOW_MS + index * 37_000 + rng.range(0, 36) * 1000
  const offset = rng.weighted<number>([
    [4, 60],
    [1, 0],
  ])
  const validate = VALIDATE.has(name)
  const tokenEvent = name.startsWith('token_') || name.startsWith('container_')
  const user = rng.chance(validate ? 0.9 : tokenEvent ? 0.6 : 0.5) ? makeUser(rng) : undefined
  const tokenNotYetThere = name === 'token_init' && position === 'pre'
  const hasToken =
    !tokenNotYetThere && (validate ? user !== undefined && rng.chance(0.8) : tokenEvent && rng.chance(0.75))
  const token = hasToken ? makeToken(rng, user, nowMs) : undefined
  const serialOnly = token === undefined && tokenEvent && rng.chance(0.3)
  const serial = token?.serial ?? (serialOnly ? `TOTP${pad(rng.range(0, 99999), 5)}` : undefined)
  const clientIp = rng.weighted<string | undefined>([
    [12, `10.${rng.int(8)}.${rng.int(8)}.${rng.range(1, 254)}`],
    [4, `192.168.${rng.int(3)}.${rng.range(1, 254)}`],
    [2, `172.${rng.range(14, 33)}.${rng.int(4)}.${rng.range(1, 254)}`],
    [2, `203.0.113.${rng.range(1, 254)}`],
    [1, undefined],
  ])
  const container = rng.chance(name.startsWith('container_') ? 0.8 : 0.2) ? makeContainer(rng, user, nowMs) : undefined
  const challenges = token !== undefined && rng.chance(validate ? 0.25 : 0.05) ? makeChallenges(rng, nowMs) : undefined
  const accepted = rng.chance(0.7)
  const failed = !accepted && rng.chance(0.1)
  const response =
    position === 'pre'
      ? undefined
      : validate
        ? {
            result: failed
              ? { status: false, error: { code: 905, message: 'ERR905: Missing parameter: pass' } }
              : { status: true, value: accepted, authentication: accepted ? 'ACCEPT' : 'REJECT' },
            detail: failed
              ? { error: { message: 'ERR905: Missing parameter: pass' } }
              : {
                  message: accepted ? 'matching 1 tokens' : rng.pick(['wrong otp value', 'wrong otp pin']),
                  ...(serial !== undefined ? { serial } : {}),
                },
          }
        : { result: { status: true, value: rng.chance(0.9) }, ...(serial !== undefined ? { detail: { serial } } : {}) }
  const params: Record<string, string> = {}
  if (user !== undefined) {
    params.user = user.login
    if (rng.chance(0.5)) params.realm = user.realm
  }
  if (serial !== undefined) params.serial = serial
  if (validate) params.pass = '123456'
  return {
    name,
    position,
    now: isoSeconds(nowMs, offset, true),
    baseUrl: 'https://pi.example.com',
    request: {
      path: requestPath(name),
      method: validate ? 'POST' : rng.pick(['POST', 'GET']),
      params,
      ...(clientIp !== undefined ? { clientIp } : {}),
      userAgent: 'privacyIDEA-LDAP-Proxy/1.0',
      browser: 'other',
    },
    ...(response !== undefined ? { response } : {}),
    ...(!validate && rng.chance(0.8) ? { loggedIn: { role: 'admin' as const, username: 'admin' } } : {}),
    ...(user !== undefined ? { user } : {}),
    ...(serial !== undefined ? { serial } : {}),
    ...(token !== undefined ? { token } : {}),
    ...(container !== undefined ? { container } : {}),
    ...(challenges !== undefined ? { challenges } : {}),
    counters: { failed_auth: rng.range(0, 20), logins: rng.range(0, 5000) },
  }
}
