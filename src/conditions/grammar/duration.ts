/**
 * The duration grammar (SPEC 3.1 timedelta, 10.5): optional blanks, an optional sign `+`/`-`, optional blanks,
 * digits, optional blanks, one lower-case unit `s`, `m`, `h`, `d` or `y` (`y` = 365 days), optional blanks.
 * Used by `last_auth`, `container_last_authentication`, `container_last_synchronization` and `date_within_last`.
 *
 * @since 0.1.0
 */
import { millisecondsInDay, millisecondsInHour, millisecondsInMinute, millisecondsInSecond } from 'date-fns/constants'
import { type Either, left, right } from '../../core/either.js'
import { PY_BLANKS, pyStrip } from './comparator.js'
import { digitsValue } from './integer.js'

/**
 * Milliseconds per duration unit.
 *
 * @example
 * DURATION_UNITS.d // 86400000
 * 7 * DURATION_UNITS.d === 604800000 // '7d'
 * @since 0.1.0
 */
export const DURATION_UNITS: Readonly<Record<'s' | 'm' | 'h' | 'd' | 'y', number>> = {
  s: millisecondsInSecond,
  m: millisecondsInMinute,
  h: millisecondsInHour,
  d: millisecondsInDay,
  y: 365 * millisecondsInDay,
}

/**
 * The largest duration tripline accepts: the range of a JavaScript date (±100 000 000 days).
 *
 * @example
 * parseDuration('100000001d') // left('"100000001d" is too large'): beyond MAX_DURATION_MS
 * @since 0.1.0
 */
export const MAX_DURATION_MS = 8.64e15

// Python's `re` on text: `\s` is Python's whitespace and `\d` any decimal digit (Unicode category Nd), which `int()`
// reads as well (`٧d` is seven days).
const S = PY_BLANKS
// The blanks after a sign belong to the sign (`(?:[+-]S)?`): two blank runs side by side would backtrack
// quadratically on a long run of blanks.
const DURATION = new RegExp(`^${S}(?:([+-])${S})?(\\p{Nd}+)${S}([smhdy])${S}$`, 'u')
const NO_UNIT = new RegExp(`^${S}(?:[+-]${S})?\\p{Nd}+${S}$`, 'u')
const OTHER_UNIT = new RegExp(`^${S}(?:[+-]${S})?\\p{Nd}+${S}([A-Za-z]+)${S}$`, 'u')
const HINT = 'use s, m, h, d or y'

/**
 * Parses a duration into milliseconds. `Left` is a reason a person understands, starting with the quoted value.
 *
 * @example
 * parseDuration('7d') // right(604800000)
 * parseDuration(' - 5 m ') // right(-300000)
 * parseDuration('7') // left('"7" has no unit; use s, m, h, d or y')
 * parseDuration('10M') // left('"10M" has an unknown unit "M"; use s, m, h, d or y (lower case)')
 * @since 0.1.0
 */
export const parseDuration = (text: string): Either<string, number> => {
  const m = DURATION.exec(text)
  if (m !== null) {
    const unit = m[3] as keyof typeof DURATION_UNITS
    const magnitude = digitsValue(m[2] ?? '') * DURATION_UNITS[unit]
    if (!(magnitude <= MAX_DURATION_MS)) return left(`${JSON.stringify(text)} is too large`)
    return right(m[1] === '-' && magnitude !== 0 ? -magnitude : magnitude)
  }
  if (pyStrip(text) === '')
    return left(`${JSON.stringify(text)} is empty; write a number and a unit, e.g. 7d (${HINT})`)
  if (NO_UNIT.test(text)) return left(`${JSON.stringify(text)} has no unit; ${HINT}`)
  const other = OTHER_UNIT.exec(text)
  if (other !== null) {
    const unit = other[1] ?? ''
    const lower = /^[SMHDY]$/.test(unit) ? ` (units are lower case: ${unit.toLowerCase()})` : ''
    return left(`${JSON.stringify(text)} has an unknown unit ${JSON.stringify(unit)}; ${HINT}${lower}`)
  }
  return left(`${JSON.stringify(text)} is not a duration; write a number and a unit, e.g. 7d (${HINT})`)
}

/**
 * Renders milliseconds as the shortest exact duration string, e.g. `604800000` → `7d`. Whole seconds only.
 *
 * @example
 * formatDuration(604800000) // '7d'
 * formatDuration(-90000) // '-90s'
 * @since 0.1.0
 */
export const formatDuration = (ms: number): string => {
  const sign = ms < 0 ? '-' : ''
  const abs = Math.abs(ms)
  for (const unit of ['y', 'd', 'h', 'm', 's'] as const) {
    const size = DURATION_UNITS[unit]
    if (abs % size === 0) return `${sign}${abs / size}${unit}`
  }
  return `${sign}${abs / 1000}s`
}
