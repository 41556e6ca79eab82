import { addDataAndFileToRequest } from 'payload'
import type { Endpoint, PayloadRequest } from 'payload'

import { confirmAttachmentReview, getConfidentialityFindings, maskConfidentialityFindings, recordConfidentialityReview } from './reviewActions.js'
import type { ReviewConclusion } from './confidentialityReviewField.js'
import { message } from '../translations/message.js'

function idOf(req: PayloadRequest): string {
  return String(req.routeParams?.id ?? '')
}

/**
 * REST endpoints of 保密审查 on a collection:
 * - `GET  /api/<collection>/:id/confidentiality-review/findings` — findings per field (members of the owning agencies, site admins)
 * - `POST /api/<collection>/:id/confidentiality-review` — `{ conclusion: 'passed' | 'failed', basis }` records the review
 * - `POST /api/<collection>/:id/confidentiality-review/mask` — 一键脱敏, a new version and an audit entry
 * - `POST /api/<collection>/:id/confidentiality-review/attachments/:attachmentId/confirm` — `{ note? }` confirms a file
 *   that must be reviewed by hand (需人工审查)
 */
export function confidentialityReviewEndpoints(collectionSlug: string): Endpoint[] {
  return [
    {
      path: '/:id/confidentiality-review/findings',
      method: 'get',
      handler: async (req) => {
        // Findings quote the latest draft, so only those who may read drafts see them (404 for everyone else).
        const result = await getConfidentialityFindings({ payload: req.payload, req, user: req.user ?? null, collection: collectionSlug, id: idOf(req) })
        return Response.json(result)
      },
    },
    {
      path: '/:id/confidentiality-review',
      method: 'post',
      handler: async (req) => {
        await addDataAndFileToRequest(req)
        const data = (req.data ?? {}) as { conclusion?: ReviewConclusion; basis?: string }
        const result = await recordConfidentialityReview({
          payload: req.payload,
          req,
          user: req.user,
          collection: collectionSlug,
          id: idOf(req),
          conclusion: data.conclusion as ReviewConclusion,
          basis: data.basis as string,
        })
        return Response.json({ message: message(req, 'reviewRecorded'), ...result })
      },
    },
    {
      path: '/:id/confidentiality-review/attachments/:attachmentId/confirm',
      method: 'post',
      handler: async (req) => {
        await addDataAndFileToRequest(req)
        const data = (req.data ?? {}) as { note?: unknown }
        const result = await confirmAttachmentReview({
          payload: req.payload,
          req,
          user: req.user,
          collection: collectionSlug,
          id: idOf(req),
          attachmentId: String(req.routeParams?.attachmentId ?? ''),
          note: typeof data.note === 'string' ? data.note : null,
        })
        return Response.json({ message: message(req, 'attachmentConfirmed', { title: result.attachment.title }), ...result })
      },
    },
    {
      path: '/:id/confidentiality-review/mask',
      method: 'post',
      handler: async (req) => {
        const result = await maskConfidentialityFindings({ payload: req.payload, req, user: req.user, collection: collectionSlug, id: idOf(req) })
        const text = result.masked.length === 0 ? message(req, 'maskedNothing') : message(req, 'maskedCount', { count: result.masked.length })
        return Response.json({ message: text, ...result })
      },
    },
  ]
}
