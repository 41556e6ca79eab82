import type { Access, CollectionConfig, Where } from 'payload'

import { agencyIdsOf, isSiteAdmin } from '../access/roles.js'
import { labeler, localize, selectOptions } from '../utilities/localize.js'
import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { deliveryActions, deliveryStates } from './deliveryStates.js'

/** Site admins read every delivery; agency members read their agencies' deliveries; nobody else reads any. */
const readDeliveries: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isSiteAdmin(user)) return true
  const agencies = agencyIdsOf(user)
  if (agencies.length === 0) return false
  return { agency: { in: agencies } } satisfies Where
}

const nobody: Access = () => false

/**
 * 推送记录: one record per document, version, target and action. Written only by the delivery system
 * (`overrideAccess`); nobody creates, edits or deletes one through the API.
 */
export function createDeliveriesCollection(options: SanitizedGongkaiPluginOptions): CollectionConfig {
  const label = labeler(options.labelLanguages)
  return {
    slug: options.delivery.deliveriesSlug,
    labels: { singular: label('推送记录', 'Delivery'), plural: label('推送记录', 'Deliveries') },
    admin: {
      group: localize(options.labelLanguages, options.adminGroup),
      useAsTitle: 'documentTitle',
      defaultColumns: ['documentTitle', 'targetLabel', 'action', 'state', 'attempts', 'lastError', 'updatedAt'],
      description: label(
        '已发布文件推送到政策文件库和政务新媒体的记录。推送失败的记录可在详情中重试。',
        'Deliveries of published documents to the policy library and new-media channels. Failed ones can be retried.',
      ),
      components: { edit: { beforeDocumentControls: ['@gongkai/payload-plugin/client#DeliveryRetryButton'] } },
    },
    access: { read: readDeliveries, create: nobody, update: nobody, delete: nobody },
    custom: { gongkai: 'deliveries' },
    defaultSort: '-createdAt',
    fields: [
      { name: 'documentTitle', type: 'text', label: label('文件标题', 'Document'), admin: { readOnly: true } },
      { name: 'documentCollection', type: 'text', label: label('文件类型', 'Collection'), required: true, index: true, admin: { readOnly: true } },
      { name: 'documentId', type: 'text', label: label('文件ID', 'Document ID'), required: true, index: true, admin: { readOnly: true } },
      { name: 'agency', type: 'relationship', relationTo: options.slugs.agencies, label: label('所属机构', 'Agency'), index: true, admin: { readOnly: true } },
      { name: 'target', type: 'text', label: label('推送目标', 'Target'), required: true, index: true, admin: { readOnly: true } },
      { name: 'targetLabel', type: 'text', label: label('推送目标名称', 'Target name'), admin: { readOnly: true } },
      {
        name: 'action',
        type: 'select',
        label: label('推送内容', 'Action'),
        required: true,
        options: selectOptions(options.labelLanguages, deliveryActions),
        admin: { readOnly: true },
      },
      { name: 'version', type: 'number', label: label('推送版本', 'Version'), required: true, admin: { readOnly: true } },
      {
        name: 'state',
        type: 'select',
        label: label('推送状态', 'State'),
        required: true,
        index: true,
        defaultValue: 'queued',
        options: selectOptions(options.labelLanguages, deliveryStates),
        admin: { readOnly: true },
      },
      { name: 'attempts', type: 'number', label: label('尝试次数', 'Attempts'), defaultValue: 0, admin: { readOnly: true } },
      { name: 'lastError', type: 'textarea', label: label('最近错误', 'Last error'), admin: { readOnly: true } },
      { name: 'externalId', type: 'text', label: label('外部ID', 'External ID'), admin: { readOnly: true } },
      { name: 'externalUrl', type: 'text', label: label('外部链接', 'External URL'), admin: { readOnly: true } },
      { name: 'notice', type: 'textarea', label: label('撤回说明／删除、抹除理由', 'Notice or reason'), admin: { readOnly: true } },
      { name: 'lastAttemptAt', type: 'date', label: label('最近尝试时间', 'Last attempt'), admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
      { name: 'nextAttemptAt', type: 'date', label: label('下次重试时间', 'Next attempt'), admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
      { name: 'deliveredAt', type: 'date', label: label('推送完成时间', 'Delivered'), admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
      // A worker holds the delivery until then; after it, another worker may take over a crashed one's delivery.
      { name: 'leaseUntil', type: 'date', admin: { hidden: true } },
    ],
    timestamps: true,
  }
}

/** Channel progress (the SDK's ProgressStore) and encrypted provisioned tokens; never readable through any API. */
export function createDeliveryStoreCollection(options: SanitizedGongkaiPluginOptions): CollectionConfig {
  return {
    slug: options.delivery.storeSlug,
    admin: { hidden: true },
    access: { read: nobody, create: nobody, update: nobody, delete: nobody },
    custom: { gongkai: 'deliveryStore' },
    fields: [
      { name: 'key', type: 'text', required: true, unique: true },
      { name: 'value', type: 'json' },
    ],
  }
}
