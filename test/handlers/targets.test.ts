import { describe, expect, test } from 'vitest'
import type { Event } from '../../src/core/model.js'
import {
  containerTarget,
  containerUsers,
  eventSerials,
  loggedInTarget,
  namedContainer,
  tokenSerials,
  userTarget,
} from '../../src/handlers/targets.js'
import { bareEvent, baseEvent } from './helpers.js'

const bare = bareEvent()

describe('action targets (SPEC 1.8)', () => {
  test('serials: blanks removed, split on commas, empty items dropped; token fallback only for token actions', () => {
    expect(eventSerials({ ...bare, serial: ' A 1 ,B2,,' })).toEqual(['A1', 'B2'])
    const token = baseEvent.token as NonNullable<Event['token']>
    expect(eventSerials({ ...bare, token })).toEqual([])
    expect(tokenSerials({ ...bare, token })).toEqual(['TOTP0001'])
    expect(tokenSerials({ ...bare, serial: ' ' })).toEqual([])
  })
  test('users: the empty user is no user; internal admins are not user-store users', () => {
    expect(userTarget({ ...bare, user: { login: '', realm: 'r', resolver: '' } })).toBeUndefined()
    expect(userTarget({ ...bare, user: { login: 'a', realm: 'r', resolver: '' } })).toEqual({ login: 'a', realm: 'r' })
    expect(loggedInTarget({ ...bare, loggedIn: { role: 'admin', username: 'admin' } })).toBeUndefined()
    expect(loggedInTarget({ ...bare, loggedIn: { role: 'user', username: 'u', realm: 'r' } })).toEqual({
      login: 'u',
      realm: 'r',
    })
  })
  test('containers: the event container; the named one from request or response', () => {
    expect(containerTarget(bare)).toBeUndefined()
    expect(namedContainer({ ...bare, request: { params: { container_serial: 'C1' } } })).toBe('C1')
    expect(namedContainer({ ...bare, response: { result: { value: { container_serial: 'C2' } } } })).toBe('C2')
    expect(namedContainer({ ...bare, response: { result: { value: true } } })).toBeUndefined()
  })
  test('container users: user in event, else the request container’s owners, else an existing token owner', () => {
    const container = {
      serial: 'C1',
      type: 'generic',
      states: [],
      owners: [{ login: 'bob', realm: 'r2', resolver: '' }],
      realms: [],
      tokenCount: 0,
      info: {},
    }
    expect(containerUsers({ ...bare, container })).toEqual([])
    expect(containerUsers({ ...bare, container, request: { params: { container_serial: 'C2' } } })).toEqual([])
    expect(containerUsers({ ...bare, container, request: { params: { container_serial: 'C1' } } })).toEqual([
      { login: 'bob', realm: 'r2' },
    ])
    const owner = { login: 'o', realm: 'r', resolver: 'x', exists: false }
    const token = { ...(baseEvent.token as NonNullable<Event['token']>), owner }
    expect(containerUsers({ ...bare, token })).toEqual([])
    expect(containerUsers({ ...bare, token: { ...token, owner: { ...owner, exists: true } } })).toEqual([
      { login: 'o', realm: 'r', resolver: 'x' },
    ])
  })
})
