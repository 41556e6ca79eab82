import { defaultValidityStatuses, documentTypes, findTopic, labelOf } from '@gongkai/core'
import type { DocumentEvent } from '@gongkai/sdk'

const kinds: Record<string, string> = { policy: '政策文件', interpretation: '政策解读', decision: '重大决策' }

export const kindLabel = (kind: string) => kinds[kind] ?? kind
export const validityLabel = (validity: string) => labelOf(defaultValidityStatuses, validity)
export const documentTypeLabel = (type: string) => labelOf(documentTypes, type)
export const topicLabel = (code: string) => findTopic(code)?.path ?? code
/** The last level of a topic's name (`政务公开` of `综合政务\政务公开`), for a child listed under its parent. */
export const topicNameLabel = (code: string) => findTopic(code)?.name ?? code

/** The search filters a visitor can set, in the order the facets are shown. */
export const facetNames = ['agency', 'year', 'topic', 'documentType', 'validity', 'kind'] as const
export type FacetName = (typeof facetNames)[number]

export const facetLabels: Record<FacetName, { title: string; label: (value: string) => string }> = {
  agency: { title: '机构', label: (agency) => agency },
  year: { title: '年份', label: (year) => `${year}年` },
  topic: { title: '主题分类', label: topicLabel },
  documentType: { title: '文种', label: documentTypeLabel },
  validity: { title: '有效性', label: validityLabel },
  kind: { title: '类别', label: kindLabel },
}

const chinaTime = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** `2026年11月30日 03:23` (Beijing time) for a timestamp; `2024年2月28日` for a date. */
export function dateLabel(value: string, { hasTime = false } = {}): string {
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  const parts = Object.fromEntries(chinaTime.formatToParts(date).map((part) => [part.type, part.value]))
  const day = /^\d{4}-\d{2}-\d{2}$/u.test(value) ? value.split('-') : [parts.year, parts.month, parts.day]
  const [year, month, dayOfMonth] = day.map((part) => String(Number(part)))
  return `${year}年${month}月${dayOfMonth}日${hasTime ? ` ${parts.hour}:${parts.minute}` : ''}`
}

/** One line of a document's history (文件历史): what happened, and the note or notice that came with it. */
export function eventLabel(event: DocumentEvent): { what: string; note?: string } {
  switch (event.type) {
    case 'created':
      return { what: '发布' }
    case 'updated':
      return { what: `修订（第 ${event.version} 版）` }
    case 'validity_changed':
      return { what: `有效性变更为“${event.validity ? validityLabel(event.validity) : '未知'}”`, ...(event.note ? { note: event.note } : {}) }
    case 'withdrawn':
      return { what: '撤回', ...(event.notice ? { note: event.notice } : {}) }
    default:
      return { what: String(event.type) }
  }
}
