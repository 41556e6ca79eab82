import type { DocumentKind } from '@gongkai/core'
import type { DocumentInput } from '@gongkai/sdk'
import type { ChannelDocument } from '@gongkai/sdk/channels'
import type { PayloadRequest } from 'payload'

import type { AgencyOwnedCollection } from '../access/documentAgencies.js'
import type { DeliveredCollection, SanitizedGongkaiPluginOptions } from '../types.js'
import { toCalendarDate } from '../utilities/calendarDate.js'
import { relationId, relationIds } from '../utilities/relationIds.js'
import { contentIdOf } from './contentId.js'
import { libraryDossierOf } from './libraryDossier.js'
import { absoluteUrl, renderBody } from './renderBody.js'
import { isRecord } from '../utilities/isRecord.js'

type Doc = Record<string, unknown> & { id: number | string }

export { contentIdOf } from './contentId.js'

/** The library's 文件类别 (core's `documentKinds`) of each delivered collection. */
const libraryKinds: Partial<Record<AgencyOwnedCollection, DocumentKind>> = {
  policies: 'policy',
  interpretations: 'interpretation',
  decisions: 'decision',
} satisfies Record<DeliveredCollection, DocumentKind>

export function libraryKindOf(key: AgencyOwnedCollection): DocumentInput['kind'] | undefined {
  return libraryKinds[key]
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

function asDoc(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined
}

/** The body field of a kind: 正文, or for a decision its 决策结果 (else its draft). */
function bodyOf(key: AgencyOwnedCollection, doc: Doc): unknown {
  if (key === 'decisions') return doc.result ?? doc.draftText
  return doc.body
}

/** Content ids of the published, 主动公开 documents of `collection` among `ids`. */
async function publicContentIds(req: PayloadRequest, collection: string, where: Record<string, unknown>): Promise<string[]> {
  const { docs } = await req.payload.find({
    collection,
    where: { and: [where, { _status: { equals: 'published' } }] } as never,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs
    .filter((doc) => doc.disclosure === undefined || doc.disclosure === null || doc.disclosure === 'proactive')
    .map((doc) => contentIdOf(collection, doc.id))
}

/**
 * Related documents (三同步 both ways): a policy names its interpretations and the decisions it results
 * from; an interpretation names the policies it explains; a decision names its resulting policies. Only
 * documents that are public themselves are named.
 */
export async function linksOf(args: { req: PayloadRequest; options: SanitizedGongkaiPluginOptions; key: AgencyOwnedCollection; doc: Doc }): Promise<NonNullable<DocumentInput['links']>> {
  const { req, options, key, doc } = args
  const { slugs } = options
  const links: NonNullable<DocumentInput['links']> = {}
  if (key === 'policies') {
    const interpretations = await publicContentIds(req, slugs.interpretations, { policies: { equals: doc.id } })
    const decisions = await publicContentIds(req, slugs.decisions, { resultingPolicies: { equals: doc.id } })
    const supersedes = relationIds(doc.supersedes)
    const supersededBy = relationId(doc.supersededBy)
    if (interpretations.length > 0) links.interpretations = interpretations
    if (decisions.length > 0) links.decisions = decisions
    if (supersedes.length > 0) links.supersedes = await publicContentIds(req, slugs.policies, { id: { in: supersedes } })
    if (supersededBy !== undefined) links.supersededBy = await publicContentIds(req, slugs.policies, { id: { equals: supersededBy } })
  } else if (key === 'interpretations') {
    const policies = relationIds(doc.policies)
    if (policies.length > 0) links.interprets = await publicContentIds(req, slugs.policies, { id: { in: policies } })
  } else if (key === 'decisions') {
    const policies = relationIds(doc.resultingPolicies)
    if (policies.length > 0) links.resultingPolicies = await publicContentIds(req, slugs.policies, { id: { in: policies } })
  }
  for (const name of Object.keys(links) as (keyof typeof links)[]) if (links[name]?.length === 0) delete links[name]
  return links
}

export type OutgoingDocument = {
  contentId: string
  /** What the library receives, without `version`/`previousVersion`. */
  library: Omit<DocumentInput, 'version' | 'previousVersion'> | undefined
  /** What a channel receives. */
  channel: ChannelDocument
}

/**
 * What goes out for a published document: an explicit list of public fields (nothing else of the document
 * is ever read into it, so fields an agency keeps internal — 不予公开理由, 保密审查, workflow data, notes —
 * cannot leave), with the 正文 rendered by Lexical's converters and every URL absolute.
 *
 * `doc` is read at depth 1 (topic, agency and attachments populated).
 */
export async function outgoingDocument(args: {
  req: PayloadRequest
  options: SanitizedGongkaiPluginOptions
  key: AgencyOwnedCollection
  doc: Doc
  libraryAgencyId: string | undefined
  /** The library's ids of the 联合发文机关 (co-issuers), after the lead in `issuers`. */
  jointIssuerIds?: readonly string[]
  version: number
}): Promise<OutgoingDocument> {
  const { req, options, key, doc } = args
  const { delivery, timeZone } = options
  const slug = options.slugs[key]
  const contentId = contentIdOf(slug, doc.id)
  const { html, text: bodyText } = renderBody(bodyOf(key, doc), delivery.publicUrl)
  const workflow = asDoc(doc.workflow) ?? {}
  const publishedAt = toCalendarDate(doc.publishDate ?? workflow.publishedAt ?? doc.updatedAt, timeZone) ?? toCalendarDate(new Date().toISOString(), timeZone)!
  const url = delivery.documentUrl({ collection: slug, id: doc.id, publicUrl: delivery.publicUrl, doc })
  const title = text(doc.title) ?? `#${String(doc.id)}`
  const summary = text(doc.summary)
  const attachments = (Array.isArray(doc.attachments) ? doc.attachments : [])
    .map(asDoc)
    .filter((file): file is Record<string, unknown> => Boolean(file && typeof file.url === 'string'))
    .map((file) => ({
      title: (text(file.title) ?? text(file.filename) ?? '附件').slice(0, 200),
      url: absoluteUrl(String(file.url), delivery.publicUrl),
      ...(text(file.mimeType) ? { mediaType: String(file.mimeType).slice(0, 100) } : {}),
      ...(typeof file.filesize === 'number' ? { byteSize: file.filesize } : {}),
    }))
  const kind = libraryKindOf(key)
  let library: OutgoingDocument['library']
  if (kind && args.libraryAgencyId) {
    const topic = asDoc(doc.topic)
    const topicCode = text(topic?.code)
    const keywords = text(doc.keywords)
    library = {
      kind,
      title: title.slice(0, 200),
      // The lead agency first (it owns the document in the library), then the co-issuers.
      issuers: [...new Set([args.libraryAgencyId, ...(args.jointIssuerIds ?? [])])],
      publishedAt,
      bodyText,
      ...(html ? { bodyHtml: html } : {}),
      ...(summary ? { summary } : {}),
      ...(text(doc.indexNumber) ? { indexNumber: String(doc.indexNumber) } : {}),
      ...(text(doc.documentNumber) ? { documentNumber: String(doc.documentNumber) } : {}),
      ...(text(doc.documentType) ? { documentType: doc.documentType as DocumentInput['documentType'] } : {}),
      ...(typeof doc.isNormative === 'boolean' ? { isNormative: doc.isNormative } : {}),
      ...(key === 'interpretations' && text(doc.form) ? { interpretationForm: doc.form as DocumentInput['interpretationForm'] } : {}),
      ...(topicCode && /^[0-9]{2}(\.[0-9]{2})?$/u.test(topicCode) ? { topics: [topicCode] } : {}),
      ...(keywords ? { subjectWords: keywords.split(/[\s,，;；、]+/u).filter(Boolean).slice(0, 20).map((word) => word.slice(0, 50)) } : {}),
      ...(toCalendarDate(doc.writtenDate, timeZone) ? { writtenAt: toCalendarDate(doc.writtenDate, timeZone)! } : {}),
      ...(key === 'policies' && text(doc.validity) ? { validity: String(doc.validity) } : {}),
      ...(key === 'policies' && toCalendarDate(doc.expiryDate, timeZone) ? { expiresAt: toCalendarDate(doc.expiryDate, timeZone)! } : {}),
      ...(attachments.length > 0 ? { attachments } : {}),
      links: await linksOf({ req, options, key, doc }),
      url,
      // 决策专栏: the decision's stages, sections, comment statistics and participation records.
      ...(key === 'decisions' ? { dossier: await libraryDossierOf({ req, options, doc }) } : {}),
    }
  }
  const agency = asDoc(doc.issuingAgency ?? doc.interpretingAgency ?? doc.responsibleAgency)
  return {
    contentId,
    library,
    channel: {
      id: contentId,
      version: args.version,
      title,
      ...(summary ? { summary } : {}),
      html,
      canonicalUrl: url,
      ...(text(agency?.name) ? { author: String(agency?.name) } : {}),
      publishedAt: new Date(`${publishedAt}T00:00:00+08:00`),
    },
  }
}
