/**
 * Comma lists of the `multi` conditions (`realm`, `tokentype`, `container_state`, ...): the value split on `,`
 * with no trimming; membership is exact and case-sensitive (SPEC 3.1). `realm2, realm1` holds ` realm1`, and a
 * trailing comma adds the empty item.
 *
 * @since 0.1.0
 */

/**
 * Splits a `multi` condition value into its items, exactly as written.
 *
 * @example
 * commaList('totp,spass,oath,') // ['totp', 'spass', 'oath', '']
 * commaList('realm2, realm1') // ['realm2', ' realm1']
 * @since 0.1.0
 */
export const commaList = (value: string): ReadonlyArray<string> => value.split(',')

/**
 * The items as a set, for membership tests on the hot path.
 *
 * @example
 * commaSet('a,b').has('b') // true
 * @since 0.1.0
 */
export const commaSet = (value: string): ReadonlySet<string> => new Set(commaList(value))
