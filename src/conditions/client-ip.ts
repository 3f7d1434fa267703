/**
 * `client_ip` (SPEC 3.2): the client IP is inside some listed network and inside no excluded one (`!x`, `-x`).
 * No client IP known ⇒ skipped. An invalid entry is a configuration error; an unparseable client IP from the host
 * is an evaluation error (privacyIDEA raises on both).
 *
 * @since 0.1.0
 */
import type { EvalContext } from '../core/context.js'
import { left, right } from '../core/either.js'
import type { EvalFailure } from '../core/errors.js'
import { configError, dataFailure, defineCondition, warning } from './define.js'
import { type IpAddress, type IpList, ipListAllows, parseIpAddress, parseIpList } from './grammar/cidr.js'
import { memoLookup } from './grammar/clock.js'
import type { ConditionCompiler } from './shapes.js'

/**
 * The data of a compiled `client_ip`.
 *
 * @example
 * compileCondition('client_ip', '10.0.0.0/24, !10.0.0.1') // right({ ..., data: ClientIpData })
 * // data: { _tag: 'ClientIp', list: { include: [10.0.0.0/24], exclude: [10.0.0.1] } }
 * @since 0.1.0
 */
export interface ClientIpData {
  readonly _tag: 'ClientIp'
  readonly list: IpList
}

const clientAddress = (ctx: EvalContext, text: string): IpAddress | EvalFailure =>
  memoLookup(
    ctx,
    'tripline/conditions:ip',
    text,
    (t) =>
      parseIpAddress(t) ??
      dataFailure('client_ip', 'AddrFormatError', `the client IP ${JSON.stringify(t)} is not an IP address`),
  )

const skip = (ctx: EvalContext): string | undefined => {
  const ip = ctx.event.request.clientIp
  return ip === undefined || ip === '' ? 'no client IP is known' : undefined
}

/**
 * `client_ip`.
 *
 * @example
 * clientIp('client_ip', '10.0.0.0/24, !10.0.0.1') // right(CompiledCondition)
 * @since 0.1.0
 */
export const clientIp: ConditionCompiler = (name, value) => {
  const parsed = parseIpList(value)
  if (parsed._tag === 'Left') return left([configError(name, 'invalid-cidr', parsed.left)])
  const list = parsed.right
  const warnings =
    list.include.length === 0
      ? [
          warning(
            name,
            'never-true',
            list.exclude.length === 0
              ? 'the list is empty, so the condition is false whenever a client IP is known'
              : 'the list has only exclusions, so the condition is false whenever a client IP is known',
          ),
        ]
      : []
  return right(
    defineCondition({
      name,
      value,
      data: { _tag: 'ClientIp', list } satisfies ClientIpData,
      facts: ['request.clientIp'],
      warnings,
      test: (ctx) => {
        const ip = ctx.event.request.clientIp
        if (ip === undefined || ip === '') return true
        const a = clientAddress(ctx, ip)
        return 'version' in a ? ipListAllows(list, a) : a
      },
      skip,
      explain: (ctx, holds) => {
        const ip = ctx.event.request.clientIp ?? ''
        const a = clientAddress(ctx, ip)
        const excludedBy =
          'version' in a
            ? list.exclude.find((r) => r.version === a.version && a.value >= r.first && a.value <= r.last)
            : undefined
        return {
          compared: {
            actual: ip,
            include: list.include.map((r) => r.text),
            exclude: list.exclude.map((r) => r.text),
          },
          reason: holds
            ? `${ip} is inside an allowed network`
            : excludedBy !== undefined
              ? `${ip} is excluded by ${excludedBy.text}`
              : `${ip} is inside no allowed network`,
        }
      },
    }),
  )
}
