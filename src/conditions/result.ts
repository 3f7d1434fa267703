/**
 * Conditions on the response's `result` (SPEC 3.2): `result_value`, `result_status`, `result_authentication`.
 * In pre position there is no response: the value and status count as false, the authentication as missing. A
 * `result` that is present but not an object fails the binding (privacyIDEA's `.get` on it raises AttributeError).
 *
 * @since 0.1.0
 */
import { right } from '../core/either.js'
import { isEvalFailure } from '../core/errors.js'
import { defineCondition, type ResponseKey, responseAt } from './define.js'
import { isTrue } from './grammar/boolean.js'
import { type ConditionCompiler, NEVER_SKIPS } from './shapes.js'

/** The path of `content.get("result", {}).get(field)`: a `result` that is not an object is an AttributeError. */
const resultPath = (field: ResponseKey): readonly [ResponseKey, ResponseKey] => ['result', field]

const truthCondition =
  (tag: 'ResultValue' | 'ResultStatus', field: 'value' | 'status'): ConditionCompiler =>
  (name, value) => {
    const expected = isTrue(value)
    const path = resultPath(field)
    return right(
      defineCondition({
        name,
        value,
        data: { _tag: tag, expected },
        facts: [`response.result.${field}`],
        test: (ctx) => {
          const actual = responseAt(name, ctx.event.response, path)
          return isEvalFailure(actual) ? actual : isTrue(actual) === expected
        },
        skip: NEVER_SKIPS,
        explain: (ctx, holds) => {
          const actual = responseAt(name, ctx.event.response, path)
          return {
            compared: { actual, expected },
            reason: `result.${field} ${JSON.stringify(actual) ?? 'is missing and'} reads as ${isTrue(actual)}, ${holds ? 'as' : 'not'} expected (${expected})`,
          }
        },
      }),
    )
  }

/**
 * `result_value`: `isTrue(value) === isTrue(result.value)`; missing or non-boolean ⇒ false.
 *
 * @example
 * resultValue('result_value', 'True') // right(CompiledCondition)
 * @since 0.1.0
 */
export const resultValue: ConditionCompiler = truthCondition('ResultValue', 'value')

/**
 * `result_status`: `isTrue(value) === isTrue(result.status)`.
 *
 * @example
 * resultStatus('result_status', 'True') // right(CompiledCondition)
 * @since 0.1.0
 */
export const resultStatus: ConditionCompiler = truthCondition('ResultStatus', 'status')

/**
 * `result_authentication`: exact equality with `result.authentication`; missing ⇒ false.
 *
 * @example
 * resultAuthentication('result_authentication', 'ACCEPT') // right(CompiledCondition)
 * @since 0.1.0
 */
export const resultAuthentication: ConditionCompiler = (name, value) => {
  const path = resultPath('authentication')
  return right(
    defineCondition({
      name,
      value,
      data: { _tag: 'ResultAuthentication', expected: value },
      facts: ['response.result.authentication'],
      test: (ctx) => {
        const actual = responseAt(name, ctx.event.response, path)
        return isEvalFailure(actual) ? actual : actual === value
      },
      skip: NEVER_SKIPS,
      explain: (ctx, holds) => {
        const actual = responseAt(name, ctx.event.response, path)
        return {
          compared: { actual, expected: value },
          reason:
            actual === undefined
              ? 'the response has no result.authentication'
              : `result.authentication is ${JSON.stringify(actual)}, ${holds ? 'as' : 'not'} expected`,
        }
      },
    }),
  )
}
