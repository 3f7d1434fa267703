/**
 * Conditions on the user in the event and the logged-in identity (SPEC 3.2): `realm`, `resolver`, `user_info`,
 * `logged_in_user`, `user_token_number`, `user_container_number`.
 *
 * @since 0.1.0
 */

import type { EvalContext } from '../core/context.js'
import { right } from '../core/either.js'
import type { User } from '../core/model.js'
import { defineCondition, textAt } from './define.js'
import { type ConditionCompiler, intCondition, keyedCondition, memberCondition, NEVER_SKIPS } from './shapes.js'

/**
 * The empty user is absent or has no login (SPEC 1.8).
 *
 * @example
 * isEmptyUser(undefined) // true
 * isEmptyUser({ login: '', realm: 'realm1', resolver: '' }) // true
 * isEmptyUser({ login: 'alice', realm: 'realm1', resolver: 'resolver1' }) // false
 * @since 0.1.0
 */
export const isEmptyUser = (user: User | undefined): boolean => user === undefined || user.login === ''

const emptyUserSkip = (ctx: EvalContext): string | undefined =>
  isEmptyUser(ctx.event.user) ? 'the event has no user' : undefined

/**
 * `realm`: the user's realm is one of the listed realms (the empty user, also one without a login: realm `""`).
 *
 * @example
 * realm('realm', 'realm1,realm2') // right(CompiledCondition)
 * @since 0.1.0
 */
export const realm: ConditionCompiler = memberCondition('Realm', {
  facts: ['user.login', 'user.realm'],
  skip: NEVER_SKIPS,
  actual: (ctx) => (isEmptyUser(ctx.event.user) ? '' : (ctx.event.user?.realm ?? '')),
  what: 'the user realm',
})

/**
 * `resolver`: the user's resolver is one of the listed resolvers (the empty user, also one without a login: `""`).
 *
 * @example
 * resolver('resolver', 'resolver1') // right(CompiledCondition)
 * @since 0.1.0
 */
export const resolver: ConditionCompiler = memberCondition('Resolver', {
  facts: ['user.login', 'user.resolver'],
  skip: NEVER_SKIPS,
  actual: (ctx) => (isEmptyUser(ctx.event.user) ? '' : (ctx.event.user?.resolver ?? '')),
  what: 'the user resolver',
})

/**
 * `user_info`: generic comparison on a user attribute, `{now}` replaced literally; missing ⇒ false, and the empty
 * user (also one without a login) has no attributes.
 *
 * @example
 * userInfo('user_info', 'givenname == Cornelius') // right(CompiledCondition)
 * @since 0.1.0
 */
export const userInfo: ConditionCompiler = keyedCondition(
  'UserInfo',
  { braces: 'literal', integerLeft: false },
  {
    subjectFacts: ['user.login'],
    fact: (key) => `user.info.${key}`,
    skip: NEVER_SKIPS,
    lookup: (ctx, key) => (isEmptyUser(ctx.event.user) ? undefined : textAt(ctx.event.user?.info, key)),
  },
)

/**
 * `logged_in_user`: the role of the logged-in identity (nobody logged in counts as `user`).
 *
 * @example
 * loggedInUser('logged_in_user', 'admin') // right(CompiledCondition)
 * @since 0.1.0
 */
export const loggedInUser: ConditionCompiler = (name, value) =>
  right(
    defineCondition({
      name,
      value,
      data: { _tag: 'LoggedInUser', role: value },
      facts: ['loggedIn.role'],
      test: (ctx) => (ctx.event.loggedIn?.role ?? 'user') === value,
      skip: NEVER_SKIPS,
      explain: (ctx, holds) => {
        const role = ctx.event.loggedIn?.role ?? 'user'
        return {
          compared: { actual: role, expected: value },
          reason: `the logged-in role is ${JSON.stringify(role)}${ctx.event.loggedIn === undefined ? ' (nobody is logged in)' : ''}, ${holds ? 'as' : 'not'} expected`,
        }
      },
    }),
  )

/**
 * `user_token_number`: the number of the user's tokens (empty user ⇒ skipped).
 *
 * @example
 * userTokenNumber('user_token_number', '>0') // right(CompiledCondition)
 * @since 0.1.0
 */
export const userTokenNumber: ConditionCompiler = intCondition('UserTokenNumber', {
  facts: ['user.login', 'user.tokenCount'],
  skip: emptyUserSkip,
  actual: (ctx) => ctx.event.user?.tokenCount ?? 0,
})

/**
 * `user_container_number`: the number of the user's containers (empty user ⇒ skipped).
 *
 * @example
 * userContainerNumber('user_container_number', '0') // right(CompiledCondition)
 * @since 0.1.0
 */
export const userContainerNumber: ConditionCompiler = intCondition('UserContainerNumber', {
  facts: ['user.login', 'user.containerCount'],
  skip: emptyUserSkip,
  actual: (ctx) => ctx.event.user?.containerCount ?? 0,
})
