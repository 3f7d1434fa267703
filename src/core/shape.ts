/**
 * A defensive look at a binding's shape. The types promise it, but a JavaScript host can pass anything; a
 * malformed binding becomes configuration errors with paths instead of a crash.
 *
 * @since 0.1.0
 */
import { type Issue, issue } from './errors.js'

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u)

const stringMap = (u: unknown, field: string): ReadonlyArray<Issue> => {
  if (!isRecord(u)) return [issue('invalid-binding', `${field} must be an object of strings`, [field])]
  return Object.keys(u)
    .filter((k) => typeof u[k] !== 'string')
    .map((k) => issue('invalid-binding', `${field}.${k} must be a string, got ${typeof u[k]}`, [field, k]))
}

/**
 * The shape problems of one binding (empty when it satisfies `Binding`).
 *
 * @example
 * shapeIssues({ ...binding, events: 'token_init' })
 * // [{ code: 'invalid-binding', message: 'events must be a list of strings', path: ['events'] }]
 * @since 0.1.0
 */
export const shapeIssues = (b: unknown): ReadonlyArray<Issue> => {
  if (!isRecord(b)) return [issue('invalid-binding', 'a binding must be an object')]
  const out: Issue[] = []
  if (b.handlerModule === undefined && (b.handlermodule !== undefined || typeof b.event === 'string'))
    out.push(
      issue(
        'invalid-binding',
        "this is privacyIDEA's own shape (handlermodule, event, ...): read it with decodeBindings first",
      ),
    )
  if (typeof b.id !== 'string' && !(typeof b.id === 'number' && Number.isFinite(b.id)))
    out.push(issue('invalid-binding', 'id must be a string or a finite number', ['id']))
  if (typeof b.name !== 'string') out.push(issue('invalid-binding', 'name must be a string', ['name']))
  const events = b.events
  if (!Array.isArray(events) || events.some((e) => typeof e !== 'string'))
    out.push(issue('invalid-binding', 'events must be a list of strings', ['events']))
  if (typeof b.handlerModule !== 'string')
    out.push(issue('invalid-binding', 'handlerModule must be a string', ['handlerModule']))
  if (typeof b.action !== 'string') out.push(issue('invalid-binding', 'action must be a string', ['action']))
  if (b.position !== 'pre' && b.position !== 'post')
    out.push(issue('invalid-binding', 'position must be "pre" or "post"', ['position']))
  if (typeof b.ordering !== 'number' || !Number.isFinite(b.ordering))
    out.push(issue('invalid-binding', 'ordering must be a finite number', ['ordering']))
  if (typeof b.active !== 'boolean') out.push(issue('invalid-binding', 'active must be a boolean', ['active']))
  if (b.abortOnError !== undefined && typeof b.abortOnError !== 'boolean')
    out.push(issue('invalid-binding', 'abortOnError must be a boolean', ['abortOnError']))
  out.push(...stringMap(b.options, 'options'), ...stringMap(b.conditions, 'conditions'))
  return out
}
