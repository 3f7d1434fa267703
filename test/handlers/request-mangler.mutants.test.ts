/**
 * RequestMangler (SPEC 4.6): behaviour the example tests leave implicit — the descriptor texts, the configuration
 * sentences of `value` and `match_pattern`, group numbering and counting, and the user `reset_user` names.
 */
import { describe, expect, test } from 'vitest'
import type { Event } from '../../src/core/model.js'
import { deleteParam, requestManglerModule, setParam } from '../../src/handlers/request-mangler.js'
import { baseEvent, binding, compile, evaluate, onlyIntent } from './helpers.js'
import { expectDescribed, expectFactsSuffice } from './mutants-helpers.js'

const withParams = (params: Record<string, string>): Event => ({
  ...baseEvent,
  request: { ...baseEvent.request, params },
})
const match = (options: Record<string, string>) =>
  binding('RequestMangler', 'set', { parameter: 'out', match_parameter: 'in', ...options })
const issuesOf = (options: Record<string, string>) => compile(match(options)).issues
const warningsOf = (options: Record<string, string>) => compile(match(options)).action?.warnings

describe('RequestMangler descriptor', () => {
  test('the module, each action and each option describe themselves', () => {
    expectDescribed(requestManglerModule)
  })
  test('both actions read only the request', () => {
    expect(
      expectFactsSuffice(binding('RequestMangler', 'delete', { parameter: 'realm' })).request.params,
    ).not.toHaveProperty('realm')
    const r = expectFactsSuffice(match({ value: '{0}', match_pattern: '(.*)x' }), withParams({ in: 'ax' }))
    expect(r.request.params).toEqual({ in: 'ax', out: 'a' })
  })
})

describe('value and match_pattern: configuration sentences', () => {
  test('broken braces, a named tag, mixed numbering', () => {
    expect(issuesOf({ value: '{', match_pattern: '(.*)' })).toEqual([
      {
        code: 'invalid-template',
        message: "value: Single '{' encountered in format string; write {{ and }} for literal braces",
        path: ['options', 'value'],
      },
    ])
    expect(issuesOf({ value: '{0a}', match_pattern: '(.*)' })).toEqual([
      {
        code: 'unknown-tag',
        message: 'value: unknown tag {0a}; use {0}, {1}, … for the groups of match_pattern',
        path: ['options', 'value'],
      },
    ])
    for (const value of ['{}{0}', '{0}{}'])
      expect(issuesOf({ value, match_pattern: '(.*)(.*)' })).toEqual([
        {
          code: 'invalid-template',
          message: 'value: cannot mix {} with numbered groups such as {0}',
          path: ['options', 'value'],
        },
      ])
  })
  test('a regex that does not translate', () => {
    expect(issuesOf({ value: 'x', match_pattern: '(' })).toEqual([
      {
        code: 'invalid-regex',
        message: 'match_pattern: missing ), unterminated subpattern',
        path: ['options', 'match_pattern'],
      },
    ])
  })
  test('the template is only read when there is a pattern', () => {
    expect(compile(binding('RequestMangler', 'set', { parameter: 'p', value: '{user}' })).issues).toEqual([])
    expect(issuesOf({ value: '{user}', match_pattern: '' })).toEqual([])
    expect(
      compile(binding('RequestMangler', 'set', { parameter: 'p', value: '{', match_pattern: '(.*)' })).issues,
    ).toEqual([])
  })
  test('an empty pattern: the sentence says the parameter is never changed; nothing changes, no run details', () => {
    expect(warningsOf({ value: 'x' })).toEqual([
      {
        code: 'empty-pattern',
        message: 'match_parameter is set but match_pattern is empty: the parameter is never changed',
        path: ['options', 'match_pattern'],
      },
    ])
    const r = evaluate(match({ value: 'x' }), withParams({ in: 'x' }))
    expect([onlyIntent(r), r.request.params, r.audit[0]?.info]).toEqual([
      expect.objectContaining({ changed: false }),
      { in: 'x' },
      'b1',
    ])
    expect(onlyIntent(r)).not.toHaveProperty('value')
  })
  test('too few groups: the sentence names the group and the count', () => {
    expect(warningsOf({ value: '{1}{0}', match_pattern: '(a)(?:b)' })).toEqual([
      {
        code: 'too-few-groups',
        message: 'value uses group {1} but match_pattern has 1 group(s): the parameter is never changed',
        path: ['options', 'value'],
      },
    ])
    expect(warningsOf({ value: '{}', match_pattern: 'ab' })?.map((w) => w.message)).toEqual([
      'value uses group {0} but match_pattern has 0 group(s): the parameter is never changed',
    ])
  })
  test('enough groups: no warning', () => {
    for (const [value, pattern] of [
      ['{1}{0}', '(a)(b)'],
      ['{}{}', '(a)|(b)'],
      ['plain', 'ab'],
      ['{0}{0}', '(?P<x>a)'],
    ])
      expect([value, pattern, warningsOf({ value: value as string, match_pattern: pattern as string })]).toEqual([
        value,
        pattern,
        [],
      ])
  })
})

describe('set with a match', () => {
  test('{} takes the groups in order; numbered groups in any order; no group at all keeps the text', () => {
    const out = (value: string, pattern: string, input: string) =>
      evaluate(match({ value, match_pattern: pattern }), withParams({ in: input })).request.params.out
    expect(out('{}-{}', '(a)(b)', 'ab')).toBe('a-b')
    expect(out('{1}{0}{1}', '(a)(b)', 'ab')).toBe('bab')
    expect(out('{01}', '(a)(b)', 'ab')).toBe('b')
    expect(out('fixed', 'a.', 'ab')).toBe('fixed')
  })
  test('the match parameter must be an own parameter', () => {
    const r = evaluate(match({ value: 'x', match_pattern: '.*' }), withParams({}))
    expect(onlyIntent(r)).toMatchObject({ changed: false })
    const proto = evaluate(match({ value: 'x', match_parameter: 'toString', match_pattern: '.*' }), withParams({}))
    expect(onlyIntent(proto)).toMatchObject({ changed: false })
    expect(proto.request.params).toEqual({})
  })
  test('no match: unchanged without run details; match: the new request', () => {
    const b = match({ value: 'y', match_pattern: 'x' })
    const miss = evaluate(b, withParams({ in: 'z' }))
    expect([onlyIntent(miss), miss.audit[0]?.info]).toEqual([expect.objectContaining({ changed: false }), 'b1'])
    expect(evaluate(b, withParams({ in: 'x' })).request.params).toEqual({ in: 'x', out: 'y' })
  })
  test('match_pattern without match_parameter: always set', () => {
    expect(
      evaluate(binding('RequestMangler', 'set', { parameter: 'p', value: 'v', match_pattern: 'nomatch' })).request
        .params,
    ).toMatchObject({ p: 'v' })
  })
})

describe('reset_user', () => {
  const reset = (parameter: string, params: Record<string, string>, resetUser = 'True') =>
    onlyIntent<{ resetUser?: unknown }>(
      evaluate(
        binding('RequestMangler', 'set', {
          parameter,
          value: '{0}',
          match_parameter: 'in',
          match_pattern: '(.*)',
          reset_user: resetUser,
        }),
        withParams(params),
      ),
    ).resetUser
  test('the login is the username parameter, else the user parameter; the realm parameter, else ""', () => {
    expect(reset('username', { in: 'bob', user: 'carol', realm: 'r1' })).toEqual({ login: 'bob', realm: 'r1' })
    expect(reset('user', { in: 'bob', username: 'dave' })).toEqual({ login: 'dave', realm: '' })
    expect(reset('realm', { in: 'r2', user: 'carol' })).toEqual({ login: 'carol', realm: 'r2' })
    expect(reset('realm', { in: 'r2', username: '', user: 'carol' })).toEqual({ login: 'carol', realm: 'r2' })
    expect(reset('realm', { in: 'r2' })).toEqual({ login: '', realm: 'r2' })
  })
  test('not without the option, and not in the branch without a match parameter', () => {
    expect(reset('realm', { in: 'r2' }, 'False')).toBeUndefined()
    const always = evaluate(binding('RequestMangler', 'set', { parameter: 'realm', value: 'r', reset_user: 'True' }))
    expect(onlyIntent(always)).not.toHaveProperty('resetUser')
  })
})

describe('deleteParam and setParam', () => {
  const request = { path: '/validate/check', params: { user: 'alice', pass: 'secret' } }
  test('delete: a new request without the key; the same request when it is absent or only inherited', () => {
    expect(deleteParam(request, 'pass')).toEqual({ path: '/validate/check', params: { user: 'alice' } })
    expect(deleteParam(request, 'nope')).toBe(request)
    expect(deleteParam(request, 'toString')).toBe(request)
    expect(request.params).toEqual({ user: 'alice', pass: 'secret' })
  })
  test('set: a new request with the key; the input unchanged', () => {
    expect(setParam(request, 'realm', 'r2')).toEqual({
      path: '/validate/check',
      params: { user: 'alice', pass: 'secret', realm: 'r2' },
    })
    expect(request.params).toEqual({ user: 'alice', pass: 'secret' })
  })
  test('a delete that removes nothing leaves Evaluation.request as it was', () => {
    const e = withParams({ a: '1' })
    expect(evaluate(binding('RequestMangler', 'delete', { parameter: 'b' }), e).request).toBe(e.request)
  })
})

describe('group numbers in value', () => {
  test('a name that only ends in digits is a tag, not a group number', () => {
    expect(issuesOf({ value: '{g1}', match_pattern: '(.*)' })).toEqual([
      {
        code: 'unknown-tag',
        message: 'value: unknown tag {g1}; use {0}, {1}, … for the groups of match_pattern',
        path: ['options', 'value'],
      },
    ])
  })
  test('digits in the literal text are not group numbers', () => {
    const r = evaluate(match({ value: '7{0}9', match_pattern: '(a)b' }), withParams({ in: 'ab' }))
    expect(r.audit[0]?.info).toBe('b1')
    expect(onlyIntent(r)).toMatchObject({ changed: true, value: '7a9' })
  })
  test('group n needs n + 1 groups: {1} of a one-group pattern leaves the parameter unchanged', () => {
    expect(warningsOf({ value: '{1}', match_pattern: '(a)' })?.map((w) => w.code)).toEqual(['too-few-groups'])
    const r = evaluate(match({ value: '{1}', match_pattern: '(a)' }), withParams({ in: 'a' }))
    expect(onlyIntent(r)).toMatchObject({ changed: false })
    expect(r.audit[0]).toMatchObject({ info: 'b1', details: 'value needs group 1, match_pattern has 1; unchanged' })
  })
})
