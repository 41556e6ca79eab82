import type { Field } from 'payload'
import { isRecord } from '../utilities/isRecord.js'

function zhOf(label: unknown): string | undefined {
  if (typeof label === 'string') return label
  if (isRecord(label)) {
    const value = label.zh ?? Object.values(label)[0]
    return typeof value === 'string' ? value : undefined
  }
  return undefined
}

function findNamed(fields: readonly Field[], name: string): Field | undefined {
  for (const field of fields) {
    if ('name' in field && field.name === name) return field
    if (field.type === 'row' || field.type === 'collapsible' || (field.type === 'group' && !('name' in field && field.name))) {
      const found = findNamed(field.fields, name)
      if (found) return found
    }
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name === name) return { type: 'group', name: tab.name, label: tab.label, fields: tab.fields } as Field
        if (!('name' in tab && tab.name)) {
          const found = findNamed(tab.fields, name)
          if (found) return found
        }
      }
    }
  }
  return undefined
}

/**
 * The Chinese label of the field at a data path, with row numbers: `publicComments.1.summary` →
 * `公众意见第2条 › 意见摘要`. Falls back to the path's names when a label is missing.
 */
export function fieldLabelAt(fields: readonly Field[], fieldPath: string): string {
  const parts: string[] = []
  let current: readonly Field[] = fields
  for (const segment of fieldPath.split('.')) {
    if (/^\d+$/.test(segment)) {
      const last = parts.pop() ?? ''
      parts.push(`${last}第${Number(segment) + 1}条`)
      continue
    }
    const field = findNamed(current, segment)
    parts.push(zhOf(field && 'label' in field ? field.label : undefined) ?? segment)
    current = field && 'fields' in field && Array.isArray(field.fields) ? field.fields : []
  }
  return parts.join(' › ')
}
