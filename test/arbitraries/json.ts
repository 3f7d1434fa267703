/**
 * Arbitrary JSON for property and fuzz tests. The value is produced as JSON *text* and parsed with `JSON.parse`,
 * so keys such as `__proto__` arrive as own data properties, exactly as a decoder receives them from a file or a
 * request body.
 */
import fc from 'fast-check'

/** Keys that reach `Object.prototype` through `obj[key]` when handled carelessly. */
export const dangerousKeys: ReadonlyArray<string> = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
]

/** Field names of tripline's and privacyIDEA's shapes, so random objects reach the decoders' inner paths. */
export const fieldKeys: ReadonlyArray<string> = [
  'id',
  'name',
  'active',
  'event',
  'events',
  'handlermodule',
  'handlerModule',
  'action',
  'position',
  'ordering',
  'abort_on_error',
  'abortOnError',
  'options',
  'conditions',
  'condition',
  'result',
  'value',
  'status',
  'error',
  'message',
  'now',
  'request',
  'params',
  'response',
  'user',
  'login',
  'realm',
  'resolver',
  'info',
  'token',
  'serial',
  'type',
  'realms',
  'resolvers',
  'owner',
  'failcount',
  'maxfail',
  'otpCounter',
  'container',
  'states',
  'owners',
  'tokenCount',
  'challenges',
  'counters',
  'loggedIn',
  'role',
  'username',
]

/** Options for {@link jsonText}. */
export interface JsonOptions {
  /** Maximum nesting depth (default 4). */
  readonly maxDepth?: number
  /** Maximum items per list or keys per object (default 6). */
  readonly maxWidth?: number
  /** Include now and then a string of 10⁵–10⁶ characters (default false). */
  readonly hugeStrings?: boolean
}

const numberText: fc.Arbitrary<string> = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.constantFrom('0', '-0', '1e308', '-1e308', '5e-324', '9007199254740993', '1.0', '1E2'),
)

const stringValue = (huge: boolean): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '',
        'True',
        'False',
        'pre',
        'post',
        'token_init, token_delete',
        ' , ,',
        '{"realm": "r1"}',
        '{',
        '[]',
        'null',
        '__proto__',
      ),
    },
    ...(huge
      ? [
          {
            weight: 8,
            arbitrary: fc
              .tuple(fc.integer({ min: 100_000, max: 1_000_000 }), fc.constantFrom('a', ',', ' ', 'é', '{'))
              .map(([n, c]) => c.repeat(n)),
          },
        ]
      : []),
  )

const key: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...fieldKeys) },
  { weight: 2, arbitrary: fc.constantFrom(...dangerousKeys) },
  { weight: 3, arbitrary: fc.string({ maxLength: 8 }) },
)

/**
 * JSON text: objects, lists, strings, numbers (including `-0`, huge and tiny ones), booleans and null, with keys
 * drawn from the decoders' field names, prototype-related names and random strings.
 */
export const jsonText = (options: JsonOptions = {}): fc.Arbitrary<string> => {
  const maxDepth = options.maxDepth ?? 4
  const maxWidth = options.maxWidth ?? 6
  const leaf: fc.Arbitrary<string> = fc.oneof(
    fc.constantFrom('null', 'true', 'false'),
    numberText,
    stringValue(options.hugeStrings ?? false).map((s) => JSON.stringify(s)),
  )
  const { value } = fc.letrec<{ value: string; list: string; object: string }>((tie) => ({
    value: fc.oneof({ depthSize: 'small', maxDepth, withCrossShrink: true }, leaf, tie('list'), tie('object')),
    list: fc.array(tie('value'), { maxLength: maxWidth }).map((items) => `[${items.join(',')}]`),
    object: fc
      .array(fc.tuple(key, tie('value')), { maxLength: maxWidth })
      .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  }))
  return value
}

/** A parsed JSON value (see {@link jsonText}). */
export const jsonValue = (options: JsonOptions = {}): fc.Arbitrary<unknown> =>
  jsonText(options).map((text): unknown => JSON.parse(text))

/** Text of a list nested `depth` levels deep, e.g. `[[[1]]]`, or of objects `{"a":{"a":1}}`. */
export const deeplyNested = (depth: number, kind: 'list' | 'object'): string =>
  kind === 'list' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
