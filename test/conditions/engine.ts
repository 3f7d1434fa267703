/**
 * The engine the condition tests run: the real condition catalogue and a tiny local Logging module whose action
 * always yields an intent, so a binding fires exactly when its conditions hold.
 */
import { conditionCatalogue } from '../../src/conditions/index.js'
import type { HandlerCatalogue, ModuleDescriptor } from '../../src/core/catalogue.js'
import { right } from '../../src/core/either.js'
import { createEngine, type Engine } from '../../src/core/engine.js'
import type { Binding, Container, Evaluation, Event } from '../../src/core/model.js'
import vectors from '../conformance/conditions.json' with { type: 'json' }

/** One conformance vector. */
export interface Vector {
  readonly id: string
  readonly conditions: Readonly<Record<string, string>>
  readonly event: Event
  readonly expect: 'fire' | 'skip' | 'error'
  readonly note?: string
  readonly ref?: string
}

const logging: ModuleDescriptor = {
  name: 'Logging',
  positions: ['pre', 'post'],
  abortOnError: false,
  compile: () =>
    right({
      run: (ctx, b) =>
        ({
          _tag: 'Intent',
          intent: {
            _tag: 'Logging',
            bindingId: b.id,
            bindingName: b.name,
            handlerModule: b.handlerModule,
            action: b.action,
            event: ctx.event.name,
            position: ctx.event.position,
          },
        }) as const,
      facts: [],
      warnings: [],
    }),
}

const handlers: HandlerCatalogue = { module: (name) => (name === 'Logging' ? logging : undefined) }

/** The real conditions with the stub Logging module. */
export const engine: Engine = createEngine({ conditions: conditionCatalogue, handlers })

/** Every vector of the conformance file. */
export const VECTORS = vectors.vectors as unknown as ReadonlyArray<Vector>

/** The default event of the conformance file (its first vector's event): user cornelius, one totp-like token. */
export const BASE_EVENT: Event = (VECTORS.find((v) => v.id === 'empty-1') as Vector).event

/** The binding of a vector, as the file's `about` describes it. */
export const bindingOf = (conditions: Readonly<Record<string, string>>, event: Event): Binding => ({
  ...(vectors.binding as Omit<Binding, 'events' | 'position' | 'conditions'>),
  events: [event.name],
  position: event.position,
  conditions,
})

/** Evaluates one binding with these conditions for the event. */
export const run = (conditions: Readonly<Record<string, string>>, event: Event): Evaluation =>
  engine.evaluate(event, [bindingOf(conditions, event)])

/** What happened: `fire`, `skip` or `error` (with the error tag), as the vectors classify it. */
export const outcomeOf = (evaluation: Evaluation): 'fire' | 'skip' | `error:${string}` => {
  const a = evaluation.audit[0]
  if (a === undefined) return 'skip'
  if (a.success && evaluation.intents.length === 1) return 'fire'
  return `error:${a.error?.tag ?? 'unknown'}`
}

/** Shorthand: the outcome of conditions for an event. */
export const verdict = (conditions: Readonly<Record<string, string>>, event: Event = BASE_EVENT): string =>
  outcomeOf(run(conditions, event))

/** The base event with some fields replaced. */
export const withEvent = (patch: Partial<Event>): Event => ({ ...BASE_EVENT, ...patch })

/** A smartphone container with an owner, a realm, a token and info: the fixture of the container condition tests. */
export const CONTAINER: Container = {
  serial: 'SMPH0001',
  type: 'smartphone',
  states: ['disabled', 'lost'],
  owners: [{ login: 'cornelius', realm: 'realm1', resolver: 'resolver1' }],
  realms: ['realm2'],
  tokenCount: 1,
  info: { registration_state: 'registered', challenge_ttl: '10' },
}

/** The base event with {@link CONTAINER}, changed by `patch`. */
export const withContainer = (patch: Partial<Container> = {}): Event =>
  withEvent({ container: { ...CONTAINER, ...patch } })

/** The base event's token with some fields replaced (the token must exist in the base event). */
export const withToken = (patch: Partial<NonNullable<Event['token']>>): Event =>
  withEvent({ token: { ...(BASE_EVENT.token as NonNullable<Event['token']>), ...patch } })

/** The base event without its token. */
export const withoutToken = (): Event => {
  const { token: _token, ...rest } = BASE_EVENT
  return rest
}

/** The base event without its user. */
export const withoutUser = (): Event => {
  const { user: _user, ...rest } = BASE_EVENT
  return rest
}

/** One valid value for each container condition: every one of them is skipped (true) when the event has no container. */
export const CONTAINER_CONDITION_SAMPLES: ReadonlyArray<readonly [string, string]> = [
  ['container_state', 'active'],
  ['container_exact_state', 'active'],
  ['container_has_owner', 'True'],
  ['container_type', 'generic'],
  ['container_has_token', 'True'],
  ['container_realm', 'realmX'],
  ['container_resolver', 'resolverX'],
  ['container_info', 'x == y'],
  ['container_last_authentication', '1d'],
  ['container_last_synchronization', '1d'],
]
