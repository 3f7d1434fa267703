/**
 * Templates: Python `str.format` parsing, the SPEC 5 tags and their sources in the `Event`, the Token handler's
 * `{now}` option templates, and `renderTemplate` for hosts that render per recipient.
 *
 * @since 0.1.0
 */
export type { FieldHook, FieldSegment, FormatError, LiteralSegment, Segment } from './format.js'
export { escapeFormat, parseFormat, parseFormatWith, printFormat } from './format.js'
export type { CompiledTemplate, TemplatePlace } from './render.js'
export { compileTemplate, escapeHtml, renderCompiled, renderTemplate } from './render.js'
export type { NotificationTag, RecipientNames, TagSpec, WebhookTag } from './tags.js'
export {
  FILENAME_TAG_SET,
  NOTIFICATION_TAG_SET,
  NOTIFICATION_TAGS,
  notificationTag,
  notificationTagValues,
  RANDOM_TAG,
  TAG_FACTS,
  TAG_SPECS,
  TAG_VALUES,
  tagFacts,
  WEBHOOK_ONLY_TAGS,
  WEBHOOK_TAG_SET,
  webhookTag,
} from './tags.js'
export type { NowField, TokenSegment, TokenTemplate } from './token.js'
export { compileTokenTemplate, DESCRIPTION_TAGS, renderTokenTemplate, TOKENINFO_TAGS } from './token.js'
