/**
 * Behaviour of src/core/compile.ts that the mutation run (docs/quality.md) found unstated: how a malformed binding
 * stands in (its usable position, id, ordering and events, no warnings), execution order among many ties, the rule
 * set of a non-array, and the binding named in a configuration error.
 */
import { describe, expect, it } from 'vitest'
import { checkWith } from '../../src/analysis/check.js'
import { explainWith } from '../../src/analysis/explain.js'
import { compileWith } from '../../src/core/compile.js'
import { createEngine } from '../../src/core/engine.js'
import type { Binding } from '../../src/core/model.js'
import { binding, event, toyCatalogue } from './test-catalogue.js'

const engine = createEngine(toyCatalogue)
const evaluate = (e: Parameters<typeof engine.evaluate>[0], bs: ReadonlyArray<unknown>) =>
  engine.evaluate(e, bs as ReadonlyArray<Binding>)

describe('a malformed binding stands in with its usable fields', () => {
  it('keeps a valid position: a pre binding with a bad field fails in pre events only', () => {
    const bad = { ...binding({ id: 7, position: 'pre' }), name: 42 }
    const pre = evaluate(event({ position: 'pre' }), [bad])
    expect(pre.audit.map((a) => [a.bindingId, a.success, a.error?.tag])).toStrictEqual([
      [7, false, 'ConfigurationError'],
    ])
    expect(evaluate(event({ position: 'post' }), [bad]).audit).toStrictEqual([])
  })

  it('is never selected with a position that is not pre or post, and shows it as post', () => {
    const bad = { ...binding({ id: 7 }), position: 'sideways' }
    expect(evaluate(event({ position: 'post' }), [bad]).audit).toStrictEqual([])
    expect(evaluate(event({ position: 'pre' }), [bad]).audit).toStrictEqual([])
    const x = explainWith(toyCatalogue)(event(), [bad] as never)
    expect(x.bindings[0]).toMatchObject({ _tag: 'NotSelected', position: 'post' })
  })

  it('is named by its index when its id is not a string or a finite number', () => {
    for (const id of [Number.NaN, Number.POSITIVE_INFINITY, { id: 1 }, null, true]) {
      const ev = evaluate(event(), [binding({ id: 'x' }), { ...binding(), id }])
      expect(ev.audit.filter((a) => !a.success).map((a) => a.bindingId)).toStrictEqual([1])
      expect(compileWith(toyCatalogue, [binding(), { ...binding(), id }] as never).errors[0]?.bindingId).toBe(1)
    }
  })

  it('runs at ordering 0 when its ordering is not a finite number', () => {
    for (const ordering of [Number.NaN, '5', null]) {
      // the stand-in (ordering 0) runs before a valid binding at ordering 1, though it comes later in the input
      const ev = evaluate(event(), [
        binding({ id: 1, ordering: 1 }),
        { ...binding({ id: 2, handlerModule: 'Notify' }), ordering },
      ])
      expect(ev.audit.map((a) => a.bindingId)).toStrictEqual([2, 1])
    }
  })

  it('keeps its string events, and has none when events is not a list', () => {
    const explain = explainWith(toyCatalogue)
    const listed = explain(event(), [{ ...binding({ id: 3 }), events: ['token_init', 5] }] as never)
    expect(listed.bindings[0]).toMatchObject({ _tag: 'Selected', events: ['token_init'] })
    const none = explain(event(), [{ ...binding({ id: 3 }), events: 'token_init' }] as never)
    expect(none.bindings[0]).toMatchObject({ _tag: 'NotSelected', events: [] })
  })

  it('has configuration errors and no warnings', () => {
    const check = checkWith(toyCatalogue)
    const diagnostics = check([{ ...binding({ conditions: { flag: ' yes' } }), name: 1 }] as never)
    expect(diagnostics.map((d) => [d.severity, d.code])).toStrictEqual([['error', 'invalid-binding']])
  })
})

describe('execution order among many ties (SPEC D15)', () => {
  it('runs 300 bindings with the same ordering and id in input order', () => {
    const bs = Array.from({ length: 300 }, (_, i) => binding({ id: 1, name: `b${i}`, ordering: i % 2 === 0 ? 0 : 1 }))
    const names = evaluate(event(), bs).intents.map((i) => i.bindingName)
    const expected = [...bs.filter((_, i) => i % 2 === 0), ...bs.filter((_, i) => i % 2 === 1)].map((b) => b.name)
    expect(names).toStrictEqual(expected)
  })
})

describe('the rule set of something that is not an array', () => {
  it('is an empty rule set with one configuration error that names no binding', () => {
    for (const input of [undefined, null, 'bindings', 3, { length: 1 }]) {
      const rules = compileWith(toyCatalogue, input as never)
      expect(rules._tag).toBe('RuleSet')
      expect(rules.bindings).toStrictEqual([])
      expect(rules.errors).toStrictEqual([
        {
          _tag: 'ConfigError',
          code: 'invalid-bindings',
          message: 'bindings must be an array',
          bindingId: '',
          bindingName: '',
          path: [],
        },
      ])
      expect(evaluate(event(), rules as never)).toStrictEqual({ intents: [], audit: [], request: { params: {} } })
    }
  })
})

describe('a configuration error names its binding', () => {
  it('by the binding id, string or number, else by its index', () => {
    const rules = compileWith(toyCatalogue, [
      binding({ id: 'abc', handlerModule: 'Nope' }),
      binding({ id: 42, name: 'n', handlerModule: 'Nope' }),
    ])
    expect(rules.errors.map((e) => [e.bindingId, e.bindingName, e.path])).toStrictEqual([
      ['abc', 'notify admin', [0, 'handlerModule']],
      [42, 'n', [1, 'handlerModule']],
    ])
  })
})
