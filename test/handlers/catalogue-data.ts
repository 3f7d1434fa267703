/** Option values that satisfy every action's table, derived from the tables themselves. */
import type { ActionSpec, OptionSpec } from '../../src/handlers/options.js'

/** Options whose free text has a grammar of its own. */
const SAMPLES: Readonly<Record<string, string>> = {
  'valid from': '+1d',
  'valid till': '2030-01-01',
  'JSON pointer': '/detail/x',
}

/** A valid sample value for an option. */
export const sampleValue = (o: OptionSpec): string =>
  Object.hasOwn(SAMPLES, o.name)
    ? (SAMPLES[o.name] as string)
    : o.values !== undefined
      ? (o.values.find((v) => v !== '') ?? '')
      : o.type === 'int'
        ? '3'
        : o.type === 'bool'
          ? 'True'
          : 'x'

/** The required options (without default) of an action, with sample values. */
export const minimalOptions = (a: ActionSpec): Record<string, string> =>
  Object.fromEntries(
    a.options.filter((o) => o.required === true && o.default === undefined).map((o) => [o.name, sampleValue(o)]),
  )

/** Every option of an action with a sample value (requiredWhen options included). */
export const fullOptions = (a: ActionSpec): Record<string, string> =>
  Object.fromEntries(a.options.map((o) => [o.name, sampleValue(o)]))
