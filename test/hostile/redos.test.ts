/**
 * Regular-expression denial of service (issue 8). Administrators write regexes in six places: the `serial`,
 * `detail_message`, `detail_error_message` and `challenge_session` conditions, `matches`/`!matches` comparisons of
 * `tokeninfo`, `user_info` and `container_info`, and RequestMangler's `match_pattern`. The host controls what they
 * are matched against (serials, response messages, challenge sessions, user and token attributes, request
 * parameters), so a regex that backtracks catastrophically is a denial of service waiting for an input. `check`
 * reports the classic shapes in every place, with the binding and the path of the place.
 *
 * One deliberate exception, measured and documented in docs/security.md: `serial` and `challenge_session` match at
 * the start only (Python's `re.match`, SPEC D14), and anchored there `(.*a){12}` fails in at most 2¹¹ · n steps —
 * linear in the input, so recheck (rightly) does not call it super-linear; the same shape with `$`, or in a place
 * that searches or matches the whole value, is polynomial of degree 2 to 12 and is reported.
 */
import { describe, expect, it } from 'vitest'
import { check } from '../../src/check.js'
import type { Binding } from '../../src/core/model.js'
import { evaluate } from '../../src/index.js'

/** A place: where the regex goes in a binding, and the diagnostic path (after the binding index). */
interface Place {
  readonly name: string
  readonly path: ReadonlyArray<string>
  /** Matched at the start only (re.match). */
  readonly prefix: boolean
  readonly binding: (regex: string) => Pick<Binding, 'handlerModule' | 'action' | 'options' | 'conditions'>
}

const logging = (conditions: Record<string, string>) =>
  ({ handlerModule: 'Logging', action: 'logging', options: {}, conditions }) as const

/** `tokeninfo` reads `{…}` as a placeholder (SPEC D5): a literal brace is doubled there. */
const braces = (regex: string): string => regex.replaceAll('{', '{{').replaceAll('}', '}}')

const PLACES: ReadonlyArray<Place> = [
  { name: 'serial', path: ['conditions', 'serial'], prefix: true, binding: (r) => logging({ serial: r }) },
  {
    name: 'detail_message',
    path: ['conditions', 'detail_message'],
    prefix: false,
    binding: (r) => logging({ detail_message: r }),
  },
  {
    name: 'detail_error_message',
    path: ['conditions', 'detail_error_message'],
    prefix: false,
    binding: (r) => logging({ detail_error_message: r }),
  },
  {
    name: 'challenge_session',
    path: ['conditions', 'challenge_session'],
    prefix: true,
    binding: (r) => logging({ challenge_session: r }),
  },
  {
    name: "tokeninfo 'matches'",
    path: ['conditions', 'tokeninfo'],
    prefix: false,
    binding: (r) => logging({ tokeninfo: `otp_label 'matches' ${braces(r)}` }),
  },
  {
    name: "tokeninfo '!matches'",
    path: ['conditions', 'tokeninfo'],
    prefix: false,
    binding: (r) => logging({ tokeninfo: `otp_label '!matches' ${braces(r)}` }),
  },
  {
    name: "user_info 'matches'",
    path: ['conditions', 'user_info'],
    prefix: false,
    binding: (r) => logging({ user_info: `email 'matches' ${r}` }),
  },
  {
    name: "container_info 'matches'",
    path: ['conditions', 'container_info'],
    prefix: false,
    binding: (r) => logging({ container_info: `label 'matches' ${r}` }),
  },
  {
    name: 'RequestMangler match_pattern',
    path: ['options', 'match_pattern'],
    prefix: false,
    binding: (r) => ({
      handlerModule: 'RequestMangler',
      action: 'set',
      options: { parameter: 'user', value: '{0}', match_parameter: 'user', match_pattern: r },
      conditions: {},
    }),
  },
]

const bindingsFor = (regex: string): ReadonlyArray<Binding> =>
  PLACES.map((p, i) => ({
    id: i + 1,
    name: p.name,
    events: ['validate_check'],
    position: 'post',
    ordering: 0,
    active: true,
    ...p.binding(regex),
  }))

/** The paths `check` reports catastrophic backtracking at, as `index/…`. */
const flagged = (regex: string): ReadonlyArray<string> => {
  const diagnostics = check(bindingsFor(regex))
  // every binding compiles: the regex is valid in every place
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return diagnostics.filter((d) => d.code === 'catastrophic-backtracking').map((d) => d.path.join('/'))
}

const pathOf = (i: number): string => [i, ...(PLACES[i]?.path ?? [])].join('/')
const everyPlace = PLACES.map((_, i) => pathOf(i))

describe('check reports regexes prone to catastrophic backtracking, in every place, with the location', () => {
  it.each(['(a+)+$', '(a|aa)*b'])('%s is flagged in all nine places', (regex) => {
    expect(flagged(regex)).toEqual(everyPlace)
  })

  it('(.*a){12} is flagged wherever it is searched or matched to the end; anchored at the start only it is linear', () => {
    expect(flagged('(.*a){12}')).toEqual(PLACES.flatMap((p, i) => (p.prefix ? [] : [pathOf(i)])))
    // with the end anchor it is polynomial in the prefix places too
    expect(flagged('(.*a){12}$')).toEqual(everyPlace)
  })

  it('names the binding, the place and the pattern, and gives an attack string', () => {
    const d = check(bindingsFor('(a|aa)*b')).find((x) => x.code === 'catastrophic-backtracking')
    expect(d).toMatchObject({
      severity: 'warning',
      bindingId: 1,
      bindingName: 'serial',
      path: [0, 'conditions', 'serial'],
    })
    expect(d?.message).toContain('(a|aa)*b')
    expect(d?.message).toMatch(/an input like .+ takes very long to match/)
  })

  it.each(['^OATH.*', 'TOTP', 'hotp|totp', '^does not exist', 'challenge_declined'])(
    'leaves the safe pattern %j alone',
    (regex) => {
      expect(flagged(regex)).toEqual([])
    },
  )

  it('a flagged regex is a warning, not an error: the binding still evaluates (the host decides)', () => {
    const ev = evaluate(
      {
        name: 'validate_check',
        position: 'post',
        now: '2026-11-29T10:00:00Z',
        request: { params: { user: 'aaaa' } },
        serial: 'TOTP0001',
      },
      bindingsFor('(a|aa)*b'),
    )
    expect(ev.audit.every((a) => a.success)).toBe(true)
  })
})
