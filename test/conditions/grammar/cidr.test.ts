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
import { left } from '../../../src/core/either.js'
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
    ['0.0.0.0/0', '::1', false], // 1 is inside 0–2^32−1, but an IPv6 address is never inside an IPv4 network
    ['::/0', '10.0.0.1', false],
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

const v4 = (value: bigint): IpAddress => ({ version: 4, value })
const v6 = (value: bigint): IpAddress => ({ version: 6, value })

describe('the IPv4 address grammar: a dotted quad of decimal octets 0–255 without leading zeros', () => {
  it.each([
    ['0.0.0.0', 0n],
    ['1.2.3.4', 0x01020304n],
    ['9.9.9.9', 0x09090909n],
    ['10.100.199.250', 0x0a64c7fan],
    ['255.255.255.255', 0xffffffffn],
    ['100.0.0.1', 0x64000001n],
    ['0.10.0.255', 0x000a00ffn],
  ])('%s is %d', (text, value) => expect(parseIpAddress(text)).toEqual(v4(value)))

  it.each([
    ['256.0.0.0', 'an octet above 255'],
    ['0.0.0.256', 'an octet above 255'],
    ['1000.0.0.0', 'four digits'],
    ['01.0.0.0', 'a leading zero'],
    ['00.0.0.0', 'a leading zero'],
    ['10.0.0.00', 'a leading zero'],
    ['1.2.3', 'three parts'],
    ['1.2.3.4.5', 'five parts'],
    ['1.2.3.', 'an empty last part'],
    ['.1.2.3', 'an empty first part'],
    ['1..2.3', 'an empty part'],
    ['1.2.3.4.', 'a trailing dot'],
    ['10', 'one number'],
    ['0xa.0.0.1', 'hex'],
    ['+1.2.3.4', 'a sign'],
    ['-1.2.3.4', 'a sign'],
    [' 1.2.3.4', 'a blank'],
    ['1.2.3.4 ', 'a blank'],
    ['1.2.3.4\n', 'a newline'],
    ['1.2.3.4/', 'a slash'],
    ['1.2./.4', 'a slash'],
    ['\u0661.2.3.4', 'a non-ASCII digit'],
  ])('%j is refused (%s)', (text) => expect(parseIpAddress(text)).toBeUndefined())
})

describe('the IPv6 address grammar', () => {
  it.each([
    ['::', 0n],
    ['::1', 1n],
    ['1::', 1n << 112n],
    ['1::2', (1n << 112n) | 2n],
    ['1:2::3:4', 0x0001_0002_0000_0000_0000_0000_0003_0004n],
    ['1:2:3:4:5:6:7:8', 0x0001_0002_0003_0004_0005_0006_0007_0008n],
    ['1:2:3:4:5:6:7::', 0x0001_0002_0003_0004_0005_0006_0007_0000n],
    ['::2:3:4:5:6:7:8', 0x0000_0002_0003_0004_0005_0006_0007_0008n],
    ['1:2:3::5:6:7:8', 0x0001_0002_0003_0000_0005_0006_0007_0008n],
    ['a:B:c:D:e:F:9:0', 0x000a_000b_000c_000d_000e_000f_0009_0000n],
    ['ffff:FFFF::', 0xffff_ffffn << 96n],
    ['0000:0001::', 1n << 96n],
    ['2001:db8::ff00:42:8329', 0x2001_0db8_0000_0000_0000_ff00_0042_8329n],
  ])('%s is %d', (text, value) => expect(parseIpAddress(text)).toEqual(v6(value)))

  it.each([
    ['::ffff:10.0.0.1', 0xffff_0a00_0001n],
    ['::ffff:255.254.253.252', 0xffff_fffe_fdfcn],
    ['1:2:3:4:5:6:1.2.3.4', 0x0001_0002_0003_0004_0005_0006_0102_0304n],
    ['1::1.2.3.4', (1n << 112n) | 0x0102_0304n],
    ['1:2:3:4:5::1.2.3.4', 0x0001_0002_0003_0004_0005_0000_0102_0304n],
    ['::2:3:4:5:6:1.2.3.4', 0x0000_0002_0003_0004_0005_0006_0102_0304n],
    // `::` then the tail is `::` and the four bytes, as inet_pton (netaddr) and Python's ipaddress read it (ipaddr.js
    // alone would read `::ffff:`).
    ['::1.2.3.4', 0x0102_0304n],
    ['::0.0.0.0', 0n],
    ['::255.255.255.255', 0xffff_ffffn],
    ['0::1.2.3.4', 0x0102_0304n],
    ['::0:1.2.3.4', 0x0102_0304n],
  ])('%s (an IPv4 tail) is %d', (text, value) => expect(parseIpAddress(text)).toEqual(v6(value)))

  it.each([
    '::ffff:010.0.0.1',
    '::ffff:0255.0.0.0',
    '::ffff:000000000000000000001.2.3.4',
    '::ffff:0x1.0.0.0',
    '::ffff:0XaB.0.0.0',
    '::0x1.2.3.4',
    '::1.2.3.04',
    '::ffff:256.0.0.1',
    '::ffff:1.2.3',
  ])('%j is refused: the IPv4 tail is a strict dotted quad, as for netaddr and Python', (text) => {
    expect(parseIpAddress(text)).toBeUndefined()
    expect(parseIpRange(`${text}/128`)._tag).toBe('Left')
  })

  it.each([
    [':', 'a lone colon'],
    [':::', 'three colons'],
    ['1:::2', 'three colons'],
    ['::::', 'two `::`'],
    ['1::2::3', 'two `::`'],
    ['::1::', 'two `::`'],
    [':1::2', 'a lone leading colon'],
    [':1:2:3:4:5:6:7:8', 'a lone leading colon'],
    ['1::2:', 'a lone trailing colon'],
    ['1:2:3:4:5:6:7:8:', 'a lone trailing colon'],
    ['1:2:3:4:5:6:7', 'seven groups without `::`'],
    ['1:2:3:4:5:6:7:8:9', 'nine groups'],
    ['1:2:3:4:5:6:7:8::', '`::` standing for no group'],
    ['::1:2:3:4:5:6:7:8', '`::` standing for no group'],
    ['1:2:3:4::5:6:7:8', '`::` standing for no group'],
    ['00000::', 'five hex digits'],
    ['::12345', 'five hex digits'],
    ['g::', 'a non-hex letter'],
    ['G::', 'a non-hex letter'],
    ['`::', 'the character before a'],
    ['@::', 'the character before A'],
    ['/::', 'the character before 0'],
    ['::0x1', 'hex with 0x'],
    [' ::1', 'a blank'],
    ['::1 ', 'a blank'],
    ['fe80::1%eth0', 'a zone id'],
    ['fe80::1%1', 'a zone id'],
    ['[::1]', 'brackets'],
    ['1', 'no colon'],
    ['', 'nothing'],
  ])('%j is refused (%s)', (text) => expect(parseIpAddress(text)).toBeUndefined())

  it.each([
    ['1:2:3:4:5:6:7:1.2.3.4', 'nine groups with the tail'],
    ['1:2:3:4:5:6::1.2.3.4', '`::` standing for no group'],
    ['1:2:3:4:5:1.2.3.4', 'seven groups with the tail, without `::`'],
    ['::1.2.3.4:1', 'the tail not last'],
    ['1.2.3.4::', 'the tail first'],
    ['::1:1.2.3.4:2', 'the tail in the middle'],
    ['::1.2.3', 'three octets'],
    ['::ffff:1.2.3.4.5', 'five octets'],
    ['::ffff:1..3.4', 'an empty octet'],
    ['::ffff:1.2.3.', 'an empty last octet'],
    ['::ffff:256.0.0.0', 'an octet above 255'],
    ['::ffff:0256.0.0.0', 'an octet above 255'],
    ['::ffff:0x100.0.0.0', 'an octet above 255'],
    ['::ffff:0x.0.0.0', '0x without digits'],
    ['::ffff:00x1.0.0.0', '0x after two zeros'],
    ['::ffff:1x1.0.0.0', 'x after a 1'],
    ['::ffff:0xg.0.0.0', 'a non-hex digit'],
    ['::ffff:1a.0.0.0', 'a hex digit in a decimal octet'],
    ['::ffff:+1.0.0.0', 'a sign'],
    ['::ffff: 1.0.0.0', 'a blank'],
    ['::ffff:1.2.3.4%eth0', 'a zone id'],
    [':::1.2.3.4', 'three colons'],
    ['1:::1.2.3.4', 'three colons'],
    ['::1::1.2.3.4', 'two `::`'],
    ['1:1.2.3.4', 'a lone colon before the tail'],
    [':1.2.3.4', 'a lone colon before the tail'],
  ])('%j is refused (%s)', (text) => expect(parseIpAddress(text)).toBeUndefined())
})

describe('the network grammar', () => {
  it.each([
    ['10.0.0.0/0', 0n, 0xffffffffn],
    ['10.0.0.0/008', 0x0a000000n, 0x0affffffn],
    ['10.0.0.0/09', 0x0a000000n, 0x0a7fffffn],
    ['10.255.255.255/31', 0x0afffffen, 0x0affffffn],
    ['10.0.0.7/32', 0x0a000007n, 0x0a000007n],
    ['10.0.0.7/032', 0x0a000007n, 0x0a000007n],
    ['10.0.0.7', 0x0a000007n, 0x0a000007n],
    ['10.0.0.7/255.255.255.0', 0x0a000000n, 0x0a0000ffn],
    ['10.0.0.7/255.255.255.254', 0x0a000006n, 0x0a000007n],
    ['10.0.0.7/255.255.255.255', 0x0a000007n, 0x0a000007n],
    ['10.0.0.7/254.0.0.0', 0x0a000000n, 0x0bffffffn],
    ['10.0.0.7/128.0.0.0', 0n, 0x7fffffffn],
    ['10.0.0.7/0.0.0.0', 0n, 0xffffffffn],
    ['10.0.0.7/0.0.0.255', 0x0a000000n, 0x0a0000ffn],
    ['10.0.0.7/0.0.0.1', 0x0a000006n, 0x0a000007n],
    ['10.0.0.7/127.255.255.255', 0n, 0x7fffffffn],
    ['10.0.0.7/1.255.255.255', 0x0a000000n, 0x0bffffffn],
  ])('%s is %d–%d', (text, first, last) => expect(range(text)).toEqual({ version: 4, first, last, text }))

  it.each([
    ['::/0', 0n, (1n << 128n) - 1n],
    ['::1/128', 1n, 1n],
    ['::/099', 0n, (1n << 29n) - 1n],
    ['ffff::1/1', 1n << 127n, (1n << 128n) - 1n],
    ['2001:db8::/32', 0x2001_0db8n << 96n, (0x2001_0db8n << 96n) | ((1n << 96n) - 1n)],
    ['::ffff:10.0.0.1/120', 0xffff_0a00_0000n, 0xffff_0a00_00ffn],
    ['1::2/99', 1n << 112n, (1n << 112n) | ((1n << 29n) - 1n)],
  ])('%s is %d–%d', (text, first, last) => expect(range(text)).toEqual({ version: 6, first, last, text }))

  // netaddr reads the prefix with Python's int(): blanks, a sign, leading zeros, underscores, any script's digits
  it.each([
    ['10.0.0.7/ 8', 8],
    ['10.0.0.7/8 ', 8],
    ['10.0.0.7/\u3000 8\t', 8],
    ['10.0.0.7/+8', 8],
    ['10.0.0.7/0008', 8],
    ['10.0.0.7/-0', 0],
    ['10.0.0.7/1_6', 16],
    ['10.0.0.7/\u0668', 8],
    ['10.0.0.7/\uff13\uff12', 32],
  ])('%j has the prefix length %d', (text, prefix) => {
    const size = 2n ** BigInt(32 - prefix)
    expect(range(text)).toEqual({
      version: 4,
      first: (0x0a000007n / size) * size,
      last: (0x0a000007n / size + 1n) * size - 1n,
      text,
    })
  })
  it.each([
    ['::1/0128', 1n, 1n],
    ['2001:db8::7/ffff:ffff::', 0x2001_0db8n << 96n, (0x2001_0db8n << 96n) | ((1n << 96n) - 1n)],
    ['2001:db8::7/::ffff:ffff:ffff', 0x2001_0db8n << 96n, (0x2001_0db8n << 96n) | ((1n << 48n) - 1n)],
    ['::7/::', 0n, (1n << 128n) - 1n],
    ['::7/ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 7n, 7n],
    ['::7/ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.0', 0n, 255n],
  ])('%s (an IPv6 prefix, netmask or host mask) is %d–%d', (text, first, last) =>
    expect(range(text)).toEqual({ version: 6, first, last, text }),
  )

  it.each([
    ['10.0.0.0/33', 'has a prefix length outside 0–32'],
    ['10.0.0.0/999', 'has a prefix length outside 0–32'],
    ['::/129', 'has a prefix length outside 0–128'],
    ['::/999', 'has a prefix length outside 0–128'],
    ['10.0.0.0/1000', 'has a prefix length outside 0–32'],
    ['10.0.0.0/-8', 'has a prefix length outside 0–32'],
    ['10.0.0.0/-1', 'has a prefix length outside 0–32'],
    ['10.0.0.0/99999999999999999999', 'has a prefix length outside 0–32'],
    ['::/-1', 'has a prefix length outside 0–128'],
    ['10.0.0.0/', 'has an invalid prefix length'],
    ['10.0.0.0/0x8', 'has an invalid prefix length'],
    ['10.0.0.0/8_', 'has an invalid prefix length'],
    ['10.0.0.0/1__0', 'has an invalid prefix length'],
    ['10.0.0.0/8\x1c', 'has an invalid prefix length'],
    ['10.0.0.0/8.0', 'has an invalid prefix length'],
    ['10.0.0.0//8', 'has an invalid prefix length'],
    ['10.0.0.0/8/8', 'has an invalid prefix length'],
    ['10.0.0.0/:', 'has an invalid prefix length'],
    ['10.0.0.0/255.255.255.00', 'has an invalid prefix length'],
    ['10.0.0.0/255.255.255', 'has an invalid prefix length'],
    ['10.0.0.0/256.0.0.0', 'has an invalid prefix length'],
    ['::/255.255.255.0', 'has an invalid prefix length'],
    ['10.0.0.0/ffff::', 'has an invalid prefix length'],
    ['::/ffff::1%eth0', 'has an invalid prefix length'],
    ['::/ffff:ff00:ffff::', 'has a mask that is neither a netmask nor a host mask (not contiguous)'],
    ['10.0.0.0/255.0.255.0', 'has a mask that is neither a netmask nor a host mask (not contiguous)'],
    ['10.0.0.0/255.255.255.253', 'has a mask that is neither a netmask nor a host mask (not contiguous)'],
    ['10.0.0.0/1.0.0.0', 'has a mask that is neither a netmask nor a host mask (not contiguous)'],
    ['10.0.0.0/0.0.0.2', 'has a mask that is neither a netmask nor a host mask (not contiguous)'],
    ['10.0.0.0/191.255.255.255', 'has a mask that is neither a netmask nor a host mask (not contiguous)'],
    ['10.0.0/8', 'is not an IP address or network'],
    ['/8', 'is not an IP address or network'],
    ['10.0.0.0 /8', 'is not an IP address or network'],
    ['fe80::1%eth0/64', 'is not an IP address or network'],
  ])('%j: %s', (text, reason) => expect(parseIpRange(text)).toEqual(left(`${JSON.stringify(text)} ${reason}`)))
})
