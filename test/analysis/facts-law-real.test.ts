/**
 * The facts law (docs/host-guide.md) over the real catalogue: a host that loads only the facts requiredFacts names
 * gets the same evaluation as one that loads everything.
 */
import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { prune, requiredFactsWith } from '../../src/analysis/facts.js'
import { createEngine } from '../../src/core/engine.js'
import { bindingOver } from '../arbitraries/binding.js'
import { event } from '../arbitraries/event.js'
import { realBindingVocabulary, realCatalogue, realEventVocabulary } from './real-catalogue.js'

const requiredFacts = requiredFactsWith(realCatalogue)
const engine = createEngine(realCatalogue)
const events = fc.tuple(event(realEventVocabulary), fc.array(bindingOver(realBindingVocabulary), { maxLength: 6 }))

describe('the facts law over the real catalogue', () => {
  test.prop([events], { numRuns: 250 })(
    'evaluating with every field outside requiredFacts removed gives the same evaluation',
    ([ev, bindings]) => {
      const plan = requiredFacts(bindings, ev.name, ev.position)
      expect(engine.evaluate(prune(ev, plan), bindings)).toEqual(engine.evaluate(ev, bindings))
    },
  )
})
