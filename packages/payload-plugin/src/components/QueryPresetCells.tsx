'use client'

import { Pill, useConfig, useTranslation } from '@payloadcms/ui'
import type { ClientField } from 'payload'
import { isRecord } from '../utilities/isRecord.js'

type Language = 'zh' | 'en'

const operationLabels: Record<string, Record<Language, string>> = {
  read: { zh: '查看', en: 'Read' },
  update: { zh: '修改', en: 'Update' },
  delete: { zh: '删除', en: 'Delete' },
}

const constraintLabels: Record<string, Record<Language, string>> = {
  everyone: { zh: '所有人', en: 'Everyone' },
  onlyMe: { zh: '仅自己', en: 'Only me' },
  specificUsers: { zh: '指定用户', en: 'Specific users' },
}

function useLanguage(): Language {
  const { i18n } = useTranslation()
  return i18n.language === 'zh' ? 'zh' : 'en'
}

/** The presets list's 共享设置 cell: “查看：所有人，修改：指定用户” instead of Payload's English “Read: Everyone”. */
export function QueryPresetAccessCell({ cellData }: { cellData?: Record<string, { constraint?: string } | undefined> }) {
  const language = useLanguage()
  const parts = ['read', 'update', 'delete']
    .filter((operation) => cellData?.[operation]?.constraint)
    .map((operation) => {
      const constraint = cellData?.[operation]?.constraint ?? ''
      return `${operationLabels[operation]?.[language]}${language === 'zh' ? '：' : ': '}${constraintLabels[constraint]?.[language] ?? constraint}`
    })
  return <p className="gongkai-query-preset-access">{parts.join(language === 'zh' ? '，' : ', ')}</p>
}

function findLabel(fields: readonly ClientField[], name: string): unknown {
  for (const field of fields) {
    if ('name' in field && field.name === name) return 'label' in field ? field.label : undefined
    if ('fields' in field && Array.isArray(field.fields) && !('name' in field && field.name)) {
      const nested = findLabel(field.fields as ClientField[], name)
      if (nested !== undefined) return nested
    }
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        const nested = 'name' in tab && tab.name ? undefined : findLabel(tab.fields, name)
        if (nested !== undefined) return nested
      }
    }
  }
  return undefined
}

/** A field label in the admin's language (labels are a string or `{ zh, en }`; functions are not shown). */
function labelText(label: unknown, language: string): string | undefined {
  if (typeof label === 'string') return label
  if (isRecord(label)) {
    const text = label[language] ?? label.en ?? Object.values(label)[0]
    return typeof text === 'string' ? text : undefined
  }
  return undefined
}

/** The presets list's 列 cell: the columns by their field labels (索引号), not Payload's “Index Number”. */
export function QueryPresetColumnsCell({ cellData, rowData }: { cellData?: { accessor: string; active?: boolean }[] | null; rowData?: { relatedCollection?: string } }) {
  const { i18n } = useTranslation()
  const language = useLanguage()
  const { getEntityConfig } = useConfig()
  const collection = rowData?.relatedCollection ? getEntityConfig({ collectionSlug: rowData.relatedCollection }) : undefined
  const columns = (cellData ?? []).filter((column) => column.active !== false)
  if (columns.length === 0) return <span>{language === 'zh' ? '未选择列' : 'No columns selected'}</span>
  return (
    <div className="gongkai-query-preset-columns">
      {columns.map((column) => {
        const label = collection ? findLabel(collection.fields, column.accessor) : undefined
        const text = labelText(label, i18n.language) ?? column.accessor
        return (
          <Pill key={column.accessor} pillStyle="always-white" size="small">
            {text}
          </Pill>
        )
      })}
    </div>
  )
}
