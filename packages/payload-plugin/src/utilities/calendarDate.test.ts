import { describe, expect, it } from 'vitest'

import { addDays, toCalendarDate } from './calendarDate.js'

describe('toCalendarDate', () => {
  it('reads an instant as the calendar day in the given time zone', () => {
    expect(toCalendarDate('2022-06-29T16:30:00.000Z', 'Asia/Shanghai')).toBe('2022-06-30')
    expect(toCalendarDate('2022-06-29T16:30:00.000Z', 'UTC')).toBe('2022-06-29')
    expect(toCalendarDate(new Date('2022-06-30T04:00:00.000Z'), 'Asia/Shanghai')).toBe('2022-06-30')
  })

  it.each([null, undefined, '', 'not a date', {}])('returns undefined for %o', (value) => {
    expect(toCalendarDate(value, 'Asia/Shanghai')).toBeUndefined()
  })
})

describe('addDays', () => {
  it.each([
    ['2024-03-01', 30, '2024-03-31'],
    ['2024-02-01', 30, '2024-03-02'],
    ['2023-02-01', 30, '2023-03-03'],
    ['2024-12-15', 30, '2025-01-14'],
    ['2024-03-01', 0, '2024-03-01'],
  ])('%s + %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected)
  })
})
