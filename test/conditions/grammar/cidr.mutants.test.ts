/**
 * Behaviour of the client-IP lists (SPEC 3.2 `client_ip`) that a mutation run of src/conditions/grammar/cidr.ts
 * found untested: what a refused entry's reason says, where the exclusion mark and blanks may stand, and the exact
 * bounds of networks.
 */
import { describe, expect, it } from 'vitest'
import {
  type IpRange,
  ipListAllows,
  parseIpAddress,
  parseIpList,
  parseIpRange,
} from '../../../src/conditions/grammar/cidr.js'
import { right } from '../../../src/core/either.js'

const range = (text: string): IpRange => {
  const r = parseIpRange(text)
  if (r._tag === 'Left') throw new Error(r.left)
  return r.right
}

describe('a refused entry says why', () => {
  it.each([
    ['10.0.0.256', '"10.0.0.256" is not an IP address or network'],
    ['fe80::1%eth0', '"fe80::1%eth0" is not an IP address or network'],
    ['10.0.0.0/33', '"10.0.0.0/33" has a prefix length outside 0–32'],
    ['::/129', '"::/129" has a prefix length outside 0–128'],
    ['10.0.0.0/x', '"10.0.0.0/x" has an invalid prefix length'],
    ['10.0.0.0/', '"10.0.0.0/" has an invalid prefix length'],
    ['10.0.0.0/1234', '"10.0.0.0/1234" has a prefix length outside 0–32'],
    ['10.0.0.0/1.5', '"10.0.0.0/1.5" has an invalid prefix length'],
    ['::/255.255.255.0', '"::/255.255.255.0" has an invalid prefix length'],
    [
      '10.0.0.0/255.0.255.0',
      '"10.0.0.0/255.0.255.0" has a mask that is neither a netmask nor a host mask (not contiguous)',
    ],
  ])('%j: %s', (text, reason) => expect(parseIpRange(text)).toEqual({ _tag: 'Left', left: reason }))

  it('after the exclusion mark comes the network itself: netaddr reads " 10.0.0.1" as no address', () => {
    expect(parseIpList('! 10.0.0.1')).toEqual({ _tag: 'Left', left: '" 10.0.0.1" is not an IP address or network' })
    expect(parseIpList('10.0.0.0/24, -\t10.0.0.0/30')).toEqual({
      _tag: 'Left',
      left: '"\\t10.0.0.0/30" is not an IP address or network',
    })
  })
  it('a list names its first bad entry, without the exclusion mark', () => {
    expect(parseIpList('10.0.0.1, bad, worse')).toEqual({ _tag: 'Left', left: '"bad" is not an IP address or network' })
    expect(parseIpList('!bad')).toEqual({ _tag: 'Left', left: '"bad" is not an IP address or network' })
    expect(parseIpList('!')).toEqual({ _tag: 'Left', left: '"" is not an IP address or network' })
  })
})

describe('networks', () => {
  it('cover exactly their addresses, from a host network to the whole space', () => {
    expect(range('10.0.0.0/32')).toEqual({ version: 4, first: 167772160n, last: 167772160n, text: '10.0.0.0/32' })
    expect(range('10.0.0.0/0')).toEqual({ version: 4, first: 0n, last: 4294967295n, text: '10.0.0.0/0' })
    expect(range('1.2.3.4/30')).toMatchObject({ first: 16909060n, last: 16909063n })
    expect(range('10.0.0.5')).toMatchObject({ version: 4, first: 167772165n, last: 167772165n })
    expect(range('::/128')).toEqual({ version: 6, first: 0n, last: 0n, text: '::/128' })
    expect(range('::/0')).toMatchObject({ version: 6, first: 0n, last: 2n ** 128n - 1n })
    expect(range('1:2:3:4:5:6:7:8/64')).toMatchObject({
      version: 6,
      first: 0x0001_0002_0003_0004n << 64n,
      last: (0x0001_0002_0003_0004n << 64n) | (2n ** 64n - 1n),
    })
  })
  it('a netmask of all ones is a host network; all zeros is the whole space', () => {
    expect(range('10.0.0.5/255.255.255.255')).toMatchObject({ first: 167772165n, last: 167772165n })
    expect(range('10.0.0.5/0.0.0.0')).toMatchObject({ first: 0n, last: 4294967295n })
  })
})

describe('addresses', () => {
  it.each([
    ['10.0.0.1', { version: 4, value: 167772161n }],
    ['::1', { version: 6, value: 1n }],
    ['::', { version: 6, value: 0n }],
    ['::ffff:10.0.0.1', { version: 6, value: 0xffff_0a00_0001n }],
  ])('%s', (text, a) => expect(parseIpAddress(text)).toEqual(a))
  it.each(['10.1', '1', '', 'fe80::1%eth0', 'host.example'])('%j is not an address', (text) =>
    expect(parseIpAddress(text)).toBeUndefined(),
  )
})

describe('lists', () => {
  it('blanks around entries are dropped, and so are empty entries', () => {
    expect(parseIpList(' -10.0.0.0/30 , 10.0.0.0/24')).toEqual(
      right({
        include: [{ version: 4, first: 167772160n, last: 167772415n, text: '10.0.0.0/24' }],
        exclude: [{ version: 4, first: 167772160n, last: 167772163n, text: '10.0.0.0/30' }],
      }),
    )
    expect(parseIpList('\t10.0.0.1\u00a0')).toEqual(
      right({ include: [{ version: 4, first: 167772161n, last: 167772161n, text: '10.0.0.1' }], exclude: [] }),
    )
    expect(parseIpList(',,')).toEqual(right({ include: [], exclude: [] }))
  })
  it('an address is allowed by any including entry, in any order, unless an excluding one holds it', () => {
    const list = parseIpList('192.168.0.0/16, 10.0.0.0/8, !10.9.0.0/16')
    if (list._tag === 'Left') throw new Error(list.left)
    const allows = (ip: string) =>
      ipListAllows(list.right, parseIpAddress(ip) as NonNullable<ReturnType<typeof parseIpAddress>>)
    expect(allows('192.168.3.4')).toBe(true)
    expect(allows('10.1.2.3')).toBe(true)
    expect(allows('10.9.2.3')).toBe(false)
    expect(allows('172.16.0.1')).toBe(false)
  })
})
