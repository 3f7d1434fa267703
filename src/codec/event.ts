/**
 * The codec of an `Event` (DESIGN.md): every field checked, unknown fields reported with a "did you mean",
 * absent optional fields kept absent.
 *
 * Records of host data (`request.params`, `user.info`, `token.info`, `container.info`, `counters`) keep every key,
 * `__proto__`, `constructor` and `prototype` included, as an own data property of a plain object: request
 * parameter names come from the client, and refusing some would let a client make the event undecodable. Their
 * values are strings or numbers, so no key can change a prototype; code that reads them by a name it did not
 * take from `Object.keys` should test `Object.hasOwn` first.
 *
 * @since 0.1.0
 */
import type { Type } from 'io-ts'
import { type Either, left, right } from '../core/either.js'
import type { Event } from '../core/model.js'
import { type DecodeErrors, toDecodeErrors, unreadable } from './errors.js'
import {
  Anything,
  Bool,
  FiniteNumber,
  leaf,
  list,
  optional,
  PositionCodec,
  record,
  required,
  Str,
  struct,
} from './primitives.js'

/**
 * The event codec: decodes and checks an `Event`; encodes it unchanged (it is JSON already).
 *
 * @example
 * const codec: EventCodec = EventCodec
 * codec.decode({ name: 'auth', position: 'pre', now: '2026-11-29T10:00:00Z', request: { params: {} } })._tag // 'Right'
 *
 * @since 0.1.0
 */
export type EventCodec = Type<Event, Event, unknown>

const strict = { unknownKeys: 'reject' } as const

const Strings = (what: string) =>
  record(`an object of ${what} with string values`, Str, { reserved: 'keep', entry: what })
const StringList = list('a list of strings', Str)

const RequestCodec = struct(
  'a request',
  {
    path: optional(Str),
    method: optional(Str),
    params: required(Strings('parameters')),
    clientIp: optional(Str),
    userAgent: optional(Str),
    browser: optional(Str),
  },
  strict,
)

const LoggedInCodec = struct(
  'a logged-in identity',
  {
    role: required(leaf('"admin" or "user"', (u): u is 'admin' | 'user' => u === 'admin' || u === 'user')),
    username: required(Str),
    realm: optional(Str),
  },
  strict,
)

const UserCodec = struct(
  'a user',
  {
    login: required(Str),
    realm: required(Str),
    resolver: required(Str),
    info: optional(Strings('user attributes')),
    tokenCount: optional(FiniteNumber),
    containerCount: optional(FiniteNumber),
    hasLockedToken: optional(Bool),
  },
  strict,
)

const TokenOwnerCodec = struct(
  'a token owner',
  { login: required(Str), realm: required(Str), resolver: required(Str), exists: required(Bool) },
  strict,
)

const TokenCodec = struct(
  'a token',
  {
    serial: required(Str),
    type: required(Str),
    realms: required(StringList),
    resolvers: required(StringList),
    owner: optional(TokenOwnerCodec),
    active: optional(Bool),
    failcount: required(FiniteNumber),
    maxfail: required(FiniteNumber),
    otpCounter: required(FiniteNumber),
    description: optional(Str),
    rolloutState: optional(Str),
    inContainer: optional(Bool),
    info: required(Strings('token info')),
  },
  strict,
)

const ContainerOwnerCodec = struct(
  'a container owner',
  { login: required(Str), realm: required(Str), resolver: required(Str) },
  strict,
)

const ContainerCodec = struct(
  'a container',
  {
    serial: required(Str),
    type: required(Str),
    states: required(StringList),
    owners: required(list('a list of container owners', ContainerOwnerCodec)),
    realms: required(StringList),
    tokenCount: required(FiniteNumber),
    info: required(Strings('container info')),
    lastAuthentication: optional(Str),
    lastSynchronization: optional(Str),
  },
  strict,
)

const ChallengeCodec = struct(
  'a challenge',
  { session: required(Str), createdAt: required(Str), expiresAt: required(Str) },
  strict,
)

/**
 * The event codec (io-ts). `response` is any JSON value and is passed on as given; every other field is checked
 * against DESIGN.md's `Event`; numbers must be finite.
 *
 * @example
 * EventCodec.decode({ name: 'validate_check', position: 'post', now: '2026-11-29T10:00:00+01:00',
 *   request: { params: { user: 'alice' } } })
 *
 * @since 0.1.0
 */
export const EventCodec: EventCodec = struct(
  'an event',
  {
    name: required(Str),
    position: required(PositionCodec),
    now: required(Str),
    entropy: optional(Str),
    baseUrl: optional(Str),
    request: required(RequestCodec),
    response: optional(Anything),
    loggedIn: optional(LoggedInCodec),
    user: optional(UserCodec),
    serial: optional(Str),
    token: optional(TokenCodec),
    container: optional(ContainerCodec),
    challenges: optional(list('a list of challenges', ChallengeCodec)),
    counters: optional(
      record('an object of counter names and numbers', FiniteNumber, { reserved: 'keep', entry: 'counter' }),
    ),
  },
  strict,
)

/**
 * Decodes and checks an event from JSON data. Reports every problem, each with its JSON path; never throws.
 *
 * @example
 * const r = decodeEvent({ name: 'token_init', position: 'post', now: '2026-11-29T10:00:00Z',
 *   request: { path: '/token/init', params: { type: 'totp' } }, response: { result: { status: true } } })
 * // r._tag === 'Right'
 *
 * @since 0.1.0
 */
export const decodeEvent = (json: unknown): Either<DecodeErrors, Event> => {
  try {
    const r = EventCodec.decode(json)
    return r._tag === 'Left' ? left(toDecodeErrors(r.left)) : right(r.right)
  } catch (e) {
    return left(unreadable(e))
  }
}
