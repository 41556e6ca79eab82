import type { CollectionConfig, Field } from 'payload'

import type { AgencyOwnedCollection } from '../access/documentAgencies.js'
import { disclosureReviewDueEndpoint } from './disclosureReviewDueEndpoint.js'
import { workflowEndpoint, workflowStateEndpoint } from './workflowEndpoint.js'
import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { auditPublicationOutsideActions, guardPublication } from './hooks/guardPublication.js'
import { guardPublishedDocument } from './hooks/guardPublishedDocument.js'
import { trackContentChanges } from './hooks/trackContentChanges.js'
import { policyValidityField } from './policyValidityField.js'
import { auditActions } from '../audit/auditActions.js'
import { workflowStates } from './states.js'
import { policyWorkflowFields, workflowFields } from './workflowFields.js'

export const auditTrailComponentPath = '@gongkai/payload-plugin/client#AuditTrail'

/** 操作记录 in the sidebar: a UI field (nothing stored) showing the document's audit entries. */
function auditTrailField(options: SanitizedGongkaiPluginOptions): Field {
  return {
    name: 'auditTrail',
    type: 'ui',
    admin: {
      position: 'sidebar',
      disableListColumn: true,
      components: {
        Field: {
          path: auditTrailComponentPath,
          clientProps: {
            auditLogSlug: options.slugs.auditLog,
            actionLabels: Object.fromEntries(auditActions.map((action) => [action.value, action.label])),
            stateLabels: Object.fromEntries(workflowStates.map((state) => [state.value, state.label])),
            timeZone: options.timeZone,
          },
        },
      },
    },
  }
}

/** At the top of the form: the return reason of a 已退回 document (a UI field, nothing stored). */
function workflowNoticeField(options: SanitizedGongkaiPluginOptions): Field {
  return {
    name: 'workflowNotice',
    type: 'ui',
    admin: {
      disableListColumn: true,
      components: { Field: { path: '@gongkai/payload-plugin/client#WorkflowNotice', clientProps: { usersSlug: options.usersSlug, timeZone: options.timeZone } } },
    },
  }
}

export const workflowControlsComponentPath = '@gongkai/payload-plugin/client#WorkflowControls'
export const workflowNoPublishComponentPath = '@gongkai/payload-plugin/client#WorkflowReplacesPublish'

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
    fields: [workflowNoticeField(options), ...fields, auditTrailField(options)],
    // The list's bulk 发布 / 取消发布 / 编辑 would publish, unpublish or change published documents outside the
    // workflow (and be refused document by document); bulk delete of drafts stays.
    disableBulkEdit: true,
    admin: {
      ...admin,
      components: {
        ...admin.components,
        edit: {
          ...admin.components?.edit,
          // Publishing goes through the workflow: its controls stand before the document controls (shown to
          // reviewers and publishers too, who may not save the document) and Payload's Publish and Unpublish go.
          beforeDocumentControls: [...(admin.components?.edit?.beforeDocumentControls ?? []), workflowControlsComponentPath],
          PublishButton: workflowNoPublishComponentPath,
          UnpublishButton: workflowNoPublishComponentPath,
        },
      },
    },
    hooks: {
      ...collection.hooks,
      beforeOperation: [...(collection.hooks?.beforeOperation ?? []), guardPublishedDocument(options, key)],
      beforeChange: [...(collection.hooks?.beforeChange ?? []), trackContentChanges, guardPublication(options, key)],
      afterChange: [...(collection.hooks?.afterChange ?? []), auditPublicationOutsideActions(options, key)],
    },
    endpoints: [
      ...(Array.isArray(collection.endpoints) ? collection.endpoints : []),
      ...(key === 'policies' ? [disclosureReviewDueEndpoint] : []),
      workflowEndpoint(collection.slug),
      workflowStateEndpoint(collection.slug),
    ],
  }
}
