import type { CollectionConfig } from 'payload'

import { agencyIdsOf, isSiteAdmin } from '../../access/roles.js'
import type { SanitizedGongkaiPluginOptions } from '../../types.js'
import { labeler, localize, selectOptions } from '../../utilities/localize.js'
import { auditActions } from '../../audit/auditActions.js'

const never = () => false

/**
 * 操作日志: who did what to which document version and when. Append-only for everyone, site admins included:
 * entries are written only by `recordAudit` through the trusted local API; nobody may update or delete one
 * (and a database trigger refuses UPDATE, DELETE and TRUNCATE, see `installAuditLogGuard`).
 *
 * Read: site administrators read every entry; a member of an agency (any role) reads the entries of the
 * documents that agency owns or, for policies, issues jointly — the same agencies that may read the drafts.
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
      read: ({ req }) => {
        if (isSiteAdmin(req.user)) return true
        const agencyIds = agencyIdsOf(req.user)
        return agencyIds.length === 0 ? false : { agencies: { in: agencyIds } }
      },
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
      {
        name: 'agencies',
        type: 'relationship',
        relationTo: options.slugs.agencies,
        hasMany: true,
        index: true,
        label: label('所属机构', 'Agencies'),
        admin: { description: label('文档所属（及联合发文）的机构，其成员可查阅本条记录', 'Agencies owning (or jointly issuing) the document; their members may read the entry') },
      },
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
