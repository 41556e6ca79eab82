import { ValidationError } from 'payload'
import type { PayloadRequest } from 'payload'

import type { AgencyOwnedCollection } from '../access/documentAgencies.js'
import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { toCalendarDate } from '../utilities/calendarDate.js'
import { isBlank, relationId, relationIds } from '../utilities/relationIds.js'
import { addMonths } from './addMonths.js'
import { latestVersionId, recordAudit } from './audit.js'
import { missingElements } from './completeness.js'
import { assignIndexNumber } from './indexNumber.js'
import { enqueueDeliveries } from '../delivery/enqueueDeliveries.js'
import { documentLabel } from './runtime.js'
import type { WorkflowAction } from './states.js'
import { WorkflowError } from './WorkflowError.js'
import type { WorkflowFieldError } from './WorkflowError.js'

export type Doc = Record<string, unknown> & { id: number | string }

export type PublishedDocument = { collection: string; id: number | string; indexNumber?: string | null }

type Member = { key: AgencyOwnedCollection; doc: Doc }

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
    return [{ key, doc }, ...approved.map((interpretation) => ({ key: 'interpretations' as const, doc: interpretation }))]
  }
  if (key === 'interpretations') {
    const policyIds = relationIds(doc.policies)
    if (policyIds.length > 0) {
      const { docs: policies } = await req.payload.find({
        collection: options.slugs.policies,
        where: { id: { in: policyIds } },
        depth: 0,
        pagination: false,
        overrideAccess: true,
        req,
      })
      const unpublished = policies.filter((policy) => policy._status !== 'published' || policy.workflowState === 'withdrawn')
      const first = unpublished[0]
      if (first) {
        throw new WorkflowError(
          `${label}不能单独发布：其解读的政策文件“${String(first.title)}”尚未发布，解读须在签发该文件时一并发布（三同步）`,
          409,
          'policies',
        )
      }
    }
  }
  return [{ key, doc }]
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

/** The values a publication sets on a document, before 索引号 assignment. */
function publicationData(args: {
  member: Member
  options: SanitizedGongkaiPluginOptions
  userId: number | string | null
  publishAt: string
  forceReason: string | null
}): Record<string, unknown> {
  const { member, options, userId, publishAt } = args
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
 * assigns the policy's 索引号 on its first publication, saves each approved version as published and writes
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
  await assertComplete({ req, options, members: planned.map(({ member, data }) => ({ key: member.key, doc: { ...member.doc, ...data } })) })
  if (args.isDryRun) return planned.map(({ member }) => ({ collection: options.slugs[member.key], id: member.doc.id }))

  const published: PublishedDocument[] = []
  for (const [index, { member, data }] of planned.entries()) {
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
        publishDate: data.publishDate ?? member.doc.publishDate,
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
          const errors = error.data.errors.map((fieldError) => ({ path: fieldError.path, message: fieldError.message }))
          const others = planned.length > 1 ? `，同批${planned.length}份文件均未发布` : ''
          throw new WorkflowError(`${label}未能发布${others}：${errors.map((fieldError) => `${fieldError.path}：${fieldError.message}`).join('；')}`, 400, errors)
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
      toState: 'published',
      reason: isMain ? (args.reason ?? null) : null,
      details: {
        ...(saved.indexNumber ? { indexNumber: saved.indexNumber } : {}),
        ...(isMain ? { bundle: planned.slice(1).map(({ member: other }) => ({ collection: options.slugs[other.key], id: other.doc.id })) } : { publishedWith: { collection: options.slugs[args.key], id: args.doc.id } }),
        ...(args.action === 'schedule' ? { scheduled: true } : {}),
      },
    })
    published.push({ collection: slug, id: member.doc.id, indexNumber: (saved.indexNumber as string | undefined) ?? null })
  }
  // The outbox: deliveries to the library and channels commit (or roll back) with the publication.
  await enqueueDeliveries({ req, action: 'publish', documents: published })
  return published
}

/** Calendar day in the options' time zone, for messages. */
export function dayOf(value: unknown, options: SanitizedGongkaiPluginOptions): string {
  return toCalendarDate(value, options.timeZone) ?? ''
}
