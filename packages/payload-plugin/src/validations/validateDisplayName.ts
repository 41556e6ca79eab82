import { scanText } from '@gongkai/core'
import type { FindingKind } from '@gongkai/core'
import type { Validate } from 'payload'

import { looksLikePersonalName } from '../utilities/looksLikePersonalName.js'
import { isBlank } from '../utilities/relationIds.js'

const findingNames: Record<FindingKind, string> = {
  resident_id: '居民身份证号',
  mobile: '手机号码',
  bank_card: '银行卡号',
  email: '电子邮箱地址',
  classification_mark: '密级标志',
  internal_mark: '内部资料标志',
}

/**
 * A participant's public display name carries no personal data: nothing the core scanner finds
 * (ID, mobile, bank card numbers, e-mail addresses…), nothing that looks like a real full name,
 * and it is unique within the record because opinions refer to speakers by it.
 */
export const validateDisplayName: Validate = (value, { data, path }) => {
  if (isBlank(value) || typeof value !== 'string') return true
  const finding = scanText(value)[0]
  if (finding) {
    return `公开显示名称不得含个人信息：含有${findingNames[finding.kind]}“${finding.match}”，请改用“居民代表甲”“张先生”等称呼`
  }
  if (looksLikePersonalName(value)) {
    return `公开显示名称“${value}”疑似真实姓名，不得公开；请改用“张先生”“居民代表甲”等不含个人信息的称呼`
  }
  const participants = (data as { participants?: unknown }).participants
  // The row index is the path segment before the field name, e.g. ['participants', 1, 'displayName'].
  const index = Number(path[path.length - 2])
  if (Array.isArray(participants) && Number.isInteger(index)) {
    const name = value.trim()
    const firstIndex = participants.findIndex(
      (participant: unknown) =>
        typeof participant === 'object' && participant !== null &&
        String((participant as { displayName?: unknown }).displayName ?? '').trim() === name,
    )
    if (firstIndex !== index) return `公开显示名称“${name}”与第 ${firstIndex + 1} 位参与人重复；发言人按名称区分，名称须唯一`
  }
  return true
}
