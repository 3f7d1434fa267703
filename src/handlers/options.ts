/**
 * Action options as data. Every handler action lists its options with privacyIDEA's exact names (several contain
 * spaces), their type, whether privacyIDEA marks them required, the allowed values and the default. The options of a
 * binding are validated and defaulted once, at compile time; the typed result is what intents carry. What an option
 * does, in words, is documentation data kept apart (src/handlers/descriptions.ts, `describeModule`): evaluation
 * never reads it.
 *
 * Reading rules (privacyIDEA stores every option as text):
 * - an absent option, or an empty one, takes its default — except where `""` is a value of its own: options marked
 *   `emptyAllowed` (the mangler `value` options, Container `set description`, and the integers privacyIDEA passes
 *   to `int()` as stored, so that `""` is not an integer there) and options whose allowed values include `""`;
 * - `required` without a default: absent or empty is a configuration error (`missing-option`);
 * - `requiredWhen`: required only when another option has a given value (`To admin realm` when `To` is
 *   `admin realm`);
 * - `values`: a closed set; anything else is a configuration error (`invalid-option`);
 * - `bool`: read with privacyIDEA's `is_true` (`True`, `true`, `TRUE`, `1`); absent is `false` (SPEC D12);
 * - `int`: Python's `int()`; a value it rejects is a configuration error (`invalid-option`);
 * - `invalid: 'nothing' | 'decline'`: where privacyIDEA's action does not raise on a value it cannot use but warns
 *   and changes nothing, or returns false (SPEC 4 says which), the three errors above are warnings instead: a
 *   missing option (`missing-option`) stays out of the validated options, a rejected integer (`invalid-integer`)
 *   reads as `null`, a value outside the set (`invalid-option`) is kept as given — and the action does what
 *   privacyIDEA does with it;
 * - an option the action does not know is a warning (`unknown-option`), never an error.
 *
 * @since 0.1.0
 */
import { isTrue } from '../conditions/grammar/boolean.js'
import { parseInteger } from '../conditions/grammar/integer.js'
import { type Either, left, right } from '../core/either.js'
import { type Issue, issue } from '../core/errors.js'

/**
 * The type of an option's value. `text` is multi-line text.
 *
 * @example
 * const type: OptionType = 'bool' // read with is_true: True, true, TRUE, 1
 * @since 0.1.0
 */
export type OptionType = 'str' | 'text' | 'bool' | 'int'

/**
 * What privacyIDEA's action does with an option value it cannot use, where it does not raise: `'nothing'` — it
 * warns and changes nothing, the action still fires; `'decline'` — it returns false.
 *
 * @example
 * const failCounter: Lenience = 'nothing' // Token `set failcounter`: a bad or missing integer changes nothing
 * const contentType: Lenience = 'decline' // WebHook `content_type`: an unknown type returns false
 * @since 0.1.0
 */
export type Lenience = 'nothing' | 'decline'

/**
 * One option of one action, as validation reads it (`describeModule` adds what it does, for docs).
 *
 * @example
 * const length: OptionSpec = {
 *   name: 'length',
 *   type: 'int',
 *   required: true,
 *   default: '6',
 *   min: 1,
 *   max: 31,
 * }
 * @since 0.1.0
 */
export interface OptionSpec {
  /** privacyIDEA's exact option name, e.g. `To tokenowner`, `JSON pointer`, `count window`. */
  readonly name: string
  readonly type: OptionType
  /** privacyIDEA marks it required. With a `default` the default fills it in. */
  readonly required?: boolean
  /** Required only when option `option` has the value `value`. */
  readonly requiredWhen?: { readonly option: string; readonly value: string }
  /** `""` is a value of its own rather than "absent". */
  readonly emptyAllowed?: boolean
  /** The closed set of allowed values. */
  readonly values?: ReadonlyArray<string>
  /** Integer range (inclusive) for `int` options. */
  readonly min?: number
  readonly max?: number
  /**
   * What privacyIDEA's action does with a value it cannot use — `None` for an absent option, a text `int()` rejects,
   * a value outside `values` — when it does not raise: `'nothing'`, it warns and changes nothing (the action fires,
   * success true); `'decline'`, it returns false. Each case is then a compile warning that says so, not a
   * configuration error: absent (or empty, unless `""` is a value) although `required`/`requiredWhen` —
   * `missing-option`, the option stays out of the validated options; an `int` that is not one — `invalid-integer`,
   * `null`; a `str` outside `values` — `invalid-option`, kept as given. `OptionsOf` types the value accordingly.
   * Default `'error'`. Out-of-range integers stay configuration errors.
   */
  readonly invalid?: 'error' | Lenience
  /** The default as privacyIDEA's text. */
  readonly default?: string
}

/**
 * One action of a handler module: its exact name and its options.
 *
 * @example
 * const decrease: ActionSpec = {
 *   name: 'decrease_counter',
 *   options: [
 *     { name: 'counter_name', type: 'str', required: true },
 *     { name: 'allow_negative_values', type: 'bool' },
 *   ],
 * }
 * @since 0.1.0
 */
export interface ActionSpec {
  readonly name: string
  readonly options: ReadonlyArray<OptionSpec>
}

/**
 * A typed option value.
 *
 * @example
 * const values: ReadonlyArray<OptionValue> = ['logins', 8, true, null] // str, int, bool, int the host ignores
 * @since 0.1.0
 */
export type OptionValue = string | number | boolean | null

/**
 * The typed value of one option spec: `boolean` for `bool`, `number` for `int` (`number | null` when an invalid
 * value only warns: `invalid: 'nothing' | 'decline'`), the union of the allowed values when there are some
 * (`string` when a value outside them only warns), else `string`.
 *
 * @example
 * type Mimetype = ValueOf<{
 *   readonly name: 'mimetype'
 *   readonly type: 'str'
 *   readonly values: readonly ['plain', 'html']
 * }> // 'plain' | 'html'
 * @since 0.1.0
 */
export type ValueOf<S extends OptionSpec> = S extends { readonly type: 'bool' }
  ? boolean
  : S extends { readonly type: 'int'; readonly invalid: Lenience }
    ? number | null
    : S extends { readonly type: 'int' }
      ? number
      : S extends { readonly invalid: Lenience }
        ? string
        : S extends { readonly values: ReadonlyArray<infer V> }
          ? V
          : string

/**
 * Whether an option is always present in the validated options (`true`): a `bool`, an option with a default, or one
 * marked required whose absence is a configuration error. The others — a required option whose absence only warns
 * (`invalid: 'nothing' | 'decline'`) included — are present only when the binding sets them.
 *
 * @example
 * type Realm = AlwaysPresent<{ readonly name: 'realm'; readonly type: 'str' }>
 * // false: present only when the binding sets it
 * type FailCounter = AlwaysPresent<{
 *   readonly name: 'fail counter'
 *   readonly type: 'int'
 *   readonly required: true
 *   readonly invalid: 'nothing'
 * }> // false: absent only warns
 * @since 0.1.0
 */
export type AlwaysPresent<S extends OptionSpec> = S extends { readonly type: 'bool' }
  ? true
  : S extends { readonly default: string }
    ? true
    : S extends { readonly invalid: Lenience }
      ? false
      : S extends { readonly required: true }
        ? true
        : false

/**
 * The typed options of an action, derived from its option table: bools, options with a default and required ones
 * whose absence is an error are always present; the others are present only when the binding sets them.
 *
 * @example
 * const FORWARD = [
 *   { name: 'privacyIDEA', type: 'str', required: true },
 *   { name: 'realm', type: 'str' },
 *   { name: 'forward_client_ip', type: 'bool' },
 * ] as const
 * const options: OptionsOf<typeof FORWARD> = { privacyIDEA: 'hq', forward_client_ip: false } // realm?: string
 * @since 0.1.0
 */
export type OptionsOf<T extends ReadonlyArray<OptionSpec>> = {
  readonly [S in T[number] as AlwaysPresent<S> extends true ? S['name'] : never]: ValueOf<S>
} & {
  readonly [S in T[number] as AlwaysPresent<S> extends true ? never : S['name']]?: ValueOf<S>
}

/**
 * The options of a binding after validation: typed values, defaults applied.
 *
 * @example
 * const options: TypedOptions = { counter_name: 'logins', allow_negative_values: false }
 * @since 0.1.0
 */
export type TypedOptions = Readonly<Record<string, OptionValue>>

/**
 * Validation result: typed options plus non-fatal warnings.
 *
 * @example
 * const validated: ValidatedOptions = {
 *   options: { 'fail counter': null },
 *   warnings: [
 *     {
 *       code: 'invalid-integer',
 *       message: 'fail counter: "zero" is not an integer; the action will change nothing',
 *       path: ['options', 'fail counter'],
 *     },
 *   ],
 * }
 * @since 0.1.0
 */
export interface ValidatedOptions {
  readonly options: TypedOptions
  readonly warnings: ReadonlyArray<Issue>
}

/**
 * Python's `int()` on a string (the conditions grammar's `parseInteger`), as a JSON-safe number: `undefined` when
 * Python would raise or the value is beyond JavaScript's safe integers (an intent cannot carry a bigint).
 *
 * @example
 * pyInt(' +42 ') // 42
 * pyInt('1_000') // 1000
 * pyInt('4.2') // undefined
 * pyInt('08') // 8
 * @since 0.1.0
 */
export const pyInt = (text: string): number | undefined => {
  const n = parseInteger(text)
  return typeof n === 'number' ? (Object.is(n, -0) ? 0 : n) : undefined
}

const quote = (s: string): string => JSON.stringify(s)

/** The lenience of an option, or undefined when an unusable value is a configuration error. */
const lenience = (spec: OptionSpec): Lenience | undefined =>
  spec.invalid === 'nothing' || spec.invalid === 'decline' ? spec.invalid : undefined

const CONSEQUENCE: Readonly<Record<Lenience, string>> = {
  nothing: 'the action will change nothing',
  decline: 'the action will decline',
}

const isPresent = (spec: OptionSpec, raw: string | undefined): raw is string =>
  raw !== undefined && (raw !== '' || spec.emptyAllowed === true || (spec.values?.includes('') ?? false))

/** Whether an option without a value (and so without a default) is missing. */
const requiredNow = (spec: OptionSpec, raw: Readonly<Record<string, string>>): boolean => {
  if (spec.required === true) return true
  const when = spec.requiredWhen
  return when !== undefined && Object.hasOwn(raw, when.option) && raw[when.option] === when.value
}

const typedValue = (
  spec: OptionSpec,
  text: string,
  path: ReadonlyArray<string>,
): { readonly value: OptionValue; readonly issue?: Issue; readonly warning?: Issue } => {
  switch (spec.type) {
    case 'bool':
      return { value: isTrue(text) }
    case 'int': {
      const n = pyInt(text)
      const range =
        n !== undefined && ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max))
      if (n !== undefined && !range) return { value: n }
      const bounds = spec.min !== undefined && spec.max !== undefined ? ` between ${spec.min} and ${spec.max}` : ''
      const message = `${spec.name}: ${quote(text)} is not an integer${bounds}`
      const lenient = lenience(spec)
      if (lenient !== undefined && !range)
        return { value: null, warning: issue('invalid-integer', `${message}; ${CONSEQUENCE[lenient]}`, path) }
      return { value: null, issue: issue('invalid-option', message, path) }
    }
    case 'str':
    case 'text': {
      const values = spec.values
      if (values !== undefined && !values.includes(text)) {
        const allowed = values.map(quote).join(', ')
        const message = `${spec.name}: ${quote(text)} is not one of ${allowed}`
        const lenient = lenience(spec)
        return lenient !== undefined
          ? { value: text, warning: issue('invalid-option', `${message}; ${CONSEQUENCE[lenient]}`, path) }
          : { value: text, issue: issue('invalid-option', message, path) }
      }
      return { value: text }
    }
  }
}

/**
 * Validates and defaults a binding's options against an action's option table. Issue paths are
 * `['options', name]`, relative to the binding. Own properties only: `__proto__` and `constructor` are ordinary
 * (unknown) option names.
 *
 * @example
 * validateOptions(spec, { counter_name: 'logins' }) // right({ options: { counter_name: 'logins' }, warnings: [] })
 * @since 0.1.0
 */
export const validateOptions = (
  action: ActionSpec,
  raw: Readonly<Record<string, string>>,
): Either<ReadonlyArray<Issue>, ValidatedOptions> => {
  const issues: Issue[] = []
  const warnings: Issue[] = []
  const options: Record<string, OptionValue> = {}
  const known = new Set(action.options.map((o) => o.name))
  for (const spec of action.options) {
    const path = ['options', spec.name]
    const given = Object.hasOwn(raw, spec.name) ? raw[spec.name] : undefined
    const text = isPresent(spec, given) ? given : spec.default
    if (text === undefined) {
      if (requiredNow(spec, raw)) {
        const why =
          spec.required === true || spec.requiredWhen === undefined
            ? 'is required'
            : `is required when ${spec.requiredWhen.option} is ${quote(spec.requiredWhen.value)}`
        const message = `${action.name}: option ${quote(spec.name)} ${why}`
        const lenient = lenience(spec)
        if (lenient === undefined) issues.push(issue('missing-option', message, path))
        else warnings.push(issue('missing-option', `${message}; ${CONSEQUENCE[lenient]}`, path))
      } else if (spec.type === 'bool') options[spec.name] = false
      continue
    }
    const typed = typedValue(spec, text, path)
    if (typed.issue !== undefined) issues.push({ ...typed.issue, message: `${action.name}: ${typed.issue.message}` })
    if (typed.warning !== undefined)
      warnings.push({ ...typed.warning, message: `${action.name}: ${typed.warning.message}` })
    // A plain assignment would call the `__proto__` setter; option names come from our own tables, but be exact.
    Object.defineProperty(options, spec.name, {
      value: typed.value,
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  for (const name of Object.keys(raw)) {
    if (!known.has(name)) {
      const expected = action.options.length === 0 ? 'no options' : action.options.map((o) => quote(o.name)).join(', ')
      warnings.push(
        issue(
          'unknown-option',
          `${action.name}: option ${quote(name)} is not used by this action (it takes ${expected})`,
          ['options', name],
        ),
      )
    }
  }
  return issues.length > 0 ? left(issues) : right({ options, warnings })
}

/**
 * The allowed values of an option, or undefined when it is free text.
 *
 * @example
 * const sendmail = MODULES.find((m) => m.name === 'UserNotification')?.actions.find((a) => a.name === 'sendmail')
 * if (sendmail !== undefined) {
 *   allowedValues(sendmail, 'mimetype') // ['plain', 'html']
 *   allowedValues(sendmail, 'subject') // undefined
 * }
 * @since 0.1.0
 */
export const allowedValues = (action: ActionSpec, name: string): ReadonlyArray<string> | undefined =>
  action.options.find((o) => o.name === name)?.values
