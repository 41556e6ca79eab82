import { parseDocumentNumber } from '@gongkai/core'
import type { Validate } from 'payload'

import { isBlank } from '../utilities/relationIds.js'
import { languageOf, message } from '../translations/message.js'

/**
 * 发文字号 follows GB/T 9704 (机关代字〔年份〕序号号); look-alike brackets are accepted and normalised on save.
 * The Chinese message is core's, naming the wrong part; other languages get the part's rule from the plugin's
 * translations (`gongkai:documentNumber_<part>`).
 */
export const validateDocumentNumber: Validate = (value, { req }) => {
  if (isBlank(value)) return true
  if (typeof value !== 'string') return message(req, 'documentNumberNotText')
  const result = parseDocumentNumber(value)
  if (result.ok) return true
  // Core's Chinese rule is the statute's own wording; other languages read the plugin's words for the failing part.
  const rule = languageOf(req) === 'zh' ? result.error.message : message(req, `documentNumber_${result.error.part}`)
  return message(req, 'documentNumberInvalid', { value, rule })
}
