/**
 * Federation (SPEC 4.4): which methods are forwarded, a request without method or path, what a forward changes in
 * the request later bindings see, and the descriptor texts.
 */
import { describe, expect, test } from 'vitest'
import type { Event } from '../../src/core/model.js'
import { federationModule } from '../../src/handlers/federation.js'
import { baseEvent, binding, onlyIntent } from './helpers.js'
import { actionFacts, expectDescribed, expectFactsSuffice } from './mutants-helpers.js'

const forward = (options: Record<string, string> = {}, event: Event = baseEvent) =>
  expectFactsSuffice(binding('Federation', 'forward', { privacyIDEA: 'hq', ...options }), event)
const withRequest = (request: Partial<Event['request']>): Event => ({
  ...baseEvent,
  request: { ...baseEvent.request, ...request },
})

describe('Federation: methods', () => {
  test.each([
    ['GET', 'GET'],
    ['get', 'GET'],
    ['POST', 'POST'],
    ['Delete', 'DELETE'],
  ])('%s is forwarded as %s, without run details', (method, upper) => {
    const r = forward({}, withRequest({ method }))
    expect(onlyIntent(r)).toMatchObject({ method: upper, forward: true })
    expect(r.audit[0]).toMatchObject({ success: true, info: 'b1' })
  })
  test.each(['PUT', 'PATCH', 'HEAD'])('%s is not forwarded: the intent says so and the audit tells why', (method) => {
    const r = forward({}, withRequest({ method }))
    expect(onlyIntent(r)).toMatchObject({ method, forward: false })
    expect(r.audit[0]).toMatchObject({ info: `b1`, details: `the method ${method} is not forwarded` })
  })
  test('a request without method or path: forwarded with the call’s own method, path ""', () => {
    const { method: _m, path: _p, ...request } = baseEvent.request
    const intent = onlyIntent(forward({}, { ...baseEvent, request }))
    expect(intent).toMatchObject({ forward: true, path: '' })
    expect(intent).not.toHaveProperty('method')
  })
})

describe('Federation: the request later bindings see', () => {
  test('forward_client_ip without a client IP: no client parameter, the request unchanged', () => {
    const { clientIp: _c, ...noIp } = baseEvent.request
    const r2 = forward({ forward_client_ip: 'True' }, { ...baseEvent, request: noIp })
    expect(r2.request).toEqual(noIp)
    expect(onlyIntent(r2)).toMatchObject({ params: baseEvent.request.params })
    expect(onlyIntent(r2)).not.toHaveProperty('params.client')
  })
  test('forward_client_ip off: no client parameter even with a client IP', () => {
    const r = forward({ forward_client_ip: 'False' })
    expect(r.request).toBe(baseEvent.request)
    expect(onlyIntent(r)).not.toHaveProperty('params.client')
  })
  test('only the realm: the realm is replaced, nothing else added', () => {
    const r = forward({ realm: 'hqrealm' })
    expect(r.request.params).toEqual({ ...baseEvent.request.params, realm: 'hqrealm' })
  })
  test('only the resolver: added, the realm kept', () => {
    const r = forward({ resolver: 'hqres' })
    expect(r.request.params).toEqual({ ...baseEvent.request.params, resolver: 'hqres' })
  })
  test('a parameter named __proto__ in the request stays an ordinary parameter', () => {
    const params = JSON.parse('{"__proto__": "x", "user": "alice"}') as Record<string, string>
    const r = forward({ realm: 'r2' }, withRequest({ params }))
    expect(Object.keys(r.request.params)).toEqual(['__proto__', 'user', 'realm'])
  })
})

describe('Federation: facts', () => {
  test('it reads only the request, which every evaluation has: nothing more for the host to resolve', () => {
    expect(actionFacts(binding('Federation', 'forward', { privacyIDEA: 'hq', forward_client_ip: 'True' }))).toEqual([])
  })
})

describe('Federation descriptor', () => {
  test('the module, its action and its options describe themselves', () => {
    expectDescribed(federationModule)
  })
})
