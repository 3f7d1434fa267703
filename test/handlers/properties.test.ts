/**
 * Properties over every action of every module on generated events: intents and evaluations are plain JSON (they
 * survive a JSON round trip unchanged: no `undefined`, no `NaN`, no class instances), evaluation never throws, no
 * action ever fails with an internal error, and the input event is never mutated.
 */

import { fc, test } from '@fast-check/vitest'
import { expect } from 'vitest'
import { prune, requiredFactsWith } from '../../src/analysis/facts.js'
import type { Binding } from '../../src/core/model.js'
import { handlerCatalogue, MODULES } from '../../src/handlers/index.js'
import { NOTIFICATION_TAGS } from '../../src/templates/tags.js'
import { defaultEventVocabulary, event as eventArbitrary } from '../arbitraries/event.js'
import { succeedsWithoutIntent } from '../fuzz/invariants.js'
import { fullOptions, minimalOptions } from './catalogue-data.js'
import { binding, deepFreeze, engine, noConditions, roundTrip } from './helpers.js'

const ALL_TAGS = NOTIFICATION_TAGS.map((t) => `{${t}}`).join('|')

/** Every action with its required options, with every option, and templated variants. */
const BINDINGS: ReadonlyArray<Binding> = [
  ...MODULES.flatMap((m) =>
    m.actionNames === 'script'
      ? [
          binding(m.name, 'run.sh', minimalOptions(m.actions[0] as never)),
          binding(m.name, 'run.sh', fullOptions(m.actions[0] as never)),
        ]
      : m.actions.flatMap((a) => [binding(m.name, a.name, minimalOptions(a)), binding(m.name, a.name, fullOptions(a))]),
  ),
  binding('UserNotification', 'sendmail', {
    emailconfig: 'm',
    mimetype: 'html',
    subject: ALL_TAGS,
    body: ALL_TAGS,
    attach_qrcode: 'True',
  }),
  binding('UserNotification', 'sendmail', { emailconfig: 'm', To: 'logged_in_user', reply_to: 'logged_in_user' }),
  binding('UserNotification', 'sendmail', {
    emailconfig: 'm',
    To: 'email',
    'To email': 'a@b,c@d',
    reply_to: 'email',
    'reply_to email': 'x@y',
  }),
  binding('UserNotification', 'sendsms', { smsconfig: 'g', body: ALL_TAGS }),
  binding('UserNotification', 'savefile', { body: ALL_TAGS, filename: '{userrealm}/{serial}-{random}.txt' }),
  binding('Logging', 'logging', { message: ALL_TAGS }),
  binding('WebHook', 'post_webhook', {
    URL: 'u',
    content_type: 'json',
    replace: 'True',
    data: '{"{user_realm}": ["{token_serial}", 1, {"o": "{token_owner}"}], "t": "{time} {date} {logged_in_user}"}',
  }),
  binding('WebHook', 'post_webhook', { URL: 'u', content_type: 'urlencoded', replace: 'True', data: `a=${ALL_TAGS}` }),
  binding('Token', 'set tokeninfo', {
    key: 'k',
    value: '{now}-1d {current_time}+2h {username} {realm} {client_ip} {ua_string}',
  }),
  binding('Token', 'set description', { description: '{now} {ua_browser}' }),
  binding('Token', 'set validity', { 'valid from': '+1h', 'valid till': '2030-01-01T00:00+0200' }),
  binding('Token', 'enroll', {
    tokentype: 'sms',
    user: 'True',
    container: 'True',
    additional_params: '{"a": [1, 2.5, null]}',
  }),
  binding('Token', 'set random pin', { length: '31' }),
  binding('RequestMangler', 'set', {
    parameter: 'realm',
    value: '{1}',
    match_parameter: 'user',
    match_pattern: '(.*)@?(.*)',
    reset_user: 'True',
  }),
  binding('ResponseMangler', 'set', { 'JSON pointer': '/detail/serial/x', type: 'integer', value: '7' }),
  binding('ResponseMangler', 'delete', { 'JSON pointer': '/result/value' }),
  binding('Container', 'create', { type: 'generic', user: 'True', token: 'True' }),
  binding('Container', 'set states', { active: 'True', lost: 'True' }),
  binding('CustomUserAttributes', 'set_custom_user_attributes', {
    user: 'logged_in_user',
    attrkey: 'k',
    attrvalue: 'v',
  }),
  binding('Federation', 'forward', { privacyIDEA: 'p', realm: 'r', forward_client_ip: 'True' }),
  binding('Counter', 'decrease_counter', { counter_name: 'logins' }),
]

const vocabulary = {
  ...defaultEventVocabulary,
  names: ['token_init'],
  paramKeys: [...defaultEventVocabulary.paramKeys, 'container_serial', '__proto__', 'constructor'],
  paramValues: [...defaultEventVocabulary.paramValues, 'a@b', 'SMPH1'],
}

const bindingsFor = (position: 'pre' | 'post') =>
  BINDINGS.filter((b) =>
    position === 'post' ? true : !['Federation', 'ResponseMangler'].includes(b.handlerModule),
  ).map((b, i) => ({
    ...b,
    id: i,
    name: `${b.handlerModule} ${b.action} ${i}`,
    events: ['token_init'],
    position,
  }))

const RULES = { pre: engine.compile(bindingsFor('pre')), post: engine.compile(bindingsFor('post')) }

test('the bindings compile without configuration errors', () => {
  expect(RULES.pre.errors).toEqual([])
  expect(RULES.post.errors).toEqual([])
})

test.prop([eventArbitrary(vocabulary)], { numRuns: 30 })(
  'every intent of every action is plain JSON; the evaluation too; nothing fails internally; the event is not mutated',
  (generated) => {
    const event = { ...generated, name: 'token_init' }
    const before = roundTrip(event)
    const frozen = deepFreeze(event)
    const evaluation = engine.evaluate(frozen, RULES[event.position])
    for (const intent of evaluation.intents) expect(roundTrip(intent)).toStrictEqual(intent)
    expect(roundTrip(evaluation)).toStrictEqual(evaluation)
    expect(evaluation.audit.filter((a) => a.error?.tag === 'InternalError')).toEqual([])
    expect(roundTrip(frozen)).toStrictEqual(before)
  },
)

test.prop([eventArbitrary(vocabulary), fc.constantFrom(...bindingsFor('post'))], { numRuns: 150 })(
  'each binding alone: one audit entry, and an intent exactly when it succeeded (except a notification with no recipient or a file outside the spool directory: success, nothing to do, SPEC 4.1)',
  (event, b) => {
    const post = { ...event, name: 'token_init', position: 'post' as const }
    const evaluation = engine.evaluate(post, [b])
    expect(evaluation.audit).toHaveLength(1)
    const entry = evaluation.audit[0]
    const fired = entry?.success === true && !succeedsWithoutIntent(entry)
    expect(evaluation.intents.length).toBe(fired ? 1 : 0)
  },
)

const ACTIONS = MODULES.flatMap((m) =>
  m.actionNames === 'script'
    ? [{ module: m.name, action: 'run.sh', names: (m.actions[0]?.options ?? []).map((o) => o.name) }]
    : m.actions.map((a) => ({ module: m.name, action: a.name, names: a.options.map((o) => o.name) })),
)

const optionValue = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '',
    'True',
    'False',
    '1',
    '-3',
    '{serial}',
    '{now}-1d',
    '{',
    '}',
    '{{',
    '/a/b',
    '(.*)',
    '{0}',
    '__proto__',
    '[1]',
    '{"a": "{user}"}',
  ),
)

test.prop(
  [
    fc.constantFrom(...ACTIONS).chain((a) =>
      fc.tuple(
        fc.constant(a),
        fc.dictionary(
          fc.oneof(
            fc.constantFrom(...(a.names.length > 0 ? a.names : ['x'])),
            fc.constantFrom('__proto__', 'constructor', 'junk'),
          ),
          optionValue,
          {
            maxKeys: 6,
            noNullPrototype: true,
          },
        ),
      ),
    ),
    eventArbitrary(vocabulary),
  ],
  { numRuns: 300 },
)(
  'random options never make compile or evaluation throw; compiled actions never fail internally',
  ([a, options], event) => {
    const b = { ...binding(a.module, a.action, options), events: [event.name], position: event.position }
    const evaluation = engine.evaluate(event, [b])
    expect(evaluation.audit.filter((x) => x.error?.tag === 'InternalError')).toEqual([])
    for (const intent of evaluation.intents) expect(roundTrip(intent)).toStrictEqual(intent)
  },
)

/** Conditions-free catalogue for requiredFacts: the handler catalogue with no conditions. */
const requiredFacts = requiredFactsWith({ conditions: noConditions, handlers: handlerCatalogue })

test.prop([eventArbitrary(vocabulary), fc.constantFrom(...BINDINGS)], { numRuns: 300 })(
  'the facts an action declares are all it reads: evaluating the pruned event gives the same evaluation',
  (generated, b) => {
    const event = { ...generated, name: 'token_init' }
    const bs = [{ ...b, events: ['token_init'], position: event.position }]
    const plan = requiredFacts(bs, 'token_init', event.position)
    expect(engine.evaluate(prune(event, plan), bs)).toStrictEqual(engine.evaluate(event, bs))
  },
)
