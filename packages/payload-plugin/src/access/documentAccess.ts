import type { Access, CollectionConfig, Where } from 'payload'

import type { AgencyOwnedCollection } from './documentAgencies.js'
import { owningAgencyField } from './documentAgencies.js'
import { agencyIdsOf, agencyIdsWithRole, isSiteAdmin } from './roles.js'

/** Anyone, signed in or not, reads published documents. */
export const publishedWhere: Where = { _status: { equals: 'published' } }

/**
 * What the public reads of a collection: published documents, and of policies only those that are 主动公开. The
 * workflow never publishes a policy that is not (it is recorded, 已认定, as a draft to Payload); the 公开属性
 * condition also keeps out anything published before that rule, or written around the workflow.
 */
export function publicWhere(collection: AgencyOwnedCollection): Where {
  if (collection !== 'policies') return publishedWhere
  return { and: [publishedWhere, { disclosure: { equals: 'proactive' } }] }
}

/** Which documents a Where selects: a collection, the agencies, and `version.` when it queries versions. */
type AgencyWhereArgs = { collection: AgencyOwnedCollection; agencyIds: (number | string)[]; prefix?: string }

/** Documents owned by one of `agencyIds`, as a Where on the collection (or, with `prefix: 'version.'`, its versions). */
export function ownedByWhere({ collection, agencyIds, prefix = '' }: AgencyWhereArgs): Where {
  const field = `${prefix}${owningAgencyField[collection]}`
  if (collection === 'interpretations') {
    // An interpretation without 解读机构 belongs to the agencies of the policies it interprets.
    return {
      or: [
        { [field]: { in: agencyIds } },
        { and: [{ [field]: { exists: false } }, { [`${prefix}policies.issuingAgency`]: { in: agencyIds } }] },
      ],
    }
  }
  return { [field]: { in: agencyIds } }
}

/** Documents a member of `agencyIds` may read before publication: owned, or (policies) issued jointly. */
export function readableByWhere({ collection, agencyIds, prefix = '' }: AgencyWhereArgs): Where {
  const owned = ownedByWhere({ collection, agencyIds, prefix })
  if (collection !== 'policies') return owned
  return { or: [owned, { [`${prefix}jointIssuers`]: { in: agencyIds } }] }
}

/**
 * Access of policies, interpretations, decisions and participation:
 * - read: published documents for everyone (policies: only 主动公开 ones, see `publicWhere`); a signed-in member (any role) also reads their agencies' drafts;
 * - create: site admins, and users who are 撰稿 somewhere (the owning agency is checked by `enforceOwningAgency`);
 * - update: site admins and 撰稿 of the owning agency. A published document changes only as a new draft version
 *   (`draft: true`) that goes through review again while the published one stays public; a save without `draft`
 *   is refused for everyone by `guardPublishedDocument`, and taking it offline is the workflow's `withdraw`;
 * - delete: site admins; 撰稿 of the owning agency for drafts (never-published is checked by `refusePublishedDelete`);
 * - readVersions: site admins and the agencies that may read the drafts.
 */
export function documentAccess(collection: AgencyOwnedCollection): NonNullable<CollectionConfig['access']> {
  const read: Access = ({ req }) => {
    if (isSiteAdmin(req.user)) return true
    const agencyIds = agencyIdsOf(req.user)
    if (!req.user || agencyIds.length === 0) return publicWhere(collection)
    return { or: [publicWhere(collection), readableByWhere({ collection, agencyIds })] }
  }
  const readVersions: Access = ({ req }) => {
    if (isSiteAdmin(req.user)) return true
    const agencyIds = agencyIdsOf(req.user)
    if (!req.user || agencyIds.length === 0) return false
    return readableByWhere({ collection, agencyIds, prefix: 'version.' })
  }
  const create: Access = ({ req }) => isSiteAdmin(req.user) || agencyIdsWithRole(req.user, 'editor').length > 0
  // 撰稿 of the owning agency; `draftsOnly` adds “not published”.
  const byEditors =
    (draftsOnly: boolean): Access =>
    ({ req }) => {
      if (isSiteAdmin(req.user)) return true
      const agencyIds = agencyIdsWithRole(req.user, 'editor')
      if (!req.user || agencyIds.length === 0) return false
      const owned = ownedByWhere({ collection, agencyIds })
      return draftsOnly ? { and: [owned, { _status: { not_equals: 'published' } }] } : owned
    }
  return { read, readVersions, create, update: byEditors(false), delete: byEditors(true) }
}

const siteAdmin: Access = ({ req }) => isSiteAdmin(req.user)
const anyone: Access = () => true

/** Agencies and topics: public reference data, maintained by site administrators. */
export const referenceDataAccess: NonNullable<CollectionConfig['access']> = {
  read: anyone,
  create: siteAdmin,
  update: siteAdmin,
  delete: siteAdmin,
}
