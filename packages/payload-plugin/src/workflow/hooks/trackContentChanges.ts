import type { CollectionBeforeChangeHook, Field } from 'payload'

import { relationIds } from '../../utilities/relationIds.js'
import { isWorkflowContext } from '../../infrastructure/context.js'
import { workflowFieldNames } from '../workflowFields.js'

const ignored = new Set<string>([...workflowFieldNames, '_status', 'id', 'createdAt', 'updatedAt', 'documentNumberCorrections', 'confidentialityReview'])

/** Top-level data fields (rows, tabs and collapsibles flattened) with whether they hold relationship IDs. */
function contentFields(fields: Field[]): { name: string; isRelation: boolean }[] {
  return fields.flatMap((field): { name: string; isRelation: boolean }[] => {
    if ('name' in field && field.name) {
      if (field.type === 'join' || ('virtual' in field && field.virtual) || ignored.has(field.name)) return []
      return [{ name: field.name, isRelation: field.type === 'relationship' || field.type === 'upload' }]
    }
    if (field.type === 'tabs') return field.tabs.flatMap((tab) => ('name' in tab && tab.name ? [{ name: tab.name, isRelation: false }] : contentFields(tab.fields)))
    if ('fields' in field) return contentFields(field.fields)
    return []
  })
}

function normalized(value: unknown, isRelation: boolean): string {
  if (isRelation) return JSON.stringify(relationIds(value))
  return JSON.stringify(value ?? null, (_, inner: unknown) => (inner instanceof Date ? inner.toISOString() : inner === undefined ? null : inner))
}

/** Names of the content fields whose value `data` changes compared with `originalDoc`. */
export function changedContentFields(fields: Field[], data: Record<string, unknown>, originalDoc: Record<string, unknown> | undefined): string[] {
  return contentFields(fields)
    .filter(({ name, isRelation }) => name in data && normalized(data[name], isRelation) !== normalized(originalDoc?.[name], isRelation))
    .map(({ name }) => name)
}

/**
 * Records who last changed a document's content and when (`lastEditedBy`, `contentChangedAt`): the four-eyes
 * rule keeps that person from approving the version, and an approval or 保密审查 older than the change no
 * longer counts. A content change to an approved, scheduled, published or recorded (已认定) version starts a new 草稿; changes
 * while 待审核 keep the state (the reviewer may correct, and then is an author of the version).
 */
export const trackContentChanges: CollectionBeforeChangeHook = ({ collection, context, data, operation, originalDoc, req }) => {
  if (isWorkflowContext(context)) return data
  const changed = operation === 'create' ? ['*'] : changedContentFields(collection.fields, data, originalDoc)
  if (operation === 'create') data.workflowState = 'draft'
  if (changed.length === 0) return data
  data.lastEditedBy = req.user?.id ?? null
  data.contentChangedAt = new Date().toISOString()
  const state = originalDoc?.workflowState
  if (operation === 'update' && ['approved', 'scheduled', 'published', 'recorded', 'withdrawn', 'invalidated'].includes(String(state))) {
    data.workflowState = 'draft'
  }
  return data
}
