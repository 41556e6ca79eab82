import type { AcceptedLanguages } from '@payloadcms/translations'
import type { Config } from 'payload'
import { isRecord } from '../utilities/isRecord.js'

/**
 * The plugin's own messages, under the `gongkai` namespace of Payload's i18n (as official plugins do:
 * `req.t('gongkai:…')` on the server, `useTranslation().t('gongkai:…')` in the admin). Chinese is the
 * language the statutes and the editors use; English is provided so an English admin reads no Chinese-only
 * message of ours. An app's own `i18n.translations.<lang>.gongkai` entries win over these.
 */
export const gongkaiTranslations = {
  zh: {
    gongkai: {
      cannotAct: '{{document}}不能{{action}}：{{problems}}',
      problem: '{{label}}：{{message}}',
      problemSeparator: '；',
      action_submit: '提交审核',
      action_approve: '审核通过',
      document: '{{kind}}“{{title}}”',
      kind_policies: '政策文件',
      kind_interpretations: '政策解读',
      kind_decisions: '重大行政决策',
      kind_participation: '公众参与记录',
      kind_catalogues: '重大行政决策事项目录',
      ruleWarning: '提交审核前须改正：{{message}}',
      ruleWarningsSaved: '已保存草稿。提交审核前须改正以下问题：',
      actionRefused: '{{action}}未成功',
      retryLater: '{{action}}未成功，请稍后重试',
      documentNumberNotText: '发文字号须为文本',
      documentNumberInvalid: '发文字号“{{value}}”有误：{{rule}}',
      documentNumber_agencyCode: '机关代字有误',
      documentNumber_year: '年份有误',
      documentNumber_sequence: '序号有误',
      documentNumber_suffix: '缺少“号”字',
      documentNumber_brackets: '年份括号有误',
      documentNumber_whole: '只填写一个发文字号',
      documentNumberTaken: '发文字号“{{value}}”已被“{{title}}”使用，一个发文字号只对应一份文件',
      adoptionReasonRequired: '采纳情况为“{{state}}”时须说明理由',
    },
  },
  en: {
    gongkai: {
      cannotAct: '{{document}} cannot be sent on ({{action}}): {{problems}}',
      problem: '{{label}}: {{message}}',
      problemSeparator: '; ',
      action_submit: 'submit for review',
      action_approve: 'approve',
      document: '{{kind}} "{{title}}"',
      kind_policies: 'Policy document',
      kind_interpretations: 'Interpretation',
      kind_decisions: 'Major administrative decision',
      kind_participation: 'Public participation record',
      kind_catalogues: 'Decision catalogue',
      ruleWarning: 'To fix before submitting for review: {{message}}',
      ruleWarningsSaved: 'Draft saved. Fix these before submitting for review:',
      actionRefused: '{{action}} did not succeed',
      retryLater: '{{action}} did not succeed; please try again later',
      documentNumberNotText: 'The document number must be text',
      documentNumberInvalid: 'The document number “{{value}}” is malformed: {{rule}}',
      documentNumber_agencyCode: 'it must start with the issuing agency’s code in Chinese characters, e.g. 国办发',
      documentNumber_year: 'the year must be four digits inside 〔〕, e.g. 〔2022〕',
      documentNumber_sequence: 'the sequence must be a number from 1, without 第 or leading zeros',
      documentNumber_suffix: 'it must end in 号 after the sequence, e.g. 国办发〔2018〕123号',
      documentNumber_brackets: 'the year must be in one pair of 〔〕 brackets, e.g. 国办发〔2018〕123号',
      documentNumber_whole: 'a joint document carries only the lead agency’s number',
      documentNumberTaken: 'The document number “{{value}}” is already used by “{{title}}”: one number, one document',
      adoptionReasonRequired: 'An opinion marked “{{state}}” needs the reason',
    },
  },
} as const

export type GongkaiTranslationKey = `gongkai:${keyof (typeof gongkaiTranslations)['zh']['gongkai']}`

/** Adds the plugin's translations to a config's i18n without overwriting what the app set. */
export function withGongkaiTranslations(i18n: Config['i18n']): NonNullable<Config['i18n']> {
  const translations: Record<string, Record<string, unknown>> = { ...((i18n?.translations ?? {}) as Record<string, Record<string, unknown>>) }
  for (const [language, own] of Object.entries(gongkaiTranslations) as [AcceptedLanguages, (typeof gongkaiTranslations)['zh']][]) {
    const existing = translations[language] ?? {}
    translations[language] = { ...existing, gongkai: { ...own.gongkai, ...(isRecord(existing.gongkai) ? existing.gongkai : {}) } }
  }
  return { ...i18n, translations: translations as NonNullable<Config['i18n']>['translations'] }
}
