import type { Validate } from 'payload'

import type { Participation } from '../generated/payload-types.js'
import { findDocumentByID } from '../infrastructure/documents.js'
import { toCalendarDate } from '../utilities/calendarDate.js'
import { relationId } from '../utilities/relationIds.js'
import { message } from '../translations/message.js'

/**
 * A 列席 record is the attendance of its decision's meeting: when the decision has its 集体讨论决定 meeting on
 * record, the attendance is on that day and of that kind.
 */
export function validateAttendedMeeting(args: { timeZone: string }): Validate<unknown, unknown, Partial<Participation>> {
  return async (value, { siblingData, req }) => {
    const sibling = siblingData ?? {}
    if (sibling.kind !== 'meeting_attendance') return true
    const decisionId = relationId(sibling.decision)
    if (decisionId === undefined) return true
    const decision = await findDocumentByID({ req, collection: 'decisions', id: decisionId, draft: true })
    const meeting = decision?.meeting ?? {}
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
