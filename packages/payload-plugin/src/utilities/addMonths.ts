import { toCalendarDate } from './calendarDate.js'

/**
 * `date` plus `months` calendar months, counted on the calendar day `date` falls on in `timeZone` (a Beijing
 * 2024-01-31 00:30 is 2024-01-30 in UTC, but its review month is February in Beijing); the day is clamped to the
 * month's last day (01-31 + 1 month is 02-29), and the instant keeps its time of day.
 */
export function addMonths(date: string | Date, months: number, timeZone: string): string {
  const instant = new Date(date)
  const day = toCalendarDate(instant, timeZone)
  if (!day) throw new RangeError(`addMonths: “${String(date)}” is not a valid date`)
  const [year, month, dayOfMonth] = day.split('-').map(Number) as [number, number, number]
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate()
  const target = Date.UTC(year, month - 1 + months, Math.min(dayOfMonth, lastDay))
  const shift = target - Date.UTC(year, month - 1, dayOfMonth)
  return new Date(instant.getTime() + shift).toISOString()
}
