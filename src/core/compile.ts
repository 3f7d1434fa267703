/**
 * Compilation: bindings → an indexed, precompiled rule set, once. Every condition string and option is parsed
 * here and never per event. A binding with configuration errors stays in the rule set and fails whenever it is
 * selected (SPEC D11), so `evaluate` reports it instead of silently ignoring it.
 *
 * @since 0.1.0
 */
import { renderOptions } from './audit.js'
import type { Catalogue, CompiledAction, CompiledCondition } from './catalogue.js'
import { type Either, left } from './either.js'
import type { ConfigError, Issue, Path } from './errors.js'
import type { Binding, Position } from './model.js'
import { compareBindings } from './order.js'
import { shapeIssues } from './shape.js'

/**
 * One binding, compiled.
 *
 * @example
 * const cb: CompiledBinding = compileBinding(catalogue, binding, 0)
 * cb.actionDetail // "{'emailconfig': 'mail', 'To': 'tokenowner'}"
 * cb.errors.length === 0 // compiles cleanly
 * @since 0.1.0
 */
export interface CompiledBinding {
  readonly binding: Binding
  /** Index of the binding in the input array. */
  readonly index: number
  /** Conditions in the evaluation order of SPEC 3.0. */
  readonly conditions: ReadonlyArray<CompiledCondition>
  /** Undefined when the module, action or options do not compile. */
  readonly action: CompiledAction | undefined
  /** Non-empty ⇒ the binding fails whenever it is selected. */
  readonly errors: ReadonlyArray<ConfigError>
  /** Non-fatal findings of the plug-ins (SPEC D11 malformed comparisons). */
  readonly warnings: ReadonlyArray<ConfigError>
  readonly abortOnError: boolean
  /** The options rendered for the audit `actionDetail`. */
  readonly actionDetail: string
}

/**
 * Bindings by position, then by exact event name, each list in execution order.
 *
 * @example
 * const index: RuleIndex = compileWith(catalogue, bindings).index
 * index.get('post')?.get('token_init') // the post bindings of token_init, in execution order
 * @since 0.1.0
 */
export type RuleIndex = ReadonlyMap<Position, ReadonlyMap<string, ReadonlyArray<CompiledBinding>>>

/**
 * The compiled, indexed form of a list of bindings. Immutable; reuse it for every event.
 *
 * @example
 * const rules: RuleSet = compileWith(catalogue, bindings)
 * for (const e of rules.errors) logger.warn(`${formatPath(e.path)}: ${e.message}`)
 * const evaluation = evaluateRuleSet(event, rules)
 * @since 0.1.0
 */
export interface RuleSet {
  readonly _tag: 'RuleSet'
  /** Every binding, in input order. */
  readonly bindings: ReadonlyArray<CompiledBinding>
  /** Active bindings only, indexed for selection. */
  readonly index: RuleIndex
  /** Every configuration error, all at once. */
  readonly errors: ReadonlyArray<ConfigError>
}

/**
 * Tells a compiled `RuleSet` apart from a bindings array (or anything else).
 *
 * @example
 * isRuleSet(compileWith(catalogue, bindings)) // true
 * isRuleSet(bindings) // false
 * @since 0.1.0
 */
export const isRuleSet = (u: unknown): u is RuleSet =>
  typeof u === 'object' &&
  u !== null &&
  !Array.isArray(u) &&
  (u as { _tag?: unknown })._tag === 'RuleSet' &&
  (u as { index?: unknown }).index instanceof Map &&
  Array.isArray((u as { bindings?: unknown }).bindings)

const toConfigError =
  (binding: { readonly id?: unknown; readonly name?: unknown }, index: number) =>
  (i: Issue): ConfigError => ({
    _tag: 'ConfigError',
    code: i.code,
    message: i.message,
    // the id the binding's audit entries carry: its own when usable (as the stand-in keeps it), else its index
    bindingId:
      typeof binding.id === 'string' || (typeof binding.id === 'number' && Number.isFinite(binding.id))
        ? binding.id
        : index,
    bindingName: typeof binding.name === 'string' ? binding.name : '',
    path: [index, ...i.path] as Path,
  })

/** Runs a plug-in compiler; if it throws (a plug-in bug), the binding gets an `internal-error` instead. */
const guarded = <A>(
  compile: () => Either<ReadonlyArray<Issue>, A>,
  message: (reason: string) => string,
  path: Path,
): Either<ReadonlyArray<Issue>, A> => {
  try {
    return compile()
  } catch (e) {
    return left([{ code: 'internal-error', message: message(e instanceof Error ? e.message : String(e)), path }])
  }
}

/** The rank of a condition name for ordering its errors; unknown names (and a throwing `rank`) last. */
const rankOf = (catalogue: Catalogue, name: string): number => {
  try {
    return catalogue.conditions.rank?.(name) ?? Number.MAX_SAFE_INTEGER
  } catch {
    return Number.MAX_SAFE_INTEGER
  }
}

const byRank = (a: CompiledCondition, b: CompiledCondition): number =>
  a.rank - b.rank || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)

const compileConditions = (
  catalogue: Catalogue,
  conditions: Readonly<Record<string, string>>,
): { readonly compiled: ReadonlyArray<CompiledCondition>; readonly issues: ReadonlyArray<Issue> } => {
  const compiled: CompiledCondition[] = []
  const failing: Array<{ readonly rank: number; readonly issues: ReadonlyArray<Issue> }> = []
  for (const name of Object.keys(conditions)) {
    const result = guarded(
      () => catalogue.conditions.compile(name, conditions[name] ?? ''),
      (m) => `${name}: the condition compiler failed: ${m}`,
      [],
    )
    if (result._tag === 'Right') compiled.push(result.right)
    else
      failing.push({
        rank: rankOf(catalogue, name),
        issues: result.left.map((i) => ({ ...i, path: ['conditions', name, ...i.path] })),
      })
  }
  // SPEC 3.0: the first error names the condition evaluated first (a stable sort keeps the map's order for ties).
  const issues = failing.sort((a, b) => a.rank - b.rank).flatMap((f) => f.issues)
  return { compiled: compiled.sort(byRank), issues }
}

const compileAction = (
  catalogue: Catalogue,
  binding: Binding,
): { readonly action: CompiledAction | undefined; readonly abort: boolean; readonly issues: ReadonlyArray<Issue> } => {
  const module = catalogue.handlers.module(binding.handlerModule)
  if (module === undefined)
    return {
      action: undefined,
      abort: binding.abortOnError ?? false,
      issues: [
        {
          code: 'unknown-module',
          message: `unknown handler module "${binding.handlerModule}"`,
          path: ['handlerModule'],
        },
      ],
    }
  const abort = binding.abortOnError ?? module.abortOnError
  const positionIssues: ReadonlyArray<Issue> = module.positions.includes(binding.position)
    ? []
    : [
        {
          code: 'position-not-allowed',
          message: `${module.name} cannot run in position "${binding.position}"; allowed: ${module.positions.join(', ')}`,
          path: ['position'],
        },
      ]
  const result = guarded(
    () => module.compile(binding),
    (m) => `${module.name}: the module compiler failed: ${m}`,
    ['action'],
  )
  return result._tag === 'Right'
    ? { action: result.right, abort, issues: positionIssues }
    : { action: undefined, abort, issues: [...positionIssues, ...result.left] }
}

/**
 * The well-typed stand-in for a malformed binding: its usable fields, the index as id, empty strings and maps
 * elsewhere. Audit entries and the execution order then only ever see a `Binding`. It is selectable only when the
 * input was (`active` true, a valid position, an events array).
 */
const standIn = (raw: Readonly<Record<string, unknown>>, index: number): Binding => {
  const text = (u: unknown): string => (typeof u === 'string' ? u : '')
  const position = raw.position === 'pre' || raw.position === 'post' ? raw.position : undefined
  return {
    id: typeof raw.id === 'string' || (typeof raw.id === 'number' && Number.isFinite(raw.id)) ? raw.id : index,
    name: text(raw.name),
    events: Array.isArray(raw.events) ? Array.from(raw.events as unknown[]).filter((e) => typeof e === 'string') : [],
    handlerModule: text(raw.handlerModule),
    action: text(raw.action),
    position: position ?? 'post',
    ordering: typeof raw.ordering === 'number' && Number.isFinite(raw.ordering) ? raw.ordering : 0,
    active: raw.active === true && position !== undefined,
    ...(typeof raw.abortOnError === 'boolean' ? { abortOnError: raw.abortOnError } : {}),
    options: {},
    conditions: {},
  }
}

/**
 * Compiles one binding; `index` is its place in the input (for paths and the order tie-break).
 *
 * @example
 * compileBinding(catalogue, { ...binding, conditions: { last_auth: '7' } }, 3).errors
 * // [{ _tag: 'ConfigError', code: 'invalid-duration', message: 'last_auth: "7" has no unit; use s, m, h, d or y',
 * //    bindingId: 1, bindingName: 'Mail on enrolment', path: [3, 'conditions', 'last_auth'] }]
 * @since 0.1.0
 */
export const compileBinding = (catalogue: Catalogue, input: unknown, index: number): CompiledBinding => {
  const shape = shapeIssues(input)
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Partial<Binding>
  const wrap = toConfigError(raw, index)
  if (shape.length > 0) {
    const binding = standIn(raw as Readonly<Record<string, unknown>>, index)
    return {
      binding,
      index,
      conditions: [],
      action: undefined,
      errors: shape.map(wrap),
      warnings: [],
      abortOnError: binding.abortOnError ?? catalogue.handlers.module(binding.handlerModule)?.abortOnError ?? false,
      actionDetail: '{}',
    }
  }
  const binding = input as Binding
  const conditions = compileConditions(catalogue, binding.conditions)
  const action = compileAction(catalogue, binding)
  const warnings = [
    ...conditions.compiled.flatMap((c) => c.warnings.map((w) => ({ ...w, path: ['conditions', c.name, ...w.path] }))),
    ...(action.action?.warnings ?? []),
  ]
  return {
    binding,
    index,
    conditions: conditions.compiled,
    action: action.action,
    errors: [...conditions.issues, ...action.issues].map(wrap),
    warnings: warnings.map(wrap),
    abortOnError: action.abort,
    actionDetail: renderOptions(binding.options),
  }
}

const selectable = (cb: CompiledBinding): boolean => {
  const b = cb.binding as Partial<Binding>
  return b.active === true && (b.position === 'pre' || b.position === 'post') && Array.isArray(b.events)
}

const executionOrder = (a: CompiledBinding, b: CompiledBinding): number =>
  compareBindings(a.binding, b.binding) || a.index - b.index

const buildIndex = (bindings: ReadonlyArray<CompiledBinding>): RuleIndex => {
  const index = new Map<Position, Map<string, CompiledBinding[]>>([
    ['pre', new Map()],
    ['post', new Map()],
  ])
  for (const cb of [...bindings].filter(selectable).sort(executionOrder)) {
    const byName = index.get(cb.binding.position)
    if (byName === undefined) continue
    for (const name of new Set(cb.binding.events.filter((e): e is string => typeof e === 'string'))) {
      const list = byName.get(name)
      if (list === undefined) byName.set(name, [cb])
      else list.push(cb)
    }
  }
  return index
}

/**
 * Compiles bindings into an indexed rule set, once. Never throws: a binding that does not compile carries its
 * configuration errors and fails when selected.
 *
 * @example
 * const rules = compileWith(catalogue, bindings)
 * rules.errors // every configuration error, with its binding and path
 * const evaluation = evaluateRuleSet(event, rules)
 * @since 0.1.0
 */
export const compileWith = (catalogue: Catalogue, bindings: ReadonlyArray<Binding>): RuleSet => {
  if (!Array.isArray(bindings)) {
    return {
      _tag: 'RuleSet',
      bindings: [],
      index: new Map(),
      errors: [
        {
          _tag: 'ConfigError',
          code: 'invalid-bindings',
          message: 'bindings must be an array',
          bindingId: '',
          bindingName: '',
          path: [],
        },
      ],
    }
  }
  // Array.from visits holes of a sparse array (as undefined); map would skip them and leave holes behind.
  const compiled = Array.from(bindings, (b: unknown, i) => compileBinding(catalogue, b, i))
  return {
    _tag: 'RuleSet',
    bindings: compiled,
    index: buildIndex(compiled),
    errors: compiled.flatMap((c) => c.errors),
  }
}
