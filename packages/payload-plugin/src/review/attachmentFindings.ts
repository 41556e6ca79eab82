import { scanText } from '@gongkai/core'
import type { Finding } from '@gongkai/core'
import type { PayloadRequest, SanitizedCollectionConfig } from 'payload'

import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { relationIds } from '../utilities/relationIds.js'
import type { AttachmentText } from './attachmentText.js'
import { fieldLabelAt } from './fieldLabel.js'
import { findingMessage, storedAttachmentText } from './findingMessage.js'
import { message } from '../translations/message.js'

/** Who confirmed a file that could not be read, and when. */
export type ManualReviewConfirmation = { confirmedBy: number | string | null; confirmedAt: string | null; note: string | null }

/**
 * A 保密审查 finding in an attached file: what the scanner found in its text (same kinds, severities and messages as
 * in the body), or `needs_manual_review` for a file whose text cannot be read — blocking until a reviewer confirms it.
 */
export type AttachmentFinding = {
  /** Field and position of the link: `attachments.0`. */
  fieldPath: string
  fieldLabel: string
  attachment: { id: number | string; title: string; location: string | null }
  kind: Finding['kind'] | 'needs_manual_review'
  severity: Finding['severity']
  masked: string
  message: string
  /** Manual review only: the confirmation, when given. */
  confirmation?: ManualReviewConfirmation | null
}

type Attachment = {
  id: number | string
  title?: string | null
  filename?: string | null
  textExtraction?: (Partial<Extract<AttachmentText, { status: 'extracted' }>> & { status?: string | null; reason?: string | null }) | null
  manualReview?: Partial<ManualReviewConfirmation> | null
}

/** The top-level fields of a collection that link the uploads collection. */
export function attachmentFieldsOf(collectionConfig: Pick<SanitizedCollectionConfig, 'flattenedFields'>, uploadsSlug: string): string[] {
  return collectionConfig.flattenedFields
    .filter((field) => (field.type === 'upload' || field.type === 'relationship') && field.relationTo === uploadsSlug)
    .map((field) => field.name)
}

function isConfirmed(attachment: Attachment): boolean {
  return Boolean(attachment.manualReview?.confirmedBy && attachment.manualReview.confirmedAt)
}

/**
 * 保密审查 of the files a document links: scans the text read from each file at upload with core's `scanText`, as
 * the body is scanned, and lists every file that could not be read as 需人工审查. An app's own uploads collection
 * (`uploadsCollection`) keeps no text: its files are all 需人工审查.
 */
export async function loadAttachmentFindings(args: {
  req: PayloadRequest
  options: SanitizedGongkaiPluginOptions
  collectionConfig: Pick<SanitizedCollectionConfig, 'flattenedFields' | 'fields'>
  doc: Record<string, unknown>
}): Promise<AttachmentFinding[]> {
  const { req, options, collectionConfig, doc } = args
  const findings: AttachmentFinding[] = []
  for (const field of attachmentFieldsOf(collectionConfig, options.uploadsSlug)) {
    const ids = relationIds(doc[field])
    if (ids.length === 0) continue
    const { docs } = await req.payload.find({
      collection: options.uploadsSlug,
      where: { id: { in: ids.map((id) => (/^\d+$/.test(id) ? Number(id) : id)) } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const byId = new Map(docs.map((attachment) => [String(attachment.id), attachment as unknown as Attachment]))
    for (const [index, id] of ids.entries()) {
      const attachment = byId.get(id)
      if (!attachment) continue
      const fieldPath = `${field}.${index}`
      const fieldLabel = fieldLabelAt(collectionConfig.fields, field, req)
      const title = String(attachment.title || attachment.filename || `#${id}`)
      const extraction = attachment.textExtraction
      if (extraction?.status === 'extracted' && Array.isArray(extraction.segments)) {
        for (const segment of extraction.segments) {
          // Segments are short (see attachmentText); yielding between them keeps a long file from holding the event loop.
          await new Promise((resolve) => setImmediate(resolve))
          for (const finding of scanText(String(segment.text ?? ''))) {
            findings.push({
              fieldPath,
              fieldLabel,
              attachment: { id: attachment.id, title, location: segment.location ?? null },
              kind: finding.kind,
              severity: finding.severity,
              masked: finding.masked,
              message: message(req, 'attachmentFinding', { title, location: storedAttachmentText(segment.location ?? '', req), finding: findingMessage(finding, req) }),
            })
          }
        }
        continue
      }
      const confirmed = isConfirmed(attachment)
      const reason = extraction?.reason ?? message(req, 'attachmentNotExtracted')
      findings.push({
        fieldPath,
        fieldLabel,
        attachment: { id: attachment.id, title, location: null },
        kind: 'needs_manual_review',
        severity: confirmed ? 'warning' : 'blocking',
        masked: '',
        message: message(req, confirmed ? 'attachmentManualReviewConfirmed' : 'attachmentManualReviewNeeded', { title, reason: storedAttachmentText(reason, req) }),
        confirmation: confirmed
          ? { confirmedBy: (attachment.manualReview?.confirmedBy as number | string | undefined) ?? null, confirmedAt: attachment.manualReview?.confirmedAt ?? null, note: attachment.manualReview?.note ?? null }
          : null,
      })
    }
  }
  return findings
}
