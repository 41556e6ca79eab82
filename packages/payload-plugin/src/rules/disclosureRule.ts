import { disclosureTypes, isOptionValue, labelOf } from '@gongkai/core'
import { languageOf } from '../translations/message.js'
import type { Translating } from '../translations/message.js'

import type { AgencyOwnedCollection } from '../access/documentAgencies.js'

/**
 * 公开属性 decides whether a signed-off document goes public (政府信息公开条例 arts. 19–20: only 主动公开
 * information is published on the government's own initiative). A policy that is 依申请公开, 不予公开 or
 * 非政府信息 finishes the workflow as 已认定: recorded with its 索引号 and its next 公开属性 review date, readable by
 * its agencies only. Interpretations follow their policies (三同步 both ways): one that interprets a policy that is
 * not public is recorded with it, never published on its own. Decisions and participation records carry no 公开属性
 * and are published as before.
 */
export function isProactive(doc: Record<string, unknown> | null | undefined): boolean {
  return doc?.disclosure === 'proactive'
}

/** Whether a policy, as stored, is not public by its 公开属性 (or was recorded as such). */
export function isNonPublicPolicy(policy: Record<string, unknown> | null | undefined): boolean {
  return policy?.workflowState === 'recorded' || (policy?.disclosure !== undefined && policy.disclosure !== null && !isProactive(policy))
}

/** Whether signing off this document publishes it (otherwise it is recorded, 已认定, not public). */
export function isPublicRelease({ key, doc, policies = [] }: { key: AgencyOwnedCollection; doc: Record<string, unknown>; policies?: Record<string, unknown>[] }): boolean {
  if (key === 'policies') return isProactive(doc)
  if (key === 'interpretations') return !policies.some(isNonPublicPolicy)
  return true
}

/** 公开属性 as editors read it: “依申请公开”. */
export function disclosureLabel(value: unknown, req?: Translating): string {
  return isOptionValue(disclosureTypes, value) ? labelOf(disclosureTypes, value, languageOf(req)) : String(value ?? '')
}
