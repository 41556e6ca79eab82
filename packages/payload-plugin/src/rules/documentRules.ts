import type { Field, PayloadRequest } from 'payload'
import { fieldAffectsData, tabHasName } from 'payload/shared'

import type { AgencyOwnedCollection } from '../access/documentAgencies.js'
import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { isBlank } from '../utilities/relationIds.js'
import { missingElements } from './completeness.js'
import { fieldRuleErrors, labelText } from './fieldRuleErrors.js'
import type { RuleProblem } from './fieldRuleErrors.js'
import { dedupeProblems } from '../infrastructure/RuleError.js'
import { message } from '../translations/message.js'

/** The label of the field at a data path (`participants.0.sector` → `参与人第1条 › 界别`), in the request's language. */
export function labelAtPath(fields: readonly Field[], path: string, req: PayloadRequest): string {
  const labels: string[] = []
  let current: readonly Field[] = fields
  const find = (list: readonly Field[], name: string): Field | undefined => {
    for (const field of list) {
      if (field.type === 'tabs') {
        for (const tab of field.tabs) {
          if (tabHasName(tab) && tab.name === name) return { type: 'group', name: tab.name, label: tab.label, fields: tab.fields } as Field
          if (!tabHasName(tab)) {
            const found = find(tab.fields, name)
            if (found) return found
          }
        }
        continue
      }
      if (fieldAffectsData(field) && field.name === name) return field
      if (!fieldAffectsData(field) && 'fields' in field && Array.isArray(field.fields)) {
        const found = find(field.fields, name)
        if (found) return found
      }
    }
    return undefined
  }
  for (const segment of path.split('.')) {
    if (/^\d+$/.test(segment)) {
      const last = labels.pop() ?? ''
      labels.push(message(req, 'row', { label: last, number: Number(segment) + 1 }))
      continue
    }
    const field = find(current, segment)
    labels.push(labelText(field && 'label' in field ? field.label : undefined, req, segment))
    current = field && 'fields' in field && Array.isArray(field.fields) ? field.fields : []
  }
  return labels.join(' › ')
}

/**
 * Every rule of a document that can be checked before it is published, as `{ path, label, message }`: the
 * collection's field validations (the plugin's format rules — 发文字号, 征求意见期限, 采纳理由, 遴选方式… — and
 * Payload's required/length/option checks) and 要素齐全 (which includes 重大行政决策程序 for decisions), with
 * the values the publication itself fills in (a blank 发布日期 becomes the day of 签发). Each problem once; empty
 * when nothing stands in the way of publication but the review itself.
 *
 * Shown as warnings beside the fields when a draft is saved; refuses 提交审核 and 审核通过 — so 签发 finds
 * nothing new.
 */
export async function documentRuleProblems(args: {
  req: PayloadRequest
  options: SanitizedGongkaiPluginOptions
  collection: AgencyOwnedCollection
  doc: Record<string, unknown>
}): Promise<RuleProblem[]> {
  const { req, options, collection, doc } = args
  const config = req.payload.collections[options.slugs[collection]]?.config
  if (!config) return []
  const fromFields = await fieldRuleErrors({ req, fields: config.fields, collectionSlug: config.slug, doc })
  // 签发 sets a blank 发布日期 to the day of publication.
  const asPublished = collection === 'policies' && isBlank(doc.publishDate) ? { ...doc, publishDate: new Date().toISOString() } : doc
  const completeness = await missingElements({ req, options, collection, doc: asPublished })
  const fromCompleteness = completeness.map((error) => ({ path: error.path, label: labelAtPath(config.fields, error.path, req), message: error.message }))
  // One problem a field: where 要素齐全 and the field's own rule both refuse it (缺少标题 and 必填; 发布日期 before
  // 成文日期), 要素齐全's message stands — it names the field, and it is the one 签发 would give first.
  const completePaths = new Set(fromCompleteness.map((problem) => problem.path))
  return dedupeProblems([...fromFields.filter((problem) => !completePaths.has(problem.path)), ...fromCompleteness])
}
