import type { Field } from 'payload'

import { computedFieldAccess } from '../fields/computedFieldAccess.js'
import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { labeler, localize, selectOptions } from '../utilities/localize.js'
import { workflowStates } from './states.js'
import { dayAndTime, dayPicker } from '../fields/dateFormats.js'


export { nonContentFieldNames, workflowFieldNames } from '../infrastructure/documentFieldNames.js'

/**
 * The workflow's fields, in the sidebar: the state, who did what and when, and who last changed the content
 * (the four-eyes rule compares it with the approver). Only the workflow writes them.
 */
export function workflowFields(options: SanitizedGongkaiPluginOptions): Field[] {
  const label = labeler(options.labelLanguages)
  const user = (name: string, zh: string, en: string): Field => ({
    name,
    type: 'relationship',
    relationTo: options.usersSlug,
    label: label(zh, en),
    admin: { readOnly: true },
  })
  const at = (name: string, zh: string, en: string): Field => ({
    name,
    type: 'date',
    label: label(zh, en),
    admin: { readOnly: true, ...dayAndTime },
  })
  const reason = (name: string, zh: string, en: string): Field => ({
    name,
    type: 'textarea',
    label: label(zh, en),
    admin: { readOnly: true, condition: (_, siblingData) => Boolean(siblingData?.[name]) },
  })
  return [
    {
      name: 'workflowState',
      type: 'select',
      label: label('工作流状态', 'Workflow state'),
      defaultValue: 'draft',
      index: true,
      options: selectOptions(options.labelLanguages, workflowStates),
      access: computedFieldAccess,
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: label('通过“提交审核、审核、签发”操作改变', 'Changed only by the workflow actions'),
      },
    },
    {
      name: 'lastEditedBy',
      type: 'relationship',
      relationTo: options.usersSlug,
      label: label('本版本撰稿人', 'Author of this version'),
      access: computedFieldAccess,
      admin: { position: 'sidebar', readOnly: true, description: label('最后修改内容的人；审核人不得是撰稿人', 'Last to change the content; may not approve it') },
    },
    {
      name: 'contentChangedAt',
      type: 'date',
      label: label('内容最后修改时间', 'Content last changed'),
      access: computedFieldAccess,
      admin: { position: 'sidebar', readOnly: true, ...dayAndTime },
    },
    {
      name: 'workflow',
      type: 'group',
      label: label('工作流记录', 'Workflow record'),
      access: computedFieldAccess,
      admin: { position: 'sidebar' },
      fields: [
        user('submittedBy', '提交人', 'Submitted by'),
        at('submittedAt', '提交时间', 'Submitted at'),
        user('returnedBy', '退回人', 'Returned by'),
        at('returnedAt', '退回时间', 'Returned at'),
        reason('returnReason', '退回理由', 'Reason for returning'),
        user('approvedBy', '审核人', 'Approved by'),
        at('approvedAt', '审核时间', 'Approved at'),
        user('scheduledBy', '定时发布设置人', 'Scheduled by'),
        at('scheduledFor', '定时发布时间', 'Scheduled for'),
        { name: 'scheduledJobId', type: 'text', admin: { hidden: true, disableListColumn: true, disableListFilter: true } },
        user('publishedBy', '签发人', 'Published by'),
        at('publishedAt', '发布时间', 'Published at'),
        at('firstPublishedAt', '首次发布时间', 'First published at'),
        reason('forcePublishReason', '强制发布理由', 'Reason for force-publishing'),
        user('recordedBy', '认定签发人', 'Recorded by'),
        at('recordedAt', '认定时间', 'Recorded at'),
        user('withdrawnBy', '撤回人', 'Withdrawn by'),
        at('withdrawnAt', '撤回时间', 'Withdrawn at'),
        reason('withdrawReason', '撤回理由', 'Reason for withdrawing'),
        user('invalidatedBy', '宣布失效人', 'Invalidated by'),
        at('invalidatedAt', '宣布失效时间', 'Invalidated at'),
        user('deletedBy', '删除人', 'Deleted by'),
        at('deletedAt', '删除时间', 'Deleted at'),
        reason('deleteReason', '删除理由', 'Reason for deleting'),
      ],
    },
  ]
}

/** Policies only: the 有效性 history and the next 公开属性 review. */
export function policyWorkflowFields(options: SanitizedGongkaiPluginOptions): Field[] {
  const label = labeler(options.labelLanguages)
  return [
    {
      name: 'nextDisclosureReviewDate',
      type: 'date',
      label: label('公开属性下次复审日期', 'Next disclosure review'),
      index: true,
      access: computedFieldAccess,
      admin: {
        position: 'sidebar',
        readOnly: true,
        ...dayPicker,
        condition: (data) => Boolean(data?.nextDisclosureReviewDate),
        description: label(
          `依申请公开、不予公开的文件每 ${options.disclosureReviewIntervalMonths} 个月复审一次，转为主动公开须重新走审核发布流程`,
          `Reviewed every ${options.disclosureReviewIntervalMonths} months; turning it 主动公开 goes through the workflow`,
        ),
      },
    },
    {
      name: 'validityHistory',
      type: 'array',
      label: label('有效性变更记录', 'Validity history'),
      labels: { singular: label('有效性变更', 'Validity change'), plural: label('有效性变更', 'Validity changes') },
      access: computedFieldAccess,
      admin: { readOnly: true, initCollapsed: true },
      fields: [
        {
          name: 'validity',
          type: 'select',
          label: label('有效性', 'Validity'),
          options: options.validityStatuses.map((status) => ({ value: status.value, label: localize(options.labelLanguages, status.label) })),
        },
        { name: 'effectiveDate', type: 'date', label: label('生效日期', 'Effective from'), admin: dayPicker },
        { name: 'supersededBy', type: 'relationship', relationTo: options.slugs.policies, label: label('替代文件', 'Replaced by') },
        { name: 'recordedAt', type: 'date', label: label('记录时间', 'Recorded at'), admin: dayAndTime },
        { name: 'recordedBy', type: 'relationship', relationTo: options.usersSlug, label: label('记录人', 'Recorded by') },
      ],
    },
  ]
}
