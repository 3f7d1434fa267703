/**
 * `CustomUserAttributes` (SPEC 4.10): set or delete a custom attribute of the token owner (the user in event) or
 * of the logged-in user. Positions pre and post. Without a user to change — or with a `user` type other than
 * `tokenowner` and `logged_in_user`, which `check` warns about — the action declines ("do" returns false in
 * privacyIDEA).
 *
 * @since 0.1.0
 */

import type { EvalContext } from '../core/context.js'
import { type Either, right } from '../core/either.js'
import { type Issue, issue } from '../core/errors.js'
import type { Binding, Event, Intent } from '../core/model.js'
import { mergeInto } from './merge-into.js'
import {
  type ActionPlan,
  declined,
  defineAction,
  defineModule,
  fired,
  type HandlerModuleDescriptor,
  intentBase,
} from './module.js'
import type { OptionsOf } from './options.js'
import { loggedInTarget, type UserTarget, userTarget } from './targets.js'

// SPEC 4.10: a user type privacyIDEA does not know determines no user, and the action returns false.
const USER = {
  name: 'user',
  type: 'str',
  required: true,
  default: 'tokenowner',
  values: ['tokenowner', 'logged_in_user'],
  invalid: 'decline',
} as const

const SET = [
  USER,
  { name: 'attrkey', type: 'str', default: '' },
  { name: 'attrvalue', type: 'str', default: '' },
] as const

const DELETE = [USER, { name: 'attrkey', type: 'str', default: '' }] as const

/**
 * `CustomUserAttributes.set_custom_user_attributes`: set `key` = `value` on `user`.
 *
 * @example
 * const set: SetCustomUserAttributeIntent = {
 *   _tag: 'CustomUserAttributes.set_custom_user_attributes',
 *   bindingId: 11,
 *   bindingName: 'Mark as enrolled',
 *   handlerModule: 'CustomUserAttributes',
 *   action: 'set_custom_user_attributes',
 *   event: 'token_init',
 *   position: 'post',
 *   options: { user: 'tokenowner', attrkey: 'mfa_enrolled', attrvalue: 'yes' },
 *   user: { login: 'alice', realm: 'realm1', resolver: 'resolver1' },
 *   key: 'mfa_enrolled',
 *   value: 'yes',
 * }
 * @since 0.1.0
 */
export interface SetCustomUserAttributeIntent extends Intent {
  readonly _tag: 'CustomUserAttributes.set_custom_user_attributes'
  readonly options: OptionsOf<typeof SET>
  readonly user: UserTarget
  readonly key: string
  readonly value: string
}

/**
 * `CustomUserAttributes.delete_custom_user_attributes`: delete `key` from `user`.
 *
 * @example
 * const remove: DeleteCustomUserAttributeIntent = {
 *   _tag: 'CustomUserAttributes.delete_custom_user_attributes',
 *   bindingId: 12,
 *   bindingName: 'Unmark on token removal',
 *   handlerModule: 'CustomUserAttributes',
 *   action: 'delete_custom_user_attributes',
 *   event: 'token_delete',
 *   position: 'post',
 *   options: { user: 'tokenowner', attrkey: 'mfa_enrolled' },
 *   user: { login: 'alice', realm: 'realm1', resolver: 'resolver1' },
 *   key: 'mfa_enrolled',
 * }
 * @since 0.1.0
 */
export interface DeleteCustomUserAttributeIntent extends Intent {
  readonly _tag: 'CustomUserAttributes.delete_custom_user_attributes'
  readonly options: OptionsOf<typeof DELETE>
  readonly user: UserTarget
  readonly key: string
}

/**
 * The intents of the CustomUserAttributes module.
 *
 * @example
 * const describe = (i: CustomUserAttributesIntent): string =>
 *   i._tag === 'CustomUserAttributes.set_custom_user_attributes'
 *     ? `set ${i.key}=${i.value} on ${i.user.login}@${i.user.realm}`
 *     : `delete ${i.key} of ${i.user.login}@${i.user.realm}`
 * @since 0.1.0
 */
export type CustomUserAttributesIntent = SetCustomUserAttributeIntent | DeleteCustomUserAttributeIntent

/** Whose attributes, by the `user` option: the facts that user reads and how the event names it. */
const TARGETS: Readonly<
  Record<string, { readonly facts: ReadonlyArray<string>; readonly of: (event: Event) => UserTarget | undefined }>
> = {
  tokenowner: { facts: ['user'], of: userTarget },
  logged_in_user: { facts: ['loggedIn'], of: loggedInTarget },
}

const noUser = (which: string, binding: Binding) =>
  declined(`Unable to determine the user ${JSON.stringify(which)} for ${binding.action}`)

const emptyKey = (attrkey: string) =>
  attrkey === ''
    ? [issue('empty-option', 'attrkey is empty: the host has no attribute to change', ['options', 'attrkey'])]
    : []

/**
 * The plan of either action: the user type is looked up once, at compile time (an unknown one declines at run time,
 * as privacyIDEA's undeterminable user does); `build` makes the intent for the user the event names.
 */
const onUser = (
  which: string,
  attrkey: string,
  build: (ctx: EvalContext, binding: Binding, user: UserTarget) => Intent,
): Either<ReadonlyArray<Issue>, ActionPlan> => {
  const target = Object.hasOwn(TARGETS, which) ? TARGETS[which] : undefined
  return right({
    facts: target?.facts ?? [],
    warnings: emptyKey(attrkey),
    run: (ctx, binding) => {
      const user = target?.of(ctx.event)
      return user === undefined ? noUser(which, binding) : fired(build(ctx, binding, user))
    },
  })
}

/**
 * The CustomUserAttributes module.
 *
 * @example
 * customUserAttributesModule.actions.map((a) => a.name)
 * // ['set_custom_user_attributes', 'delete_custom_user_attributes']
 * @since 0.1.0
 */
export const customUserAttributesModule: HandlerModuleDescriptor = defineModule({
  name: 'CustomUserAttributes',
  positions: ['post', 'pre'],
  abortOnError: false,
  actions: [
    defineAction({ name: 'set_custom_user_attributes', options: SET }, (options) =>
      onUser(
        options.user,
        options.attrkey,
        (ctx, binding, user): SetCustomUserAttributeIntent =>
          mergeInto(intentBase('CustomUserAttributes.set_custom_user_attributes', ctx, binding), {
            options,
            user,
            key: options.attrkey,
            value: options.attrvalue,
          }),
      ),
    ),
    defineAction({ name: 'delete_custom_user_attributes', options: DELETE }, (options) =>
      onUser(
        options.user,
        options.attrkey,
        (ctx, binding, user): DeleteCustomUserAttributeIntent =>
          mergeInto(intentBase('CustomUserAttributes.delete_custom_user_attributes', ctx, binding), {
            options,
            user,
            key: options.attrkey,
          }),
      ),
    ),
  ],
})
