import { ValidationError } from 'payload'
import type { PayloadRequest } from 'payload'

import type { AgencyOwnedCollection } from '../access/documentAgencies.js'
import { enqueueDeliveries } from '../delivery/enqueueDeliveries.js'
import { latestVersionId, recordAudit } from '../audit/audit.js'
import type { WorkflowRecord } from '../infrastructure/documents.js'
import { documentLabel } from '../infrastructure/runtime.js'
import { WorkflowError } from '../infrastructure/WorkflowError.js'
import { message, separatorOf } from '../translations/message.js'
import { assertComplete } from '../rules/completeness.js'
import { nextDisclosureReviewDate } from '../rules/disclosureReview.js'
import { disclosureLabel } from '../rules/disclosureRule.js'
import { assignIndexNumber } from '../rules/indexNumber.js'
import { releaseBundleOf } from '../rules/threeSync.js'
import type { BundleMember, Doc } from '../rules/threeSync.js'
import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { isBlank, relationId } from '../utilities/relationIds.js'
import type { WorkflowAction } from './states.js'
import { labelAtPath } from '../rules/documentRules.js'
import { dedupeProblems, problemText } from '../infrastructure/RuleError.js'

export type { Doc }

/** A document a sign-off released: `published` (public) or `recorded` (已认定, not public by its 公开属性). */
export type PublishedDocument = { collection: string; id: number | string; indexNumber?: string | null; state: 'published' | 'recorded' }

/**
 * What recording (已认定) sets on a document that is not public: it stays a draft to Payload (so no read path
 * serves it to the public), keeps or gets its 索引号, and a policy gets its next 公开属性 review date counted from
 * its 发布日期 on the first sign-off (from the sign-off when it has none) and from the sign-off on every later one.
 */
function recordData(args: { member: BundleMember; options: SanitizedGongkaiPluginOptions; userId: number | string | null; publishAt: string; forceReason: string | null }): Record<string, unknown> {
  const { member, options, userId, publishAt } = args
  const previous: WorkflowRecord = member.doc.workflow ?? {}
  const data: Record<string, unknown> = {
    _status: 'draft',
    workflowState: 'recorded',
    workflow: { ...previous, recordedBy: userId, recordedAt: publishAt, forcePublishReason: args.forceReason, scheduledFor: null, scheduledJobId: null },
  }
  if (member.key === 'policies') {
    // Signed off again after a 公开属性 review (unchanged): the next review counts from this sign-off.
    const since = previous.recordedAt || isBlank(member.doc.publishDate) ? publishAt : (member.doc.publishDate as string)
    data.nextDisclosureReviewDate = nextDisclosureReviewDate({ disclosure: member.doc.disclosure, since, options })
  }
  return data
}

/** The values a publication sets on a document, before 索引号 assignment. */
function publicationData(args: {
  member: BundleMember
  options: SanitizedGongkaiPluginOptions
  userId: number | string | null
  publishAt: string
  forceReason: string | null
}): Record<string, unknown> {
  const { member, options, userId, publishAt } = args
  if (!member.isPublic) return recordData(args)
  const previous: WorkflowRecord = member.doc.workflow ?? {}
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
    data.nextDisclosureReviewDate = nextDisclosureReviewDate({ disclosure: doc.disclosure, since: publishDate, options })
    const history = doc.validityHistory ?? []
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
  const members = await releaseBundleOf({ req, options, key: args.key, doc: args.doc })
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
  const stateOf = (member: BundleMember) => (member.isPublic ? ('published' as const) : ('recorded' as const))
  if (args.isDryRun) return planned.map(({ member }) => ({ collection: options.slugs[member.key], id: member.doc.id, state: stateOf(member) }))

  const published: PublishedDocument[] = []
  for (const [index, entry] of planned.entries()) {
    const { member, data } = entry
    const slug = options.slugs[member.key]
    const label = documentLabel(member.key, member.doc, req)
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
          const text = message(req, member.isPublic ? 'releaseFailed_publish' : 'releaseFailed_record', {
            document: label,
            others: planned.length > 1 ? message(req, 'releaseFailedBundle', { count: planned.length }) : '',
            problems: problems.map((problem) => problemText(problem, req)).join(separatorOf(req)),
          })
          throw new WorkflowError(text, 400, problems.map(({ path, message: problemMessage }) => ({ path, message: problemMessage })))
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
