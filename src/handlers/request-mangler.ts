/**
 * `RequestMangler` (SPEC 4.6): delete or set request parameters. Positions pre and post. The change is applied
 * purely — a new request, never the input — and later bindings see it (SPEC 1.7); `Evaluation.request` is the
 * request after every mangler. The action always succeeds, as privacyIDEA's returns true.
 *
 * `set` without a `value` (absent; `""` is a value) changes nothing, as privacyIDEA's does; `check` warns. With
 * `match_parameter`: only when `match_pattern` is non-empty and the match parameter exists, and only when the
 * pattern (Python syntax, D14) matches the parameter's whole value; `value` is then formatted with the groups
 * (`{0}`, `{1}`, … or `{}`; a group that did not take part in the match renders `None`, as Python's `str.format`
 * renders the group's `None`). `reset_user` asks the host to reset the
 * request user when `parameter` is `realm`, `username` or `user` (privacyIDEA re-resolves the user; tripline
 * cannot, so later bindings still see the event's user).
 *
 * @since 0.1.0
 */
import { translateRegex } from '../conditions/grammar/regex.js'
import { type Either, left, right } from '../core/either.js'
import { type Issue, issue } from '../core/errors.js'
import type { Intent, Request } from '../core/model.js'
import { parseFormat, type Segment } from '../templates/format.js'
import { mergeInto } from './merge-into.js'
import { defineAction, defineModule, fired, type HandlerModuleDescriptor, intentBase } from './module.js'
import type { OptionsOf } from './options.js'
import type { UserTarget } from './targets.js'

const DELETE = [{ name: 'parameter', type: 'str', required: true }] as const

const SET = [
  { name: 'parameter', type: 'str', required: true },
  { name: 'value', type: 'str', required: true, emptyAllowed: true, invalid: 'nothing' },
  { name: 'match_parameter', type: 'str' },
  { name: 'match_pattern', type: 'str' },
  { name: 'reset_user', type: 'bool' },
] as const

/**
 * `RequestMangler.delete`: the parameter was removed (`removed`) from the request that later bindings and
 * `Evaluation.request` see; the host forwards that request to the API call (pre) or uses it for later handlers.
 *
 * @example
 * const dropPin: RequestDeleteIntent = {
 *   _tag: 'RequestMangler.delete',
 *   bindingId: 14,
 *   bindingName: 'No PIN on enrolment',
 *   handlerModule: 'RequestMangler',
 *   action: 'delete',
 *   event: 'token_init',
 *   position: 'pre',
 *   options: { parameter: 'pin' },
 *   parameter: 'pin',
 *   removed: true,
 * }
 * @since 0.1.0
 */
export interface RequestDeleteIntent extends Intent {
  readonly _tag: 'RequestMangler.delete'
  readonly options: OptionsOf<typeof DELETE>
  readonly parameter: string
  readonly removed: boolean
}

/**
 * `RequestMangler.set`: `changed` tells whether `parameter` was set to `value`. `resetUser`: the host must resolve
 * this user and make it the request user (privacyIDEA's `reset_user`).
 *
 * @example
 * // user=alice@realm2 with match_pattern (.*)@(.*): realm becomes the second group
 * const realmFromLogin: RequestSetIntent = {
 *   _tag: 'RequestMangler.set',
 *   bindingId: 15,
 *   bindingName: 'Realm from login',
 *   handlerModule: 'RequestMangler',
 *   action: 'set',
 *   event: 'validate_check',
 *   position: 'pre',
 *   options: {
 *     parameter: 'realm',
 *     value: '{1}',
 *     match_parameter: 'user',
 *     match_pattern: '(.*)@(.*)',
 *     reset_user: true,
 *   },
 *   parameter: 'realm',
 *   changed: true,
 *   value: 'realm2',
 *   resetUser: { login: 'alice@realm2', realm: 'realm2' },
 * }
 * @since 0.1.0
 */
export interface RequestSetIntent extends Intent {
  readonly _tag: 'RequestMangler.set'
  readonly options: OptionsOf<typeof SET>
  readonly parameter: string
  readonly changed: boolean
  /** The value set, when `changed`. */
  readonly value?: string
  readonly resetUser?: UserTarget
}

/**
 * The intents of the RequestMangler module.
 *
 * @example
 * const resets = evaluation.intents.filter((i): i is RequestManglerIntent => i.handlerModule === 'RequestMangler')
 * const userToReset = resets.find((i) => i._tag === 'RequestMangler.set' && i.resetUser !== undefined)
 * @since 0.1.0
 */
export type RequestManglerIntent = RequestDeleteIntent | RequestSetIntent

/**
 * The request with one parameter removed; the same request when it is absent. Never mutates.
 *
 * @example
 * deleteParam({ path: '/validate/check', params: { user: 'alice', pass: 'secret' } }, 'pass')
 * // { path: '/validate/check', params: { user: 'alice' } }
 * @since 0.1.0
 */
export const deleteParam = (request: Request, key: string): Request =>
  Object.hasOwn(request.params, key)
    ? { ...request, params: Object.fromEntries(Object.entries(request.params).filter(([k]) => k !== key)) }
    : request

/**
 * The request with one parameter set (an own property even for `__proto__`). Never mutates.
 *
 * @example
 * setParam({ path: '/validate/check', params: { user: 'alice' } }, 'realm', 'realm2')
 * // { path: '/validate/check', params: { user: 'alice', realm: 'realm2' } }
 * @since 0.1.0
 */
export const setParam = (request: Request, key: string, value: string): Request => ({
  ...request,
  params: { ...request.params, [key]: value },
})

const ownParam = (request: Request, key: string): string | undefined =>
  Object.hasOwn(request.params, key) ? request.params[key] : undefined

/** A `value` template over regex groups: literal text and group indexes. */
interface GroupTemplate {
  readonly parts: ReadonlyArray<string | number>
  readonly maxIndex: number
}

const groupTemplate = (value: string): Either<ReadonlyArray<Issue>, GroupTemplate> => {
  const path = ['options', 'value']
  const parsed = parseFormat(value)
  if (parsed._tag === 'Left')
    return left([issue('invalid-template', `value: ${parsed.left.message}; write {{ and }} for literal braces`, path)])
  const fields = parsed.right.filter((s): s is Extract<Segment, { _tag: 'Field' }> => s._tag === 'Field')
  const named = fields.find((f) => f.name !== '' && !/^\d+$/.test(f.name))
  if (named !== undefined)
    return left([
      issue('unknown-tag', `value: unknown tag {${named.name}}; use {0}, {1}, … for the groups of match_pattern`, path),
    ])
  const auto = fields.some((f) => f.name === '')
  if (auto && fields.some((f) => f.name !== ''))
    return left([issue('invalid-template', 'value: cannot mix {} with numbered groups such as {0}', path)])
  let next = 0
  const parts = parsed.right.map((s) => (s._tag === 'Literal' ? s.text : s.name === '' ? next++ : Number(s.name)))
  const maxIndex = parts.reduce<number>((m, p) => (typeof p === 'number' && p > m ? p : m), -1)
  return right({ parts, maxIndex })
}

const groupCount = (re: RegExp): number => (new RegExp(`${re.source}|`, re.flags).exec('')?.length ?? 1) - 1

const NO_VALUE = 'no value: the parameter is not changed'

const USER_PARAMS: ReadonlySet<string> = new Set(['realm', 'username', 'user'])

/** How a `set` binding behaves, decided once at compile time. */
type SetPlan =
  | { readonly _tag: 'Always'; readonly value: string }
  | { readonly _tag: 'NoValue' }
  | { readonly _tag: 'Never'; readonly reason: string }
  | {
      readonly _tag: 'Match'
      readonly matchParameter: string
      readonly regex: RegExp
      readonly template: GroupTemplate
      readonly groups: number
    }

const compileSet = (
  options: OptionsOf<typeof SET>,
): Either<ReadonlyArray<Issue>, { readonly plan: SetPlan; readonly warnings: ReadonlyArray<Issue> }> => {
  const value = options.value
  // privacyIDEA acts only when there is a value ("" is one); the option reader has warned that it is missing.
  if (value === undefined) return right({ plan: { _tag: 'NoValue' }, warnings: [] })
  const matchParameter = options.match_parameter ?? ''
  if (matchParameter === '') return right({ plan: { _tag: 'Always', value }, warnings: [] })
  const pattern = options.match_pattern ?? ''
  if (pattern === '') {
    const reason = 'match_parameter is set but match_pattern is empty: the parameter is never changed'
    return right({
      plan: { _tag: 'Never', reason },
      warnings: [issue('empty-pattern', reason, ['options', 'match_pattern'])],
    })
  }
  const regex = translateRegex(pattern, 'full')
  if (regex._tag === 'Left')
    return left([issue('invalid-regex', `match_pattern: ${regex.left}`, ['options', 'match_pattern'])])
  const template = groupTemplate(value)
  if (template._tag === 'Left') return template
  const groups = groupCount(regex.right)
  const warnings =
    template.right.maxIndex >= groups
      ? [
          issue(
            'too-few-groups',
            `value uses group {${template.right.maxIndex}} but match_pattern has ${groups} group(s): the parameter is never changed`,
            ['options', 'value'],
          ),
        ]
      : []
  return right({
    plan: { _tag: 'Match', matchParameter, regex: regex.right, template: template.right, groups },
    warnings,
  })
}

/**
 * The RequestMangler module.
 *
 * @example
 * requestManglerModule.positions // ['post', 'pre']
 * requestManglerModule.actions.map((a) => a.name) // ['delete', 'set']
 * @since 0.1.0
 */
export const requestManglerModule: HandlerModuleDescriptor = defineModule({
  name: 'RequestMangler',
  positions: ['post', 'pre'],
  abortOnError: false,
  actions: [
    defineAction({ name: 'delete', options: DELETE }, (options) =>
      right({
        facts: [`request.params.${options.parameter}`],
        run: (ctx, binding) => {
          const request = ctx.event.request
          const next = deleteParam(request, options.parameter)
          const intent: RequestDeleteIntent = mergeInto(intentBase('RequestMangler.delete', ctx, binding), {
            options,
            parameter: options.parameter,
            removed: next !== request,
          })
          return fired(intent, next !== request ? { request: next } : {})
        },
      }),
    ),
    defineAction({ name: 'set', options: SET }, (options) => {
      const compiled = compileSet(options)
      if (compiled._tag === 'Left') return compiled
      const { plan, warnings } = compiled.right
      return right({
        facts: [
          `request.params.${options.parameter}`,
          ...(plan._tag === 'Match' ? [`request.params.${plan.matchParameter}`] : []),
        ],
        warnings,
        run: (ctx, binding) => {
          const request = ctx.event.request
          const base = mergeInto(intentBase('RequestMangler.set', ctx, binding), {
            options,
            parameter: options.parameter,
          })
          const unchanged = (details?: string) => {
            const intent: RequestSetIntent = { ...base, changed: false }
            return fired(intent, details !== undefined ? { details } : {})
          }
          switch (plan._tag) {
            case 'Always': {
              const intent: RequestSetIntent = { ...base, changed: true, value: plan.value }
              return fired(intent, { request: setParam(request, options.parameter, plan.value) })
            }
            case 'NoValue':
              return unchanged(NO_VALUE)
            case 'Never':
              return unchanged()
            case 'Match': {
              const subject = ownParam(request, plan.matchParameter)
              if (subject === undefined) return unchanged()
              const m = plan.regex.exec(String(subject))
              if (m === null) return unchanged()
              if (plan.template.maxIndex >= plan.groups)
                return unchanged(
                  `value needs group ${plan.template.maxIndex}, match_pattern has ${plan.groups}; unchanged`,
                )
              // A group that did not take part in the match is Python's None, which str.format renders as 'None'.
              const value = plan.template.parts.map((p) => (typeof p === 'number' ? (m[p + 1] ?? 'None') : p)).join('')
              const next = setParam(request, options.parameter, value)
              const reset = options.reset_user && USER_PARAMS.has(options.parameter)
              const login = ownParam(next, 'username') || ownParam(next, 'user') || ''
              const intent: RequestSetIntent = {
                ...base,
                changed: true,
                value,
                ...(reset ? { resetUser: { login, realm: ownParam(next, 'realm') ?? '' } } : {}),
              }
              return fired(intent, { request: next })
            }
          }
        },
      })
    }),
  ],
})
