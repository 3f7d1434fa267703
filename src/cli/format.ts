/**
 * Text rendering of evaluations for the CLI.
 *
 * @since 0.1.0
 */
import { intentFields } from '../analysis/explain.js'
import type { Evaluation, Event } from '../core/model.js'

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

const renderId = (id: string | number): string => (typeof id === 'number' ? String(id) : JSON.stringify(id))

/**
 * Renders one evaluation: a header with the event, then each intent and each audit entry on its own line.
 *
 * @example
 * formatEvaluation('event.json', event, evaluation)
 * // event.json: validate_check (post): 1 intent, 1 audit entry
 * //   intent TokenDisable [2] "Disable" Token:disable {"serials":["OATH0001"]}
 * //   audit  POST-EVENT validate_check>>Token:disable success=true info="Disable"
 * @since 0.1.0
 */
export const formatEvaluation = (label: string, event: Event, ev: Evaluation): string => {
  const lines = [
    `${label}: ${event.name} (${event.position}): ${plural(ev.intents.length, 'intent', 'intents')}, ${plural(
      ev.audit.length,
      'audit entry',
      'audit entries',
    )}`,
  ]
  for (const i of ev.intents)
    lines.push(
      `  intent ${i._tag} [${renderId(i.bindingId)}] ${JSON.stringify(i.bindingName)} ${i.handlerModule}:${i.action} ${intentFields(i)}`,
    )
  for (const a of ev.audit)
    lines.push(
      `  audit  ${a.action} success=${String(a.success)} info=${JSON.stringify(a.info)}${
        a.details !== undefined ? ` details=${JSON.stringify(a.details)}` : ''
      }${a.error !== undefined ? ` error=${a.error.tag}: ${a.error.message}` : ''}`,
    )
  if (ev.aborted !== undefined)
    lines.push(
      `  ABORTED by binding ${renderId(ev.aborted.bindingId)}: ${ev.aborted.reason} (the host must fail the call)`,
    )
  return lines.join('\n')
}
