import type { CollectionConfig } from 'payload'

import { isSiteAdmin } from '../../access/roles.js'
import type { SanitizedGongkaiPluginOptions } from '../../types.js'
import { labeler, localize, selectOptions } from '../../utilities/localize.js'
import { auditActions } from '../../workflow/states.js'

const never = () => false

/**
 * 操作日志: who did what to which document version and when. Append-only for everyone, site admins included:
 * entries are written only by `recordAudit` through the trusted local API; nobody may update or delete one
 * (and a database trigger refuses UPDATE, DELETE and TRUNCATE, see `installAuditLogGuard`).
 */
export function createAuditLogCollection(options: SanitizedGongkaiPluginOptions): CollectionConfig {
  const label = labeler(options.labelLanguages)
  const languages = options.labelLanguages
  return {
    slug: options.slugs.auditLog,
    custom: { gongkai: 'auditLog' },
    labels: { singular: label('操作日志', 'Audit log entry'), plural: label('操作日志', 'Audit log') },
    admin: {
      group: localize(languages, options.adminGroup),
      useAsTitle: 'summary',
      defaultColumns: ['createdAt', 'action', 'documentTitle', 'user', 'reason'],
      listSearchableFields: ['documentTitle', 'documentId', 'userLabel'],
      description: label('工作流、保密审查和导入的操作记录，只增不改', 'Workflow, review and import actions; append-only'),
    },
    defaultSort: '-createdAt',
    access: {
      create: never,
      update: never,
      delete: never,
      read: ({ req }) => isSiteAdmin(req.user),
    },
    fields: [
      {
        name: 'action',
        type: 'select',
        label: label('操作', 'Action'),
        required: true,
        index: true,
        options: selectOptions(languages, auditActions),
      },
      { name: 'summary', type: 'text', label: label('摘要', 'Summary') },
      { name: 'collectionSlug', type: 'text', label: label('集合', 'Collection'), required: true, index: true },
      { name: 'documentId', type: 'text', label: label('文档 ID', 'Document ID'), required: true, index: true },
      { name: 'documentTitle', type: 'text', label: label('文档标题', 'Document title') },
      { name: 'versionId', type: 'text', label: label('版本 ID', 'Version ID') },
      { name: 'user', type: 'relationship', relationTo: options.usersSlug, label: label('操作人', 'User') },
      { name: 'userLabel', type: 'text', label: label('操作人（记录时）', 'User at the time') },
      { name: 'fromState', type: 'text', label: label('原状态', 'From state') },
      { name: 'toState', type: 'text', label: label('新状态', 'To state') },
      { name: 'reason', type: 'textarea', label: label('理由', 'Reason') },
      { name: 'details', type: 'json', label: label('详情', 'Details') },
    ],
    timestamps: true,
  }
}
