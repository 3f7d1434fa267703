/**
 * The targets of token, container and user actions, read from the event the way privacyIDEA's handlers find them
 * (SPEC 1.8, 4.2, 4.10, 4.11). All plain JSON data for intents.
 *
 * @since 0.1.0
 */
import type { Event } from '../core/model.js'
import { eventUser, member, requestParam, scalarText } from '../templates/tags.js'

/**
 * A user an action changes: login, realm and, when known, resolver.
 *
 * @example
 * const alice: UserTarget = { login: 'alice', realm: 'realm1', resolver: 'resolver1' }
 * @since 0.1.0
 */
export interface UserTarget {
  readonly login: string
  readonly realm: string
  readonly resolver?: string
}

/**
 * The serials the event names (`event.serial`: request, response detail or audit, SPEC 1.8), blanks removed,
 * split on commas, empty items dropped.
 *
 * @example
 * eventSerials({ ...event, serial: 'HOTP1, TOTP2' }) // ['HOTP1', 'TOTP2']
 * @since 0.1.0
 */
export const eventSerials = (event: Event): ReadonlyArray<string> =>
  (event.serial ?? '')
    .replace(/ /g, '')
    .split(',')
    .filter((s) => s !== '')

/**
 * The token serials of the event (SPEC 1.8 `token_serials`): `event.serial` with blanks removed, split on commas
 * (empty items dropped); without a serial, the serial of the event's single token; else none.
 *
 * @example
 * tokenSerials({ ...event, serial: 'HOTP1, TOTP2' }) // ['HOTP1', 'TOTP2']
 * @since 0.1.0
 */
export const tokenSerials = (event: Event): ReadonlyArray<string> => {
  const serials = eventSerials(event)
  if (serials.length > 0) return serials
  const token = event.token?.serial
  return token !== undefined && token !== '' ? [token] : []
}

/**
 * The user in event as a target, or undefined for the empty user.
 *
 * @example
 * userTarget(event) // { login: 'alice', realm: 'realm1', resolver: 'resolver1' }
 * @since 0.1.0
 */
export const userTarget = (event: Event): UserTarget | undefined => {
  const user = eventUser(event)
  return user === undefined
    ? undefined
    : { login: user.login, realm: user.realm, ...(user.resolver !== '' ? { resolver: user.resolver } : {}) }
}

/**
 * The logged-in identity as a user-store user, or undefined when nobody is logged in or the identity has no realm
 * (an internal admin is not a user-store user).
 *
 * @example
 * loggedInTarget({ ...event, loggedIn: { role: 'admin', username: 'helpdesk', realm: 'adminrealm' } })
 * // { login: 'helpdesk', realm: 'adminrealm' }
 * loggedInTarget({ ...event, loggedIn: { role: 'admin', username: 'admin' } }) // undefined: an internal admin
 * @since 0.1.0
 */
export const loggedInTarget = (event: Event): UserTarget | undefined => {
  const l = event.loggedIn
  return l === undefined || l.username === '' || l.realm === undefined || l.realm === ''
    ? undefined
    : { login: l.username, realm: l.realm }
}

/**
 * The container the event names (SPEC 1.8 / 4.11), or undefined.
 *
 * @example
 * containerTarget(event) // 'SMPH0001' when the host resolved event.container
 * @since 0.1.0
 */
export const containerTarget = (event: Event): string | undefined => {
  const serial = event.container?.serial
  return serial !== undefined && serial !== '' ? serial : undefined
}

/**
 * The container serial the request or response names explicitly (`container_serial` parameter, else response
 * `result.value.container_serial`), for Token `enroll` with `container`.
 *
 * @example
 * namedContainer({ ...event, request: { ...event.request, params: { container_serial: 'SMPH0001' } } }) // 'SMPH0001'
 * @since 0.1.0
 */
export const namedContainer = (event: Event): string | undefined => {
  const param = requestParam(event, 'container_serial')
  if (param !== undefined && param !== '') return param
  const fromResponse = scalarText(member(member(member(event.response, 'result'), 'value'), 'container_serial'))
  return fromResponse !== '' ? fromResponse : undefined
}

/**
 * The users a container action assigns (SPEC 4.11): the user in event, else the owners of the container the
 * request names (`container_serial`, when it is the event's container: the host found it), else the owner of the
 * event's token when it exists. The owners of a container the event found only through the response or the token
 * are not asked, as privacyIDEA asks only the request's container.
 *
 * @example
 * containerUsers(event) // [{ login: 'alice', realm: 'realm1', resolver: 'resolver1' }]: the user in event
 * @since 0.1.0
 */
export const containerUsers = (event: Event): ReadonlyArray<UserTarget> => {
  const user = userTarget(event)
  if (user !== undefined) return [user]
  const named = requestParam(event, 'container_serial')
  const requested =
    named !== undefined && named !== '' && event.container?.serial === named ? event.container : undefined
  const owners = (requested?.owners ?? []).filter((o) => o.login !== '')
  if (owners.length > 0)
    return owners.map((o) => ({
      login: o.login,
      realm: o.realm,
      ...(o.resolver !== '' ? { resolver: o.resolver } : {}),
    }))
  const owner = event.token?.owner
  return owner?.exists && owner.login !== ''
    ? [{ login: owner.login, realm: owner.realm, ...(owner.resolver !== '' ? { resolver: owner.resolver } : {}) }]
    : []
}
