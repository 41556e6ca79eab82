import type { PayloadRequest, SanitizedCollectionConfig } from 'payload'

import { changedContentFields } from './hooks/trackContentChanges.js'

/** Set on `req.context` once a save has been recognised as “恢复为已发布” (see `publishedVersionToRestore`). */
export const revertContextKey = 'gongkaiRevertToPublished'

/**
 * Payload's “恢复为已发布” (revert to published) saves the published version's own data again with
 * `_status: 'published'`. That publishes nothing new: it discards the unpublished revision. Returns the published
 * document when `data` is such a save — the document is published, a newer draft exists, and `data` changes no
 * content field of the published version — and null otherwise (then a save with `_status: 'published'` is an
 * attempt to publish outside the workflow, and is refused).
 */
export async function publishedVersionToRestore(args: {
  req: PayloadRequest
  collection: SanitizedCollectionConfig
  id: number | string | undefined
  data: Record<string, unknown> | undefined
}): Promise<Record<string, unknown> | null> {
  const { req, collection, id, data } = args
  if (data?._status !== 'published' || id === undefined) return null
  const cached = req.context[revertContextKey] as { id: string; published: Record<string, unknown> } | undefined
  if (cached?.id === `${collection.slug}#${String(id)}`) return cached.published
  const published = (await req.payload.findByID({ collection: collection.slug, id, draft: false, depth: 0, overrideAccess: true, disableErrors: true, req })) as Record<
    string,
    unknown
  > | null
  if (published?._status !== 'published') return null
  const latest = (await req.payload.findByID({ collection: collection.slug, id, draft: true, depth: 0, overrideAccess: true, disableErrors: true, req })) as Record<
    string,
    unknown
  > | null
  if (latest?._status === 'published') return null
  if (changedContentFields(collection.fields, data, published).length > 0) return null
  req.context[revertContextKey] = { id: `${collection.slug}#${String(id)}`, published }
  return published
}

/** The published document recognised as the one being restored in this request, if any. */
export function publishedVersionBeingRestored(req: PayloadRequest, slug: string, id: number | string | undefined): Record<string, unknown> | null {
  const cached = req.context[revertContextKey] as { id: string; published: Record<string, unknown> } | undefined
  return id !== undefined && cached?.id === `${slug}#${String(id)}` ? cached.published : null
}

/** Every stored field of the published version (content and workflow record), to save it again as it was. */
export function restorableFields(collection: SanitizedCollectionConfig, published: Record<string, unknown>): Record<string, unknown> {
  const skipped = new Set(['id', 'createdAt', 'updatedAt'])
  for (const field of collection.flattenedFields) {
    if (field.type === 'join' || ('virtual' in field && field.virtual)) skipped.add(field.name)
  }
  return Object.fromEntries(Object.entries(published).filter(([name]) => !skipped.has(name)))
}
