import { addDataAndFileToRequest } from 'payload'
import type { Endpoint, PayloadRequest } from 'payload'

import { getConfidentialityFindings, maskConfidentialityFindings, recordConfidentialityReview } from './reviewActions.js'
import type { ReviewConclusion } from './confidentialityReviewField.js'

function idOf(req: PayloadRequest): string {
  return String(req.routeParams?.id ?? '')
}

/**
 * REST endpoints of 保密审查 on a collection:
 * - `GET  /api/<collection>/:id/confidentiality-review/findings` — findings per field (anyone who may read the document)
 * - `POST /api/<collection>/:id/confidentiality-review` — `{ conclusion: 'passed' | 'failed', basis }` records the review
 * - `POST /api/<collection>/:id/confidentiality-review/mask` — 一键脱敏, a new version and an audit entry
 */
export function confidentialityReviewEndpoints(collectionSlug: string): Endpoint[] {
  return [
    {
      path: '/:id/confidentiality-review/findings',
      method: 'get',
      handler: async (req) => {
        // Read access decides who may see the findings: the same rule as reading the document's draft.
        const readable = await req.payload
          .findByID({ collection: collectionSlug, id: idOf(req), draft: true, depth: 0, overrideAccess: false, user: req.user, req, disableErrors: true })
          .catch(() => null)
        if (!readable) return Response.json({ errors: [{ message: '找不到文件，或您无权查看' }] }, { status: 404 })
        const result = await getConfidentialityFindings({ payload: req.payload, req, user: req.user, collection: collectionSlug, id: idOf(req) })
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
        return Response.json({ message: '已记录保密审查', ...result })
      },
    },
    {
      path: '/:id/confidentiality-review/mask',
      method: 'post',
      handler: async (req) => {
        const result = await maskConfidentialityFindings({ payload: req.payload, req, user: req.user, collection: collectionSlug, id: idOf(req) })
        const message = result.masked.length === 0 ? '没有可脱敏的内容' : `已脱敏 ${result.masked.length} 处`
        return Response.json({ message, ...result })
      },
    },
  ]
}
