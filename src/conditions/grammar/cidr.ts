/**
 * Client-IP lists of the `client_ip` condition (SPEC 3.2): a comma list of IPv4/IPv6 addresses and networks
 * (`10.0.0.0/24`, `10.0.0.0/255.255.255.0`, `2001:db8::/32`), items trimmed, empty items dropped; an item starting
 * with `!` or `-` excludes, and the network is the rest of the item exactly (netaddr gets `ipdef[1:]`, so
 * `! 10.0.0.1` is no network). An address is allowed iff it is inside some including entry and inside no excluded
 * entry. Parsing uses ipaddr.js, strictly, as netaddr reads addresses: dotted-quad IPv4 only (also as the tail of an
 * IPv6 address), no zone ids. A prefix length is read as netaddr reads it, with Python's `int()` (`/ 24`, `/024`,
 * `/+24`); else the part after the slash is a netmask or a host mask of the address's version. IPv4 and IPv6 never
 * match each other (an IPv4-mapped IPv6 client is not inside an IPv4 network), as in privacyIDEA's netaddr.
 *
 * @since 0.1.0
 */
import ipaddr from 'ipaddr.js'
import { type Either, left, right } from '../../core/either.js'
import { pyStrip } from './comparator.js'
import { parseInteger } from './integer.js'

/**
 * An inclusive range of addresses of one IP version.
 *
 * @example
 * const net: IpRange = { version: 4, first: 167772160n, last: 167772415n, text: '10.0.0.0/24' }
 * @since 0.1.0
 */
export interface IpRange {
  readonly version: 4 | 6
  readonly first: bigint
  readonly last: bigint
  /** The entry as written (without the exclusion mark). */
  readonly text: string
}

/**
 * A compiled client-IP list.
 *
 * @example
 * parseIpList('10.0.0.0/24, !10.0.0.1')
 * // right({ include: [{ version: 4, first: 167772160n, last: 167772415n, text: '10.0.0.0/24' }],
 * //         exclude: [{ version: 4, first: 167772161n, last: 167772161n, text: '10.0.0.1' }] })
 * @since 0.1.0
 */
export interface IpList {
  readonly include: ReadonlyArray<IpRange>
  readonly exclude: ReadonlyArray<IpRange>
}

/**
 * A parsed address.
 *
 * @example
 * const client: IpAddress = { version: 4, value: 167772165n } // 10.0.0.5
 * @since 0.1.0
 */
export interface IpAddress {
  readonly version: 4 | 6
  readonly value: bigint
}

const toBigInt = (bytes: ReadonlyArray<number>): bigint => {
  let v = 0n
  for (const b of bytes) v = (v << 8n) | BigInt(b)
  return v
}

/**
 * Strict parsing as netaddr (`inet_pton`) and Python's `ipaddress` read addresses: IPv4 as a dotted quad of decimal
 * octets without leading zeros, also as the IPv4 tail of an IPv6 address (ipaddr.js alone would accept `010` or
 * `0x1f` there); `::a.b.c.d` is `::` and the four bytes (ipaddr.js alone reads it as `::ffff:a.b.c.d`).
 */
const parseStrict = (text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined => {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text)
  if (!text.includes(':') || text.includes('%')) return undefined
  const lastColon = text.lastIndexOf(':')
  const tail = text.slice(lastColon + 1)
  let v6 = text
  if (tail.includes('.')) {
    if (!ipaddr.IPv4.isValidFourPartDecimal(tail)) return undefined
    if (lastColon === 1 && text.startsWith('::')) v6 = `0${text}`
  }
  return ipaddr.IPv6.isValid(v6) ? ipaddr.IPv6.parse(v6) : undefined
}

/**
 * Parses one address strictly (dotted-quad IPv4 or IPv6 without a zone id).
 *
 * @example
 * parseIpAddress('10.0.0.1') // { version: 4, value: 167772161n }
 * parseIpAddress('10.1') // undefined
 * @since 0.1.0
 */
export const parseIpAddress = (text: string): IpAddress | undefined => {
  const a = parseStrict(text)
  if (a === undefined) return undefined
  return { version: a.kind() === 'ipv4' ? 4 : 6, value: toBigInt(a.toByteArray()) }
}

/** The prefix length of a netmask (ones then zeros) or, failing that, of a host mask (zeros then ones), as netaddr. */
const maskPrefix = (mask: bigint, bits: number): number | undefined => {
  const all = (1n << BigInt(bits)) - 1n
  for (const m of [mask ^ all, mask]) {
    // m + 1 is a power of two: m is a run of low ones, of length log2(m + 1)
    const size = m + 1n
    if ((size & m) === 0n) return bits - (size.toString(2).length - 1)
  }
  return undefined
}

/**
 * Parses one network: an address (a host network), `address/prefix` (the prefix read with Python's `int()`, as
 * netaddr reads it: `/ 24`, `/024`, `/+24`), or `address/mask`, a netmask or, as netaddr reads ACL-style masks, a
 * host mask of the address's version (`10.0.0.0/255.255.255.0` and `10.0.0.0/0.0.0.255` are `/24`,
 * `2001:db8::/ffff:ffff::` is `/32`).
 *
 * @example
 * parseIpRange('10.0.0.0/24') // right({ version: 4, first: 167772160n, last: 167772415n, text: '10.0.0.0/24' })
 * parseIpRange('10.0.0.0/33') // left('"10.0.0.0/33" has a prefix length outside 0–32')
 * @since 0.1.0
 */
export const parseIpRange = (text: string): Either<string, IpRange> => {
  const slash = text.indexOf('/')
  const addrText = slash < 0 ? text : text.slice(0, slash)
  const addr = parseStrict(addrText)
  if (addr === undefined) return left(`${JSON.stringify(text)} is not an IP address or network`)
  const version = addr.kind() === 'ipv4' ? 4 : 6
  const bits = version === 4 ? 32 : 128
  let prefix = bits
  if (slash >= 0) {
    const p = text.slice(slash + 1)
    const n = parseInteger(p)
    if (n !== undefined) {
      if (typeof n !== 'number' || n < 0 || n > bits)
        return left(`${JSON.stringify(text)} has a prefix length outside 0–${bits}`)
      prefix = n
    } else {
      const mask = parseStrict(p)
      if (mask === undefined || mask.kind() !== addr.kind())
        return left(`${JSON.stringify(text)} has an invalid prefix length`)
      const fromMask = maskPrefix(toBigInt(mask.toByteArray()), bits)
      if (fromMask === undefined)
        return left(`${JSON.stringify(text)} has a mask that is neither a netmask nor a host mask (not contiguous)`)
      prefix = fromMask
    }
  }
  const value = toBigInt(addr.toByteArray())
  const hostBits = BigInt(bits - prefix)
  const hostMask = (1n << hostBits) - 1n
  const first = value & ~hostMask
  return right({ version, first, last: first | hostMask, text })
}

/**
 * Compiles a `client_ip` value. `Left` names the first entry that is not an address or network.
 *
 * @example
 * parseIpList('10.0.0.0/24, !10.0.0.1') // right({ include: [10.0.0.0/24], exclude: [10.0.0.1] })
 * parseIpList('10.0.0.256') // left('"10.0.0.256" is not an IP address or network')
 * @since 0.1.0
 */
export const parseIpList = (value: string): Either<string, IpList> => {
  const include: IpRange[] = []
  const exclude: IpRange[] = []
  for (const raw of value.split(',')) {
    const item = pyStrip(raw)
    if (item === '') continue
    const excluded = item[0] === '!' || item[0] === '-'
    const r = parseIpRange(excluded ? item.slice(1) : item)
    if (r._tag === 'Left') return r
    ;(excluded ? exclude : include).push(r.right)
  }
  return right({ include, exclude })
}

/**
 * Whether a range contains an address.
 *
 * @example
 * rangeContains(range('10.0.0.0/24'), address('10.0.0.1')) // true
 * @since 0.1.0
 */
export const rangeContains = (r: IpRange, a: IpAddress): boolean =>
  r.version === a.version && a.value >= r.first && a.value <= r.last

/**
 * Whether a list allows an address: inside some including entry and inside no excluded entry.
 *
 * @example
 * ipListAllows(list('10.0.0.0/24, !10.0.0.1'), address('10.0.0.1')) // false
 * @since 0.1.0
 */
export const ipListAllows = (list: IpList, a: IpAddress): boolean => {
  for (const r of list.exclude) if (rangeContains(r, a)) return false
  for (const r of list.include) if (rangeContains(r, a)) return true
  return false
}
