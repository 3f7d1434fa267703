/**
 * Runs every vector of every test/conformance/*.json (copied byte for byte from shared/conformance) through the
 * public `evaluate` with the full catalogue. Nothing is skipped and nothing is marked expected-to-fail.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { Binding, Event } from '../../src/index.js'
import { evaluate, explain } from '../../src/index.js'

interface Vector {
  readonly id: string
  readonly conditions: Readonly<Record<string, string>>
  readonly event: Event
  readonly expect: 'fire' | 'skip' | 'error'
  readonly note?: string
}
interface VectorFile {
  readonly binding: Omit<Binding, 'events' | 'position' | 'conditions'>
  readonly vectors: ReadonlyArray<Vector>
}

const here = dirname(fileURLToPath(import.meta.url))
const files = readdirSync(here).filter((f) => f.endsWith('.json'))

const bindingFor = (file: VectorFile, v: Vector): Binding => ({
  ...file.binding,
  events: [v.event.name],
  position: v.event.position,
  conditions: v.conditions,
})

describe.each(files)('%s', (name) => {
  const file = JSON.parse(readFileSync(join(here, name), 'utf8')) as VectorFile

  it('has vectors', () => {
    expect(file.vectors.length).toBeGreaterThan(0)
  })

  it.each(file.vectors.map((v) => [v.id, v] as const))('%s', (_id, v) => {
    const binding = bindingFor(file, v)
    const result = evaluate(v.event, [binding])
    const why = `${v.note ?? ''}\n${JSON.stringify(result.audit)}`
    switch (v.expect) {
      case 'fire':
        expect(result.intents, why).toHaveLength(1)
        expect(result.audit.map((a) => a.success), why).toEqual([true])
        break
      case 'skip':
        expect(result.intents, why).toHaveLength(0)
        expect(result.audit, why).toHaveLength(0)
        break
      case 'error':
        expect(result.intents, why).toHaveLength(0)
        expect(result.audit.map((a) => a.success), why).toEqual([false])
        break
    }
    // explain replays the same fold: its outcome agrees with evaluate on every vector.
    const explained = explain(v.event, [binding]).bindings[0]
    expect(explained?._tag).toBe('Selected')
    if (explained?._tag === 'Selected') {
      const expected = { fire: 'Fired', skip: 'Silent', error: 'Failed' }[v.expect]
      expect(explained.outcome._tag).toBe(expected)
    }
  })
})
