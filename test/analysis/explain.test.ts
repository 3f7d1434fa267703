import { test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import {
  type Explanation,
  explainWith,
  formatExplanation,
  type SelectedExplanation,
} from '../../src/analysis/explain.js'
import type { Catalogue, CompiledCondition } from '../../src/core/catalogue.js'
import { right } from '../../src/core/either.js'
import { createEngine } from '../../src/core/engine.js'
import type { Event } from '../../src/core/model.js'
import { fixtureBindings, fixtureEvent } from './arbitraries.js'
import { binding, fixtureCatalogue } from './fixture-catalogue.js'

const explain = explainWith(fixtureCatalogue)
const engine = createEngine(fixtureCatalogue)

const event: Event = {
  name: 'validate_check',
  position: 'post',
  now: '2026-11-29T10:00:00+00:00',
  request: { path: '/validate/check', params: { user: 'alice', pass: 'x' }, clientIp: '10.0.0.1' },
  response: {
    result: { status: true, value: false, authentication: 'REJECT' },
    detail: { message: 'wrong otp value' },
  },
  user: {
    login: 'alice',
    realm: 'r1',
    resolver: 'res',
    info: { givenname: 'Alice', email: 'a@example.org' },
    tokenCount: 1,
  },
  token: {
    serial: 'OATH0001',
    type: 'hotp',
    realms: ['r1'],
    resolvers: ['res'],
    failcount: 7,
    maxfail: 10,
    otpCounter: 3,
    info: {},
  },
}

const selected = (x: Explanation): ReadonlyArray<SelectedExplanation> =>
  x.bindings.filter((b): b is SelectedExplanation => b._tag === 'Selected')

describe('explain: selection', () => {
  it('lists selected bindings in execution order, then the others with every reason', () => {
    const x = explain(event, [
      binding({ id: 1, ordering: 5 }),
      binding({ id: 2, events: ['token_init'] }),
      binding({ id: 3, position: 'pre' }),
      binding({ id: 4, active: false, events: ['auth'] }),
      binding({ id: 5, ordering: 1 }),
    ])
    expect(x.bindings.map((b) => [b.bindingId, b._tag])).toEqual([
      [5, 'Selected'],
      [1, 'Selected'],
      [2, 'NotSelected'],
      [3, 'NotSelected'],
      [4, 'NotSelected'],
    ])
    const others = x.bindings.filter((b) => b._tag === 'NotSelected')
    expect(others.map((b) => b.reasons)).toEqual([['other-event'], ['other-position'], ['other-event', 'inactive']])
    expect(others[0]?.message).toBe('it is for "token_init", not "validate_check"')
    expect(selected(x).map((b) => b.step)).toEqual([1, 2])
  })

  it('explains a malformed binding without throwing', () => {
    const x = explain(event, [{ id: 1, name: 'broken' } as never, 'nonsense' as never])
    expect(x.bindings.every((b) => b._tag === 'NotSelected' && b.reasons.includes('malformed'))).toBe(true)
    expect(formatExplanation(x)).toContain('malformed')
  })
})

describe('explain: conditions', () => {
  it('shows each condition in evaluation order, the values compared, skip and early exit', () => {
    const x = explain({ ...event, token: undefined } as unknown as Event, [
      binding({ id: 1, conditions: { failcounter: '>5', tokentype: 'hotp', result_value: 'True', serial: 'OATH' } }),
    ])
    const [b] = selected(x)
    expect(b?.conditions.map((c) => [c.name, c.verdict])).toEqual([
      ['result_value', 'fail'],
      ['serial', 'not-reached'],
      ['tokentype', 'not-reached'],
      ['failcounter', 'not-reached'],
    ])
    expect(b?.conditions[0]?.compared).toEqual({ actual: false, expected: true })
    expect(b?.outcome).toEqual({ _tag: 'Silent', reason: 'condition result_value does not hold: result.value' })
    expect(b?.audit).toBeUndefined()

    const y = explain({ ...event, token: undefined } as unknown as Event, [
      binding({ id: 1, conditions: { failcounter: '>5', tokentype: 'hotp', result_value: 'False' } }),
    ])
    expect(selected(y)[0]?.conditions.map((c) => c.verdict)).toEqual(['pass', 'skip', 'skip'])
    expect(selected(y)[0]?.outcome._tag).toBe('Fired')
  })

  it('shows an evaluation error and the failure it causes', () => {
    const bad = {
      ...event,
      token: { ...(event.token as NonNullable<Event['token']>), info: { validity_period_start: 'garbage' } },
    }
    const x = explain(bad, [binding({ id: 1, conditions: { token_validity_period: 'True', failcounter: '>1' } })])
    const [b] = selected(x)
    expect(b?.conditions.map((c) => c.verdict)).toEqual(['error', 'not-reached'])
    expect(b?.outcome).toEqual({
      _tag: 'Failed',
      errorTag: 'ParserError',
      message: 'ParserError: unparseable start',
      aborts: false,
    })
    expect(b?.audit?.success).toBe(false)
  })

  it('shows configuration errors and does not evaluate the conditions', () => {
    const x = explain(event, [binding({ id: 1, conditions: { serial: '(', failcounter: '>1' } })])
    const [b] = selected(x)
    expect(b?.configErrors.map((e) => e.code)).toEqual(['invalid-regex'])
    expect(b?.conditions.map((c) => c.verdict)).toEqual(['not-reached'])
    expect(b?.outcome._tag).toBe('Failed')
    expect(formatExplanation(x)).toContain('configuration error at [0].conditions.serial')
  })

  it('trusts the predicate when a trace disagrees with it', () => {
    const lying: CompiledCondition = {
      name: 'liar',
      value: 'x',
      rank: 0,
      data: { _tag: 'Liar' },
      test: () => true,
      trace: () => ({ name: 'liar', value: 'x', verdict: 'fail', compared: { a: 1 }, reason: 'lies' }),
      facts: [],
      warnings: [],
    }
    const throwing: CompiledCondition = {
      ...lying,
      name: 'thrower',
      rank: 1,
      trace: () => {
        throw new Error('boom')
      },
    }
    const cat: Catalogue = {
      ...fixtureCatalogue,
      conditions: { compile: (name) => right(name === 'liar' ? lying : throwing) },
    }
    const x = explainWith(cat)(event, [binding({ id: 1, conditions: { liar: 'x', thrower: 'y' } })])
    expect(selected(x)[0]?.conditions.map((c) => c.verdict)).toEqual(['pass', 'pass'])
    expect(selected(x)[0]?.outcome._tag).toBe('Fired')
  })
})

describe('explain: outcomes agree with evaluate', () => {
  it('threads request and response changes and reports them', () => {
    const bindings = [
      binding({
        id: 1,
        ordering: 1,
        handlerModule: 'ResponseMangler',
        action: 'delete',
        options: { 'JSON pointer': '/detail/message' },
      }),
      binding({ id: 2, ordering: 2, conditions: { detail_message: 'wrong' } }),
      binding({
        id: 3,
        ordering: 3,
        handlerModule: 'RequestMangler',
        action: 'delete',
        options: { parameter: 'user' },
      }),
    ]
    const x = explain(event, bindings)
    expect(selected(x).map((b) => b.outcome._tag)).toEqual(['Fired', 'Silent', 'Fired'])
    const fired = selected(x)[0]?.outcome
    expect(fired?._tag === 'Fired' && fired.changed).toEqual(['response'])
    expect(x.evaluation).toEqual(engine.evaluate(event, bindings))
    expect(formatExplanation(x)).toContain('later bindings see the changed response')
  })

  it('stops at an aborting failure and marks the rest not reached', () => {
    const bindings = [
      binding({ id: 1, handlerModule: 'Federation', action: 'forward', options: { privacyIDEA: 'down' } }),
      binding({ id: 2, conditions: { failcounter: '>1' } }),
    ]
    const x = explain(event, bindings)
    expect(selected(x).map((b) => b.outcome._tag)).toEqual(['Failed', 'NotReached'])
    expect(selected(x)[1]?.conditions.map((c) => c.verdict)).toEqual(['not-reached'])
    expect(x.evaluation.aborted?.bindingId).toBe(1)
    expect(x.evaluation).toEqual(engine.evaluate(event, bindings))
    expect(formatExplanation(x)).toMatch(/ABORTED by binding 1/)
  })

  it('reports a declined action', () => {
    const { token: _t, ...noToken } = event
    const x = explain(noToken, [binding({ id: 1, handlerModule: 'Token', action: 'disable' })])
    expect(selected(x)[0]?.outcome).toEqual({ _tag: 'Declined', details: 'no token serials found' })
    expect(formatExplanation(x)).toContain('declined')
  })

  it('gives pre bindings no response, as evaluate does', () => {
    const pre: Event = { ...event, position: 'pre' }
    const bindings = [binding({ id: 1, position: 'pre', conditions: { result_value: 'False' } })]
    const x = explain(pre, bindings)
    expect(selected(x)[0]?.conditions[0]?.compared).toEqual({ actual: false, expected: false })
    expect(x.evaluation).toEqual(engine.evaluate(pre, bindings))
  })

  test.prop([fixtureEvent, fixtureBindings], { numRuns: 300 })(
    'explanation.evaluation is exactly what evaluate returns, and its steps add up to it',
    (ev, bindings) => {
      const x = explain(ev, bindings)
      expect(x.evaluation).toEqual(engine.evaluate(ev, bindings))
      const steps = selected(x)
      expect(steps.flatMap((b) => (b.outcome._tag === 'Fired' ? [b.outcome.intent] : []))).toEqual(x.evaluation.intents)
      expect(steps.flatMap((b) => (b.audit === undefined ? [] : [b.audit]))).toEqual(x.evaluation.audit)
      expect(x.bindings).toHaveLength(bindings.length)
      expect(JSON.parse(JSON.stringify(x))).toEqual(x)
      expect(typeof formatExplanation(x)).toBe('string')
    },
  )

  test.prop([fixtureEvent, fixtureBindings], { numRuns: 200 })(
    'a condition marked fail is the reason for a silent binding, and every binding before it passed',
    (ev, bindings) => {
      for (const b of selected(explain(ev, bindings))) {
        const verdicts = b.conditions.map((c) => c.verdict)
        const stop = verdicts.findIndex((v) => v === 'fail' || v === 'error')
        if (b.outcome._tag === 'Silent') expect(verdicts[stop]).toBe('fail')
        if (stop >= 0) expect(verdicts.slice(stop + 1).every((v) => v === 'not-reached')).toBe(true)
        if (b.outcome._tag === 'Fired') expect(verdicts.every((v) => v === 'pass' || v === 'skip')).toBe(true)
      }
    },
  )
})

describe('formatExplanation', () => {
  it('renders a readable report', () => {
    const text = formatExplanation(
      explain(event, [
        binding({
          id: 1,
          name: 'Disable',
          handlerModule: 'Token',
          action: 'disable',
          conditions: { failcounter: '>5' },
        }),
        binding({ id: 2, name: 'Mail', events: ['token_init'] }),
      ]),
    )
    expect(text).toBe(
      [
        'validate_check (post) at 2026-11-29T10:00:00+00:00: 1 of 2 bindings selected, 1 fired',
        '',
        '1. [1] "Disable" Token:disable (ordering 0)',
        '   pass         failcounter ">5" [actual=7, operator=">", expected=5]: 7 > 5',
        '   => fired: TokenDisable {"serials":["OATH0001"]}',
        '   audit: POST-EVENT validate_check>>Token:disable success=true info="Disable"',
        '',
        'Not selected:',
        '   [2] "Mail" Logging:logging: it is for "token_init", not "validate_check"',
        '',
        'Result: 1 intent, 1 audit entry',
      ].join('\n'),
    )
  })
})
