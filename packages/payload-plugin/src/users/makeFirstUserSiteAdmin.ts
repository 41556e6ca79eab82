import type { CollectionBeforeChangeHook } from 'payload'

/** The first user ever created becomes 站点管理员, so a fresh installation can be administered at all. */
export function makeFirstUserSiteAdmin(usersSlug: string): CollectionBeforeChangeHook {
  return async ({ data, operation, req }) => {
    if (operation !== 'create') return data
    const { totalDocs } = await req.payload.count({ collection: usersSlug, overrideAccess: true, req })
    return totalDocs === 0 ? { ...data, isSiteAdmin: true } : data
  }
}
