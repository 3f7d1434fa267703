import { describe, expect, it } from 'vitest'
import { shapeIssues } from '../../src/core/shape.js'
import { binding } from './test-catalogue.js'

const paths = (u: unknown) => shapeIssues(u).map((i) => i.path)

describe('shapeIssues', () => {
  it('finds nothing wrong with a well-formed binding', () => {
    expect(shapeIssues(binding())).toStrictEqual([])
    expect(shapeIssues(binding({ id: 'a-string-id', abortOnError: true, position: 'pre' }))).toStrictEqual([])
    expect(shapeIssues({ ...binding(), extra: 'ignored' })).toStrictEqual([])
  })

  it("says when it is given privacyIDEA's own shape, which decodeBindings reads", () => {
    const exported = { id: 1, name: 'n', event: 'token_init', handlermodule: 'Token', action: 'disable' }
    expect(shapeIssues(exported)[0]).toStrictEqual({
      code: 'invalid-binding',
      message: "this is privacyIDEA's own shape (handlermodule, event, ...): read it with decodeBindings first",
      path: [],
    })
    expect(shapeIssues({ ...binding(), event: 'token_init' })).toStrictEqual([]) // a native binding with an extra key
  })

  it('rejects what is not an object', () => {
    for (const u of [null, undefined, 1, 'binding', true, [binding()]]) {
      expect(shapeIssues(u)).toStrictEqual([
        { code: 'invalid-binding', message: 'a binding must be an object', path: [] },
      ])
    }
  })

  it('reports every wrong field with its path, all at once', () => {
    const garbage = {
      id: null,
      name: 3,
      events: 'token_init',
      handlerModule: {},
      action: undefined,
      position: 'PRE',
      ordering: '1',
      active: 'true',
      abortOnError: 'True',
      options: [],
      conditions: null,
    }
    expect(paths(garbage)).toStrictEqual([
      ['id'],
      ['name'],
      ['events'],
      ['handlerModule'],
      ['action'],
      ['position'],
      ['ordering'],
      ['active'],
      ['abortOnError'],
      ['options'],
      ['conditions'],
    ])
    expect(shapeIssues(garbage).every((i) => i.code === 'invalid-binding' && i.message.length > 0)).toBe(true)
  })

  it('rejects ids and orderings that are not finite numbers', () => {
    for (const id of [Number.NaN, Number.POSITIVE_INFINITY, 1n, {}, true])
      expect(paths(binding({ id: id as never }))).toStrictEqual([['id']])
    for (const ordering of [Number.NaN, Number.NEGATIVE_INFINITY, 1n])
      expect(paths(binding({ ordering: ordering as never }))).toStrictEqual([['ordering']])
  })

  it('accepts an absent abortOnError but not a non-boolean one', () => {
    expect(paths(binding({ abortOnError: false }))).toStrictEqual([])
    expect(paths(binding({ abortOnError: 1 as never }))).toStrictEqual([['abortOnError']])
  })

  it('rejects events that are not all strings', () => {
    expect(paths(binding({ events: ['token_init', 5] as never }))).toStrictEqual([['events']])
    expect(paths(binding({ events: [] }))).toStrictEqual([])
  })

  it('names each option and condition value that is not a string', () => {
    const b = binding({ options: { to: 'admin', count: 3, flag: true } as never, conditions: { realm: null } as never })
    expect(shapeIssues(b)).toStrictEqual([
      { code: 'invalid-binding', message: 'options.count must be a string, got number', path: ['options', 'count'] },
      { code: 'invalid-binding', message: 'options.flag must be a string, got boolean', path: ['options', 'flag'] },
      {
        code: 'invalid-binding',
        message: 'conditions.realm must be a string, got object',
        path: ['conditions', 'realm'],
      },
    ])
  })
})
