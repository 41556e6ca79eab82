import { scanText } from '@gongkai/core'
import type { FindingKind } from '@gongkai/core'
import type { Validate } from 'payload'

import { isBlank } from '../utilities/relationIds.js'

const findingNames: Record<FindingKind, string> = {
  resident_id: '居民身份证号',
  mobile: '手机号码',
  bank_card: '银行卡号',
  email: '电子邮箱地址',
  classification_mark: '密级标志',
  internal_mark: '内部资料标志',
}

/** A public text carries nothing the core scanner finds (ID, mobile and bank card numbers, e-mail addresses, 密级 marks). */
export function validateNoPersonalData(fieldLabel: string): Validate {
  return (value) => {
    if (isBlank(value) || typeof value !== 'string') return true
    const finding = scanText(value)[0]
    if (!finding) return true
    return `${fieldLabel}将公开，不得含个人信息或涉密标志：含有${findingNames[finding.kind]}“${finding.match}”`
  }
}
