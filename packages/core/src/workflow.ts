import type { LabelledOption } from './labelledOption.js'

/**
 * 工作流状态 of a document version: 草稿 → 待审核 → 已退回 / 已审核 → 已发布 (now, or 待发布 when scheduled) →
 * 已撤回 or 已失效. A policy whose 公开属性 is not 主动公开 (依申请公开, 不予公开, 非政府信息) ends in 已认定 instead of
 * 已发布: reviewed, signed off and recorded (索引号, next 公开属性 review date), but not public. The state belongs to
 * the version: a published document edited again gets a new 草稿 version while the published one stays public.
 * 已删除 is a document published in error and taken down for good (the library refuses its id forever).
 */
export const workflowStates = [
  { value: 'draft', label: { zh: '草稿', en: 'Draft' } },
  { value: 'pending_review', label: { zh: '待审核', en: 'Pending review' } },
  { value: 'returned', label: { zh: '已退回', en: 'Returned' } },
  { value: 'approved', label: { zh: '已审核', en: 'Approved' } },
  { value: 'scheduled', label: { zh: '待发布（定时）', en: 'Scheduled' } },
  { value: 'published', label: { zh: '已发布', en: 'Published' } },
  { value: 'recorded', label: { zh: '已认定（不公开）', en: 'Recorded (not public)' } },
  { value: 'withdrawn', label: { zh: '已撤回', en: 'Withdrawn' } },
  { value: 'invalidated', label: { zh: '已失效', en: 'Invalidated' } },
  { value: 'deleted', label: { zh: '已删除（误发）', en: 'Deleted (published in error)' } },
] as const satisfies readonly LabelledOption[]
/** A 工作流状态 value. */
export type WorkflowState = (typeof workflowStates)[number]['value']

/** The editorial workflow's actions, as `POST /api/<collection>/:id/workflow/:action` names them. */
export const workflowActions = [
  { value: 'submit', label: { zh: '提交审核', en: 'Submit for review' } },
  { value: 'return', label: { zh: '退回修改', en: 'Return' } },
  { value: 'approve', label: { zh: '审核通过', en: 'Approve' } },
  { value: 'publish', label: { zh: '签发发布', en: 'Publish' } },
  { value: 'schedule', label: { zh: '定时发布', en: 'Schedule' } },
  { value: 'unschedule', label: { zh: '取消定时发布', en: 'Unschedule' } },
  { value: 'withdraw', label: { zh: '撤回', en: 'Withdraw' } },
  { value: 'invalidate', label: { zh: '宣布失效', en: 'Invalidate' } },
  { value: 'force-publish', label: { zh: '强制发布', en: 'Force-publish' } },
  { value: 'delete', label: { zh: '删除（误发）', en: 'Delete (published in error)' } },
  { value: 'redact', label: { zh: '抹除历史版本', en: 'Redact an earlier version' } },
] as const satisfies readonly LabelledOption[]
/** A workflow action. */
export type WorkflowAction = (typeof workflowActions)[number]['value']
