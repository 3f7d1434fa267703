/**
 * Arbitrary tripline bindings (DESIGN.md `Binding`): valid shapes with realistic and random content. Event names
 * are non-empty, comma-free and trimmed, as every privacyIDEA event identifier; option and condition names are
 * never `__proto__`, `constructor` or `prototype` (the decoder rejects those).
 */
import fc from 'fast-check'
import type { Binding } from '../../src/core/model.js'

/** The eleven handler modules (SPEC 1.1). */
export const handlerModules: ReadonlyArray<string> = [
  'UserNotification',
  'Token',
  'Script',
  'Federation',
  'Counter',
  'RequestMangler',
  'ResponseMangler',
  'Logging',
  'CustomUserAttributes',
  'WebHook',
  'Container',
]

/** A sample of event identifiers (SPEC 2). */
export const eventNames: ReadonlyArray<string> = [
  'validate_check',
  'validate_triggerchallenge',
  'auth',
  'token_init',
  'token_delete',
  'token_disable',
  'token_enable',
  'token_assign',
  'token_unassign',
  'container_init',
  'user_add',
  'set_custom_user_attribute',
]

/** A sample of condition names (SPEC 3). */
export const conditionNames: ReadonlyArray<string> = [
  'realm',
  'result_value',
  'last_auth',
  'count_auth',
  'tokentype',
  'token_has_owner',
  'tokeninfo',
  'counter',
  'client_ip',
]

const reserved = new Set(['__proto__', 'constructor', 'prototype'])

/** An event identifier: a known one or an identifier-like name. */
export const eventName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...eventNames),
  fc.stringMatching(/^[a-z][a-z0-9_]{0,24}$/),
  fc.string({ minLength: 1, maxLength: 10 }).filter((s) => !s.includes(',') && s.trim() === s && s !== ''),
)

const mapKey = (known: ReadonlyArray<string>): fc.Arbitrary<string> =>
  fc.oneof(fc.constantFrom(...known), fc.string({ maxLength: 12 })).filter((k) => !reserved.has(k))

const mapValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('True', 'False', '', '>10', '<5', '10d', 'r1,r2', '{now}-7d', 'hotp'),
  fc.string({ maxLength: 16 }),
)

/** A record of strings as options or conditions are: plain objects, own keys only. */
export const stringMap = (known: ReadonlyArray<string>): fc.Arbitrary<Readonly<Record<string, string>>> =>
  fc.dictionary(mapKey(known), mapValue, { maxKeys: 5, noNullPrototype: true })

/** A binding id: privacyIDEA's integer ids, or strings. */
export const bindingId: fc.Arbitrary<string | number> = fc.oneof(fc.nat(), fc.string({ maxLength: 8 }))

/** A valid `Binding`; `abortOnError` is absent in about half of them. */
export const binding: fc.Arbitrary<Binding> = fc.record(
  {
    id: bindingId,
    name: fc.string({ maxLength: 20 }),
    events: fc.array(eventName, { maxLength: 4 }),
    handlerModule: fc.constantFrom(...handlerModules),
    action: fc.oneof(
      fc.constantFrom('sendmail', 'logging', 'disable', 'set tokeninfo', ''),
      fc.string({ maxLength: 12 }),
    ),
    position: fc.constantFrom('pre' as const, 'post' as const),
    ordering: fc.integer({ min: -1000, max: 1000 }),
    active: fc.boolean(),
    abortOnError: fc.boolean(),
    options: stringMap(['emailconfig', 'subject', 'body', 'level', 'message', 'URL', 'data']),
    conditions: stringMap(conditionNames),
  },
  {
    requiredKeys: [
      'id',
      'name',
      'events',
      'handlerModule',
      'action',
      'position',
      'ordering',
      'active',
      'options',
      'conditions',
    ],
    noNullPrototype: true,
  },
)

/** A list of bindings. */
export const bindings = (maxLength = 6): fc.Arbitrary<ReadonlyArray<Binding>> => fc.array(binding, { maxLength })
