/**
 * A small catalogue of toy conditions and handler modules for the kernel's tests. It depends on nothing outside
 * `src/core`, so the kernel is tested on its own, before and independently of the real catalogue.
 *
 * Conditions (rank = position in the evaluation order):
 * - `flag` (rank 0): `yes` holds, `no` does not; any other value is a configuration error (`invalid-flag`), and
 *   ` yes`/`yes ` with blanks compile with a warning.
 * - `fail` (rank 5): always an `EvalFailure` whose tag is the value (`BoomError` when empty).
 * - `realm` (rank 10): holds when the event user's realm equals the value exactly; skipped (holds) without a user.
 * - `param` (rank 20): `key=value` holds when the current request has that parameter value (manglers matter);
 *   a value without `=` is a configuration error (`invalid-param`), `key=` compiles with a warning.
 * - `throws` (rank 30): its predicate throws (a plug-in bug the kernel must contain).
 * - `memo` (rank 40): like `param`, but memoises the parameter under the fixed key `memo:<key>` in the context.
 *
 * Modules:
 * - `Notify` (pre, post; abortOnError false): `send` (intent; option `to` required), `decline` (Declined),
 *   `fail` (EvalFailure `SendError`), `throw` (the action throws).
 * - `Forward` (post only; abortOnError true, like Federation): `forward` (intent and a replaced response),
 *   `fail` (EvalFailure `ForwardError`).
 * - `SetParam` (pre, post): `set` with options `key`, `value`: intent and a request with that parameter set.
 * - `SetResponse` (post only): `set` with options `key`, `value`: intent and a response with that field set.
 *
 * Every intent records what its action saw (`sawParams`, `sawResponse`) so tests can check request/response
 * threading.
 */

import type {
  Catalogue,
  CompiledAction,
  CompiledCondition,
  ModuleDescriptor,
  Outcome,
} from '../../src/core/catalogue.js'
import { type EvalContext, memoise } from '../../src/core/context.js'
import { type Either, left, right } from '../../src/core/either.js'
import { evalFailure, type Issue, issue } from '../../src/core/errors.js'
import type { Binding, Event, Intent, Json, Request } from '../../src/core/model.js'
import type { BindingVocabulary } from '../arbitraries/binding.js'

/** The intent every toy action produces. */
export interface ToyIntent extends Intent {
  readonly options: Readonly<Record<string, string>>
  readonly sawParams: Readonly<Record<string, string>>
  readonly sawResponse?: unknown
}

/** Module defaults for abortOnError, as the catalogue describes them. */
export const TOY_ABORT_DEFAULTS: Readonly<Record<string, boolean>> = {
  Notify: false,
  Forward: true,
  SetParam: false,
  SetResponse: false,
}

const condition = (
  name: string,
  value: string,
  rank: number,
  test: (ctx: EvalContext) => Outcome,
  facts: ReadonlyArray<string>,
  warnings: ReadonlyArray<Issue> = [],
): CompiledCondition => ({
  name,
  value,
  rank,
  data: { _tag: name },
  test,
  trace: (ctx) => {
    const outcome = test(ctx)
    return {
      name,
      value,
      verdict: outcome === true ? 'pass' : outcome === false ? 'fail' : 'error',
      compared: { value },
      reason: `${name} is ${String(outcome === true || outcome === false ? outcome : outcome.errorTag)}`,
    }
  },
  facts,
  warnings,
})

const splitParam = (value: string): readonly [string, string] | undefined => {
  const eq = value.indexOf('=')
  return eq < 0 ? undefined : [value.slice(0, eq), value.slice(eq + 1)]
}

const compileCondition = (name: string, value: string): Either<ReadonlyArray<Issue>, CompiledCondition> => {
  switch (name) {
    case 'flag': {
      const v = value.trim()
      if (v !== 'yes' && v !== 'no') return left([issue('invalid-flag', `flag: "${value}" is neither yes nor no`)])
      const warnings = v === value ? [] : [issue('blank-flag', `flag: "${value}" has blanks`)]
      return right(condition(name, value, 0, () => v === 'yes', [], warnings))
    }
    case 'fail':
      return right(
        condition(name, value, 5, () => evalFailure(value === '' ? 'BoomError' : value, `${name} failed`), []),
      )
    case 'realm':
      return right(
        condition(name, value, 10, (ctx) => ctx.event.user === undefined || ctx.event.user.realm === value, [
          'user.realm',
        ]),
      )
    case 'param':
    case 'memo': {
      const kv = splitParam(value)
      if (kv === undefined) return left([issue('invalid-param', `${name}: "${value}" has no "="`)])
      const [key, expected] = kv
      const warnings = expected === '' ? [issue('empty-param', `${name}: "${value}" has an empty value`)] : []
      const read =
        name === 'param'
          ? (ctx: EvalContext) => ctx.event.request.params[key]
          : (ctx: EvalContext) => memoise(ctx, `memo:${key}`, () => ctx.event.request.params[key])
      return right(
        condition(
          name,
          value,
          name === 'param' ? 20 : 40,
          (ctx) => read(ctx) === expected,
          ['request.params'],
          warnings,
        ),
      )
    }
    case 'throws':
      return right(
        condition(
          name,
          value,
          30,
          () => {
            throw new Error('condition bug')
          },
          [],
        ),
      )
    default:
      return left([issue('unknown-condition', `unknown condition "${name}"`)])
  }
}

const intentOf = (ctx: EvalContext, binding: Binding): ToyIntent => ({
  _tag: `${binding.handlerModule}.${binding.action}`,
  bindingId: binding.id,
  bindingName: binding.name,
  handlerModule: binding.handlerModule,
  action: binding.action,
  event: ctx.event.name,
  position: ctx.event.position,
  options: binding.options,
  sawParams: ctx.event.request.params,
  ...(ctx.event.response !== undefined ? { sawResponse: ctx.event.response } : {}),
})

const action = (run: CompiledAction['run'], warnings: ReadonlyArray<Issue> = []): CompiledAction => ({
  run,
  facts: [],
  warnings,
})

const unknownAction = (binding: Binding): Either<ReadonlyArray<Issue>, CompiledAction> =>
  left([issue('unknown-action', `${binding.handlerModule} has no action "${binding.action}"`, ['action'])])

const requireOptions = (binding: Binding, names: ReadonlyArray<string>): ReadonlyArray<Issue> =>
  names
    .filter((n) => binding.options[n] === undefined)
    .map((n) => issue('missing-option', `${binding.action} needs option "${n}"`, ['options', n]))

const Notify: ModuleDescriptor = {
  name: 'Notify',
  positions: ['pre', 'post'],
  abortOnError: false,
  compile: (binding) => {
    switch (binding.action) {
      case 'send': {
        const missing = requireOptions(binding, ['to'])
        return missing.length > 0
          ? left(missing)
          : right(action((ctx, b) => ({ _tag: 'Intent', intent: intentOf(ctx, b), details: `to ${b.options.to}` })))
      }
      case 'decline':
        return right(action(() => ({ _tag: 'Declined', details: 'no recipient' })))
      case 'fail':
        return right(action(() => evalFailure('SendError', 'the mail server is a toy')))
      case 'throw':
        return right(
          action(() => {
            throw new Error('action bug')
          }),
        )
      default:
        return unknownAction(binding)
    }
  },
}

const Forward: ModuleDescriptor = {
  name: 'Forward',
  positions: ['post'],
  abortOnError: true,
  compile: (binding) => {
    switch (binding.action) {
      case 'forward':
        return right(
          action((ctx, b) => ({
            _tag: 'Intent',
            intent: intentOf(ctx, b),
            response: { forwardedBy: b.id, result: { status: true, value: true } },
          })),
        )
      case 'fail':
        return right(action(() => evalFailure('ForwardError', 'the other server is a toy')))
      default:
        return unknownAction(binding)
    }
  },
}

const setter =
  (target: 'request' | 'response'): ModuleDescriptor['compile'] =>
  (binding) => {
    if (binding.action !== 'set') return unknownAction(binding)
    const missing = requireOptions(binding, ['key', 'value'])
    if (missing.length > 0) return left(missing)
    const key = binding.options.key ?? ''
    const value = binding.options.value ?? ''
    return right(
      action((ctx, b) => {
        if (target === 'request') {
          const request: Request = { ...ctx.event.request, params: { ...ctx.event.request.params, [key]: value } }
          return { _tag: 'Intent', intent: intentOf(ctx, b), request }
        }
        const current = ctx.event.response
        const base: Readonly<Record<string, Json>> =
          typeof current === 'object' && current !== null && !Array.isArray(current)
            ? (current as Readonly<Record<string, Json>>)
            : {}
        return { _tag: 'Intent', intent: intentOf(ctx, b), response: { ...base, [key]: value } }
      }),
    )
  }

const SetParam: ModuleDescriptor = {
  name: 'SetParam',
  positions: ['pre', 'post'],
  abortOnError: false,
  compile: setter('request'),
}

const SetResponse: ModuleDescriptor = {
  name: 'SetResponse',
  positions: ['post'],
  abortOnError: false,
  compile: setter('response'),
}

const MODULES: ReadonlyMap<string, ModuleDescriptor> = new Map(
  [Notify, Forward, SetParam, SetResponse].map((m) => [m.name, m]),
)

/** Counts how often the catalogue compiled something, to prove the engine's cache. */
export interface CompileCounts {
  conditions: number
  actions: number
}

/**
 * A fresh toy catalogue with its own compile counters.
 *
 * @example
 * const { catalogue, counts } = makeToyCatalogue()
 * createEngine(catalogue).evaluate(event, bindings)
 * counts.actions // 1 per binding with a known module
 */
export const makeToyCatalogue = (): { readonly catalogue: Catalogue; readonly counts: CompileCounts } => {
  const counts: CompileCounts = { conditions: 0, actions: 0 }
  const catalogue: Catalogue = {
    conditions: {
      compile: (name, value) => {
        counts.conditions += 1
        return compileCondition(name, value)
      },
    },
    handlers: {
      module: (name) => {
        const m = MODULES.get(name)
        return m === undefined
          ? undefined
          : {
              ...m,
              compile: (b) => {
                counts.actions += 1
                return m.compile(b)
              },
            }
      },
    },
  }
  return { catalogue, counts }
}

/** A shared toy catalogue for tests that do not count compilations. */
export const toyCatalogue: Catalogue = makeToyCatalogue().catalogue

/**
 * A binding with defaults: `Notify:send` to `admin` on `post` `token_init`, active, ordering 0.
 *
 * @example
 * binding({ id: 2, conditions: { flag: 'yes' } })
 */
export const binding = (over: Partial<Binding> = {}): Binding => ({
  id: 1,
  name: 'notify admin',
  events: ['token_init'],
  handlerModule: 'Notify',
  action: 'send',
  position: 'post',
  ordering: 0,
  active: true,
  options: { to: 'admin' },
  conditions: {},
  ...over,
})

/** A minimal event: `post` `token_init` at a fixed time, with no facts but an empty request. */
export const event = (over: Partial<Event> = {}): Event => ({
  name: 'token_init',
  position: 'post',
  now: '2026-11-29T10:00:00+01:00',
  request: { params: {} },
  ...over,
})

/**
 * The toy catalogue's names for `bindingOver` (test/arbitraries/binding.ts): good and bad values of every
 * condition, option values that make the setters change `x`/`y` to values the `param` condition reads, event names
 * that match the default event vocabulary (test/arbitraries/event.ts) and names nobody knows.
 */
export const toyVocabulary: BindingVocabulary = {
  modules: {
    // Repeated actions are drawn more often.
    Notify: {
      actions: ['send', 'send', 'send', 'send', 'decline', 'fail', 'throw'],
      options: { to: ['admin', 'ops', ''] },
      weight: 4,
    },
    Forward: { actions: ['forward', 'forward', 'fail'], options: {} },
    SetParam: { actions: ['set'], options: { key: ['x', 'y'], value: ['0', '1', '2'] }, weight: 2 },
    SetResponse: { actions: ['set'], options: { key: ['detail', 'result'], value: ['gone', ''] } },
  },
  conditions: {
    // Repeated values are drawn more often: mostly values that hold, now and then bad ones.
    flag: ['yes', 'yes', 'yes', 'yes', 'no', 'no', ' yes', 'maybe'],
    realm: ['realm1', 'realm1', 'realm2', 'Realm1', ''],
    param: ['x=1', 'x=1', 'x=2', 'y=1', 'x=0', 'y=2', 'x=', 'x'],
    memo: ['x=1', 'y=2'],
  },
  rareConditions: { fail: ['BoomError', 'OtherError'], throws: [''] },
  events: ['token_init', 'validate_check', 'Token_Init', 'token_init ', 'other'],
  unknown: ['Nope', 'notify', 'nonsense', 'Flag'],
}

/** The toy vocabulary with the always-failing conditions drawn as often as the others. */
export const toyVocabularyWithFailures: BindingVocabulary = {
  ...toyVocabulary,
  conditions: { ...toyVocabulary.conditions, ...toyVocabulary.rareConditions },
}

/**
 * A vocabulary for request threading: request setters and notifications whose `param` and `memo` conditions read
 * the parameters the setters change, so that "set, then read" sequences are frequent.
 */
export const toyThreadingVocabulary: BindingVocabulary = {
  modules: {
    Notify: { actions: ['send'], options: { to: ['admin'] }, weight: 2 },
    SetParam: { actions: ['set'], options: { key: ['x'], value: ['0', '1'] }, weight: 2 },
    SetResponse: { actions: ['set'], options: { key: ['detail'], value: ['gone'] } },
  },
  conditions: { param: ['x=0', 'x=1'], memo: ['x=0', 'x=1'] },
  events: ['token_init'],
  unknown: ['Nope'],
}
