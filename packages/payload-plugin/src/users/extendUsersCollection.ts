import type { CollectionConfig } from 'payload'

import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { setDisplayName } from './setDisplayName.js'
import { makeFirstUserSiteAdmin } from './makeFirstUserSiteAdmin.js'
import { createUserFields } from './userFields.js'
import { usersAccess } from './usersAccess.js'

/**
 * Adds the roles fields to the auth collection (fields stay when the plugin is disabled, so the schema does
 * not change); access rules and the first-user hook only when enabled.
 */
export function extendUsersCollection(collection: CollectionConfig, options: SanitizedGongkaiPluginOptions): CollectionConfig {
  const existingNames = new Set(collection.fields.map((field) => ('name' in field ? field.name : undefined)))
  const fields = createUserFields(options).filter((field) => !('name' in field) || !existingNames.has(field.name))
  const useAsTitle = !collection.admin?.useAsTitle || collection.admin.useAsTitle === 'email' ? 'displayName' : collection.admin.useAsTitle
  const extended: CollectionConfig = {
    ...collection,
    admin: {
      ...collection.admin,
      useAsTitle,
      defaultColumns: collection.admin?.defaultColumns ?? ['displayName', 'email', 'agencyRoles', 'isSiteAdmin'],
      listSearchableFields: [...new Set([...(collection.admin?.listSearchableFields ?? []), 'name', 'email'])],
    },
    fields: [...collection.fields, ...fields],
  }
  if (options.isDisabled) return extended
  return {
    ...extended,
    access: usersAccess(collection.access),
    hooks: {
      ...collection.hooks,
      beforeChange: [...(collection.hooks?.beforeChange ?? []), makeFirstUserSiteAdmin(collection.slug), setDisplayName],
    },
  }
}

/** The auth collection Payload adds when the config has none; the plugin adds it itself so it can extend it. */
export function defaultUsersCollection(slug: string): CollectionConfig {
  return { slug, auth: true, admin: { useAsTitle: 'email' }, fields: [] }
}
