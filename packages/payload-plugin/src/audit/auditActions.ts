import { workflowActions } from '@gongkai/core'
import type { WorkflowAction } from '@gongkai/core'

import type { LocalizedLabel } from '../types.js'

/** Audit log actions: the workflow's, plus 保密审查, imports, 有效性 changes, reverts and deliveries. */
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
