import { test as propTest } from '@fast-check/vitest'
import type { Either as FpEither } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { DecodeErrors } from '../../src/codec/errors.js'
import { decodeEvent, EventCodec } from '../../src/codec/event.js'
import type { Either } from '../../src/core/either.js'
import type { Event } from '../../src/core/model.js'
import { event } from '../arbitraries/event.js'

const ok = (r: Either<DecodeErrors, Event>): Event => {
  if (r._tag === 'Left') throw new Error(JSON.stringify(r.left))
  return r.right
}
const errors = (r: Either<DecodeErrors, Event>): DecodeErrors => {
  if (r._tag === 'Right') throw new Error(`expected Left, got ${JSON.stringify(r.right)}`)
  return r.left
}

const minimal = { name: 'validate_check', position: 'pre', now: '2026-11-29T10:00:00+01:00', request: { params: {} } }

const full: Event = {
  name: 'validate_check',
  position: 'post',
  now: '2026-11-29T10:00:00+01:00',
  entropy: '9f86d081884c7d65',
  baseUrl: 'https://pi.example.com',
  request: {
    path: '/validate/check',
    method: 'POST',
    params: { user: 'alice', realm: 'employees', pass: '123456' },
    clientIp: '10.1.2.3',
    userAgent: 'privacyIDEA-LDAP-Proxy',
    browser: 'Firefox',
  },
  response: {
    result: { status: true, value: false, authentication: 'REJECT' },
    detail: { message: 'wrong otp value' },
  },
  loggedIn: { role: 'admin', username: 'admin', realm: 'super' },
  user: {
    login: 'alice',
    realm: 'employees',
    resolver: 'ldap1',
    info: { email: 'alice@example.com', givenname: 'Alice' },
    tokenCount: 1,
    containerCount: 0,
    hasLockedToken: false,
  },
  serial: 'TOTP0001',
  token: {
    serial: 'TOTP0001',
    type: 'totp',
    realms: ['employees'],
    resolvers: ['ldap1'],
    owner: { login: 'alice', realm: 'employees', resolver: 'ldap1', exists: true },
    active: true,
    failcount: 3,
    maxfail: 10,
    otpCounter: 12345,
    description: 'phone',
    rolloutState: 'enrolled',
    inContainer: true,
    info: { last_auth: '2026-11-28 09:00:00.000000+0100', count_auth: '17' },
  },
  container: {
    serial: 'SMPH0001',
    type: 'smartphone',
    states: ['active'],
    owners: [{ login: 'alice', realm: 'employees', resolver: 'ldap1' }],
    realms: ['employees'],
    tokenCount: 2,
    info: {},
    lastAuthentication: '2026-11-28T09:00:00+01:00',
    lastSynchronization: '2026-11-27T09:00:00+01:00',
  },
  challenges: [{ session: '', createdAt: '2026-11-29T09:59:00+01:00', expiresAt: '2026-11-29T10:01:00+01:00' }],
  counters: { failed_logins: 4, 'weird counter': -1.5 },
}

describe('decodeEvent', () => {
  it('decodes a complete event unchanged', () => {
    expect(ok(decodeEvent(full))).toStrictEqual(full)
    expect(ok(decodeEvent(JSON.parse(JSON.stringify(full))))).toStrictEqual(full)
  })

  it('decodes a minimal event and keeps absent fields absent', () => {
    const e = ok(decodeEvent(minimal))
    expect(e).toStrictEqual(minimal)
    expect(Object.keys(e)).toEqual(['name', 'position', 'now', 'request'])
    expect(Object.keys(e.request)).toEqual(['params'])
  })

  it('leaves out optional fields whose value is undefined (never emits undefined-valued keys)', () => {
    const e = ok(
      decodeEvent({
        ...minimal,
        user: undefined,
        serial: undefined,
        request: { params: {}, path: undefined },
        token: { ...full.token, owner: undefined, description: undefined },
      }),
    )
    expect(Object.keys(e)).toEqual(['name', 'position', 'now', 'request', 'token'])
    expect(Object.keys(e.request)).toEqual(['params'])
    expect(e.token === undefined ? [] : Object.keys(e.token)).not.toContain('owner')
    expect(e.token === undefined ? [] : Object.keys(e.token)).not.toContain('description')
  })

  it('passes the response on as given, whatever JSON it is', () => {
    const response = { anything: [1, { deep: null }] }
    expect(ok(decodeEvent({ ...minimal, position: 'post', response })).response).toBe(response)
    expect(ok(decodeEvent({ ...minimal, response: null })).response).toBeNull()
    expect(ok(decodeEvent({ ...minimal, response: 'text' })).response).toBe('text')
  })

  it('requires name, position, now and request with params', () => {
    expect(errors(decodeEvent({ request: {} }))).toStrictEqual([
      { path: ['name'], message: 'missing; expected a string' },
      { path: ['position'], message: 'missing; expected "pre" or "post"' },
      { path: ['now'], message: 'missing; expected a string' },
      { path: ['request', 'params'], message: 'missing; expected an object of parameters with string values' },
    ])
    expect(errors(decodeEvent(null))).toStrictEqual([{ path: [], message: 'expected an event, got null' }])
  })

  it('reports every problem, nested ones with their paths', () => {
    expect(
      errors(
        decodeEvent({
          name: 'token_init',
          position: 'middle',
          now: 1764406800,
          request: { params: { pin: 1234, user: 'alice' }, clientIP: '10.0.0.1' },
          loggedIn: { role: 'root', username: 'admin' },
          user: { login: 'alice', realm: 'r', resolver: 'x', tokencount: 2, containerCount: Number.NaN },
          token: {
            serial: 'S',
            type: 'totp',
            realms: 'r1',
            resolvers: [1],
            failcount: '3',
            maxfail: Number.POSITIVE_INFINITY,
            otpCounter: 0,
            owner: { login: 'a', realm: 'r', resolver: 'x', exists: 'yes' },
            info: { count_auth: 17 },
          },
          container: {
            serial: 'C',
            type: 'generic',
            states: [],
            owners: [{ login: 'a', realm: 'r' }],
            realms: [],
            tokenCount: 1,
            info: {},
          },
          challenges: [{ session: '', createdAt: 'x' }, 'challenge'],
          counters: { a: '1', b: null },
          extra: true,
        }),
      ),
    ).toStrictEqual([
      { path: ['position'], message: 'expected "pre" or "post", got the string "middle"' },
      { path: ['now'], message: 'expected a string, got the number 1764406800' },
      { path: ['request', 'params', 'pin'], message: 'expected a string, got the number 1234' },
      { path: ['request', 'clientIP'], message: 'unknown field; did you mean "clientIp"?' },
      { path: ['loggedIn', 'role'], message: 'expected "admin" or "user", got the string "root"' },
      { path: ['user', 'containerCount'], message: 'expected a finite number, got the number NaN' },
      { path: ['user', 'tokencount'], message: 'unknown field; did you mean "tokenCount"?' },
      { path: ['token', 'realms'], message: 'expected a list of strings, got the string "r1"' },
      { path: ['token', 'resolvers', 0], message: 'expected a string, got the number 1' },
      { path: ['token', 'owner', 'exists'], message: 'expected true or false, got the string "yes"' },
      { path: ['token', 'failcount'], message: 'expected a finite number, got the string "3"' },
      { path: ['token', 'maxfail'], message: 'expected a finite number, got the number Infinity' },
      { path: ['token', 'info', 'count_auth'], message: 'expected a string, got the number 17' },
      { path: ['container', 'owners', 0, 'resolver'], message: 'missing; expected a string' },
      { path: ['challenges', 0, 'expiresAt'], message: 'missing; expected a string' },
      { path: ['challenges', 1], message: 'expected a challenge, got the string "challenge"' },
      { path: ['counters', 'a'], message: 'expected a finite number, got the string "1"' },
      { path: ['counters', 'b'], message: 'expected a finite number, got null' },
      {
        path: ['extra'],
        message:
          'unknown field (an event has name, position, now, entropy, baseUrl, request, response, loggedIn, user, serial, token, container, challenges, counters)',
      },
    ])
  })

  it('rejects null for an optional object (leave the field out instead)', () => {
    expect(errors(decodeEvent({ ...minimal, user: null }))).toStrictEqual([
      { path: ['user'], message: 'expected a user, got null' },
    ])
  })

  it('turns an input that throws when read into an error, never an exception', () => {
    const hostile = {
      ...minimal,
      get user(): never {
        throw new Error('no access')
      },
    }
    expect(errors(decodeEvent(hostile))).toStrictEqual([
      { path: [], message: 'the input could not be read: no access' },
    ])
  })
})

describe('EventCodec', () => {
  it('guards decoded events and encodes them unchanged', () => {
    const e = ok(decodeEvent(full))
    expect(EventCodec.is(e)).toBe(true)
    expect(EventCodec.encode(e)).toBe(e)
    expect(EventCodec.is({ ...minimal, user: undefined })).toBe(false)
    expect(EventCodec.is({ ...minimal, position: 'middle' })).toBe(false)
    expect(EventCodec.is({ ...minimal, extra: 1 })).toBe(false)
  })
})

describe('decodeEvent on generated events', () => {
  propTest.prop([event()])('is the identity on valid events, as values and through JSON text', (e) => {
    expect(ok(decodeEvent(e))).toStrictEqual(e)
    expect(ok(decodeEvent(JSON.parse(JSON.stringify(e))))).toStrictEqual(e)
  })

  it("returns fp-ts's Either (the same structure as tripline's)", () => {
    const r: FpEither<DecodeErrors, Event> = decodeEvent(minimal)
    expect(r._tag).toBe('Right')
  })
})
