import type { Access, CollectionConfig, PayloadRequest, Where } from 'payload'

import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { relationIds } from '../utilities/relationIds.js'
import { publicWhere, readableByWhere } from './documentAccess.js'
import type { AgencyOwnedCollection } from './documentAgencies.js'
import { agencyOwnedCollections } from './documentAgencies.js'
import { agencyIdsOf, agencyIdsWithRole, isSiteAdmin } from './roles.js'

/** Name of the field holding an attachment's 上传机关: the agency whose staff may change it. */
export const uploadingAgencyField = 'uploadingAgency'

/** The fields of a collection that link the uploads collection (policies' 附件, interpretations' 图解、音视频). */
function uploadFieldsOf(req: PayloadRequest, slug: string, uploadsSlug: string): string[] {
  const fields = req.payload.collections[slug]?.config.flattenedFields ?? []
  return fields
    .filter((field) => (field.type === 'upload' || field.type === 'relationship') && (field.relationTo === uploadsSlug || (Array.isArray(field.relationTo) && field.relationTo.includes(uploadsSlug))))
    .map((field) => field.name)
}

/** IDs of the attachments linked from the documents `where` selects in each agency-owned collection. */
async function linkedAttachmentIds(args: {
  req: PayloadRequest
  options: SanitizedGongkaiPluginOptions
  whereOf: (collection: AgencyOwnedCollection) => Where
  isDraft: boolean
}): Promise<string[]> {
  const { req, options } = args
  const ids = new Set<string>()
  for (const key of agencyOwnedCollections) {
    const slug = options.slugs[key]
    const fields = uploadFieldsOf(req, slug, options.uploadsSlug)
    if (fields.length === 0) continue
    const { docs } = await req.payload.find({
      collection: slug,
      where: args.whereOf(key),
      select: Object.fromEntries(fields.map((field) => [field, true])),
      draft: args.isDraft,
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    for (const doc of docs) for (const field of fields) for (const id of relationIds(doc[field])) ids.add(id)
  }
  return [...ids]
}

const nothing: Where = { id: { exists: false } }

function idIn(ids: string[]): Where {
  return ids.length === 0 ? nothing : { id: { in: ids.map((id) => (/^\d+$/.test(id) ? Number(id) : id)) } }
}

/**
 * Attachments are public only while a published 主动公开 document links them (the same condition as the documents'
 * own read access, `publicWhere`); until then — and again once every such document is withdrawn or recorded as not
 * public — only members of the 上传机关 and of the agencies whose documents link the file read it, in every path
 * that asks the collection's read access: REST and GraphQL documents, relation population, and the file URL
 * (`/api/<uploads>/file/<filename>`, image sizes included). Any 撰稿 may upload; only site administrators change
 * or delete a file (it may be linked from another agency's published document).
 */
export function attachmentsAccess(options: SanitizedGongkaiPluginOptions): NonNullable<CollectionConfig['access']> {
  const read: Access = async ({ req }) => {
    if (isSiteAdmin(req.user)) return true
    // Asked several times in one request (the query, then relation population): the links are read once.
    const cache = req.context as { gongkaiPublicAttachmentIds?: Promise<string[]> }
    cache.gongkaiPublicAttachmentIds ??= linkedAttachmentIds({ req, options, whereOf: publicWhere, isDraft: false })
    const publicIds = await cache.gongkaiPublicAttachmentIds
    const agencyIds = agencyIdsOf(req.user)
    if (!req.user || agencyIds.length === 0) return idIn(publicIds)
    const linkedByOwn = await linkedAttachmentIds({ req, options, whereOf: (collection) => readableByWhere({ collection, agencyIds }), isDraft: true })
    return { or: [idIn(publicIds), { [uploadingAgencyField]: { in: agencyIds } }, idIn(linkedByOwn)] }
  }
  const siteAdmin: Access = ({ req }) => isSiteAdmin(req.user)
  return {
    read,
    create: ({ req }) => isSiteAdmin(req.user) || agencyIdsWithRole(req.user, 'editor').length > 0,
    update: siteAdmin,
    delete: siteAdmin,
  }
}
