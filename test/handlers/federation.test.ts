import { describe, expect, test } from 'vitest'
import { baseEvent, binding, engine, evaluate, onlyIntent } from './helpers.js'

describe('Federation (SPEC 4.4)', () => {
  test('forward with defaults: the request as it is', () => {
    expect(onlyIntent(evaluate(binding('Federation', 'forward', { privacyIDEA: 'remote1' })))).toEqual({
      _tag: 'Federation.forward',
      bindingId: 1,
      bindingName: 'b1',
      handlerModule: 'Federation',
      action: 'forward',
      event: 'token_init',
      position: 'post',
      options: { privacyIDEA: 'remote1', forward_client_ip: false, forward_authorization_token: false },
      server: 'remote1',
      method: 'POST',
      path: '/token/init',
      params: { type: 'totp', user: 'alice', realm: 'realm1', serial: 'TOTP0001' },
      forwardAuthorizationToken: false,
      forward: true,
    })
  })
  test('realm, resolver and client are written into the request that later bindings see (SPEC 1.7)', () => {
    const b = binding('Federation', 'forward', {
      privacyIDEA: 'remote1',
      realm: 'childrealm',
      resolver: 'childresolver',
      forward_client_ip: 'True',
      forward_authorization_token: '1',
    })
    const r = evaluate(b)
    const params = {
      type: 'totp',
      user: 'alice',
      realm: 'childrealm',
      serial: 'TOTP0001',
      resolver: 'childresolver',
      client: '10.0.0.5',
    }
    expect(onlyIntent(r)).toMatchObject({ params, forwardAuthorizationToken: true, forward: true })
    expect(r.request.params).toEqual(params)
    expect(baseEvent.request.params.realm).toBe('realm1')
  })
  test('a method other than GET, POST, DELETE is not forwarded', () => {
    const e = { ...baseEvent, request: { ...baseEvent.request, method: 'put' } }
    const r = evaluate(binding('Federation', 'forward', { privacyIDEA: 'remote1' }), e)
    expect(onlyIntent(r)).toMatchObject({ method: 'PUT', forward: false })
    expect(r.audit[0]).toMatchObject({ info: 'b1', details: 'the method PUT is not forwarded' })
  })
  test('abortOnError defaults to true: a configuration error aborts the call', () => {
    const r = evaluate(binding('Federation', 'forward', {}))
    expect(r.aborted).toMatchObject({ bindingId: 1 })
    expect(evaluate(binding('Federation', 'forward', {}, { abortOnError: false })).aborted).toBeUndefined()
  })
  test('scenario: validate_check of realm "remote" goes to the child server with the client IP', () => {
    const b = binding(
      'Federation',
      'forward',
      { privacyIDEA: 'child', realm: 'users', forward_client_ip: 'True' },
      { events: ['validate_check'] },
    )
    const event = {
      ...baseEvent,
      name: 'validate_check',
      request: {
        path: '/validate/check',
        method: 'POST',
        params: { user: 'carol', realm: 'remote', pass: '123456' },
        clientIp: '192.0.2.7',
      },
    }
    const r = engine.evaluate(event, [b])
    expect(r.intents).toMatchObject([
      {
        server: 'child',
        path: '/validate/check',
        params: { user: 'carol', realm: 'users', pass: '123456', client: '192.0.2.7' },
      },
    ])
  })
})
