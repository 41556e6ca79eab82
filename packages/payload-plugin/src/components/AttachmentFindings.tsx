'use client'

import type { FindingKind, Severity } from '@gongkai/core'
import { Button, toast, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import { findingKindKey, severityKey } from './findingLabels.js'
import { useGongkaiTranslation } from './useGongkaiTranslation.js'

type AttachmentFinding = {
  fieldPath: string
  attachment: { id: number | string; title: string; location: string | null }
  kind: FindingKind | 'needs_manual_review'
  severity: Severity
  message: string
  confirmation?: { confirmedAt: string | null } | null
}

/**
 * 保密审查 of the files linked in one upload field (附件, 图解、音视频), shown after its input: what the scanner found
 * in each file's text (by file and page or sheet), and each file that must be reviewed by hand (需人工审查) with a
 * button for the reviewer to confirm it. Reads `GET /api/<collection>/:id/confidentiality-review/findings`.
 */
export function AttachmentFindings(props: { path?: string; field?: { name?: string } }) {
  const path = props.path ?? props.field?.name ?? ''
  const { id, collectionSlug, savedDocumentData } = useDocumentInfo()
  const {
    config: {
      serverURL,
      routes: { api },
    },
  } = useConfig()
  const { t } = useGongkaiTranslation()
  const [findings, setFindings] = useState<AttachmentFinding[]>([])
  const [reload, setReload] = useState(0)
  const [confirming, setConfirming] = useState<string | null>(null)
  const base = id && collectionSlug ? `${serverURL}${api}/${collectionSlug}/${id}/confidentiality-review` : undefined
  const version = String((savedDocumentData as { updatedAt?: string } | undefined)?.updatedAt ?? '')

  useEffect(() => {
    if (!base) return
    let isCurrent = true
    void fetch(`${base}/findings`, { credentials: 'include' })
      .then((response) => (response.ok ? (response.json() as Promise<{ attachmentFindings?: AttachmentFinding[] }>) : null))
      .catch(() => null)
      .then((result) => {
        if (isCurrent) setFindings((result?.attachmentFindings ?? []).filter((finding) => finding.fieldPath.split('.')[0] === path))
      })
    return () => {
      isCurrent = false
    }
  }, [base, version, path, reload])

  const confirm = useCallback(
    async (attachmentId: number | string) => {
      if (!base) return
      setConfirming(String(attachmentId))
      const response = await fetch(`${base}/attachments/${attachmentId}/confirm`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({}),
      }).catch(() => null)
      const body = (await response?.json().catch(() => null)) as { message?: string; errors?: { message: string }[] } | null
      setConfirming(null)
      if (!response?.ok) {
        toast.error(body?.errors?.[0]?.message ?? t('attachments_confirmFailed'))
        return
      }
      toast.success(body?.message ?? t('attachments_confirmed'))
      setReload((count) => count + 1)
    },
    [base, t],
  )

  if (findings.length === 0) return null
  return (
    <div className="gongkai-attachment-findings" data-field-path={path} role="region" aria-label={t('attachments_region')} style={{ marginTop: 8 }}>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {findings.map((finding, index) => (
          <li
            key={`${String(finding.attachment.id)}-${finding.kind}-${index}`}
            data-severity={finding.severity}
            style={{
              borderLeft: `3px solid ${finding.severity === 'blocking' ? 'var(--theme-error-500)' : 'var(--theme-warning-500)'}`,
              padding: '4px 8px',
              marginBottom: 4,
              background: 'var(--theme-elevation-50)',
            }}
          >
            <strong>{t(findingKindKey(finding.kind))}</strong>
            {t('findings_severity', { severity: t(severityKey(finding.severity)) })}
            <div style={{ fontSize: '0.9em' }}>{finding.message}</div>
            {finding.kind === 'needs_manual_review' && finding.severity === 'blocking' ? (
              <Button buttonStyle="secondary" size="small" disabled={confirming !== null} onClick={() => void confirm(finding.attachment.id)}>
                {t('attachments_confirm')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  )
}
