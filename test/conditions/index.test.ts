import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { KERNEL_FACTS, prune } from '../../src/analysis/facts.js'
import {
  CONDITION_NAMES,
  compileCondition,
  conditionCatalogue,
  conditionRank,
  isConditionName,
} from '../../src/conditions/index.js'
import type { CompiledCondition } from '../../src/core/catalogue.js'
import { makeContext } from '../../src/core/context.js'
import { isEvalFailure } from '../../src/core/errors.js'
import { CONDITION_VALUE_SAMPLES, conditionEntry } from '../arbitraries/condition-values.js'
import { event } from '../arbitraries/event.js'
import { BASE_EVENT, bindingOf, engine, outcomeOf, VECTORS, verdict } from './engine.js'

const SPEC_ORDER =
  'client_ip, realm, user_info, resolver, logged_in_user, result_value, result_status, result_authentication, token_locked, tokenrealm, tokenresolver, serial, user_token_number, user_container_number, detail_error_message, detail_message, counter, tokentype, token_has_owner, token_is_orphaned, token_validity_period, otp_counter, last_auth, count_auth, count_auth_success, count_auth_fail, failcounter, tokeninfo, rollout_state, token_is_in_container, challenge_session, challenge_expired, container_state, container_exact_state, container_has_owner, container_type, container_has_token, container_realm, container_resolver, container_info, container_last_authentication, container_last_synchronization'

const compiled = (name: string, value: string): CompiledCondition => {
  const c = compileCondition(name, value)
  if (c._tag === 'Left') throw new Error(c.left.map((i) => i.message).join('; '))
  return c.right
}

describe('the condition catalogue', () => {
  it('has the 42 conditions in the evaluation order of SPEC 3.0', () => {
    expect(CONDITION_NAMES.join(', ')).toBe(SPEC_ORDER)
    expect(new Set(CONDITION_NAMES).size).toBe(42)
  })

  it('ranks each condition by its place in that order', () => {
    CONDITION_NAMES.forEach((name, i) => {
      expect(conditionRank(name)).toBe(i)
      const value = CONDITION_VALUE_SAMPLES[name]?.[0] ?? ''
      expect(compiled(name, value).rank).toBe(i)
    })
  })

  it('compiles every condition with a typed _tag and the event paths it reads', () => {
    for (const name of CONDITION_NAMES) {
      const c = compiled(name, CONDITION_VALUE_SAMPLES[name]?.[0] ?? '')
      expect(c.name).toBe(name)
      expect(c.data._tag).toMatch(/^[A-Z]/)
      expect(c.facts.length).toBeGreaterThan(0)
    }
  })

  it.each([
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'Realm',
    ' realm',
    'tokengroup',
    'user_agent',
    '',
  ])('an unknown name %j is a configuration error (D10)', (name) => {
    expect(isConditionName(name)).toBe(false)
    expect(conditionRank(name)).toBeUndefined()
    const c = conditionCatalogue.compile(name, 'x')
    expect(c._tag).toBe('Left')
    expect(c._tag === 'Left' && c.left[0]?.code).toBe('unknown-condition')
  })

  it('an unknown condition fails the binding when selected (privacyIDEA ignores it)', () => {
    expect(verdict({ tokengroup: 'x' })).toBe('error:ConfigurationError')
  })

  it('configuration errors name the condition, the value and the reason', () => {
    expect(compileCondition('last_auth', '7')).toEqual({
      _tag: 'Left',
      left: [{ code: 'invalid-duration', message: 'last_auth: "7" has no unit; use s, m, h, d or y', path: [] }],
    })
    const r = engine.compile([bindingOf({ last_auth: '7' }, BASE_EVENT)])
    expect(r.errors[0]).toMatchObject({
      code: 'invalid-duration',
      path: [0, 'conditions', 'last_auth'],
      message: 'last_auth: "7" has no unit; use s, m, h, d or y',
    })
  })

  it('an empty value is a warning for every condition that compiles it', () => {
    for (const name of CONDITION_NAMES) {
      const c = compileCondition(name, '')
      if (c._tag === 'Right')
        expect(
          c.right.warnings.map((w) => w.code),
          name,
        ).toContain('empty-value')
      else expect(c.left[0]?.code, name).toBe('invalid-duration')
    }
  })

  it('warnings (D11) reach the compiled binding', () => {
    const r = engine.compile([bindingOf({ count_auth: '', tokeninfo: 'a==b==c', counter: '== 1' }, BASE_EVENT)])
    expect(r.bindings[0]?.warnings.map((w) => w.code).sort()).toEqual([
      'empty-key',
      'empty-value',
      'repeated-comparator',
    ])
    expect(r.bindings[0]?.warnings.find((w) => w.code === 'empty-value')).toMatchObject({
      path: [0, 'conditions', 'count_auth'],
      message: 'count_auth: the value is empty, so the condition is always false',
    })
    expect(r.errors).toEqual([])
  })
})

describe('kernel semantics with the real conditions', () => {
  it('a binding with a configuration error fails even where an earlier condition is false', () => {
    // client_ip (rank 0) is false and would exit early in privacyIDEA before last_auth is read
    expect(verdict({ client_ip: '192.168.0.0/16', last_auth: '7' })).toBe('error:ConfigurationError')
  })

  it('of two configuration errors, the one of the condition evaluated first (SPEC 3.0) surfaces', () => {
    expect(conditionCatalogue.rank).toBe(conditionRank)
    // written last_auth first; privacyIDEA raises on client_ip (rank 0) before it reaches last_auth
    const e = engine.evaluate(BASE_EVENT, [
      { ...bindingOf({ last_auth: '7', client_ip: 'not an ip' }, BASE_EVENT), id: 1, abortOnError: true },
    ])
    expect(e.audit.map((a) => a.error?.message)).toStrictEqual([
      'client_ip: "not an ip" is not an IP address or network',
    ])
    expect(e.aborted?.reason).toMatch(/\(ConfigurationError\): client_ip: /)
  })

  it('an evaluation error fails the binding only when the earlier conditions hold (early exit)', () => {
    const e = {
      ...BASE_EVENT,
      token: { ...(BASE_EVENT.token as NonNullable<typeof BASE_EVENT.token>), info: { validity_period_end: 'x' } },
    }
    expect(verdict({ token_validity_period: 'True' }, e)).toBe('error:ParserError')
    expect(verdict({ realm: 'realm9', token_validity_period: 'True' }, e)).toBe('skip')
  })

  it('conditions are evaluated in rank order, whatever order they are written in', () => {
    const e = {
      ...BASE_EVENT,
      token: { ...(BASE_EVENT.token as NonNullable<typeof BASE_EVENT.token>), info: { validity_period_end: 'x' } },
    }
    expect(verdict({ token_validity_period: 'True', realm: 'realm9' }, e)).toBe('skip')
  })

  it('an aborting binding stops the evaluation', () => {
    const e = engine.evaluate(BASE_EVENT, [
      { ...bindingOf({ last_auth: '7' }, BASE_EVENT), id: 1, abortOnError: true },
      { ...bindingOf({}, BASE_EVENT), id: 2 },
    ])
    expect(e.aborted?.bindingId).toBe(1)
    expect(e.intents).toEqual([])
  })
})

describe('trace agrees with test', () => {
  it('on every conformance vector', () => {
    for (const v of VECTORS) {
      const ctx = makeContext(v.event)
      for (const [name, value] of Object.entries(v.conditions)) {
        const c = compileCondition(name, value)
        if (c._tag === 'Left') continue
        const outcome = c.right.test(ctx)
        const t = c.right.trace(ctx)
        const expected = isEvalFailure(outcome) ? ['error'] : outcome ? ['pass', 'skip'] : ['fail']
        expect(expected, `${v.id} ${name}`).toContain(t.verdict)
        expect(t.reason.length).toBeGreaterThan(0)
      }
    }
  })

  it('skips exactly where the subject is missing', () => {
    const { token: _t, ...noToken } = BASE_EVENT
    expect(compiled('tokentype', 'spass').trace(makeContext(noToken))).toMatchObject({
      verdict: 'skip',
      reason: 'the event has no single token',
    })
    expect(compiled('tokentype', 'spass').trace(makeContext(BASE_EVENT))).toMatchObject({
      verdict: 'fail',
      compared: { actual: 'totp', list: ['spass'] },
    })
    expect(compiled('failcounter', '<9').trace(makeContext(BASE_EVENT))).toMatchObject({
      verdict: 'pass',
      compared: { actual: 0, operator: '<', expected: 9 },
    })
  })

  it('on generated events, and neither ever throws', () => {
    fc.assert(
      fc.property(conditionEntry, event(), ([name, value], e) => {
        const c = compileCondition(name, value)
        if (c._tag === 'Left') return true
        const ctx = makeContext(e)
        const outcome = c.right.test(ctx)
        const t = c.right.trace(makeContext(e))
        if (isEvalFailure(outcome)) return t.verdict === 'error'
        return outcome ? t.verdict === 'pass' || t.verdict === 'skip' : t.verdict === 'fail'
      }),
      { numRuns: 1000 },
    )
  })

  it('evaluation through the kernel never reports an internal error', () => {
    fc.assert(
      fc.property(fc.array(conditionEntry, { maxLength: 4 }), event(), (entries, e) => {
        const out = outcomeOf(engine.evaluate(e, [bindingOf(Object.fromEntries(entries), e)]))
        return out !== 'error:InternalError'
      }),
      { numRuns: 400 },
    )
  })

  it('reads nothing outside its facts: the verdict is the same on the event pruned to them', () => {
    fc.assert(
      fc.property(conditionEntry, event(), ([name, value], e) => {
        const c = compileCondition(name, value)
        if (c._tag === 'Left') return true
        const full = c.right.test(makeContext(e))
        const pruned = c.right.test(makeContext(prune(e, [...KERNEL_FACTS, ...c.right.facts])))
        expect(pruned, `${name}: ${value}`).toEqual(full)
        return true
      }),
      { numRuns: 1000 },
    )
  })
})
