'use client'

import { useDocumentInfo, useField } from '@payloadcms/ui'

import { useGongkaiTranslation } from './useGongkaiTranslation.js'

type Problem = { path?: unknown; message?: unknown }

/**
 * Beside a field of a workflow document: the problems the server found in its last saved draft for this field
 * (`ruleWarnings`, computed on save), as a warning — the draft is saved; 提交审核 will refuse it until they are
 * fixed. Hidden while the field shows the same problem as an error (after a refused 提交审核), so it is said once.
 */
export function RuleWarning() {
  const { path, showError } = useField()
  const { savedDocumentData } = useDocumentInfo()
  const { t } = useGongkaiTranslation()
  const warnings = (savedDocumentData as { ruleWarnings?: unknown } | undefined)?.ruleWarnings
  if (!path || showError || !Array.isArray(warnings)) return null
  const messages = [...new Set((warnings as Problem[]).filter((problem) => problem.path === path && typeof problem.message === 'string').map((problem) => problem.message as string))]
  if (messages.length === 0) return null
  return (
    <div className="gongkai-rule-warning" role="status" data-path={path} style={{ marginTop: 4, color: 'var(--theme-warning-600, #b35900)', fontSize: 13, lineHeight: 1.4 }}>
      {messages.map((message) => (
        <div key={message}>⚠ {t('ruleWarning', { message })}</div>
      ))}
    </div>
  )
}
