import { describe, expect, it } from 'vitest'
import { isRuleSet, type RuleSet } from '../../src/core/compile.js'
import { createEngine } from '../../src/core/engine.js'
import type { Binding, Event } from '../../src/core/model.js'
import { binding, event, makeToyCatalogue } from './test-catalogue.js'

const bindings = (): ReadonlyArray<Binding> => [
  binding({ id: 1, conditions: { flag: 'yes' } }),
  binding({ id: 2, conditions: { realm: 'r', param: 'x=1' } }),
  binding({ id: 3, handlerModule: 'Forward', action: 'forward' }),
]

describe('createEngine', () => {
  it('compiles an array once, however often it is evaluated (cache by identity)', () => {
    const { catalogue, counts } = makeToyCatalogue()
    const engine = createEngine(catalogue)
    const bs = bindings()
    const first = engine.evaluate(event(), bs)
    expect(counts).toStrictEqual({ conditions: 3, actions: 3 })
    for (let i = 0; i < 5; i++) engine.evaluate(event({ name: i % 2 === 0 ? 'token_init' : 'other' }), bs)
    expect(counts).toStrictEqual({ conditions: 3, actions: 3 })
    expect(engine.evaluate(event(), bs)).toStrictEqual(first)
  })

  it('compiles an equal but different array again', () => {
    const { catalogue, counts } = makeToyCatalogue()
    const engine = createEngine(catalogue)
    engine.evaluate(event(), bindings())
    engine.evaluate(event(), bindings())
    expect(counts).toStrictEqual({ conditions: 6, actions: 6 })
  })

  it('caches frozen arrays too', () => {
    const { catalogue, counts } = makeToyCatalogue()
    const engine = createEngine(catalogue)
    const bs = Object.freeze(bindings())
    engine.evaluate(event(), bs)
    engine.evaluate(event(), bs)
    expect(counts.actions).toBe(3)
  })

  it('keeps the cache per engine', () => {
    const a = makeToyCatalogue()
    const b = makeToyCatalogue()
    const bs = bindings()
    createEngine(a.catalogue).evaluate(event(), bs)
    createEngine(b.catalogue).evaluate(event(), bs)
    expect(a.counts.actions).toBe(3)
    expect(b.counts.actions).toBe(3)
  })

  it('accepts a compiled rule set and does not compile it again', () => {
    const { catalogue, counts } = makeToyCatalogue()
    const engine = createEngine(catalogue)
    const bs = bindings()
    const rules = engine.compile(bs)
    expect(isRuleSet(rules)).toBe(true)
    expect(counts.actions).toBe(3)
    const e = event({ user: { login: 'u', realm: 'r', resolver: '' }, request: { params: { x: '1' } } })
    const viaRules = engine.evaluate(e, rules)
    expect(counts.actions).toBe(3)
    expect(viaRules).toStrictEqual(engine.evaluate(e, bs))
    expect(viaRules.intents.map((i) => i.bindingId)).toStrictEqual([1, 2, 3])
  })

  it('evaluates the same rule set against many events', () => {
    const { catalogue } = makeToyCatalogue()
    const engine = createEngine(catalogue)
    const rules = engine.compile(bindings())
    expect(engine.evaluate(event(), rules).intents.map((i) => i.bindingId)).toStrictEqual([1, 3])
    expect(engine.evaluate(event({ position: 'pre' }), rules).intents).toStrictEqual([])
  })

  it('sees a changed array only as a new array (the cache is keyed by identity)', () => {
    const { catalogue } = makeToyCatalogue()
    const engine = createEngine(catalogue)
    const bs: Binding[] = [binding({ id: 1 })]
    expect(engine.evaluate(event(), bs).intents).toHaveLength(1)
    bs.push(binding({ id: 2 }))
    expect(engine.evaluate(event(), bs).intents).toHaveLength(1)
    expect(engine.evaluate(event(), [...bs]).intents).toHaveLength(2)
  })

  it('never throws on bindings that are not an array', () => {
    const { catalogue } = makeToyCatalogue()
    const engine = createEngine(catalogue)
    for (const u of [null, undefined, 42, 'bindings', {}, { length: 1, 0: binding() }, () => [], Symbol('s')]) {
      expect(engine.evaluate(event(), u as never)).toStrictEqual({ intents: [], audit: [], request: { params: {} } })
    }
  })
})

describe('hostile calls from JavaScript', () => {
  const engine = createEngine(makeToyCatalogue().catalogue)
  it('treats a look-alike of a rule set as bindings (fails closed, never throws)', () => {
    const fake = { _tag: 'RuleSet' } as unknown as RuleSet
    expect(() =>
      engine.evaluate({ name: 'x', position: 'post', now: '2026-11-29T10:00:00Z', request: { params: {} } }, fake),
    ).not.toThrow()
  })
  it('answers an event that is no object with an empty evaluation', () => {
    for (const event of [undefined, null, 42, 'validate_check']) {
      expect(engine.evaluate(event as unknown as Event, [])).toEqual({
        intents: [],
        audit: [],
        request: { params: {} },
      })
    }
  })
})
