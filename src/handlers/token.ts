/**
 * `Token` (SPEC 4.2): token actions. Positions pre and post. Every action except `enroll` applies to each serial
 * of the event (`event.serial` split on commas, else the event's single token, SPEC 1.8); without one it declines
 * ("no token serials found"). The host carries the changes out per serial.
 *
 * Option templates: `set description` and `set tokeninfo` render `{now}`/`{current_time}` (each with its own offset,
 * D5, D6, D18) in the offset of `event.now`, `{client_ip}`, `{ua_browser}`, `{ua_string}`, and for `set tokeninfo`
 * `{username}`/`{realm}` of the user in event (D4). `set random pin` derives its PINs from `event.entropy` (D16)
 * and writes the last one to the response's `detail.pin` (post only: in pre it fails, as privacyIDEA raises).
 *
 * @since 0.1.0
 */
import { eventNow, eventOffset } from '../conditions/grammar/clock.js'
import { inDatetimeRange } from '../conditions/grammar/date.js'
import { dateOverflow, outOfRangePlaceholder } from '../conditions/grammar/now.js'
import type { ActionResult } from '../core/catalogue.js'
import type { EvalContext } from '../core/context.js'
import { type Either, left, right } from '../core/either.js'
import { type EvalFailure, type Issue, issue } from '../core/errors.js'
import type { Binding, Intent, Json } from '../core/model.js'
import { eventUser, userInfo } from '../templates/tags.js'
import {
  compileTokenTemplate,
  DESCRIPTION_TAGS,
  renderTokenTemplate,
  TOKENINFO_TAGS,
  type TokenTemplate,
} from '../templates/token.js'
import { ALPHANUMERIC, type DrawRequest, deriveString, entropyOf } from './entropy.js'
import { parseAdditionalParams } from './init-params.js'
import { mergeInto } from './merge-into.js'
import {
  type ActionDefinition,
  type ActionPlan,
  declined,
  defineAction,
  defineModule,
  failed,
  fired,
  type HandlerModuleDescriptor,
  intentBase,
} from './module.js'
import type { OptionSpec, OptionsOf } from './options.js'
import { isJsonObject, responseContent } from './response-mangler.js'
import { namedContainer, tokenSerials, type UserTarget, userTarget } from './targets.js'
import { compileValidity, renderValidity, type ValidityDate } from './validity.js'

const NONE = [] as const

const SET_TOKENREALM = [
  { name: 'realm', type: 'str', required: true },
  { name: 'only_realm', type: 'bool' },
] as const

const SET_RANDOM_PIN = [{ name: 'length', type: 'int', required: true, default: '6', min: 1, max: 31 }] as const

const ENROLL = [
  { name: 'tokentype', type: 'str', required: true },
  { name: 'user', type: 'bool' },
  { name: 'realm', type: 'str', default: '' },
  { name: 'dynamic_phone', type: 'bool' },
  { name: 'dynamic_email', type: 'bool' },
  { name: 'smtp_identifier', type: 'str' },
  { name: 'sms_identifier', type: 'str' },
  { name: 'additional_params', type: 'text' },
  { name: 'motppin', type: 'str' },
  { name: 'container', type: 'bool' },
] as const

const SET_DESCRIPTION = [{ name: 'description', type: 'str', default: '' }] as const

const SET_VALIDITY = [
  { name: 'valid from', type: 'str' },
  { name: 'valid till', type: 'str' },
] as const

// privacyIDEA runs int(options.get("count window", 50)): absent is 50, a stored "" raises (D11).
const SET_COUNTWINDOW = [
  { name: 'count window', type: 'int', required: true, default: '50', emptyAllowed: true },
] as const

const SET_TOKENINFO = [
  { name: 'key', type: 'str', required: true },
  { name: 'value', type: 'str', default: '' },
] as const

const INCREASE_TOKENINFO = [
  { name: 'key', type: 'str', required: true },
  { name: 'increment', type: 'int', default: '1', emptyAllowed: true, invalid: 'nothing' },
] as const

const DELETE_TOKENINFO = [{ name: 'key', type: 'str', required: true }] as const

// privacyIDEA catches the exception of int() on the stored text, "" and None included: a warning, nothing changes.
const SET_FAILCOUNTER = [
  { name: 'fail counter', type: 'int', required: true, emptyAllowed: true, invalid: 'nothing' },
] as const

const SET_MAXFAIL = [
  { name: 'max failcount', type: 'int', required: true, emptyAllowed: true, invalid: 'nothing' },
] as const

const CHANGE_FAILCOUNTER = [
  { name: 'change fail counter', type: 'int', required: true, emptyAllowed: true, invalid: 'nothing' },
] as const

const TOKENGROUP = [{ name: 'tokengroup', type: 'str', required: true }] as const

const APPLICATIONS = ['ssh', 'offline', 'luks'] as const

type Application = (typeof APPLICATIONS)[number]

const ATTACH_APPLICATION = [
  { name: 'application', type: 'str', required: true, values: APPLICATIONS, invalid: 'nothing' },
  { name: 'machine ID', type: 'str' },
  { name: 'service_id', type: 'str' },
  { name: 'user', type: 'str' },
  { name: 'count', type: 'str' },
  { name: 'rounds', type: 'str' },
  { name: 'slot', type: 'str' },
  { name: 'partition', type: 'str' },
] as const

/**
 * The fields of every per-token intent.
 *
 * @example
 * const target: TokenTargetIntent = {
 *   _tag: 'Token.disable',
 *   bindingId: 4,
 *   bindingName: 'Disable after failures',
 *   handlerModule: 'Token',
 *   action: 'disable',
 *   event: 'validate_check',
 *   position: 'post',
 *   serials: ['HOTP1', 'TOTP2'], // event.serial 'HOTP1, TOTP2'
 * }
 * @since 0.1.0
 */
export interface TokenTargetIntent extends Intent {
  /** The serials to change, in order. */
  readonly serials: ReadonlyArray<string>
}

/**
 * `Token.set tokenrealm`: add `realm` to each token's realms, or make it the only one (`onlyRealm`).
 *
 * @example
 * for (const i of evaluation.intents)
 *   if (i._tag === 'Token.set tokenrealm')
 *     for (const serial of i.serials) host.setTokenRealm(serial, i.realm, { replaceOthers: i.onlyRealm })
 * @since 0.1.0
 */
export interface TokenSetRealmIntent extends TokenTargetIntent {
  readonly _tag: 'Token.set tokenrealm'
  readonly options: OptionsOf<typeof SET_TOKENREALM>
  readonly realm: string
  readonly onlyRealm: boolean
}

/**
 * `Token.delete`: delete each token.
 *
 * @example
 * for (const i of evaluation.intents)
 *   if (i._tag === 'Token.delete') for (const serial of i.serials) host.deleteToken(serial)
 * @since 0.1.0
 */
export interface TokenDeleteIntent extends TokenTargetIntent {
  readonly _tag: 'Token.delete'
  readonly options: OptionsOf<typeof NONE>
}

/**
 * `Token.unassign`: unassign each token from its user.
 *
 * @example
 * for (const i of evaluation.intents)
 *   if (i._tag === 'Token.unassign') for (const serial of i.serials) host.unassignToken(serial)
 * @since 0.1.0
 */
export interface TokenUnassignIntent extends TokenTargetIntent {
  readonly _tag: 'Token.unassign'
  readonly options: OptionsOf<typeof NONE>
}

/**
 * `Token.disable`: disable each token.
 *
 * @example
 * const disable: TokenDisableIntent = {
 *   _tag: 'Token.disable',
 *   bindingId: 4,
 *   bindingName: 'Disable after failures',
 *   handlerModule: 'Token',
 *   action: 'disable',
 *   event: 'validate_check',
 *   position: 'post',
 *   options: {},
 *   serials: ['TOTP0001'],
 * }
 * @since 0.1.0
 */
export interface TokenDisableIntent extends TokenTargetIntent {
  readonly _tag: 'Token.disable'
  readonly options: OptionsOf<typeof NONE>
}

/**
 * `Token.enable`: enable each token.
 *
 * @example
 * for (const i of evaluation.intents)
 *   if (i._tag === 'Token.enable') for (const serial of i.serials) host.enableToken(serial)
 * @since 0.1.0
 */
export interface TokenEnableIntent extends TokenTargetIntent {
  readonly _tag: 'Token.enable'
  readonly options: OptionsOf<typeof NONE>
}

/**
 * One serial and the PIN to set on it.
 *
 * @example
 * const pin: SerialPin = { serial: 'TOTP0001', pin: '9QBHqKvs' }
 * @since 0.1.0
 */
export interface SerialPin {
  readonly serial: string
  readonly pin: string
}

/**
 * `Token.set random pin`: set `pins` (one per serial, from `event.entropy`); the response later bindings see
 * already has the last one in `detail.pin`. Without entropy `draw` asks the host to draw a PIN of `draw.length`
 * characters of `draw.alphabet` per serial, set it and write the last one to the response's `detail.pin`.
 *
 * @example
 * const randomPin: TokenSetRandomPinIntent = {
 *   _tag: 'Token.set random pin',
 *   bindingId: 16,
 *   bindingName: 'Random PIN on enrolment',
 *   handlerModule: 'Token',
 *   action: 'set random pin',
 *   event: 'token_init',
 *   position: 'post',
 *   options: { length: 8 },
 *   serials: ['TOTP0001'],
 *   length: 8,
 *   pins: [{ serial: 'TOTP0001', pin: '9QBHqKvs' }], // without event.entropy: draw: { length: 8, alphabet }
 * }
 * @since 0.1.0
 */
export interface TokenSetRandomPinIntent extends TokenTargetIntent {
  readonly _tag: 'Token.set random pin'
  readonly options: OptionsOf<typeof SET_RANDOM_PIN>
  readonly length: number
  readonly pins?: ReadonlyArray<SerialPin>
  readonly draw?: DrawRequest
}

/**
 * `Token.enroll`: create a token with init parameters `params` (privacyIDEA's `init_token` parameters: `type`,
 * `genkey`, `realm`, the additional parameters, and user-derived `phone`/`email`/`dynamic_*`/identifiers/`motppin`),
 * assign it to `user` when present, and add it to `container` when present.
 *
 * @example
 * const enroll: TokenEnrollIntent = {
 *   _tag: 'Token.enroll',
 *   bindingId: 17,
 *   bindingName: 'Email token for new users',
 *   handlerModule: 'Token',
 *   action: 'enroll',
 *   event: 'user_add',
 *   position: 'post',
 *   options: {
 *     tokentype: 'email',
 *     user: true,
 *     realm: '',
 *     dynamic_phone: false,
 *     dynamic_email: true,
 *     container: false,
 *   },
 *   tokentype: 'email',
 *   params: { type: 'email', genkey: 1, realm: '', dynamic_email: 1 },
 *   user: { login: 'alice', realm: 'realm1', resolver: 'resolver1' },
 * }
 * @since 0.1.0
 */
export interface TokenEnrollIntent extends Intent {
  readonly _tag: 'Token.enroll'
  readonly options: OptionsOf<typeof ENROLL>
  readonly tokentype: string
  readonly params: Readonly<Record<string, Json>>
  readonly user?: UserTarget
  readonly container?: string
}

/**
 * `Token.set description`: set each token's description to the rendered `description`.
 *
 * @example
 * // option description 'enrolled {now} from {client_ip}'
 * for (const i of evaluation.intents)
 *   if (i._tag === 'Token.set description') // i.description: 'enrolled 2026-11-29 10:00:00.000000+0100 from 10.0.0.5'
 *     for (const serial of i.serials) host.setDescription(serial, i.description)
 * @since 0.1.0
 */
export interface TokenSetDescriptionIntent extends TokenTargetIntent {
  readonly _tag: 'Token.set description'
  readonly options: OptionsOf<typeof SET_DESCRIPTION>
  readonly description: string
}

/**
 * `Token.set validity`: set each token's validity period start and/or end (stored as `YYYY-MM-DDTHH:MM±hhmm`; a
 * fixed date without offset is stored without one).
 *
 * @example
 * // options 'valid from': '+0d', 'valid till': '+30d'; event.now '2026-11-29T10:00:00+01:00'
 * const validity: TokenSetValidityIntent = {
 *   _tag: 'Token.set validity',
 *   bindingId: 18,
 *   bindingName: 'Thirty days',
 *   handlerModule: 'Token',
 *   action: 'set validity',
 *   event: 'token_init',
 *   position: 'post',
 *   options: { 'valid from': '+0d', 'valid till': '+30d' },
 *   serials: ['TOTP0001'],
 *   validFrom: '2026-11-29T10:00+0100',
 *   validTill: '2026-12-29T10:00+0100',
 * }
 * @since 0.1.0
 */
export interface TokenSetValidityIntent extends TokenTargetIntent {
  readonly _tag: 'Token.set validity'
  readonly options: OptionsOf<typeof SET_VALIDITY>
  readonly validFrom?: string
  readonly validTill?: string
}

/**
 * `Token.set countwindow`: set each token's count window to `countWindow`.
 *
 * @example
 * for (const i of evaluation.intents)
 *   if (i._tag === 'Token.set countwindow') for (const serial of i.serials) host.setCountWindow(serial, i.countWindow)
 * @since 0.1.0
 */
export interface TokenSetCountWindowIntent extends TokenTargetIntent {
  readonly _tag: 'Token.set countwindow'
  readonly options: OptionsOf<typeof SET_COUNTWINDOW>
  readonly countWindow: number
}

/**
 * `Token.set tokeninfo`: set tokeninfo `key` to the rendered `value`.
 *
 * @example
 * const info: TokenSetTokeninfoIntent = {
 *   _tag: 'Token.set tokeninfo',
 *   bindingId: 19,
 *   bindingName: 'Remember the enroller',
 *   handlerModule: 'Token',
 *   action: 'set tokeninfo',
 *   event: 'token_init',
 *   position: 'post',
 *   options: { key: 'enrolled_by', value: '{username}@{realm}' },
 *   serials: ['TOTP0001'],
 *   key: 'enrolled_by',
 *   value: 'alice@realm1',
 * }
 * @since 0.1.0
 */
export interface TokenSetTokeninfoIntent extends TokenTargetIntent {
  readonly _tag: 'Token.set tokeninfo'
  readonly options: OptionsOf<typeof SET_TOKENINFO>
  readonly key: string
  readonly value: string
}

/**
 * `Token.increase tokeninfo`: add `increment` to the integer tokeninfo `key` (missing counts as 0; a stored value
 * that is not an integer is left unchanged with a warning). `increment: null`: the option is not an integer (`""`
 * included), change nothing — the action still succeeds, the audit `details` say why.
 *
 * @example
 * for (const i of evaluation.intents)
 *   if (i._tag === 'Token.increase tokeninfo' && i.increment !== null)
 *     for (const serial of i.serials) host.addToTokeninfo(serial, i.key, i.increment)
 * @since 0.1.0
 */
export interface TokenIncreaseTokeninfoIntent extends TokenTargetIntent {
  readonly _tag: 'Token.increase tokeninfo'
  readonly options: OptionsOf<typeof INCREASE_TOKENINFO>
  readonly key: string
  readonly increment: number | null
}

/**
 * `Token.delete tokeninfo`: delete tokeninfo `key` of each token.
 *
 * @example
 * for (const i of evaluation.intents)
 *   if (i._tag === 'Token.delete tokeninfo') for (const serial of i.serials) host.deleteTokeninfo(serial, i.key)
 * @since 0.1.0
 */
export interface TokenDeleteTokeninfoIntent extends TokenTargetIntent {
  readonly _tag: 'Token.delete tokeninfo'
  readonly options: OptionsOf<typeof DELETE_TOKENINFO>
  readonly key: string
}

/**
 * `Token.set failcounter`; `failCounter: null`: the option is not an integer (`""` or absent included), change
 * nothing (privacyIDEA warns; the action still succeeds, the audit `details` say why).
 *
 * @example
 * for (const i of evaluation.intents)
 *   if (i._tag === 'Token.set failcounter' && i.failCounter !== null)
 *     for (const serial of i.serials) host.setFailCounter(serial, i.failCounter)
 * @since 0.1.0
 */
export interface TokenSetFailcounterIntent extends TokenTargetIntent {
  readonly _tag: 'Token.set failcounter'
  readonly options: OptionsOf<typeof SET_FAILCOUNTER>
  readonly failCounter: number | null
}

/**
 * `Token.set max failcount`; `maxFailcount: null`: the option is not an integer (`""` or absent included), change
 * nothing.
 *
 * @example
 * for (const i of evaluation.intents)
 *   if (i._tag === 'Token.set max failcount' && i.maxFailcount !== null)
 *     for (const serial of i.serials) host.setMaxFail(serial, i.maxFailcount)
 * @since 0.1.0
 */
export interface TokenSetMaxFailcountIntent extends TokenTargetIntent {
  readonly _tag: 'Token.set max failcount'
  readonly options: OptionsOf<typeof SET_MAXFAIL>
  readonly maxFailcount: number | null
}

/**
 * `Token.change failcounter`: add `change` to the fail counter; `null` (the option is not an integer, `""` or absent
 * included): change nothing.
 *
 * @example
 * // option 'change fail counter': '-1'
 * for (const i of evaluation.intents)
 *   if (i._tag === 'Token.change failcounter' && i.change !== null)
 *     for (const serial of i.serials) host.addToFailCounter(serial, i.change) // i.change: -1
 * @since 0.1.0
 */
export interface TokenChangeFailcounterIntent extends TokenTargetIntent {
  readonly _tag: 'Token.change failcounter'
  readonly options: OptionsOf<typeof CHANGE_FAILCOUNTER>
  readonly change: number | null
}

/**
 * `Token.add tokengroup`: add each token to `tokengroup` (errors: warning only).
 *
 * @example
 * for (const i of evaluation.intents)
 *   if (i._tag === 'Token.add tokengroup') for (const serial of i.serials) host.addToGroup(serial, i.tokengroup)
 * @since 0.1.0
 */
export interface TokenAddTokengroupIntent extends TokenTargetIntent {
  readonly _tag: 'Token.add tokengroup'
  readonly options: OptionsOf<typeof TOKENGROUP>
  readonly tokengroup: string
}

/**
 * `Token.remove tokengroup`: remove each token from `tokengroup` (errors: warning only).
 *
 * @example
 * for (const i of evaluation.intents)
 *   if (i._tag === 'Token.remove tokengroup')
 *     for (const serial of i.serials) host.removeFromGroup(serial, i.tokengroup)
 * @since 0.1.0
 */
export interface TokenRemoveTokengroupIntent extends TokenTargetIntent {
  readonly _tag: 'Token.remove tokengroup'
  readonly options: OptionsOf<typeof TOKENGROUP>
  readonly tokengroup: string
}

/**
 * `Token.attach application`: attach each token to `machineId` for `application` with `applicationOptions`
 * (the options given among `count`, `rounds`, `slot`, `partition`, `user`, `service_id`). Errors: warning only.
 * `application: null`: the option is absent or not one of `ssh`, `offline`, `luks` — attach nothing (privacyIDEA
 * warns; the action still succeeds, the audit `details` say why), like a `null` fail counter.
 *
 * @example
 * const attach: TokenAttachApplicationIntent = {
 *   _tag: 'Token.attach application',
 *   bindingId: 20,
 *   bindingName: 'SSH key to web01',
 *   handlerModule: 'Token',
 *   action: 'attach application',
 *   event: 'token_init',
 *   position: 'post',
 *   options: { application: 'ssh', 'machine ID': 'web01', service_id: 'webservers', user: 'root' },
 *   serials: ['SSHK0001'],
 *   application: 'ssh',
 *   machineId: 'web01',
 *   applicationOptions: { user: 'root', service_id: 'webservers' },
 * }
 * @since 0.1.0
 */
export interface TokenAttachApplicationIntent extends TokenTargetIntent {
  readonly _tag: 'Token.attach application'
  readonly options: OptionsOf<typeof ATTACH_APPLICATION>
  readonly application: Application | null
  readonly machineId?: string
  readonly applicationOptions: Readonly<Record<string, string>>
}

/**
 * The intents of the Token module.
 *
 * @example
 * const tokenChanges = evaluation.intents.filter((i): i is TokenIntent => i.handlerModule === 'Token')
 * @since 0.1.0
 */
export type TokenIntent =
  | TokenSetRealmIntent
  | TokenDeleteIntent
  | TokenUnassignIntent
  | TokenDisableIntent
  | TokenEnableIntent
  | TokenSetRandomPinIntent
  | TokenEnrollIntent
  | TokenSetDescriptionIntent
  | TokenSetValidityIntent
  | TokenSetCountWindowIntent
  | TokenSetTokeninfoIntent
  | TokenIncreaseTokeninfoIntent
  | TokenDeleteTokeninfoIntent
  | TokenSetFailcounterIntent
  | TokenSetMaxFailcountIntent
  | TokenChangeFailcounterIntent
  | TokenAddTokengroupIntent
  | TokenRemoveTokengroupIntent
  | TokenAttachApplicationIntent

/**
 * Why a per-token action declines when the event names no token (privacyIDEA logs it; the audit `details` here).
 *
 * @example
 * const skipped = evaluation.audit.filter((a) => !a.success && a.details === NO_SERIALS)
 * @since 0.1.0
 */
export const NO_SERIALS = 'no token serials found'

type PerToken<T extends TokenIntent> = Omit<T, keyof TokenTargetIntent | 'options'>

/**
 * A per-token action: declines without serials; `fields` adds the action's fields for the current event (or fails).
 */
const perToken = <const S extends ReadonlyArray<OptionSpec>, I extends TokenIntent>(
  tag: I['_tag'],
  spec: { readonly name: string; readonly options: S },
  plan: (options: OptionsOf<S>) => Either<
    ReadonlyArray<Issue>,
    {
      readonly facts?: ReadonlyArray<string>
      readonly warnings?: ReadonlyArray<Issue>
      readonly fields: (
        ctx: EvalContext,
        serials: ReadonlyArray<string>,
        binding: Binding,
      ) =>
        | {
            readonly _tag: 'Fields'
            readonly fields: PerToken<I>
            readonly response?: unknown
            readonly details?: string
          }
        | ActionResult
    }
  >,
): ActionDefinition =>
  defineAction(spec, (options) => {
    const p = plan(options)
    if (p._tag === 'Left') return p
    const compiled: ActionPlan = {
      facts: ['serial', 'token.serial', ...(p.right.facts ?? [])],
      ...(p.right.warnings !== undefined ? { warnings: p.right.warnings } : {}),
      run: (ctx, binding) => {
        const serials = tokenSerials(ctx.event)
        if (serials.length === 0) return declined(NO_SERIALS)
        const out = p.right.fields(ctx, serials, binding)
        if (out._tag !== 'Fields') return out
        const intent = mergeInto(intentBase(tag, ctx, binding), { options, serials, ...out.fields }) as unknown as I
        return fired(intent, {
          ...(out.response !== undefined ? { response: out.response } : {}),
          ...(out.details !== undefined ? { details: out.details } : {}),
        })
      },
    }
    return right(compiled)
  })

/** Fields that do not depend on the event, with a note for the audit `details` when there is one. */
const constant = <I extends TokenIntent>(fields: PerToken<I>, details?: string) => {
  const result =
    details === undefined ? ({ _tag: 'Fields', fields } as const) : ({ _tag: 'Fields', fields, details } as const)
  return () => result
}

/** The note of an action whose integer option is absent or not an integer: it fires and changes nothing. */
const NOT_AN_INTEGER = 'not an integer: nothing is changed'

/** The note for an integer option privacyIDEA only warns about: absent or not an integer, the action changes nothing. */
const integerNote = (n: number | null | undefined): string | undefined =>
  typeof n === 'number' ? undefined : NOT_AN_INTEGER

const CLOCK_FAILURE = failed('ValueError', 'event.now is not a date-time: the time cannot be rendered')

/**
 * A Token option template rendered for this event, or the failure privacyIDEA raises: no clock (`ValueError`), or a
 * `{now}` offset that lands outside the years 1 to 9999 (`OverflowError`).
 */
const renderOption = (template: TokenTemplate, ctx: EvalContext): string | EvalFailure => {
  if (template.usesClock) {
    const now = eventNow(ctx)
    const overflow = Number.isFinite(now) ? outOfRangePlaceholder(template, now, eventOffset(ctx)) : undefined
    if (overflow !== undefined) return dateOverflow(overflow, ctx.event.now)
  }
  return renderTokenTemplate(template, ctx) ?? CLOCK_FAILURE
}

const setRandomPin = (
  ctx: EvalContext,
  serials: ReadonlyArray<string>,
  binding: Binding,
  length: number,
):
  | {
      readonly _tag: 'Fields'
      readonly fields: PerToken<TokenSetRandomPinIntent>
      readonly response?: unknown
      readonly details?: string
    }
  | ActionResult => {
  if (ctx.event.position === 'pre')
    return failed('AttributeError', 'set random pin writes the PIN into the response, which pre handlers do not have')
  const entropy = entropyOf(ctx.event.entropy)
  if (entropy === undefined)
    return {
      _tag: 'Fields',
      fields: { length, draw: { length, alphabet: ALPHANUMERIC } },
      details: 'no entropy in the event: the host draws the PINs',
    }
  const pins = serials.map((serial) => ({
    serial,
    pin: deriveString(entropy, `${String(binding.id)}\u0000set random pin\u0000${serial}`, length, ALPHANUMERIC),
  }))
  const content = responseContent(ctx.event.response)
  const detail = Object.hasOwn(content, 'detail') ? content.detail : {}
  if (!isJsonObject(detail))
    return failed('TypeError', "the response's detail is not an object: detail.pin cannot be set")
  const last = pins[pins.length - 1] as SerialPin
  return {
    _tag: 'Fields',
    fields: { length, pins },
    response: { ...content, detail: { ...detail, pin: last.pin } },
  }
}

const enrollParams = (
  ctx: EvalContext,
  options: OptionsOf<typeof ENROLL>,
  additional: ReadonlyArray<readonly [string, Json]>,
): Record<string, Json> => {
  const params: Record<string, Json> = { type: options.tokentype, genkey: 1, realm: options.realm }
  for (const [k, v] of additional)
    Object.defineProperty(params, k, { value: v, enumerable: true, writable: true, configurable: true })
  if (!options.user || eventUser(ctx.event) === undefined) return params
  const set = (k: string, v: Json): void => {
    params[k] = v
  }
  if (options.tokentype === 'sms') {
    if (options.dynamic_phone) set('dynamic_phone', 1)
    else set('phone', userInfo(ctx.event, 'mobile'))
    if (options.sms_identifier !== undefined) set('sms.identifier', options.sms_identifier)
  } else if (options.tokentype === 'email') {
    if (options.dynamic_email) set('dynamic_email', 1)
    else set('email', userInfo(ctx.event, 'email'))
    if (options.smtp_identifier !== undefined) set('email.identifier', options.smtp_identifier)
  } else if (options.tokentype === 'motp') set('motppin', options.motppin ?? '')
  return params
}

const templateIssue = (path: ReadonlyArray<string>, reason: string) => [issue('invalid-option', reason, path)]

/**
 * The Token module.
 *
 * @example
 * tokenModule.actions.length // 19
 * tokenModule.actions.find((a) => a.name === 'set random pin')?.options[0]?.default // '6'
 * @since 0.1.0
 */
export const tokenModule: HandlerModuleDescriptor = defineModule({
  name: 'Token',
  positions: ['post', 'pre'],
  abortOnError: false,
  actions: [
    perToken<typeof SET_TOKENREALM, TokenSetRealmIntent>(
      'Token.set tokenrealm',
      {
        name: 'set tokenrealm',
        options: SET_TOKENREALM,
      },
      (o) => right({ fields: constant<TokenSetRealmIntent>({ realm: o.realm, onlyRealm: o.only_realm }) }),
    ),
    perToken<typeof NONE, TokenDeleteIntent>('Token.delete', { name: 'delete', options: NONE }, () =>
      right({ fields: constant<TokenDeleteIntent>({}) }),
    ),
    perToken<typeof NONE, TokenUnassignIntent>('Token.unassign', { name: 'unassign', options: NONE }, () =>
      right({ fields: constant<TokenUnassignIntent>({}) }),
    ),
    perToken<typeof NONE, TokenDisableIntent>('Token.disable', { name: 'disable', options: NONE }, () =>
      right({ fields: constant<TokenDisableIntent>({}) }),
    ),
    perToken<typeof NONE, TokenEnableIntent>('Token.enable', { name: 'enable', options: NONE }, () =>
      right({ fields: constant<TokenEnableIntent>({}) }),
    ),
    perToken<typeof SET_RANDOM_PIN, TokenSetRandomPinIntent>(
      'Token.set random pin',
      {
        name: 'set random pin',
        options: SET_RANDOM_PIN,
      },
      (o) =>
        right({
          facts: ['entropy', 'response.detail'],
          fields: (ctx, serials, binding) => setRandomPin(ctx, serials, binding, o.length),
        }),
    ),
    defineAction({ name: 'enroll', options: ENROLL }, (options) => {
      const additional =
        options.additional_params === undefined ? undefined : parseAdditionalParams(options.additional_params)
      const warnings: Issue[] = []
      if (additional?._tag === 'Left')
        warnings.push(
          issue('invalid-additional-params', `${additional.left}; the enrollment will fail`, [
            'options',
            'additional_params',
          ]),
        )
      if (additional?._tag === 'Right' && additional.right._tag === 'NotAMapping')
        warnings.push(
          issue('invalid-additional-params', 'additional_params is not a mapping; it is ignored', [
            'options',
            'additional_params',
          ]),
        )
      const entries =
        additional?._tag === 'Right' && additional.right._tag === 'Mapping' ? additional.right.entries : []
      return right({
        facts: [
          ...(options.user ? ['user', 'user.info.mobile', 'user.info.email'] : []),
          ...(options.container ? ['request.params.container_serial', 'response.result.value.container_serial'] : []),
        ],
        warnings,
        run: (ctx, binding) => {
          if (additional?._tag === 'Left') return declined(additional.left)
          const user = options.user ? userTarget(ctx.event) : undefined
          const container = options.container ? namedContainer(ctx.event) : undefined
          const intent: TokenEnrollIntent = mergeInto(intentBase('Token.enroll', ctx, binding), {
            options,
            tokentype: options.tokentype,
            params: enrollParams(ctx, options, entries),
            ...(user !== undefined ? { user } : {}),
            ...(container !== undefined ? { container } : {}),
          })
          return fired(
            intent,
            options.user && user === undefined ? { details: 'no user in event: the token is not assigned' } : {},
          )
        },
      })
    }),
    perToken<typeof SET_DESCRIPTION, TokenSetDescriptionIntent>(
      'Token.set description',
      { name: 'set description', options: SET_DESCRIPTION },
      (o) => {
        const t = compileTokenTemplate(o.description, {
          path: ['options', 'description'],
          label: 'description',
          known: DESCRIPTION_TAGS,
        })
        if (t._tag === 'Left') return t
        return right({
          facts: t.right.usesClock ? ['now', 'request'] : ['request'],
          warnings: t.right.warnings,
          fields: (ctx) => {
            const description = renderOption(t.right, ctx)
            return typeof description !== 'string' ? description : { _tag: 'Fields', fields: { description } }
          },
        })
      },
    ),
    perToken<typeof SET_VALIDITY, TokenSetValidityIntent>(
      'Token.set validity',
      { name: 'set validity', options: SET_VALIDITY },
      (o) => {
        const compile = (name: 'valid from' | 'valid till'): Either<ReadonlyArray<Issue>, ValidityDate | undefined> => {
          const v = o[name]
          if (v === undefined) return right(undefined)
          const c = compileValidity(v)
          return c._tag === 'Left' ? left(templateIssue(['options', name], `${name}: ${c.left}`)) : right(c.right)
        }
        const from = compile('valid from')
        const till = compile('valid till')
        if (from._tag === 'Left' || till._tag === 'Left')
          return left([...(from._tag === 'Left' ? from.left : []), ...(till._tag === 'Left' ? till.left : [])])
        const start = from.right
        const end = till.right
        const usesClock = start?._tag === 'Offset' || end?._tag === 'Offset'
        return right({
          facts: usesClock ? ['now'] : [],
          fields: (ctx) => {
            const now = usesClock ? eventNow(ctx) : 0
            if (!Number.isFinite(now)) return CLOCK_FAILURE
            const offset = usesClock ? eventOffset(ctx) : 0
            const overflow = (['valid from', 'valid till'] as const).find((name) => {
              const d = name === 'valid from' ? start : end
              return d?._tag === 'Offset' && !inDatetimeRange(now + d.offsetMs, offset)
            })
            if (overflow !== undefined) return dateOverflow(`${overflow} ${o[overflow] ?? ''}`, ctx.event.now)
            return {
              _tag: 'Fields',
              fields: {
                ...(start !== undefined ? { validFrom: renderValidity(start, now, offset) } : {}),
                ...(end !== undefined ? { validTill: renderValidity(end, now, offset) } : {}),
              },
            }
          },
        })
      },
    ),
    perToken<typeof SET_COUNTWINDOW, TokenSetCountWindowIntent>(
      'Token.set countwindow',
      { name: 'set countwindow', options: SET_COUNTWINDOW },
      (o) => right({ fields: constant<TokenSetCountWindowIntent>({ countWindow: o['count window'] }) }),
    ),
    perToken<typeof SET_TOKENINFO, TokenSetTokeninfoIntent>(
      'Token.set tokeninfo',
      { name: 'set tokeninfo', options: SET_TOKENINFO },
      (o) => {
        const t = compileTokenTemplate(o.value, { path: ['options', 'value'], label: 'value', known: TOKENINFO_TAGS })
        if (t._tag === 'Left') return t
        return right({
          facts: [
            ...(t.right.usesClock ? ['now'] : []),
            'request',
            ...(t.right.tags.some((x) => x === 'username' || x === 'realm') ? ['user'] : []),
          ],
          warnings: t.right.warnings,
          fields: (ctx) => {
            const value = renderOption(t.right, ctx)
            return typeof value !== 'string' ? value : { _tag: 'Fields', fields: { key: o.key, value } }
          },
        })
      },
    ),
    perToken<typeof INCREASE_TOKENINFO, TokenIncreaseTokeninfoIntent>(
      'Token.increase tokeninfo',
      { name: 'increase tokeninfo', options: INCREASE_TOKENINFO },
      (o) =>
        right({
          fields: constant<TokenIncreaseTokeninfoIntent>(
            { key: o.key, increment: o.increment },
            integerNote(o.increment),
          ),
        }),
    ),
    perToken<typeof DELETE_TOKENINFO, TokenDeleteTokeninfoIntent>(
      'Token.delete tokeninfo',
      { name: 'delete tokeninfo', options: DELETE_TOKENINFO },
      (o) => right({ fields: constant<TokenDeleteTokeninfoIntent>({ key: o.key }) }),
    ),
    perToken<typeof SET_FAILCOUNTER, TokenSetFailcounterIntent>(
      'Token.set failcounter',
      { name: 'set failcounter', options: SET_FAILCOUNTER },
      (o) =>
        right({
          fields: constant<TokenSetFailcounterIntent>(
            { failCounter: o['fail counter'] ?? null },
            integerNote(o['fail counter']),
          ),
        }),
    ),
    perToken<typeof SET_MAXFAIL, TokenSetMaxFailcountIntent>(
      'Token.set max failcount',
      { name: 'set max failcount', options: SET_MAXFAIL },
      (o) =>
        right({
          fields: constant<TokenSetMaxFailcountIntent>(
            { maxFailcount: o['max failcount'] ?? null },
            integerNote(o['max failcount']),
          ),
        }),
    ),
    perToken<typeof CHANGE_FAILCOUNTER, TokenChangeFailcounterIntent>(
      'Token.change failcounter',
      {
        name: 'change failcounter',
        options: CHANGE_FAILCOUNTER,
      },
      (o) =>
        right({
          fields: constant<TokenChangeFailcounterIntent>(
            { change: o['change fail counter'] ?? null },
            integerNote(o['change fail counter']),
          ),
        }),
    ),
    perToken<typeof TOKENGROUP, TokenAddTokengroupIntent>(
      'Token.add tokengroup',
      { name: 'add tokengroup', options: TOKENGROUP },
      (o) => right({ fields: constant<TokenAddTokengroupIntent>({ tokengroup: o.tokengroup }) }),
    ),
    perToken<typeof TOKENGROUP, TokenRemoveTokengroupIntent>(
      'Token.remove tokengroup',
      { name: 'remove tokengroup', options: TOKENGROUP },
      (o) => right({ fields: constant<TokenRemoveTokengroupIntent>({ tokengroup: o.tokengroup }) }),
    ),
    perToken<typeof ATTACH_APPLICATION, TokenAttachApplicationIntent>(
      'Token.attach application',
      {
        name: 'attach application',
        options: ATTACH_APPLICATION,
      },
      (o) => {
        const applicationOptions: Record<string, string> = {}
        for (const k of ['count', 'rounds', 'slot', 'partition', 'user', 'service_id'] as const) {
          const v = o[k]
          if (v !== undefined) applicationOptions[k] = v
        }
        const machineId = o['machine ID']
        const application = APPLICATIONS.find((a) => a === o.application) ?? null
        // privacyIDEA's attach_token fails on any other and the action only warns: nothing is attached, still true.
        return right({
          fields: constant<TokenAttachApplicationIntent>(
            { application, ...(machineId !== undefined ? { machineId } : {}), applicationOptions },
            application === null ? 'not an application (ssh, offline, luks): nothing is attached' : undefined,
          ),
        })
      },
    ),
  ],
})
