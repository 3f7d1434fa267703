/**
 * The scaffolding every handler module shares: actions as data plus a compile function, module descriptors with
 * their positions and `abortOnError` default, the common intent fields and the three kinds of action result.
 *
 * @since 0.1.0
 */
import type { ActionResult, CompiledAction, ModuleDescriptor } from '../core/catalogue.js'
import type { EvalContext } from '../core/context.js'
import { type Either, left, right } from '../core/either.js'
import { type EvalFailure, evalFailure, type Issue, issue } from '../core/errors.js'
import type { Binding, Intent, Position, Request } from '../core/model.js'
import { type ActionSpec, type OptionSpec, type OptionsOf, type TypedOptions, validateOptions } from './options.js'

/**
 * What an action's compile step returns: the run function, the facts it reads and its warnings.
 *
 * @example
 * const plan: ActionPlan = {
 *   facts: ['counters.logins'],
 *   run: (ctx, binding) =>
 *     fired({ ...intentBase('Counter.increase_counter', ctx, binding), counterName: 'logins' } as Intent),
 * }
 * @since 0.1.0
 */
export interface ActionPlan {
  /** Runs the action for the current event view: an intent, a decline or a failure. Pure; a throw is a plug-in bug. */
  readonly run: (ctx: EvalContext, binding: Binding) => ActionResult
  readonly facts: ReadonlyArray<string>
  readonly warnings?: ReadonlyArray<Issue>
}

/**
 * An action of a module: its option table and how a binding of it compiles.
 *
 * @example
 * const reset: ActionDefinition = defineAction(
 *   { name: 'reset_counter', options: [] },
 *   () => right({ facts: [], run: (ctx, binding) => fired(intentBase('Counter.reset_counter', ctx, binding)) }),
 * )
 * @since 0.1.0
 */
export interface ActionDefinition {
  readonly spec: ActionSpec
  /** Compiles the validated, defaulted options of one binding. */
  readonly compile: (options: TypedOptions, binding: Binding) => Either<ReadonlyArray<Issue>, ActionPlan>
}

/**
 * Defines an action from its option table (kept as `const` data so the typed options are derived from it) and
 * its compile step.
 *
 * @example
 * const OPTIONS = [{ name: 'counter_name', type: 'str', required: true }] as const
 * const increase = defineAction(
 *   { name: 'increase_counter', options: OPTIONS },
 *   (options) =>
 *     right({
 *       facts: [],
 *       run: (ctx, binding) => {
 *         const intent: CounterIncreaseIntent = {
 *           ...intentBase('Counter.increase_counter', ctx, binding),
 *           options,
 *           counterName: options.counter_name, // typed from the table: string
 *         }
 *         return fired(intent)
 *       },
 *     }),
 * )
 * @since 0.1.0
 */
export const defineAction = <const T extends ReadonlyArray<OptionSpec>>(
  spec: { readonly name: string; readonly options: T },
  compile: (options: OptionsOf<T>, binding: Binding) => Either<ReadonlyArray<Issue>, ActionPlan>,
): ActionDefinition => ({
  spec,
  // validateOptions guarantees the shape OptionsOf<T> describes: the one place the two types meet.
  compile: compile as unknown as ActionDefinition['compile'],
})

/**
 * A handler module as data: the kernel's `ModuleDescriptor` plus the option tables of its actions.
 * `actionNames: 'script'` marks Script, whose actions are file names chosen by the host. What the module, its actions
 * and options do, in words, is documentation data: `describeModule` (src/handlers/descriptions.ts) joins it in, so
 * evaluation does not carry it.
 *
 * @example
 * for (const m of MODULES)
 *   console.log(`${m.name} (${m.positions.join(', ')}): ${m.actions.map((a) => a.name).join(', ')}`)
 * // UserNotification (post, pre): sendmail, sendsms, savefile
 * // Token (post, pre): set tokenrealm, delete, unassign, ...
 * @since 0.1.0
 */
export interface HandlerModuleDescriptor extends ModuleDescriptor {
  readonly actionNames: 'fixed' | 'script'
  /** Every action with its options (Script: one entry describing any script name). */
  readonly actions: ReadonlyArray<ActionSpec>
}

const quote = (s: string): string => JSON.stringify(s)

/**
 * Compiles one binding with a known action definition: options first, then the action's own checks.
 *
 * @example
 * compileAction(increase, { ...binding, options: {} })
 * // left([{ code: 'missing-option', message: 'increase_counter: option "counter_name" is required',
 * //         path: ['options', 'counter_name'] }])
 * @since 0.1.0
 */
export const compileAction = (
  definition: ActionDefinition,
  binding: Binding,
): Either<ReadonlyArray<Issue>, CompiledAction> => {
  const validated = validateOptions(definition.spec, binding.options)
  if (validated._tag === 'Left') return validated
  const plan = definition.compile(validated.right.options, binding)
  if (plan._tag === 'Left') return plan
  return right({
    run: plan.right.run,
    facts: plan.right.facts,
    warnings: [...validated.right.warnings, ...(plan.right.warnings ?? [])],
  })
}

/**
 * Builds a module descriptor over a fixed list of actions. Action lookup is by exact name through a `Map`, so
 * `__proto__` or `constructor` are unknown actions like any other.
 *
 * @example
 * const counter = defineModule({
 *   name: 'Counter',
 *   positions: ['post', 'pre'],
 *   abortOnError: false,
 *   actions: [increase, reset],
 * })
 * counter.compile({ ...binding, action: 'Increase_counter' })
 * // left([{ code: 'unknown-action', message: 'Counter has no action "Increase_counter" (names are case-sensitive:
 * //   did you mean "increase_counter"?); actions: "increase_counter", "reset_counter"', path: ['action'] }])
 * @since 0.1.0
 */
export const defineModule = (def: {
  readonly name: string
  readonly positions: ReadonlyArray<Position>
  readonly abortOnError: boolean
  readonly actions: ReadonlyArray<ActionDefinition>
}): HandlerModuleDescriptor => {
  const byName = new Map(def.actions.map((a) => [a.spec.name, a]))
  const names = def.actions.map((a) => quote(a.spec.name)).join(', ')
  return {
    name: def.name,
    positions: def.positions,
    abortOnError: def.abortOnError,
    actionNames: 'fixed',
    actions: def.actions.map((a) => a.spec),
    compile: (binding) => {
      const definition = byName.get(binding.action)
      if (definition !== undefined) return compileAction(definition, binding)
      const near = def.actions.find((a) => a.spec.name.toLowerCase() === binding.action.toLowerCase())
      const hint = near !== undefined ? ` (names are case-sensitive: did you mean ${quote(near.spec.name)}?)` : ''
      return left([
        issue('unknown-action', `${def.name} has no action ${quote(binding.action)}${hint}; actions: ${names}`, [
          'action',
        ]),
      ])
    },
  }
}

/**
 * The fields every intent carries, for the current event view.
 *
 * @example
 * intentBase('Token.disable', makeContext(event), binding)
 * // { _tag: 'Token.disable', bindingId: 1, bindingName: 'Disable after failures', handlerModule: 'Token',
 * //   action: 'disable', event: 'validate_check', position: 'post' }
 * @since 0.1.0
 */
export const intentBase = <Tag extends string>(
  tag: Tag,
  ctx: EvalContext,
  binding: Binding,
): Intent & { readonly _tag: Tag } => ({
  _tag: tag,
  bindingId: binding.id,
  bindingName: binding.name,
  handlerModule: binding.handlerModule,
  action: binding.action,
  event: ctx.event.name,
  position: ctx.event.position,
})

/**
 * A triggered action: its intent, an optional note for the audit entry's `details` and the request/response later
 * bindings see.
 *
 * @example
 * fired(intent, { request: { ...ctx.event.request, params: { ...ctx.event.request.params, realm: 'realm2' } } })
 * // { _tag: 'Intent', intent, request: { ..., params: { ..., realm: 'realm2' } } }
 * @since 0.1.0
 */
export const fired = (
  intent: Intent,
  extra: { readonly details?: string; readonly request?: Request; readonly response?: unknown } = {},
): ActionResult => {
  // Plain stores instead of conditional spreads: this runs once per triggered binding (issue 6).
  const result: { _tag: 'Intent'; intent: Intent; details?: string; request?: Request; response?: unknown } = {
    _tag: 'Intent',
    intent,
  }
  if (extra.details !== undefined) result.details = extra.details
  if (extra.request !== undefined) result.request = extra.request
  if (extra.response !== undefined) result.response = extra.response
  return result
}

/**
 * privacyIDEA's `do` returning false: no intent, audit `success: false`, the reason in the audit entry's `details`
 * (privacyIDEA only logs it). `{ runDetails: true }` when privacyIDEA reports the reason as run details, so that it
 * also appears in `info` as `name (reason)`; `{ success: true }` when privacyIDEA's `do` returns true although it did
 * nothing (UserNotification without a recipient, SPEC 4.1).
 *
 * @example
 * declined('no token serials found') // { _tag: 'Declined', details: 'no token serials found' }
 * declined('No recipient found', { runDetails: true, success: true }) // info: 'name (No recipient found)', success: true
 * @since 0.1.0
 */
export const declined = (
  details: string,
  how: { readonly runDetails?: boolean; readonly success?: boolean } = {},
): ActionResult => ({
  _tag: 'Declined',
  details,
  ...(how.runDetails === true ? { runDetails: details } : {}),
  ...(how.success === true ? { success: true as const } : {}),
})

/**
 * privacyIDEA's exception: the binding fails; `errorTag` plays the exception class name.
 *
 * @example
 * failed('TypeError', "'list' object does not support item assignment at /detail")
 * // { _tag: 'EvalFailure', errorTag: 'TypeError',
 * //   message: "'list' object does not support item assignment at /detail" }
 * @since 0.1.0
 */
export const failed = (errorTag: string, message: string): EvalFailure => evalFailure(errorTag, message)
