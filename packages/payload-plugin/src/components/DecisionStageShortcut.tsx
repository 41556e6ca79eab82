'use client'

import { useFormFields } from '@payloadcms/ui'

import { useGongkaiTranslation } from './useGongkaiTranslation.js'

export type DecisionStageShortcutProps = {
  /** For each 决策阶段, the form's tabs that hold its work: their position among the tabs and their label. */
  tabs: Record<string, { index: number; label: Record<string, string> }[]>
}

function labelIn(label: Record<string, string>, language: string): string {
  return label[language] ?? Object.values(label)[0] ?? ''
}

/**
 * Beside the 决策阶段 in the sidebar: buttons that open the tabs of the decision's current stage, so an editor
 * working on, say, 审议决定 reaches 合法性审查 and 集体讨论决定 in one click among the ten steps.
 * Payload keeps the open tab per user; the button selects it as a click on the tab would.
 */
export function DecisionStageShortcut(props: DecisionStageShortcutProps) {
  const stage = useFormFields(([fields]) => {
    const value = fields.stage?.value
    return typeof value === 'string' ? value : undefined
  })
  const { adminLanguage, t } = useGongkaiTranslation()
  const tabs = stage ? props.tabs[stage] : undefined
  if (!tabs || tabs.length === 0) return null

  const open = (index: number) => {
    const button = document.querySelectorAll<HTMLButtonElement>('.document-fields__main .tabs-field__tab-button')[index]
    if (!button) return
    button.click()
    button.scrollIntoView({ block: 'nearest' })
  }

  return (
    <div className="gongkai-stage-shortcut field-type" style={{ marginBottom: 'var(--base)' }}>
      <div style={{ marginBottom: 6, color: 'var(--theme-elevation-600)' }}>{t('stageShortcut')}</div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
        {tabs.map((tab) => (
          <button
            key={tab.index}
            type="button"
            className="btn btn--style-secondary btn--size-small gongkai-stage-shortcut__tab"
            style={{ margin: 0 }}
            onClick={() => open(tab.index)}
          >
            {labelIn(tab.label, adminLanguage)}
          </button>
        ))}
      </div>
    </div>
  )
}
