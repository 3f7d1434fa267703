/**
 * The analyses over the real catalogue: check finds what the plug-ins make possible, explain agrees with evaluate,
 * and the facts law holds for every condition and action the package ships.
 */
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { checkWith } from '../../src/analysis/check.js'
import type { Diagnostic } from '../../src/analysis/diagnostics.js'
import { explainWith, type SelectedExplanation } from '../../src/analysis/explain.js'
import { requiredFactsWith } from '../../src/analysis/facts.js'
import { makeContext } from '../../src/core/context.js'
import { createEngine } from '../../src/core/engine.js'
import type { Binding } from '../../src/core/model.js'
import { bindingOver } from '../arbitraries/binding.js'
import { event } from '../arbitraries/event.js'
import { realBindingVocabulary, realCatalogue, realEventVocabulary } from './real-catalogue.js'

const check = checkWith(realCatalogue)
const explain = explainWith(realCatalogue)
const requiredFacts = requiredFactsWith(realCatalogue)
const engine = createEngine(realCatalogue)

const b = (id: number, over: Partial<Binding>): Binding => ({
  id,
  name: `b${id}`,
  events: ['validate_check'],
  handlerModule: 'Logging',
  action: 'logging',
  position: 'post',
  ordering: 0,
  active: true,
  options: {},
  conditions: {},
  ...over,
})

const found = (ds: ReadonlyArray<Diagnostic>): ReadonlyArray<readonly [string, string | number | undefined]> =>
  ds.map((d) => [d.code, d.path[2]] as const)

const events = fc.tuple(event(realEventVocabulary), fc.array(bindingOver(realBindingVocabulary), { maxLength: 6 }))

describe('check over the real catalogue', () => {
  it('finds the contradictions of the issue: token owner, result value vs authentication', () => {
    expect(
      found(
        check([
          b(1, { conditions: { token_has_owner: 'False', token_is_orphaned: 'True' } }),
          b(2, { conditions: { result_value: 'True', result_authentication: 'REJECT' } }),
          b(3, { conditions: { result_status: 'False', result_authentication: 'ACCEPT' } }),
          b(4, { conditions: { count_auth: '<5', count_auth_success: '>10' } }),
          b(5, { conditions: { container_state: 'lost', container_exact_state: 'active' } }),
        ]),
      ),
    ).toEqual([
      ['contradictory-conditions', undefined],
      ['contradictory-conditions', undefined],
      ['contradictory-conditions', undefined],
      ['contradictory-conditions', undefined],
      ['contradictory-conditions', undefined],
    ])
  })

  it('finds conditions that never hold', () => {
    expect(
      found(
        check([
          b(1, {
            position: 'pre',
            conditions: { result_value: 'True', result_status: 'True', result_authentication: 'ACCEPT' },
          }),
          b(2, {
            conditions: {
              user_token_number: '<0',
              user_container_number: '<0',
              otp_counter: '< 0',
              failcounter: '<0',
              logged_in_user: 'Admin',
              tokentype: 'TOTP',
              container_type: 'Generic',
              container_state: 'active,disabled',
            },
          }),
        ]),
      ),
    ).toEqual([
      ['condition-never-holds', 'result_value'],
      ['condition-never-holds', 'result_status'],
      ['condition-never-holds', 'result_authentication'],
      ['condition-never-holds', 'logged_in_user'],
      ['condition-never-holds', 'user_token_number'],
      ['condition-never-holds', 'user_container_number'],
      ['condition-never-holds', 'tokentype'],
      ['condition-never-holds', 'otp_counter'],
      ['condition-never-holds', 'failcounter'],
      ['condition-never-holds', 'container_state'],
      ['condition-never-holds', 'container_type'],
    ])
  })

  it('accepts conditions that can hold', () => {
    expect(
      check([
        b(1, {
          conditions: {
            token_has_owner: 'True',
            token_is_orphaned: 'False',
            result_value: 'True',
            result_authentication: 'ACCEPT',
          },
        }),
        b(2, {
          position: 'pre',
          conditions: { result_value: 'False', user_token_number: '0', tokentype: 'totp,hotp' },
        }),
        b(3, {
          conditions: {
            count_auth: '==10',
            count_auth_fail: '==3',
            container_state: 'active,lost',
            container_exact_state: 'lost,active',
          },
        }),
      ]),
    ).toEqual([])
  })

  it('finds regexes prone to catastrophic backtracking in every place they occur', () => {
    expect(
      found(
        check([
          b(1, {
            conditions: {
              serial: '(a+)+$',
              detail_message: '(a|aa)*b',
              detail_error_message: '^(\\d+)*x',
              user_info: "foo 'matches' (.*a){12}",
              tokeninfo: "foo 'matches' (a|aa)*b",
              challenge_session: '(a|aa)*b',
              container_info: "foo '!matches' (a|aa)*b",
            },
          }),
          b(2, {
            handlerModule: 'RequestMangler',
            action: 'set',
            options: { parameter: 'user', value: '{0}', match_parameter: 'user', match_pattern: '(\\w+\\s?)*$' },
          }),
          // the plug-in already reports this one as always false (counters are integers): its regex never runs
          b(3, { conditions: { counter: "foo 'matches' (a|aa)*b" } }),
        ]),
      ),
    ).toEqual([
      ['catastrophic-backtracking', 'user_info'],
      ['catastrophic-backtracking', 'serial'],
      ['catastrophic-backtracking', 'detail_error_message'],
      ['catastrophic-backtracking', 'detail_message'],
      ['catastrophic-backtracking', 'tokeninfo'],
      ['catastrophic-backtracking', 'challenge_session'],
      ['catastrophic-backtracking', 'container_info'],
      ['catastrophic-backtracking', 'match_pattern'],
      ['never-true', 'counter'],
    ])
  })

  it("passes the plug-ins' errors and warnings through, without repeating them", () => {
    const ds = check([
      b(1, { conditions: { last_auth: '7', failcounter: 'abc', client_ip: '!10.0.0.1' } }),
      b(2, { handlerModule: 'UserNotification', action: 'sendmail', options: {} }),
      b(3, {
        handlerModule: 'ResponseMangler',
        action: 'delete',
        position: 'pre',
        options: { 'JSON pointer': '/detail' },
      }),
    ])
    expect(ds.filter((d) => d.severity === 'error').length).toBeGreaterThanOrEqual(3)
    expect(ds.some((d) => d.code === 'position-not-allowed')).toBe(true)
    expect(ds.filter((d) => d.path[2] === 'client_ip')).toHaveLength(1)
    expect(ds.filter((d) => d.path[2] === 'failcounter')).toHaveLength(1)
    expect(ds.every((d) => d.message.length > 10 && d.path[0] !== undefined)).toBe(true)
  })

  test.prop([fc.array(bindingOver(realBindingVocabulary), { maxLength: 5 })], { numRuns: 150 })(
    'never throws, and every diagnostic has a code, a severity, a binding and a path into the bindings',
    (bindings) => {
      for (const d of check(bindings)) {
        expect(d.code).toMatch(/^[a-z][a-z-]*$/)
        expect(['error', 'warning']).toContain(d.severity)
        expect(typeof d.path[0]).toBe('number')
        expect(d.message).not.toBe('')
      }
    },
  )
})

describe('explain over the real catalogue', () => {
  test.prop([events], { numRuns: 300 })('agrees with evaluate, step by step', ([ev, bindings]) => {
    const x = explain(ev, bindings)
    expect(x.evaluation).toEqual(engine.evaluate(ev, bindings))
    const steps = x.bindings.filter((s): s is SelectedExplanation => s._tag === 'Selected')
    expect(steps.flatMap((s) => (s.outcome._tag === 'Fired' ? [s.outcome.intent] : []))).toEqual(x.evaluation.intents)
    expect(JSON.parse(JSON.stringify(x.bindings))).toEqual(x.bindings)
  })

  test.prop([events], { numRuns: 300 })(
    "every condition's trace gives the verdict its predicate gives",
    ([ev, bindings]) => {
      const rules = engine.compile(bindings)
      const ctx = makeContext(ev)
      for (const cb of rules.bindings) {
        for (const c of cb.conditions) {
          const outcome = c.test(ctx)
          const trace = c.trace(ctx)
          const expected = outcome === true ? ['pass', 'skip'] : outcome === false ? ['fail'] : ['error']
          expect(expected, `${c.name}: ${JSON.stringify(c.value)} → ${JSON.stringify(trace)}`).toContain(trace.verdict)
        }
      }
    },
  )
})

describe('the facts law over the real catalogue', () => {
  it('names the facts of conditions and templates', () => {
    const facts = requiredFacts(
      [
        b(1, { conditions: { last_auth: '7d', user_token_number: '>1', counter: 'myCounter > 3' } }),
        b(2, { handlerModule: 'Logging', action: 'logging', options: { message: '{givenname} {serial}' } }),
      ],
      'validate_check',
      'post',
    )
    expect(facts).toEqual(expect.arrayContaining(['token.info.last_auth', 'user.tokenCount', 'counters.myCounter']))
  })
})
