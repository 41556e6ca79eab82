import type { Payload, PayloadRequest } from 'payload'

import { gongkaiOptionsOf } from '../infrastructure/runtime.js'
import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { addMonths } from '../utilities/addMonths.js'
import { isBlank } from '../utilities/relationIds.js'

export type DueDisclosureReview = {
  id: number | string
  title: string
  indexNumber: string | null
  disclosure: string
  nonDisclosureReason: string | null
  nextDisclosureReviewDate: string
}

/**
 * 公开属性复审: signed-off (已认定) policies that are 依申请公开 or 不予公开 whose `nextDisclosureReviewDate` has come
 * (on or before `asOf`, default now), oldest first. Turning one 主动公开 is an ordinary edit that goes through
 * submit → approve → publish; publishing it clears the date, publishing it unchanged sets the next one.
 */
export async function dueDisclosureReviews(args: {
  payload: Payload
  req?: PayloadRequest
  asOf?: Date
  /** Read as this user (access applies); omit for a trusted call. */
  user?: Record<string, unknown> | null
}): Promise<DueDisclosureReview[]> {
  const options = gongkaiOptionsOf(args.payload)
  const { docs } = await args.payload.find({
    collection: options.slugs.policies,
    where: {
      and: [
        { nextDisclosureReviewDate: { less_than_equal: (args.asOf ?? new Date()).toISOString() } },
        { disclosure: { not_equals: 'proactive' } },
        // 已认定 (recorded) since the sign-off rule; published, for documents signed off before it.
        { or: [{ workflowState: { equals: 'recorded' } }, { _status: { equals: 'published' } }] },
      ],
    },
    sort: 'nextDisclosureReviewDate',
    depth: 0,
    pagination: false,
    ...(args.user === undefined ? { overrideAccess: true } : { overrideAccess: false, user: args.user as never }),
    req: args.req,
  })
  return docs.map((doc) => ({
    id: doc.id,
    title: String(doc.title),
    indexNumber: (doc.indexNumber as string | null | undefined) ?? null,
    disclosure: String(doc.disclosure),
    nonDisclosureReason: (doc.nonDisclosureReason as string | null | undefined) ?? null,
    nextDisclosureReviewDate: String(doc.nextDisclosureReviewDate),
  }))
}

/**
 * 公开属性复审 date of a policy signed off (or imported) with `disclosure`: `disclosureReviewIntervalMonths` after
 * `since` (its 发布日期, or the sign-off), in the options' time zone; none for 主动公开, or without a 公开属性 or a date.
 */
export function nextDisclosureReviewDate({ disclosure, since, options }: { disclosure: unknown; since: unknown; options: SanitizedGongkaiPluginOptions }): string | null {
  if (disclosure === 'proactive' || isBlank(disclosure) || isBlank(since)) return null
  return addMonths(since as string, options.disclosureReviewIntervalMonths, options.timeZone)
}
