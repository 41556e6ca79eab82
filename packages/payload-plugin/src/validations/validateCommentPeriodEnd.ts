import type { Validate } from 'payload'

import { addDays, toCalendarDate } from '../utilities/calendarDate.js'

/**
 * A comment period lasts at least `minDays`: the end is no earlier than start + minDays, and a period
 * that has a start has an end.
 */
export function validateCommentPeriodEnd(args: { startField: string; minDays: number; timeZone: string }): Validate {
  return (value, { siblingData }) => {
    const start = toCalendarDate((siblingData as Record<string, unknown>)[args.startField], args.timeZone)
    const end = toCalendarDate(value, args.timeZone)
    if (start === undefined) return true
    if (end === undefined) return '已填写征求意见开始日期，须同时填写结束日期'
    const earliestEnd = addDays(start, args.minDays)
    if (end >= earliestEnd) return true
    return `征求意见期限不得少于 ${args.minDays} 日：开始日期为 ${start}，结束日期不得早于 ${earliestEnd}`
  }
}
