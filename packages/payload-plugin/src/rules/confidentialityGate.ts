import type { CollectionConfig, PayloadRequest } from 'payload'

import { confidentialityReviewFieldName, hasBlockingFindings, scanDocument } from '../review/checkConfidentiality.js'
import { loadAttachmentFindings } from '../review/attachmentFindings.js'
import type { AttachmentFinding } from '../review/attachmentFindings.js'
import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { confidentialityContentHash } from '../review/contentHash.js'
import { WorkflowError } from '../infrastructure/WorkflowError.js'
import { fieldLabelAt } from '../review/fieldLabel.js'
import { findingMessage } from '../review/findingMessage.js'
import { message, separatorOf } from '../translations/message.js'
import type { Translating } from '../translations/message.js'
import type { WorkflowFieldError } from '../infrastructure/WorkflowError.js'

type Doc = Record<string, unknown>

function time(value: unknown): number | undefined {
  if (typeof value !== 'string' && !(value instanceof Date)) return undefined
  const instant = new Date(value).getTime()
  return Number.isNaN(instant) ? undefined : instant
}

/**
 * 保密审查 gate of the approval: no blocking finding of the scanner in any text field (valid ID numbers,
 * classification marks, a 密级 other than 非密), and a passed review recorded for this content — its content
 * fingerprint matches, and it is not older than the version's last content change. Findings in attached files
 * (`loadAttachmentFindings`, passed by the caller) block in the same way. Returns every blocker
 * with its field; empty when approval may go ahead.
 */
export function confidentialityBlockers(args: { req?: Translating; collectionConfig: CollectionConfig; doc: Doc; attachmentFindings?: readonly AttachmentFinding[] }): WorkflowFieldError[] {
  const { req } = args
  const { collectionConfig, doc } = args
  const blockers: WorkflowFieldError[] = []
  const findings = scanDocument({ collectionConfig, doc })
  if (hasBlockingFindings(findings)) {
    for (const finding of findings.filter((candidate) => candidate.severity === 'blocking')) {
      blockers.push({ path: finding.fieldPath, message: message(req, 'problem', { label: fieldLabelAt(collectionConfig.fields, finding.fieldPath, req), message: findingMessage(finding, req) }) })
    }
  }
  // Attached files count as the body does: a finding in a file, or a file nobody has looked at, stops approval.
  for (const finding of (args.attachmentFindings ?? []).filter((candidate) => candidate.severity === 'blocking')) {
    blockers.push({ path: finding.fieldPath, message: message(req, 'problem', { label: finding.fieldLabel, message: finding.message }) })
  }
  const hasReviewField = collectionConfig.fields.some((field) => 'name' in field && field.name === confidentialityReviewFieldName)
  if (!hasReviewField) return blockers
  const review = (doc[confidentialityReviewFieldName] ?? {}) as Doc
  if (review.conclusion !== 'passed') {
    blockers.push({
      path: confidentialityReviewFieldName,
      message: message(req, review.conclusion === 'failed' ? 'confidentialityReviewFailed' : 'confidentialityReviewMissing'),
    })
    return blockers
  }
  const reviewedAt = time(review.reviewedAt)
  const changedAt = time(doc.contentChangedAt)
  const isStaleByTime = reviewedAt !== undefined && changedAt !== undefined && reviewedAt < changedAt
  const isStaleByContent =
    typeof review.reviewedContentHash === 'string' &&
    review.reviewedContentHash !== confidentialityContentHash({ collectionConfig, doc })
  if (isStaleByTime || isStaleByContent) {
    blockers.push({ path: confidentialityReviewFieldName, message: message(req, 'confidentialityReviewStale') })
  }
  return blockers
}

/**
 * 审核通过 passes the 保密审查 gate: the document's text, its attached files and its recorded review
 * (`confidentialityBlockers`).
 *
 * @throws WorkflowError (409) listing every blocker with its field
 */
export async function assertConfidentialityCleared(args: { req: PayloadRequest; options: SanitizedGongkaiPluginOptions; slug: string; doc: Doc; label: string }): Promise<void> {
  const { req, options, doc } = args
  const collectionConfig = req.payload.collections[args.slug]?.config
  if (!collectionConfig) return
  const attachmentFindings = await loadAttachmentFindings({ req, options, collectionConfig, doc })
  const blockers = confidentialityBlockers({ req, collectionConfig, doc, attachmentFindings })
  if (blockers.length > 0) {
    throw new WorkflowError(message(req, 'confidentialityBlocked', { document: args.label, problems: blockers.map((blocker) => blocker.message).join(separatorOf(req)) }), 409, blockers)
  }
}
