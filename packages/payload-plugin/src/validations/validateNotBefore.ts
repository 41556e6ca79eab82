import type { Validate } from 'payload'

import { labelIn, message } from '../translations/message.js'

import { toCalendarDate } from '../utilities/calendarDate.js'
import { isRecord } from '../utilities/isRecord.js'

/**
 * A date that may not fall on an earlier calendar day than a sibling date, e.g. 发布日期 not before 成文日期.
 * The message names both fields and the earliest allowed day: 发布日期不得早于成文日期（2022-06-30）.
 */
export function validateNotBefore(args: {
  label: { zh: string; en: string }
  otherField: string
  otherLabel: { zh: string; en: string }
  timeZone: string
}): Validate {
  return (value, { siblingData, req }) => {
    const day = toCalendarDate(value, args.timeZone)
    const otherDay = toCalendarDate(isRecord(siblingData) ? siblingData[args.otherField] : undefined, args.timeZone)
    if (day === undefined || otherDay === undefined || day >= otherDay) return true
    return message(req, 'notBefore', { label: labelIn(args.label, req), other: labelIn(args.otherLabel, req), day: otherDay })
  }
}
