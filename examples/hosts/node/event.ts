/**
 * Building the `Event` from the host's own data (SPEC 0.1 and 1.8): the request user, the serial, the one token,
 * the counters, the clock and entropy. Everything tripline reads comes from here; tripline reads nothing else.
 */

import { findUser, type Store, type TokenRecord, tokensOf, type UserRecord } from './store.js'
import type { Event, Position, Request, Token, User } from './tripline.js'

/** One API call as the HTTP layer sees it. */
export interface Call {
  readonly name: string
  readonly request: Request
  /** The request user, resolved before the pre handlers run (privacyIDEA's `request.User`). */
  readonly user: UserRecord | undefined
  readonly loggedIn?: { readonly role: 'admin' | 'user'; readonly username: string; readonly realm?: string }
}

const asToken = (store: Store, t: TokenRecord): Token => ({
  serial: t.serial,
  type: t.type,
  realms: t.realms,
  resolvers: [...new Set(t.realms.flatMap((r) => store.realms.get(r) ?? []))],
  ...(t.owner !== undefined
    ? {
        owner: {
          login: t.owner.login,
          realm: t.owner.realm,
          resolver: findUser(store, t.owner.login, t.owner.realm)?.resolver ?? '',
          exists: findUser(store, t.owner.login, t.owner.realm) !== undefined,
        },
      }
    : {}),
  active: t.active,
  failcount: t.failcount,
  maxfail: t.maxfail,
  otpCounter: t.otpCounter,
  description: t.description,
  rolloutState: t.rolloutState,
  inContainer: false,
  info: { ...t.info },
})

const asUser = (store: Store, u: UserRecord): User => {
  const tokens = tokensOf(store, u)
  return {
    login: u.login,
    realm: u.realm,
    resolver: u.resolver,
    info: u.info,
    tokenCount: tokens.length,
    containerCount: 0,
    hasLockedToken: tokens.some((t) => t.failcount >= t.maxfail),
  }
}

/** The serial of the call: request parameter, else the response's `detail.serial` (SPEC 1.8). */
const serialOf = (request: Request, response: unknown): string | undefined => {
  const fromRequest = request.params.serial
  if (fromRequest !== undefined && fromRequest !== '') return fromRequest
  const detail = (response as { detail?: { serial?: unknown } } | undefined)?.detail
  return typeof detail?.serial === 'string' && detail.serial !== '' ? detail.serial : undefined
}

/**
 * The `Event` for one position of a call.
 *
 * @param now the host's clock, ISO-8601
 * @param entropy random hex from the host, for `{random}` and random PINs
 */
export const buildEvent = (
  store: Store,
  call: Call,
  position: Position,
  response: unknown,
  now: string,
  entropy: string,
): Event => {
  const serial = serialOf(call.request, position === 'post' ? response : undefined)
  // The user in the event: the request user, else the owner of the request's token (SPEC 1.8).
  const byToken = serial !== undefined ? store.tokens.get(serial)?.owner : undefined
  const user = call.user ?? (byToken !== undefined ? findUser(store, byToken.login, byToken.realm) : undefined)
  // The one token: the serial's, else the user's only token.
  const candidates =
    serial !== undefined
      ? [store.tokens.get(serial)].filter((t) => t !== undefined)
      : user !== undefined
        ? tokensOf(store, user)
        : []
  const token = candidates.length === 1 ? candidates[0] : undefined
  return {
    name: call.name,
    position,
    now,
    entropy,
    baseUrl: 'https://auth.example.com',
    request: call.request,
    ...(position === 'post' ? { response } : {}),
    ...(call.loggedIn !== undefined ? { loggedIn: call.loggedIn } : {}),
    ...(user !== undefined ? { user: asUser(store, user) } : {}),
    ...(token !== undefined ? { serial: token.serial, token: asToken(store, token) } : serial ? { serial } : {}),
    counters: Object.fromEntries(store.counters),
  }
}
