import { describe, expect, it } from 'vitest'
import { checkWith } from '../../src/analysis/check.js'
import {
  DIAGNOSTIC_CODES,
  type Diagnostic,
  formatDiagnostic,
  formatDiagnostics,
} from '../../src/analysis/diagnostics.js'
import { compileWith } from '../../src/core/compile.js'
import type { Binding } from '../../src/core/model.js'
import { binding, fixtureCatalogue } from './fixture-catalogue.js'

const check = checkWith(fixtureCatalogue)

const codes = (ds: ReadonlyArray<Diagnostic>): ReadonlyArray<string> => ds.map((d) => d.code)

const only = (ds: ReadonlyArray<Diagnostic>, code: string): Diagnostic => {
  const found = ds.filter((d) => d.code === code)
  expect(found, `exactly one ${code} in ${JSON.stringify(ds, null, 1)}`).toHaveLength(1)
  return found[0] as Diagnostic
}

describe('check: a clean configuration', () => {
  it('has no findings', () => {
    const ds = check([
      binding({ id: 1, conditions: { serial: '^OATH', failcounter: '>5' } }),
      binding({
        id: 2,
        events: ['token_init'],
        handlerModule: 'UserNotification',
        action: 'sendmail',
        options: { emailconfig: 'mail' },
      }),
    ])
    expect(ds).toEqual([])
    expect(formatDiagnostics(ds)).toBe('no findings')
  })

  it('accepts a compiled rule set as well as bindings', () => {
    const bindings = [binding({ id: 1, active: false })]
    expect(check(compileWith(fixtureCatalogue, bindings))).toEqual(check(bindings))
  })
})

describe('check: configuration errors from the compiler', () => {
  it('reports every error of every binding at once, with binding, path and severity error', () => {
    const ds = check([
      binding({ id: 1, conditions: { serial: '(', nosuch: 'x' } }),
      binding({
        id: 'b',
        name: 'mail',
        handlerModule: 'UserNotification',
        action: 'sendmail',
        options: { body: '{nope}' },
      }),
    ])
    expect(ds.filter((d) => d.severity === 'error').map((d) => [d.code, d.bindingId, d.path])).toEqual([
      ['invalid-regex', 1, [0, 'conditions', 'serial']],
      ['unknown-condition', 1, [0, 'conditions', 'nosuch']],
      ['missing-option', 'b', [1, 'options', 'emailconfig']],
      ['unknown-tag', 'b', [1, 'options', 'body']],
    ])
    expect(ds.every((d) => d.severity === 'error')).toBe(true)
  })

  it('passes the kernel codes through: unknown-module, position-not-allowed, unknown-action', () => {
    const ds = check([
      binding({ id: 1, handlerModule: 'Nope' }),
      binding({
        id: 2,
        handlerModule: 'ResponseMangler',
        action: 'delete',
        position: 'pre',
        options: { 'JSON pointer': '/detail/message' },
      }),
      binding({ id: 3, handlerModule: 'Logging', action: 'shout' }),
    ])
    expect(codes(ds)).toEqual(['unknown-module', 'position-not-allowed', 'unknown-action'])
    expect(only(ds, 'position-not-allowed').path).toEqual([1, 'position'])
  })

  it('reports malformed bindings (invalid-binding) and a non-array (invalid-bindings) without throwing', () => {
    const ds = check([{ id: 1, name: 'x' } as unknown as Binding, 42 as unknown as Binding])
    expect(new Set(codes(ds))).toEqual(new Set(['invalid-binding']))
    expect(ds.some((d) => d.path.length === 2 && d.path[0] === 0 && d.path[1] === 'events')).toBe(true)
    expect(ds.find((d) => d.path[0] === 1)?.bindingId).toBe(1)
    expect(codes(check({} as unknown as ReadonlyArray<Binding>))).toEqual(['invalid-bindings'])
  })

  it('passes plug-in warnings through with severity warning', () => {
    const d = only(check([binding({ id: 1, conditions: { failcounter: 'abc' } })]), 'malformed-comparison')
    expect(d.severity).toBe('warning')
    expect(d.path).toEqual([0, 'conditions', 'failcounter'])
  })
})

describe(`check: ${DIAGNOSTIC_CODES.unknownEvent}`, () => {
  it('warns about each unknown event name, with a did-you-mean', () => {
    const ds = check([
      binding({ id: 7, name: 'n', events: ['validate_check', 'token_intit', 'Token_Init', 'frob', ''] }),
    ])
    const unknown = ds.filter((d) => d.code === 'unknown-event')
    expect(unknown.map((d) => d.path)).toEqual([
      [0, 'events', 1],
      [0, 'events', 2],
      [0, 'events', 3],
      [0, 'events', 4],
    ])
    expect(unknown[0]?.message).toContain('did you mean "token_init"?')
    expect(unknown[1]?.message).toContain('did you mean "token_init"?')
    expect(unknown[2]?.message).not.toContain('did you mean')
    expect(unknown[3]?.message).toContain('an empty event name')
    expect(unknown.every((d) => d.severity === 'warning' && d.bindingId === 7 && d.bindingName === 'n')).toBe(true)
  })
})

describe(`check: ${DIAGNOSTIC_CODES.inactive} and ${DIAGNOSTIC_CODES.noEvents}`, () => {
  it('warns that an inactive binding never fires', () => {
    const d = only(check([binding({ id: 1, active: false })]), 'inactive')
    expect(d.path).toEqual([0, 'active'])
    expect(d.severity).toBe('warning')
  })

  it('warns that a binding without events never fires', () => {
    const d = only(check([binding({ id: 1, events: [] })]), 'no-events')
    expect(d.path).toEqual([0, 'events'])
  })
})

describe(`check: ${DIAGNOSTIC_CODES.conditionNeverHolds}`, () => {
  it('finds response conditions in pre position', () => {
    const ds = check([
      binding({
        id: 1,
        position: 'pre',
        conditions: { result_value: 'True', result_status: 'True', result_authentication: 'ACCEPT' },
      }),
    ])
    expect(ds.filter((d) => d.code === 'condition-never-holds').map((d) => d.path)).toEqual([
      [0, 'conditions', 'result_value'],
      [0, 'conditions', 'result_status'],
      [0, 'conditions', 'result_authentication'],
    ])
    expect(ds.find((d) => d.code === 'condition-never-holds')?.message).toContain('in pre position')
  })

  it('accepts response conditions that can hold in pre position', () => {
    expect(check([binding({ id: 1, position: 'pre', conditions: { result_value: 'False' } })])).toEqual([])
  })

  it('finds impossible integer comparisons and values outside a closed set', () => {
    const ds = check([
      binding({
        id: 1,
        conditions: { user_token_number: '<0', failcounter: '<= -1', logged_in_user: 'Admin', tokentype: 'TOTP,HOTP' },
      }),
    ])
    expect(ds.map((d) => [d.code, d.path[2]])).toEqual([
      ['condition-never-holds', 'logged_in_user'],
      ['condition-never-holds', 'user_token_number'],
      ['condition-never-holds', 'tokentype'],
      ['condition-never-holds', 'failcounter'],
    ])
  })

  it('finds a client_ip list with only exclusions', () => {
    const d = only(
      check([binding({ id: 1, conditions: { client_ip: '!10.0.0.1, -10.0.0.2' } })]),
      'condition-never-holds',
    )
    expect(d.message).toContain('only exclusions')
    expect(check([binding({ id: 1, conditions: { client_ip: '10.0.0.3, !10.0.0.2' } })])).toEqual([])
  })

  it('does not repeat what the plug-in already warns about', () => {
    expect(codes(check([binding({ id: 1, conditions: { failcounter: '< x' } })]))).toEqual(['malformed-comparison'])
  })
})

describe(`check: ${DIAGNOSTIC_CODES.contradictoryConditions}`, () => {
  it('finds token_has_owner False with token_is_orphaned True', () => {
    const d = only(
      check([binding({ id: 1, conditions: { token_has_owner: 'False', token_is_orphaned: 'True' } })]),
      'contradictory-conditions',
    )
    expect(d.path).toEqual([0, 'conditions'])
    expect(d.message).toContain('token_has_owner')
    expect(d.message).toContain('when a single token is resolved')
  })

  it('finds result_value True with result_authentication REJECT', () => {
    const d = only(
      check([binding({ id: 1, conditions: { result_value: 'True', result_authentication: 'REJECT' } })]),
      'contradictory-conditions',
    )
    expect(d.message).toContain('result_authentication')
  })

  it('finds result_status False with result_authentication ACCEPT, and container states that exclude each other', () => {
    expect(
      codes(check([binding({ id: 1, conditions: { result_status: 'False', result_authentication: 'ACCEPT' } })])),
    ).toEqual(['contradictory-conditions'])
    expect(
      codes(check([binding({ id: 1, conditions: { container_state: 'lost', container_exact_state: 'active' } })])),
    ).toEqual(['contradictory-conditions'])
    expect(codes(check([binding({ id: 1, conditions: { container_state: 'active,disabled' } })]))).toEqual([
      'condition-never-holds',
    ])
  })

  it('reasons about count_auth, count_auth_success and count_auth_fail together', () => {
    expect(codes(check([binding({ id: 1, conditions: { count_auth: '<5', count_auth_success: '>10' } })]))).toEqual([
      'contradictory-conditions',
    ])
    expect(codes(check([binding({ id: 1, conditions: { count_auth: '==10', count_auth_fail: '==3' } })]))).toEqual([])
    expect(
      codes(
        check([
          binding({ id: 1, conditions: { count_auth: '==10', count_auth_success: '>=4', count_auth_fail: '>7' } }),
        ]),
      ),
    ).toEqual(['contradictory-conditions'])
  })

  it('accepts conditions that can hold together', () => {
    expect(
      check([
        binding({ id: 1, conditions: { token_has_owner: 'True', token_is_orphaned: 'True' } }),
        binding({ id: 2, conditions: { result_value: 'True', result_authentication: 'ACCEPT' } }),
        binding({ id: 3, conditions: { result_value: 'False', result_authentication: 'CHALLENGE' } }),
        binding({ id: 4, conditions: { container_state: 'active,lost', container_exact_state: 'lost,active' } }),
      ]),
    ).toEqual([])
  })
})

describe(`check: ${DIAGNOSTIC_CODES.duplicateBinding}`, () => {
  it('warns on the later of two bindings that do the same, whatever their names, ids or ordering', () => {
    const a = binding({
      id: 1,
      name: 'a',
      events: ['validate_check', 'auth'],
      conditions: { serial: 'OATH', failcounter: '>3' },
    })
    const b = {
      ...a,
      id: 2,
      name: 'b',
      ordering: 5,
      events: ['auth', 'validate_check'],
      conditions: { failcounter: '>3', serial: 'OATH' },
    }
    const d = only(check([a, b]), 'duplicate-binding')
    expect(d.bindingId).toBe(2)
    expect(d.path).toEqual([1])
    expect(d.message).toContain('binding 1 "a" at [0]')
  })

  it('does not count different positions, options, inactive copies or conditions as duplicates', () => {
    const a = binding({ id: 1 })
    expect(codes(check([a, { ...a, id: 2, position: 'pre' }]))).toEqual([])
    expect(codes(check([a, { ...a, id: 2, options: { level: 'ERROR' } }]))).toEqual([])
    expect(codes(check([a, { ...a, id: 2, active: false }]))).toEqual(['inactive'])
    expect(codes(check([a, { ...a, id: 2, conditions: { serial: 'X' } }]))).toEqual([])
  })
})

describe(`check: ${DIAGNOSTIC_CODES.catastrophicBacktracking}`, () => {
  it('flags the classic ReDoS patterns in conditions and in match_pattern', () => {
    const ds = check([
      binding({ id: 1, conditions: { serial: '(a+)+$' } }),
      binding({ id: 2, conditions: { detail_message: '(a|aa)*b' } }),
      binding({ id: 3, conditions: { tokeninfo: 'foo matches (.*a){12}' } }),
      binding({
        id: 4,
        handlerModule: 'RequestMangler',
        action: 'set',
        options: { parameter: 'realm', value: 'r', match_parameter: 'user', match_pattern: '(\\w+\\s?)*$' },
      }),
    ])
    expect(ds.map((d) => [d.code, d.path])).toEqual([
      ['catastrophic-backtracking', [0, 'conditions', 'serial']],
      ['catastrophic-backtracking', [1, 'conditions', 'detail_message']],
      ['catastrophic-backtracking', [2, 'conditions', 'tokeninfo']],
      ['catastrophic-backtracking', [3, 'options', 'match_pattern']],
    ])
    expect(ds[0]?.message).toContain('exponential')
    expect(ds[2]?.message).toContain('polynomial')
    expect(ds.every((d) => d.severity === 'warning')).toBe(true)
  })

  it('leaves safe regexes alone', () => {
    expect(
      check([binding({ id: 1, conditions: { serial: '^(OATH|TOTP)\\d{4,8}', detail_message: 'wrong otp' } })]),
    ).toEqual([])
  })
})

describe('formatDiagnostic', () => {
  it('names severity, code, binding, path and message', () => {
    const [d] = check([binding({ id: 'x1', name: 'Mail', events: ['token_intit'] })])
    expect(formatDiagnostic(d as Diagnostic)).toMatch(
      /^warning unknown-event: binding "x1" "Mail" at \[0\]\.events\[0\]: "token_intit" is not an event .*did you mean "token_init"\?$/,
    )
    expect(
      formatDiagnostics(check([binding({ id: 1, active: false, handlerModule: 'X' })]))
        .split('\n')
        .at(-1),
    ).toBe('1 error, 1 warning')
  })
})

describe('the public API (DESIGN: the package tripline)', () => {
  it('tripline exports check, the same function tripline/check serves, over the full catalogue', async () => {
    const main = await import('../../src/index.js')
    const entry = await import('../../src/check.js')
    expect(main.check).toBe(entry.check)
    expect(main.checkWith).toBe(entry.checkWith)
    expect(codes(main.check([binding({ id: 1, handlerModule: 'NoSuchModule' })]))).toContain('unknown-module')
  })
})
