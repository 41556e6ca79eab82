import type { Field } from 'payload'

import { message, payloadLabelIn } from '../translations/message.js'
import type { Translating } from '../translations/message.js'

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
 * The label of the field at a data path in the request's language (Chinese without one), with row numbers:
 * `publicComments.1.summary` → `公众意见第2条 › 意见摘要`. Falls back to the path's names when a label is missing.
 */
export function fieldLabelAt(fields: readonly Field[], fieldPath: string, req?: Translating): string {
  const parts: string[] = []
  let current: readonly Field[] = fields
  for (const segment of fieldPath.split('.')) {
    if (/^\d+$/.test(segment)) {
      const last = parts.pop() ?? ''
      parts.push(message(req, 'row', { label: last, number: Number(segment) + 1 }))
      continue
    }
    const field = findNamed(current, segment)
    parts.push(payloadLabelIn(field && 'label' in field ? field.label : undefined, req, segment))
    current = field && 'fields' in field && Array.isArray(field.fields) ? field.fields : []
  }
  return parts.join(' › ')
}
