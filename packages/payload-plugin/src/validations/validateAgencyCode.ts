import { parseDocumentNumber } from '@gongkai/core'
import type { Validate } from 'payload'

import { isBlank } from '../utilities/relationIds.js'
import { message } from '../translations/message.js'

/** 机关代字 must be usable as the first part of a 发文字号, checked by building one with core's parser. */
export const validateAgencyCode: Validate = (value, { req }) => {
  if (isBlank(value)) return true
  if (typeof value !== 'string') return message(req, 'agencyCodeNotText')
  const probe = parseDocumentNumber(`${value.trim()}〔2000〕1号`)
  if (probe.ok && probe.value.agencyCode === value.trim()) return true
  return message(req, 'agencyCodeInvalid', { value })
}
