import type { Endpoint } from 'payload'

import { dueDisclosureReviews } from '../rules/disclosureReview.js'
import { WorkflowError } from '../infrastructure/WorkflowError.js'
import { message } from '../translations/message.js'

/** `GET /api/policies/disclosure-review/due[?asOf=2026-01-01]` — policies whose 公开属性 review is due, as the user may read them. */
export const disclosureReviewDueEndpoint: Endpoint = {
  path: '/disclosure-review/due',
  method: 'get',
  handler: async (req) => {
    if (!req.user) throw new WorkflowError(message(req, 'loginToSeeDueReviews'), 401)
    const asOfText = typeof req.query?.asOf === 'string' ? req.query.asOf : undefined
    const asOf = asOfText ? new Date(asOfText) : new Date()
    if (Number.isNaN(asOf.getTime())) throw new WorkflowError(message(req, 'asOfInvalid', { value: String(asOfText) }), 400, 'asOf')
    const docs = await dueDisclosureReviews({ payload: req.payload, req, asOf, user: req.user as never })
    return Response.json({ docs, totalDocs: docs.length })
  },
}
