/**
 * Audit entries in privacyIDEA's form (SPEC 1.6): the `PRE-EVENT`/`POST-EVENT` marker, the options rendered as
 * privacyIDEA renders a Python dict, `info` with the binding name and run details or error tag.
 *
 * @since 0.1.0
 */
import type { AuditEntry, Binding, Event, Position } from './model.js'

/** privacyIDEA truncates `info` to its 500-character column. @since 0.1.0 */
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

/** `name`, `name (details)`, truncated to 500 characters (code points, as Python counts them). @since 0.1.0 */
export const auditInfo = (name: string, details?: string): string => {
  const info = details === undefined || details === '' ? name : `${name} (${details})`
  return info.length > INFO_MAX ? Array.from(info).slice(0, INFO_MAX).join('') : info
}

const requestFacts = (event: Event): Pick<AuditEntry, 'serial' | 'user' | 'realm' | 'tokenType'> => {
  const serial = event.serial ?? event.token?.serial
  const user = event.user?.login
  const realm = event.user?.realm
  const tokenType = event.token?.type
  return {
    ...(serial !== undefined && serial !== '' ? { serial } : {}),
    ...(user !== undefined && user !== '' ? { user } : {}),
    ...(realm !== undefined && realm !== '' ? { realm } : {}),
    ...(tokenType !== undefined && tokenType !== '' ? { tokenType } : {}),
  }
}

/** The audit entry of one triggered or failed binding for the current event view. @since 0.1.0 */
export const auditEntry = (
  event: Event,
  binding: Binding,
  actionDetail: string,
  outcome:
    | { readonly success: boolean; readonly details?: string }
    | { readonly success: false; readonly error: { readonly tag: string; readonly message: string } },
): AuditEntry => ({
  action: auditMarker(event.position, event.name, binding.handlerModule, binding.action),
  actionDetail,
  info: 'error' in outcome ? auditInfo(binding.name, outcome.error.tag) : auditInfo(binding.name, outcome.details),
  event: event.name,
  position: event.position,
  bindingId: binding.id,
  bindingName: binding.name,
  handlerModule: binding.handlerModule,
  success: outcome.success,
  ...('error' in outcome ? { error: outcome.error } : {}),
  ...requestFacts(event),
})
