import { maskRichText, maskText } from '@gongkai/core'
import { createLocalReq } from 'payload'
import type { Payload, PayloadRequest, SanitizedCollectionConfig, TypedUser } from 'payload'

import type { AgencyOwnedCollection } from '../access/documentAgencies.js'
import { loadOwningAgencyIds, loadReadingAgencyIds } from '../access/documentAgencies.js'
import { hasAgencyRoleInAny, isMemberOfAny, isSiteAdmin } from '../access/roles.js'
import type { GongkaiSlugs } from '../types.js'
import { latestVersionId, recordAudit } from '../audit/audit.js'
import type { StoredDocument } from '../infrastructure/documents.js'
import { gongkaiOptionsOf, titleOf, workflowCollectionOf } from '../infrastructure/runtime.js'
import { inTransaction } from '../infrastructure/transaction.js'
import type { AttachmentFinding } from './attachmentFindings.js'
import { attachmentFieldsOf, loadAttachmentFindings } from './attachmentFindings.js'
import type { FieldFinding } from './checkConfidentiality.js'
import { confidentialityReviewFieldName, hasBlockingFindings, scanDocument, textFieldsOf } from './checkConfidentiality.js'
import type { ConfidentialityReview, ReviewConclusion } from './confidentialityReviewField.js'
import { confidentialityContentHash } from './contentHash.js'
import { fieldLabelAt } from './fieldLabel.js'
import { isRecord } from '../utilities/isRecord.js'
import { findingMessage } from './findingMessage.js'
import { message } from '../translations/message.js'
import { relationIds } from '../utilities/relationIds.js'
import { RuleError } from '../infrastructure/RuleError.js'
import { WorkflowError } from '../infrastructure/WorkflowError.js'

type ReviewUser = TypedUser | Record<string, unknown> | null | undefined

type ActionArgs = {
  payload: Payload
  /** The request whose transaction the action joins (REST endpoints pass theirs). */
  req?: PayloadRequest
  user: ReviewUser
  /** Collection slug of a policy, interpretation, decision or participation record. */
  collection: string
  id: number | string
}

type Context = {
  options: ReturnType<typeof gongkaiOptionsOf>
  config: SanitizedCollectionConfig
  key: AgencyOwnedCollection
  slugs: Pick<GongkaiSlugs, 'policies' | 'decisions'>
  doc: Record<string, unknown>
  req: PayloadRequest
}

/**
 * Runs an action in one transaction: on the caller's request when given (REST endpoints), else on a local
 * request for the user. Everything it writes (the version, the audit entry) is rolled back on failure.
 */
async function inActionTransaction<T>(args: ActionArgs, action: (req: PayloadRequest) => Promise<T>): Promise<T> {
  const req = args.req ?? (await createLocalReq({ user: (args.user ?? undefined) as TypedUser | undefined }, args.payload))
  return inTransaction(req, () => action(req))
}


async function load({ payload, req, collection, id }: ActionArgs): Promise<Context> {
  const options = gongkaiOptionsOf(payload)
  const config = payload.collections[collection]?.config
  const key = workflowCollectionOf(options, collection)
  if (!config || !key) {
    throw new WorkflowError(message(req, 'noConfidentialityReview', { collection }), 404)
  }
  const request = req ?? (await createLocalReq({}, payload))
  const doc: StoredDocument | null = await payload
    .findByID({ collection, id, draft: true, depth: 0, overrideAccess: true, disableErrors: true, req })
    .catch(() => null)
  if (!doc) throw new WorkflowError(message(request, 'documentNotFound', { id: String(id) }), 404)
  return { options, config, key, doc, req: request, slugs: options.slugs }
}

/** Whether the user may review this document: 审核 of an owning agency, or a site administrator. */
export async function canReviewDocument({ context, user }: { context: Context; user: ReviewUser }): Promise<boolean> {
  if (isSiteAdmin(user)) return true
  const owners = await loadOwningAgencyIds({ req: context.req, slugs: context.slugs, collection: context.key, doc: context.doc })
  return hasAgencyRoleInAny(user, owners, 'reviewer')
}

/**
 * Whether the user may see the findings: they quote the draft's text (ID numbers included), so only those who
 * may read the draft — members of an owning agency (or a policy's joint issuers) and site administrators.
 */
export async function canSeeFindings({ context, user }: { context: Context; user: ReviewUser }): Promise<boolean> {
  if (!user) return false
  if (isSiteAdmin(user)) return true
  return isMemberOfAny(user, await loadReadingAgencyIds({ req: context.req, slugs: context.slugs, collection: context.key, doc: context.doc }))
}

async function authorize(args: ActionArgs): Promise<Context> {
  if (!args.user) throw new WorkflowError(message(args.req, 'loginFirst'), 401)
  const context = await load(args)
  if (!(await canReviewDocument({ context, user: args.user }))) {
    throw new WorkflowError(message(context.req, 'reviewersOnly'), 403)
  }
  return context
}

/**
 * The findings of the latest version (draft or published) of a document, per field. With `user` (as the REST
 * endpoint passes it, `null` when anonymous) only members of the owning agencies and site administrators see them;
 * without it (trusted server code) there is no check.
 */
export async function getConfidentialityFindings(args: Omit<ActionArgs, 'user'> & { user?: ReviewUser }): Promise<{
  findings: (FieldFinding & { fieldLabel: string })[]
  /** Findings in the attached files, and the files that must be reviewed by hand (需人工审查). */
  attachmentFindings: AttachmentFinding[]
  hasBlockingFindings: boolean
  review: ConfidentialityReview | null
  isReviewCurrent: boolean
}> {
  const context = await load(args as ActionArgs)
  const { config, doc } = context
  if (args.user !== undefined && !(await canSeeFindings({ context, user: args.user }))) {
    // Not found rather than forbidden: the draft's existence is not public either.
    throw new WorkflowError(message(context.req, 'findingsNotVisible'), 404)
  }
  const findings = scanDocument({ collectionConfig: config, doc }).map((finding) => ({
    ...finding,
    message: findingMessage(finding, context.req),
    fieldLabel: fieldLabelAt(config.fields, finding.fieldPath, context.req),
  }))
  const review = (doc[confidentialityReviewFieldName] as ConfidentialityReview | undefined) ?? null
  const attachmentFindings = await loadAttachmentFindings({ req: context.req, options: context.options, collectionConfig: config, doc })
  return {
    findings,
    attachmentFindings,
    hasBlockingFindings: hasBlockingFindings(findings) || attachmentFindings.some((finding) => finding.severity === 'blocking'),
    review,
    isReviewCurrent: isConfidentialityReviewCurrent({ collectionConfig: config, doc }),
  }
}

/**
 * True when the document carries a 保密审查 concluded 'passed' of exactly its current text and 密级 (any later
 * change to a scanned field or the 密级 makes it stale) and has no blocking findings. The workflow's approve
 * step calls this.
 */
export function isConfidentialityReviewCurrent({ collectionConfig, doc }: { collectionConfig: { fields: SanitizedCollectionConfig['fields'] }; doc: unknown }): boolean {
  const review = isRecord(doc) ? doc[confidentialityReviewFieldName] : undefined
  if (!isRecord(review) || review.conclusion !== 'passed' || typeof review.reviewedContentHash !== 'string' || review.reviewedContentHash === '') return false
  if (hasBlockingFindings(scanDocument({ collectionConfig, doc }))) return false
  return review.reviewedContentHash === confidentialityContentHash({ collectionConfig, doc })
}

/**
 * Records a 保密审查 on the latest version of a document: reviewer, time, conclusion and basis. Only 审核 of the
 * owning agency or a site administrator may; 'passed' is refused while blocking findings remain (the error names
 * each field and finding). Saves a new draft version carrying the record.
 */
export async function recordConfidentialityReview(
  args: ActionArgs & { conclusion: ReviewConclusion; basis: string },
): Promise<{ review: ConfidentialityReview; findings: FieldFinding[] }> {
  return inActionTransaction(args, (req) => recordInTransaction({ ...args, req }))
}

async function recordInTransaction(
  args: ActionArgs & { req: PayloadRequest; conclusion: ReviewConclusion; basis: string },
): Promise<{ review: ConfidentialityReview; findings: FieldFinding[] }> {
  const context = await authorize(args)
  const { config, doc } = context
  const errors: { path: string; message: string }[] = []
  if (args.conclusion !== 'passed' && args.conclusion !== 'failed') {
    errors.push({ path: 'conclusion', message: message(args.req, 'reviewConclusionInvalid') })
  }
  if (typeof args.basis !== 'string' || args.basis.trim() === '') {
    errors.push({ path: 'basis', message: message(args.req, 'reviewBasisRequired') })
  }
  const findings = scanDocument({ collectionConfig: config, doc })
  if (args.conclusion === 'passed') {
    for (const finding of findings.filter((candidate) => candidate.severity === 'blocking')) {
      errors.push({
        path: finding.fieldPath,
        message: message(args.req, 'reviewCannotPass', { label: fieldLabelAt(config.fields, finding.fieldPath, args.req), finding: findingMessage(finding, args.req) }),
      })
    }
    const attachmentFindings = await loadAttachmentFindings({ req: args.req, options: context.options, collectionConfig: config, doc })
    for (const finding of attachmentFindings.filter((candidate) => candidate.severity === 'blocking')) {
      errors.push({ path: finding.fieldPath, message: message(args.req, 'reviewCannotPass', { label: finding.fieldLabel, finding: finding.message }) })
    }
  }
  if (errors.length > 0) throw new RuleError({ collection: config.slug, problems: errors, req: context.req })

  const review: ConfidentialityReview = {
    reviewer: (args.user as { id?: number | string }).id ?? null,
    reviewedAt: new Date().toISOString(),
    conclusion: args.conclusion,
    basis: args.basis.trim(),
    reviewedVersionUpdatedAt: typeof doc.updatedAt === 'string' ? doc.updatedAt : null,
    reviewedContentHash: confidentialityContentHash({ collectionConfig: config, doc }),
  }
  await args.payload.update({
    collection: config.slug,
    id: args.id,
    data: { [confidentialityReviewFieldName]: review },
    draft: true,
    depth: 0,
    overrideAccess: true,
    req: args.req,
    context: { gongkaiConfidentialityReview: true },
  })
  return { review, findings }
}

/** Sets the value at a finding's path (`body`, `publicComments.0.summary`): objects and array rows alike. */
function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split('.')
  let current: object = target
  for (const segment of segments.slice(0, -1)) {
    const next: unknown = Reflect.get(current, segment)
    if (typeof next !== 'object' || next === null) throw new TypeError(`no object at ${segment} of ${path}`)
    current = next
  }
  Reflect.set(current, segments[segments.length - 1] as string, value)
}

/**
 * 一键脱敏: replaces every maskable finding (ID, mobile and bank card numbers, e-mail addresses) in every
 * text, textarea and rich-text field with core's masked form, saves it as a new draft version and writes a
 * `mask` entry to the audit log (kinds, fields and masked forms — never the original numbers). Marks are left:
 * hiding a 密级 mark does not make a document publishable. Only 审核 of the owning agency or a site administrator.
 */
export async function maskConfidentialityFindings(args: ActionArgs): Promise<{
  masked: { fieldPath: string; kind: FieldFinding['kind']; masked: string }[]
  versionId: number | string | null
  remaining: FieldFinding[]
}> {
  return inActionTransaction(args, (req) => maskInTransaction({ ...args, req }))
}

async function maskInTransaction(args: ActionArgs & { req: PayloadRequest }): Promise<{
  masked: { fieldPath: string; kind: FieldFinding['kind']; masked: string }[]
  versionId: number | string | null
  remaining: FieldFinding[]
}> {
  const context = await authorize(args)
  const { config, doc } = context
  const before = scanDocument({ collectionConfig: config, doc }).filter((finding) => finding.masked !== finding.match)
  if (before.length === 0) {
    return { masked: [], versionId: null, remaining: scanDocument({ collectionConfig: config, doc }) }
  }
  const copy = structuredClone(doc)
  const changedTopLevel = new Set<string>()
  for (const { fieldPath, type, value } of textFieldsOf({ collectionConfig: config, doc })) {
    const next = type === 'richText' ? maskRichText(value) : typeof value === 'string' ? maskText(value) : value
    if (JSON.stringify(next) === JSON.stringify(value)) continue
    setAt(copy, fieldPath, next)
    changedTopLevel.add(fieldPath.split('.')[0] as string)
  }
  const data = Object.fromEntries([...changedTopLevel].map((name) => [name, copy[name]]))
  const saved = await args.payload.update({
    collection: config.slug,
    id: args.id,
    data,
    draft: true,
    depth: 0,
    overrideAccess: true,
    req: args.req,
    context: { gongkaiConfidentialityMask: true },
  })
  const versionId = await latestVersionId(args.req, config.slug, args.id)
  const masked = before.map((finding) => ({ fieldPath: finding.fieldPath, kind: finding.kind, masked: finding.masked }))
  await recordAudit({
    payload: args.payload,
    req: args.req,
    action: 'mask',
    collection: config.slug,
    documentId: args.id,
    documentTitle: titleOf(doc),
    versionId,
    user: args.user as { id?: number | string; email?: unknown; collection?: string },
    details: { masked },
  })
  return { masked, versionId, remaining: scanDocument({ collectionConfig: config, doc: saved }) }
}

/**
 * 需人工审查: a reviewer confirms, file by file, that an attached file the scanner cannot read (an image, OFD, a
 * scanned PDF) holds nothing that may not be published. The confirmation is recorded on the file (who, when, a
 * note) and in the document's audit log; a new file uploaded in its place must be confirmed again. Only 审核 of
 * the document's owning agency or a site administrator, and only for a file the document's latest version links.
 */
export async function confirmAttachmentReview(args: ActionArgs & { attachmentId: number | string; note?: string | null }): Promise<{ attachment: { id: number | string; title: string }; confirmedAt: string }> {
  return inActionTransaction(args, async (req) => {
    const context = await authorize({ ...args, req })
    const { config, doc, options } = context
    const linked = attachmentFieldsOf(config, options.uploadsSlug).some((field) => relationIds(doc[field]).includes(String(args.attachmentId)))
    if (!linked) {
      throw new WorkflowError(message(req, 'attachmentNotLinked', { title: titleOf(doc), id: String(args.attachmentId) }), 404)
    }
    const finding = (await loadAttachmentFindings({ req, options, collectionConfig: config, doc })).find(
      (candidate) => String(candidate.attachment.id) === String(args.attachmentId) && candidate.kind === 'needs_manual_review',
    )
    if (!finding) {
      throw new WorkflowError(message(req, 'attachmentAutoReviewed', { id: String(args.attachmentId) }), 409)
    }
    const confirmedAt = new Date().toISOString()
    const note = typeof args.note === 'string' && args.note.trim() !== '' ? args.note.trim().slice(0, 2000) : null
    await args.payload.update({
      collection: options.uploadsSlug,
      id: args.attachmentId,
      data: { manualReview: { confirmedBy: (args.user as { id?: number | string }).id ?? null, confirmedAt, note } },
      depth: 0,
      overrideAccess: true,
      req,
    })
    await recordAudit({
      payload: args.payload,
      req,
      action: 'review',
      collection: config.slug,
      documentId: args.id,
      documentTitle: titleOf(doc),
      versionId: await latestVersionId(req, config.slug, args.id),
      user: args.user as { id?: number | string; email?: unknown; collection?: string },
      details: { attachmentConfirmed: { id: finding.attachment.id, title: finding.attachment.title }, note },
    })
    return { attachment: { id: finding.attachment.id, title: finding.attachment.title }, confirmedAt }
  })
}
