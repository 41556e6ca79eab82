'use client'

import { Gutter, useConfig } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import type { Workbench as WorkbenchData, WorkbenchAudience, WorkbenchLine } from '../workbench/buildWorkbench.js'
import { useGongkaiTranslation } from './useGongkaiTranslation.js'

export type WorkbenchProps = { timeZone?: string }

/** `2 天 3 小时` between an instant and now. */
function waitingTime(since: string, now: number, t: ReturnType<typeof useGongkaiTranslation>['t']): string {
  const minutes = Math.max(0, Math.floor((now - new Date(since).getTime()) / 60_000))
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  return days > 0 ? t('wb_waitingDays', { days, hours }) : hours > 0 ? t('wb_waitingHours', { hours }) : t('wb_waitingMinutes', { minutes })
}

function Line({ line, format, now }: { line: WorkbenchLine; format: Intl.DateTimeFormat; now: number }) {
  const { getEntityConfig } = useConfig()
  const { adminLanguage, t } = useGongkaiTranslation()
  const entryLabel = (collection: string, fallback: string) => {
    const plural = getEntityConfig({ collectionSlug: collection })?.labels?.plural
    if (typeof plural === 'string') return plural
    if (plural && typeof plural === 'object') return (plural as Record<string, string>)[adminLanguage] ?? fallback
    return fallback
  }
  const label = line.key === 'publicAttendance' ? t('wb_line_publicAttendance', { agency: line.agency?.name ?? '', year: new Date(now).getFullYear() }) : t(`wb_line_${line.key}`)
  const isBehind = line.target !== undefined && line.count < line.target
  return (
    <li className="gongkai-workbench__line" data-line={line.key} data-count={line.count} style={{ padding: '10px 0', borderBottom: '1px solid var(--theme-elevation-100)' }}>
      <div style={{ display: 'flex', gap: 12, alignItems: 'baseline', flexWrap: 'wrap' }}>
        <a href={line.href} className="gongkai-workbench__link" style={{ fontWeight: 600 }}>
          {label}
        </a>
        <span className="gongkai-workbench__count" style={{ fontSize: 18, fontWeight: 600, color: isBehind ? 'var(--theme-warning-600, #b7791f)' : undefined }}>
          {line.count}
          {line.target !== undefined ? ` / ${t('wb_target', { target: line.target })}` : ''}
        </span>
        {line.entries.length > 1
          ? line.entries.map((entry) => (
              <a key={entry.collection} href={entry.href} className="gongkai-workbench__entry" data-collection={entry.collection} style={{ color: 'var(--theme-elevation-600)' }}>
                {entryLabel(entry.collection, entry.label)} {entry.count}
              </a>
            ))
          : null}
      </div>
      {line.items.length > 0 ? (
        <ul style={{ listStyle: 'none', margin: '6px 0 0', padding: 0 }}>
          {line.items.map((item) => (
            <li key={`${item.collection}-${item.id}`} className="gongkai-workbench__item" style={{ fontSize: 13, padding: '3px 0' }}>
              <a href={item.href}>{item.title}</a>
              {item.since ? (
                <span style={{ color: 'var(--theme-elevation-600)' }}>
                  {' · '}
                  {line.key === 'scheduled'
                    ? t('wb_goesOut', { at: format.format(new Date(item.since)) })
                    : t('wb_waiting', { time: waitingTime(item.since, now, t) })}
                </span>
              ) : null}
              {item.by ? <span style={{ color: 'var(--theme-elevation-600)' }}>{` · ${t('wb_by', { name: item.by })}`}</span> : null}
              {item.reason ? (
                <div className="gongkai-workbench__reason" style={{ whiteSpace: 'pre-wrap', color: 'var(--theme-elevation-800)' }}>
                  {t('wb_reason', { reason: item.reason })}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  )
}

/**
 * 工作台: the admin's dashboard, one section per role the user holds — what they have to do, each line linking
 * to the list filtered to it. Reads `GET /api/gongkai/workbench`, which applies the user's access.
 */
export function Workbench(props: WorkbenchProps) {
  const {
    config: {
      serverURL,
      routes: { api },
    },
  } = useConfig()
  const { t, language } = useGongkaiTranslation()
  const [data, setData] = useState<WorkbenchData | null | 'failed'>(null)

  useEffect(() => {
    let isCurrent = true
    const load = async (): Promise<WorkbenchData | 'failed'> => {
      try {
        const response = await fetch(`${serverURL}${api}/gongkai/workbench`, { credentials: 'include' })
        return response.ok ? ((await response.json()) as WorkbenchData) : 'failed'
      } catch {
        return 'failed'
      }
    }
    void load().then((result) => {
      if (isCurrent) setData(result)
    })
    return () => {
      isCurrent = false
    }
  }, [serverURL, api])

  const format = new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: props.timeZone ?? 'Asia/Shanghai',
    year: 'numeric',
    month: language === 'zh' ? 'numeric' : 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
  const now = Date.now()
  const audiences: WorkbenchAudience[] = ['editor', 'reviewer', 'publisher', 'agency']

  return (
    <Gutter className="gongkai-workbench">
      <h1 style={{ margin: '24px 0 8px' }}>{t('wb_title')}</h1>
      {data === null ? <p>{t('wb_loading')}</p> : null}
      {data === 'failed' ? <p role="alert">{t('wb_failed')}</p> : null}
      {data && data !== 'failed' ? (
        <>
          <p className="gongkai-workbench__roles" style={{ color: 'var(--theme-elevation-600)' }}>
            {data.isSiteAdmin
              ? t('wb_siteAdmin')
              : data.agencies
                  .map((agency) => `${agency.name} · ${agency.roles.map((role) => (role === 'editor' || role === 'reviewer' || role === 'publisher' ? t(`wb_audience_${role}`) : role)).join(t('listSeparator'))}`)
                  .join(t('problemSeparator'))}
          </p>
          {data.lines.length === 0 ? <p>{t('wb_nothing')}</p> : null}
          {audiences.map((audience) => {
            const lines = data.lines.filter((line) => line.audience === audience)
            if (lines.length === 0) return null
            return (
              <section key={audience} className="gongkai-workbench__section" data-audience={audience} style={{ marginBottom: 24 }}>
                <h2 style={{ fontSize: 18, margin: '16px 0 4px' }}>{t(`wb_audience_${audience}`)}</h2>
                <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {lines.map((line) => (
                    <Line key={`${line.key}-${line.agency?.id ?? ''}`} line={line} format={format} now={now} />
                  ))}
                </ul>
              </section>
            )
          })}
        </>
      ) : null}
    </Gutter>
  )
}
