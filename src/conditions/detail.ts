/**
 * Conditions on the response's `detail` messages (SPEC 3.2): `detail_error_message` and `detail_message`, a regex
 * search (unanchored, D14) in `detail.error.message` / `detail.message`; a missing message is searched as `""`.
 *
 * @since 0.1.0
 */
import { dataFailure, pick, type ResponseKey } from './define.js'
import { type ConditionCompiler, NEVER_SKIPS, regexCondition } from './shapes.js'

const messageAt =
  (name: string, path: ReadonlyArray<ResponseKey>) =>
  (response: unknown): string | ReturnType<typeof dataFailure> => {
    let u: unknown = response
    for (const p of path) u = pick(u, p)
    if (u === undefined || u === null) return ''
    return typeof u === 'string'
      ? u
      : dataFailure(name, 'TypeError', `response.${path.join('.')} is not text: ${JSON.stringify(u)}`)
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
