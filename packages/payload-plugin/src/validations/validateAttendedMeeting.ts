import type { Validate } from 'payload'

import { toCalendarDate } from '../utilities/calendarDate.js'
import { relationId } from '../utilities/relationIds.js'
import { message } from '../translations/message.js'

/**
 * A 列席 record is the attendance of its decision's meeting: when the decision has its 集体讨论决定 meeting on
 * record, the attendance is on that day and of that kind.
 */
export function validateAttendedMeeting(args: { decisionsSlug: string; timeZone: string }): Validate {
  return async (value, { siblingData, req }) => {
    const sibling = (siblingData ?? {}) as Record<string, unknown>
    if (sibling.kind !== 'meeting_attendance') return true
    const decisionId = relationId(sibling.decision)
    if (decisionId === undefined) return true
    const decision = (await req.payload.findByID({ collection: args.decisionsSlug, id: decisionId, depth: 0, draft: true, overrideAccess: true, disableErrors: true, req })) as Record<string, unknown> | null
    const meeting = (decision?.meeting ?? {}) as Record<string, unknown>
    const decidedOn = toCalendarDate(meeting.date, args.timeZone)
    const attendedOn = toCalendarDate(sibling.meetingDate, args.timeZone)
    if (decidedOn && attendedOn && decidedOn !== attendedOn) {
      return message(req, 'attendedDateMismatch', { attendedOn, title: String(decision?.title), decidedOn })
    }
    if (meeting.kind && value && meeting.kind !== value) {
      return message(req, 'attendedKindMismatch', { title: String(decision?.title) })
    }
    return true
  }
}
