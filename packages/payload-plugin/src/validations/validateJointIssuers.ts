import type { Validate } from 'payload'

import { relationId, relationIds } from '../utilities/relationIds.js'
import { isRecord } from '../utilities/isRecord.js'

/** 联合发文机关 lists the other agencies; the lead agency (发文机关) is not repeated there, nor is any agency twice. */
export function validateJointIssuers(leadField: string): Validate {
  return (value, { siblingData }) => {
    const ids = relationIds(value)
    const lead = relationId(isRecord(siblingData) ? siblingData[leadField] : undefined)
    if (lead !== undefined && ids.includes(lead)) return '联合发文机关不得包含主办的发文机关'
    if (new Set(ids).size !== ids.length) return '联合发文机关不得重复'
    return true
  }
}
