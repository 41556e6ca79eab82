'use client'

import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { useGongkaiTranslation } from './useGongkaiTranslation.js'

type Entry = {
  id: number | string
  action: string
  createdAt: string
  userLabel?: string | null
  fromState?: string | null
  toState?: string | null
  reason?: string | null
}

export type AuditTrailProps = {
  /** Slug of the audit log collection. */
  auditLogSlug: string
  /** Chinese labels of the audit actions and the workflow states. */
  actionLabels: Record<string, { zh: string; en: string }>
  stateLabels: Record<string, { zh: string; en: string }>
  timeZone: string
  limit?: number
}

/**
 * 操作记录 of the document in the edit view's sidebar: the newest audit entries (who, what, when, the state change
 * and the reason), read through the audit log's own access — members of the owning agencies and site admins.
 * Refreshes whenever a new version is saved.
 */
export function AuditTrail(props: AuditTrailProps) {
  const { t, language } = useGongkaiTranslation()
  const { id, collectionSlug, savedDocumentData, versionCount } = useDocumentInfo()
  const {
    config: {
      serverURL,
      routes: { api },
    },
  } = useConfig()
  const [entries, setEntries] = useState<Entry[] | null>(null)
  const [total, setTotal] = useState(0)
  const limit = props.limit ?? 20
  const savedVersion = String((savedDocumentData as { updatedAt?: string } | undefined)?.updatedAt ?? '')

  useEffect(() => {
    if (!id || !collectionSlug) return
    let isCurrent = true
    const query = new URLSearchParams({
      'where[collectionSlug][equals]': collectionSlug,
      'where[documentId][equals]': String(id),
      sort: '-createdAt',
      limit: String(limit),
      depth: '0',
    })
    void fetch(`${serverURL}${api}/${props.auditLogSlug}?${query.toString()}`, { credentials: 'include' })
      .then((response) => (response.ok ? (response.json() as Promise<{ docs: Entry[]; totalDocs: number }>) : null))
      .catch(() => null)
      .then((result) => {
        if (!isCurrent) return
        setEntries(result?.docs ?? null)
        setTotal(result?.totalDocs ?? 0)
      })
    return () => {
      isCurrent = false
    }
  }, [id, collectionSlug, serverURL, api, props.auditLogSlug, limit, savedVersion, versionCount])

  if (!id || entries === null) return null
  // 2026年11月30日 03:23, as dates are written elsewhere in the Chinese admin.
  const format = new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: props.timeZone, year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
  const state = (value?: string | null) => (value ? (props.stateLabels[value]?.[language] ?? value) : '')
  return (
    <div className="gongkai-audit-trail field-type" style={{ marginBottom: 24 }}>
      <div className="field-label" style={{ marginBottom: 8, fontWeight: 600 }}>
        {t('audit_title')}
        {total > entries.length ? t('audit_recent', { shown: entries.length, total }) : ''}
      </div>
      {entries.length === 0 ? (
        <div style={{ color: 'var(--theme-elevation-500)' }}>{t('audit_none')}</div>
      ) : (
        <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {entries.map((entry) => (
            <li
              key={entry.id}
              className="gongkai-audit-trail__entry"
              data-action={entry.action}
              style={{ padding: '6px 0', borderBottom: '1px solid var(--theme-elevation-100)', fontSize: 13 }}
            >
              <div>
                <strong>{props.actionLabels[entry.action]?.[language] ?? entry.action}</strong>
                {entry.fromState && entry.toState ? t('audit_states', { from: state(entry.fromState), to: state(entry.toState) }) : ''}
              </div>
              <div style={{ color: 'var(--theme-elevation-600)' }}>
                {entry.userLabel || t('audit_system')} · {format.format(new Date(entry.createdAt))}
              </div>
              {entry.reason ? <div style={{ whiteSpace: 'pre-wrap' }}>{t('wb_reason', { reason: entry.reason })}</div> : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
