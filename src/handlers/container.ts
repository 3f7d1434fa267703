/**
 * `Container` (SPEC 4.11): container actions. Positions pre and post. Every action except `create` works on the
 * event's container (`event.container`: the request's `container_serial`, else the response's
 * `result.value.container_serial`, else the container of the event's token, as the host resolved it per SPEC 1.8);
 * without one the action declines.
 *
 * @since 0.1.0
 */
import type { ActionResult } from '../core/catalogue.js'
import type { EvalContext } from '../core/context.js'
import { right } from '../core/either.js'
import { type Issue, issue } from '../core/errors.js'
import type { Binding, Intent } from '../core/model.js'
import { mergeInto } from './merge-into.js'
import {
  type ActionDefinition,
  declined,
  defineAction,
  defineModule,
  fired,
  type HandlerModuleDescriptor,
  intentBase,
} from './module.js'
import type { OptionSpec, OptionsOf } from './options.js'
import { containerTarget, containerUsers, eventSerials, type UserTarget } from './targets.js'

/**
 * The container states a state option may select, in privacyIDEA's order.
 *
 * @example
 * CONTAINER_STATES.filter((s) => event.container?.states.includes(s)) // ['active']
 * @since 0.1.0
 */
export const CONTAINER_STATES = ['active', 'disabled', 'lost', 'damaged'] as const

/**
 * A container state.
 *
 * @example
 * const state: ContainerState = 'lost'
 * @since 0.1.0
 */
export type ContainerState = (typeof CONTAINER_STATES)[number]

const CREATE = [
  { name: 'type', type: 'str', required: true },
  { name: 'description', type: 'str', default: '' },
  { name: 'user', type: 'bool' },
  { name: 'token', type: 'bool' },
] as const

const STATES = [
  { name: 'active', type: 'bool' },
  { name: 'disabled', type: 'bool' },
  { name: 'lost', type: 'bool' },
  { name: 'damaged', type: 'bool' },
] as const

// SPEC 4.11: privacyIDEA tests `if description:`, so absent and "" both make the action return false.
const DESCRIPTION = [
  { name: 'description', type: 'str', required: true, emptyAllowed: true, invalid: 'decline' },
] as const

const INFO = [
  { name: 'key', type: 'str', required: true },
  { name: 'value', type: 'str', default: '' },
] as const

const NONE = [] as const

/** The fields of every intent on an existing container. @since 0.1.0 */
interface ContainerTargetIntent extends Intent {
  /** The serial of the event's container. */
  readonly container: string
}

/**
 * `Container.create`: create a container of `containerType` with `description`; make the first of `users` its
 * owner and add the others; add `tokens` to it.
 *
 * @example
 * const create: ContainerCreateIntent = {
 *   _tag: 'Container.create',
 *   bindingId: 21,
 *   bindingName: 'Smartphone container on enrolment',
 *   handlerModule: 'Container',
 *   action: 'create',
 *   event: 'token_init',
 *   position: 'post',
 *   options: { type: 'smartphone', description: 'work phone', user: true, token: true },
 *   containerType: 'smartphone',
 *   description: 'work phone',
 *   users: [{ login: 'alice', realm: 'realm1', resolver: 'resolver1' }],
 *   tokens: ['TOTP0001'],
 * }
 * @since 0.1.0
 */
export interface ContainerCreateIntent extends Intent {
  readonly _tag: 'Container.create'
  readonly options: OptionsOf<typeof CREATE>
  readonly containerType: string
  readonly description: string
  readonly users: ReadonlyArray<UserTarget>
  readonly tokens: ReadonlyArray<string>
}

/**
 * `Container.delete`: delete the container.
 *
 * @example
 * const remove: ContainerDeleteIntent = {
 *   _tag: 'Container.delete',
 *   bindingId: 22,
 *   bindingName: 'Delete the empty container',
 *   handlerModule: 'Container',
 *   action: 'delete',
 *   event: 'container_remove_token',
 *   position: 'post',
 *   options: {},
 *   container: 'SMPH0001',
 * }
 * @since 0.1.0
 */
export interface ContainerDeleteIntent extends ContainerTargetIntent {
  readonly _tag: 'Container.delete'
  readonly options: OptionsOf<typeof NONE>
}

/**
 * `Container.unassign`: remove every one of `users` (all current owners) from the container.
 *
 * @example
 * for (const i of evaluation.intents)
 *   if (i._tag === 'Container.unassign') for (const u of i.users) host.removeOwner(i.container, u.login, u.realm)
 * @since 0.1.0
 */
export interface ContainerUnassignIntent extends ContainerTargetIntent {
  readonly _tag: 'Container.unassign'
  readonly options: OptionsOf<typeof NONE>
  readonly users: ReadonlyArray<UserTarget>
}

/**
 * `Container.assign`: add every one of `users` to the container.
 *
 * @example
 * for (const i of evaluation.intents)
 *   if (i._tag === 'Container.assign') for (const u of i.users) host.addOwner(i.container, u.login, u.realm)
 * @since 0.1.0
 */
export interface ContainerAssignIntent extends ContainerTargetIntent {
  readonly _tag: 'Container.assign'
  readonly options: OptionsOf<typeof NONE>
  readonly users: ReadonlyArray<UserTarget>
}

/**
 * `Container.set states`: replace the container's states with `states`.
 *
 * @example
 * const markLost: ContainerSetStatesIntent = {
 *   _tag: 'Container.set states',
 *   bindingId: 23,
 *   bindingName: 'Mark as lost',
 *   handlerModule: 'Container',
 *   action: 'set states',
 *   event: 'container_set_states',
 *   position: 'post',
 *   options: { active: false, disabled: false, lost: true, damaged: false },
 *   container: 'SMPH0001',
 *   states: ['lost'],
 * }
 * @since 0.1.0
 */
export interface ContainerSetStatesIntent extends ContainerTargetIntent {
  readonly _tag: 'Container.set states'
  readonly options: OptionsOf<typeof STATES>
  readonly states: ReadonlyArray<ContainerState>
}

/**
 * `Container.add states`: add `states`, keeping the current states compatible with them (active and disabled
 * exclude each other).
 *
 * @example
 * for (const i of evaluation.intents)
 *   if (i._tag === 'Container.add states') host.addStates(i.container, i.states) // e.g. ['lost']
 * @since 0.1.0
 */
export interface ContainerAddStatesIntent extends ContainerTargetIntent {
  readonly _tag: 'Container.add states'
  readonly options: OptionsOf<typeof STATES>
  readonly states: ReadonlyArray<ContainerState>
}

/**
 * `Container.set description`: set the container's description to `description`.
 *
 * @example
 * for (const i of evaluation.intents)
 *   if (i._tag === 'Container.set description') host.setContainerDescription(i.container, i.description)
 * @since 0.1.0
 */
export interface ContainerSetDescriptionIntent extends ContainerTargetIntent {
  readonly _tag: 'Container.set description'
  readonly options: OptionsOf<typeof DESCRIPTION>
  readonly description: string
}

/**
 * `Container.remove all tokens`: remove every token from the container.
 *
 * @example
 * for (const i of evaluation.intents) if (i._tag === 'Container.remove all tokens') host.removeAllTokens(i.container)
 * @since 0.1.0
 */
export interface ContainerRemoveAllTokensIntent extends ContainerTargetIntent {
  readonly _tag: 'Container.remove all tokens'
  readonly options: OptionsOf<typeof NONE>
}

/**
 * `Container.disable all tokens`: disable every token in the container.
 *
 * @example
 * for (const i of evaluation.intents)
 *   if (i._tag === 'Container.disable all tokens') host.setAllTokensActive(i.container, false)
 * @since 0.1.0
 */
export interface ContainerDisableAllTokensIntent extends ContainerTargetIntent {
  readonly _tag: 'Container.disable all tokens'
  readonly options: OptionsOf<typeof NONE>
}

/**
 * `Container.enable all tokens`: enable every token in the container.
 *
 * @example
 * for (const i of evaluation.intents)
 *   if (i._tag === 'Container.enable all tokens') host.setAllTokensActive(i.container, true)
 * @since 0.1.0
 */
export interface ContainerEnableAllTokensIntent extends ContainerTargetIntent {
  readonly _tag: 'Container.enable all tokens'
  readonly options: OptionsOf<typeof NONE>
}

/**
 * `Container.unregister`: terminate the container's registration and delete its challenges.
 *
 * @example
 * for (const i of evaluation.intents) if (i._tag === 'Container.unregister') host.unregisterContainer(i.container)
 * @since 0.1.0
 */
export interface ContainerUnregisterIntent extends ContainerTargetIntent {
  readonly _tag: 'Container.unregister'
  readonly options: OptionsOf<typeof NONE>
}

/**
 * `Container.set container info`: replace all non-internal container info with `{ key: value }`.
 *
 * @example
 * const setInfo: ContainerSetInfoIntent = {
 *   _tag: 'Container.set container info',
 *   bindingId: 24,
 *   bindingName: 'Location',
 *   handlerModule: 'Container',
 *   action: 'set container info',
 *   event: 'container_init',
 *   position: 'post',
 *   options: { key: 'location', value: 'Berlin' },
 *   container: 'SMPH0001',
 *   key: 'location',
 *   value: 'Berlin',
 * }
 * @since 0.1.0
 */
export interface ContainerSetInfoIntent extends ContainerTargetIntent {
  readonly _tag: 'Container.set container info'
  readonly options: OptionsOf<typeof INFO>
  readonly key: string
  readonly value: string
}

/**
 * `Container.add container info`: set `key` to `value`, keeping the other entries. An internal key must fail the
 * call (privacyIDEA raises).
 *
 * @example
 * for (const i of evaluation.intents)
 *   if (i._tag === 'Container.add container info') host.setContainerInfo(i.container, i.key, i.value)
 * @since 0.1.0
 */
export interface ContainerAddInfoIntent extends ContainerTargetIntent {
  readonly _tag: 'Container.add container info'
  readonly options: OptionsOf<typeof INFO>
  readonly key: string
  readonly value: string
}

/**
 * `Container.delete container info`: delete every non-internal info entry.
 *
 * @example
 * for (const i of evaluation.intents)
 *   if (i._tag === 'Container.delete container info') host.deleteContainerInfo(i.container)
 * @since 0.1.0
 */
export interface ContainerDeleteInfoIntent extends ContainerTargetIntent {
  readonly _tag: 'Container.delete container info'
  readonly options: OptionsOf<typeof NONE>
}

/**
 * The intents of the Container module.
 *
 * @example
 * const containerChanges = evaluation.intents.filter((i): i is ContainerIntent => i.handlerModule === 'Container')
 * @since 0.1.0
 */
export type ContainerIntent =
  | ContainerCreateIntent
  | ContainerDeleteIntent
  | ContainerUnassignIntent
  | ContainerAssignIntent
  | ContainerSetStatesIntent
  | ContainerAddStatesIntent
  | ContainerSetDescriptionIntent
  | ContainerRemoveAllTokensIntent
  | ContainerDisableAllTokensIntent
  | ContainerEnableAllTokensIntent
  | ContainerUnregisterIntent
  | ContainerSetInfoIntent
  | ContainerAddInfoIntent
  | ContainerDeleteInfoIntent

const NO_CONTAINER = 'no container found for the event'

/**
 * An action on the event's container: declines without one; `build` adds the action's own fields or declines.
 */
const onContainer = <const T extends ReadonlyArray<OptionSpec>, Tag extends ContainerIntent['_tag']>(
  tag: Tag,
  spec: { readonly name: string; readonly options: T },
  build: (options: OptionsOf<T>) => {
    readonly facts?: ReadonlyArray<string>
    readonly warnings?: ReadonlyArray<Issue>
    readonly fields: (ctx: EvalContext) => Readonly<Record<string, unknown>> | string
  },
): ActionDefinition =>
  defineAction(spec, (options) => {
    const plan = build(options)
    return right({
      facts: ['container.serial', ...(plan.facts ?? [])],
      warnings: plan.warnings ?? [],
      run: (ctx: EvalContext, binding: Binding): ActionResult => {
        const container = containerTarget(ctx.event)
        if (container === undefined) return declined(NO_CONTAINER)
        const fields = plan.fields(ctx)
        if (typeof fields === 'string') return declined(fields)
        return fired(mergeInto(intentBase(tag, ctx, binding), { options, container, ...fields }) as Intent)
      },
    })
  })

const selectedStates = (options: OptionsOf<typeof STATES>): ReadonlyArray<ContainerState> =>
  CONTAINER_STATES.filter((s) => options[s])

const statesPlan = (options: OptionsOf<typeof STATES>) => {
  const states = selectedStates(options)
  const warnings: Issue[] = []
  if (states.length === 0)
    warnings.push(
      issue('no-state-selected', 'no state is selected (active, disabled, lost, damaged): the action always declines', [
        'options',
      ]),
    )
  if (options.active && options.disabled)
    warnings.push(issue('exclusive-states', 'active and disabled exclude each other', ['options']))
  return {
    warnings,
    fields: () => (states.length === 0 ? 'no state selected' : { states }),
  }
}

const none = () => ({ fields: () => ({}) })

/** What `containerUsers` reads: the user in event, the request's container and its owners, the token owner. */
const USER_FACTS = ['user', 'request.params.container_serial', 'container.owners', 'token.owner']

/**
 * The Container module.
 *
 * @example
 * containerModule.actions.map((a) => a.name)
 * // ['create', 'delete', 'unassign', 'assign', 'set states', 'add states', 'set description', 'remove all tokens',
 * //  'disable all tokens', 'enable all tokens', 'unregister', 'set container info', 'add container info',
 * //  'delete container info']
 * @since 0.1.0
 */
export const containerModule: HandlerModuleDescriptor = defineModule({
  name: 'Container',
  positions: ['post', 'pre'],
  abortOnError: false,
  actions: [
    defineAction({ name: 'create', options: CREATE }, (options) =>
      right({
        facts: [...(options.user ? [...USER_FACTS, 'container.serial'] : []), ...(options.token ? ['serial'] : [])],
        run: (ctx, binding) => {
          const intent: ContainerCreateIntent = mergeInto(intentBase('Container.create', ctx, binding), {
            options,
            containerType: options.type,
            description: options.description,
            users: options.user ? containerUsers(ctx.event) : [],
            tokens: options.token ? eventSerials(ctx.event) : [],
          })
          return fired(intent)
        },
      }),
    ),
    onContainer('Container.delete', { name: 'delete', options: NONE }, none),
    onContainer('Container.unassign', { name: 'unassign', options: NONE }, () => ({
      facts: ['container.owners'],
      fields: (ctx) => {
        const users = (ctx.event.container?.owners ?? [])
          .filter((o) => o.login !== '')
          .map((o) => ({ login: o.login, realm: o.realm, ...(o.resolver !== '' ? { resolver: o.resolver } : {}) }))
        return users.length === 0 ? 'no user found to unassign from the container' : { users }
      },
    })),
    onContainer(
      'Container.assign',
      {
        name: 'assign',
        options: NONE,
      },
      () => ({
        facts: USER_FACTS,
        fields: (ctx) => {
          const users = containerUsers(ctx.event)
          return users.length === 0 ? 'no user found to assign to the container' : { users }
        },
      }),
    ),
    onContainer('Container.set states', { name: 'set states', options: STATES }, statesPlan),
    onContainer('Container.add states', { name: 'add states', options: STATES }, statesPlan),
    onContainer(
      'Container.set description',
      { name: 'set description', options: DESCRIPTION },
      // SPEC 4.11: absent or empty, the action returns false. Absent: the option reader has warned already.
      (options) =>
        options.description === undefined
          ? { fields: () => 'no description' }
          : options.description === ''
            ? {
                warnings: [
                  issue('empty-description', 'the description is empty: the action always declines', [
                    'options',
                    'description',
                  ]),
                ],
                fields: () => 'empty description',
              }
            : { fields: () => ({ description: options.description }) },
    ),
    onContainer('Container.remove all tokens', { name: 'remove all tokens', options: NONE }, none),
    onContainer('Container.disable all tokens', { name: 'disable all tokens', options: NONE }, none),
    onContainer('Container.enable all tokens', { name: 'enable all tokens', options: NONE }, none),
    onContainer('Container.unregister', { name: 'unregister', options: NONE }, none),
    onContainer(
      'Container.set container info',
      {
        name: 'set container info',
        options: INFO,
      },
      (options) => ({ fields: () => ({ key: options.key, value: options.value }) }),
    ),
    onContainer('Container.add container info', { name: 'add container info', options: INFO }, (options) => ({
      fields: () => ({ key: options.key, value: options.value }),
    })),
    onContainer('Container.delete container info', { name: 'delete container info', options: NONE }, none),
  ],
})
