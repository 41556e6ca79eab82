import type { CollectionConfig, PayloadRequest } from 'payload'

import type { WorkflowFieldError } from './WorkflowError.js'

type Doc = Record<string, unknown>

function time(value: unknown): number | undefined {
  if (typeof value !== 'string' && !(value instanceof Date)) return undefined
  const instant = new Date(value).getTime()
  return Number.isNaN(instant) ? undefined : instant
}

/**
 * 保密审查 gate of the approval: a passed review (`confidentialityReview`, recorded by the reviewer) that is
 * newer than the version's last content change. Returns what blocks approval, empty when nothing does.
 */
export function confidentialityBlockers(args: { collectionConfig: CollectionConfig; doc: Doc; req: PayloadRequest }): WorkflowFieldError[] {
  const { collectionConfig, doc } = args
  const hasReviewField = collectionConfig.fields.some((field) => 'name' in field && field.name === 'confidentialityReview')
  if (!hasReviewField) return []
  const review = (doc.confidentialityReview ?? {}) as Doc
  if (review.conclusion !== 'passed') {
    return [{ path: 'confidentialityReview', message: review.conclusion === 'failed' ? '保密审查结论为“未通过”' : '尚未进行保密审查' }]
  }
  const reviewedAt = time(review.reviewedAt)
  const changedAt = time(doc.contentChangedAt)
  if (reviewedAt !== undefined && changedAt !== undefined && reviewedAt < changedAt) {
    return [{ path: 'confidentialityReview', message: '保密审查早于内容的最后一次修改，须重新审查' }]
  }
  return []
}
