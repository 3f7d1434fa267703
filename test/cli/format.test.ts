import { describe, expect, it } from 'vitest'
import { formatEvaluation } from '../../src/cli/format.js'
import type { Binding, Event } from '../../src/core/model.js'
import { evaluate } from '../../src/index.js'

const event: Event = { name: 'validate_check', position: 'post', now: '2026-11-29T10:00:00Z', request: { params: {} } }
const binding = (id: number, over: Partial<Binding>): Binding => ({
  id,
  name: `b${id}`,
  events: ['validate_check'],
  handlerModule: 'Token',
  action: 'disable',
  position: 'post',
  ordering: id,
  active: true,
  options: {},
  conditions: {},
  ...over,
})

describe('formatEvaluation', () => {
  it('prints the details of a declined action and the error of a failed one, each on its audit line', () => {
    const ev = evaluate(event, [
      binding(1, {}),
      binding(2, { handlerModule: 'Logging', action: 'logging', options: { message: '{nope}' } }),
    ])
    expect(formatEvaluation('e.json', event, ev).split('\n')).toEqual([
      'e.json: validate_check (post): 0 intents, 2 audit entries',
      '  audit  POST-EVENT validate_check>>Token:disable success=false info="b1" details="no token serials found"',
      expect.stringMatching(
        /^ {2}audit {2}POST-EVENT validate_check>>Logging:logging success=false info="b2 \(ConfigurationError\)" error=ConfigurationError: .*nope/,
      ),
    ])
  })
})
