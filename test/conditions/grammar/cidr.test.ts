import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { IpAddress, IpList, IpRange } from '../../../src/conditions/grammar/cidr.js'
import {
  ipListAllows,
  parseIpAddress,
  parseIpList,
  parseIpRange,
  rangeContains,
} from '../../../src/conditions/grammar/cidr.js'
import { ipv4, ipv6 } from '../../arbitraries/condition-values.js'

const range = (text: string): IpRange => {
  const r = parseIpRange(text)
  if (r._tag === 'Left') throw new Error(r.left)
  return r.right
}
const list = (text: string): IpList => {
  const r = parseIpList(text)
  if (r._tag === 'Left') throw new Error(r.left)
  return r.right
}
const address = (text: string): IpAddress => parseIpAddress(text) as IpAddress

describe('client-IP lists (SPEC 3.2 client_ip)', () => {
  it.each([
    ['10.0.0.0/24', '10.0.0.1', true],
    ['10.0.0.0/24', '10.0.1.1', false],
    ['10.0.0.1/24', '10.0.0.200', true],
    ['10.0.0.0/255.255.255.0', '10.0.0.7', true],
    ['10.0.0.0/0.0.0.255', '10.0.0.7', true], // netaddr's ACL-style host mask: /24
    ['10.0.0.0/0.0.0.255', '10.0.1.7', false],
    ['10.0.0.0/0.0.255.255', '10.0.200.7', true],
    ['10.0.0.0/0.0.0.0', '192.168.1.1', true], // a netmask first (/0), as netaddr reads it; only then a host mask
    ['10.0.0.1', '10.0.0.1', true],
    ['10.0.0.1', '10.0.0.2', false],
    ['0.0.0.0/0', '192.168.1.1', true],
    ['2001:db8::/32', '2001:db8::1', true],
    ['2001:db8::/32', '2001:db9::1', false],
    ['::1', '::1', true],
    ['10.0.0.0/8', '::ffff:10.0.0.1', false],
  ])('%s contains %s: %s', (net, ip, expected) => expect(rangeContains(range(net), address(ip))).toBe(expected))

  it.each([
    ['10.0.0.0/24, !10.0.0.1', '10.0.0.1', false],
    ['10.0.0.0/24, !10.0.0.1', '10.0.0.2', true],
    ['10.0.0.0/24,-10.0.0.0/30', '10.0.0.3', false],
    ['!10.0.0.1', '10.0.0.2', false],
    ['', '10.0.0.2', false],
    [' , 10.0.0.2 ,', '10.0.0.2', true],
    ['192.168.0.0/16, 10.0.0.0/8', '10.1.2.3', true],
  ])('list %j allows %s: %s', (value, ip, expected) => expect(ipListAllows(list(value), address(ip))).toBe(expected))

  it.each([
    '10.0.0.256',
    '10.0.0.0/33',
    '10.1',
    '010.0.0.1',
    'fe80::1%eth0',
    'host.example',
    '10.0.0.0/255.0.255.0',
    '10.0.0.0/0.255.0.255',
    '::/129',
    '10.0.0.0/x',
  ])('%j is not a network', (text) => expect(parseIpRange(text)._tag).toBe('Left'))

  it('an IPv4 CIDR contains exactly the addresses of its range', () => {
    fc.assert(
      fc.property(ipv4, fc.integer({ min: 0, max: 32 }), ipv4, (net, prefix, probe) => {
        const r = range(`${net.text}/${prefix}`)
        const shift = 32 - prefix
        const inside = prefix === 0 || Math.floor(net.value / 2 ** shift) === Math.floor(probe.value / 2 ** shift)
        return rangeContains(r, address(probe.text)) === inside
      }),
      { numRuns: 1000 },
    )
  })

  it('an IPv4 CIDR contains its first and last address and not their neighbours', () => {
    fc.assert(
      fc.property(ipv4, fc.integer({ min: 1, max: 32 }), (net, prefix) => {
        const r = range(`${net.text}/${prefix}`)
        const size = 2 ** (32 - prefix)
        const first = Math.floor(net.value / size) * size
        const last = first + size - 1
        const at = (v: number): IpAddress => ({ version: 4, value: BigInt(v) })
        return (
          rangeContains(r, at(first)) &&
          rangeContains(r, at(last)) &&
          (first === 0 || !rangeContains(r, at(first - 1))) &&
          (last === 0xffffffff || !rangeContains(r, at(last + 1)))
        )
      }),
    )
  })

  it('an IPv6 CIDR contains exactly the addresses of its range', () => {
    fc.assert(
      fc.property(ipv6, fc.integer({ min: 0, max: 128 }), ipv6, (net, prefix, probe) => {
        const r = range(`${net.text}/${prefix}`)
        const shift = BigInt(128 - prefix)
        return rangeContains(r, address(probe.text)) === (net.value >> shift === probe.value >> shift)
      }),
      { numRuns: 500 },
    )
  })

  it('an excluded network wins over an including one', () => {
    fc.assert(
      fc.property(ipv4, fc.integer({ min: 0, max: 32 }), (ip, prefix) => {
        return !ipListAllows(list(`0.0.0.0/0, !${ip.text}/${prefix}`), address(ip.text))
      }),
    )
  })
})
