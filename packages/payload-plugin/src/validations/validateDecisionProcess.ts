import { decisionOrderErrors, missingDecisionElements, notApplicableErrors } from '@gongkai/core'
import type { Validate } from 'payload'

import { separatorOf } from '../translations/message.js'
import { toCalendarDate } from '../utilities/calendarDate.js'
import { isRecord } from '../utilities/isRecord.js'
import { decisionProcessMessage } from './decisionProcessMessages.js'

/**
 * The decree 713 rules that concern the field at `path` (阶段要素齐全 and 程序顺序, from core), so the error
 * stands beside the field that is missing or out of order. `path` may end in `.` to take every error under
 * an array (e.g. `publicComments.`). Payload runs it on every save that is not a draft; the workflow checks the
 * same rules again at 提交审核 and publication (`assertDecisionProcess`).
 */
export function validateDecisionProcess(args: { path: string; timeZone: string }): Validate {
  const matches = (errorPath: string) => (args.path.endsWith('.') ? errorPath.startsWith(args.path) : errorPath === args.path)
  return (_value, { collectionSlug, data, req }) => {
    const decision = isRecord(data) ? data : {}
    const calendarDay = (value: unknown) => toCalendarDate(value, args.timeZone)
    const errors = [...missingDecisionElements(decision), ...notApplicableErrors(decision), ...decisionOrderErrors({ decision, calendarDay })].filter((error) => matches(error.path))
    if (errors.length === 0) return true
    const fields = (collectionSlug ? req.payload.collections[collectionSlug]?.config.flattenedFields : undefined) ?? []
    return errors.map((error) => decisionProcessMessage(error, req, fields)).join(separatorOf(req))
  }
}

