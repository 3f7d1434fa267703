/**
 * Events for the fuzz suite: `test/arbitraries/event.ts` over the catalogue bindings' event names, with numbers at
 * the edges (NaN-free: 0, -0, ±1, the safe-integer bounds, beyond them, tiny and huge floats, ±Infinity) in every
 * numeric fact, and numeric-looking text at the edges in the tokeninfo, user info and container info values that
 * the integer and generic comparisons read.
 */
import fc from 'fast-check'
import type { Event, Token, User } from '../../src/core/model.js'
import { CATALOGUE_EVENTS } from '../arbitraries/catalogue-binding.js'
import { defaultEventVocabulary, type EventVocabulary, event } from '../arbitraries/event.js'

/** Event names: the ones catalogue bindings listen to, case and blank variants, odd ones. */
export const fuzzEventVocabulary: EventVocabulary = {
  ...defaultEventVocabulary,
  names: [...CATALOGUE_EVENTS, 'Token_Init', 'container_init'],
}

/** Numbers at the edges, NaN excluded. */
export const EDGE_NUMBERS: ReadonlyArray<number> = [
  0,
  -0,
  1,
  -1,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  0.5,
  -2.5,
  1e21,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
]

/** Numeric-looking text at the edges: what Python's `int()` and float parsing accept or reject. */
export const EDGE_NUMERIC_TEXT: ReadonlyArray<string> = [
  '0',
  '-0',
  '+5',
  ' 5 ',
  '05',
  '1_000',
  '9007199254740993',
  '-9007199254740993',
  '1e308',
  '1e309',
  'Infinity',
  'NaN',
  'nan',
  '0x10',
  '٣',
  '４２',
  '1.5',
  '',
]

const edgeNumber: fc.Arbitrary<number> = fc.constantFrom(...EDGE_NUMBERS)
const maybe = <A>(a: fc.Arbitrary<A>): fc.Arbitrary<A | undefined> => fc.option(a, { nil: undefined, freq: 3 })

const withEdgeInfo = (
  info: Readonly<Record<string, string>>,
  keys: ReadonlyArray<string>,
  texts: ReadonlyArray<string | undefined>,
): Readonly<Record<string, string>> => {
  const out: Record<string, string> = Object.fromEntries(Object.entries(info))
  keys.forEach((k, i) => {
    const t = texts[i]
    if (t !== undefined)
      Object.defineProperty(out, k, { value: t, enumerable: true, writable: true, configurable: true })
  })
  return out
}

/**
 * An event whose numbers and numeric text are pushed to the edges now and then; otherwise the shared event
 * arbitrary (missing, empty and odd facts, unicode, dates in many offsets).
 */
export const edgeEvent: fc.Arbitrary<Event> = fc
  .tuple(
    event(fuzzEventVocabulary),
    fc.record({
      failcount: maybe(edgeNumber),
      maxfail: maybe(edgeNumber),
      otpCounter: maybe(edgeNumber),
      tokenCount: maybe(edgeNumber),
      containerCount: maybe(edgeNumber),
      containerTokens: maybe(edgeNumber),
      counter: maybe(fc.tuple(fc.constantFrom('logins', 'fails', '__proto__', ''), edgeNumber)),
      texts: fc.array(maybe(fc.constantFrom(...EDGE_NUMERIC_TEXT)), { minLength: 4, maxLength: 4 }),
    }),
  )
  .map(([e, edge]): Event => {
    const [countAuth, countSuccess, other, userid] = edge.texts
    const token: Token | undefined =
      e.token === undefined
        ? undefined
        : {
            ...e.token,
            ...(edge.failcount !== undefined ? { failcount: edge.failcount } : {}),
            ...(edge.maxfail !== undefined ? { maxfail: edge.maxfail } : {}),
            ...(edge.otpCounter !== undefined ? { otpCounter: edge.otpCounter } : {}),
            info: withEdgeInfo(
              e.token.info,
              ['count_auth', 'count_auth_success', 'other'],
              [countAuth, countSuccess, other],
            ),
          }
    const user: User | undefined =
      e.user === undefined
        ? undefined
        : {
            ...e.user,
            ...(edge.tokenCount !== undefined ? { tokenCount: edge.tokenCount } : {}),
            ...(edge.containerCount !== undefined ? { containerCount: edge.containerCount } : {}),
            info: withEdgeInfo(e.user.info ?? {}, ['userid'], [userid]),
          }
    const counters =
      edge.counter === undefined ? e.counters : withEdgeCounter(e.counters ?? {}, edge.counter[0], edge.counter[1])
    const { token: _t, user: _u, counters: _c, ...rest } = e
    return {
      ...rest,
      ...(token !== undefined ? { token } : {}),
      ...(user !== undefined ? { user } : {}),
      ...(counters !== undefined ? { counters } : {}),
      ...(e.container !== undefined && edge.containerTokens !== undefined
        ? { container: { ...e.container, tokenCount: edge.containerTokens } }
        : {}),
    }
  })

const withEdgeCounter = (
  counters: Readonly<Record<string, number>>,
  name: string,
  value: number,
): Readonly<Record<string, number>> => {
  const out: Record<string, number> = Object.fromEntries(Object.entries(counters))
  Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true })
  return out
}
