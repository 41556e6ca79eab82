import { ValidationError } from 'payload'
import type { PayloadRequest } from 'payload'

import type { AgencyOwnedCollection } from '../access/documentAgencies.js'
import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { toCalendarDate } from '../utilities/calendarDate.js'
import { isBlank, relationId, relationIds } from '../utilities/relationIds.js'
import { addMonths } from './addMonths.js'
import { latestVersionId, recordAudit } from './audit.js'
import { missingElements } from './completeness.js'
import { disclosureLabel, isPublicRelease } from './disclosureRule.js'
import { assignIndexNumber } from './indexNumber.js'
import { enqueueDeliveries } from '../delivery/enqueueDeliveries.js'
import { documentLabel } from './runtime.js'
import type { WorkflowAction } from './states.js'
import { WorkflowError } from './WorkflowError.js'
import { labelAtPath } from '../rules/documentRules.js'
import { dedupeProblems, problemText } from '../rules/RuleError.js'
import type { WorkflowFieldError } from './WorkflowError.js'

export type Doc = Record<string, unknown> & { id: number | string }

/** A document a sign-off released: `published` (public) or `recorded` (已认定, not public by its 公开属性). */
export type PublishedDocument = { collection: string; id: number | string; indexNumber?: string | null; state: 'published' | 'recorded' }

/** One document of a bundle; `isPublic: false` is recorded (已认定) instead of published. */
type Member = { key: AgencyOwnedCollection; doc: Doc; isPublic: boolean }

async function policiesByIds(req: PayloadRequest, options: SanitizedGongkaiPluginOptions, ids: string[]): Promise<Doc[]> {
  if (ids.length === 0) return []
  const { docs } = await req.payload.find({ collection: options.slugs.policies, where: { id: { in: ids } }, depth: 0, pagination: false, overrideAccess: true, req })
  return docs as unknown as Doc[]
}

/** Latest versions of the interpretations of a policy. */
export async function interpretationsOf(req: PayloadRequest, options: SanitizedGongkaiPluginOptions, policyId: number | string): Promise<Doc[]> {
  const { docs } = await req.payload.find({
    collection: options.slugs.interpretations,
    where: { policies: { equals: policyId } },
    draft: true,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs as unknown as Doc[]
}

export function isApprovedForRelease(doc: Doc): boolean {
  return doc.workflowState === 'approved' || doc.workflowState === 'scheduled'
}

/**
 * The documents a publication releases together (三同步): a policy with its approved interpretations. An
 * interpretation goes out on its own only when every policy it interprets is already published.
 */
export async function bundleOf(args: { req: PayloadRequest; options: SanitizedGongkaiPluginOptions; key: AgencyOwnedCollection; doc: Doc }): Promise<Member[]> {
  const { req, options, key, doc } = args
  const label = documentLabel(key, doc)
  if (key === 'policies') {
    const interpretations = await interpretationsOf(req, options, doc.id)
    const approved = interpretations.filter(isApprovedForRelease)
    const alreadyPublished = interpretations.filter((interpretation) => interpretation.workflowState === 'published')
    if (doc.needsInterpretation === true && approved.length === 0 && alreadyPublished.length === 0) {
      throw new WorkflowError(
        `${label}需要政策解读，不能发布：三同步要求至少一篇关联的政策解读审核通过后与文件同步发布`,
        409,
        'interpretations',
      )
    }
    const isPolicyPublic = isPublicRelease({ key, doc })
    // An interpretation goes public only with a public policy and when no other policy it explains is non-public.
    const otherPolicies = await policiesByIds(req, options, [...new Set(approved.flatMap((interpretation) => relationIds(interpretation.policies)))].filter((id) => id !== String(doc.id)))
    return [
      { key, doc, isPublic: isPolicyPublic },
      ...approved.map((interpretation) => ({
        key: 'interpretations' as const,
        doc: interpretation,
        isPublic: isPolicyPublic && isPublicRelease({ key: 'interpretations', doc: interpretation, policies: otherPolicies.filter((policy) => relationIds(interpretation.policies).includes(String(policy.id))) }),
      })),
    ]
  }
  if (key === 'interpretations') {
    const policyIds = relationIds(doc.policies)
    if (policyIds.length > 0) {
      const policies = await policiesByIds(req, options, policyIds)
      const unpublished = policies.filter((policy) => (policy._status !== 'published' || policy.workflowState === 'withdrawn') && policy.workflowState !== 'recorded')
      const first = unpublished[0]
      if (first) {
        throw new WorkflowError(
          `${label}不能单独发布：其解读的政策文件“${String(first.title)}”尚未发布，解读须在签发该文件时一并发布（三同步）`,
          409,
          'policies',
        )
      }
      // Explaining a policy that is not public would disclose it: the interpretation is recorded, not published.
      return [{ key, doc, isPublic: isPublicRelease({ key, doc, policies }) }]
    }
  }
  return [{ key, doc, isPublic: true }]
}

/**
 * Checks 要素齐全 for every document of a bundle (with the values the publication will set) and throws one
 * error listing everything that is missing, document by document.
 */
export async function assertComplete(args: {
  req: PayloadRequest
  options: SanitizedGongkaiPluginOptions
  members: { key: AgencyOwnedCollection; doc: Record<string, unknown> }[]
}): Promise<void> {
  const errors: WorkflowFieldError[] = []
  const lines: string[] = []
  for (const member of args.members) {
    const missing = await missingElements({ req: args.req, options: args.options, collection: member.key, doc: member.doc })
    if (missing.length === 0) continue
    lines.push(`${documentLabel(member.key, member.doc)}：${missing.map((error) => error.message).join('；')}`)
    const prefix = member === args.members[0] ? '' : `${args.options.slugs[member.key]}.${String(member.doc.id)}.`
    errors.push(...missing.map((error) => ({ path: `${prefix}${error.path}`, message: error.message })))
  }
  if (errors.length > 0) throw new WorkflowError(`要素不齐全，不能发布。${lines.join('。')}`, 400, errors)
}

/**
 * What recording (已认定) sets on a document that is not public: it stays a draft to Payload (so no read path
 * serves it to the public), keeps or gets its 索引号, and a policy gets its next 公开属性 review date counted from
 * its 发布日期 on the first sign-off (from the sign-off when it has none) and from the sign-off on every later one.
 */
function recordData(args: { member: Member; options: SanitizedGongkaiPluginOptions; userId: number | string | null; publishAt: string; forceReason: string | null }): Record<string, unknown> {
  const { member, options, userId, publishAt } = args
  const previous = (member.doc.workflow ?? {}) as Record<string, unknown>
  const data: Record<string, unknown> = {
    _status: 'draft',
    workflowState: 'recorded',
    workflow: { ...previous, recordedBy: userId, recordedAt: publishAt, forcePublishReason: args.forceReason, scheduledFor: null, scheduledJobId: null },
  }
  if (member.key === 'policies') {
    // Signed off again after a 公开属性 review (unchanged): the next review counts from this sign-off.
    const since = previous.recordedAt || isBlank(member.doc.publishDate) ? publishAt : (member.doc.publishDate as string)
    data.nextDisclosureReviewDate = addMonths(since, options.disclosureReviewIntervalMonths, options.timeZone)
  }
  return data
}

/** The values a publication sets on a document, before 索引号 assignment. */
function publicationData(args: {
  member: Member
  options: SanitizedGongkaiPluginOptions
  userId: number | string | null
  publishAt: string
  forceReason: string | null
}): Record<string, unknown> {
  const { member, options, userId, publishAt } = args
  if (!member.isPublic) return recordData(args)
  const previous = (member.doc.workflow ?? {}) as Record<string, unknown>
  const data: Record<string, unknown> = {
    _status: 'published',
    workflowState: 'published',
    workflow: {
      ...previous,
      publishedBy: userId,
      publishedAt: publishAt,
      firstPublishedAt: previous.firstPublishedAt ?? publishAt,
      forcePublishReason: args.forceReason,
      scheduledFor: null,
      scheduledJobId: null,
    },
  }
  if (member.key === 'policies') {
    const doc = member.doc
    const publishDate = isBlank(doc.publishDate) ? publishAt : (doc.publishDate as string)
    if (isBlank(doc.publishDate)) data.publishDate = publishAt
    data.nextDisclosureReviewDate =
      doc.disclosure === 'proactive' ? null : addMonths(publishDate, options.disclosureReviewIntervalMonths, options.timeZone)
    const history = Array.isArray(doc.validityHistory) ? (doc.validityHistory as Record<string, unknown>[]) : []
    const last = history[history.length - 1]
    if (!last || last.validity !== doc.validity) {
      data.validityHistory = [
        ...history,
        {
          validity: doc.validity,
          effectiveDate: isBlank(doc.expiryDate) ? publishDate : doc.expiryDate,
          supersededBy: relationId(doc.supersededBy) ?? null,
          recordedAt: publishAt,
          recordedBy: userId,
        },
      ]
    }
  }
  return data
}

/**
 * Publishes a document and the rest of its bundle in the request's transaction: checks 要素齐全 for all,
 * assigns the policy's 索引号 on its first sign-off, records (已认定, not public) what its 公开属性 keeps from the
 * public (`disclosureRule`), saves each approved version as published and writes
 * the audit entries. Any failure rolls back all of it, the 索引号 serial included.
 */
export async function publishBundle(args: {
  req: PayloadRequest
  options: SanitizedGongkaiPluginOptions
  key: AgencyOwnedCollection
  doc: Doc
  user: { id?: number | string; email?: unknown } | null | undefined
  action: Extract<WorkflowAction, 'publish' | 'force-publish' | 'schedule'>
  reason?: string | null
  publishAt?: string
  /** Check and return the bundle without saving (used when scheduling). */
  isDryRun?: boolean
}): Promise<PublishedDocument[]> {
  const { req, options } = args
  const publishAt = args.publishAt ?? new Date().toISOString()
  const userId = args.user?.id ?? null
  const members = await bundleOf({ req, options, key: args.key, doc: args.doc })
  const planned = members.map((member, index) => ({
    member,
    data: publicationData({
      member,
      options,
      userId,
      publishAt,
      forceReason: index === 0 && args.action === 'force-publish' ? (args.reason ?? null) : null,
    }),
  }))
  // A recorded policy has no 发布日期; its sign-off date stands in for it (索引号 year, completeness).
  const dateOf = ({ member, data }: (typeof planned)[number]) => (member.isPublic ? (data.publishDate ?? member.doc.publishDate) : isBlank(member.doc.publishDate) ? publishAt : member.doc.publishDate)
  await assertComplete({ req, options, members: planned.map((entry) => ({ key: entry.member.key, doc: { ...entry.member.doc, ...entry.data, publishDate: dateOf(entry) } })) })
  const stateOf = (member: Member) => (member.isPublic ? ('published' as const) : ('recorded' as const))
  if (args.isDryRun) return planned.map(({ member }) => ({ collection: options.slugs[member.key], id: member.doc.id, state: stateOf(member) }))

  const published: PublishedDocument[] = []
  for (const [index, entry] of planned.entries()) {
    const { member, data } = entry
    const slug = options.slugs[member.key]
    const label = documentLabel(member.key, member.doc)
    if (member.key === 'policies' && isBlank(member.doc.indexNumber)) {
      const agency = await req.payload.findByID({
        collection: options.slugs.agencies,
        id: relationId(member.doc.issuingAgency) as string,
        depth: 0,
        overrideAccess: true,
        req,
      })
      data.indexNumber = await assignIndexNumber({
        req,
        countersSlug: options.slugs.indexCounters,
        organizationCode: String(agency.organizationCode ?? ''),
        publishDate: dateOf(entry),
        timeZone: options.timeZone,
        format: options.indexNumberFormat,
        documentLabel: label,
      })
    }
    const saved = await req.payload
      .update({ collection: slug, id: member.doc.id, data, draft: false, depth: 0, overrideAccess: true, req })
      .catch((error: unknown) => {
        // The failed save has rolled the whole transaction back (every document of the bundle, the 索引号 serial);
        // say which document of the bundle failed and why, in the field rules' own Chinese words.
        if (error instanceof ValidationError) {
          const fields = req.payload.collections[slug]?.config.fields ?? []
          const problems = dedupeProblems(error.data.errors.map((fieldError) => ({ path: fieldError.path, label: labelAtPath(fields, fieldError.path, req), message: fieldError.message })))
          const others = planned.length > 1 ? `，同批${planned.length}份文件均未发布` : ''
          const verb = member.isPublic ? '发布' : '签发认定'
          throw new WorkflowError(`${label}未能${verb}${others}：${problems.map((problem) => problemText(problem, req)).join('；')}`, 400, problems.map(({ path, message }) => ({ path, message })))
        }
        throw error
      })
    const isMain = index === 0
    await recordAudit({
      payload: req.payload,
      req,
      action: isMain ? (args.action === 'schedule' ? 'publish' : args.action) : 'publish',
      collection: slug,
      documentId: member.doc.id,
      versionId: await latestVersionId(req, slug, member.doc.id),
      documentTitle: String(member.doc.title ?? member.doc.meetingName ?? ''),
      user: args.user,
      fromState: String(member.doc.workflowState ?? 'draft'),
      toState: stateOf(member),
      reason: isMain ? (args.reason ?? null) : null,
      details: {
        ...(saved.indexNumber ? { indexNumber: saved.indexNumber } : {}),
        ...(member.isPublic ? {} : { notPublic: member.key === 'policies' ? `公开属性为“${disclosureLabel(member.doc.disclosure)}”` : '所解读的政策文件不公开' }),
        ...(isMain ? { bundle: planned.slice(1).map(({ member: other }) => ({ collection: options.slugs[other.key], id: other.doc.id })) } : { publishedWith: { collection: options.slugs[args.key], id: args.doc.id } }),
        ...(args.action === 'schedule' ? { scheduled: true } : {}),
      },
    })
    published.push({ collection: slug, id: member.doc.id, indexNumber: (saved.indexNumber as string | undefined) ?? null, state: stateOf(member) })
  }
  // The outbox: deliveries to the library and channels commit (or roll back) with the publication.
  await enqueueDeliveries({ req, action: 'publish', documents: published })
  return published
}

/** Calendar day in the options' time zone, for messages. */
export function dayOf(value: unknown, options: SanitizedGongkaiPluginOptions): string {
  return toCalendarDate(value, options.timeZone) ?? ''
}
