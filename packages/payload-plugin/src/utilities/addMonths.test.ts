import { describe, expect, it } from 'vitest'

import { addMonths } from './addMonths.js'

describe('addMonths', () => {
  it.each([
    ['2024-07-01T04:00:00.000Z', 12, '2025-07-01T04:00:00.000Z'],
    ['2024-01-31T04:00:00.000Z', 1, '2024-02-29T04:00:00.000Z'],
    ['2023-01-31T04:00:00.000Z', 1, '2023-02-28T04:00:00.000Z'],
    ['2024-02-29T04:00:00.000Z', 12, '2025-02-28T04:00:00.000Z'],
    ['2024-12-15T04:00:00.000Z', 6, '2025-06-15T04:00:00.000Z'],
  ])('%s + %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months, 'Asia/Shanghai')).toBe(expected)
  })

  it('counts on the calendar day in the time zone: Beijing 2024-01-31 00:30 + 1 month is Beijing 2024-02-29 00:30', () => {
    expect(addMonths('2024-01-30T16:30:00.000Z', 1, 'Asia/Shanghai')).toBe('2024-02-28T16:30:00.000Z')
    expect(addMonths('2024-01-30T16:30:00.000Z', 1, 'UTC')).toBe('2024-02-29T16:30:00.000Z')
  })

  it('rejects a value that is not a date', () => {
    expect(() => addMonths('not a date', 1, 'Asia/Shanghai')).toThrow(RangeError)
  })
})
