/**
 * Behaviour of src/core/evaluate.ts that the mutation run (docs/quality.md) found unstated: what a plug-in bug
 * looks like in the audit (a condition that returns something that is not an outcome, a module that compiles to no
 * action), and that a step carries only the fields its action gave (`exactOptionalPropertyTypes`: an optional field
 * is absent, never `undefined`).
 */
import { describe, expect, it } from 'vitest'
import type { Catalogue, CompiledCondition, ModuleDescriptor } from '../../src/core/catalogue.js'
import type { CompiledBinding } from '../../src/core/compile.js'
import { compileWith } from '../../src/core/compile.js'
import { makeContext } from '../../src/core/context.js'
import { right } from '../../src/core/either.js'
import { createEngine } from '../../src/core/engine.js'
import { stepBinding } from '../../src/core/evaluate.js'
import { binding, event, toyCatalogue } from './test-catalogue.js'

/** A condition `odd` whose predicate returns the value JSON-parsed (or `undefined` for `undefined`). */
const oddCondition = (value: string): CompiledCondition => ({
  name: 'odd',
  value,
  rank: 0,
  data: { _tag: 'Odd' },
  test: () => (value === 'undefined' ? undefined : JSON.parse(value)) as never,
  trace: () => ({ name: 'odd', value, verdict: 'error', compared: {}, reason: 'odd' }),
  facts: [],
  warnings: [],
})

/** A module `Empty` whose compiler returns no action at all (a plug-in bug). */
const emptyModule: ModuleDescriptor = {
  name: 'Empty',
  positions: ['pre', 'post'],
  abortOnError: false,
  compile: () => right(undefined as never),
}

const buggy: Catalogue = {
  conditions: {
    compile: (name, value) =>
      name === 'odd' ? right(oddCondition(value)) : toyCatalogue.conditions.compile(name, value),
  },
  handlers: { module: (name) => (name === 'Empty' ? emptyModule : toyCatalogue.handlers.module(name)) },
}
const engine = createEngine(buggy)

describe('plug-in bugs become failures with a readable reason', () => {
  it.each([
    ['"yes"', 'a condition returned "yes", not true, false or a failure'],
    ['0', 'a condition returned 0, not true, false or a failure'],
    ['{"_tag":"Other"}', 'a condition returned {"_tag":"Other"}, not true, false or a failure'],
    ['undefined', 'a condition returned undefined, not true, false or a failure'],
  ])('a condition that returns %s', (value, message) => {
    const ev = engine.evaluate(event(), [binding({ conditions: { odd: value } })])
    expect(ev.intents).toStrictEqual([])
    expect(ev.audit.map((a) => a.error)).toStrictEqual([{ tag: 'InternalError', message }])
  })

  it('a module that compiles to no action', () => {
    const ev = engine.evaluate(event(), [binding({ handlerModule: 'Empty', action: 'x' })])
    expect(ev.audit.map((a) => [a.success, a.error])).toStrictEqual([
      [false, { tag: 'ConfigurationError', message: 'no action' }],
    ])
  })
})

describe('a step carries only what its action gave', () => {
  const step = (b: ReturnType<typeof binding>) =>
    stepBinding(compileWith(toyCatalogue, [b]).bindings[0] as CompiledBinding, makeContext(event()))

  it('an intent with run details: the details, no request or response keys', () => {
    const s = step(binding())
    expect(s._tag).toBe('Fired')
    expect(Object.keys(s).sort()).toStrictEqual(['_tag', 'details', 'intent'])
  })

  it('a request change: the request, and nothing else', () => {
    const s = step(binding({ handlerModule: 'SetParam', action: 'set', options: { key: 'x', value: '1' } }))
    expect(Object.keys(s).sort()).toStrictEqual(['_tag', 'intent', 'request'])
  })

  it('a response change: the response, and nothing else', () => {
    const s = step(binding({ handlerModule: 'SetResponse', action: 'set', options: { key: 'x', value: '1' } }))
    expect(Object.keys(s).sort()).toStrictEqual(['_tag', 'intent', 'response'])
  })
})
