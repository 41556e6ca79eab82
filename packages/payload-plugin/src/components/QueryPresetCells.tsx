'use client'

import { Pill, useConfig } from '@payloadcms/ui'
import type { ClientField } from 'payload'
import { isRecord } from '../utilities/isRecord.js'

import { useGongkaiTranslation } from './useGongkaiTranslation.js'

const operations = ['read', 'update', 'delete'] as const
const constraints = ['everyone', 'onlyMe', 'specificUsers'] as const

/** The presets list's 共享设置 cell: “查看：所有人，修改：指定用户” instead of Payload's English “Read: Everyone”. */
export function QueryPresetAccessCell({ cellData }: { cellData?: Record<string, { constraint?: string } | undefined> }) {
  const { t } = useGongkaiTranslation()
  const parts = operations
    .filter((operation) => cellData?.[operation]?.constraint)
    .map((operation) => {
      const constraint = cellData?.[operation]?.constraint ?? ''
      const who = (constraints as readonly string[]).includes(constraint) ? t(`preset_constraint_${constraint as (typeof constraints)[number]}`) : constraint
      return t('problem', { label: t(`preset_operation_${operation}`), message: who })
    })
  return <p className="gongkai-query-preset-access">{parts.join(t('preset_separator'))}</p>
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
  const { adminLanguage, t } = useGongkaiTranslation()
  const { getEntityConfig } = useConfig()
  const collection = rowData?.relatedCollection ? getEntityConfig({ collectionSlug: rowData.relatedCollection }) : undefined
  const columns = (cellData ?? []).filter((column) => column.active !== false)
  if (columns.length === 0) return <span>{t('preset_noColumns')}</span>
  return (
    <div className="gongkai-query-preset-columns">
      {columns.map((column) => {
        const label = collection ? findLabel(collection.fields, column.accessor) : undefined
        const text = labelText(label, adminLanguage) ?? column.accessor
        return (
          <Pill key={column.accessor} pillStyle="always-white" size="small">
            {text}
          </Pill>
        )
      })}
    </div>
  )
}
