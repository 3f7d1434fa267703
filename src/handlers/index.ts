/**
 * The handler catalogue: privacyIDEA's 11 handler modules as data plus pure intent builders (SPEC 4), plugged into
 * the kernel as a `HandlerCatalogue`.
 *
 * Intent tags are `<handlerModule>.<action>` with privacyIDEA's exact names, spaces included
 * (`UserNotification.sendmail`, `Token.set random pin`, `Container.set states`); every Script action — a file name
 * the host chooses — is `Script.run`, the script being in `intent.script`.
 *
 * @since 0.1.0
 */
import type { HandlerCatalogue } from '../core/catalogue.js'
import { type ContainerIntent, containerModule } from './container.js'
import { type CounterIntent, counterModule } from './counter.js'
import { type CustomUserAttributesIntent, customUserAttributesModule } from './custom-user-attributes.js'
import { type FederationForwardIntent, federationModule } from './federation.js'
import { type LoggingIntent, loggingModule } from './logging.js'
import type { HandlerModuleDescriptor } from './module.js'
import { type RequestManglerIntent, requestManglerModule } from './request-mangler.js'
import { type ResponseManglerIntent, responseManglerModule } from './response-mangler.js'
import { type ScriptIntent, scriptModule } from './script.js'
import { type TokenIntent, tokenModule } from './token.js'
import { type UserNotificationIntent, userNotificationModule } from './user-notification.js'
import { type WebhookIntent, webhookModule } from './webhook.js'

/**
 * The 11 handler modules as data, in SPEC 1.1's order: name, allowed positions, `abortOnError` default, and every
 * action with its option table. What each does, in words, is `describeModule(m)` (src/handlers/descriptions.ts).
 *
 * @example
 * MODULES.map((m) => m.name)
 * // ['UserNotification', 'Token', 'Script', 'Federation', 'Counter', 'RequestMangler', 'ResponseMangler',
 * //  'Logging', 'CustomUserAttributes', 'WebHook', 'Container']
 * MODULES.filter((m) => !m.positions.includes('pre')).map((m) => m.name) // ['Federation', 'ResponseMangler']
 * @since 0.1.0
 */
export const MODULES: ReadonlyArray<HandlerModuleDescriptor> = [
  userNotificationModule,
  tokenModule,
  scriptModule,
  federationModule,
  counterModule,
  requestManglerModule,
  responseManglerModule,
  loggingModule,
  customUserAttributesModule,
  webhookModule,
  containerModule,
]

const BY_NAME: ReadonlyMap<string, HandlerModuleDescriptor> = new Map(MODULES.map((m) => [m.name, m]))

/**
 * The handler catalogue with tripline's richer module descriptors.
 *
 * @example
 * const handlers: TriplineHandlerCatalogue = handlerCatalogue
 * handlers.module('Counter')?.actions.map((a) => a.name) // ['increase_counter', 'decrease_counter', 'reset_counter']
 * @since 0.1.0
 */
export interface TriplineHandlerCatalogue extends HandlerCatalogue {
  readonly module: (name: string) => HandlerModuleDescriptor | undefined
}

/**
 * The handler half of tripline's catalogue. Lookup by exact module name through a `Map`: `__proto__` or
 * `constructor` are unknown modules like any other name.
 *
 * @example
 * handlerCatalogue.module('UserNotification')?.positions // ['post', 'pre']
 * handlerCatalogue.module('__proto__') // undefined
 * @since 0.1.0
 */
export const handlerCatalogue: TriplineHandlerCatalogue = {
  module: (name) => BY_NAME.get(name),
}

/**
 * Every intent tripline's handler modules produce: one `_tag` per module action.
 *
 * @example
 * const carryOut = (intent: TriplineIntent): void => {
 *   switch (intent._tag) {
 *     case 'Token.disable':
 *       for (const serial of intent.serials) host.disableToken(serial)
 *       break
 *     case 'Logging.logging':
 *       host.log(intent.logger, intent.levelNumber, intent.message)
 *       break
 *     default:
 *       console.warn(`not carried out: ${intent._tag}`)
 *   }
 * }
 * @since 0.1.0
 */
export type TriplineIntent =
  | UserNotificationIntent
  | TokenIntent
  | ScriptIntent
  | FederationForwardIntent
  | CounterIntent
  | RequestManglerIntent
  | ResponseManglerIntent
  | LoggingIntent
  | CustomUserAttributesIntent
  | WebhookIntent
  | ContainerIntent

/**
 * The `_tag` of a tripline intent: `<handlerModule>.<action>`, privacyIDEA's names, spaces included.
 *
 * @example
 * const supported: ReadonlySet<TriplineIntentTag> = new Set(['UserNotification.sendmail', 'Token.set random pin'])
 * @since 0.1.0
 */
export type TriplineIntentTag = TriplineIntent['_tag']

export type {
  ContainerAddInfoIntent,
  ContainerAddStatesIntent,
  ContainerAssignIntent,
  ContainerCreateIntent,
  ContainerDeleteInfoIntent,
  ContainerDeleteIntent,
  ContainerDisableAllTokensIntent,
  ContainerEnableAllTokensIntent,
  ContainerIntent,
  ContainerRemoveAllTokensIntent,
  ContainerSetDescriptionIntent,
  ContainerSetInfoIntent,
  ContainerSetStatesIntent,
  ContainerState,
  ContainerUnassignIntent,
  ContainerUnregisterIntent,
} from './container.js'
export { CONTAINER_STATES, containerModule } from './container.js'
export type { CounterDecreaseIntent, CounterIncreaseIntent, CounterIntent, CounterResetIntent } from './counter.js'
export { counterModule } from './counter.js'
export type {
  CustomUserAttributesIntent,
  DeleteCustomUserAttributeIntent,
  SetCustomUserAttributeIntent,
} from './custom-user-attributes.js'
export { customUserAttributesModule } from './custom-user-attributes.js'
export type {
  ActionTexts,
  DescribedAction,
  DescribedModule,
  DescribedOption,
  HandlerDescriptions,
  ModuleTexts,
} from './descriptions.js'
export type { DrawRequest } from './entropy.js'
export type { FederationForwardIntent } from './federation.js'
export { federationModule } from './federation.js'
export type { LoggingIntent } from './logging.js'
export { loggingModule } from './logging.js'
export type { ActionDefinition, ActionPlan, HandlerModuleDescriptor } from './module.js'
export type {
  ActionSpec,
  AlwaysPresent,
  Lenience,
  OptionSpec,
  OptionsOf,
  OptionType,
  OptionValue,
  TypedOptions,
  ValidatedOptions,
  ValueOf,
} from './options.js'
export { validateOptions } from './options.js'
export type { RequestDeleteIntent, RequestManglerIntent, RequestSetIntent } from './request-mangler.js'
export { requestManglerModule } from './request-mangler.js'
export type {
  JsonObject,
  Mangled,
  ResponseDeleteIntent,
  ResponseManglerIntent,
  ResponseSetIntent,
} from './response-mangler.js'
export { deleteAt, pointerComponents, responseManglerModule, setAt } from './response-mangler.js'
export type { ScriptIntent, ScriptOptions } from './script.js'
export { scriptModule } from './script.js'
export type { UserTarget } from './targets.js'
export type {
  SerialPin,
  TokenAddTokengroupIntent,
  TokenAttachApplicationIntent,
  TokenChangeFailcounterIntent,
  TokenDeleteIntent,
  TokenDeleteTokeninfoIntent,
  TokenDisableIntent,
  TokenEnableIntent,
  TokenEnrollIntent,
  TokenIncreaseTokeninfoIntent,
  TokenIntent,
  TokenRemoveTokengroupIntent,
  TokenSetCountWindowIntent,
  TokenSetDescriptionIntent,
  TokenSetFailcounterIntent,
  TokenSetMaxFailcountIntent,
  TokenSetRandomPinIntent,
  TokenSetRealmIntent,
  TokenSetTokeninfoIntent,
  TokenSetValidityIntent,
  TokenUnassignIntent,
} from './token.js'
export { tokenModule } from './token.js'
export type {
  QrAttachment,
  Recipient,
  RecipientSpec,
  ReplyTo,
  SavefileIntent,
  SendmailIntent,
  SendsmsIntent,
  UserNotificationIntent,
} from './user-notification.js'
export { DEFAULT_BODY, DEFAULT_SUBJECT, userNotificationModule } from './user-notification.js'
export type { WebhookIntent } from './webhook.js'
export { WEBHOOK_CONTENT_TYPES, webhookModule } from './webhook.js'
