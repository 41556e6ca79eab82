import { adoptionStates, isReasonRequired, labelOf } from '@gongkai/core'
import type { AdoptionState } from '@gongkai/core'
import type { Validate } from 'payload'

import { isBlank } from '../utilities/relationIds.js'
import { isRecord } from '../utilities/isRecord.js'

/** An opinion that is not (fully) adopted needs the reason, as decree 713 asks the reasons to be published. */
export function validateAdoptionReason(adoptionField: string): Validate {
  return (value, { req, siblingData }) => {
    const adoption = (isRecord(siblingData) ? siblingData[adoptionField] : undefined) as AdoptionState | undefined
    if (!isBlank(value) || !adoption || !isReasonRequired(adoption)) return true
    const state = adoptionStates.find((option) => option.value === adoption)
    const stateLabel = req.i18n?.language === 'en' && state ? state.label.en : labelOf(adoptionStates, adoption)
    return req.t('gongkai:adoptionReasonRequired' as never, { state: stateLabel })
  }
}
