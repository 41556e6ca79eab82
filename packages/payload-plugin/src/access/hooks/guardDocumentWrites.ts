import { APIError } from 'payload'
import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import type { GongkaiSlugs } from '../../types.js'
import type { AgencyOwnedCollection } from '../documentAgencies.js'
import { loadOwningAgencyIds, owningAgencyField } from '../documentAgencies.js'
import { publishedVersionToRestore } from '../../workflow/revertToPublished.js'
import { agencyIdsWithRole, hasAgencyRole, isSiteAdmin } from '../roles.js'
import { RuleError } from '../../rules/RuleError.js'

/** Chinese name of each collection's owning-agency field, as editors see it. */
export const owningAgencyLabel: Readonly<Record<AgencyOwnedCollection, string>> = {
  policies: '发文机关',
  interpretations: '解读机构',
  decisions: '承办单位',
  participation: '承办单位',
  catalogues: '决策机关',
}

async function agencyNames(req: PayloadRequest, agenciesSlug: string, ids: (number | string)[]): Promise<string> {
  const { docs } = await req.payload.find({
    collection: agenciesSlug,
    where: { id: { in: ids } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const names = ids.map((id) => (docs.find((doc) => String(doc.id) === String(id)) as { name?: string } | undefined)?.name ?? `#${id}`)
  return names.map((name) => `“${name}”`).join('、')
}

/**
 * Guards writes made with access control on (REST, GraphQL, admin, local API with `overrideAccess: false`)
 * by anyone but a site administrator; trusted local API calls (the workflow, imports) are not affected:
 * - publishing by saving `_status: 'published'` is refused: documents are published through the workflow
 *   (except “恢复为已发布”, which saves the published version again, see `publishedVersionToRestore`);
 * - a new document must belong to an agency where the user is 撰稿, and an update may not move a document to
 *   an agency where they are not (the error names the owning-agency field, in Chinese).
 */
export function guardDocumentWrites({
  collection,
  slugs,
}: {
  collection: AgencyOwnedCollection
  slugs: GongkaiSlugs
}): CollectionBeforeOperationHook {
  return async ({ args, collection: collectionConfig, operation, overrideAccess, req }) => {
    if (overrideAccess === true || isSiteAdmin(req.user)) return args
    if (operation !== 'create' && operation !== 'update') return args
    const data = (args as { data?: Record<string, unknown> }).data
    if (!data || !req.user) return args
    const id = (args as { id?: number | string }).id
    // “恢复为已发布” saves the published version again: it discards a revision and publishes nothing new.
    const isRevert = operation === 'update' && (await publishedVersionToRestore({ req, collection: collectionConfig, id, data })) !== null
    if (data._status === 'published' && !isRevert) {
      throw new APIError('不能直接发布：文件须经提交审核、审核和签发，通过工作流发布', 403, undefined, true)
    }
    // Without any 撰稿 role the access check refuses the write (403) right after this hook.
    if (agencyIdsWithRole(req.user, 'editor').length === 0) return args
    const field = owningAgencyField[collection]
    const isChangingOwner =
      operation === 'create' || Object.prototype.hasOwnProperty.call(data, field) || (collection === 'interpretations' && 'policies' in data)
    if (!isChangingOwner) return args
    const owners = await loadOwningAgencyIds({ req, slugs, collection, doc: data })
    if (owners.length === 0) {
      // An update that clears the field of an interpretation falls back to its policies, checked on the stored document by update access.
      if (operation === 'update') return args
      throw new RuleError({
        collection: slugs[collection],
        problems: [{ path: field, message: `须填写${owningAgencyLabel[collection]}：文件必须属于您担任撰稿的机关` }],
        req,
      })
    }
    const foreign = owners.filter((agencyId) => !hasAgencyRole(req.user, agencyId, 'editor'))
    if (foreign.length > 0) {
      const path = collection === 'interpretations' && !data[field] ? 'policies' : field
      throw new RuleError({
        collection: slugs[collection],
        problems: [
          {
            path,
            message: `${owningAgencyLabel[collection]}${await agencyNames(req, slugs.agencies, foreign)}不是您担任撰稿的机关：只能为本机关创建或修改文件`,
          },
        ],
        req,
      })
    }
    return args
  }
}
