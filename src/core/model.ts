/**
 * The public data model of tripline (DESIGN.md). All data is plain, readonly and JSON-serialisable:
 * no functions, classes or Dates inside. Times are ISO-8601 strings.
 *
 * @since 0.1.0
 */

/**
 * Where a binding runs relative to the API call: `pre` before it ran (no response), `post` after.
 *
 * @example
 * const position: Position = 'post'
 * @since 0.1.0
 */
export type Position = 'pre' | 'post'

/**
 * The request of one API call, as the host resolved it.
 *
 * @example
 * const request: Request = {
 *   path: '/token/init',
 *   method: 'POST',
 *   params: { type: 'totp', user: 'alice', realm: 'realm1' },
 *   clientIp: '10.0.0.5',
 * }
 * @since 0.1.0
 */
export interface Request {
  readonly path?: string
  readonly method?: string
  /** privacyIDEA's `all_data`: every request parameter as a string. */
  readonly params: Readonly<Record<string, string>>
  readonly clientIp?: string
  readonly userAgent?: string
  readonly browser?: string
}

/**
 * The identity that is logged in for the call; absent when nobody is (e.g. `/validate/*`).
 *
 * @example
 * const loggedIn: LoggedIn = { role: 'admin', username: 'helpdesk', realm: 'adminrealm' }
 * @since 0.1.0
 */
export interface LoggedIn {
  readonly role: 'admin' | 'user'
  readonly username: string
  readonly realm?: string
}

/**
 * The "user in event" (SPEC 1.8). Absent means the empty user.
 *
 * @example
 * const user: User = {
 *   login: 'alice',
 *   realm: 'realm1',
 *   resolver: 'resolver1',
 *   info: { givenname: 'Alice', email: 'alice@example.com' },
 *   tokenCount: 2,
 * }
 * @since 0.1.0
 */
export interface User {
  readonly login: string
  readonly realm: string
  readonly resolver: string
  /** User-store attributes: givenname, surname, email, mobile, userid, custom attributes. */
  readonly info?: Readonly<Record<string, string>>
  readonly tokenCount?: number
  readonly containerCount?: number
  /** For `token_locked` when no single token is known (SPEC D3). */
  readonly hasLockedToken?: boolean
}

/**
 * The owner record of a token; `exists: false` marks an orphaned token.
 *
 * @example
 * const owner: TokenOwner = { login: 'alice', realm: 'realm1', resolver: 'resolver1', exists: true }
 * @since 0.1.0
 */
export interface TokenOwner {
  readonly login: string
  readonly realm: string
  readonly resolver: string
  readonly exists: boolean
}

/**
 * The one token resolved for the event; absent when none or several match.
 *
 * @example
 * const token: Token = {
 *   serial: 'TOTP0001',
 *   type: 'totp',
 *   realms: ['realm1'],
 *   resolvers: ['resolver1'],
 *   owner: { login: 'alice', realm: 'realm1', resolver: 'resolver1', exists: true },
 *   failcount: 0,
 *   maxfail: 10,
 *   otpCounter: 0,
 *   info: { last_auth: '2026-11-28 09:12:44.000000+0100', count_auth: '12' },
 * }
 * @since 0.1.0
 */
export interface Token {
  readonly serial: string
  /** Lower-case token type: `totp`, `hotp`, `spass`, ... */
  readonly type: string
  readonly realms: ReadonlyArray<string>
  readonly resolvers: ReadonlyArray<string>
  readonly owner?: TokenOwner
  readonly active?: boolean
  readonly failcount: number
  readonly maxfail: number
  readonly otpCounter: number
  readonly description?: string
  readonly rolloutState?: string
  readonly inContainer?: boolean
  /** tokeninfo: last_auth, count_auth, count_auth_success, validity_period_start, validity_period_end, ... */
  readonly info: Readonly<Record<string, string>>
}

/**
 * A container owner.
 *
 * @example
 * const owner: ContainerOwner = { login: 'alice', realm: 'realm1', resolver: 'resolver1' }
 * @since 0.1.0
 */
export interface ContainerOwner {
  readonly login: string
  readonly realm: string
  readonly resolver: string
}

/**
 * The container resolved for the event (SPEC 1.8).
 *
 * @example
 * const container: Container = {
 *   serial: 'SMPH0001',
 *   type: 'smartphone',
 *   states: ['active'],
 *   owners: [{ login: 'alice', realm: 'realm1', resolver: 'resolver1' }],
 *   realms: ['realm1'],
 *   tokenCount: 1,
 *   info: {},
 *   lastAuthentication: '2026-11-29T09:58:00+01:00',
 * }
 * @since 0.1.0
 */
export interface Container {
  readonly serial: string
  readonly type: string
  readonly states: ReadonlyArray<string>
  readonly owners: ReadonlyArray<ContainerOwner>
  readonly realms: ReadonlyArray<string>
  readonly tokenCount: number
  readonly info: Readonly<Record<string, string>>
  readonly lastAuthentication?: string
  readonly lastSynchronization?: string
}

/**
 * A challenge matching the event's token or container and transaction.
 *
 * @example
 * const challenge: Challenge = {
 *   session: 'challenge_declined',
 *   createdAt: '2026-11-29T09:59:00+01:00',
 *   expiresAt: '2026-11-29T10:02:00+01:00',
 * }
 * @since 0.1.0
 */
export interface Challenge {
  readonly session: string
  readonly createdAt: string
  readonly expiresAt: string
}

/**
 * One API call, with every fact the host resolved for it.
 *
 * @example
 * const event: Event = {
 *   name: 'token_init',
 *   position: 'post',
 *   now: '2026-11-29T10:00:00+01:00',
 *   request: { path: '/token/init', method: 'POST', params: { type: 'totp', user: 'alice', realm: 'realm1' } },
 *   response: { result: { status: true, value: true }, detail: { serial: 'TOTP0001' } },
 *   user: { login: 'alice', realm: 'realm1', resolver: 'resolver1', info: { email: 'alice@example.com' } },
 *   serial: 'TOTP0001',
 * }
 * @since 0.1.0
 */
export interface Event {
  /** Event identifier, e.g. `validate_check` (SPEC 2). */
  readonly name: string
  readonly position: Position
  /** The event's clock, ISO-8601 with offset: `2026-11-29T10:00:00+01:00`. */
  readonly now: string
  /** Host-supplied random hex, for `{random}` and random PINs (SPEC D16). */
  readonly entropy?: string
  /** `{url}`: the configured base URL. */
  readonly baseUrl?: string
  readonly request: Request
  /** Post only: the JSON body of the response (`{ result, detail, ... }`). */
  readonly response?: unknown
  readonly loggedIn?: LoggedIn
  readonly user?: User
  /** The event's serial; may be a comma list (SPEC 1.8). */
  readonly serial?: string
  readonly token?: Token
  readonly container?: Container
  readonly challenges?: ReadonlyArray<Challenge>
  /** Event counters by name; an absent name counts as 0. */
  readonly counters?: Readonly<Record<string, number>>
}

/**
 * One event-handler definition, as an administrator writes it.
 *
 * @example
 * const binding: Binding = {
 *   id: 1,
 *   name: 'Mail on enrolment',
 *   events: ['token_init'],
 *   handlerModule: 'UserNotification',
 *   action: 'sendmail',
 *   position: 'post',
 *   ordering: 0,
 *   active: true,
 *   options: { emailconfig: 'mail', To: 'tokenowner' },
 *   conditions: { tokentype: 'totp,hotp' },
 * }
 * @since 0.1.0
 */
export interface Binding {
  readonly id: string | number
  readonly name: string
  readonly events: ReadonlyArray<string>
  readonly handlerModule: string
  readonly action: string
  readonly position: Position
  readonly ordering: number
  readonly active: boolean
  /** Default per module: `Federation` true, all others false. */
  readonly abortOnError?: boolean
  /** privacyIDEA option names and string values. */
  readonly options: Readonly<Record<string, string>>
  /** privacyIDEA condition names and value strings. */
  readonly conditions: Readonly<Record<string, string>>
}

/**
 * A JSON value.
 *
 * @example
 * const body: Json = { result: { status: true, value: true }, detail: { serial: 'TOTP0001' } }
 * @since 0.1.0
 */
export type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json }

/**
 * The fields every action intent carries. Handler modules extend it with one `_tag` per action and the action's
 * rendered fields; every intent is plain JSON data.
 *
 * @example
 * const intent: Intent = {
 *   _tag: 'Token.disable',
 *   bindingId: 4,
 *   bindingName: 'Disable after failures',
 *   handlerModule: 'Token',
 *   action: 'disable',
 *   event: 'validate_check',
 *   position: 'post',
 * }
 * @since 0.1.0
 */
export interface Intent {
  readonly _tag: string
  readonly bindingId: string | number
  readonly bindingName: string
  readonly handlerModule: string
  readonly action: string
  readonly event: string
  readonly position: Position
}

/**
 * One audit row per triggered or failed binding, in privacyIDEA's form (SPEC 1.6).
 *
 * @example
 * const entry: AuditEntry = {
 *   action: 'POST-EVENT token_init>>UserNotification:sendmail',
 *   actionDetail: "{'emailconfig': 'mail', 'To': 'tokenowner'}",
 *   info: 'Mail on enrolment',
 *   event: 'token_init',
 *   position: 'post',
 *   bindingId: 1,
 *   bindingName: 'Mail on enrolment',
 *   handlerModule: 'UserNotification',
 *   success: true,
 *   serial: 'TOTP0001',
 *   user: 'alice',
 *   realm: 'realm1',
 *   tokenType: 'totp',
 * }
 * @since 0.1.0
 */
export interface AuditEntry {
  /** `PRE-EVENT <event>>><module>:<action>` or `POST-EVENT ...`. */
  readonly action: string
  /** The binding's options, rendered as privacyIDEA renders them. */
  readonly actionDetail: string
  /**
   * The binding name, or `name (ErrorTag)` on failure, as privacyIDEA writes it. tripline's notes on a triggered or
   * declined action go to `details`, not here: privacyIDEA only logs them. A host that reports run details of its
   * own (a mail server's error) appends them as `name (details)`.
   */
  readonly info: string
  readonly event: string
  readonly position: Position
  readonly bindingId: string | number
  readonly bindingName: string
  readonly handlerModule: string
  /** False for a failed binding; for a triggered one what the engine knows (the host completes it). */
  readonly success: boolean
  /** On failure: the error tag and a readable reason. */
  readonly error?: { readonly tag: string; readonly message: string }
  /**
   * Why a triggered action changes nothing or what the host must do (`no entropy in the event: the host draws the
   * PINs`), or why an action declined (`No token serials found`); absent when there is nothing to say.
   */
  readonly details?: string
  readonly serial?: string
  readonly user?: string
  readonly realm?: string
  readonly tokenType?: string
}

/**
 * Why the host must fail the call.
 *
 * @example
 * const aborted: Aborted = {
 *   bindingId: 7,
 *   reason: 'Forward to HQ (ConfigurationError): forward: option "privacyIDEA" is required',
 * }
 * @since 0.1.0
 */
export interface Aborted {
  readonly bindingId: string | number
  readonly reason: string
}

/**
 * The result of evaluating one event against a set of bindings.
 *
 * @example
 * const evaluation: Evaluation = evaluate(event, bindings)
 * if (evaluation.aborted !== undefined) throw new Error(evaluation.aborted.reason)
 * for (const intent of evaluation.intents) carryOut(intent)
 * @since 0.1.0
 */
export interface Evaluation<I extends Intent = Intent> {
  /** In execution order; plain data, one `_tag` per module action. */
  readonly intents: ReadonlyArray<I>
  /** One per triggered or failed binding, in the same order. */
  readonly audit: ReadonlyArray<AuditEntry>
  /** The request after request mangling. */
  readonly request: Request
  /** The response after response mangling (post). */
  readonly response?: unknown
  /** Present when a failing binding aborts the call: the host must fail it. */
  readonly aborted?: Aborted
}
