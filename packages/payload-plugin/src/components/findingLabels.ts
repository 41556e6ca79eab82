import type { FindingKind, Severity } from '@gongkai/core'

/** Chinese names of the scanner's finding kinds, as the admin shows them. */
export const findingKindLabels: Readonly<Record<FindingKind, string>> = {
  resident_id: '居民身份证号',
  mobile: '手机号',
  bank_card: '银行卡号',
  email: '电子邮箱',
  classification_mark: '密级标志',
  internal_mark: '内部标志',
}

export const severityLabels: Readonly<Record<Severity, string>> = {
  blocking: '须处理',
  warning: '请核实',
}
