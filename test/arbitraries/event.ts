/**
 * Arbitrary tripline events (DESIGN.md `Event`): every fact optional and often missing, empty or odd (unicode,
 * blanks, case variants, `__proto__`-like keys), clocks and stored dates in many offsets and formats. Every event
 * is JSON data as a host would build it from `JSON.parse`: plain objects, integer counts, no `-0`, no `undefined`.
 */
import fc from 'fast-check'
import type {
  Challenge,
  Container,
  ContainerOwner,
  Event,
  LoggedIn,
  Position,
  Request,
  Token,
  TokenOwner,
  User,
} from '../../src/core/model.js'

/** Strings a host may pass where a fact is expected: empty, blanks, case variants, unicode, control characters. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      'None',
      'null',
      'True',
      '__proto__',
      'constructor',
      'Ünïcødé',
      '😀',
      'a,b',
      '\u0000',
      'İ',
      'ß',
    ),
  },
)

/** A string drawn mostly from `known` (so conditions can match), sometimes odd. */
export const fromKnown = (known: ReadonlyArray<string>): fc.Arbitrary<string> =>
  known.length === 0
    ? oddString
    : fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: oddString })

/** Real UTC offsets in minutes, including half and three-quarter hours and the extremes. */
export const offsetMinutes: ReadonlyArray<number> = [
  0, 60, 120, 330, 345, 525, 600, 765, 840, -60, -180, -210, -300, -570, -720,
]

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0')

/** How the offset is written. */
export type OffsetStyle = 'Z' | '+hh:mm' | '+hhmm' | '+hh' | 'none'

/**
 * Formats an instant as local time at `offset` minutes, with the given separator, seconds/fraction and offset
 * style. `none` writes no offset (the time is then read as UTC, SPEC D13), so it is only used with offset 0.
 *
 * @example
 * formatIso(Date.UTC(2026, 10, 29, 9), 60, { style: '+hh:mm' }) // '2026-11-29T10:00:00+01:00'
 */
export const formatIso = (
  epochMs: number,
  offset: number,
  format: {
    readonly style: OffsetStyle
    readonly separator?: 'T' | ' '
    readonly fraction?: 0 | 3 | 6
    readonly seconds?: boolean
  },
): string => {
  const local = new Date(epochMs + offset * 60_000)
  const date = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`
  const seconds = format.seconds === false ? '' : `:${pad(local.getUTCSeconds())}`
  const fraction =
    format.seconds === false || (format.fraction ?? 0) === 0
      ? ''
      : `.${pad(local.getUTCMilliseconds(), 3)}${format.fraction === 6 ? '000' : ''}`
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}${seconds}${fraction}`
  const sign = offset < 0 ? '-' : '+'
  const hh = pad(Math.trunc(Math.abs(offset) / 60))
  const mm = pad(Math.abs(offset) % 60)
  const zone =
    format.style === 'Z' || format.style === 'none'
      ? format.style === 'Z'
        ? 'Z'
        : ''
      : format.style === '+hh:mm'
        ? `${sign}${hh}:${mm}`
        : format.style === '+hhmm'
          ? `${sign}${hh}${mm}`
          : `${sign}${hh}`
  return `${date}${format.separator ?? 'T'}${time}${zone}`
}

/** An instant between 1970 and 2100, in milliseconds. */
export const epochMs: fc.Arbitrary<number> = fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) })

/** The event clock: ISO-8601 date-time with an explicit offset (`Z` or `±hh:mm`) in many zones. */
export const now: fc.Arbitrary<string> = fc
  .tuple(epochMs, fc.constantFrom(...offsetMinutes), fc.constantFrom<0 | 3 | 6>(0, 0, 3, 6), fc.boolean())
  .map(([ms, offset, fraction, zulu]) =>
    zulu && offset === 0
      ? formatIso(ms, 0, { style: 'Z', fraction })
      : formatIso(ms, offset, { style: '+hh:mm', fraction }),
  )

/**
 * A stored date as privacyIDEA writes tokeninfo and container dates (SPEC D13): ISO-8601 with `T` or a blank,
 * with or without seconds and fraction, every offset style, and the legacy `dd/mm/yy hh:mm`.
 */
export const storedDate: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      epochMs,
      fc.constantFrom(...offsetMinutes),
      fc.constantFrom<OffsetStyle>('Z', '+hh:mm', '+hhmm', '+hh', 'none'),
      fc.constantFrom<'T' | ' '>('T', ' '),
      fc.constantFrom<0 | 3 | 6>(0, 3, 6),
      fc.boolean(),
    )
    .map(([ms, offset, style, separator, fraction, seconds]) => {
      // `+hh` cannot write half hours and `none`/`Z` mean UTC: use offset 0 there.
      const usable = style === 'none' || style === 'Z' || (style === '+hh' && offset % 60 !== 0) ? 0 : offset
      return formatIso(ms, usable, { style, separator, fraction, seconds })
    }),
  epochMs.map((ms) => {
    const d = new Date(ms)
    return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCFullYear() % 100)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
  }),
)

/** A date-ish string that is often not a date at all. */
export const dateOrGarbage: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: storedDate },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', 'garbage', '5', '2026-13-45T25:61:00Z', '2026-11-29T10:00:00+25:00', 'None'),
  },
)

/** A map of strings with keys from `known` and odd ones; plain objects, as `JSON.parse` builds them. */
export const stringRecord = (
  known: ReadonlyArray<string>,
  value: fc.Arbitrary<string> = oddString,
  maxKeys = 5,
): fc.Arbitrary<Readonly<Record<string, string>>> =>
  fc.dictionary(fromKnown(known), value, { maxKeys, noNullPrototype: true })

/** What the toy and real catalogues commonly read from an event; used as the default vocabulary. */
export interface EventVocabulary {
  readonly names: ReadonlyArray<string>
  readonly positions: ReadonlyArray<Position>
  readonly realms: ReadonlyArray<string>
  readonly paramKeys: ReadonlyArray<string>
  readonly paramValues: ReadonlyArray<string>
}

/** The default vocabulary: a few event names and realms, params `x`/`y`/`serial` with values `0`–`2`. */
export const defaultEventVocabulary: EventVocabulary = {
  names: ['token_init', 'validate_check', 'Token_Init', 'token_init '],
  positions: ['pre', 'post'],
  realms: ['realm1', 'realm2', 'Realm1', ''],
  paramKeys: ['x', 'y', 'serial', 'user', 'realm', 'pass', 'transaction_id'],
  paramValues: ['0', '1', '2', ''],
}

/** A request: params (privacyIDEA's `all_data`) and optional path, method, client and browser facts. */
export const request = (v: EventVocabulary = defaultEventVocabulary): fc.Arbitrary<Request> =>
  fc.record(
    {
      path: fc.constantFrom('/token/init', '/validate/check', '/auth', '', '/Token/Init'),
      method: fc.constantFrom('GET', 'POST', 'DELETE', 'post'),
      params: stringRecord(v.paramKeys, fromKnown(v.paramValues)),
      clientIp: fc.oneof(fc.ipV4(), fc.ipV6(), fc.constantFrom('', 'not-an-ip', '10.0.0.1 ')),
      userAgent: oddString,
      browser: oddString,
    },
    { requiredKeys: ['params'], noNullPrototype: true },
  )

/** The logged-in identity. */
export const loggedIn: fc.Arbitrary<LoggedIn> = fc.record(
  {
    role: fc.constantFrom('admin' as const, 'user' as const),
    username: oddString,
    realm: fromKnown(defaultEventVocabulary.realms),
  },
  { requiredKeys: ['role', 'username'], noNullPrototype: true },
)

/** The user in event; `login`, `realm` and `resolver` may be empty (the empty user). */
export const user = (v: EventVocabulary = defaultEventVocabulary): fc.Arbitrary<User> =>
  fc.record(
    {
      login: fromKnown(['alice', 'bob', '']),
      realm: fromKnown(v.realms),
      resolver: fromKnown(['resolver1', '']),
      info: stringRecord(['givenname', 'surname', 'email', 'mobile', 'userid']),
      tokenCount: fc.nat(5),
      containerCount: fc.nat(3),
      hasLockedToken: fc.boolean(),
    },
    { requiredKeys: ['login', 'realm', 'resolver'], noNullPrototype: true },
  )

const tokenOwner: fc.Arbitrary<TokenOwner> = fc.record(
  {
    login: fromKnown(['alice', 'bob']),
    realm: fromKnown(defaultEventVocabulary.realms),
    resolver: fromKnown(['resolver1']),
    exists: fc.boolean(),
  },
  { noNullPrototype: true },
)

/** A token; tokeninfo dates in many forms, sometimes unparseable. */
export const token: fc.Arbitrary<Token> = fc.record(
  {
    serial: fromKnown(['TOTP0001', 'HOTP0002', '']),
    type: fromKnown(['totp', 'hotp', 'spass', 'HOTP', 'webauthn']),
    realms: fc.array(fromKnown(defaultEventVocabulary.realms), { maxLength: 3 }),
    resolvers: fc.array(fromKnown(['resolver1']), { maxLength: 2 }),
    owner: tokenOwner,
    active: fc.boolean(),
    failcount: fc.nat(20),
    maxfail: fc.nat(20),
    otpCounter: fc.nat(1_000_000),
    description: oddString,
    rolloutState: fromKnown(['', 'clientwait', 'enrolled', 'pending']),
    inContainer: fc.boolean(),
    info: fc.record(
      {
        last_auth: dateOrGarbage,
        validity_period_start: dateOrGarbage,
        validity_period_end: dateOrGarbage,
        count_auth: fc.oneof(fc.nat(100).map(String), oddString),
        count_auth_success: fc.nat(100).map(String),
        other: oddString,
      },
      { requiredKeys: [], noNullPrototype: true },
    ),
  },
  {
    requiredKeys: ['serial', 'type', 'realms', 'resolvers', 'failcount', 'maxfail', 'otpCounter', 'info'],
    noNullPrototype: true,
  },
)

const containerOwner: fc.Arbitrary<ContainerOwner> = fc.record(
  {
    login: fromKnown(['alice']),
    realm: fromKnown(defaultEventVocabulary.realms),
    resolver: fromKnown(['resolver1']),
  },
  { noNullPrototype: true },
)

/** A container. */
export const container: fc.Arbitrary<Container> = fc.record(
  {
    serial: fromKnown(['SMPH0001', '']),
    type: fromKnown(['smartphone', 'generic', 'yubikey']),
    states: fc.array(fromKnown(['active', 'disabled', 'lost', 'damaged']), { maxLength: 3 }),
    owners: fc.array(containerOwner, { maxLength: 2 }),
    realms: fc.array(fromKnown(defaultEventVocabulary.realms), { maxLength: 2 }),
    tokenCount: fc.nat(5),
    info: stringRecord(['key', 'registration_state']),
    lastAuthentication: dateOrGarbage,
    lastSynchronization: dateOrGarbage,
  },
  {
    requiredKeys: ['serial', 'type', 'states', 'owners', 'realms', 'tokenCount', 'info'],
    noNullPrototype: true,
  },
)

/** A challenge. */
export const challenge: fc.Arbitrary<Challenge> = fc.record(
  {
    session: fromKnown(['', 'enroll_via_multichallenge', 'challenge_declined']),
    createdAt: dateOrGarbage,
    expiresAt: dateOrGarbage,
  },
  { noNullPrototype: true },
)

/** A JSON response body: privacyIDEA-like shapes or any JSON (parsed from text, so never `-0`). */
export const response: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    {
      result: fc.record(
        { status: fc.boolean(), value: fc.oneof(fc.boolean(), fc.nat(3).map(String), fc.constant({})) },
        { noNullPrototype: true },
      ),
      detail: fc.record(
        { serial: fromKnown(['TOTP0001']), message: oddString },
        { requiredKeys: [], noNullPrototype: true },
      ),
      id: fc.nat(10),
    },
    { requiredKeys: ['result'], noNullPrototype: true },
  ),
  fc.json({ maxDepth: 2 }).map((text): unknown => JSON.parse(text)),
)

/**
 * An event over a vocabulary. Every optional fact is often absent; the response is generated for pre events too
 * (the kernel must hide it there).
 *
 * @example
 * fc.sample(event(), 1)[0].name // 'token_init', 'Token_Init', '', '😀', ...
 */
export const event = (v: EventVocabulary = defaultEventVocabulary): fc.Arbitrary<Event> =>
  fc.record(
    {
      name: fromKnown(v.names),
      position: fc.constantFrom(...v.positions),
      now,
      entropy: fc.stringMatching(/^[0-9a-f]{0,32}$/),
      baseUrl: fc.constantFrom('https://pi.example.com', '', 'https://pi.example.com/'),
      request: request(v),
      response,
      loggedIn,
      user: user(v),
      serial: fromKnown(['TOTP0001', 'TOTP0001,HOTP0002', '']),
      token,
      container,
      challenges: fc.array(challenge, { maxLength: 3 }),
      counters: fc.dictionary(fromKnown(['logins', 'fails']), fc.integer({ min: -5, max: 1000 }), {
        maxKeys: 3,
        noNullPrototype: true,
      }),
    },
    { requiredKeys: ['name', 'position', 'now', 'request'], noNullPrototype: true },
  )
