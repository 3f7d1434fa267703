/**
 * Dates (SPEC D7, D13). ISO-8601 date or date-time (`T` or a blank between them, optional seconds and a fraction of
 * 1–6 digits, offset `Z`, `±hh:mm`, `±hhmm` or `±hh`, or none = UTC), plus privacyIDEA's legacy `dd/mm/yy hh:mm`
 * (UTC, two-digit years as Python's `%y`: 69–99 → 19xx, 00–68 → 20xx). Lenient forms (`5`, `9a`) are not dates.
 * Instants are epoch milliseconds; a fraction finer than a millisecond is kept as a fractional millisecond.
 *
 * @since 0.1.0
 */
import { millisecondsInDay, millisecondsInHour, millisecondsInMinute } from 'date-fns/constants'

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/
const LEGACY = /^(\d{2})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2})$/
const OFFSET = /(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)(Z|[+-]\d{2}(?::?\d{2})?)$/

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (month 1–12). Total for every integer year.
 *
 * @example
 * daysFromCivil(2026, 11, 29) // 20786
 * daysFromCivil(1970, 1, 1) // 0
 * @since 0.1.0
 */
export const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/**
 * The civil date (month 1–12) of a day number since 1970-01-01.
 *
 * @example
 * civilFromDays(20786) // { year: 2026, month: 11, day: 29 }
 * @since 0.1.0
 */
export const civilFromDays = (
  days: number,
): { readonly year: number; readonly month: number; readonly day: number } => {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

const validDay = (year: number, month: number, day: number): boolean =>
  month >= 1 &&
  month <= 12 &&
  day >= 1 &&
  day <= (month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number))

/** Minutes east of UTC of an offset text (`Z`, `+02:00`, `+0200`, `+02`), or undefined when out of range. */
const offsetMinutes = (text: string | undefined): number | undefined => {
  if (text === undefined || text === 'Z') return 0
  const sign = text[0] === '-' ? -1 : 1
  const digits = text.slice(1).replace(':', '')
  const hh = Number(digits.slice(0, 2))
  const mm = digits.length > 2 ? Number(digits.slice(2, 4)) : 0
  if (hh > 23 || mm > 59) return undefined
  return sign * (hh * 60 + mm)
}

const instant = (
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  fractionMs: number,
  offset: number,
): number | undefined => {
  if (year < 1 || !validDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined
  return (
    daysFromCivil(year, month, day) * millisecondsInDay +
    hour * millisecondsInHour +
    (minute - offset) * millisecondsInMinute +
    second * 1000 +
    fractionMs
  )
}

/**
 * Parses a date of the D13 grammar into epoch milliseconds; `undefined` when it is not such a date. No offset
 * means UTC (D7).
 *
 * @example
 * parseDate('2017-01-01T10:00+0200') // Date.UTC(2017, 0, 1, 8, 0)
 * parseDate('2016-10-10 10:10:10.000') // Date.UTC(2016, 9, 10, 10, 10, 10)
 * parseDate('2030-01-01') // Date.UTC(2030, 0, 1)
 * parseDate('01/02/26 10:30') // Date.UTC(2026, 1, 1, 10, 30)
 * parseDate('5') // undefined
 * @since 0.1.0
 */
export const parseDate = (text: string): number | undefined => {
  const m = ISO.exec(text)
  if (m !== null) {
    const offset = offsetMinutes(m[8])
    if (offset === undefined) return undefined
    const fraction = m[7] === undefined ? 0 : Number(m[7].padEnd(6, '0')) / 1000
    return instant(
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
      Number(m[4] ?? 0),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
      fraction,
      offset,
    )
  }
  const l = LEGACY.exec(text)
  if (l !== null) {
    const yy = Number(l[3])
    return instant(yy >= 69 ? 1900 + yy : 2000 + yy, Number(l[2]), Number(l[1]), Number(l[4]), Number(l[5]), 0, 0, 0)
  }
  return undefined
}

/**
 * The UTC offset in minutes written in an ISO date-time such as `event.now`; 0 for `Z`, no offset, or text that
 * is not a date-time.
 *
 * @example
 * offsetMinutesOf('2026-11-29T10:00:00+01:00') // 60
 * offsetMinutesOf('2026-11-29T10:00:00-0530') // -330
 * offsetMinutesOf('2026-11-29T10:00:00Z') // 0
 * @since 0.1.0
 */
export const offsetMinutesOf = (iso: string): number => {
  const m = OFFSET.exec(iso)
  return m === null ? 0 : (offsetMinutes(m[1]) ?? 0)
}

/**
 * The patterns `formatInOffset` renders.
 *
 * @example
 * const pattern: DatePattern = 'YYYY-MM-DDTHH:MM±hhmm'
 * @since 0.1.0
 */
export type DatePattern = 'YYYY-MM-DDTHH:MM±hhmm' | 'YYYY-MM-DD' | 'HH:MM:SS' | 'YYYY-MM-DD HH:MM:SS.ffffff±hhmm'

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

const year4 = (y: number): string => (y < 0 ? `-${pad(-y, 4)}` : pad(y, 4))

/**
 * `+0200`, `-0530`, `+0000`.
 *
 * @example
 * formatOffset(120) // '+0200'
 * formatOffset(-330) // '-0530'
 * @since 0.1.0
 */
export const formatOffset = (offsetMinutes: number): string => {
  const sign = offsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(offsetMinutes)
  return `${sign}${pad(Math.floor(abs / 60), 2)}${pad(abs % 60, 2)}`
}

/**
 * Renders an instant in the wall-clock time of a UTC offset (minutes east of UTC).
 *
 * @example
 * formatInOffset(Date.UTC(2026, 7, 21, 7, 30), 120, 'YYYY-MM-DDTHH:MM±hhmm') // '2026-08-21T09:30+0200'
 * formatInOffset(Date.UTC(2026, 7, 21, 7, 30), 0, 'YYYY-MM-DD HH:MM:SS.ffffff±hhmm')
 * // '2026-08-21 07:30:00.000000+0000'
 * @since 0.1.0
 */
export const formatInOffset = (ms: number, offsetMinutes: number, pattern: DatePattern): string => {
  const local = ms + offsetMinutes * millisecondsInMinute
  const days = Math.floor(local / millisecondsInDay)
  const inDay = local - days * millisecondsInDay
  const { year, month, day } = civilFromDays(days)
  const hh = Math.floor(inDay / millisecondsInHour)
  const mi = Math.floor((inDay % millisecondsInHour) / millisecondsInMinute)
  const ss = Math.floor((inDay % millisecondsInMinute) / 1000)
  const micro = Math.round((inDay % 1000) * 1000)
  const date = `${year4(year)}-${pad(month, 2)}-${pad(day, 2)}`
  switch (pattern) {
    case 'YYYY-MM-DD':
      return date
    case 'HH:MM:SS':
      return `${pad(hh, 2)}:${pad(mi, 2)}:${pad(ss, 2)}`
    case 'YYYY-MM-DDTHH:MM±hhmm':
      return `${date}T${pad(hh, 2)}:${pad(mi, 2)}${formatOffset(offsetMinutes)}`
    case 'YYYY-MM-DD HH:MM:SS.ffffff±hhmm':
      return `${date} ${pad(hh, 2)}:${pad(mi, 2)}:${pad(ss, 2)}.${pad(Math.min(micro, 999999), 6)}${formatOffset(offsetMinutes)}`
  }
}

/** 0001-01-01T00:00:00 and 9999-12-31T23:59:59.999999 as milliseconds of local time: Python's datetime range. */
const FIRST_LOCAL_MS = -62_135_596_800_000 // daysFromCivil(1, 1, 1) * millisecondsInDay
const LAST_LOCAL_MS = 253_402_300_799_999 // (daysFromCivil(9999, 12, 31) + 1) * millisecondsInDay - 1

/**
 * Whether an instant, read in the given offset, is a date Python's `datetime` can hold (years 1 to 9999). An
 * offset such as `{now}-99999999999d` lands outside it; privacyIDEA then raises `OverflowError` ("date value out
 * of range"), and so does tripline's evaluation instead of comparing or rendering a date that does not exist.
 *
 * @example
 * inDatetimeRange(Date.UTC(2026, 10, 29), 60) // true
 * inDatetimeRange(Date.UTC(2026, 10, 29) + 99999999999 * 86400000, 60) // false
 * @since 0.1.0
 */
export const inDatetimeRange = (ms: number, offsetMinutes: number): boolean => {
  const local = ms + offsetMinutes * millisecondsInMinute
  return local >= FIRST_LOCAL_MS && local <= LAST_LOCAL_MS
}

/**
 * Whether an instant lies more than a day inside Python's `datetime` range, so that it is a date in every UTC
 * offset (offsets are under a day): a caller need not read the offset at all.
 *
 * @example
 * wellInsideDatetimeRange(Date.UTC(2026, 10, 29)) // true
 * wellInsideDatetimeRange(Date.UTC(9999, 11, 31, 12)) // false: inDatetimeRange decides with the offset
 * @since 0.1.0
 */
export const wellInsideDatetimeRange = (ms: number): boolean =>
  ms > FIRST_LOCAL_MS + millisecondsInDay && ms < LAST_LOCAL_MS - millisecondsInDay
