/**
 * Audit entries in privacyIDEA's form (SPEC 1.6): the `PRE-EVENT`/`POST-EVENT` marker, the options rendered as
 * privacyIDEA renders a Python dict, `info` with the binding name (and the error tag on failure); tripline's own note
 * on a triggered or declined action goes to `details`.
 *
 * @since 0.1.0
 */
import type { AuditEntry, Binding, Event, Position } from './model.js'

/**
 * The length of privacyIDEA's audit `info` column (500): `auditInfo` truncates to it.
 *
 * @example
 * auditInfo('Mail', 'x'.repeat(1000)).length === INFO_MAX // true
 * @since 0.1.0
 */
export const INFO_MAX = 500

/**
 * The audit marker of a triggered binding.
 *
 * @example
 * auditMarker('post', 'token_init', 'UserNotification', 'sendmail')
 * // 'POST-EVENT token_init>>UserNotification:sendmail'
 * @since 0.1.0
 */
export const auditMarker = (position: Position, event: string, module: string, action: string): string =>
  `${position === 'pre' ? 'PRE-EVENT' : 'POST-EVENT'} ${event}>>${module}:${action}`

/** Python's `str.isprintable` is false for the categories Other (C*) and Separator (Z*), except the blank. */
const NON_PRINTABLE = /^[\p{C}\p{Z}]$/u

const pyStringRepr = (s: string): string => {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'"
  let out = quote
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0
    if (ch === '\\') out += '\\\\'
    else if (ch === quote) out += `\\${quote}`
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (code > 0x20 && code < 0x7f)
      out += ch // printable ASCII: no Unicode-property test per character
    else if (ch !== ' ' && NON_PRINTABLE.test(ch))
      out +=
        code < 0x100
          ? `\\x${code.toString(16).padStart(2, '0')}`
          : code < 0x10000
            ? `\\u${code.toString(16).padStart(4, '0')}`
            : `\\U${code.toString(16).padStart(8, '0')}`
    else out += ch
  }
  return out + quote
}

/**
 * Renders an options map as privacyIDEA's `action_detail` (Python's `str(dict)`).
 *
 * @example
 * renderOptions({ emailconfig: 'mail', To: 'tokenowner' }) // "{'emailconfig': 'mail', 'To': 'tokenowner'}"
 * @since 0.1.0
 */
export const renderOptions = (options: Readonly<Record<string, string>>): string =>
  `{${Object.keys(options)
    .map((k) => `${pyStringRepr(k)}: ${pyStringRepr(String(options[k]))}`)
    .join(', ')}}`

/**
 * The audit `info` of a binding: `name`, or `name (details)`, truncated to 500 characters (code points, as Python
 * counts them).
 *
 * @example
 * auditInfo('Mail on enrolment') // 'Mail on enrolment'
 * auditInfo('Mail on enrolment', 'ConfigurationError') // 'Mail on enrolment (ConfigurationError)'
 * @since 0.1.0
 */
export const auditInfo = (name: string, details?: string): string => {
  const info = details === undefined || details === '' ? name : `${name} (${details})`
  return info.length > INFO_MAX ? Array.from(info).slice(0, INFO_MAX).join('') : info
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/**
 * The audit entry of one triggered or failed binding for the current event view.
 *
 * Built field by field into a local object (no spreads of conditional literals): this runs once per triggered
 * binding on the hot path, and the spread form cost a third of a whole evaluation (bench/, issue 6). The keys and
 * their order are the same.
 *
 * @example
 * auditEntry(event, binding, "{'emailconfig': 'mail', 'To': 'tokenowner'}", { success: true })
 * // { action: 'POST-EVENT token_init>>UserNotification:sendmail', actionDetail: "{'emailconfig': ...}",
 * //   info: 'Mail on enrolment', event: 'token_init', position: 'post', bindingId: 1, ..., success: true,
 * //   serial: 'TOTP0001', user: 'alice', realm: 'realm1', tokenType: 'totp' }
 * @since 0.1.0
 */
export const auditEntry = (
  event: Event,
  binding: Binding,
  actionDetail: string,
  outcome:
    | { readonly success: boolean; readonly details?: string; readonly runDetails?: string }
    | { readonly success: false; readonly error: { readonly tag: string; readonly message: string } },
): AuditEntry => {
  const failure = 'error' in outcome ? outcome.error : undefined
  const ran = 'error' in outcome ? undefined : outcome
  const entry: Mutable<AuditEntry> = {
    action: auditMarker(event.position, event.name, binding.handlerModule, binding.action),
    actionDetail,
    info: auditInfo(binding.name, failure?.tag ?? ran?.runDetails),
    event: event.name,
    position: event.position,
    bindingId: binding.id,
    bindingName: binding.name,
    handlerModule: binding.handlerModule,
    success: outcome.success,
  }
  if (failure !== undefined) entry.error = failure
  if (ran?.details !== undefined && ran.details !== '') entry.details = ran.details
  // SPEC 1.8: an empty serial names none, so the single token's serial stands in (as the `{serial}` tag reads it).
  const serial = event.serial !== undefined && event.serial !== '' ? event.serial : event.token?.serial
  if (serial !== undefined && serial !== '') entry.serial = serial
  const user = event.user
  if (user !== undefined) {
    if (user.login !== undefined && user.login !== '') entry.user = user.login
    if (user.realm !== undefined && user.realm !== '') entry.realm = user.realm
  }
  const tokenType = event.token?.type
  if (tokenType !== undefined && tokenType !== '') entry.tokenType = tokenType
  return entry
}
