import { toHalfWidth, validateCreditCode, validateOrganizationCode as validateOrganizationCodeValue } from '@gongkai/core'
import type { Validate } from 'payload'

import { isBlank } from '../utilities/relationIds.js'
import { languageOf, message } from '../translations/message.js'

export type OrganizationCodeKind = 'organization_code' | 'credit_code'

/**
 * The code as stored and used as the 索引号 prefix: half-width, upper case, without spaces or the hyphen
 * often printed before an organisation code's check character (00001434-9 → 000014349).
 */
export function normalizeOrganizationCode(value: string): string {
  return toHalfWidth(value).replace(/[\s-]/g, '').toUpperCase()
}

/** Which identifier a code is: 18 characters → 统一社会信用代码 (GB 32100), 9 → 组织机构代码 (GB 11714). */
export function organizationCodeKind(value: string): OrganizationCodeKind | undefined {
  const code = normalizeOrganizationCode(value)
  if (code.length === 18 && validateCreditCode(code).ok) return 'credit_code'
  if (code.length === 9 && validateOrganizationCodeValue(code).ok) return 'organization_code'
  return undefined
}

/** 18-character 统一社会信用代码 or 9-character 组织机构代码, with a correct check character. */
export const validateOrganizationCode: Validate = (value, { req }) => {
  if (isBlank(value)) return true
  if (typeof value !== 'string') return message(req, 'organizationCodeNotText')
  const code = normalizeOrganizationCode(value)
  const result =
    code.length === 18 ? validateCreditCode(code) : code.length === 9 ? validateOrganizationCodeValue(code) : undefined
  if (!result) return message(req, 'organizationCodeLength', { value, length: code.length })
  if (result.ok) return true
  return message(req, 'organizationCodeInvalid', { value, rule: languageOf(req) === 'zh' ? result.message : message(req, 'organizationCodeCheck') })
}
