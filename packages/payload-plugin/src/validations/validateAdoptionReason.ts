import { adoptionStates, isReasonRequired, labelOf } from '@gongkai/core'
import type { AdoptionState } from '@gongkai/core'
import type { Validate } from 'payload'

import { isBlank } from '../utilities/relationIds.js'
import { isRecord } from '../utilities/isRecord.js'
import { languageOf, message } from '../translations/message.js'

/** An opinion that is not (fully) adopted needs the reason, as decree 713 asks the reasons to be published. */
export function validateAdoptionReason(adoptionField: string): Validate {
  return (value, { req, siblingData }) => {
    const adoption = (isRecord(siblingData) ? siblingData[adoptionField] : undefined) as AdoptionState | undefined
    if (!isBlank(value) || !adoption || !isReasonRequired(adoption)) return true
    return message(req, 'adoptionReasonRequired', { state: labelOf(adoptionStates, adoption, languageOf(req)) })
  }
}
