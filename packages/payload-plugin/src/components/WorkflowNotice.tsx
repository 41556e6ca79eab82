'use client'

import { useConfig, useFormFields } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { useGongkaiTranslation } from './useGongkaiTranslation.js'


export type WorkflowNoticeProps = { usersSlug: string; timeZone: string }

/**
 * Payload's “状态：草稿/已发布/已修改” beside the workflow state told a second, different status; the workflow state
 * in the controls is the one status shown. Payload's “恢复为已发布” action inside it stays.
 */
const hidePayloadStatus = `
.doc-controls__status .status__value-wrap { font-size: 0; }
.doc-controls__status .status__action { font-size: var(--base-body-size, 13px); }
`

function useText(path: string): string | undefined {
  return useFormFields(([fields]) => {
    const value = fields[path]?.value
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined
  })
}

/**
 * At the top of a workflow document's edit view: when it was returned (已退回), the reason, who returned it and
 * when, so its editor sees what to change before anything else.
 */
export function WorkflowNotice(props: WorkflowNoticeProps) {
  const {
    config: {
      serverURL,
      routes: { api },
    },
  } = useConfig()
  const state = useText('workflowState')
  const reason = useText('workflow.returnReason')
  const returnedBy = useText('workflow.returnedBy')
  const returnedAt = useText('workflow.returnedAt')
  const [returnedByName, setReturnedByName] = useState<string | null>(null)
  const { t, language } = useGongkaiTranslation()

  useEffect(() => {
    if (state !== 'returned' || !returnedBy) return
    let isCurrent = true
    const load = async () => {
      const response = await fetch(`${serverURL}${api}/${props.usersSlug}/${encodeURIComponent(returnedBy)}?depth=0`, { credentials: 'include' })
      if (!response.ok) return null
      const user = (await response.json()) as { name?: string | null; displayName?: string | null; email?: string | null }
      return user.name || user.displayName || user.email || null
    }
    void load()
      .catch(() => null)
      .then((name) => {
        if (isCurrent) setReturnedByName(name)
      })
    return () => {
      isCurrent = false
    }
  }, [state, returnedBy, serverURL, api, props.usersSlug])

  const format = new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: props.timeZone, year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
  return (
    <>
      <style>{hidePayloadStatus}</style>
      {state === 'returned' ? (
        <div
          className="gongkai-return-notice"
          role="status"
          style={{
            marginBottom: 24,
            padding: '12px 16px',
            borderLeft: '4px solid var(--theme-warning-500, #d69e2e)',
            background: 'var(--theme-warning-100, #fefcbf)',
            color: 'var(--theme-text)',
          }}
        >
          <strong>{t('notice_returned')}</strong>
          {returnedByName ? t('notice_returnedBy', { name: returnedByName }) : ''}
          {returnedAt ? t('notice_returnedAt', { at: format.format(new Date(returnedAt)) }) : ''}
          {reason ? (
            <div className="gongkai-return-notice__reason" style={{ marginTop: 4, whiteSpace: 'pre-wrap' }}>
              {t('notice_returnReason', { reason })}
            </div>
          ) : null}
        </div>
      ) : null}
    </>
  )
}
