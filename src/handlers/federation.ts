/**
 * `Federation` (SPEC 4.4): forward the request to another privacyIDEA server and replace the response with its
 * answer. Post only; `abortOnError` defaults to true. tripline writes `realm`, `resolver` and `client` into the
 * request parameters as privacyIDEA does (SPEC 1.7) — later bindings see them — and describes the forward; the
 * host sends it and replaces the response (tripline cannot know the remote answer, so later bindings of the same
 * evaluation still see the local response).
 *
 * @since 0.1.0
 */
import { right } from '../core/either.js'
import type { Intent, Request } from '../core/model.js'
import { mergeInto } from './merge-into.js'
import { defineAction, defineModule, fired, type HandlerModuleDescriptor, intentBase } from './module.js'
import type { OptionsOf } from './options.js'

const FORWARD = [
  { name: 'privacyIDEA', type: 'str', required: true },
  { name: 'realm', type: 'str' },
  { name: 'resolver', type: 'str' },
  { name: 'forward_client_ip', type: 'bool' },
  { name: 'forward_authorization_token', type: 'bool' },
] as const

/**
 * Methods privacyIDEA forwards: GET as query, POST and DELETE as form body.
 *
 * @example
 * FORWARDED_METHODS.has('POST') // true
 * FORWARDED_METHODS.has('PUT') // false: the intent says forward: false
 * @since 0.1.0
 */
export const FORWARDED_METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'DELETE'])

/**
 * `Federation.forward`: send `method` to `<url of server><path>` with `params` (GET: query string; POST/DELETE:
 * form body), TLS verification per the server's configuration; add header `PI-Authorization` when
 * `forwardAuthorizationToken`. Replace the response with the remote JSON and status; when it has a `detail` key set
 * `detail.origin` to the forwarded URL. `forward: false` (another method): log and send nothing.
 *
 * @example
 * const forward: FederationForwardIntent = {
 *   _tag: 'Federation.forward',
 *   bindingId: 8,
 *   bindingName: 'Forward to HQ',
 *   handlerModule: 'Federation',
 *   action: 'forward',
 *   event: 'validate_check',
 *   position: 'post',
 *   options: { privacyIDEA: 'hq', realm: 'hqrealm', forward_client_ip: true, forward_authorization_token: false },
 *   server: 'hq',
 *   method: 'POST',
 *   path: '/validate/check',
 *   params: { user: 'alice', pass: '123456', realm: 'hqrealm', client: '10.0.0.5' },
 *   forwardAuthorizationToken: false,
 *   forward: true,
 * }
 * @since 0.1.0
 */
export interface FederationForwardIntent extends Intent {
  readonly _tag: 'Federation.forward'
  readonly options: OptionsOf<typeof FORWARD>
  /** The remote server identifier (option `privacyIDEA`). */
  readonly server: string
  /** The request method; absent when the event does not say (the host uses the call's own). */
  readonly method?: string
  /** The request path appended to the server URL; `""` when the event does not say. */
  readonly path: string
  /** The request parameters to send, after this binding's changes. */
  readonly params: Readonly<Record<string, string>>
  readonly forwardAuthorizationToken: boolean
  readonly forward: boolean
}

// Object.fromEntries defines own properties (no `__proto__` setter); a changed key keeps its position.
const setParams = (request: Request, changes: ReadonlyArray<readonly [string, string]>): Request => ({
  ...request,
  params: Object.fromEntries([...Object.entries(request.params), ...changes]),
})

/**
 * The Federation module.
 *
 * @example
 * federationModule.positions // ['post']
 * federationModule.abortOnError // true: a failed forward fails the call unless the binding says otherwise
 * @since 0.1.0
 */
export const federationModule: HandlerModuleDescriptor = defineModule({
  name: 'Federation',
  positions: ['post'],
  abortOnError: true,
  actions: [
    defineAction({ name: 'forward', options: FORWARD }, (options) =>
      right({
        // It reads only the request (method, path, params, client IP), which every evaluation has (a kernel fact).
        facts: [],
        run: (ctx, binding) => {
          const request = ctx.event.request
          const changes: Array<readonly [string, string]> = []
          if (options.realm !== undefined) changes.push(['realm', options.realm])
          if (options.resolver !== undefined) changes.push(['resolver', options.resolver])
          if (options.forward_client_ip && request.clientIp !== undefined) changes.push(['client', request.clientIp])
          const next = setParams(request, changes)
          const method = request.method?.toUpperCase()
          const forward = method === undefined || FORWARDED_METHODS.has(method)
          const intent: FederationForwardIntent = mergeInto(intentBase('Federation.forward', ctx, binding), {
            options,
            server: options.privacyIDEA,
            ...(method !== undefined ? { method } : {}),
            path: request.path ?? '',
            params: next.params,
            forwardAuthorizationToken: options.forward_authorization_token,
            forward,
          })
          return fired(intent, {
            ...(changes.length > 0 ? { request: next } : {}),
            ...(forward ? {} : { details: `the method ${String(method)} is not forwarded` }),
          })
        },
      }),
    ),
  ],
})
