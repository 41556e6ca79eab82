import type { Access, CollectionConfig, Where } from 'payload'

import { agencyIdsOf, isSiteAdmin } from '../access/roles.js'

const siteAdmin: Access = ({ req }) => isSiteAdmin(req.user)

/** Site administrators manage users; everyone else edits only themselves. */
const selfOrSiteAdmin: Access = ({ req }) => {
  if (!req.user) return false
  if (isSiteAdmin(req.user)) return true
  return { id: { equals: req.user.id } }
}

/** Members also see their colleagues (users with a role in one of their agencies), e.g. who reviewed a document. */
const colleaguesOrSiteAdmin: Access = ({ req }) => {
  if (!req.user) return false
  if (isSiteAdmin(req.user)) return true
  const agencyIds = agencyIdsOf(req.user)
  const self: Where = { id: { equals: req.user.id } }
  if (agencyIds.length === 0) return self
  return { or: [self, { 'agencyRoles.agency': { in: agencyIds } }] }
}

/** Access of the auth collection. An operation the app already restricts keeps the app's function. */
export function usersAccess(existing: CollectionConfig['access']): NonNullable<CollectionConfig['access']> {
  return {
    ...existing,
    read: existing?.read ?? colleaguesOrSiteAdmin,
    create: existing?.create ?? siteAdmin,
    update: existing?.update ?? selfOrSiteAdmin,
    delete: existing?.delete ?? siteAdmin,
  }
}
