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

/** What an action's compile step returns: the run function, the facts it reads and its warnings. @since 0.1.0 */
export interface ActionPlan {
  readonly run: (ctx: EvalContext, binding: Binding) => ActionResult
  readonly facts: ReadonlyArray<string>
  readonly warnings?: ReadonlyArray<Issue>
}

/** An action of a module: its option table and how a binding of it compiles. @since 0.1.0 */
export interface ActionDefinition {
  readonly spec: ActionSpec
  /** Compiles the validated, defaulted options of one binding. */
  readonly compile: (options: TypedOptions, binding: Binding) => Either<ReadonlyArray<Issue>, ActionPlan>
}

/**
 * Defines an action from its option table (kept as `const` data so the typed options are derived from it) and
 * its compile step.
 *
 * @since 0.1.0
 */
export const defineAction = <const T extends ReadonlyArray<OptionSpec>>(
  spec: { readonly name: string; readonly description: string; readonly options: T },
  compile: (options: OptionsOf<T>, binding: Binding) => Either<ReadonlyArray<Issue>, ActionPlan>,
): ActionDefinition => ({
  spec,
  // validateOptions guarantees the shape OptionsOf<T> describes: the one place the two types meet.
  compile: compile as unknown as ActionDefinition['compile'],
})

/**
 * A handler module as data: the kernel's `ModuleDescriptor` plus its description and the option tables of its
 * actions. `actionNames: 'script'` marks Script, whose actions are file names chosen by the host.
 *
 * @since 0.1.0
 */
export interface HandlerModuleDescriptor extends ModuleDescriptor {
  readonly description: string
  readonly actionNames: 'fixed' | 'script'
  /** Every action with its options (Script: one entry describing any script name). */
  readonly actions: ReadonlyArray<ActionSpec>
}

const quote = (s: string): string => JSON.stringify(s)

/** Compiles one binding with a known action definition: options first, then the action's own checks. @since 0.1.0 */
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
 * @since 0.1.0
 */
export const defineModule = (def: {
  readonly name: string
  readonly description: string
  readonly positions: ReadonlyArray<Position>
  readonly abortOnError: boolean
  readonly actions: ReadonlyArray<ActionDefinition>
}): HandlerModuleDescriptor => {
  const byName = new Map(def.actions.map((a) => [a.spec.name, a]))
  const names = def.actions.map((a) => quote(a.spec.name)).join(', ')
  return {
    name: def.name,
    description: def.description,
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

/** The fields every intent carries, for the current event view. @since 0.1.0 */
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

/** A triggered action: its intent, optional run details and the request/response later bindings see. @since 0.1.0 */
export const fired = (
  intent: Intent,
  extra: { readonly details?: string; readonly request?: Request; readonly response?: unknown } = {},
): ActionResult => ({
  _tag: 'Intent',
  intent,
  ...(extra.details !== undefined ? { details: extra.details } : {}),
  ...(extra.request !== undefined ? { request: extra.request } : {}),
  ...(extra.response !== undefined ? { response: extra.response } : {}),
})

/** privacyIDEA's `do` returning false: no intent, audit `success: false` with run details. @since 0.1.0 */
export const declined = (details: string): ActionResult => ({ _tag: 'Declined', details })

/** privacyIDEA's exception: the binding fails; `errorTag` plays the exception class name. @since 0.1.0 */
export const failed = (errorTag: string, message: string): EvalFailure => evalFailure(errorTag, message)
