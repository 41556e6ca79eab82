'use client'

import { Gutter, useConfig, useTranslation } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import type { Workbench as WorkbenchData, WorkbenchAudience, WorkbenchLine, WorkbenchLineKey } from '../workbench/buildWorkbench.js'

export type WorkbenchProps = { timeZone?: string }

type Language = 'zh' | 'en'

const audienceLabels: Record<WorkbenchAudience, Record<Language, string>> = {
  editor: { zh: '撰稿', en: 'Editor' },
  reviewer: { zh: '审核', en: 'Reviewer' },
  publisher: { zh: '签发', en: 'Publisher' },
  agency: { zh: '本机构', en: 'Agency' },
}

const lineLabels: Record<WorkbenchLineKey, Record<Language, string>> = {
  myDrafts: { zh: '我的草稿', en: 'My drafts' },
  returned: { zh: '已退回', en: 'Returned' },
  pendingReview: { zh: '待审核', en: 'Waiting for review' },
  approved: { zh: '已审核，待签发', en: 'Approved, waiting for release' },
  scheduled: { zh: '定时发布', en: 'Scheduled' },
  needsInterpretation: { zh: '需要解读、尚无已审核解读的政策文件', en: 'Policies needing an interpretation without an approved one' },
  disclosureReviewDue: { zh: '公开属性到期复审', en: 'Disclosure reviews due' },
  failedDeliveries: { zh: '推送失败', en: 'Failed deliveries' },
  publicAttendance: { zh: '年公众列席决策会议', en: ' public attendances of decision meetings' },
}

const roleLabels: Record<string, Record<Language, string>> = {
  editor: audienceLabels.editor,
  reviewer: audienceLabels.reviewer,
  publisher: audienceLabels.publisher,
}

const text: Record<string, Record<Language, string>> = {
  title: { zh: '工作台', en: 'Workbench' },
  siteAdmin: { zh: '站点管理员 · 全部机构', en: 'Site administrator · every agency' },
  loading: { zh: '正在加载……', en: 'Loading…' },
  failed: { zh: '工作台加载失败，请刷新页面', en: 'The workbench could not be loaded; reload the page' },
  nothing: { zh: '暂无待办', en: 'Nothing to do' },
  target: { zh: '目标', en: 'target' },
  waiting: { zh: '已等待', en: 'waiting' },
  at: { zh: '发布时间', en: 'goes out' },
  reason: { zh: '理由', en: 'Reason' },
  by: { zh: '经办', en: 'by' },
}

/** `2 天 3 小时` between an instant and now. */
function waitingTime(since: string, now: number, language: Language): string {
  const minutes = Math.max(0, Math.floor((now - new Date(since).getTime()) / 60_000))
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  if (language === 'en') return days > 0 ? `${days} d ${hours} h` : hours > 0 ? `${hours} h` : `${minutes} min`
  return days > 0 ? `${days} 天 ${hours} 小时` : hours > 0 ? `${hours} 小时` : `${minutes} 分钟`
}

function Line({ line, language, format, now }: { line: WorkbenchLine; language: Language; format: Intl.DateTimeFormat; now: number }) {
  const { getEntityConfig } = useConfig()
  const { i18n } = useTranslation()
  const entryLabel = (collection: string, fallback: string) => {
    const plural = getEntityConfig({ collectionSlug: collection })?.labels?.plural
    if (typeof plural === 'string') return plural
    if (plural && typeof plural === 'object') return (plural as Record<string, string>)[i18n.language] ?? fallback
    return fallback
  }
  const label =
    line.key === 'publicAttendance'
      ? `${line.agency?.name ?? ''} · ${new Date(now).getFullYear()}${lineLabels.publicAttendance[language]}`
      : lineLabels[line.key][language]
  const isBehind = line.target !== undefined && line.count < line.target
  return (
    <li className="gongkai-workbench__line" data-line={line.key} data-count={line.count} style={{ padding: '10px 0', borderBottom: '1px solid var(--theme-elevation-100)' }}>
      <div style={{ display: 'flex', gap: 12, alignItems: 'baseline', flexWrap: 'wrap' }}>
        <a href={line.href} className="gongkai-workbench__link" style={{ fontWeight: 600 }}>
          {label}
        </a>
        <span className="gongkai-workbench__count" style={{ fontSize: 18, fontWeight: 600, color: isBehind ? 'var(--theme-warning-600, #b7791f)' : undefined }}>
          {line.count}
          {line.target !== undefined ? ` / ${text.target?.[language]} ${line.target}` : ''}
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
                    ? `${text.at?.[language]} ${format.format(new Date(item.since))}`
                    : `${text.waiting?.[language]} ${waitingTime(item.since, now, language)}`}
                </span>
              ) : null}
              {item.by ? <span style={{ color: 'var(--theme-elevation-600)' }}>{` · ${text.by?.[language]} ${item.by}`}</span> : null}
              {item.reason ? (
                <div className="gongkai-workbench__reason" style={{ whiteSpace: 'pre-wrap', color: 'var(--theme-elevation-800)' }}>
                  {text.reason?.[language]}
                  {language === 'zh' ? '：' : ': '}
                  {item.reason}
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
  const { i18n } = useTranslation()
  const language: Language = i18n.language === 'zh' ? 'zh' : 'en'
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
      <h1 style={{ margin: '24px 0 8px' }}>{text.title?.[language]}</h1>
      {data === null ? <p>{text.loading?.[language]}</p> : null}
      {data === 'failed' ? <p role="alert">{text.failed?.[language]}</p> : null}
      {data && data !== 'failed' ? (
        <>
          <p className="gongkai-workbench__roles" style={{ color: 'var(--theme-elevation-600)' }}>
            {data.isSiteAdmin
              ? text.siteAdmin?.[language]
              : data.agencies.map((agency) => `${agency.name} · ${agency.roles.map((role) => roleLabels[role]?.[language] ?? role).join('、')}`).join('；')}
          </p>
          {data.lines.length === 0 ? <p>{text.nothing?.[language]}</p> : null}
          {audiences.map((audience) => {
            const lines = data.lines.filter((line) => line.audience === audience)
            if (lines.length === 0) return null
            return (
              <section key={audience} className="gongkai-workbench__section" data-audience={audience} style={{ marginBottom: 24 }}>
                <h2 style={{ fontSize: 18, margin: '16px 0 4px' }}>{audienceLabels[audience][language]}</h2>
                <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {lines.map((line) => (
                    <Line key={`${line.key}-${line.agency?.id ?? ''}`} line={line} language={language} format={format} now={now} />
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
