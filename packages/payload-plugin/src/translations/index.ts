import type { AcceptedLanguages } from '@payloadcms/translations'
import type { Config } from 'payload'

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
    },
  },
} as const

export type GongkaiTranslationKey = `gongkai:${keyof (typeof gongkaiTranslations)['zh']['gongkai']}`

/** Adds the plugin's translations to a config's i18n without overwriting what the app set. */
export function withGongkaiTranslations(i18n: Config['i18n']): NonNullable<Config['i18n']> {
  const translations: Record<string, Record<string, unknown>> = { ...((i18n?.translations ?? {}) as Record<string, Record<string, unknown>>) }
  for (const [language, own] of Object.entries(gongkaiTranslations) as [AcceptedLanguages, (typeof gongkaiTranslations)['zh']][]) {
    const existing = translations[language] ?? {}
    translations[language] = { ...existing, gongkai: { ...own.gongkai, ...((existing.gongkai ?? {}) as Record<string, unknown>) } }
  }
  return { ...i18n, translations: translations as NonNullable<Config['i18n']>['translations'] }
}
