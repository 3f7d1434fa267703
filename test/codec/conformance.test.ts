import { describe, expect, it } from 'vitest'
import { decodeBindings } from '../../src/codec/bindings.js'
import { formatDecodeErrors } from '../../src/codec/errors.js'
import { decodeEvent } from '../../src/codec/event.js'
import vectors from '../conformance/conditions.json' with { type: 'json' }

describe('the conformance vectors', () => {
  const cases = vectors.vectors.map((v) => [v.id, v] as const)

  it.each(cases)('%s: event and binding decode unchanged', (_, v) => {
    const event = decodeEvent(v.event)
    expect(event._tag === 'Left' ? formatDecodeErrors(event.left) : event.right).toStrictEqual(v.event)
    const binding = { ...vectors.binding, events: [v.event.name], position: v.event.position, conditions: v.conditions }
    const bindings = decodeBindings([binding])
    expect(bindings._tag === 'Left' ? formatDecodeErrors(bindings.left) : bindings.right).toStrictEqual([binding])
  })
})
