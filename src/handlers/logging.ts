/**
 * `Logging` (SPEC 4.8): one log line per triggered binding, with the SPEC 5 tags rendered. Positions pre and post.
 *
 * @since 0.1.0
 */
import { left, right } from '../core/either.js'
import { type Issue, issue } from '../core/errors.js'
import type { Intent } from '../core/model.js'
import { compileTemplate, renderCompiled } from '../templates/render.js'
import { NOTIFICATION_TAG_SET, type NotificationTag, notificationTag, tagFacts } from '../templates/tags.js'
import { mergeInto } from './merge-into.js'
import { defineAction, defineModule, fired, type HandlerModuleDescriptor, intentBase } from './module.js'
import type { OptionsOf } from './options.js'

const LOGGING = [
  { name: 'name', type: 'str', default: 'pi-eventlogger' },
  { name: 'level', type: 'str', default: 'INFO' },
  {
    name: 'message',
    type: 'text',
    default: 'event={action} triggered',
  },
] as const

/**
 * Python's logging level names and numbers.
 *
 * @example
 * LOG_LEVELS.get('WARN') // { name: 'WARNING', number: 30 }
 * LOG_LEVELS.get('VERBOSE') // undefined: the action logs at INFO and check warns
 * @since 0.1.0
 */
export const LOG_LEVELS: ReadonlyMap<string, { readonly name: string; readonly number: number }> = new Map([
  ['CRITICAL', { name: 'CRITICAL', number: 50 }],
  ['FATAL', { name: 'CRITICAL', number: 50 }],
  ['ERROR', { name: 'ERROR', number: 40 }],
  ['WARNING', { name: 'WARNING', number: 30 }],
  ['WARN', { name: 'WARNING', number: 30 }],
  ['INFO', { name: 'INFO', number: 20 }],
  ['DEBUG', { name: 'DEBUG', number: 10 }],
  ['NOTSET', { name: 'NOTSET', number: 0 }],
])

/**
 * `Logging.logging`: write `message` to logger `logger` at `level` (canonical Python name; `levelNumber` is
 * Python's number for it).
 *
 * @example
 * const line: LoggingIntent = {
 *   _tag: 'Logging.logging',
 *   bindingId: 10,
 *   bindingName: 'Log enrolments',
 *   handlerModule: 'Logging',
 *   action: 'logging',
 *   event: 'token_init',
 *   position: 'post',
 *   options: { name: 'pi-eventlogger', level: 'WARNING', message: 'token {serial} of {username} enrolled' },
 *   logger: 'pi-eventlogger',
 *   level: 'WARNING',
 *   levelNumber: 30,
 *   message: 'token TOTP0001 of alice enrolled',
 * }
 * @since 0.1.0
 */
export interface LoggingIntent extends Intent {
  readonly _tag: 'Logging.logging'
  readonly options: OptionsOf<typeof LOGGING>
  readonly logger: string
  readonly level: string
  readonly levelNumber: number
  readonly message: string
}

const levelOf = (level: string): { readonly name: string; readonly number: number; readonly warning?: Issue } => {
  const known = LOG_LEVELS.get(level)
  if (known !== undefined) return known
  return {
    name: 'INFO',
    number: 20,
    warning: issue(
      'unknown-log-level',
      `logging: level ${JSON.stringify(level)} is not a Python level name; INFO is used (ERROR, WARNING, INFO, DEBUG)`,
      ['options', 'level'],
    ),
  }
}

/**
 * The Logging module.
 *
 * @example
 * loggingModule.actions[0]?.options.map((o) => `${o.name}=${o.default}`)
 * // ['name=pi-eventlogger', 'level=INFO', 'message=event={action} triggered']
 * @since 0.1.0
 */
export const loggingModule: HandlerModuleDescriptor = defineModule({
  name: 'Logging',
  positions: ['post', 'pre'],
  abortOnError: false,
  actions: [
    defineAction({ name: 'logging', options: LOGGING }, (options) => {
      const template = compileTemplate(options.message, {
        path: ['options', 'message'],
        label: 'logging message',
        known: NOTIFICATION_TAG_SET,
      })
      if (template._tag === 'Left') return left(template.left)
      const level = levelOf(options.level)
      const message = template.right
      return right({
        facts: tagFacts(message.tags),
        warnings: level.warning !== undefined ? [level.warning] : [],
        run: (ctx, binding) => {
          const intent: LoggingIntent = mergeInto(intentBase('Logging.logging', ctx, binding), {
            options,
            logger: options.name,
            level: level.name,
            levelNumber: level.number,
            message: renderCompiled(message, (t) => notificationTag(ctx, t as NotificationTag)),
          })
          return fired(intent)
        },
      })
    }),
  ],
})
