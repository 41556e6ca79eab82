import { scanText } from '@gongkai/core'
import type { Validate } from 'payload'

import { isBlank } from '../utilities/relationIds.js'
import { labelIn, message } from '../translations/message.js'


/** A public text carries nothing the core scanner finds (ID, mobile and bank card numbers, e-mail addresses, 密级 marks). */
export function validateNoPersonalData(fieldLabel: { zh: string; en: string }): Validate {
  return (value, { req }) => {
    if (isBlank(value) || typeof value !== 'string') return true
    const finding = scanText(value)[0]
    if (!finding) return true
    return message(req, 'personalDataInPublicText', { label: labelIn(fieldLabel, req), kind: message(req, `findingKind_${finding.kind}`), match: finding.match })
  }
}
