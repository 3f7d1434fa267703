import { describe, expect, it } from 'vitest'
import { compileCondition } from '../../src/conditions/index.js'
import { BASE_EVENT, verdict, withEvent } from './engine.js'

const from = (clientIp: string | undefined) =>
  withEvent({
    request: clientIp === undefined ? { params: BASE_EVENT.request.params } : { ...BASE_EVENT.request, clientIp },
  })

describe('client_ip', () => {
  it.each([
    ['10.0.0.0/24', '10.0.0.1', 'fire'],
    ['10.0.0.0/24, !10.0.0.1', '10.0.0.1', 'skip'],
    ['10.0.0.0/24, -10.0.0.1', '10.0.0.2', 'fire'],
    ['!10.0.0.1', '10.0.0.2', 'skip'],
    ['192.168.0.0/16,10.0.0.0/8', '10.9.9.9', 'fire'],
    ['2001:db8::/32', '2001:db8::5', 'fire'],
    ['2001:db8::/32, !2001:db8::5', '2001:db8::5', 'skip'],
    ['10.0.0.0/8', '2001:db8::5', 'skip'],
    ['10.0.0.0/ 24', '10.0.0.1', 'fire'], // netaddr reads the prefix with int()
    ['10.0.0.0/024, !10.0.0.0/+31', '10.0.0.1', 'skip'],
    ['2001:db8::/ffff:ffff::', '2001:db8::5', 'fire'], // an IPv6 netmask
  ])('%j with client %s → %s', (value, ip, expected) => expect(verdict({ client_ip: value }, from(ip))).toBe(expected))

  it('no client IP known ⇒ skipped', () => {
    expect(verdict({ client_ip: '10.0.0.0/24' }, from(undefined))).toBe('fire')
    expect(verdict({ client_ip: '10.0.0.0/24' }, from(''))).toBe('fire')
  })

  it('an invalid entry is a configuration error naming it', () => {
    expect(compileCondition('client_ip', '10.0.0.0/24, 10.0.0.300')).toMatchObject({
      _tag: 'Left',
      left: [{ code: 'invalid-cidr', message: 'client_ip: "10.0.0.300" is not an IP address or network' }],
    })
  })

  it('a blank between the exclusion mark and the network is a configuration error (netaddr gets " 10.0.0.1")', () => {
    expect(compileCondition('client_ip', '10.0.0.0/24, ! 10.0.0.1')).toMatchObject({
      _tag: 'Left',
      left: [{ code: 'invalid-cidr', message: 'client_ip: " 10.0.0.1" is not an IP address or network' }],
    })
    expect(verdict({ client_ip: '10.0.0.0/24, ! 10.0.0.1' }, from('10.0.0.1'))).toBe('error:ConfigurationError')
  })

  it('an unparseable client IP from the host fails the binding', () => {
    expect(verdict({ client_ip: '10.0.0.0/24' }, from('not-an-ip'))).toBe('error:AddrFormatError')
  })

  it('warns when only exclusions are listed', () => {
    const c = compileCondition('client_ip', '!10.0.0.1')
    expect(c._tag === 'Right' && c.right.warnings.map((w) => w.code)).toEqual(['never-true'])
  })
})
