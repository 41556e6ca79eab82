/**
 * @gongkai/core — pure 政务公开 domain logic: enumerations and the 主题分类 taxonomy, 发文字号 and
 * 索引号, identifier checks and the sensitive-content scanner. No Payload, HTTP or database.
 */
export type { LabelledOption, Locale } from './labelledOption'
export { isOptionValue, labelOf, optionValues } from './labelledOption'
export * from './enumerations'
export * from './topicTaxonomy'
export * from './documentNumber'
export * from './indexNumber'
export * from './identifiers/residentId'
export * from './identifiers/creditCode'
export * from './identifiers/organizationCode'
export * from './identifiers/bankCard'
export * from './identifiers/mobileNumber'
export type { ValidationResult } from './identifiers/validationResult'
export { hasFullWidth, toHalfWidth } from './toHalfWidth'
export * from './scanner/finding'
export * from './scanner/masks'
export { hasBlockingFindings, maskText, scanText } from './scanner/scanText'
export * from './scanner/scanRichText'
export * from './decisionProcess'
export * from './participationCompliance'
export * from './decisionDossier'
