import type { Access, CollectionConfig } from 'payload'

import { isSiteAdmin } from '../access/roles.js'

const siteAdmin: Access = ({ req }) => isSiteAdmin(req.user)

/** Site administrators manage users; everyone else sees and edits only themselves. */
const selfOrSiteAdmin: Access = ({ req }) => {
  if (!req.user) return false
  if (isSiteAdmin(req.user)) return true
  return { id: { equals: req.user.id } }
}

/** Access of the auth collection. An operation the app already restricts keeps the app's function. */
export function usersAccess(existing: CollectionConfig['access']): NonNullable<CollectionConfig['access']> {
  return {
    ...existing,
    read: existing?.read ?? selfOrSiteAdmin,
    create: existing?.create ?? siteAdmin,
    update: existing?.update ?? selfOrSiteAdmin,
    delete: existing?.delete ?? siteAdmin,
  }
}
