/**
 * The real catalogue (the condition and handler plug-ins), and vocabularies for generating events and bindings
 * over it with the shared arbitraries.
 */

import { CONDITION_NAMES, conditionCatalogue } from '../../src/conditions/index.js'
import type { Catalogue } from '../../src/core/catalogue.js'
import { handlerCatalogue, MODULES } from '../../src/handlers/index.js'
import type { BindingVocabulary } from '../arbitraries/binding.js'
import { defaultEventVocabulary, type EventVocabulary } from '../arbitraries/event.js'

/** The catalogue the package ships (conditions and handlers). */
export const realCatalogue: Catalogue = { conditions: conditionCatalogue, handlers: handlerCatalogue }

/** Condition values that compile, a few that are malformed, and some that read facts the events often have. */
const CONDITION_VALUES: Readonly<Record<string, ReadonlyArray<string>>> = {
  client_ip: ['10.0.0.0/8', '!10.0.0.1, 0.0.0.0/0'],
  realm: ['realm1', 'realm1,realm2'],
  user_info: ['email string_contains @', 'givenname == Alice', 'userid > 10'],
  resolver: ['resolver1'],
  logged_in_user: ['admin', 'user'],
  result_value: ['True', 'False'],
  result_status: ['True', 'False'],
  result_authentication: ['ACCEPT', 'REJECT'],
  token_locked: ['True', 'False'],
  tokenrealm: ['realm1'],
  tokenresolver: ['resolver1'],
  serial: ['TOTP', '^HOTP'],
  user_token_number: ['>1', '0', '<=2'],
  user_container_number: ['>0'],
  detail_error_message: ['.*'],
  detail_message: ['wrong', '^$'],
  counter: ['fails > 3', 'logins == 0'],
  tokentype: ['totp', 'hotp,spass'],
  token_has_owner: ['True', 'False'],
  token_is_orphaned: ['True', 'False'],
  token_validity_period: ['True', 'False'],
  otp_counter: ['>100'],
  last_auth: ['7d', '1h'],
  count_auth: ['>2', '<50'],
  count_auth_success: ['>1'],
  count_auth_fail: ['>0'],
  failcounter: ['>5', '<3', 'abc'],
  tokeninfo: ['other == x', 'last_auth < {now}-7d', 'count_auth > 3'],
  rollout_state: ['enrolled', 'clientwait'],
  token_is_in_container: ['True', 'False'],
  challenge_session: ['challenge_declined'],
  challenge_expired: ['True', 'False'],
  container_state: ['active', 'lost,active'],
  container_exact_state: ['active'],
  container_has_owner: ['True'],
  container_type: ['smartphone'],
  container_has_token: ['True'],
  container_realm: ['realm1'],
  container_resolver: ['resolver1'],
  container_info: ['key == value'],
  container_last_authentication: ['1d'],
  container_last_synchronization: ['30d'],
}

const SAMPLE_TEXT = ['', 'x', '{serial}', 'hello {user} {givenname}', 'realm1']

/** Every module with its actions and plausible values for every option (allowed values, defaults, samples). */
export const realBindingVocabulary: BindingVocabulary = {
  modules: Object.fromEntries(
    MODULES.map((m) => {
      const options: Record<string, ReadonlyArray<string>> = {}
      for (const action of m.actions) {
        for (const o of action.options) {
          const values =
            o.values !== undefined && o.values.length > 0
              ? o.values
              : o.type === 'bool'
                ? ['True', 'False']
                : o.type === 'int'
                  ? ['1', '6', '10']
                  : SAMPLE_TEXT
          options[o.name] = [...new Set([...(o.default !== undefined ? [o.default] : []), ...values])]
        }
      }
      const actions = m.actionNames === 'script' ? ['notify.sh'] : m.actions.map((a) => a.name)
      return [m.name, { actions, options }]
    }),
  ),
  conditions: Object.fromEntries(CONDITION_NAMES.map((n) => [n, CONDITION_VALUES[n] ?? ['']])),
  events: ['token_init', 'validate_check'],
  unknown: ['nosuch'],
}

/** Events named like the vocabulary's bindings. */
export const realEventVocabulary: EventVocabulary = {
  ...defaultEventVocabulary,
  names: ['token_init', 'validate_check'],
}
