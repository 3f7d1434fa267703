/**
 * `Counter` (SPEC 4.5): event counters the host stores (per node; the value is the sum over nodes). Positions pre
 * and post.
 *
 * @since 0.1.0
 */
import { right } from '../core/either.js'
import type { Intent } from '../core/model.js'
import { mergeInto } from './merge-into.js'
import { defineAction, defineModule, fired, type HandlerModuleDescriptor, intentBase } from './module.js'
import type { OptionsOf } from './options.js'

const COUNTER_NAME = { name: 'counter_name', type: 'str', required: true } as const

const INCREASE = [COUNTER_NAME] as const
const DECREASE = [COUNTER_NAME, { name: 'allow_negative_values', type: 'bool' }] as const
const RESET = [COUNTER_NAME] as const

/**
 * `Counter.increase_counter`: add 1 to the counter (create it at 0 first when missing).
 *
 * @example
 * const increase: CounterIncreaseIntent = {
 *   _tag: 'Counter.increase_counter',
 *   bindingId: 3,
 *   bindingName: 'Count failed logins',
 *   handlerModule: 'Counter',
 *   action: 'increase_counter',
 *   event: 'validate_check',
 *   position: 'post',
 *   options: { counter_name: 'failed_logins' },
 *   counterName: 'failed_logins',
 * }
 * @since 0.1.0
 */
export interface CounterIncreaseIntent extends Intent {
  readonly _tag: 'Counter.increase_counter'
  readonly options: OptionsOf<typeof INCREASE>
  readonly counterName: string
}

/**
 * `Counter.decrease_counter`: subtract 1 when the summed value is above 0 or `allowNegative`; otherwise set every
 * row of the counter to 0 (a negative counter is clamped to 0).
 *
 * @example
 * const decrease: CounterDecreaseIntent = {
 *   _tag: 'Counter.decrease_counter',
 *   bindingId: 4,
 *   bindingName: 'Forgive a failed login',
 *   handlerModule: 'Counter',
 *   action: 'decrease_counter',
 *   event: 'validate_check',
 *   position: 'post',
 *   options: { counter_name: 'failed_logins', allow_negative_values: false },
 *   counterName: 'failed_logins',
 *   allowNegative: false,
 *   currentValue: 3, // event.counters.failed_logins: the host subtracts 1
 * }
 * @since 0.1.0
 */
export interface CounterDecreaseIntent extends Intent {
  readonly _tag: 'Counter.decrease_counter'
  readonly options: OptionsOf<typeof DECREASE>
  readonly counterName: string
  readonly allowNegative: boolean
  /** The summed value the event carried (`event.counters`, absent = 0), for the host's check. */
  readonly currentValue: number
}

/**
 * `Counter.reset_counter`: set every row of the counter to 0.
 *
 * @example
 * const reset: CounterResetIntent = {
 *   _tag: 'Counter.reset_counter',
 *   bindingId: 5,
 *   bindingName: 'Reset on success',
 *   handlerModule: 'Counter',
 *   action: 'reset_counter',
 *   event: 'validate_check',
 *   position: 'post',
 *   options: { counter_name: 'failed_logins' },
 *   counterName: 'failed_logins',
 * }
 * @since 0.1.0
 */
export interface CounterResetIntent extends Intent {
  readonly _tag: 'Counter.reset_counter'
  readonly options: OptionsOf<typeof RESET>
  readonly counterName: string
}

/**
 * The intents of the Counter module.
 *
 * @example
 * const applyCounter = (intent: CounterIntent, value: number): number =>
 *   intent._tag === 'Counter.increase_counter'
 *     ? value + 1
 *     : intent._tag === 'Counter.decrease_counter'
 *       ? value > 0 || intent.allowNegative ? value - 1 : 0
 *       : 0
 * @since 0.1.0
 */
export type CounterIntent = CounterIncreaseIntent | CounterDecreaseIntent | CounterResetIntent

const counterValue = (counters: Readonly<Record<string, number>> | undefined, name: string): number => {
  const v = counters !== undefined && Object.hasOwn(counters, name) ? counters[name] : undefined
  return typeof v === 'number' && Number.isFinite(v) ? v : 0
}

/**
 * The Counter module.
 *
 * @example
 * counterModule.actions.map((a) => a.name) // ['increase_counter', 'decrease_counter', 'reset_counter']
 * @since 0.1.0
 */
export const counterModule: HandlerModuleDescriptor = defineModule({
  name: 'Counter',
  positions: ['post', 'pre'],
  abortOnError: false,
  actions: [
    defineAction({ name: 'increase_counter', options: INCREASE }, (options) =>
      right({
        facts: [],
        run: (ctx, binding) => {
          const intent: CounterIncreaseIntent = mergeInto(intentBase('Counter.increase_counter', ctx, binding), {
            options,
            counterName: options.counter_name,
          })
          return fired(intent)
        },
      }),
    ),
    defineAction(
      {
        name: 'decrease_counter',
        options: DECREASE,
      },
      (options) =>
        right({
          facts: [`counters.${options.counter_name}`],
          run: (ctx, binding) => {
            const intent: CounterDecreaseIntent = mergeInto(intentBase('Counter.decrease_counter', ctx, binding), {
              options,
              counterName: options.counter_name,
              allowNegative: options.allow_negative_values,
              currentValue: counterValue(ctx.event.counters, options.counter_name),
            })
            return fired(intent)
          },
        }),
    ),
    defineAction({ name: 'reset_counter', options: RESET }, (options) =>
      right({
        facts: [],
        run: (ctx, binding) => {
          const intent: CounterResetIntent = mergeInto(intentBase('Counter.reset_counter', ctx, binding), {
            options,
            counterName: options.counter_name,
          })
          return fired(intent)
        },
      }),
    ),
  ],
})
