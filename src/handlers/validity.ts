/**
 * The dates of Token `set validity` (SPEC 4.2): a fixed date or an offset from the event's clock, rendered as
 * privacyIDEA stores validity periods, `YYYY-MM-DDTHH:MM±hhmm`.
 *
 * - Offset: `+`, an integer as Python's `int()` reads it (blanks, a sign, `_` between digits) and a unit `m`, `h`
 *   or `d` (case-insensitive, as privacyIDEA reads the last character): `+10m`, `+24h`, `+7d`. Another last
 *   character (`+7`, `+7y`) means "now" — privacyIDEA's quirk; with a unit, an amount `int()` refuses (`+xd`, `+d`,
 *   `+1.5h`) is a configuration error, as privacyIDEA's `int()` raises.
 * - Fixed date, as dateutil orders it for privacyIDEA: the D13 ISO forms (`2016-12-23`, `2016-12-23T15:30+0600`,
 *   `2016-12-23 15:30:00`); year first with `/`, `-` or `.` (`2016/12/23 9:30`, `2016/12/23 11:30pm`); day first when
 *   the text starts with two digits and `/` or `.` (`23.12.2016 9:30`, `23/12/2016`), privacyIDEA's dayfirst, unless
 *   the second number cannot be a month; otherwise month first unless the first cannot be (`1/2/2016`, `01-02-2016`:
 *   2 January; `23-12-2016`: 23 December). A dot goes only with dots; a two-digit year is read as Python's `%y`; the
 *   time may carry am/pm (`9pm`, `11:30 PM`). A date without an offset is stored without one (privacyIDEA stores
 *   the naive date; tripline reads it as UTC, D7). Anything else is a configuration error: what dateutil cannot
 *   read (privacyIDEA raises), and dateutil's lenient forms (`5`, `Dec 23 2016`), as D13 reads condition dates.
 *
 * @since 0.1.0
 */
import { daysFromCivil, formatInOffset, offsetMinutesOf, parseDate } from '../conditions/grammar/date.js'
import { parseInteger } from '../conditions/grammar/integer.js'
import { type Either, left, right } from '../core/either.js'

/**
 * A compiled validity date.
 *
 * @example
 * const inAWeek: ValidityDate = { _tag: 'Offset', offsetMs: 604800000 } // compileValidity('+7d')
 * const fixed: ValidityDate = { _tag: 'Fixed', text: '2016-12-23T09:30' } // compileValidity('23.12.2016 9:30')
 * @since 0.1.0
 */
export type ValidityDate =
  | { readonly _tag: 'Offset'; readonly offsetMs: number }
  | { readonly _tag: 'Fixed'; readonly text: string }

const UNIT_MS: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000 }

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

const naive = (y: number, mo: number, d: number, h: number, mi: number): string | undefined => {
  if (y < 1 || h > 23 || mi > 59) return undefined
  // Round-trip through the civil calendar: refuses a month or day out of range, 31 April, 29 February of common years.
  const days = daysFromCivil(y, mo, d)
  if (formatInOffset(days * 86_400_000, 0, 'YYYY-MM-DD') !== `${pad(y, 4)}-${pad(mo)}-${pad(d)}`) return undefined
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}`
}

/**
 * The time after a slash or dot date, as dateutil reads it: `9:30`, `9:30:15`, `9:30:15.5`, and with am/pm (`a`, `p`,
 * `am`, `pm`, any case, blanks before it allowed) also an hour alone: `11:30pm`, `9 PM`, `12am`.
 */
const TIME = String.raw`(?:[ T]+(\d{1,2})(?::(\d{2})(?::(\d{2})(?:\.\d+)?)?)? *(?:([AaPp])[Mm]?)?)?`
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([/.-])(\d{1,2})([/.-])(\d{1,2})${TIME}$`)
const DAY_OR_MONTH_FIRST = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{2}|\d{4})${TIME}$`)
/** privacyIDEA sets dateutil's dayfirst when the text starts with two digits and `/` or `.`. */
const DAYFIRST = /^\d\d[/.]/

/** dateutil reads `2016/12-23` but not `2016.12-23`: a dot only with another dot. */
const separatorsAgree = (match: RegExpExecArray): boolean => (match[2] === '.') === (match[4] === '.')

/**
 * Hour and minute of a matched time (`[0, 0]` without one), or undefined: seconds run to 59, an hour alone needs
 * am/pm, and a 12-hour clock runs from 0 to 12 (dateutil: `12am` is 0:00, `0pm` and `12pm` are 12:00).
 */
const clock = (match: RegExpExecArray, at: number): readonly [number, number] | undefined => {
  const [hour, minute, second, ampm] = match.slice(at, at + 4)
  if (hour === undefined) return [0, 0]
  if (Number(second ?? 0) > 59) return undefined
  const h = Number(hour)
  const m = Number(minute ?? 0)
  if (ampm === undefined) return minute === undefined ? undefined : [h, m]
  if (h > 12) return undefined
  if (ampm === 'p' || ampm === 'P') return [h === 12 ? 12 : h + 12, m]
  return [h === 12 ? 0 : h, m]
}

const fixed = (text: string): string | undefined => {
  const day = DAY_OR_MONTH_FIRST.exec(text)
  if (day !== null && separatorsAgree(day)) {
    const yy = Number(day[5])
    const year = (day[5] as string).length === 2 ? (yy >= 69 ? 1900 + yy : 2000 + yy) : yy
    // dateutil: with dayfirst the day comes first, without it the month, unless that number cannot be a month
    // (12/23/2016 is 23 December, 23-12-2016 too; when neither can be a month, the date is refused either way).
    const first = Number(day[1])
    const second = Number(day[3])
    const dayFirst = DAYFIRST.test(text) ? second <= 12 : first > 12
    const [d, mo] = dayFirst ? [first, second] : [second, first]
    const time = clock(day, 6)
    return time === undefined ? undefined : naive(year, mo, d, time[0], time[1])
  }
  const year = YEAR_FIRST.exec(text)
  if (year !== null && separatorsAgree(year)) {
    const time = clock(year, 6)
    return time === undefined ? undefined : naive(Number(year[1]), Number(year[3]), Number(year[5]), time[0], time[1])
  }
  // What is left is an ISO date-time with an offset (the forms without one are year-first dates above).
  const ms = parseDate(text)
  return ms === undefined ? undefined : formatInOffset(ms, offsetMinutesOf(text), 'YYYY-MM-DDTHH:MM±hhmm')
}

/**
 * Compiles a `valid from` / `valid till` value. `Left` is a reason a person understands.
 *
 * @example
 * compileValidity('+7d') // right({ _tag: 'Offset', offsetMs: 604800000 })
 * compileValidity('23.12.2016 9:30') // right({ _tag: 'Fixed', text: '2016-12-23T09:30' })
 * compileValidity('2016-12-23T15:30+0600') // right({ _tag: 'Fixed', text: '2016-12-23T15:30+0600' })
 * compileValidity('soon') // left(...)
 * @since 0.1.0
 */
export const compileValidity = (value: string): Either<string, ValidityDate> => {
  const text = value.trim()
  if (text.startsWith('+')) {
    const factor = UNIT_MS[text.slice(-1).toLowerCase()]
    if (factor === undefined) return right({ _tag: 'Offset', offsetMs: 0 })
    const amount = text.slice(1, -1)
    const n = parseInteger(amount)
    // A bigint is far beyond any date: the offset fails at evaluation as privacyIDEA's date arithmetic overflows.
    if (n !== undefined) return right({ _tag: 'Offset', offsetMs: Number(n) * factor })
    return left(
      `${JSON.stringify(value)}: the offset amount ${JSON.stringify(amount)} is not an integer; write e.g. +10m, +24h or +7d`,
    )
  }
  if (text === '') return right({ _tag: 'Offset', offsetMs: 0 })
  const date = fixed(text)
  return date === undefined
    ? left(
        `${JSON.stringify(value)} is not a date; write e.g. 2016-12-23, 2016-12-23T15:30+0600, 2016/12/23, 23.12.2016 9:30 or an offset such as +7d`,
      )
    : right({ _tag: 'Fixed', text: date })
}

/**
 * Renders a compiled validity date for an event clock (epoch ms) and its UTC offset (minutes).
 *
 * @example
 * renderValidity({ _tag: 'Offset', offsetMs: 604800000 }, Date.parse('2026-11-29T10:00:00+01:00'), 60)
 * // '2026-12-06T10:00+0100'
 * @since 0.1.0
 */
export const renderValidity = (date: ValidityDate, nowMs: number, offsetMinutes: number): string =>
  date._tag === 'Fixed' ? date.text : formatInOffset(nowMs + date.offsetMs, offsetMinutes, 'YYYY-MM-DDTHH:MM±hhmm')
