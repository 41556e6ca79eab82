import { parseDocumentNumber } from '@gongkai/core'
import type { Validate } from 'payload'

import { isBlank } from '../utilities/relationIds.js'

/**
 * 发文字号 follows GB/T 9704 (机关代字〔年份〕序号号); look-alike brackets are accepted and normalised on save.
 * The Chinese message is core's, naming the wrong part; other languages get the part's rule from the plugin's
 * translations (`gongkai:documentNumber_<part>`).
 */
export const validateDocumentNumber: Validate = (value, { req }) => {
  if (isBlank(value)) return true
  if (typeof value !== 'string') return req.t('gongkai:documentNumberNotText' as never)
  const result = parseDocumentNumber(value)
  if (result.ok) return true
  const rule = req.i18n?.language === 'zh' || !req.t ? result.error.message : req.t(`gongkai:documentNumber_${result.error.part}` as never)
  return req.t ? req.t('gongkai:documentNumberInvalid' as never, { value, rule }) : `发文字号“${value}”有误：${rule}`
}
