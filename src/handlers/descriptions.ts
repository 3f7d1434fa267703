/**
 * What the handler modules, their actions and their options do, in words: documentation data (what privacyIDEA's
 * `GET /event/actions/<module>` shows), kept out of the executable catalogue. Evaluation never reads these texts,
 * so nothing `evaluate` runs imports this module and a bundle of `evaluate` leaves them out. `describeModule` joins
 * them with a module descriptor into the view the docs, the CLI and a configuration UI show.
 *
 * The table names exactly the modules, actions and options of `MODULES` (test/handlers/descriptions.test.ts): an
 * option without a text, or a text for an option the catalogue no longer has, fails the tests.
 *
 * @since 0.1.0
 */
import type { HandlerModuleDescriptor } from './module.js'
import type { ActionSpec, OptionSpec } from './options.js'

/**
 * The texts of one action: what it does and what each of its options does, by option name.
 *
 * @example
 * const decrease: ActionTexts = {
 *   description: 'Decrease the counter by 1; at or below 0 reset it to 0 unless negative values are allowed.',
 *   options: {
 *     counter_name: 'The name of the event counter.',
 *     allow_negative_values: 'Decrease below zero; otherwise a counter at or below zero is reset to 0.',
 *   },
 * }
 * @since 0.1.0
 */
export interface ActionTexts {
  readonly description: string
  /** Option name → what the option does. */
  readonly options: Readonly<Record<string, string>>
}

/**
 * The texts of one handler module: what it does and the texts of each action, by action name.
 *
 * @example
 * const counter: ModuleTexts = {
 *   description: 'Increases, decreases or resets event counters.',
 *   actions: {
 *     reset_counter: { description: 'Reset the counter to 0.', options: { counter_name: 'The name of the event counter.' } },
 *   },
 * }
 * @since 0.1.0
 */
export interface ModuleTexts {
  readonly description: string
  /** Action name → its texts. */
  readonly actions: Readonly<Record<string, ActionTexts>>
}

/**
 * Handler texts by module name.
 *
 * @example
 * const texts: HandlerDescriptions = HANDLER_DESCRIPTIONS
 * Object.keys(texts) // ['UserNotification', 'Token', 'Script', ...]
 * @since 0.1.0
 */
export type HandlerDescriptions = Readonly<Record<string, ModuleTexts>>

/**
 * One option with what it does.
 *
 * @example
 * const length: DescribedOption = {
 *   name: 'length',
 *   type: 'int',
 *   required: true,
 *   default: '6',
 *   min: 1,
 *   max: 31,
 *   description: 'The length of the random PIN (1 to 31; empty means 6).',
 * }
 * @since 0.1.0
 */
export interface DescribedOption extends OptionSpec {
  /** What the option does. */
  readonly description: string
}

/**
 * One action with what it and each of its options do.
 *
 * @example
 * const reset: DescribedAction = {
 *   name: 'reset_counter',
 *   description: 'Reset the counter to 0.',
 *   options: [{ name: 'counter_name', type: 'str', required: true, description: 'The name of the event counter.' }],
 * }
 * @since 0.1.0
 */
export interface DescribedAction extends ActionSpec {
  /** What the action does. */
  readonly description: string
  readonly options: ReadonlyArray<DescribedOption>
}

/**
 * A handler module as documentation: its name, positions, `abortOnError` default and action naming, with what it,
 * each action and each option do. Plain data (JSON), without the compile function.
 *
 * @example
 * const counter: DescribedModule = describeModule(counterModule)
 * counter.description // 'Increases, decreases or resets event counters.'
 * counter.actions.map((a) => `${a.name}: ${a.description}`)
 * // ['increase_counter: Increase the counter by 1.', 'decrease_counter: Decrease the counter by 1; ...', ...]
 * @since 0.1.0
 */
export interface DescribedModule extends Omit<HandlerModuleDescriptor, 'compile' | 'actions'> {
  /** What the module does. */
  readonly description: string
  readonly actions: ReadonlyArray<DescribedAction>
}

// Texts that several actions share, as their option tables share the option.
const NOTIFICATION_BODY = 'The body template (SPEC 5 tags); file:<path> names a template file the host reads.'
const RECIPIENT = 'The recipient.'
const ADDRESS_ATTRIBUTE = 'The user attribute holding the address.'
const TOKENGROUP = 'The token group.'
const COUNTER_NAME = 'The name of the event counter.'
const ATTRIBUTE_OWNER = 'Whose attribute: the token owner (user in event) or the logged-in user.'
const CONTAINER_STATES: Readonly<Record<string, string>> = {
  active: 'Select the state active.',
  disabled: 'Select the state disabled.',
  lost: 'Select the state lost.',
  damaged: 'Select the state damaged.',
}
const CONTAINER_INFO: Readonly<Record<string, string>> = {
  key: 'The container info key.',
  value: 'The value for the key.',
}

/**
 * What tripline's 11 handler modules, their actions and their options do, by module, action and option name
 * (Script's one action is `<script file name>`, any script the host offers).
 *
 * @example
 * HANDLER_DESCRIPTIONS.Counter?.description // 'Increases, decreases or resets event counters.'
 * HANDLER_DESCRIPTIONS.Token?.actions['set validity']?.options['valid from']
 * // 'Start of the validity period: a date or an offset such as +10m, +24h, +7d.'
 * @since 0.1.0
 */
export const HANDLER_DESCRIPTIONS: HandlerDescriptions = {
  UserNotification: {
    description: 'Notifies users by email, SMS or a spool file.',
    actions: {
      sendmail: {
        description: 'Send an email.',
        options: {
          emailconfig: 'The SMTP server identifier.',
          mimetype: 'plain or html.',
          attach_qrcode: 'Attach the QR code image (Content-ID token_image) of the enrollment response.',
          subject: 'The subject template (SPEC 5 tags).',
          body: NOTIFICATION_BODY,
          To: RECIPIENT,
          'To tokenowner': ADDRESS_ATTRIBUTE,
          'To logged_in_user': ADDRESS_ATTRIBUTE,
          'To internal admin': 'The internal admin to notify.',
          'To admin realm': 'The admin realm whose users are notified.',
          'To email': 'A comma-separated list of addresses.',
          reply_to:
            'The Reply-To header: absent for the SMTP server default, "" for an empty one, or a recipient type.',
          'reply_to tokenowner': ADDRESS_ATTRIBUTE,
          'reply_to logged_in_user': ADDRESS_ATTRIBUTE,
          'reply_to internal admin': 'The internal admin whose address is used.',
          'reply_to admin realm': 'The admin realm whose addresses are used.',
          'reply_to email': 'An address list; the first address is used.',
        },
      },
      sendsms: {
        description: 'Send an SMS.',
        options: { smsconfig: 'The SMS gateway identifier.', body: NOTIFICATION_BODY, To: RECIPIENT },
      },
      savefile: {
        description: 'Write a file to the spool directory.',
        options: {
          body: 'The file content template (SPEC 5 tags).',
          filename: 'The file name in the spool directory; SPEC 5 tags and {random} (16 alphanumerics).',
        },
      },
    },
  },
  Token: {
    description: 'Changes, enrolls or deletes tokens.',
    actions: {
      'set tokenrealm': {
        description: 'Add a realm to the tokens, or make it their only realm.',
        options: { realm: 'The realm to set.', only_realm: "Replace all the token's realms; otherwise add the realm." },
      },
      delete: { description: 'Delete the tokens.', options: {} },
      unassign: { description: 'Unassign the tokens from their users.', options: {} },
      disable: { description: 'Disable the tokens.', options: {} },
      enable: { description: 'Enable the tokens.', options: {} },
      'set random pin': {
        description: 'Set a random PIN and write it to detail.pin of the response.',
        options: { length: 'The length of the random PIN (1 to 31; empty means 6).' },
      },
      enroll: {
        description: 'Enroll a new token.',
        options: {
          tokentype: 'The type of the new token (hotp, totp, sms, email, ...).',
          user: 'Assign the new token to the user in event.',
          realm: 'The realm of the new token.',
          dynamic_phone: 'sms: read the mobile number from the user store at each use.',
          dynamic_email: 'email: read the email address from the user store at each use.',
          smtp_identifier: 'email: the SMTP server identifier of the token.',
          sms_identifier: 'sms: the SMS gateway identifier of the token.',
          additional_params:
            'A JSON (or simple YAML) mapping merged into the init parameters; may override type and genkey.',
          motppin: 'motp: the mOTP PIN.',
          container: 'Add the new token to the container the request or response names (container_serial).',
        },
      },
      'set description': {
        description: 'Set the token description.',
        options: {
          description: 'The new description; {now}/{current_time} (+offset), {client_ip}, {ua_browser}, {ua_string}.',
        },
      },
      'set validity': {
        description: 'Set the validity period.',
        options: {
          'valid from': 'Start of the validity period: a date or an offset such as +10m, +24h, +7d.',
          'valid till': 'End of the validity period: a date or an offset such as +10m, +24h, +7d.',
        },
      },
      'set countwindow': {
        description: 'Set the count window.',
        options: { 'count window': 'The new count window (absent: 50; empty is not an integer).' },
      },
      'set tokeninfo': {
        description: 'Set a tokeninfo value.',
        options: {
          key: 'The tokeninfo key.',
          value:
            'The value; {now}/{current_time} (+offset), {client_ip}, {ua_browser}, {ua_string}, {username}, {realm}.',
        },
      },
      'increase tokeninfo': {
        description: 'Add an integer to a tokeninfo value.',
        options: {
          key: 'The tokeninfo key (a missing value counts as 0).',
          increment: 'The integer to add; may be negative.',
        },
      },
      'delete tokeninfo': { description: 'Delete a tokeninfo key.', options: { key: 'The tokeninfo key to delete.' } },
      'set failcounter': { description: 'Set the fail counter.', options: { 'fail counter': 'The new fail counter.' } },
      'set max failcount': {
        description: 'Set the maximum fail count.',
        options: { 'max failcount': 'The new maximum fail count.' },
      },
      'change failcounter': {
        description: 'Increase or decrease the fail counter.',
        options: { 'change fail counter': 'Add to the fail counter: +n or -n.' },
      },
      'add tokengroup': { description: 'Add the tokens to a token group.', options: { tokengroup: TOKENGROUP } },
      'remove tokengroup': {
        description: 'Remove the tokens from a token group.',
        options: { tokengroup: TOKENGROUP },
      },
      'attach application': {
        description: 'Attach the tokens to a machine application.',
        options: {
          application: 'The application; another one, or none, attaches nothing.',
          'machine ID': 'The machine to attach the token to.',
          service_id: 'ssh: the service ID.',
          user: 'ssh: the login user on the machine.',
          count: 'offline: the number of offline OTP values.',
          rounds: 'offline: the number of hashing rounds.',
          slot: 'luks: the slot.',
          partition: 'luks: the partition.',
        },
      },
    },
  },
  Script: {
    description: 'Runs a script of the host script directory.',
    actions: {
      '<script file name>': {
        description: 'Any file name in the host script directory (no path separator, no "..").',
        options: {
          background: 'Run the script in the background, or wait for its exit code.',
          raise_error: 'With wait: a start failure or a non-zero exit code fails the request (HandlerAbortError).',
          sync_to_database: 'Commit the current database transaction before the script starts.',
          serial: "Add '--serial <serial>'.",
          user: "Add '--user <login of the request user>'.",
          realm: "Add '--realm <realm of the request user>'.",
          logged_in_user: "Add '--logged_in_user <username>@<realm>'.",
          logged_in_role: "Add '--logged_in_role <admin|user>'.",
        },
      },
    },
  },
  Federation: {
    description: 'Forwards the request to a remote privacyIDEA server and replaces the response.',
    actions: {
      forward: {
        description: 'Forward the request.',
        options: {
          privacyIDEA: 'The identifier of the configured remote privacyIDEA server.',
          realm: 'Rename the realm for the remote server (request parameter realm).',
          resolver: 'Rename the resolver for the remote server (request parameter resolver).',
          forward_client_ip: 'Send the client IP as request parameter client.',
          forward_authorization_token:
            'Send the incoming PI-Authorization (or Authorization) header as PI-Authorization.',
        },
      },
    },
  },
  Counter: {
    description: 'Increases, decreases or resets event counters.',
    actions: {
      increase_counter: { description: 'Increase the counter by 1.', options: { counter_name: COUNTER_NAME } },
      decrease_counter: {
        description: 'Decrease the counter by 1; at or below 0 reset it to 0 unless negative values are allowed.',
        options: {
          counter_name: COUNTER_NAME,
          allow_negative_values: 'Decrease below zero; otherwise a counter at or below zero is reset to 0.',
        },
      },
      reset_counter: { description: 'Reset the counter to 0.', options: { counter_name: COUNTER_NAME } },
    },
  },
  RequestMangler: {
    description: 'Deletes or sets request parameters.',
    actions: {
      delete: {
        description: 'Delete a request parameter.',
        options: { parameter: 'The request parameter to delete.' },
      },
      set: {
        description: 'Set a request parameter.',
        options: {
          parameter: 'The request parameter to add or change.',
          value:
            'The new value (absent: nothing changes); with match_parameter {0}, {1}, … are the groups of match_pattern (None when a group did not match).',
          match_parameter: 'Only change when this parameter matches match_pattern.',
          match_pattern: 'A Python regular expression that must match the whole value of match_parameter.',
          reset_user: 'When parameter is realm, username or user: reset the request user (matching branch only).',
        },
      },
    },
  },
  ResponseMangler: {
    description: 'Deletes or sets values of the JSON response.',
    actions: {
      delete: {
        description: 'Delete a key of the response.',
        options: { 'JSON pointer': "The key to delete, as a pointer such as '/detail/message' (1 to 3 components)." },
      },
      set: {
        description: 'Add or change a key of the response.',
        options: {
          'JSON pointer': "The key to add or change, as a pointer such as '/detail/message' (1 to 3 components).",
          type: 'The type of the value.',
          value: 'The value.',
        },
      },
    },
  },
  Logging: {
    description: 'Writes a log line with rendered tags.',
    actions: {
      logging: {
        description: 'Write a log message.',
        options: {
          name: 'The logger name.',
          level: 'ERROR, WARNING, INFO or DEBUG; other Python level names work, unknown names fall back to INFO.',
          message: 'The log message; SPEC 5 tags are rendered.',
        },
      },
    },
  },
  CustomUserAttributes: {
    description: 'Sets or deletes custom user attributes.',
    actions: {
      set_custom_user_attributes: {
        description: 'Set a custom user attribute.',
        options: {
          user: ATTRIBUTE_OWNER,
          attrkey: 'The key of the custom attribute.',
          attrvalue: 'The value of the custom attribute.',
        },
      },
      delete_custom_user_attributes: {
        description: 'Delete a custom user attribute.',
        options: { user: ATTRIBUTE_OWNER, attrkey: 'The key to delete.' },
      },
    },
  },
  WebHook: {
    description: 'Posts a webhook.',
    actions: {
      post_webhook: {
        description: 'Post data to a URL.',
        options: {
          URL: 'The URL the webhook is posted to.',
          content_type:
            'application/json or application/x-www-form-urlencoded (legacy: json, urlencoded); any other value, or none: the action declines.',
          replace: 'Substitute tags such as {logged_in_user}, {serial}, {realm} in data.',
          data: 'The data posted.',
        },
      },
    },
  },
  Container: {
    description: 'Creates, changes and deletes token containers.',
    actions: {
      create: {
        description: 'Create a new container.',
        options: {
          type: 'The container type to create (e.g. generic, smartphone, yubikey).',
          description: 'The description of the new container.',
          user: 'Assign the container to the user in event, else the owners of the container the request names (container_serial), else the token owner.',
          token: "Add the event's token serial(s) to the new container.",
        },
      },
      delete: { description: 'Delete the container.', options: {} },
      unassign: { description: 'Remove all owners from the container.', options: {} },
      assign: { description: 'Assign the container to the user in event (or container/token owners).', options: {} },
      'set states': { description: 'Replace the container states.', options: CONTAINER_STATES },
      'add states': { description: 'Add states to the container.', options: CONTAINER_STATES },
      'set description': {
        description: 'Set the container description.',
        options: { description: 'The new description of the container (empty or absent: the action declines).' },
      },
      'remove all tokens': { description: 'Remove all tokens from the container.', options: {} },
      'disable all tokens': { description: 'Disable all tokens of the container.', options: {} },
      'enable all tokens': { description: 'Enable all tokens of the container.', options: {} },
      unregister: { description: 'Terminate the container registration.', options: {} },
      'set container info': {
        description: 'Replace all non-internal container info by one entry.',
        options: CONTAINER_INFO,
      },
      'add container info': { description: 'Add or update one container info entry.', options: CONTAINER_INFO },
      'delete container info': { description: 'Delete all non-internal container info.', options: {} },
    },
  },
}

const own = <V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined =>
  record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined

/**
 * A handler module with what it, its actions and its options do: the descriptor's data joined with its texts
 * (`HANDLER_DESCRIPTIONS` unless a host passes its own table). A module, action or option the table does not name
 * gets the empty text; the tests hold tripline's own modules to a text for each. Lookup by own property only, so
 * `__proto__` or `constructor` name nothing.
 *
 * @example
 * const docs = MODULES.map((m) => describeModule(m))
 * docs.find((m) => m.name === 'Counter')?.actions[1]?.options[1]
 * // { name: 'allow_negative_values', type: 'bool',
 * //   description: 'Decrease below zero; otherwise a counter at or below zero is reset to 0.' }
 * describeModule(myModule, { MyModule: { description: 'Pages the on-call admin.', actions: {} } }).description
 * // 'Pages the on-call admin.'
 * @since 0.1.0
 */
export const describeModule = (
  module: HandlerModuleDescriptor,
  texts: HandlerDescriptions = HANDLER_DESCRIPTIONS,
): DescribedModule => {
  const moduleTexts = own(texts, module.name)
  return {
    name: module.name,
    description: moduleTexts?.description ?? '',
    positions: module.positions,
    abortOnError: module.abortOnError,
    actionNames: module.actionNames,
    actions: module.actions.map((action) => {
      const actionTexts = own(moduleTexts?.actions, action.name)
      return {
        ...action,
        description: actionTexts?.description ?? '',
        options: action.options.map((option) => ({
          ...option,
          description: own(actionTexts?.options, option.name) ?? '',
        })),
      }
    }),
  }
}
