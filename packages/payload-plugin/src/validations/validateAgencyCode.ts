import { parseDocumentNumber } from '@gongkai/core'
import type { Validate } from 'payload'

import { isBlank } from '../utilities/relationIds.js'

/** 机关代字 must be usable as the first part of a 发文字号, checked by building one with core's parser. */
export const validateAgencyCode: Validate = (value) => {
  if (isBlank(value)) return true
  if (typeof value !== 'string') return '机关代字须为文本'
  const probe = parseDocumentNumber(`${value.trim()}〔2000〕1号`)
  if (probe.ok && probe.value.agencyCode === value.trim()) return true
  return `机关代字“${value}”不能用于发文字号：应为不含年份、括号和序号的机关代字，如“津武政办发”`
}
