/**
 * The condition catalogue: all 42 privacyIDEA conditions (SPEC 3), compiled once from their value strings into
 * typed, immutable data and pure predicates over the event. Plug it into the kernel as `catalogue.conditions`.
 *
 * @since 0.1.0
 */
import type { CompiledCondition, ConditionCatalogue } from '../core/catalogue.js'
import { type Either, left, right } from '../core/either.js'
import { type Issue, issue } from '../core/errors.js'
import { challengeExpired, challengeSession } from './challenge.js'
import type { ClientIpData } from './client-ip.js'
import { clientIp } from './client-ip.js'
import {
  containerExactState,
  containerHasOwner,
  containerHasToken,
  containerInfo,
  containerLastAuthentication,
  containerLastSynchronization,
  containerRealm,
  containerResolver,
  containerState,
  containerType,
} from './container.js'
import { counter } from './counter.js'
import { warning } from './define.js'
import { detailErrorMessage, detailMessage } from './detail.js'
import { CONDITION_NAMES, type ConditionName, conditionRank } from './names.js'
import { resultAuthentication, resultStatus, resultValue } from './result.js'
import type { BoolData, ConditionCompiler, IntData, KeyedData, ListData, RegexData } from './shapes.js'
import {
  failcounter,
  otpCounter,
  rolloutState,
  serial,
  tokenHasOwner,
  tokenIsInContainer,
  tokenIsOrphaned,
  tokenLocked,
  tokenRealm,
  tokenResolver,
  tokenType,
  tokenValidityPeriod,
} from './token.js'
import type { LastAuthData } from './tokeninfo.js'
import { countAuth, countAuthFail, countAuthSuccess, lastAuth, tokeninfo } from './tokeninfo.js'
import { loggedInUser, realm, resolver, userContainerNumber, userInfo, userTokenNumber } from './user.js'

export type { ClientIpData } from './client-ip.js'
export type { IpList, IpRange } from './grammar/cidr.js'
export type { FindingCode, GenericComparison, Operand } from './grammar/generic.js'
export type { Int, IntComparison, IntOp } from './grammar/integer.js'
export type { NowSegment, NowTemplate } from './grammar/now.js'
export type { RegexMode } from './grammar/regex.js'
export type { ConditionName } from './names.js'
export { CONDITION_NAMES, conditionRank, isConditionName } from './names.js'
export type { BoolData, IntData, KeyedData, ListData, RegexData } from './shapes.js'
export type { LastAuthData } from './tokeninfo.js'

/**
 * The typed data of every compiled condition (`CompiledCondition.data`), one `_tag` per condition.
 *
 * @example
 * const c = compileCondition('last_auth', '180d')
 * if (c._tag === 'Right') (c.right.data as ConditionData) // { _tag: 'LastAuth', durationMs: 15552000000 }
 * @since 0.1.0
 */
export type ConditionData =
  | ClientIpData
  | ListData<
      'Realm' | 'Resolver' | 'TokenType' | 'TokenRealm' | 'TokenResolver' | 'ContainerRealm' | 'ContainerResolver'
    >
  | KeyedData<'UserInfo' | 'Counter' | 'TokenInfo' | 'ContainerInfo'>
  | { readonly _tag: 'LoggedInUser'; readonly role: string }
  | { readonly _tag: 'ResultValue' | 'ResultStatus'; readonly expected: boolean }
  | { readonly _tag: 'ResultAuthentication'; readonly expected: string }
  | BoolData<
      | 'TokenLocked'
      | 'TokenHasOwner'
      | 'TokenIsOrphaned'
      | 'TokenValidityPeriod'
      | 'TokenIsInContainer'
      | 'ContainerHasOwner'
      | 'ContainerHasToken'
      | 'ChallengeExpired'
    >
  | RegexData<'Serial' | 'DetailErrorMessage' | 'DetailMessage' | 'ChallengeSession'>
  | IntData<
      | 'UserTokenNumber'
      | 'UserContainerNumber'
      | 'OtpCounter'
      | 'CountAuth'
      | 'CountAuthSuccess'
      | 'CountAuthFail'
      | 'Failcounter'
    >
  | LastAuthData
  | { readonly _tag: 'RolloutState'; readonly expected: string }
  | { readonly _tag: 'ContainerState' | 'ContainerExactState'; readonly states: ReadonlyArray<string> }
  | { readonly _tag: 'ContainerType'; readonly expected: string }
  | { readonly _tag: 'ContainerLastAuthentication' | 'ContainerLastSynchronization'; readonly durationMs: number }

/**
 * The compiler of every condition, by name.
 *
 * @example
 * CONDITION_COMPILERS.get('tokentype')?.('tokentype', 'totp,hotp') // right(CompiledCondition)
 * @since 0.1.0
 */
export const CONDITION_COMPILERS: ReadonlyMap<ConditionName, ConditionCompiler> = new Map<
  ConditionName,
  ConditionCompiler
>([
  ['client_ip', clientIp],
  ['realm', realm],
  ['user_info', userInfo],
  ['resolver', resolver],
  ['logged_in_user', loggedInUser],
  ['result_value', resultValue],
  ['result_status', resultStatus],
  ['result_authentication', resultAuthentication],
  ['token_locked', tokenLocked],
  ['tokenrealm', tokenRealm],
  ['tokenresolver', tokenResolver],
  ['serial', serial],
  ['user_token_number', userTokenNumber],
  ['user_container_number', userContainerNumber],
  ['detail_error_message', detailErrorMessage],
  ['detail_message', detailMessage],
  ['counter', counter],
  ['tokentype', tokenType],
  ['token_has_owner', tokenHasOwner],
  ['token_is_orphaned', tokenIsOrphaned],
  ['token_validity_period', tokenValidityPeriod],
  ['otp_counter', otpCounter],
  ['last_auth', lastAuth],
  ['count_auth', countAuth],
  ['count_auth_success', countAuthSuccess],
  ['count_auth_fail', countAuthFail],
  ['failcounter', failcounter],
  ['tokeninfo', tokeninfo],
  ['rollout_state', rolloutState],
  ['token_is_in_container', tokenIsInContainer],
  ['challenge_session', challengeSession],
  ['challenge_expired', challengeExpired],
  ['container_state', containerState],
  ['container_exact_state', containerExactState],
  ['container_has_owner', containerHasOwner],
  ['container_type', containerType],
  ['container_has_token', containerHasToken],
  ['container_realm', containerRealm],
  ['container_resolver', containerResolver],
  ['container_info', containerInfo],
  ['container_last_authentication', containerLastAuthentication],
  ['container_last_synchronization', containerLastSynchronization],
])

const lookup: ReadonlyMap<string, ConditionCompiler> = CONDITION_COMPILERS

const unknown = (name: string): Issue =>
  issue(
    'unknown-condition',
    `${JSON.stringify(name)} is not a condition; known conditions are ${CONDITION_NAMES.join(', ')}`,
  )

/**
 * Compiles one condition. An unknown name is a configuration error (D10); so is a value that cannot be compiled
 * (a bad regex, duration, network or placeholder: D11).
 *
 * @example
 * compileCondition('last_auth', '180d') // right(CompiledCondition)
 * compileCondition('last_auth', '7') // left([{ code: 'invalid-duration', message: 'last_auth: "7" has no unit; use s, m, h, d or y' }])
 * compileCondition('__proto__', 'x') // left([{ code: 'unknown-condition', ... }])
 * @since 0.1.0
 */
export const compileCondition = (name: string, value: string): Either<ReadonlyArray<Issue>, CompiledCondition> => {
  const compiler = lookup.get(name)
  if (compiler === undefined) return left([unknown(name)])
  if (typeof value !== 'string')
    return left([issue('invalid-condition-value', `${name}: the value must be a string, got ${typeof value}`)])
  const compiled = compiler(name, value)
  if (compiled._tag === 'Left' || value.trim() !== '' || compiled.right.warnings.some((w) => w.code === 'empty-value'))
    return compiled
  return right({
    ...compiled.right,
    warnings: [
      ...compiled.right.warnings,
      warning(name, 'empty-value', 'the value is empty; it is read literally (an empty list item, regex or word)'),
    ],
  })
}

/**
 * The condition half of tripline's catalogue: every privacyIDEA condition.
 *
 * @example
 * const engine = createEngine({ conditions: conditionCatalogue, handlers: handlerCatalogue })
 * @since 0.1.0
 */
export const conditionCatalogue: ConditionCatalogue = { compile: compileCondition, rank: conditionRank }
