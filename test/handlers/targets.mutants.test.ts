/** Action targets (SPEC 1.8): serials, users, the logged-in identity, containers, as exact JSON data. */
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
const token = baseEvent.token as NonNullable<Event['token']>
const container = (
  owners: NonNullable<Event['container']>['owners'],
  serial = 'C1',
): NonNullable<Event['container']> => ({
  serial,
  type: 'generic',
  states: [],
  owners,
  realms: [],
  tokenCount: 0,
  info: {},
})

describe('serials', () => {
  test('event serials: every blank removed, comma separated, empty items dropped; none without a serial', () => {
    expect(eventSerials({ ...bare, serial: 'A B,  C' })).toEqual(['AB', 'C'])
    expect(eventSerials({ ...bare, serial: ',' })).toEqual([])
    expect(eventSerials(bare)).toEqual([])
  })
  test('token serials: the event serials first, else the token’s, never an empty serial', () => {
    expect(tokenSerials({ ...bare, serial: 'S1', token })).toEqual(['S1'])
    expect(tokenSerials({ ...bare, token: { ...token, serial: '' } })).toEqual([])
    expect(tokenSerials(bare)).toEqual([])
  })
})

describe('users', () => {
  test('the user in event: login, realm and a known resolver', () => {
    expect(userTarget({ ...bare, user: { login: 'a', realm: 'r', resolver: 'x' } })).toEqual({
      login: 'a',
      realm: 'r',
      resolver: 'x',
    })
    expect(userTarget(bare)).toBeUndefined()
  })
  test.each([
    [{ role: 'user', username: 'u', realm: '' }],
    [{ role: 'user', username: '', realm: 'r' }],
    [{ role: 'admin', username: 'admin' }],
  ] as const)('the logged-in identity %o is no user-store user', (loggedIn) => {
    expect(loggedInTarget({ ...bare, loggedIn })).toBeUndefined()
  })
  test('no login at all: no logged-in user', () => {
    expect(loggedInTarget(bare)).toBeUndefined()
  })
})

describe('containers', () => {
  test('the event container by its serial; an empty serial is none', () => {
    expect(containerTarget({ ...bare, container: container([]) })).toBe('C1')
    expect(containerTarget({ ...bare, container: container([], '') })).toBeUndefined()
  })
  test('the named container: a non-empty request parameter first, else the response value', () => {
    const response = { result: { value: { container_serial: 'C2' } } }
    expect(namedContainer({ ...bare, request: { params: { container_serial: 'C1' } }, response })).toBe('C1')
    expect(namedContainer({ ...bare, request: { params: { container_serial: '' } }, response })).toBe('C2')
    expect(namedContainer({ ...bare, response: { result: { value: { container_serial: '' } } } })).toBeUndefined()
    expect(namedContainer(bare)).toBeUndefined()
  })
  test('container users: owners with a login, resolver only when known; else the existing token owner', () => {
    const owners = [
      { login: '', realm: 'r0', resolver: 'x0' },
      { login: 'o1', realm: 'r1', resolver: 'x1' },
      { login: 'o2', realm: 'r2', resolver: '' },
    ]
    const named = { ...bare, request: { params: { container_serial: 'C1' } } }
    expect(containerUsers({ ...named, container: container(owners) })).toEqual([
      { login: 'o1', realm: 'r1', resolver: 'x1' },
      { login: 'o2', realm: 'r2' },
    ])
    expect(
      // An empty parameter names no container, even one whose serial is empty.
      containerUsers({ ...named, request: { params: { container_serial: '' } }, container: container(owners, '') }),
    ).toEqual([])
    const blankOnly = { ...named, container: container([{ login: '', realm: 'r', resolver: '' }]) }
    expect(containerUsers(blankOnly)).toEqual([])
    const owner = { login: 't', realm: 'tr', resolver: '', exists: true }
    expect(containerUsers({ ...blankOnly, token: { ...token, owner } })).toEqual([{ login: 't', realm: 'tr' }])
    // The request names a container the host did not find: no owners, the token owner.
    expect(containerUsers({ ...named, token: { ...token, owner } })).toEqual([{ login: 't', realm: 'tr' }])
    expect(containerUsers({ ...bare, token: { ...token, owner: { ...owner, login: '' } } })).toEqual([])
    const { owner: _o, ...ownerless } = token
    expect(containerUsers({ ...bare, token: ownerless })).toEqual([])
  })
  test('the user in event wins over owners, as exact data', () => {
    const e = {
      ...bare,
      user: { login: 'u', realm: 'ur', resolver: '' },
      container: container([{ login: 'o', realm: 'r', resolver: '' }]),
    }
    expect(containerUsers(e)).toEqual([{ login: 'u', realm: 'ur' }])
  })
})
