/**
 * `WebHook` (SPEC 4.9): HTTP POST of `data` to `URL`. Positions pre and post. With `replace` the SPEC 5 tags and the
 * WebHook aliases are substituted: for JSON recursively in keys, string values and list items (the payload is then
 * written back as Python's `json.dumps` writes it), for url-encoded data in the raw string. Data whose tags cannot
 * be substituted (an unknown tag, broken braces, JSON that does not parse) is sent unchanged, as privacyIDEA does;
 * `check` reports it as a warning. An unknown content type — an absent or empty one included — is a warning too,
 * and the action declines (privacyIDEA's returns false: nothing is sent, the audit entry records `success: false`
 * and the reason in `details`, never an abort).
 *
 * @since 0.1.0
 */
import type { EvalContext } from '../core/context.js'
import { right } from '../core/either.js'
import { type Issue, issue } from '../core/errors.js'
import type { Intent } from '../core/model.js'
import { type CompiledTemplate, compileTemplate, renderCompiled } from '../templates/render.js'
import { tagFacts, WEBHOOK_TAG_SET, type WebhookTag, webhookTag } from '../templates/tags.js'
import { collectStrings, dumpsPy, type JsonNode, mapStrings, parsePyJson } from './json.js'
import { mergeInto } from './merge-into.js'
import { declined, defineAction, defineModule, fired, type HandlerModuleDescriptor, intentBase } from './module.js'
import type { OptionsOf } from './options.js'

/**
 * The content types of SPEC 4.9 and the legacy names privacyIDEA still maps (`json`, `urlencoded`). The first
 * version's `urlendcode` is not one of them: privacyIDEA 3.14 declines it like any unknown type.
 *
 * @example
 * WEBHOOK_CONTENT_TYPES.urlencoded // 'application/x-www-form-urlencoded'
 * WEBHOOK_CONTENT_TYPES['text/plain'] // undefined: check warns, the action declines
 * WEBHOOK_CONTENT_TYPES.urlendcode // undefined: the same
 * @since 0.1.0
 */
export const WEBHOOK_CONTENT_TYPES: Readonly<Record<string, 'application/json' | 'application/x-www-form-urlencoded'>> =
  {
    'application/json': 'application/json',
    'application/x-www-form-urlencoded': 'application/x-www-form-urlencoded',
    json: 'application/json',
    urlencoded: 'application/x-www-form-urlencoded',
  }

const POST_WEBHOOK = [
  { name: 'URL', type: 'str', required: true },
  {
    name: 'content_type',
    type: 'str',
    required: true,
    values: Object.keys(WEBHOOK_CONTENT_TYPES),
    invalid: 'decline',
  },
  { name: 'replace', type: 'bool' },
  { name: 'data', type: 'text', required: true },
] as const

/**
 * `WebHook.post_webhook`: HTTP POST `data` to `url` with header `Content-Type: contentType`, timeout 10 s. A network
 * error is a failure of the action (audit success false); an HTTP error status is not.
 *
 * @example
 * const hook: WebhookIntent = {
 *   _tag: 'WebHook.post_webhook',
 *   bindingId: 13,
 *   bindingName: 'Tell the SIEM',
 *   handlerModule: 'WebHook',
 *   action: 'post_webhook',
 *   event: 'token_init',
 *   position: 'post',
 *   options: {
 *     URL: 'https://hooks.example.com/pi',
 *     content_type: 'application/json',
 *     replace: true,
 *     data: '{"serial": "{serial}", "user": "{logged_in_user}"}',
 *   },
 *   url: 'https://hooks.example.com/pi',
 *   contentType: 'application/json',
 *   data: '{"serial": "TOTP0001", "user": "alice"}',
 *   replaced: true,
 * }
 * @since 0.1.0
 */
export interface WebhookIntent extends Intent {
  readonly _tag: 'WebHook.post_webhook'
  readonly options: OptionsOf<typeof POST_WEBHOOK>
  readonly url: string
  readonly contentType: 'application/json' | 'application/x-www-form-urlencoded'
  /** The body to send, tags substituted when `replaced`. */
  readonly data: string
  /** Whether tags were substituted (false without `replace` and when the data is sent unchanged). */
  readonly replaced: boolean
}

type Payload =
  | { readonly _tag: 'Raw'; readonly reason?: string }
  | { readonly _tag: 'Text'; readonly template: CompiledTemplate }
  | { readonly _tag: 'Json'; readonly tree: JsonNode; readonly templates: ReadonlyMap<string, CompiledTemplate> }

const PATH = ['options', 'data']

const place = { path: PATH, label: 'webhook data', known: WEBHOOK_TAG_SET }

const unchanged = (reason: string): { readonly payload: Payload; readonly warnings: ReadonlyArray<Issue> } => ({
  payload: { _tag: 'Raw', reason },
  warnings: [issue('webhook-data-unchanged', `webhook data is sent unchanged: ${reason}`, PATH)],
})

const compilePayload = (
  data: string,
  json: boolean,
  replace: boolean,
): { readonly payload: Payload; readonly warnings: ReadonlyArray<Issue> } => {
  if (!replace) return { payload: { _tag: 'Raw' }, warnings: [] }
  if (!json) {
    const t = compileTemplate(data, place)
    return t._tag === 'Right'
      ? { payload: { _tag: 'Text', template: t.right }, warnings: [] }
      : unchanged(t.left.map((i) => i.message).join('; '))
  }
  const tree = parsePyJson(data)
  if (tree._tag === 'Left') return unchanged(`the data is not JSON: ${tree.left}`)
  const templates = new Map<string, CompiledTemplate>()
  for (const s of collectStrings(tree.right)) {
    if (templates.has(s)) continue
    const t = compileTemplate(s, place)
    if (t._tag === 'Left') return unchanged(t.left.map((i) => i.message).join('; '))
    templates.set(s, t.right)
  }
  return { payload: { _tag: 'Json', tree: tree.right, templates }, warnings: [] }
}

const payloadTags = (payload: Payload): ReadonlyArray<string> =>
  payload._tag === 'Text'
    ? payload.template.tags
    : payload._tag === 'Json'
      ? [...new Set([...payload.templates.values()].flatMap((t) => t.tags))]
      : []

const render = (payload: Payload, data: string, ctx: EvalContext): string => {
  const value = (t: string): string => webhookTag(ctx, t as WebhookTag)
  switch (payload._tag) {
    case 'Raw':
      return data
    case 'Text':
      return renderCompiled(payload.template, value)
    case 'Json':
      return dumpsPy(
        mapStrings(payload.tree, (s) => {
          const t = payload.templates.get(s)
          return t === undefined ? s : renderCompiled(t, value)
        }),
      )
  }
}

/**
 * The WebHook module.
 *
 * @example
 * webhookModule.actions[0]?.options.filter((o) => o.required).map((o) => o.name) // ['URL', 'content_type', 'data']
 * @since 0.1.0
 */
export const webhookModule: HandlerModuleDescriptor = defineModule({
  name: 'WebHook',
  positions: ['post', 'pre'],
  abortOnError: false,
  actions: [
    defineAction({ name: 'post_webhook', options: POST_WEBHOOK }, (options) => {
      const given = options.content_type
      const contentType =
        given !== undefined && Object.hasOwn(WEBHOOK_CONTENT_TYPES, given) ? WEBHOOK_CONTENT_TYPES[given] : undefined
      if (contentType === undefined) {
        // privacyIDEA posts only JSON or url-encoded data; any other type, None (absent) or "" included, returns false.
        const why = given === undefined ? 'no content type' : `unknown content type ${JSON.stringify(given)}`
        return right({ facts: [], run: () => declined(why) })
      }
      const { payload, warnings } = compilePayload(options.data, contentType === 'application/json', options.replace)
      return right({
        facts: tagFacts(payloadTags(payload), true),
        warnings,
        run: (ctx, binding) => {
          const intent: WebhookIntent = mergeInto(intentBase('WebHook.post_webhook', ctx, binding), {
            options,
            url: options.URL,
            contentType,
            data: render(payload, options.data, ctx),
            replaced: payload._tag !== 'Raw',
          })
          return fired(
            intent,
            payload._tag === 'Raw' && payload.reason !== undefined
              ? { details: 'data sent unchanged: tags not replaced' }
              : {},
          )
        },
      })
    }),
  ],
})
