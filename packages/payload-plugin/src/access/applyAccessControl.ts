import type { CollectionConfig, Field } from 'payload'

import type { GongkaiCollectionKey, SanitizedGongkaiPluginOptions } from '../types.js'
import { labeler } from '../utilities/localize.js'
import { attachmentsAccess } from './attachmentsAccess.js'
import { documentAccess, referenceDataAccess } from './documentAccess.js'
import type { AgencyOwnedCollection } from './documentAgencies.js'
import { agencyOwnedCollections } from './documentAgencies.js'
import { fillParticipationAgency } from './hooks/fillParticipationAgency.js'
import { guardDocumentWrites } from './hooks/guardDocumentWrites.js'
import { refusePublishedDelete } from './hooks/refusePublishedDelete.js'

function isAgencyOwned(key: GongkaiCollectionKey): key is AgencyOwnedCollection {
  return (agencyOwnedCollections as readonly string[]).includes(key)
}

/** Fields the access layer needs in the schema (kept when the plugin is disabled). */
function accessFields(key: GongkaiCollectionKey, options: SanitizedGongkaiPluginOptions): Field[] {
  if (key !== 'participation') return []
  const label = labeler(options.labelLanguages)
  return [
    {
      name: 'agency',
      type: 'relationship',
      relationTo: options.slugs.agencies,
      label: label('承办单位', 'Responsible agency'),
      index: true,
      admin: {
        position: 'sidebar',
        description: label('留空时取所关联决策的承办单位；决定哪个机关的人员可以编辑和审核', 'Defaults to the decision’s responsible agency; decides who may edit and review'),
      },
    },
  ]
}

/**
 * Adds agency isolation to one of the plugin's collections: access functions by role and agency, the write
 * guard (the owning agency must be the editor’s), and the participation record’s agency.
 * Runs on the default collection, before the app's `overrides`, so an app can still replace any of it.
 */
export function applyAccessControl({
  key,
  collection,
  options,
}: {
  key: GongkaiCollectionKey
  collection: CollectionConfig
  options: SanitizedGongkaiPluginOptions
}): CollectionConfig {
  const fields = [...collection.fields, ...accessFields(key, options)]
  if (options.isDisabled) return { ...collection, fields }
  if (key === 'agencies' || key === 'topics') return { ...collection, fields, access: { ...referenceDataAccess, ...collection.access } }
  if (key === 'attachments') return { ...collection, fields, access: { ...attachmentsAccess(options), ...collection.access } }
  if (!isAgencyOwned(key)) return { ...collection, fields }
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    fields,
    access: { ...documentAccess(key), ...collection.access },
    hooks: {
      ...hooks,
      beforeOperation: [...(hooks.beforeOperation ?? []), guardDocumentWrites({ collection: key, slugs: options.slugs })],
      beforeChange: [
        ...(key === 'participation' ? [fillParticipationAgency({ decisionsSlug: options.slugs.decisions })] : []),
        ...(hooks.beforeChange ?? []),
      ],
      beforeDelete: [...(hooks.beforeDelete ?? []), refusePublishedDelete()],
    },
  }
}
