/**
 * `Counter` (SPEC 4.5): event counters the host stores (per node; the value is the sum over nodes). Positions pre
 * and post.
 *
 * @since 0.1.0
 */
import { right } from '../core/either.js'
import type { Intent } from '../core/model.js'
import { defineAction, defineModule, fired, type HandlerModuleDescriptor, intentBase } from './module.js'
import type { OptionsOf } from './options.js'

const COUNTER_NAME = {
  name: 'counter_name',
  type: 'str',
  required: true,
  description: 'The name of the event counter.',
} as const

const INCREASE = [COUNTER_NAME] as const
const DECREASE = [
  COUNTER_NAME,
  {
    name: 'allow_negative_values',
    type: 'bool',
    description: 'Decrease below zero; otherwise a counter at or below zero is reset to 0.',
  },
] as const
const RESET = [COUNTER_NAME] as const

/**
 * `Counter.increase_counter`: add 1 to the counter (create it at 0 first when missing).
 *
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

/** `Counter.reset_counter`: set every row of the counter to 0. @since 0.1.0 */
export interface CounterResetIntent extends Intent {
  readonly _tag: 'Counter.reset_counter'
  readonly options: OptionsOf<typeof RESET>
  readonly counterName: string
}

/** The intents of the Counter module. @since 0.1.0 */
export type CounterIntent = CounterIncreaseIntent | CounterDecreaseIntent | CounterResetIntent

const counterValue = (counters: Readonly<Record<string, number>> | undefined, name: string): number => {
  const v = counters !== undefined && Object.hasOwn(counters, name) ? counters[name] : undefined
  return typeof v === 'number' && Number.isFinite(v) ? v : 0
}

/** The Counter module. @since 0.1.0 */
export const counterModule: HandlerModuleDescriptor = defineModule({
  name: 'Counter',
  description: 'Increases, decreases or resets event counters.',
  positions: ['post', 'pre'],
  abortOnError: false,
  actions: [
    defineAction(
      { name: 'increase_counter', description: 'Increase the counter by 1.', options: INCREASE },
      (options) =>
        right({
          facts: [],
          run: (ctx, binding) => {
            const intent: CounterIncreaseIntent = {
              ...intentBase('Counter.increase_counter', ctx, binding),
              options,
              counterName: options.counter_name,
            }
            return fired(intent)
          },
        }),
    ),
    defineAction(
      {
        name: 'decrease_counter',
        description: 'Decrease the counter by 1; at or below 0 reset it to 0 unless negative values are allowed.',
        options: DECREASE,
      },
      (options) =>
        right({
          facts: [`counters.${options.counter_name}`],
          run: (ctx, binding) => {
            const intent: CounterDecreaseIntent = {
              ...intentBase('Counter.decrease_counter', ctx, binding),
              options,
              counterName: options.counter_name,
              allowNegative: options.allow_negative_values,
              currentValue: counterValue(ctx.event.counters, options.counter_name),
            }
            return fired(intent)
          },
        }),
    ),
    defineAction({ name: 'reset_counter', description: 'Reset the counter to 0.', options: RESET }, (options) =>
      right({
        facts: [],
        run: (ctx, binding) => {
          const intent: CounterResetIntent = {
            ...intentBase('Counter.reset_counter', ctx, binding),
            options,
            counterName: options.counter_name,
          }
          return fired(intent)
        },
      }),
    ),
  ],
})
