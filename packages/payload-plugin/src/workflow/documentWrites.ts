import type { PayloadRequest } from 'payload'

import type { StoredDocument, StoredFields } from '../infrastructure/documents.js'
import type { Doc } from '../rules/threeSync.js'
import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { relationId } from '../utilities/relationIds.js'
import type { WorkflowState } from './states.js'

/*
 * The workflow's own reads and writes of a document, all trusted (`overrideAccess`) and in the action's request
 * (its transaction). The rules decide; these only store what was decided.
 */

/** Whether a version of the document is public now (its stored, not latest, version is published). */
export async function isPublicNow(req: PayloadRequest, slug: string, id: number | string): Promise<boolean> {
  const { totalDocs } = await req.payload.count({ collection: slug, where: { and: [{ id: { equals: id } }, { _status: { equals: 'published' } }] }, overrideAccess: true, req })
  return totalDocs > 0
}

export async function loadLatest(req: PayloadRequest, slug: string, id: number | string): Promise<Doc | null> {
  const doc: Doc | null = await req.payload.findByID({ collection: slug, id, draft: true, depth: 0, overrideAccess: true, disableErrors: true, req })
  return doc ?? null
}

/** Saves a state change on the latest version (a new draft version; the published one, if any, stays public). */
export async function saveState(req: PayloadRequest, slug: string, doc: Doc, state: WorkflowState, workflow: Record<string, unknown>) {
  await req.payload.update({
    collection: slug,
    id: doc.id,
    data: { workflowState: state, workflow: { ...doc.workflow, ...workflow } },
    draft: true,
    depth: 0,
    overrideAccess: true,
    req,
  })
}

/** The published document's own fields, to save it again without picking up a newer draft's content. */
export async function publishedContent(req: PayloadRequest, slug: string, id: number | string): Promise<StoredFields> {
  const published: StoredDocument = await req.payload.findByID({ collection: slug, id, draft: false, depth: 0, overrideAccess: true, req })
  const collection = req.payload.collections[slug]?.config
  const joins = new Set(collection?.flattenedFields.filter((field) => field.type === 'join' || ('virtual' in field && field.virtual)).map((field) => field.name))
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...content } = published
  for (const name of joins) delete content[name]
  return content
}

/** Saves the published version's own content offline (`_status: 'draft'`) in `state` (已撤回, 已删除). */
export async function takeOffline(args: { req: PayloadRequest; slug: string; id: number | string; state: WorkflowState; workflow: Record<string, unknown> }) {
  const { req, slug, id } = args
  const content = await publishedContent(req, slug, id)
  await req.payload.update({
    collection: slug,
    id,
    data: {
      ...content,
      _status: 'draft',
      workflowState: args.state,
      workflow: { ...content.workflow, ...args.workflow },
    },
    draft: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
}

/** Takes the published version offline (`_status: 'draft'`, state 已撤回), keeping its content and 索引号. */
export async function withdrawPublished(args: { req: PayloadRequest; slug: string; id: number | string; userId: number | string | null; now: string; reason: string }) {
  await takeOffline({ req: args.req, slug: args.slug, id: args.id, state: 'withdrawn', workflow: { withdrawnBy: args.userId, withdrawnAt: args.now, withdrawReason: args.reason } })
}

export async function cancelJob(req: PayloadRequest, jobId: unknown) {
  await req.payload.delete({
    collection: 'payload-jobs',
    where: { and: [{ id: { equals: jobId } }, { completedAt: { exists: false } }] },
    overrideAccess: true,
    req,
  })
}

/** Keeps `supersedes` of the replacing policy reciprocal to `supersededBy` of the replaced one. */
export async function linkReplacement(req: PayloadRequest, options: SanitizedGongkaiPluginOptions, replacingId: number | string, replacedId: number | string) {
  const slug = options.slugs.policies
  const replacing: Doc | null = await req.payload.findByID({ collection: slug, id: replacingId, depth: 0, overrideAccess: true, disableErrors: true, req })
  if (!replacing) return
  const current = Array.isArray(replacing.supersedes) ? replacing.supersedes.map((value) => relationId(value)) : []
  if (current.includes(String(replacedId))) return
  const supersedes = [...current.filter((id): id is string => id !== undefined), String(replacedId)].map((id) => (/^\d+$/.test(id) ? Number(id) : id))
  // A link, not content: written to the stored document (and its version) without a new review round.
  if (replacing._status === 'published') {
    const content = await publishedContent(req, slug, replacingId)
    await req.payload.update({ collection: slug, id: replacingId, data: { ...content, supersedes }, draft: false, depth: 0, overrideAccess: true, req })
  } else {
    await req.payload.update({ collection: slug, id: replacingId, data: { supersedes }, draft: true, depth: 0, overrideAccess: true, req })
  }
}
