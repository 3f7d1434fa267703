/**
 * The event identifiers privacyIDEA tags its API functions with (SPEC 2), as data, and a "did you mean" for names
 * that are not among them. A binding's event list is matched exactly and case-sensitively (SPEC 1.2), so a typo
 * means the binding never fires.
 *
 * @since 0.1.0
 */

/**
 * One group of event identifiers, as SPEC 2 lists them.
 *
 * @example
 * const group: EventGroup = { group: 'Token groups', names: ['tokengroup_add', 'tokengroup_list', 'tokengroup_delete'] }
 * @since 0.1.0
 */
export interface EventGroup {
  readonly group: string
  readonly names: ReadonlyArray<string>
}

/**
 * The 76 event identifiers of SPEC 2, grouped as SPEC 2 groups them.
 *
 * @example
 * EVENT_GROUPS.map((g) => `${g.group}: ${g.names.length}`) // ['Authentication / validation: 6', 'Token: 24', ...]
 * @since 0.1.0
 */
export const EVENT_GROUPS: ReadonlyArray<EventGroup> = [
  {
    group: 'Authentication / validation',
    names: [
      'validate_check',
      'validate_triggerchallenge',
      'validate_poll_transaction',
      'validate_offlinerefill',
      'auth',
      'ttype',
    ],
  },
  {
    group: 'Token',
    names: [
      'token_init',
      'token_list',
      'token_getchallenges',
      'token_cancelchallenge',
      'token_assign',
      'token_unassign',
      'token_revoke',
      'token_enable',
      'token_disable',
      'token_delete',
      'token_reset',
      'token_resync',
      'token_setpin',
      'token_setrandompin',
      'token_set',
      'token_realm',
      'token_load',
      'token_copypin',
      'token_copyuser',
      'token_lost',
      'token_getserial',
      'token_info',
      'token_assign_group',
      'token_unassign_group',
    ],
  },
  { group: 'Token groups', names: ['tokengroup_add', 'tokengroup_list', 'tokengroup_delete'] },
  { group: 'Service IDs', names: ['serviceid_add', 'serviceid_list', 'serviceid_delete'] },
  {
    group: 'Containers',
    names: [
      'container_init',
      'container_delete',
      'container_assign',
      'container_unassign',
      'container_add_token',
      'container_remove_token',
      'container_set_description',
      'container_set_states',
      'container_set_realms',
      'container_register_initialize',
      'container_register_finalize',
      'container_unregister',
      'container_create_challenge',
      'container_synchronize',
      'container_init_rollover',
    ],
  },
  {
    group: 'Users',
    names: [
      'user_list',
      'user_add',
      'user_update',
      'user_delete',
      'user_settings_get',
      'user_settings_set',
      'user_settings_delete',
      'set_custom_user_attribute',
      'get_user_attribute',
      'get_user_internal_attribute',
      'get_editable_attributes',
      'delete_custom_user_attribute',
    ],
  },
  {
    group: 'API clients / remembered devices',
    names: [
      'api_client_add',
      'api_client_list',
      'api_client_edit',
      'api_client_rotate',
      'api_client_delete',
      'remembered_device_list',
      'remembered_device_revoke',
      'remembered_device_revoke_all',
      'remembered_device_revoke_bulk',
    ],
  },
  {
    group: 'Subscriptions',
    names: ['subscription_get', 'subscription_status', 'subscription_save', 'subscription_delete'],
  },
]

/**
 * All 76 event identifiers of SPEC 2, in SPEC order.
 *
 * @example
 * EVENT_NAMES.length // 76
 * EVENT_NAMES.includes('validate_check') // true
 * @since 0.1.0
 */
export const EVENT_NAMES: ReadonlyArray<string> = EVENT_GROUPS.flatMap((g) => g.names)

const KNOWN: ReadonlySet<string> = new Set(EVENT_NAMES)

/**
 * Whether `name` is one of the event identifiers of SPEC 2 (exact, case-sensitive).
 *
 * @example
 * isKnownEventName('validate_check') // true
 * isKnownEventName('Validate_Check') // false
 * @since 0.1.0
 */
export const isKnownEventName = (name: string): boolean => KNOWN.has(name)

/**
 * The optimal-string-alignment distance (Levenshtein plus adjacent transpositions) between two strings.
 *
 * @example
 * editDistance('token_init', 'tokne_init') // 1
 * @since 0.1.0
 */
export const editDistance = (a: string, b: string): number => {
  const m = a.length
  const n = b.length
  // three rolling rows: i-2, i-1, i
  let prev2: number[] = new Array<number>(n + 1).fill(0)
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j)
  let cur: number[] = new Array<number>(n + 1).fill(0)
  for (let i = 1; i <= m; i++) {
    cur[0] = i
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (prev2[j - 2] ?? 0) + 1)
      cur[j] = d
    }
    const rotated = prev2
    prev2 = prev
    prev = cur
    cur = rotated
  }
  return prev[n] ?? 0
}

/**
 * The closest known event identifier to an unknown `name`, for a "did you mean": case differences and blanks are
 * ignored first, then the smallest edit distance within about a third of the name's length wins (ties: SPEC order).
 * Undefined when nothing is close.
 *
 * @example
 * suggestEventName('Validate_Check') // 'validate_check'
 * suggestEventName('token_intit')    // 'token_init'
 * suggestEventName('frobnicate')     // undefined
 * @since 0.1.0
 */
export const suggestEventName = (name: string): string | undefined => {
  const normal = name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
  if (normal === '') return undefined
  if (KNOWN.has(normal)) return normal
  const limit = Math.max(1, Math.min(3, Math.floor(normal.length / 3)))
  let best: string | undefined
  let bestDistance = limit + 1
  for (const known of EVENT_NAMES) {
    if (Math.abs(known.length - normal.length) >= bestDistance) continue
    const d = editDistance(normal, known)
    if (d < bestDistance) {
      best = known
      bestDistance = d
    }
  }
  return best
}
