import { adoptionStates } from '@gongkai/core'
import type { Field } from 'payload'
import { textarea } from 'payload/shared'

import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { labeler, selectOptions } from '../utilities/localize.js'
import { combineValidations } from '../validations/combineValidations.js'
import { validateAdoptionReason } from '../validations/validateAdoptionReason.js'

/** 采纳情况 and its reason, required when an opinion is only partly or not adopted. */
export function adoptionFields(options: SanitizedGongkaiPluginOptions): Field[] {
  const label = labeler(options.labelLanguages)
  return [
    {
      name: 'adoption',
      type: 'select',
      label: label('采纳情况', 'Adoption'),
      required: true,
      defaultValue: 'pending',
      options: selectOptions(options.labelLanguages, adoptionStates),
    },
    {
      name: 'adoptionReason',
      type: 'textarea',
      label: label('理由', 'Reason'),
      maxLength: 1000,
      admin: { description: label('部分采纳或未采纳时须说明理由', 'Required when partly or not adopted') },
      validate: combineValidations(textarea, validateAdoptionReason('adoption')),
    },
  ]
}
