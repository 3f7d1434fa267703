/** client_ip: what explain says, its warnings, facts and data, and the exact evaluation error. */
import { describe, expect, it } from 'vitest'
import { BASE_EVENT, withEvent } from './engine.js'
import { compiled, testOf, traceOf } from './trace-helpers.js'

const from = (clientIp: string | undefined) =>
  withEvent({
    request: clientIp === undefined ? { params: BASE_EVENT.request.params } : { ...BASE_EVENT.request, clientIp },
  })
const LIST = '192.168.0.0/16, !::/0, -10.0.0.0/30'

describe('client_ip explain', () => {
  it('no client IP known ⇒ skipped, with the reason', () => {
    for (const ip of [undefined, '']) {
      expect(testOf('client_ip', '10.0.0.0/24', from(ip))).toBe(true)
      expect(traceOf('client_ip', '10.0.0.0/24', from(ip))).toEqual({
        name: 'client_ip',
        value: '10.0.0.0/24',
        verdict: 'skip',
        compared: {},
        reason: 'no client IP is known',
      })
    }
  })
  it('an allowed client IP: the networks compared and why', () => {
    expect(traceOf('client_ip', '10.0.0.0/24, !10.0.0.7', from('10.0.0.1'))).toEqual({
      name: 'client_ip',
      value: '10.0.0.0/24, !10.0.0.7',
      verdict: 'pass',
      compared: { actual: '10.0.0.1', include: ['10.0.0.0/24'], exclude: ['10.0.0.7'] },
      reason: '10.0.0.1 is inside an allowed network',
    })
  })
  it.each([
    ['10.0.0.0', '10.0.0.0 is excluded by 10.0.0.0/30'],
    ['10.0.0.2', '10.0.0.2 is excluded by 10.0.0.0/30'],
    ['10.0.0.3', '10.0.0.3 is excluded by 10.0.0.0/30'],
    ['9.0.0.1', '9.0.0.1 is inside no allowed network'],
    ['10.0.0.9', '10.0.0.9 is inside no allowed network'],
    ['2001:db8::1', '2001:db8::1 is excluded by ::/0'],
  ])('a refused client IP %s names the exclusion that refuses it, if any', (ip, reason) => {
    expect(traceOf('client_ip', LIST, from(ip))).toEqual({
      name: 'client_ip',
      value: LIST,
      verdict: 'fail',
      compared: { actual: ip, include: ['192.168.0.0/16'], exclude: ['::/0', '10.0.0.0/30'] },
      reason,
    })
  })
  it('an unparseable client IP: the evaluation error names it', () => {
    const failure = {
      _tag: 'EvalFailure',
      errorTag: 'AddrFormatError',
      message: 'client_ip: the client IP "not-an-ip" is not an IP address',
    }
    expect(testOf('client_ip', '10.0.0.0/24', from('not-an-ip'))).toEqual(failure)
    expect(traceOf('client_ip', '10.0.0.0/24', from('not-an-ip'))).toMatchObject({
      verdict: 'error',
      reason: failure.message,
    })
  })
})

describe('client_ip warnings, facts and data', () => {
  it('warns that an empty list is never true', () => {
    expect(compiled('client_ip', ' , ').warnings).toEqual([
      {
        code: 'never-true',
        message: 'client_ip: the list is empty, so the condition is false whenever a client IP is known',
        path: [],
      },
    ])
  })
  it('warns that a list of exclusions only is never true', () => {
    expect(compiled('client_ip', '!10.0.0.1, -10.0.0.2').warnings).toEqual([
      {
        code: 'never-true',
        message: 'client_ip: the list has only exclusions, so the condition is false whenever a client IP is known',
        path: [],
      },
    ])
  })
  it('no warning when some network is allowed', () => {
    expect(compiled('client_ip', '10.0.0.0/24').warnings).toEqual([])
    expect(compiled('client_ip', '10.0.0.0/24, !10.0.0.1').warnings).toEqual([])
  })
  it('reads the client IP, and its data is the parsed list', () => {
    const c = compiled('client_ip', '10.0.0.0/24, !10.0.0.1')
    expect(c.facts).toEqual(['request.clientIp'])
    expect(c.data).toMatchObject({
      _tag: 'ClientIp',
      list: { include: [{ version: 4, text: '10.0.0.0/24' }], exclude: [{ version: 4, text: '10.0.0.1' }] },
    })
  })
})
