/** A calendar day as `YYYY-MM-DD`. */
export type CalendarDate = string

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    // en-CA formats as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/**
 * The calendar day a stored date falls on in `timeZone`. Payload stores date fields as instants; an editor
 * in Beijing who picks 2022-06-30 means that day there, whatever the UTC time of the instant.
 * Returns undefined for empty or unparseable values.
 */
export function toCalendarDate(value: unknown, timeZone: string): CalendarDate | undefined {
  if (value === null || value === undefined || value === '') return undefined
  if (typeof value !== 'string' && typeof value !== 'number' && !(value instanceof Date)) return undefined
  const instant = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(instant.getTime())) return undefined
  return formatterFor(timeZone).format(instant)
}

/** The calendar day `days` after `date`. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10)
}
