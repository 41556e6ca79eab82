import type { CollectionConfig, Field, FieldHook } from 'payload'
import { fieldAffectsData } from 'payload/shared'

import type { AgencyOwnedCollection } from '../access/documentAgencies.js'
import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { documentRuleProblems } from './documentRules.js'

/** The virtual field that carries a draft's rule problems to the admin (and to REST/GraphQL readers). */
export const ruleWarningsField = 'ruleWarnings'
export const ruleWarningComponentPath = '@gongkai/payload-plugin/client#RuleWarning'

/** States in which the document is being written: its rule problems are warnings to fix before 提交审核. */
const writingStates = new Set([undefined, null, 'draft', 'returned', 'withdrawn', 'recorded', 'pending_review'])

function computeWarnings(options: SanitizedGongkaiPluginOptions, key: AgencyOwnedCollection): FieldHook {
  return async ({ data, findMany, req }) => {
    // One document, read by someone signed in (the edit view, the response to a save): lists read nothing extra.
    if (findMany || !req.user || !data || !writingStates.has(data.workflowState as string | undefined)) return undefined
    const doc = Object.fromEntries(
      Object.entries(data).map(([name, value]) => [name, value && typeof value === 'object' && !Array.isArray(value) && 'id' in value && 'updatedAt' in value ? (value as { id: unknown }).id : value]),
    )
    const problems = await documentRuleProblems({ req, options, collection: key, doc })
    return problems.length > 0 ? problems : null
  }
}

/** Adds the warning slot after each input: the RuleWarning component shows the problems of its own path. */
function withWarningSlots(fields: readonly Field[]): Field[] {
  return fields.map((field): Field => {
    if (field.type === 'tabs') return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: withWarningSlots(tab.fields) })) }
    if ('fields' in field && Array.isArray(field.fields) && (field.type === 'row' || field.type === 'collapsible' || field.type === 'group' || field.type === 'array')) {
      if (field.type !== 'row' && field.type !== 'collapsible' && !isEditable(field)) return field
      const nested = { ...field, fields: withWarningSlots(field.fields) } as Field
      return field.type === 'row' || field.type === 'collapsible' ? nested : withSlot(nested)
    }
    return isEditable(field) ? withSlot(field) : field
  })
}

/** A field an editor writes: not hidden, read-only or computed (written by the plugin's hooks only). */
function isEditable(field: Field): boolean {
  if (!fieldAffectsData(field) || field.type === 'join') return false
  const admin = (field.admin ?? {}) as { hidden?: boolean; readOnly?: boolean }
  return !admin.hidden && !admin.readOnly && field.access?.update === undefined
}

function withSlot(field: Field): Field {
  const admin = (field.admin ?? {}) as { components?: { afterInput?: unknown[] } & Record<string, unknown> }
  const components = admin.components ?? {}
  return {
    ...field,
    admin: { ...admin, components: { ...components, afterInput: [...(components.afterInput ?? []), ruleWarningComponentPath] } },
  } as Field
}

/**
 * Rules where they are made: every rule the document breaks that can be checked before publication is computed
 * when a draft is saved or opened (`ruleWarnings`, a virtual field: nothing is stored) and shown beside its field
 * as a warning — the draft still saves; 提交审核 refuses it with the same messages (`assertDocumentRules`).
 */
export function withRuleWarnings(key: AgencyOwnedCollection, collection: CollectionConfig, options: SanitizedGongkaiPluginOptions): CollectionConfig {
  const warningsField: Field = {
    name: ruleWarningsField,
    type: 'json',
    virtual: true,
    // The generated document types give the warnings their shape (a json field is otherwise untyped).
    typescriptSchema: [
      () => ({
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['path', 'label', 'message'],
          properties: { path: { type: 'string' }, label: { type: 'string' }, message: { type: 'string' } },
        },
      }),
    ],
    label: { zh: '提交审核前须改正的问题', en: 'Problems to fix before review' },
    access: { create: () => false, update: () => false },
    admin: { hidden: true, disableListColumn: true, disableListFilter: true },
    hooks: { afterRead: [computeWarnings(options, key)] },
  }
  return { ...collection, fields: [...withWarningSlots(collection.fields), warningsField] }
}
