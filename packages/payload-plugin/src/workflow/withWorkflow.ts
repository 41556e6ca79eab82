import type { CollectionConfig } from 'payload'

import type { AgencyOwnedCollection } from '../access/documentAgencies.js'
import { disclosureReviewDueEndpoint } from '../endpoints/disclosureReviewDueEndpoint.js'
import { workflowEndpoint, workflowStateEndpoint } from '../endpoints/workflowEndpoint.js'
import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { auditImport, guardPublication } from './hooks/guardPublication.js'
import { guardPublishedDocument } from './hooks/guardPublishedDocument.js'
import { trackContentChanges } from './hooks/trackContentChanges.js'
import { policyValidityField } from './policyValidityField.js'
import { policyWorkflowFields, workflowFields } from './workflowFields.js'

/**
 * Adds the editorial workflow to one of the document collections: its fields (kept when the plugin is
 * disabled, so the schema does not change), and, when enabled, its hooks and REST endpoints.
 */
export function withWorkflow(key: AgencyOwnedCollection, collection: CollectionConfig, options: SanitizedGongkaiPluginOptions): CollectionConfig {
  const fields = [
    ...collection.fields,
    ...workflowFields(options),
    ...(key === 'policies' ? policyWorkflowFields(options) : []),
    ...(key === 'interpretations' ? [policyValidityField(options)] : []),
  ]
  const admin = {
    ...collection.admin,
    defaultColumns: collection.admin?.defaultColumns?.map((column) => (column === '_status' ? 'workflowState' : column)),
  }
  // The 公开属性 review preset lives in the policies list (the presets table stays when disabled: same schema).
  const presets = key === 'policies' ? { enableQueryPresets: true } : {}
  if (options.isDisabled) return { ...collection, ...presets, admin, fields }
  return {
    ...collection,
    ...presets,
    admin,
    fields,
    hooks: {
      ...collection.hooks,
      beforeOperation: [...(collection.hooks?.beforeOperation ?? []), guardPublishedDocument(options, key)],
      beforeChange: [...(collection.hooks?.beforeChange ?? []), trackContentChanges, guardPublication(options, key)],
      afterChange: [...(collection.hooks?.afterChange ?? []), auditImport(options, key)],
    },
    endpoints: [
      ...(Array.isArray(collection.endpoints) ? collection.endpoints : []),
      ...(key === 'policies' ? [disclosureReviewDueEndpoint] : []),
      workflowEndpoint(collection.slug),
      workflowStateEndpoint(collection.slug),
    ],
  }
}
