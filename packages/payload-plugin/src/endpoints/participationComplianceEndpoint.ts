import { labelOf, meetingKinds, participationCompliance, summarizeAdoption } from '@gongkai/core'
import { APIError } from 'payload'
import type { Endpoint, PayloadRequest } from 'payload'

import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { toCalendarDate } from '../utilities/calendarDate.js'
import { relationId } from '../utilities/relationIds.js'
import { message } from '../translations/message.js'

type Doc = Record<string, unknown>

function badRequest(path: string, message: string): APIError {
  return new APIError(message, 400, { errors: [{ path, message }] }, true)
}

/** The agency and every agency under it (a 区政府 and its departments): the government level whose meetings count. */
async function agencyAndDescendants(req: PayloadRequest, agenciesSlug: string, rootId: number | string): Promise<(number | string)[]> {
  const { docs } = await req.payload.find({ collection: agenciesSlug, depth: 0, pagination: false, select: { parent: true }, overrideAccess: true, req })
  const childrenOf = new Map<string, (number | string)[]>()
  for (const agency of docs as Doc[]) {
    const parent = relationId(agency.parent)
    if (parent === undefined) continue
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), agency.id as number | string])
  }
  const found: (number | string)[] = []
  const seen = new Set<string>()
  const queue: (number | string)[] = [rootId]
  while (queue.length > 0) {
    const id = queue.shift() as number | string
    if (seen.has(String(id))) continue
    seen.add(String(id))
    found.push(id)
    queue.push(...(childrenOf.get(String(id)) ?? []))
  }
  return found
}

/**
 * `GET /api/gongkai/participation-compliance?year=2026&agency=<id>` — 公众参与 compliance of one government level
 * for one year (Wuqing 2022 work plan point 19): the decision meetings of a counted kind (`countedMeetingKinds`)
 * that public representatives attended, from published 列席会议 records of the agency and the agencies under it,
 * counted once per meeting (same day and name), against `participationTarget`. Public: it reads only what is
 * published, as the requesting user may read it.
 */
export function participationComplianceEndpoint(options: SanitizedGongkaiPluginOptions): Endpoint {
  return {
    path: '/gongkai/participation-compliance',
    method: 'get',
    handler: async (req) => {
      const yearText = typeof req.query?.year === 'string' ? req.query.year : ''
      if (!/^\d{4}$/.test(yearText) || Number(yearText) < 2000 || Number(yearText) > 2100) {
        throw badRequest('year', message(req, 'complianceYearInvalid', { value: yearText.slice(0, 20) }))
      }
      const year = Number(yearText)
      const agencyText = typeof req.query?.agency === 'string' ? req.query.agency : ''
      if (!/^\d{1,15}$/.test(agencyText) && !/^[0-9a-f]{24}$/i.test(agencyText)) {
        throw badRequest('agency', message(req, 'complianceAgencyInvalid', { value: agencyText.slice(0, 40) }))
      }
      const agencyId = /^\d+$/.test(agencyText) ? Number(agencyText) : agencyText
      const agency = (await req.payload.findByID({ collection: options.slugs.agencies, id: agencyId, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null
      if (!agency) {
        const text = message(req, 'agencyNotFound', { id: agencyText })
        throw new APIError(text, 404, { errors: [{ path: 'agency', message: text }] }, true)
      }
      const agencies = await agencyAndDescendants(req, options.slugs.agencies, agencyId)

      // A day either side of the year, then the exact calendar year in the deployment's time zone.
      const { docs } = await req.payload.find({
        collection: options.slugs.participation,
        where: {
          and: [
            { _status: { equals: 'published' } },
            { kind: { equals: 'meeting_attendance' } },
            { agency: { in: agencies } },
            { meetingDate: { greater_than_equal: `${year - 1}-12-31T00:00:00.000Z` } },
            { meetingDate: { less_than: `${year + 1}-01-02T00:00:00.000Z` } },
          ],
        },
        depth: 0,
        pagination: false,
        sort: 'meetingDate',
        overrideAccess: false,
        user: req.user,
        req,
      })
      const records = (docs as Doc[]).filter((record) => toCalendarDate(record.meetingDate, options.timeZone)?.startsWith(`${year}-`))

      const decisionIds = [...new Set(records.map((record) => relationId(record.decision)).filter((id): id is string => id !== undefined))]
      const decisions =
        decisionIds.length === 0
          ? []
          : ((
              await req.payload.find({
                collection: options.slugs.decisions,
                where: { id: { in: decisionIds } },
                depth: 0,
                pagination: false,
                select: { title: true },
                overrideAccess: false,
                user: req.user,
                req,
              })
            ).docs as Doc[])
      const titleOf = new Map(decisions.map((decision) => [String(decision.id), String(decision.title)]))

      type Meeting = { date: string; name: string; kind: string | null; participantCount: number; opinions: unknown[]; records: { id: unknown; decision: { id: unknown; title: string } | null }[] }
      const meetings = new Map<string, Meeting>()
      for (const record of records) {
        const date = toCalendarDate(record.meetingDate, options.timeZone) as string
        const name = String(record.meetingName ?? '')
        const key = `${date}\u0000${name}`
        const meeting = meetings.get(key) ?? { date, name, kind: typeof record.meetingKind === 'string' ? record.meetingKind : null, participantCount: 0, opinions: [], records: [] }
        const participants = Array.isArray(record.participants) ? record.participants.length : 0
        meeting.participantCount = Math.max(meeting.participantCount, participants)
        meeting.opinions.push(...(Array.isArray(record.opinions) ? (record.opinions as Doc[]).map((opinion) => opinion.adoption) : []))
        const decisionId = relationId(record.decision)
        meeting.records.push({ id: record.id, decision: decisionId !== undefined && titleOf.has(decisionId) ? { id: record.decision, title: titleOf.get(decisionId) as string } : null })
        meetings.set(key, meeting)
      }
      const list = [...meetings.values()]
      const compliance = participationCompliance({
        records: list.map((meeting) => ({ meetingKind: meeting.kind, participantCount: meeting.participantCount })),
        target: options.participationTarget,
        countedKinds: options.countedMeetingKinds,
      })
      return Response.json({
        year,
        agency: { id: agency.id, name: agency.name },
        ...compliance,
        countedMeetingKinds: options.countedMeetingKinds.map((kind) => ({ value: kind, label: labelOf(meetingKinds, kind) })),
        meetings: list.map((meeting) => {
          const summary = summarizeAdoption(meeting.opinions, '列席人员意见')
          return {
            date: meeting.date,
            name: meeting.name,
            kind: meeting.kind,
            kindLabel: meeting.kind ? labelOf(meetingKinds, meeting.kind) : null,
            isCounted: meeting.participantCount > 0 && meeting.kind !== null && options.countedMeetingKinds.includes(meeting.kind as never),
            participantCount: meeting.participantCount,
            opinionCount: summary.total,
            adoptionSummary: summary.text,
            records: meeting.records,
          }
        }),
      })
    },
  }
}
