/**
 * Writes the enumerable properties of `rest` onto `base` with plain stores and returns `base`, typed as both: how
 * an intent is built onto the fresh object `intentBase` returns, without a spread. Mutates `base`, so pass only an
 * object the caller has just created.
 *
 * @example
 * const intent = mergeInto(intentBase('Counter.reset_counter', ctx, binding), { counterName: 'failed_logins' })
 * // { _tag: 'Counter.reset_counter', bindingId: 1, ..., position: 'post', counterName: 'failed_logins' }
 * @since 0.1.0
 */
export const mergeInto = <B extends object, R extends object>(base: B, rest: R): B & R => {
  const out = base as Record<string, unknown>
  for (const k in rest) out[k] = (rest as Record<string, unknown>)[k]
  return out as B & R
}
