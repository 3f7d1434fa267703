/**
 * The 42 condition names in privacyIDEA's evaluation order (SPEC 3.0); a condition's index is its `rank`.
 *
 * @since 0.1.0
 */

/**
 * Every condition name, in the evaluation order of SPEC 3.0: general conditions, then the token conditions, the
 * challenge block, then the container conditions.
 *
 * @example
 * CONDITION_NAMES.length // 42
 * CONDITION_NAMES[0] // 'client_ip'
 * @since 0.1.0
 */
export const CONDITION_NAMES = [
  'client_ip',
  'realm',
  'user_info',
  'resolver',
  'logged_in_user',
  'result_value',
  'result_status',
  'result_authentication',
  'token_locked',
  'tokenrealm',
  'tokenresolver',
  'serial',
  'user_token_number',
  'user_container_number',
  'detail_error_message',
  'detail_message',
  'counter',
  'tokentype',
  'token_has_owner',
  'token_is_orphaned',
  'token_validity_period',
  'otp_counter',
  'last_auth',
  'count_auth',
  'count_auth_success',
  'count_auth_fail',
  'failcounter',
  'tokeninfo',
  'rollout_state',
  'token_is_in_container',
  'challenge_session',
  'challenge_expired',
  'container_state',
  'container_exact_state',
  'container_has_owner',
  'container_type',
  'container_has_token',
  'container_realm',
  'container_resolver',
  'container_info',
  'container_last_authentication',
  'container_last_synchronization',
] as const

/**
 * A condition name.
 *
 * @example
 * const name: ConditionName = 'tokeninfo'
 * @since 0.1.0
 */
export type ConditionName = (typeof CONDITION_NAMES)[number]

const RANKS: ReadonlyMap<string, number> = new Map(CONDITION_NAMES.map((n, i) => [n, i]))

/**
 * The rank (evaluation position) of a condition name, or undefined for an unknown name. Safe for any string,
 * including `__proto__` and `constructor`.
 *
 * @example
 * conditionRank('client_ip') // 0
 * conditionRank('__proto__') // undefined
 * @since 0.1.0
 */
export const conditionRank = (name: string): number | undefined => RANKS.get(name)

/**
 * Whether a string is a condition name.
 *
 * @example
 * isConditionName('tokeninfo') // true
 * isConditionName('constructor') // false
 * @since 0.1.0
 */
export const isConditionName = (name: string): name is ConditionName => RANKS.has(name)
