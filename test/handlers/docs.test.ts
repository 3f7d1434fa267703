/** docs/handlers.md stays in step with the option tables the validator enforces and their texts (`describeModule`). */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { type DescribedAction, describeModule } from '../../src/handlers/descriptions.js'
import { MODULES } from '../../src/handlers/index.js'

const DOC = readFileSync(new URL('../../docs/handlers.md', import.meta.url), 'utf8')

const esc = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, '\\n')

/** The option table of one action, as docs/handlers.md prints it. */
const table = (a: DescribedAction): string => {
  if (a.options.length === 0) return `**Options of \`${a.name}\`**\n\nNo options.`
  const rows = a.options.map((o) => {
    const lenient = o.invalid === 'nothing' ? 'no change' : o.invalid === 'decline' ? 'declines' : undefined
    const required = o.required
      ? 'yes'
      : o.requiredWhen
        ? `when ${o.requiredWhen.option} is \`${o.requiredWhen.value}\``
        : ''
    const req =
      lenient !== undefined && required !== '' && o.default === undefined
        ? `${required} (absent ⇒ warning, ${lenient})`
        : required
    const vals = o.values
      ? o.values.map((v) => `\`${v === '' ? '""' : v}\``).join(', ')
      : o.type === 'int' && o.min !== undefined
        ? `${o.min}–${o.max}`
        : ''
    const def =
      o.default !== undefined
        ? o.default.includes('\n')
          ? '(built-in body, below)'
          : `\`${esc(o.default)}\``
        : o.type === 'bool'
          ? '`False`'
          : ''
    const type =
      lenient !== undefined && (o.type === 'int' || o.values !== undefined)
        ? `${o.type} (invalid ⇒ warning, ${lenient})`
        : o.type
    return `| \`${o.name}\` | ${type} | ${req} | ${vals} | ${def} | ${esc(o.description)} |`
  })
  return [
    `**Options of \`${a.name}\`**`,
    '',
    '| option | type | required | allowed values | default | meaning |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n')
}

describe('docs/handlers.md', () => {
  test.each(MODULES.map((m) => [m.name, describeModule(m)] as const))(
    '%s: a section with positions and every option table',
    (name, m) => {
      expect(DOC).toContain(`\n## ${name}\n`)
      const section = DOC.slice(DOC.indexOf(`\n## ${name}\n`))
      expect(section).toContain(
        m.positions.length === 1 ? `Position \`${m.positions[0]}\` only` : 'Positions `pre`, `post`',
      )
      for (const a of m.actions) expect(section).toContain(table(a))
    },
  )
})
