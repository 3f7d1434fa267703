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

/**
 * What a catalogue knows, for bindings that compile, fail to compile and name unknown things in useful
 * proportions: module → actions and option values, condition → values (good and bad ones alike), event names.
 */
export interface BindingVocabulary {
  readonly modules: Readonly<
    Record<
      string,
      {
        readonly actions: ReadonlyArray<string>
        readonly options: Readonly<Record<string, ReadonlyArray<string>>>
        /** How often the module is drawn relative to the others (default 1). */
        readonly weight?: number
      }
    >
  >
  readonly conditions: Readonly<Record<string, ReadonlyArray<string>>>
  /** Conditions drawn only now and then (e.g. ones that always fail), so that most bindings can fire. */
  readonly rareConditions?: Readonly<Record<string, ReadonlyArray<string>>>
  readonly events: ReadonlyArray<string>
  /** Names the catalogue does not know (module, action and condition names are drawn from these too). */
  readonly unknown: ReadonlyArray<string>
}

/** Options for {@link bindingOver}. */
export interface BindingOverOptions {
  /** Binding ids; by default a few small integers and strings, so ties and duplicates are frequent. */
  readonly id?: fc.Arbitrary<string | number>
  /** Maximum number of conditions (default 3). */
  readonly maxConditions?: number
}

/** Few distinct ids, so equal orderings are broken by ids often: -1…12 and a few strings ('10' sorts before '9'). */
export const smallId: fc.Arbitrary<string | number> = fc.oneof(
  fc.integer({ min: -1, max: 12 }),
  fc.constantFrom('a', 'b', '10', '9', '', 'Z'),
)

const pick = (xs: ReadonlyArray<string>): fc.Arbitrary<string> =>
  xs.length === 0 ? fc.constant('') : fc.constantFrom(...xs)

/** A map with a random subset of `names` in random key order, each value drawn by `value(name)`. */
const entriesOf = (
  names: ReadonlyArray<string>,
  value: (name: string) => fc.Arbitrary<string>,
  maxLength: number,
): fc.Arbitrary<Readonly<Record<string, string>>> =>
  fc
    .shuffledSubarray([...names], { maxLength: Math.min(maxLength, names.length) })
    .chain((ns) =>
      fc
        .tuple(...ns.map(value))
        .map((vs) => Object.fromEntries(ns.map((n, i) => [n, vs[i] ?? ''])) as Record<string, string>),
    )

/**
 * Bindings over a catalogue's vocabulary: mostly known modules, actions and conditions with all their options,
 * sometimes unknown names, missing options or bad values; small orderings (-2…3) and ids so that ties happen;
 * events from the vocabulary; mostly active; `abortOnError` usually left to the module default.
 *
 * @example
 * fc.sample(bindingOver(toyVocabulary), 1)
 */
export const bindingOver = (v: BindingVocabulary, options: BindingOverOptions = {}): fc.Arbitrary<Binding> => {
  const moduleNames = Object.keys(v.modules)
  const knownConditions = Object.keys(v.conditions)
  const rarely = <A>(usual: fc.Arbitrary<A>, rare: fc.Arbitrary<A>): fc.Arbitrary<A> =>
    fc.oneof({ weight: 14, arbitrary: usual }, { weight: 1, arbitrary: rare })
  const conditionValue = (n: string) => pick(v.conditions[n] ?? ['', 'x'])
  const conditions = fc
    .tuple(
      entriesOf(knownConditions, conditionValue, options.maxConditions ?? 3),
      rarely(
        fc.constant(undefined),
        fc.oneof(
          fc.tuple(pick(v.unknown), fc.constantFrom('', 'x')),
          ...Object.entries(v.rareConditions ?? {}).map(([n, vs]) => fc.tuple(fc.constant(n), pick(vs))),
        ),
      ),
    )
    .map(([known, extra]) => (extra === undefined ? known : { ...known, [extra[0]]: extra[1] }))
  const knownModule = fc.oneof(
    ...moduleNames.map((n) => ({ weight: v.modules[n]?.weight ?? 1, arbitrary: fc.constant(n) })),
  )
  return rarely(knownModule, pick(v.unknown)).chain((handlerModule) => {
    const known = v.modules[handlerModule]
    const action = known === undefined ? pick(['send', ...v.unknown]) : rarely(pick(known.actions), pick(v.unknown))
    const optionValues = known?.options ?? {}
    const optionNames = Object.keys(optionValues)
    const allOptions = fc
      .tuple(...optionNames.map((n) => pick(optionValues[n] ?? [''])))
      .map((vs) => Object.fromEntries(optionNames.map((n, i) => [n, vs[i] ?? ''])) as Record<string, string>)
    return fc.record(
      {
        id: options.id ?? smallId,
        name: fc.oneof(fc.constantFrom('notify', 'forward', '', 'Ünïcødé'), fc.string({ maxLength: 6 })),
        events: fc.array(pick(v.events), { maxLength: 3 }),
        handlerModule: fc.constant(handlerModule),
        action,
        position: fc.constantFrom('pre' as const, 'post' as const),
        ordering: fc.integer({ min: -2, max: 3 }),
        active: rarely(fc.constant(true), fc.constant(false)),
        abortOnError: fc.oneof(
          { weight: 3, arbitrary: fc.constant(false) },
          { weight: 1, arbitrary: fc.constant(true) },
        ),
        options: rarely(
          allOptions,
          entriesOf(optionNames, (n) => pick(optionValues[n] ?? ['']), 4),
        ),
        conditions,
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
  })
}

/** Values of the wrong type for any binding field, including ones JSON cannot carry. */
export const garbageValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, Number.NaN, Number.POSITIVE_INFINITY, -0, '', 'True', [], {}, true, 0, 1n),
  fc.constant(null).map(() => Symbol('garbage')),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.oneof(fc.integer(), fc.constant(null), fc.boolean()), { maxKeys: 2 }),
)

const bindingFields = [
  'id',
  'name',
  'events',
  'handlerModule',
  'action',
  'position',
  'ordering',
  'active',
  'abortOnError',
  'options',
  'conditions',
] as const

/** A binding with one to three fields replaced by garbage or removed; sometimes not an object at all. */
export const garbageBinding = (valid: fc.Arbitrary<Binding>): fc.Arbitrary<unknown> =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .tuple(
          valid,
          fc.uniqueArray(fc.constantFrom(...bindingFields), { minLength: 1, maxLength: 3 }),
          fc.array(fc.option(garbageValue, { nil: undefined }), { minLength: 3, maxLength: 3 }),
        )
        .map(([b, fields, values]) => {
          const out: Record<string, unknown> = { ...b }
          fields.forEach((f, i) => {
            const g = values[i]
            if (g === undefined) delete out[f]
            else out[f] = g
          })
          return out
        }),
    },
    { weight: 1, arbitrary: garbageValue },
  )

/**
 * What a careless JavaScript host might pass as bindings: an array mixing valid and garbage bindings (sometimes
 * sparse), or something that is not an array.
 */
export const garbageBindings = (valid: fc.Arbitrary<Binding>): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.array(fc.oneof(valid, garbageBinding(valid)), { maxLength: 6 }) },
    {
      weight: 1,
      arbitrary: fc.sparseArray(fc.oneof(valid, garbageBinding(valid)), { maxLength: 5, minNumElements: 1 }),
    },
    { weight: 1, arbitrary: garbageValue },
  )
