import type { AgencyRole } from '../access/roles.js'
import type { LocalizedLabel } from '../types.js'

/**
 * 工作流状态 of a document version: 草稿 → 待审核 → 已退回 / 已审核 → 已发布 (now, or 待发布 when scheduled) →
 * 已撤回 or 已失效. A policy whose 公开属性 is not 主动公开 (依申请公开, 不予公开, 非政府信息) ends in 已认定 instead of
 * 已发布: reviewed, signed off and recorded (索引号, next 公开属性 review date), but not public. The state belongs to
 * the version: a published document edited again gets a new 草稿 version while the published one stays public.
 */
export type WorkflowState =
  | 'draft'
  | 'pending_review'
  | 'returned'
  | 'approved'
  | 'scheduled'
  | 'published'
  | 'recorded'
  | 'withdrawn'
  | 'invalidated'
  | 'deleted'

export const workflowStates: readonly { value: WorkflowState; label: LocalizedLabel }[] = [
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
]

/** A workflow action, as `POST /api/<collection>/:id/workflow/:action` names it. */
export type WorkflowAction =
  | 'submit'
  | 'return'
  | 'approve'
  | 'publish'
  | 'schedule'
  | 'unschedule'
  | 'withdraw'
  | 'invalidate'
  | 'force-publish'
  | 'delete'
  | 'redact'

export const workflowActions: readonly { value: WorkflowAction; label: LocalizedLabel }[] = [
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
]

/** States each action may start from. */
export const allowedFrom: Readonly<Record<WorkflowAction, readonly WorkflowState[]>> = {
  submit: ['draft', 'returned', 'withdrawn', 'recorded'],
  return: ['pending_review', 'approved'],
  approve: ['pending_review'],
  publish: ['approved'],
  schedule: ['approved'],
  unschedule: ['scheduled'],
  withdraw: ['published', 'invalidated'],
  invalidate: ['published', 'invalidated'],
  'force-publish': ['draft', 'pending_review', 'returned', 'approved', 'scheduled', 'withdrawn'],
  // 删除: content published in error; the library refuses its content id forever, so nothing starts from 已删除.
  delete: ['published', 'invalidated', 'withdrawn'],
  // 抹除: erases an earlier library version of a document that stays public; the state does not change.
  redact: ['published', 'invalidated'],
}

/** The role in the document's agency each action needs (force-publish: site administrators only). */
export const actionRoles: Readonly<Record<Exclude<WorkflowAction, 'force-publish'>, AgencyRole>> = {
  submit: 'editor',
  return: 'reviewer',
  approve: 'reviewer',
  publish: 'publisher',
  schedule: 'publisher',
  unschedule: 'publisher',
  withdraw: 'publisher',
  invalidate: 'publisher',
  delete: 'publisher',
  redact: 'publisher',
}

/** The state each action leads to. */
export const resultingState: Readonly<Record<WorkflowAction, WorkflowState>> = {
  submit: 'pending_review',
  return: 'returned',
  approve: 'approved',
  publish: 'published',
  schedule: 'scheduled',
  unschedule: 'approved',
  withdraw: 'withdrawn',
  invalidate: 'invalidated',
  'force-publish': 'published',
  delete: 'deleted',
  redact: 'published',
}

export function stateLabel(state: unknown): string {
  return workflowStates.find((candidate) => candidate.value === state)?.label.zh ?? String(state ?? '草稿')
}

export function actionLabel(action: WorkflowAction): string {
  return workflowActions.find((candidate) => candidate.value === action)?.label.zh ?? action
}

export function isWorkflowAction(value: unknown): value is WorkflowAction {
  return workflowActions.some((candidate) => candidate.value === value)
}

/** Audit log actions: the workflow's plus A's 保密审查 actions and imports. */
export type AuditAction = WorkflowAction | 'mask' | 'review' | 'import' | 'validity' | 'scheduled_publish_failed' | 'revert' | 'delivered' | 'delivery_failed'

export const auditActions: readonly { value: AuditAction; label: LocalizedLabel }[] = [
  ...workflowActions,
  { value: 'review', label: { zh: '保密审查', en: 'Confidentiality review' } },
  { value: 'mask', label: { zh: '遮盖敏感信息', en: 'Mask findings' } },
  { value: 'import', label: { zh: '导入历史文件', en: 'Import' } },
  { value: 'validity', label: { zh: '有效性变更', en: 'Validity change' } },
  { value: 'scheduled_publish_failed', label: { zh: '定时发布失败', en: 'Scheduled publication failed' } },
  { value: 'revert', label: { zh: '恢复为已发布版本（放弃修订稿）', en: 'Revert to published (revision discarded)' } },
  { value: 'delivered', label: { zh: '已推送', en: 'Delivered' } },
  { value: 'delivery_failed', label: { zh: '推送失败', en: 'Delivery failed' } },
]
