'use client'

import type { FindingKind, Severity } from '@gongkai/core'
import { Button, toast, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import { findingKindKey, severityKey } from './findingLabels.js'
import { useGongkaiTranslation } from './useGongkaiTranslation.js'

type Finding = { fieldPath: string; kind: FindingKind; severity: Severity; masked: string; match: string; message: string }
type FindingsResponse = { findings: Finding[]; hasBlockingFindings: boolean }

// One request per document version, shared by the components of all its fields.
const requests = new Map<string, Promise<FindingsResponse | null>>()

function loadFindings(url: string, version: string): Promise<FindingsResponse | null> {
  const key = `${url}@${version}`
  let request = requests.get(key)
  if (!request) {
    request = fetch(url, { credentials: 'include' })
      .then((response) => (response.ok ? (response.json() as Promise<FindingsResponse>) : null))
      .catch(() => null)
    requests.set(key, request)
  }
  return request
}

const maskableKinds: readonly FindingKind[] = ['resident_id', 'mobile', 'bank_card', 'email']

/**
 * 保密审查 findings of one field, shown after its input: kind, severity, the masked suggestion and the scanner's
 * message, with 一键脱敏 (mask every maskable finding of the document in one new version). Reads the saved draft
 * through `GET /api/<collection>/:id/confidentiality-review/findings`.
 */
export function ConfidentialityFindings(props: { path?: string; field?: { name?: string } }) {
  const path = props.path ?? props.field?.name ?? ''
  const { id, collectionSlug, savedDocumentData } = useDocumentInfo()
  const {
    config: {
      serverURL,
      routes: { api },
    },
  } = useConfig()
  const { t } = useGongkaiTranslation()
  const [findings, setFindings] = useState<Finding[]>([])
  const [isMasking, setIsMasking] = useState(false)
  const base = id && collectionSlug ? `${serverURL}${api}/${collectionSlug}/${id}/confidentiality-review` : undefined
  const version = String((savedDocumentData as { updatedAt?: string } | undefined)?.updatedAt ?? '')

  useEffect(() => {
    if (!base) return
    let isCurrent = true
    void loadFindings(`${base}/findings`, version).then((result) => {
      if (isCurrent) setFindings((result?.findings ?? []).filter((finding) => finding.fieldPath === path))
    })
    return () => {
      isCurrent = false
    }
  }, [base, version, path])

  const maskAll = useCallback(async () => {
    if (!base) return
    setIsMasking(true)
    const response = await fetch(`${base}/mask`, { method: 'POST', credentials: 'include' }).catch(() => null)
    const body = (await response?.json().catch(() => null)) as { message?: string; errors?: { message: string }[] } | null
    setIsMasking(false)
    if (!response?.ok) {
      toast.error(body?.errors?.[0]?.message ?? t('findings_maskFailed'))
      return
    }
    toast.success(body?.message ?? t('findings_masked'))
    // The form holds the old values; reload it from the new version.
    window.location.reload()
  }, [base, t])

  if (findings.length === 0) return null
  const hasMaskable = findings.some((finding) => maskableKinds.includes(finding.kind))
  return (
    <div className="gongkai-confidentiality-findings" data-field-path={path} role="region" aria-label={t('findings_region')} style={{ marginTop: 8 }}>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {findings.map((finding, index) => (
          <li
            key={`${finding.kind}-${index}`}
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
            {finding.masked !== finding.match ? (
              <span>
                {t('findings_suggestion')} <code>{finding.masked}</code>
              </span>
            ) : null}
            <div style={{ fontSize: '0.9em' }}>{finding.message}</div>
          </li>
        ))}
      </ul>
      {hasMaskable ? (
        <Button buttonStyle="secondary" size="small" disabled={isMasking} onClick={() => void maskAll()}>
          {t('findings_mask')}
        </Button>
      ) : null}
    </div>
  )
}
