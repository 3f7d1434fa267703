/**
 * `Script` (SPEC 4.3): run a script from the host's script directory. The action is the script's file name, chosen
 * by the host (privacyIDEA lists `PI_SCRIPT_HANDLER_DIRECTORY`): any name without a path separator or `..`.
 * Positions pre and post. tripline builds the argument list in privacyIDEA's order; the host runs
 * `<dir>/<script> <args...>` with the script directory as working directory.
 *
 * @since 0.1.0
 */
import { left, right } from '../core/either.js'
import { issue } from '../core/errors.js'
import type { Event, Intent } from '../core/model.js'
import { eventUser } from '../templates/tags.js'
import { mergeInto } from './merge-into.js'
import { compileAction, defineAction, fired, type HandlerModuleDescriptor, intentBase } from './module.js'
import type { ActionSpec, OptionsOf } from './options.js'

const SCRIPT_OPTIONS = [
  { name: 'background', type: 'str', required: true, values: ['background', 'wait'] },
  { name: 'raise_error', type: 'bool' },
  { name: 'sync_to_database', type: 'bool' },
  { name: 'serial', type: 'bool' },
  { name: 'user', type: 'bool' },
  { name: 'realm', type: 'bool' },
  { name: 'logged_in_user', type: 'bool' },
  { name: 'logged_in_role', type: 'bool' },
] as const

/**
 * The validated options of every Script action.
 *
 * @example
 * const options: ScriptOptions = {
 *   background: 'wait',
 *   raise_error: true,
 *   sync_to_database: false,
 *   serial: true,
 *   user: true,
 *   realm: false,
 *   logged_in_user: false,
 *   logged_in_role: false,
 * }
 * @since 0.1.0
 * @interface
 */
export type ScriptOptions = OptionsOf<typeof SCRIPT_OPTIONS>

/**
 * `Script.run` (every script action): run `script` from the script directory with `args` appended. `mode: 'wait'`
 * waits for the exit code, `'background'` returns at once. `abortOnFailure` (wait with `raise_error`): a start
 * failure or a non-zero exit code must fail the call with `HandlerAbortError`, whatever the binding's
 * `abortOnError`; otherwise failures are only logged. `syncToDatabase`: commit the current transaction first.
 *
 * @example
 * const run: ScriptIntent = {
 *   _tag: 'Script.run',
 *   bindingId: 9,
 *   bindingName: 'Notify the CMDB',
 *   handlerModule: 'Script',
 *   action: 'notify.sh',
 *   event: 'token_init',
 *   position: 'post',
 *   options: {
 *     background: 'wait', raise_error: true, sync_to_database: false, serial: true,
 *     user: true, realm: false, logged_in_user: false, logged_in_role: false,
 *   },
 *   script: 'notify.sh',
 *   mode: 'wait',
 *   args: ['--serial', 'TOTP0001', '--user', 'alice'],
 *   abortOnFailure: true,
 *   syncToDatabase: false,
 * } // the host runs <script dir>/notify.sh --serial TOTP0001 --user alice
 * @since 0.1.0
 */
export interface ScriptIntent extends Intent {
  readonly _tag: 'Script.run'
  readonly options: ScriptOptions
  /** The script's file name (the binding's action). */
  readonly script: string
  readonly mode: 'background' | 'wait'
  /** The arguments after the script path, in privacyIDEA's order. */
  readonly args: ReadonlyArray<string>
  readonly abortOnFailure: boolean
  readonly syncToDatabase: boolean
}

/**
 * Why a script name is refused, or undefined when it is a plain file name.
 *
 * @example
 * scriptNameProblem('notify.sh') // undefined
 * scriptNameProblem('../bin/sh') // 'contains a path separator or ".."'
 * @since 0.1.0
 */
export const scriptNameProblem = (name: string): string | undefined => {
  if (name === '' || name === '.') return 'is not a file name'
  if (/[/\\\0]/.test(name) || name.includes('..')) return 'contains a path separator or ".."'
  return undefined
}

/**
 * The argument list privacyIDEA appends (SPEC 4.3): `--serial`, `--user`, `--realm`, `--logged_in_user`,
 * `--logged_in_role`, each only when its option is set.
 *
 * @example
 * const options: ScriptOptions = {
 *   background: 'background', raise_error: false, sync_to_database: false, serial: true,
 *   user: true, realm: false, logged_in_user: false, logged_in_role: true,
 * }
 * scriptArgs(options, event) // ['--serial', 'TOTP0001', '--user', 'alice', '--logged_in_role', 'admin']
 * @since 0.1.0
 */
export const scriptArgs = (options: ScriptOptions, event: Event): ReadonlyArray<string> => {
  const args: string[] = []
  const user = eventUser(event)
  if (options.serial) args.push('--serial', event.serial !== undefined && event.serial !== '' ? event.serial : 'none')
  if (options.user) args.push('--user', user?.login ?? 'none')
  if (options.realm) args.push('--realm', user !== undefined && user.realm !== '' ? user.realm : 'none')
  const l = event.loggedIn
  if (options.logged_in_user)
    args.push('--logged_in_user', l === undefined ? 'none@none' : `${l.username}@${l.realm ?? ''}`)
  if (options.logged_in_role) args.push('--logged_in_role', l?.role ?? 'none')
  return args
}

const SCRIPT_ACTION: ActionSpec = {
  name: '<script file name>',
  options: SCRIPT_OPTIONS,
}

const scriptDefinition = (script: string) =>
  defineAction({ name: script, options: SCRIPT_OPTIONS }, (options) =>
    right({
      facts: [
        ...(options.serial ? ['serial'] : []),
        ...(options.user || options.realm ? ['user'] : []),
        ...(options.logged_in_user || options.logged_in_role ? ['loggedIn'] : []),
      ],
      run: (ctx, binding) => {
        const mode = options.background
        const intent: ScriptIntent = mergeInto(intentBase('Script.run', ctx, binding), {
          options,
          script,
          mode,
          args: scriptArgs(options, ctx.event),
          abortOnFailure: mode === 'wait' && options.raise_error,
          syncToDatabase: options.sync_to_database,
        })
        return fired(intent)
      },
    }),
  )

/**
 * The Script module.
 *
 * @example
 * scriptModule.compile({ ...binding, action: '../bin/sh' })
 * // left([{ code: 'unknown-action', message: 'Script: the script name "../bin/sh" contains a path separator or ".."',
 * //         path: ['action'] }])
 * @since 0.1.0
 */
export const scriptModule: HandlerModuleDescriptor = {
  name: 'Script',
  positions: ['post', 'pre'],
  abortOnError: false,
  actionNames: 'script',
  actions: [SCRIPT_ACTION],
  compile: (binding) => {
    const problem = scriptNameProblem(binding.action)
    if (problem !== undefined)
      return left([
        issue('unknown-action', `Script: the script name ${JSON.stringify(binding.action)} ${problem}`, ['action']),
      ])
    return compileAction(scriptDefinition(binding.action), binding)
  },
}
