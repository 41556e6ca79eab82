import type { CollectionBeforeOperationHook, PayloadRequest, SanitizedCollectionConfig } from 'payload'

import type { GongkaiSlugs } from '../../types.js'
import type { AgencyOwnedCollection } from '../documentAgencies.js'
import { loadOwningAgencyIds, owningAgencyField } from '../documentAgencies.js'
import { agencyIdsWithRole, hasAgencyRole, isSiteAdmin } from '../roles.js'
import { RuleError } from '../../infrastructure/RuleError.js'
import { message, payloadLabelIn } from '../../translations/message.js'

/** The label of a collection's field in the request's language (发文机关, Issuing agency). */
function fieldLabel(collection: SanitizedCollectionConfig, name: string, req: PayloadRequest): string {
  const field = collection.flattenedFields.find((candidate) => candidate.name === name)
  return payloadLabelIn(field && 'label' in field ? field.label : undefined, req, name)
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
  return names.map((name) => message(req, 'quoted', { value: name })).join(message(req, 'listSeparator'))
}

/**
 * The default value of a top-level field for this request, as Payload would fill it (`defaultValue` may be a
 * value or a function of the user, locale and request). Used to fill the owning agency before checking it:
 * Payload applies defaults only after `beforeOperation`.
 */
async function defaultValueOf(collection: SanitizedCollectionConfig, name: string, req: PayloadRequest): Promise<unknown> {
  const field = collection.flattenedFields.find((candidate) => candidate.name === name)
  const defaultValue = field && 'defaultValue' in field ? field.defaultValue : undefined
  if (typeof defaultValue !== 'function') return defaultValue
  return (defaultValue as (args: { locale?: string; req: PayloadRequest; user: PayloadRequest['user'] }) => unknown)({ locale: req.locale ?? undefined, req, user: req.user })
}

/**
 * Guards writes made with access control on (REST, GraphQL, admin, local API with `overrideAccess: false`)
 * by anyone but a site administrator; trusted local API calls (the workflow, imports) are not affected: a new
 * document must belong to an agency where the user is 撰稿, and an update may not move a document to
 * an agency where they are not (the error names the owning-agency field, in Chinese). Publishing only through
 * the workflow is enforced once, for every write, by the workflow's `guardPublication`. A new document without
 * the owning agency gets the field's default first (发文机关 / 承办单位: the agency of an editor of exactly one
 * agency), so REST, GraphQL and the local API fill it as the admin form does.
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
    // Without any 撰稿 role the access check refuses the write (403) right after this hook.
    if (agencyIdsWithRole(req.user, 'editor').length === 0) return args
    const field = owningAgencyField[collection]
    if (operation === 'create' && data[field] === undefined) {
      const fallback = await defaultValueOf(collectionConfig, field, req)
      if (fallback !== undefined && fallback !== null) data[field] = fallback
    }
    const isChangingOwner =
      operation === 'create' || Object.prototype.hasOwnProperty.call(data, field) || (collection === 'interpretations' && 'policies' in data)
    if (!isChangingOwner) return args
    const owners = await loadOwningAgencyIds({ req, slugs, collection, doc: data })
    if (owners.length === 0) {
      // An update that clears the field of an interpretation falls back to its policies, checked on the stored document by update access.
      if (operation === 'update') return args
      throw new RuleError({
        collection: slugs[collection],
        problems: [{ path: field, message: message(req, 'owningAgencyRequired', { label: fieldLabel(collectionConfig, field, req) }) }],
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
            message: message(req, 'owningAgencyForeign', { label: fieldLabel(collectionConfig, field, req), agencies: await agencyNames(req, slugs.agencies, foreign) }),
          },
        ],
        req,
      })
    }
    return args
  }
}
