export const mergeInto = <B extends object, R extends object>(base: B, rest: R): B & R => {
  const out = base as Record<string, unknown>
  for (const k in rest) out[k] = (rest as Record<string, unknown>)[k]
  return out as B & R
}
