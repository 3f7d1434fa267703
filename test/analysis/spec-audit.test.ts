/**
 * SPEC/DESIGN audit of the analysis layer and the public API: SPEC 2's 76 event identifiers, DESIGN's `check`
 * list (unknown events, modules, actions, conditions, missing options, bad regexes and backtracking, bad durations
 * and comparisons, positions, duplicates, unreachable bindings), `explain` and `requiredFacts`, and the API's
 * names and return shapes, all through the public entries `src/index.ts` and `src/check.ts`.
 */
import { describe, expect, it } from 'vitest'
import * as checkEntry from '../../src/check.js'
import { check } from '../../src/check.js'
import * as tripline from '../../src/index.js'
import {
  type Binding,
  compile,
  type Diagnostic,
  EVENT_GROUPS,
  EVENT_NAMES,
  type Event,
  evaluate,
  explain,
  formatDiagnostic,
  isKnownEventName,
  type NotSelectedExplanation,
  prune,
  requiredFacts,
  type SelectedExplanation,
  suggestEventName,
} from '../../src/index.js'

/** SPEC 2, copied group by group. */
const SPEC_2: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
  [
    'Authentication / validation',
    [
      'validate_check',
      'validate_triggerchallenge',
      'validate_poll_transaction',
      'validate_offlinerefill',
      'auth',
      'ttype',
    ],
  ],
  [
    'Token',
    [
      'token_init',
      'token_list',
      'token_getchallenges',
      'token_cancelchallenge',
      'token_assign',
      'token_unassign',
      'token_revoke',
      'token_enable',
      'token_disable',
      'token_delete',
      'token_reset',
      'token_resync',
      'token_setpin',
      'token_setrandompin',
      'token_set',
      'token_realm',
      'token_load',
      'token_copypin',
      'token_copyuser',
      'token_lost',
      'token_getserial',
      'token_info',
      'token_assign_group',
      'token_unassign_group',
    ],
  ],
  ['Token groups', ['tokengroup_add', 'tokengroup_list', 'tokengroup_delete']],
  ['Service IDs', ['serviceid_add', 'serviceid_list', 'serviceid_delete']],
  [
    'Containers',
    [
      'container_init',
      'container_delete',
      'container_assign',
      'container_unassign',
      'container_add_token',
      'container_remove_token',
      'container_set_description',
      'container_set_states',
      'container_set_realms',
      'container_register_initialize',
      'container_register_finalize',
      'container_unregister',
      'container_create_challenge',
      'container_synchronize',
      'container_init_rollover',
    ],
  ],
  [
    'Users',
    [
      'user_list',
      'user_add',
      'user_update',
      'user_delete',
      'user_settings_get',
      'user_settings_set',
      'user_settings_delete',
      'set_custom_user_attribute',
      'get_user_attribute',
      'get_user_internal_attribute',
      'get_editable_attributes',
      'delete_custom_user_attribute',
    ],
  ],
  [
    'API clients / remembered devices',
    [
      'api_client_add',
      'api_client_list',
      'api_client_edit',
      'api_client_rotate',
      'api_client_delete',
      'remembered_device_list',
      'remembered_device_revoke',
      'remembered_device_revoke_all',
      'remembered_device_revoke_bulk',
    ],
  ],
  ['Subscriptions', ['subscription_get', 'subscription_status', 'subscription_save', 'subscription_delete']],
]
const SPEC_2_NAMES = SPEC_2.flatMap(([, names]) => names)

const binding = (over: Partial<Binding> = {}): Binding => ({
  id: 1,
  name: 'log',
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

const event = (over: Partial<Event> = {}): Event => ({
  name: 'validate_check',
  position: 'post',
  now: '2026-11-29T10:00:00+01:00',
  request: { path: '/validate/check', method: 'POST', params: { user: 'alice', pass: 'x' } },
  response: { result: { status: true, value: true }, detail: { serial: 'TOTP1' } },
  user: { login: 'alice', realm: 'r1', resolver: 'ldap', tokenCount: 1 },
  serial: 'TOTP1',
  token: {
    serial: 'TOTP1',
    type: 'totp',
    realms: ['r1'],
    resolvers: ['ldap'],
    failcount: 7,
    maxfail: 10,
    otpCounter: 4,
    info: {},
  },
  ...over,
})

const summary = (ds: ReadonlyArray<Diagnostic>) => ds.map((d) => [d.code, d.severity, d.path])

describe('SPEC 2: the 76 event identifiers', () => {
  it('EVENT_NAMES is exactly SPEC 2, in its order, without duplicates', () => {
    expect(SPEC_2_NAMES).toHaveLength(76)
    expect(EVENT_NAMES).toEqual(SPEC_2_NAMES)
    expect(new Set(EVENT_NAMES).size).toBe(76)
  })

  it('EVENT_GROUPS are SPEC 2 groups with their counts (6, 24, 3, 3, 15, 12, 9, 4)', () => {
    expect(EVENT_GROUPS.map((g) => [g.group, g.names])).toEqual(SPEC_2.map(([g, names]) => [g, names]))
    expect(EVENT_GROUPS.map((g) => g.names.length)).toEqual([6, 24, 3, 3, 15, 12, 9, 4])
  })

  it('every identifier is known; membership is exact and case-sensitive (SPEC 1.2)', () => {
    for (const name of SPEC_2_NAMES) expect(isKnownEventName(name), name).toBe(true)
    for (const name of ['Validate_Check', 'VALIDATE_CHECK', ' validate_check', 'validate_check ', 'token_*', 'token'])
      expect(isKnownEventName(name), name).toBe(false)
  })

  it('untagged endpoints (SPEC 2 "Not tagged") are not events', () => {
    for (const name of [
      'validate_capabilities',
      'validate_initialize',
      'validate_remember_device',
      'healthz',
      'policy',
    ])
      expect(isKnownEventName(name), name).toBe(false)
  })

  it('check knows every identifier: a binding on all 76 has no unknown-event finding', () => {
    expect(check([binding({ events: [...SPEC_2_NAMES] })])).toEqual([])
  })

  it('check reports an unknown name as a warning at its path, with a "did you mean"; compile accepts it', () => {
    const bs = [binding({ events: ['validate_check', 'Token_Init', 'frobnicate'] })]
    const ds = check(bs)
    expect(summary(ds)).toEqual([
      ['unknown-event', 'warning', [0, 'events', 1]],
      ['unknown-event', 'warning', [0, 'events', 2]],
    ])
    expect(ds[0]?.message).toContain('did you mean "token_init"?')
    expect(ds[1]?.message).not.toContain('did you mean')
    expect(ds.every((d) => d.bindingId === 1 && d.bindingName === 'log')).toBe(true)
    expect(compile(bs).errors).toEqual([])
    expect(suggestEventName('tokne_init')).toBe('token_init')
  })

  it('an unknown name never selects the binding; the known names still do', () => {
    const b = binding({ events: ['Validate_Check', 'validate_check'] })
    expect(evaluate(event(), [b]).intents).toHaveLength(1)
    expect(evaluate(event(), [binding({ events: ['Validate_Check'] })]).intents).toEqual([])
  })
})

describe('DESIGN check: what it reports, each finding naming its binding, a path and a reason', () => {
  const cases: ReadonlyArray<
    readonly [string, Binding, ReadonlyArray<readonly [string, string, ReadonlyArray<string | number>]>]
  > = [
    ['unknown module', binding({ handlerModule: 'Mailer' }), [['unknown-module', 'error', [0, 'handlerModule']]]],
    ['unknown action', binding({ action: 'shout' }), [['unknown-action', 'error', [0, 'action']]]],
    [
      'unknown condition (D10)',
      binding({ conditions: { realmm: 'r1' } }),
      [['unknown-condition', 'error', [0, 'conditions', 'realmm']]],
    ],
    [
      'missing required option',
      binding({ handlerModule: 'UserNotification', action: 'sendmail' }),
      [['missing-option', 'error', [0, 'options', 'emailconfig']]],
    ],
    ['bad regex', binding({ conditions: { serial: '(' } }), [['invalid-regex', 'error', [0, 'conditions', 'serial']]]],
    [
      'regex prone to catastrophic backtracking',
      binding({ conditions: { serial: '(a+)+$' } }),
      [['catastrophic-backtracking', 'warning', [0, 'conditions', 'serial']]],
    ],
    [
      'bad duration',
      binding({ conditions: { last_auth: '7' } }),
      [['invalid-duration', 'error', [0, 'conditions', 'last_auth']]],
    ],
    [
      'bad comparison that stays false (D11: a warning)',
      binding({ conditions: { user_token_number: '>abc' } }),
      [['non-integer', 'warning', [0, 'conditions', 'user_token_number']]],
    ],
    [
      'empty condition value (D11: a warning)',
      binding({ conditions: { user_token_number: '' } }),
      [['empty-value', 'warning', [0, 'conditions', 'user_token_number']]],
    ],
    [
      'placeholder other than {now}/{current_time} in tokeninfo (D5, D11)',
      binding({ conditions: { tokeninfo: 'x == {other}' } }),
      [['invalid-placeholder', 'error', [0, 'conditions', 'tokeninfo']]],
    ],
    [
      'unknown template tag (D11)',
      binding({ options: { message: 'hello {nosuchtag}' } }),
      [['unknown-tag', 'error', [0, 'options', 'message']]],
    ],
    [
      'position the module does not allow (SPEC 1.9: ResponseMangler is post only)',
      binding({
        handlerModule: 'ResponseMangler',
        action: 'delete',
        position: 'pre',
        options: { 'JSON pointer': '/detail' },
      }),
      [['position-not-allowed', 'error', [0, 'position']]],
    ],
    ['unreachable: inactive', binding({ active: false }), [['inactive', 'warning', [0, 'active']]]],
    ['unreachable: no events', binding({ events: [] }), [['no-events', 'warning', [0, 'events']]]],
    [
      'unreachable: a condition that never holds (result_value in pre, no response)',
      binding({ position: 'pre', conditions: { result_value: 'True' } }),
      [['condition-never-holds', 'warning', [0, 'conditions', 'result_value']]],
    ],
  ]
  for (const [what, b, expected] of cases)
    it(what, () => {
      const ds = check([b])
      expect(summary(ds)).toEqual(expected)
      for (const d of ds) {
        expect(d.bindingId).toBe(1)
        expect(d.bindingName).toBe('log')
        expect(d.message.length).toBeGreaterThan(10)
        expect(formatDiagnostic(d)).toContain('binding 1 "log"')
      }
    })

  it('Federation in pre position is not allowed (SPEC 1.9: post only)', () => {
    const b = binding({
      handlerModule: 'Federation',
      action: 'forward',
      position: 'pre',
      options: { privacyIDEA: 'remote' },
    })
    expect(summary(check([b]))).toContainEqual(['position-not-allowed', 'error', [0, 'position']])
  })

  it('duplicates: the second of two bindings that do the same', () => {
    const ds = check([binding(), binding({ id: 2, name: 'log again' })])
    expect(summary(ds)).toEqual([['duplicate-binding', 'warning', [1]]])
    expect(ds[0]?.bindingId).toBe(2)
  })

  it('reports everything at once, grouped by binding in input order, errors before warnings', () => {
    const ds = check([
      binding({ active: false, conditions: { serial: '(' } }),
      binding({ id: 2, events: ['tokne_init'], handlerModule: 'Mailer' }),
    ])
    expect(summary(ds)).toEqual([
      ['invalid-regex', 'error', [0, 'conditions', 'serial']],
      ['inactive', 'warning', [0, 'active']],
      ['unknown-module', 'error', [1, 'handlerModule']],
      ['unknown-event', 'warning', [1, 'events', 0]],
    ])
  })

  it('never throws, whatever it is given; malformed bindings are errors with their path', () => {
    for (const u of [null, undefined, 5, 'x', {}, [null], [5], [{}], [{ id: 1, events: 'validate_check' }]]) {
      const ds = check(u as never)
      expect(ds.length, JSON.stringify(u)).toBeGreaterThan(0)
      expect(ds.every((d) => d.severity === 'error')).toBe(true)
    }
    expect(summary(check([binding({ conditions: { realm: 5 as unknown as string } })]))).toEqual([
      ['invalid-binding', 'error', [0, 'conditions', 'realm']],
    ])
  })

  it('accepts a compiled rule set as well as bindings', () => {
    const bs = [binding({ active: false })]
    expect(check(compile(bs))).toEqual(check(bs))
  })
})

describe('DESIGN explain', () => {
  const bs: ReadonlyArray<Binding> = [
    binding({ id: 1, name: 'fires', conditions: { failcounter: '>5', tokentype: 'totp' } }),
    binding({ id: 2, name: 'silent', conditions: { failcounter: '>9', tokentype: 'hotp' } }),
    binding({ id: 3, name: 'other event', events: ['token_init'] }),
    binding({ id: 4, name: 'other position', position: 'pre' }),
    binding({ id: 5, name: 'inactive', active: false }),
    binding({ id: 6, name: 'broken', conditions: { serial: '(' } }),
  ]
  const x = explain(event(), bs)
  const byId = (id: number) => x.bindings.find((b) => b.bindingId === id)

  it('says per binding whether it was selected, and why not', () => {
    expect(x.bindings.map((b) => [b.bindingId, b._tag])).toEqual([
      [1, 'Selected'],
      [2, 'Selected'],
      [6, 'Selected'],
      [3, 'NotSelected'],
      [4, 'NotSelected'],
      [5, 'NotSelected'],
    ])
    expect((byId(3) as NotSelectedExplanation).reasons).toEqual(['other-event'])
    expect((byId(4) as NotSelectedExplanation).reasons).toEqual(['other-position'])
    expect((byId(5) as NotSelectedExplanation).reasons).toEqual(['inactive'])
  })

  it("gives each condition's verdict with the values compared, and early exit (SPEC 1.4)", () => {
    const fired = byId(1) as SelectedExplanation
    expect(fired.outcome._tag).toBe('Fired')
    expect(fired.conditions.map((c) => [c.name, c.verdict])).toEqual([
      ['tokentype', 'pass'],
      ['failcounter', 'pass'],
    ])
    expect(Object.values(fired.conditions[1]?.compared ?? {})).toEqual(expect.arrayContaining([7]))
    const silent = byId(2) as SelectedExplanation
    expect(silent.outcome._tag).toBe('Silent')
    expect(silent.conditions.map((c) => [c.name, c.verdict])).toEqual([
      ['tokentype', 'fail'],
      ['failcounter', 'not-reached'],
    ])
  })

  it('shows a configuration error as a failed binding (D11)', () => {
    const broken = byId(6) as SelectedExplanation
    expect(broken.configErrors.map((e) => e.code)).toEqual(['invalid-regex'])
    expect(broken.outcome._tag).toBe('Failed')
  })

  it('carries exactly what evaluate returns', () => {
    expect(x.evaluation).toEqual(evaluate(event(), bs))
    expect(x.evaluation.intents.map((i) => i.bindingId)).toEqual([1])
  })

  it('is total: an event that is no object selects nothing, as in evaluate', () => {
    for (const e of [null, undefined, 5, 'validate_check']) {
      const y = explain(e as never, bs)
      expect(y.bindings.every((b) => b._tag === 'NotSelected')).toBe(true)
      expect(y.evaluation).toEqual(evaluate(e as never, bs))
    }
  })
})

describe('DESIGN requiredFacts', () => {
  const bs: ReadonlyArray<Binding> = [
    binding({ id: 1, conditions: { failcounter: '>5', counter: 'fails>3', user_token_number: '>1' } }),
    binding({ id: 2, events: ['token_init'], conditions: { tokenrealm: 'r1' } }),
    binding({ id: 3, position: 'pre', conditions: { client_ip: '10.0.0.0/8' } }),
    binding({ id: 4, active: false, conditions: { tokeninfo: 'a==b' } }),
  ]

  it('lists the Event fields the bindings selected for the name and position read', () => {
    const facts = requiredFacts(bs, 'validate_check', 'post')
    expect(facts).toEqual(expect.arrayContaining(['token.failcount', 'counters.fails', 'user.tokenCount']))
    expect(facts).not.toEqual(expect.arrayContaining(['token.realms']))
    expect(facts.some((f) => f.startsWith('token.info'))).toBe(false)
    expect(facts).not.toContain('request.clientIp')
  })

  it('follows selection: other names and positions, inactive bindings add nothing', () => {
    expect(requiredFacts(bs, 'token_init', 'post')).toContain('token.realms')
    expect(requiredFacts(bs, 'validate_check', 'pre')).toEqual(
      expect.arrayContaining(['request', 'name', 'position', 'now']),
    )
    expect(requiredFacts(bs, 'auth', 'post')).toEqual(['name', 'now', 'position', 'request', 'response'])
  })

  it('is enough: evaluating the event pruned to the facts gives the same evaluation', () => {
    const e = event({ counters: { fails: 4, other: 1 }, loggedIn: { role: 'admin', username: 'root' } })
    const facts = requiredFacts(bs, e.name, e.position)
    expect(evaluate(prune(e, facts), bs)).toEqual(evaluate(e, bs))
  })

  it('accepts a compiled rule set as well as bindings', () => {
    expect(requiredFacts(compile(bs), 'validate_check', 'post')).toEqual(requiredFacts(bs, 'validate_check', 'post'))
  })
})

describe('DESIGN public API', () => {
  it('the package exports every function DESIGN names', () => {
    const api = {
      evaluate: tripline.evaluate,
      compile: tripline.compile,
      explain: tripline.explain,
      requiredFacts: tripline.requiredFacts,
      decodeBindings: tripline.decodeBindings,
      decodeEvent: tripline.decodeEvent,
      encodeBindings: tripline.encodeBindings,
      renderTemplate: tripline.renderTemplate,
      check: checkEntry.check,
    }
    for (const [name, f] of Object.entries(api)) expect(typeof f, name).toBe('function')
  })

  it('evaluate takes bindings or the rule set compile returns, with the same result', () => {
    const bs = [binding({ conditions: { failcounter: '>5' } }), binding({ id: 2, events: ['token_init'] })]
    const rules = compile(bs)
    expect(rules.errors).toEqual([])
    expect(evaluate(event(), rules)).toEqual(evaluate(event(), bs))
  })

  it('evaluate returns intents, audit, request and response; compile reports configuration errors with paths', () => {
    const bs = [binding({ conditions: { serial: '(' } })]
    const r = evaluate(event(), bs)
    expect(Object.keys(r).sort()).toEqual(['audit', 'intents', 'request', 'response'])
    expect(r.audit.map((a) => [a.bindingId, a.success, a.info])).toEqual([[1, false, 'log (ConfigurationError)']])
    expect(compile(bs).errors.map((e) => [e.code, e.bindingId, e.path])).toEqual([
      ['invalid-regex', 1, [0, 'conditions', 'serial']],
    ])
  })
})
