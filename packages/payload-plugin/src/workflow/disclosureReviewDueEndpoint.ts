import type { Endpoint } from 'payload'

import { dueDisclosureReviews } from '../rules/disclosureReview.js'
import { WorkflowError } from '../infrastructure/WorkflowError.js'

/** `GET /api/policies/disclosure-review/due[?asOf=2026-01-01]` — policies whose 公开属性 review is due, as the user may read them. */
export const disclosureReviewDueEndpoint: Endpoint = {
  path: '/disclosure-review/due',
  method: 'get',
  handler: async (req) => {
    if (!req.user) throw new WorkflowError('须登录后才能查看待复审的文件', 401)
    const asOfText = typeof req.query?.asOf === 'string' ? req.query.asOf : undefined
    const asOf = asOfText ? new Date(asOfText) : new Date()
    if (Number.isNaN(asOf.getTime())) throw new WorkflowError(`参数 asOf“${String(asOfText)}”不是有效日期`, 400, 'asOf')
    const docs = await dueDisclosureReviews({ payload: req.payload, req, asOf, user: req.user as never })
    return Response.json({ docs, totalDocs: docs.length })
  },
}
