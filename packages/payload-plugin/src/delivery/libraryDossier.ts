import { buildDecisionDossier } from '@gongkai/core'
import type { DecisionDossier as CoreDossier } from '@gongkai/core'
import type { DecisionDossier } from '@gongkai/sdk'
import type { PayloadRequest } from 'payload'

import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { toCalendarDate } from '../utilities/calendarDate.js'
import { relationId } from '../utilities/relationIds.js'
import { isProactive } from './enqueueDeliveries.js'
import { contentIdOf } from './contentId.js'
import { renderBody } from './renderBody.js'
import { isRecord } from '../utilities/isRecord.js'

type Doc = Record<string, unknown> & { id: number | string }

const sectionTitles: Record<keyof CoreDossier['documents'], string> = {
  draftText: '决策草案全文',
  draftingExplanation: '草案说明',
  background: '决策背景',
  expertReview: '专家论证意见',
  riskAssessment: '风险评估结论',
  legalityReview: '合法性审查意见',
  result: '决策结果',
  effectEvaluation: '效果评估',
}

/** The library's limits (`DecisionDossier` in its OpenAPI document): longer texts are cut, longer lists trimmed. */
const limits = { sectionHtml: 500_000, sectionText: 200_000, comments: 500, participation: 100, participants: 200, opinions: 500, implementation: 200, notApplicableReason: 1000 }

const text = (value: unknown, max: number): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : undefined)
const optional = <K extends string, V>(key: K, value: V | undefined | null): Partial<Record<K, V>> =>
  value === undefined || value === null ? {} : ({ [key]: value } as Record<K, V>)
const option = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined)

function counts(summary: { total: number; adopted: number; partiallyAdopted: number; notAdopted: number; pending: number; text: string }) {
  const { total, adopted, partiallyAdopted, notAdopted, pending } = summary
  return { total, adopted, partiallyAdopted, notAdopted, pending, summary: summary.text.slice(0, 500) }
}

/**
 * The 决策专栏 a decision is delivered with: core's dossier of the published decision and its published
 * participation records, in the library's shape. Core leaves out every 视情况公开 section not marked 公开, and
 * the participation records carry display names and 界别 only, so nothing here is more than a reader of the
 * CMS may see. Rich text goes out as HTML and plain text rendered by Lexical's converters, as the 正文 does.
 *
 * `doc` is the published decision read with full access at depth 1 (the notice populated).
 */
export async function libraryDossierOf(args: { req: PayloadRequest; options: SanitizedGongkaiPluginOptions; doc: Doc }): Promise<DecisionDossier> {
  const { req, options, doc } = args
  const { docs: participation } = await req.payload.find({
    collection: options.slugs.participation,
    where: { and: [{ decision: { equals: doc.id } }, { _status: { equals: 'published' } }] },
    depth: 0,
    pagination: false,
    sort: 'meetingDate',
    overrideAccess: true,
    req,
  })
  const core = buildDecisionDossier({
    decision: doc,
    participation,
    calendarDay: (value) => toCalendarDate(value, options.timeZone),
  })
  const date = (value: string | null | undefined) => value ?? undefined

  const sections = (Object.keys(sectionTitles) as (keyof CoreDossier['documents'])[]).flatMap((section) => {
    const { html, text: plain } = renderBody(core.documents[section], options.delivery.publicUrl)
    if (!plain && !html) return []
    return [{ section, title: sectionTitles[section], ...(html ? { html: html.slice(0, limits.sectionHtml) } : {}), text: plain.slice(0, limits.sectionText) }]
  })

  // The 征求意见公告 is a document of its own: named only when it is public and published.
  const noticeId = relationId(doc.commentNotice)
  let notice: { noticeContentId: string; noticeTitle?: string } | undefined
  if (noticeId !== undefined) {
    const { docs } = await req.payload.find({
      collection: options.slugs.policies,
      where: { and: [{ id: { equals: noticeId } }, { _status: { equals: 'published' } }] },
      depth: 0,
      limit: 1,
      overrideAccess: true,
      req,
    })
    const published = docs[0] as Doc | undefined
    if (published && isProactive(published)) {
      notice = { noticeContentId: contentIdOf(options.slugs.policies, published.id), ...optional('noticeTitle', text(published.title, 200)) }
    }
  }
  const consultationForm = option(core.commentPeriod.form)
  const meeting = isRecord(doc.meeting) ? doc.meeting : {}
  const decisionMeeting: NonNullable<DecisionDossier['decisionMeeting']> = {
    ...optional('meetingDate', toCalendarDate(meeting.date, options.timeZone)),
    ...optional('meetingKind', option(meeting.kind) as 'executive_meeting' | undefined),
    ...optional('meetingName', text(meeting.name, 200)),
  }
  const catalogueYear = typeof doc.catalogueYear === 'number' && doc.catalogueYear >= 1949 && doc.catalogueYear <= 2199 ? doc.catalogueYear : undefined
  const catalogueNumber = doc.catalogueNumber === undefined || doc.catalogueNumber === null ? undefined : text(String(doc.catalogueNumber), 50)

  return {
    stage: core.stage.value as DecisionDossier['stage'],
    ...optional('catalogueYear', catalogueYear),
    ...optional('catalogueNumber', catalogueNumber),
    steps: core.steps.map((step) => ({
      step: step.step,
      status: step.isNotApplicable
        ? ('not_applicable' as const)
        : step.isWithheld
          ? ('withheld' as const)
          : step.isComplete
            ? ('complete' as const)
            : ('incomplete' as const),
      // 不适用理由 is public (it says why the step was not needed); the CMS field has the library's limit.
      ...optional('notApplicableReason', step.isNotApplicable ? text(step.notApplicableReason, limits.notApplicableReason) : undefined),
      ...optional('date', date(step.date)),
      ...optional('endDate', date(step.endDate)),
    })),
    sections: sections as DecisionDossier['sections'],
    ...(consultationForm
      ? {
          consultation: {
            consultationForm: consultationForm as NonNullable<DecisionDossier['consultation']>['consultationForm'],
            ...optional('startDate', date(core.commentPeriod.start)),
            ...optional('endDate', date(core.commentPeriod.end)),
            ...optional('shortenedReason', text(core.commentPeriod.shortenedReason, 2000)),
            ...notice,
          },
        }
      : {}),
    comments: {
      adoption: counts(core.comments),
      entries: core.comments.items.slice(0, limits.comments).flatMap((comment) => {
        const summary = text(comment.summary, 2000)
        const adoption = option(comment.adoption) ?? 'pending'
        return summary ? [{ summary, adoption: adoption as 'pending', ...optional('adoptionReason', text(comment.adoptionReason, 2000)) }] : []
      }),
    },
    ...optional('legalityConclusion', option(doc.legalityReviewConclusion) as DecisionDossier['legalityConclusion']),
    ...(Object.keys(decisionMeeting).length > 0 ? { decisionMeeting } : {}),
    implementation: core.implementation.slice(0, limits.implementation).flatMap((record) => {
      const content = text(record.content, 3000)
      const kind = option(record.kind)
      return record.date && content && kind ? [{ date: record.date, recordKind: kind as 'progress', content }] : []
    }),
    participation: core.participation.slice(0, limits.participation).flatMap((record) => {
      const meetingName = text(record.meetingName, 200)
      const kind = option(record.kind)
      if (!meetingName || !kind || !record.meetingDate) return []
      return [
        {
          participationKind: kind as 'meeting_attendance',
          meetingName,
          meetingDate: record.meetingDate,
          ...optional('meetingKind', option(record.meetingKind) as 'executive_meeting' | undefined),
          ...optional('selectionMethod', option(record.selectionMethod) as 'open_registration' | undefined),
          ...optional('selectionNote', text(record.selectionNote, 2000)),
          ...optional('publicSummary', text(record.publicSummary, 3000)),
          participants: record.participants.slice(0, limits.participants).flatMap((participant) => {
            const displayName = text(participant.displayName, 50)
            return displayName
              ? [
                  {
                    displayName,
                    ...optional('sector', option(participant.sector) as 'resident' | undefined),
                    ...optional('selectionMethod', option(participant.selectionMethod) as 'open_registration' | undefined),
                  },
                ]
              : []
          }),
          opinions: record.opinions.slice(0, limits.opinions).flatMap((opinion) => {
            const speaker = text(opinion.speaker, 50)
            const content = text(opinion.content, 2000)
            return speaker && content
              ? [{ speaker, content, adoption: (option(opinion.adoption) ?? 'pending') as 'pending', ...optional('adoptionReason', text(opinion.adoptionReason, 2000)) }]
              : []
          }),
          adoption: counts(record.adoption),
        },
      ]
    }),
  }
}
