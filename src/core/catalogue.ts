/**
 * How conditions and handler modules plug into the kernel: data plus pure functions. The kernel knows nothing of
 * privacyIDEA's 42 conditions or 11 modules; `src/conditions` and `src/handlers` provide the real catalogue.
 *
 * @since 0.1.0
 */
import type { EvalContext } from './context.js'
import type { Either } from './either.js'
import type { EvalFailure, Issue } from './errors.js'
import type { Binding, Intent, Position, Request } from './model.js'

/**
 * The verdict of one condition for one event: `true` = holds (including "skipped: subject missing"), `false` =
 * does not hold, an `EvalFailure` = the binding fails (privacyIDEA would raise).
 *
 * @example
 * const outcome: Outcome = compiled.test(makeContext(event))
 * if (isEvalFailure(outcome)) logger.warn(`${outcome.errorTag}: ${outcome.message}`)
 * @since 0.1.0
 */
export type Outcome = boolean | EvalFailure

/**
 * What `explain` shows for one condition.
 *
 * @example
 * const trace: ConditionTrace = {
 *   name: 'tokentype',
 *   value: 'totp,hotp',
 *   verdict: 'pass',
 *   compared: { actual: 'totp', list: ['totp', 'hotp'] },
 *   reason: 'the token type "totp" is in the list',
 * }
 * @since 0.1.0
 */
export interface ConditionTrace {
  readonly name: string
  readonly value: string
  readonly verdict: 'pass' | 'fail' | 'skip' | 'error'
  /** The values compared, e.g. `{ actual: 8, operator: '<', expected: 9 }`. */
  readonly compared: Readonly<Record<string, unknown>>
  /** Why, in one sentence. */
  readonly reason: string
}

/**
 * A condition compiled once from its privacyIDEA value string.
 *
 * @example
 * const compiled = compileCondition('tokentype', 'totp,hotp')
 * if (isRight(compiled)) {
 *   const condition: CompiledCondition = compiled.right
 *   condition.test(makeContext(event)) // true when the event's token is a TOTP or HOTP token
 *   condition.facts // ['token.type']
 * }
 * @since 0.1.0
 */
export interface CompiledCondition {
  readonly name: string
  readonly value: string
  /** Position in the evaluation order of SPEC 3.0; lower runs first. */
  readonly rank: number
  /** The typed, immutable condition data (a `_tag` union), for `check`, `explain` and `requiredFacts`. */
  readonly data: { readonly _tag: string }
  /** The pure predicate: the hot path. */
  readonly test: (ctx: EvalContext) => Outcome
  /** The same verdict with the values compared; only called by `explain`. */
  readonly trace: (ctx: EvalContext) => ConditionTrace
  /** `Event` paths the predicate reads, e.g. `token.info.last_auth`. */
  readonly facts: ReadonlyArray<string>
  /**
   * Non-fatal findings (SPEC D11: malformed comparisons that stay false), reported by `check`. Paths are relative
   * to the condition's value (usually `[]`); the kernel prefixes `['conditions', name]`.
   */
  readonly warnings: ReadonlyArray<Issue>
}

/**
 * The condition half of a catalogue.
 *
 * @example
 * // A host that allows only the token type condition:
 * const onlyTokentype: ConditionCatalogue = {
 *   compile: (name, value) =>
 *     name === 'tokentype'
 *       ? conditionCatalogue.compile(name, value)
 *       : left([issue('unknown-condition', `${name} is not allowed here`)]),
 * }
 * @since 0.1.0
 */
export interface ConditionCatalogue {
  /**
   * Compiles one condition; an unknown name or an uncompilable value is a `Left` (SPEC D10, D11). Issue paths are
   * relative to the condition's value (usually `[]`); the kernel prefixes `['conditions', name]`.
   */
  readonly compile: (name: string, value: string) => Either<ReadonlyArray<Issue>, CompiledCondition>
  /**
   * The evaluation rank of a condition name (SPEC 3.0), also for a name whose value does not compile; undefined for
   * an unknown name. The kernel orders configuration errors by it, so a binding's first error names the condition
   * privacyIDEA would raise on first. Without it, errors keep the order of the conditions map.
   */
  readonly rank?: (name: string) => number | undefined
}

/**
 * What running an action for one event gives:
 * - `Intent`: the action is triggered; its intent, an optional note for the audit entry's `details`, and the request or
 *   response that later bindings see (manglers).
 * - `Declined`: the action cannot do anything for this event (privacyIDEA's `do` returning false, e.g. "no token
 *   serials found"): no intent, an audit entry with `success: false` and the reason in `details`, no abort.
 *   `runDetails`: what privacyIDEA itself reports as run details, if anything; it goes to `info` as `name (…)`.
 *   `success: true`: privacyIDEA's `do` still returns true although nothing is done (UserNotification without a
 *   recipient, SPEC 4.1); the audit entry then says `success: true`.
 * - `EvalFailure`: the binding fails (privacyIDEA's exception): no intent, failure audit, abort when configured.
 *
 * @example
 * const declined: ActionResult = { _tag: 'Declined', details: 'no token serials found' }
 * @since 0.1.0
 */
export type ActionResult =
  | {
      readonly _tag: 'Intent'
      readonly intent: Intent
      readonly details?: string
      readonly request?: Request
      readonly response?: unknown
    }
  | {
      readonly _tag: 'Declined'
      readonly details: string
      readonly runDetails?: string
      readonly success?: true
    }
  | EvalFailure

/**
 * An action compiled once from a binding's module, action and options.
 *
 * @example
 * const compiled = catalogue.handlers.module('Logging')?.compile(binding)
 * if (compiled !== undefined && isRight(compiled)) {
 *   const action: CompiledAction = compiled.right
 *   action.run(makeContext(event), binding) // { _tag: 'Intent', intent: { _tag: 'Logging.logging', ... } }
 * }
 * @since 0.1.0
 */
export interface CompiledAction {
  /** Runs the action for the current event view. Pure. */
  readonly run: (ctx: EvalContext, binding: Binding) => ActionResult
  /** `Event` paths the action's templates and targets read. */
  readonly facts: ReadonlyArray<string>
  readonly warnings: ReadonlyArray<Issue>
}

/**
 * One handler module as data.
 *
 * @example
 * const federation: ModuleDescriptor | undefined = catalogue.handlers.module('Federation')
 * federation?.positions // ['post']
 * federation?.abortOnError // true
 * @since 0.1.0
 */
export interface ModuleDescriptor {
  readonly name: string
  /** Allowed positions (SPEC 1.9). */
  readonly positions: ReadonlyArray<Position>
  /** The `abortOnError` default (SPEC 1.5: only `Federation` is true). */
  readonly abortOnError: boolean
  /** Validates the action and options and defaults them; issue paths are relative to the binding. */
  readonly compile: (binding: Binding) => Either<ReadonlyArray<Issue>, CompiledAction>
}

/**
 * The handler half of a catalogue.
 *
 * @example
 * // A host that only sends notifications:
 * const notifyOnly: HandlerCatalogue = {
 *   module: (name) => (name === 'UserNotification' ? catalogue.handlers.module(name) : undefined),
 * }
 * @since 0.1.0
 */
export interface HandlerCatalogue {
  /** The module descriptor by exact name, or undefined for an unknown module. */
  readonly module: (name: string) => ModuleDescriptor | undefined
}

/**
 * Everything the kernel needs to compile bindings.
 *
 * @example
 * const restricted: Catalogue = { conditions: conditionCatalogue, handlers: notifyOnly }
 * const engine = createEngine(restricted)
 * @since 0.1.0
 */
export interface Catalogue {
  readonly conditions: ConditionCatalogue
  readonly handlers: HandlerCatalogue
}
