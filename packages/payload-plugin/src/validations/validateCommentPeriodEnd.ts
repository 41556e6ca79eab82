import { commentPeriodProblem } from '@gongkai/core'
import type { Validate } from 'payload'

import { toCalendarDate } from '../utilities/calendarDate.js'
import { isRecord } from '../utilities/isRecord.js'
import { commentPeriodMessage } from './decisionProcessMessages.js'

/**
 * 征求意见期限 (decree 713 art. 15): a 公开征求意见 (`formField`) lasts at least `minDays` unless a reason for the
 * shorter period (`reasonField`) is recorded; other forms have no minimum; a period with a start has an end.
 */
export function validateCommentPeriodEnd(args: { startField: string; formField: string; reasonField: string; minDays: number; timeZone: string }): Validate {
  return (value, { req, siblingData }) => {
    const sibling = isRecord(siblingData) ? siblingData : {}
    const problem = commentPeriodProblem({
      form: sibling[args.formField],
      start: toCalendarDate(sibling[args.startField], args.timeZone),
      end: toCalendarDate(value, args.timeZone),
      minDays: args.minDays,
      shortenedReason: sibling[args.reasonField],
    })
    return problem ? commentPeriodMessage(problem, req) : true
  }
}
