import type { Validate } from 'payload'

import { message } from '../translations/message.js'

import { relationId, relationIds } from '../utilities/relationIds.js'
import { isRecord } from '../utilities/isRecord.js'

/** 联合发文机关 lists the other agencies; the lead agency (发文机关) is not repeated there, nor is any agency twice. */
export function validateJointIssuers(leadField: string): Validate {
  return (value, { req, siblingData }) => {
    const ids = relationIds(value)
    const lead = relationId(isRecord(siblingData) ? siblingData[leadField] : undefined)
    if (lead !== undefined && ids.includes(lead)) return message(req, 'jointIssuersIncludeLead')
    if (new Set(ids).size !== ids.length) return message(req, 'jointIssuersRepeated')
    return true
  }
}
