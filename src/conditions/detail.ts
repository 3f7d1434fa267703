/**
 * Conditions on the response's `detail` messages (SPEC 3.2): `detail_error_message` and `detail_message`, a regex
 * search (unanchored, D14) in `detail.error.message` / `detail.message`; a missing message is searched as `""`;
 * one that is not text (`null` included) or a step of the path that is not an object fails, as privacyIDEA raises.
 *
 * @since 0.1.0
 */
import type { EvalFailure } from '../core/errors.js'
import { isEvalFailure } from '../core/errors.js'
import { dataFailure, type ResponseKey, responseAt } from './define.js'
import { type ConditionCompiler, NEVER_SKIPS, regexCondition } from './shapes.js'

/**
 * `content.get("detail", {})...get("message", "")`: missing ⇒ `""`; a step that is not an object raises
 * AttributeError and a message that is not text (`null` included) TypeError, as in privacyIDEA.
 */
const messageAt =
  (name: string, path: readonly [...ReadonlyArray<ResponseKey>, ResponseKey]) =>
  (response: unknown): string | EvalFailure => {
    const u = responseAt(name, response, path)
    if (u === undefined) return ''
    if (typeof u === 'string' || isEvalFailure(u)) return u
    return dataFailure(name, 'TypeError', `response.${path.join('.')} is not text: ${JSON.stringify(u)}`)
  }

const errorMessage = messageAt('detail_error_message', ['detail', 'error', 'message'])
const message = messageAt('detail_message', ['detail', 'message'])

/**
 * `detail_error_message`: regex search in `detail.error.message`.
 *
 * @example
 * detailErrorMessage('detail_error_message', 'does not exist$') // right(CompiledCondition)
 * @since 0.1.0
 */
export const detailErrorMessage: ConditionCompiler = regexCondition('DetailErrorMessage', 'search', {
  facts: ['response.detail.error.message'],
  skip: NEVER_SKIPS,
  actual: (ctx) => errorMessage(ctx.event.response),
  what: 'detail.error.message',
})

/**
 * `detail_message`: regex search in `detail.message`.
 *
 * @example
 * detailMessage('detail_message', 'special') // right(CompiledCondition)
 * @since 0.1.0
 */
export const detailMessage: ConditionCompiler = regexCondition('DetailMessage', 'search', {
  facts: ['response.detail.message'],
  skip: NEVER_SKIPS,
  actual: (ctx) => message(ctx.event.response),
  what: 'detail.message',
})
