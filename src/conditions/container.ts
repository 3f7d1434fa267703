/**
 * Conditions on the container (SPEC 3.2): `container_state`, `container_exact_state`, `container_has_owner`,
 * `container_type`, `container_has_token`, `container_realm`, `container_resolver`, `container_info`,
 * `container_last_authentication`, `container_last_synchronization`. All are skipped without a container.
 *
 * @since 0.1.0
 */
import type { EvalContext } from '../core/context.js'
import { left, right } from '../core/either.js'
import type { EvalFailure } from '../core/errors.js'
import type { Container } from '../core/model.js'
import { configError, dataFailure, defineCondition, invalidClock, textAt } from './define.js'
import { cachedDate, eventNow } from './grammar/clock.js'
import { formatDuration, parseDuration } from './grammar/duration.js'
import { commaList, commaSet } from './grammar/list.js'
import { boolCondition, type ConditionCompiler, keyedCondition } from './shapes.js'

/**
 * Skips when the event has no container.
 *
 * @example
 * noContainerSkip(makeContext(event)) // 'the event has no container' when event.container is absent, else undefined
 * @since 0.1.0
 */
export const noContainerSkip = (ctx: EvalContext): string | undefined =>
  ctx.event.container === undefined ? 'the event has no container' : undefined

/**
 * `container_state`: every listed state is among the container's states (others allowed).
 *
 * @example
 * containerState('container_state', 'disabled') // right(CompiledCondition)
 * @since 0.1.0
 */
export const containerState: ConditionCompiler = (name, value) => {
  const listed = [...commaSet(value)]
  return right(
    defineCondition({
      name,
      value,
      data: { _tag: 'ContainerState', states: listed },
      facts: ['container.states'],
      test: (ctx) => {
        const c = ctx.event.container
        if (c === undefined) return true
        for (const s of listed) if (!c.states.includes(s)) return false
        return true
      },
      skip: noContainerSkip,
      explain: (ctx, holds) => ({
        compared: { actual: ctx.event.container?.states ?? [], listed },
        reason: holds ? 'the container has every listed state' : 'the container lacks a listed state',
      }),
    }),
  )
}

/**
 * `container_exact_state`: the listed states are exactly the container's states, as sets (D19).
 *
 * @example
 * containerExactState('container_exact_state', 'disabled,lost') // right(CompiledCondition)
 * @since 0.1.0
 */
export const containerExactState: ConditionCompiler = (name, value) => {
  const listed = commaSet(value)
  const sameSet = (c: Container): boolean => {
    for (const s of c.states) if (!listed.has(s)) return false
    for (const s of listed) if (!c.states.includes(s)) return false
    return true
  }
  return right(
    defineCondition({
      name,
      value,
      data: { _tag: 'ContainerExactState', states: [...listed] },
      facts: ['container.states'],
      test: (ctx) => {
        const c = ctx.event.container
        return c === undefined || sameSet(c)
      },
      skip: noContainerSkip,
      explain: (ctx, holds) => ({
        compared: { actual: ctx.event.container?.states ?? [], listed: commaList(value) },
        reason: holds
          ? 'the container states are exactly the listed ones'
          : 'the container states differ from the listed ones',
      }),
    }),
  )
}

/**
 * `container_has_owner`: the container has at least one user.
 *
 * @example
 * containerHasOwner('container_has_owner', 'True') // right(CompiledCondition)
 * @since 0.1.0
 */
export const containerHasOwner: ConditionCompiler = boolCondition('ContainerHasOwner', {
  facts: ['container.owners'],
  skip: noContainerSkip,
  actual: (ctx) => (ctx.event.container?.owners.length ?? 0) > 0,
  what: 'the container has an owner',
})

/**
 * `container_type`: exact type equality.
 *
 * @example
 * containerType('container_type', 'smartphone') // right(CompiledCondition)
 * @since 0.1.0
 */
export const containerType: ConditionCompiler = (name, value) =>
  right(
    defineCondition({
      name,
      value,
      data: { _tag: 'ContainerType', expected: value },
      facts: ['container.type'],
      test: (ctx) => {
        const c = ctx.event.container
        return c === undefined || c.type === value
      },
      skip: noContainerSkip,
      explain: (ctx, holds) => ({
        compared: { actual: ctx.event.container?.type, expected: value },
        reason: `the container type ${JSON.stringify(ctx.event.container?.type)} ${holds ? 'equals' : 'differs from'} ${JSON.stringify(value)}`,
      }),
    }),
  )

/**
 * `container_has_token`: the container holds at least one token.
 *
 * @example
 * containerHasToken('container_has_token', 'True') // right(CompiledCondition)
 * @since 0.1.0
 */
export const containerHasToken: ConditionCompiler = boolCondition('ContainerHasToken', {
  facts: ['container.tokenCount'],
  skip: noContainerSkip,
  actual: (ctx) => (ctx.event.container?.tokenCount ?? 0) > 0,
  what: 'the container has a token',
})

const anyListed = (items: ReadonlySet<string>, values: ReadonlyArray<string>): boolean => {
  for (const v of values) if (items.has(v)) return true
  return false
}

/**
 * `container_realm`: some container realm is listed; no container or no realms ⇒ skipped.
 *
 * @example
 * containerRealm('container_realm', 'realm1') // right(CompiledCondition)
 * @since 0.1.0
 */
export const containerRealm: ConditionCompiler = (name, value) => {
  const items = commaSet(value)
  return right(
    defineCondition({
      name,
      value,
      data: { _tag: 'ContainerRealm', items },
      facts: ['container.realms'],
      test: (ctx) => {
        const c = ctx.event.container
        return c === undefined || c.realms.length === 0 || anyListed(items, c.realms)
      },
      skip: (ctx) => {
        const c = ctx.event.container
        return c === undefined
          ? 'the event has no container'
          : c.realms.length === 0
            ? 'the container has no realm'
            : undefined
      },
      explain: (ctx, holds) => ({
        compared: { actual: ctx.event.container?.realms ?? [], list: [...items] },
        reason: holds ? 'a container realm is in the list' : 'no container realm is in the list',
      }),
    }),
  )
}

/**
 * `container_resolver`: some owner's resolver is listed; no container or no owners ⇒ skipped.
 *
 * @example
 * containerResolver('container_resolver', 'resolver1') // right(CompiledCondition)
 * @since 0.1.0
 */
export const containerResolver: ConditionCompiler = (name, value) => {
  const items = commaSet(value)
  return right(
    defineCondition({
      name,
      value,
      data: { _tag: 'ContainerResolver', items },
      facts: ['container.owners'],
      test: (ctx) => {
        const c = ctx.event.container
        if (c === undefined || c.owners.length === 0) return true
        for (const o of c.owners) if (items.has(o.resolver)) return true
        return false
      },
      skip: (ctx) => {
        const c = ctx.event.container
        return c === undefined
          ? 'the event has no container'
          : c.owners.length === 0
            ? 'the container has no owner'
            : undefined
      },
      explain: (ctx, holds) => ({
        compared: { actual: (ctx.event.container?.owners ?? []).map((o) => o.resolver), list: [...items] },
        reason: holds ? "an owner's resolver is in the list" : "no owner's resolver is in the list",
      }),
    }),
  )
}

/**
 * `container_info`: generic comparison on a container info entry (no `{now}`); missing ⇒ false.
 *
 * @example
 * containerInfo('container_info', 'registration_state == registered') // right(CompiledCondition)
 * @since 0.1.0
 */
export const containerInfo: ConditionCompiler = keyedCondition(
  'ContainerInfo',
  { braces: 'none', integerLeft: false },
  {
    subjectFacts: ['container.serial'],
    fact: (key) => `container.info.${key}`,
    skip: noContainerSkip,
    lookup: (ctx, key) => textAt(ctx.event.container?.info, key),
  },
)

const recentCondition =
  (
    tag: 'ContainerLastAuthentication' | 'ContainerLastSynchronization',
    field: 'lastAuthentication' | 'lastSynchronization',
  ): ConditionCompiler =>
  (name, value) => {
    const d = parseDuration(value)
    if (d._tag === 'Left') return left([configError(name, 'invalid-duration', d.left)])
    const durationMs = d.right
    const test = (ctx: EvalContext): boolean | EvalFailure => {
      const c = ctx.event.container
      if (c === undefined) return true
      const stored = c[field]
      if (stored === undefined || stored === '') return false
      const at = cachedDate(ctx, stored)
      if (at === undefined)
        return dataFailure(name, 'ParserError', `container.${field} ${JSON.stringify(stored)} is not a date (D13)`)
      const now = eventNow(ctx)
      if (Number.isNaN(now)) return invalidClock(name, ctx)
      return now - at < durationMs
    }
    return right(
      defineCondition({
        name,
        value,
        data: { _tag: tag, durationMs },
        facts: [`container.${field}`, 'now'],
        test,
        skip: noContainerSkip,
        explain: (ctx, holds) => {
          const stored = ctx.event.container?.[field]
          return stored === undefined || stored === ''
            ? { compared: {}, reason: `the container has no ${field}` }
            : {
                compared: { actual: stored, within: formatDuration(durationMs), now: ctx.event.now },
                reason: `${field} ${JSON.stringify(stored)} is ${holds ? '' : 'not '}within the last ${formatDuration(durationMs)}`,
              }
        },
      }),
    )
  }

/**
 * `container_last_authentication`: the last authentication is within the duration.
 *
 * @example
 * containerLastAuthentication('container_last_authentication', '1d') // right(CompiledCondition)
 * @since 0.1.0
 */
export const containerLastAuthentication: ConditionCompiler = recentCondition(
  'ContainerLastAuthentication',
  'lastAuthentication',
)

/**
 * `container_last_synchronization`: the last synchronization is within the duration.
 *
 * @example
 * containerLastSynchronization('container_last_synchronization', '1y') // right(CompiledCondition)
 * @since 0.1.0
 */
export const containerLastSynchronization: ConditionCompiler = recentCondition(
  'ContainerLastSynchronization',
  'lastSynchronization',
)
