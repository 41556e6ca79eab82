import { parseDocumentNumber } from '@gongkai/core'
import type { Validate } from 'payload'

import { isBlank } from '../utilities/relationIds.js'

/** 发文字号 follows GB/T 9704 (机关代字〔年份〕序号号); look-alike brackets are accepted and normalised on save. */
export const validateDocumentNumber: Validate = (value) => {
  if (isBlank(value)) return true
  if (typeof value !== 'string') return '发文字号须为文本'
  const result = parseDocumentNumber(value)
  return result.ok ? true : `发文字号“${value}”有误：${result.error.message}`
}
