import { labelIn } from '../translations/message.js'
import type { Translating } from '../translations/message.js'
import type { LocalizedLabel } from '../types.js'

/** What a delivery does at its target. */
export type DeliveryAction = 'publish' | 'withdraw' | 'validity' | 'delete' | 'redact'

export const deliveryActions: readonly { value: DeliveryAction; label: LocalizedLabel }[] = [
  { value: 'publish', label: { zh: '发布', en: 'Publish' } },
  { value: 'withdraw', label: { zh: '撤回', en: 'Withdraw' } },
  { value: 'validity', label: { zh: '有效性变更', en: 'Validity change' } },
  { value: 'delete', label: { zh: '删除（误发）', en: 'Delete (published in error)' } },
  { value: 'redact', label: { zh: '抹除历史版本', en: 'Redact an earlier version' } },
]

/**
 * State of a delivery: queued → delivering → delivered (or submitted, when the platform still reviews it);
 * a retryable failure goes to retrying (a new attempt is queued with backoff); a permanent one, or the last
 * retry, to failed, from where a 签发 or site admin can retry it. skipped: the target cannot do this action.
 */
export type DeliveryState = 'queued' | 'delivering' | 'retrying' | 'submitted' | 'delivered' | 'failed' | 'skipped' | 'cancelled'

export const deliveryStates: readonly { value: DeliveryState; label: LocalizedLabel }[] = [
  { value: 'queued', label: { zh: '待推送', en: 'Queued' } },
  { value: 'delivering', label: { zh: '推送中', en: 'Delivering' } },
  { value: 'retrying', label: { zh: '推送中（等待重试）', en: 'Retrying' } },
  { value: 'submitted', label: { zh: '已提交平台', en: 'Submitted' } },
  { value: 'delivered', label: { zh: '已推送', en: 'Delivered' } },
  { value: 'failed', label: { zh: '推送失败', en: 'Failed' } },
  { value: 'skipped', label: { zh: '不适用', en: 'Not applicable' } },
  { value: 'cancelled', label: { zh: '已取消', en: 'Cancelled' } },
]

/** States in which a worker will still act on the delivery. */
export const pendingDeliveryStates: readonly DeliveryState[] = ['queued', 'delivering', 'retrying']

export function deliveryStateLabel(state: string, req?: Translating): string {
  return labelIn(deliveryStates.find((candidate) => candidate.value === state)?.label, req) || state
}
