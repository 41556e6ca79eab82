'use client'

import { Button, toast, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import { useGongkaiTranslation } from './useGongkaiTranslation.js'

type Delivery = {
  id: number | string
  target: string
  targetLabel?: string | null
  action: string
  version: number
  state: string
  attempts?: number | null
  lastError?: string | null
  externalUrl?: string | null
  updatedAt?: string
}

export type DeliveryStatusProps = { deliveriesSlug: string; stateLabels: Record<string, { zh: string; en: string }> }
const stateColors: Record<string, string> = { delivered: 'var(--theme-success-500)', failed: 'var(--theme-error-500)', submitted: 'var(--theme-warning-500)' }

/**
 * Where the document went: the latest delivery per target (政策文件库, each channel) with its state —
 * 已推送, 推送中, 推送失败 … — and the error in Chinese, beside the workflow controls. A failed delivery has a
 * 重试 button (the endpoint lets only the agency's 签发 or a site admin retry). Refreshes while something is pending.
 */
export function DeliveryStatus({ deliveriesSlug, stateLabels }: DeliveryStatusProps) {
  const { id, collectionSlug, savedDocumentData, versionCount } = useDocumentInfo()
  const {
    config: {
      serverURL,
      routes: { api, admin },
    },
  } = useConfig()
  const { t, language } = useGongkaiTranslation()
  const [deliveries, setDeliveries] = useState<Delivery[] | null>(null)

  const load = useCallback(async () => {
    if (!id || !collectionSlug) return
    const query = new URLSearchParams({
      'where[documentCollection][equals]': collectionSlug,
      'where[documentId][equals]': String(id),
      sort: '-version',
      limit: '100',
      depth: '0',
    })
    const response = await fetch(`${serverURL}${api}/${deliveriesSlug}?${query.toString()}`, { credentials: 'include' }).catch(() => null)
    if (!response?.ok) return
    const body = (await response.json()) as { docs: Delivery[] }
    const latest = new Map<string, Delivery>()
    for (const delivery of body.docs) if (!latest.has(delivery.target)) latest.set(delivery.target, delivery)
    setDeliveries([...latest.values()])
  }, [api, collectionSlug, deliveriesSlug, id, serverURL])

  // Reloaded whenever the document gets a new version: the workflow controls' 签发发布 / 撤回 happen without a page
  // load and queue new deliveries, which must show (and be followed) at once.
  const savedVersion = String((savedDocumentData as { updatedAt?: string } | undefined)?.updatedAt ?? '')
  useEffect(() => {
    void load()
  }, [load, savedVersion, versionCount])
  const isPending = deliveries?.some((delivery) => ['queued', 'delivering', 'retrying'].includes(delivery.state)) ?? false
  useEffect(() => {
    if (!isPending) return
    const timer = setInterval(() => void load(), 1500)
    return () => clearInterval(timer)
  }, [isPending, load])

  const retry = async (delivery: Delivery) => {
    const response = await fetch(`${serverURL}${api}/${deliveriesSlug}/${delivery.id}/retry`, { method: 'POST', credentials: 'include' }).catch(() => null)
    if (response?.ok) {
      toast.success(t('delivery_requeuedTo', { target: delivery.targetLabel ?? delivery.target }))
    } else {
      const body = response ? ((await response.json().catch(() => null)) as { errors?: { message?: string }[] } | null) : null
      toast.error(body?.errors?.[0]?.message ?? t('delivery_retryFailed'))
    }
    await load()
  }

  if (!deliveries || deliveries.length === 0) return null
  return (
    <div className="gongkai-delivery-status" aria-label={t('delivery_region')} style={{ display: 'flex', flexDirection: 'column', gap: 4, fontSize: 13, marginRight: 12 }}>
      {deliveries.map((delivery) => (
        <div key={delivery.target} data-target={delivery.target} data-state={delivery.state} style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
          <span style={{ whiteSpace: 'nowrap' }}>{delivery.targetLabel ?? delivery.target}</span>
          <strong style={{ color: stateColors[delivery.state], whiteSpace: 'nowrap' }}>
            {delivery.action === 'withdraw' || delivery.action === 'validity' ? t(`delivery_action_${delivery.action}`) : ''}
            {stateLabels[delivery.state]?.[language] ?? delivery.state}
          </strong>
          {delivery.externalUrl ? (
            <a href={delivery.externalUrl} target="_blank" rel="noreferrer">
              {t('delivery_view')}
            </a>
          ) : null}
          {delivery.state === 'failed' ? (
            <>
              <span title={delivery.lastError ?? ''} style={{ color: 'var(--theme-error-500)' }}>
                {delivery.lastError}
              </span>
              <Button buttonStyle="secondary" size="small" onClick={() => void retry(delivery)}>
                {t('delivery_retry')}
              </Button>
            </>
          ) : null}
        </div>
      ))}
      <a href={`${admin}/collections/${deliveriesSlug}?where[state][in][0]=failed&where[state][in][1]=retrying&where[state][in][2]=delivering`}>{t('delivery_unfinished')}</a>
    </div>
  )
}

/** 重试推送 on a delivery's own page (shown for failed deliveries). */
export function DeliveryRetryButton() {
  const { id, collectionSlug, savedDocumentData } = useDocumentInfo()
  const {
    config: {
      serverURL,
      routes: { api },
    },
  } = useConfig()
  const { t } = useGongkaiTranslation()
  if (!id || savedDocumentData?.state !== 'failed') return null
  const retry = async () => {
    const response = await fetch(`${serverURL}${api}/${collectionSlug}/${id}/retry`, { method: 'POST', credentials: 'include' }).catch(() => null)
    if (response?.ok) {
      toast.success(t('delivery_requeued'))
      window.location.reload()
      return
    }
    const body = response ? ((await response.json().catch(() => null)) as { errors?: { message?: string }[] } | null) : null
    toast.error(body?.errors?.[0]?.message ?? t('delivery_retryFailed'))
  }
  return (
    <Button buttonStyle="primary" size="small" onClick={() => void retry()}>
      {t('delivery_retryButton')}
    </Button>
  )
}
