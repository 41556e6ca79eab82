import type { CollectionConfig } from 'payload'

import { defaultAttachmentMimeTypes } from '../../defaults.js'
import { defaultAttachmentTitle } from '../../hooks/defaultAttachmentTitle.js'
import type { SanitizedGongkaiPluginOptions } from '../../types.js'
import { labeler, localize } from '../../utilities/localize.js'

/**
 * 附件: the plugin's own upload collection, added when no `uploadsCollection` is given. Files go to Payload's
 * default local folder; point `overrides.attachments` at a storage adapter or another `staticDir` in production.
 */
export function createAttachmentsCollection(options: SanitizedGongkaiPluginOptions): CollectionConfig {
  const label = labeler(options.labelLanguages)
  return {
    slug: options.slugs.attachments,
    labels: { singular: label('附件', 'Attachment'), plural: label('附件', 'Attachments') },
    admin: {
      group: localize(options.labelLanguages, options.adminGroup),
      useAsTitle: 'title',
      defaultColumns: ['title', 'filename', 'mimeType', 'filesize', 'updatedAt'],
    },
    upload: { mimeTypes: [...defaultAttachmentMimeTypes] },
    fields: [{ name: 'title', type: 'text', label: label('附件名称', 'Title'), maxLength: 200 }],
    hooks: options.isDisabled ? {} : { beforeChange: [defaultAttachmentTitle('title')] },
  }
}
