import { describe, expect, it } from 'vitest'
import type { Catalogue } from '../../src/core/catalogue.js'
import { compileBinding, compileWith, isRuleSet, type RuleSet } from '../../src/core/compile.js'
import { right } from '../../src/core/either.js'
import type { Binding, Position } from '../../src/core/model.js'
import { shapeIssues } from '../../src/core/shape.js'
import { binding, toyCatalogue } from './test-catalogue.js'

const compile = (bindings: ReadonlyArray<unknown>): RuleSet =>
  compileWith(toyCatalogue, bindings as ReadonlyArray<Binding>)
const ids = (rules: RuleSet, position: Position, name: string) =>
  (rules.index.get(position)?.get(name) ?? []).map((cb) => cb.binding.id)
const errorsOf = (b: unknown) => compileBinding(toyCatalogue, b, 0).errors.map((e) => ({ code: e.code, path: e.path }))

describe('compileWith: the rule set', () => {
  it('keeps every binding in input order, with its index', () => {
    const bs = [binding({ id: 'b' }), binding({ id: 'a', active: false }), binding({ id: 'c' })]
    const rules = compile(bs)
    expect(rules._tag).toBe('RuleSet')
    expect(rules.bindings.map((cb) => [cb.binding.id, cb.index])).toStrictEqual([
      ['b', 0],
      ['a', 1],
      ['c', 2],
    ])
    expect(rules.bindings[0]?.binding).toBe(bs[0])
  })

  it('indexes active bindings by position and exact event name, in execution order', () => {
    const rules = compile([
      binding({ id: 3, ordering: 1 }),
      binding({ id: 2, ordering: 1 }),
      binding({ id: 'z', ordering: 0 }),
      binding({ id: 1, ordering: 5, events: ['token_init', 'Token_Init'] }),
      binding({ id: 9, position: 'pre', handlerModule: 'Notify' }),
      binding({ id: 8, active: false }),
    ])
    expect(ids(rules, 'post', 'token_init')).toStrictEqual(['z', 2, 3, 1])
    expect(ids(rules, 'post', 'Token_Init')).toStrictEqual([1])
    expect(ids(rules, 'pre', 'token_init')).toStrictEqual([9])
    expect(ids(rules, 'post', 'token_init ')).toStrictEqual([])
  })

  it('breaks equal ordering and id by input position', () => {
    const rules = compile([binding({ id: 1, name: 'first' }), binding({ id: 1, name: 'second' })])
    expect(
      rules.index
        .get('post')
        ?.get('token_init')
        ?.map((cb) => cb.binding.name),
    ).toStrictEqual(['first', 'second'])
  })

  it('lists a binding once per event even when the event is repeated', () => {
    const rules = compile([binding({ events: ['token_init', 'token_init'] })])
    expect(ids(rules, 'post', 'token_init')).toStrictEqual([1])
  })

  it('keeps bindings with configuration errors in the index, so they fail when selected', () => {
    const rules = compile([binding({ handlerModule: 'Nope' })])
    expect(ids(rules, 'post', 'token_init')).toStrictEqual([1])
    expect(rules.errors).toHaveLength(1)
  })

  it('is recognised by isRuleSet; arrays and other values are not', () => {
    expect(isRuleSet(compile([]))).toBe(true)
    for (const u of [[], null, undefined, 'RuleSet', { _tag: 'Other' }]) expect(isRuleSet(u)).toBe(false)
  })

  it('reports bindings that are not an array instead of throwing', () => {
    for (const u of [null, undefined, 42, 'x', { 0: binding() }]) {
      const rules = compileWith(toyCatalogue, u as never)
      expect(rules.bindings).toStrictEqual([])
      expect(rules.errors.map((e) => e.code)).toStrictEqual(['invalid-bindings'])
      expect(rules.index.get('post')?.get('token_init') ?? []).toStrictEqual([])
    }
  })

  it('treats holes in a sparse array as malformed bindings', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const rules = compile([binding({ id: 1 }), , binding({ id: 3 })])
    expect(rules.bindings).toHaveLength(3)
    expect(rules.errors.map((e) => [e.code, e.path])).toStrictEqual([['invalid-binding', [1]]])
    expect(ids(rules, 'post', 'token_init')).toStrictEqual([1, 3])
  })

  it('collects every configuration error of every binding', () => {
    const rules = compile([
      binding({ id: 'a', conditions: { flag: 'maybe' } }),
      binding(),
      binding({ id: 'c', action: 'nope' }),
    ])
    expect(rules.errors.map((e) => [e.bindingId, e.code])).toStrictEqual([
      ['a', 'invalid-flag'],
      ['c', 'unknown-action'],
    ])
  })
})

describe('compileBinding: conditions', () => {
  it('compiles each condition once, sorted by rank, then by name', () => {
    const cb = compileBinding(
      toyCatalogue,
      binding({ conditions: { param: 'x=1', realm: 'r', flag: 'yes', fail: 'E' } }),
      0,
    )
    expect(cb.conditions.map((c) => c.name)).toStrictEqual(['flag', 'fail', 'realm', 'param'])
    expect(cb.errors).toStrictEqual([])
  })

  it('breaks rank ties by name', () => {
    const rankTie: Catalogue = {
      ...toyCatalogue,
      conditions: {
        compile: (name, value) =>
          right({
            name,
            value,
            rank: 1,
            data: { _tag: name },
            test: () => true,
            trace: () => ({ name, value, verdict: 'pass', compared: {}, reason: '' }),
            facts: [],
            warnings: [],
          }),
      },
    }
    const cb = compileBinding(rankTie, binding({ conditions: { b: '', c: '', a: '' } }), 0)
    expect(cb.conditions.map((c) => c.name)).toStrictEqual(['a', 'b', 'c'])
  })

  it('reports a bad condition value with its path from the bindings array', () => {
    const cb = compileBinding(toyCatalogue, binding({ id: 'x', name: 'n', conditions: { flag: 'maybe' } }), 4)
    expect(cb.errors).toStrictEqual([
      {
        _tag: 'ConfigError',
        code: 'invalid-flag',
        message: 'flag: "maybe" is neither yes nor no',
        bindingId: 'x',
        bindingName: 'n',
        path: [4, 'conditions', 'flag'],
      },
    ])
  })

  it('reports an unknown condition (SPEC D10) and keeps compiling the others', () => {
    const cb = compileBinding(toyCatalogue, binding({ conditions: { nonsense: '1', flag: 'no', param: 'oops' } }), 0)
    expect(cb.errors.map((e) => [e.code, e.path])).toStrictEqual([
      ['unknown-condition', [0, 'conditions', 'nonsense']],
      ['invalid-param', [0, 'conditions', 'param']],
    ])
    expect(cb.conditions.map((c) => c.name)).toStrictEqual(['flag'])
  })

  it("orders the condition errors by the catalogue's rank (SPEC 3.0), unknown names last, ties in map order", () => {
    const ranks: Readonly<Record<string, number>> = { flag: 0, param: 20 }
    const ranked: Catalogue = {
      ...toyCatalogue,
      conditions: { ...toyCatalogue.conditions, rank: (name) => ranks[name] },
    }
    const conditions = { nonsense: '1', param: 'oops', other: '2', flag: 'maybe' }
    const codes = (c: Catalogue) => compileBinding(c, binding({ conditions }), 0).errors.map((e) => [e.code, e.path[2]])
    expect(codes(ranked)).toStrictEqual([
      ['invalid-flag', 'flag'],
      ['invalid-param', 'param'],
      ['unknown-condition', 'nonsense'],
      ['unknown-condition', 'other'],
    ])
    // without a rank the map's order stays
    expect(codes(toyCatalogue).map(([, name]) => name)).toStrictEqual(['nonsense', 'param', 'other', 'flag'])
    // a throwing rank is contained: that name counts as unknown
    const throwing: Catalogue = {
      ...toyCatalogue,
      conditions: {
        ...toyCatalogue.conditions,
        rank: (name) => {
          if (name === 'param') throw new Error('rank bug')
          return ranks[name]
        },
      },
    }
    expect(codes(throwing).map(([, name]) => name)).toStrictEqual(['flag', 'nonsense', 'param', 'other'])
  })

  it('collects warnings with paths without failing the binding', () => {
    const cb = compileBinding(toyCatalogue, binding({ conditions: { param: 'x=', flag: ' yes' } }), 2)
    expect(cb.errors).toStrictEqual([])
    expect(cb.warnings.map((w) => [w.code, w.path])).toStrictEqual([
      ['blank-flag', [2, 'conditions', 'flag']],
      ['empty-param', [2, 'conditions', 'param']],
    ])
  })
})

describe('compileBinding: module and action', () => {
  it('compiles the action of a known module', () => {
    const cb = compileBinding(toyCatalogue, binding(), 0)
    expect(cb.action).toBeDefined()
    expect(cb.errors).toStrictEqual([])
    expect(cb.actionDetail).toBe("{'to': 'admin'}")
  })

  it('reports an unknown module (module names are exact)', () => {
    for (const handlerModule of ['Nope', 'notify', 'Notify ', '']) {
      const cb = compileBinding(toyCatalogue, binding({ handlerModule }), 1)
      expect(cb.action).toBeUndefined()
      expect(cb.errors.map((e) => [e.code, e.path, e.message])).toStrictEqual([
        ['unknown-module', [1, 'handlerModule'], `unknown handler module "${handlerModule}"`],
      ])
    }
  })

  it('reports an unknown action and a missing option with their paths', () => {
    expect(errorsOf(binding({ action: 'sendmail' }))).toStrictEqual([{ code: 'unknown-action', path: [0, 'action'] }])
    expect(errorsOf(binding({ options: {} }))).toStrictEqual([{ code: 'missing-option', path: [0, 'options', 'to'] }])
  })

  it('reports a position the module does not allow, with the allowed ones', () => {
    const cb = compileBinding(
      toyCatalogue,
      binding({ handlerModule: 'Forward', action: 'forward', position: 'pre' }),
      0,
    )
    expect(cb.errors.map((e) => [e.code, e.path, e.message])).toStrictEqual([
      ['position-not-allowed', [0, 'position'], 'Forward cannot run in position "pre"; allowed: post'],
    ])
    expect(cb.action).toBeDefined()
  })

  it('reports a bad position and bad options together', () => {
    const b = binding({ handlerModule: 'SetResponse', action: 'set', position: 'pre', options: { key: 'k' } })
    expect(errorsOf(b)).toStrictEqual([
      { code: 'position-not-allowed', path: [0, 'position'] },
      { code: 'missing-option', path: [0, 'options', 'value'] },
    ])
  })

  it('reports condition errors before action errors', () => {
    expect(errorsOf(binding({ handlerModule: 'Nope', conditions: { flag: '' } })).map((e) => e.code)).toStrictEqual([
      'invalid-flag',
      'unknown-module',
    ])
  })
})

describe('compileBinding: abortOnError', () => {
  const abort = (over: Partial<Binding>) => compileBinding(toyCatalogue, binding(over), 0).abortOnError

  it('defaults per module: true only for the Federation-like module', () => {
    expect(abort({})).toBe(false)
    expect(abort({ handlerModule: 'Forward', action: 'forward' })).toBe(true)
    expect(abort({ handlerModule: 'SetParam', action: 'set', options: { key: 'k', value: 'v' } })).toBe(false)
  })

  it('follows an explicit value either way', () => {
    expect(abort({ abortOnError: true })).toBe(true)
    expect(abort({ handlerModule: 'Forward', action: 'forward', abortOnError: false })).toBe(false)
  })

  it('keeps the module default when the binding has other configuration errors', () => {
    expect(abort({ handlerModule: 'Forward', action: 'nope' })).toBe(true)
    expect(abort({ handlerModule: 'Forward', action: 'forward', position: 'pre' })).toBe(true)
    expect(abort({ handlerModule: 'Forward', action: 'forward', conditions: { flag: 'maybe' } })).toBe(true)
  })

  it('is false for an unknown module unless the binding says so', () => {
    expect(abort({ handlerModule: 'Nope' })).toBe(false)
    expect(abort({ handlerModule: 'Nope', abortOnError: true })).toBe(true)
  })

  it('follows the module default for a malformed binding too', () => {
    const malformed = (over: Record<string, unknown>) =>
      compileBinding(
        toyCatalogue,
        { ...binding({ handlerModule: 'Forward', action: 'forward' }), ordering: 'x', ...over },
        0,
      ).abortOnError
    expect(malformed({})).toBe(true)
    expect(malformed({ abortOnError: false })).toBe(false)
    expect(malformed({ handlerModule: 'Notify' })).toBe(false)
    expect(malformed({ handlerModule: 42 })).toBe(false)
  })
})

describe('compileBinding: malformed bindings', () => {
  it('turns shape problems into configuration errors with paths, id and name where usable', () => {
    const cb = compileBinding(toyCatalogue, { ...binding({ id: 'b7', name: 'n' }), options: { to: 1 } }, 3)
    expect(cb.errors.map((e) => [e.code, e.path, e.bindingId, e.bindingName])).toStrictEqual([
      ['invalid-binding', [3, 'options', 'to'], 'b7', 'n'],
    ])
    expect(cb.action).toBeUndefined()
    expect(cb.conditions).toStrictEqual([])
    expect(cb.actionDetail).toBe('{}')
  })

  it('falls back to the index as id and the empty name', () => {
    const cb = compileBinding(toyCatalogue, { id: null, name: 5 }, 6)
    expect(cb.errors.every((e) => e.bindingId === 6 && e.bindingName === '')).toBe(true)
  })

  it('keeps a well-typed binding for audit entries, whatever the input held', () => {
    const garbage = {
      id: Symbol('id'),
      name: Symbol('name'),
      events: ['token_init', 7, Symbol('e')],
      handlerModule: 10n,
      action: {},
      position: 'post',
      ordering: Symbol('o'),
      active: true,
      abortOnError: 'yes',
      options: 'none',
      conditions: [],
    }
    const cb = compileBinding(toyCatalogue, garbage, 2)
    expect(shapeIssues(cb.binding)).toStrictEqual([])
    expect(cb.binding).toStrictEqual({
      id: 2,
      name: '',
      events: ['token_init'],
      handlerModule: '',
      action: '',
      position: 'post',
      ordering: 0,
      active: true,
      options: {},
      conditions: {},
    })
  })

  it('keeps the usable fields of a malformed binding', () => {
    const cb = compileBinding(
      toyCatalogue,
      { ...binding({ id: 'k', name: 'n', ordering: 4 }), active: 'yes', abortOnError: true },
      0,
    )
    expect(cb.binding).toMatchObject({ id: 'k', name: 'n', ordering: 4, active: false, abortOnError: true })
  })

  it('does not select a malformed binding without a valid position', () => {
    const rules = compile([
      { ...binding(), position: 'PRE' },
      { ...binding(), position: undefined },
    ])
    expect(ids(rules, 'pre', 'token_init')).toStrictEqual([])
    expect(ids(rules, 'post', 'token_init')).toStrictEqual([])
  })

  it('selects an active malformed binding with a valid position and events, so it fails when selected', () => {
    const rules = compile([{ ...binding({ id: 1 }), options: null }])
    expect(ids(rules, 'post', 'token_init')).toStrictEqual([1])
  })
})

describe('compileBinding: plug-ins that throw', () => {
  const throwing: Catalogue = {
    conditions: {
      compile: () => {
        throw new Error('condition compiler bug')
      },
    },
    handlers: {
      module: (name) =>
        name === 'Bad'
          ? {
              name,
              positions: ['pre', 'post'],
              abortOnError: false,
              compile: () => {
                throw new Error('module compiler bug')
              },
            }
          : toyCatalogue.handlers.module(name),
    },
  }

  it('turns a throwing condition compiler into a configuration error', () => {
    const cb = compileBinding(throwing, binding({ conditions: { flag: 'yes' } }), 0)
    expect(cb.errors.map((e) => [e.code, e.path, e.message])).toStrictEqual([
      ['internal-error', [0, 'conditions', 'flag'], 'flag: the condition compiler failed: condition compiler bug'],
    ])
  })

  it('turns a throwing module compiler into a configuration error', () => {
    const cb = compileBinding(throwing, binding({ handlerModule: 'Bad' }), 0)
    expect(cb.action).toBeUndefined()
    expect(cb.errors.map((e) => [e.code, e.path, e.message])).toStrictEqual([
      ['internal-error', [0, 'action'], 'Bad: the module compiler failed: module compiler bug'],
    ])
  })
})
