import { buildDecisionDossier } from '@gongkai/core'
import { APIError } from 'payload'
import type { Endpoint } from 'payload'

import type { SanitizedGongkaiPluginOptions } from '../../types.js'
import { message } from '../../translations/message.js'
import { toCalendarDate } from '../../utilities/calendarDate.js'
import { isRecord } from '../../utilities/isRecord.js'

/**
 * `GET /api/decisions/:id/dossier` — the decision's 专栏 as one structured document (core's `DecisionDossier`):
 * the statutory steps with their dates, the documents, comment statistics and adoption, the implementation records
 * and the published participation records. Read as the requesting user may read them (anonymous: the published
 * decision only), and sections not marked 公开 are left out for everyone.
 */
export function decisionDossierEndpoint(options: SanitizedGongkaiPluginOptions): Endpoint {
  return {
    path: '/:id/dossier',
    method: 'get',
    handler: async (req) => {
      const id = String(req.routeParams?.id ?? '')
      const notFound = () => {
        const text = message(req, 'decisionNotFound', { id: id.slice(0, 40) })
        return new APIError(text, 404, { errors: [{ path: 'id', message: text }] }, true)
      }
      if (!/^\d{1,15}$/.test(id) && !/^[0-9a-f]{24}$/i.test(id)) throw notFound()
      const decision = await req.payload
        .findByID({ collection: options.slugs.decisions, id: /^\d+$/.test(id) ? Number(id) : id, depth: 1, overrideAccess: false, user: req.user, req })
        .catch(() => null)
      if (!decision) throw notFound()
      const { docs: participation } = await req.payload.find({
        collection: options.slugs.participation,
        where: { and: [{ decision: { equals: decision.id } }, { _status: { equals: 'published' } }] },
        depth: 0,
        pagination: false,
        sort: 'meetingDate',
        overrideAccess: false,
        user: req.user,
        req,
      })
      const dossier = buildDecisionDossier({
        decision,
        participation,
        calendarDay: (value) => toCalendarDate(value, options.timeZone),
      })
      const notice: unknown = decision.commentNotice
      dossier.commentPeriod.notice = isRecord(notice) ? { id: notice.id, title: notice.title, indexNumber: notice.indexNumber ?? null } : null
      return Response.json(dossier)
    },
  }
}
