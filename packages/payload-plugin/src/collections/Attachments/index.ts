import type { CollectionConfig, FieldAccess } from 'payload'

import { uploadingAgencyField } from '../../access/attachmentsAccess.js'
import { defaultAttachmentMimeTypes } from '../../defaults.js'
import { computedFieldAccess } from '../../fields/computedFieldAccess.js'
import { defaultAttachmentTitle } from '../../hooks/defaultAttachmentTitle.js'
import type { SanitizedGongkaiPluginOptions } from '../../types.js'
import { labeler, localize } from '../../utilities/localize.js'
import { fillUploadingAgency } from './fillUploadingAgency.js'
import { recordAttachmentText } from './recordAttachmentText.js'
import { stripImageMetadata } from './stripImageMetadata.js'

const never: FieldAccess = () => false

/**
 * 附件: the plugin's own upload collection, added when no `uploadsCollection` is given. Files go to Payload's
 * default local folder; point `overrides.attachments` at a storage adapter or another `staticDir` in production.
 *
 * Besides the file it keeps the 上传机关 (who may read it before a published 主动公开 document links it), the text
 * read from the file for 保密审查 (never served by the API: it may hold what the review is there to catch), and
 * the reviewer's confirmation of a file that could not be read (需人工审查).
 */
export function createAttachmentsCollection(options: SanitizedGongkaiPluginOptions): CollectionConfig {
  const label = labeler(options.labelLanguages)
  return {
    slug: options.slugs.attachments,
    labels: { singular: label('附件', 'Attachment'), plural: label('附件', 'Attachments') },
    admin: {
      group: localize(options.labelLanguages, options.adminGroup),
      useAsTitle: 'title',
      defaultColumns: ['title', 'filename', 'mimeType', 'filesize', uploadingAgencyField, 'updatedAt'],
    },
    upload: { mimeTypes: [...defaultAttachmentMimeTypes] },
    fields: [
      { name: 'title', type: 'text', label: label('附件名称', 'Title'), maxLength: 200 },
      {
        name: uploadingAgencyField,
        type: 'relationship',
        relationTo: options.slugs.agencies,
        label: label('上传机关', 'Uploading agency'),
        index: true,
        admin: {
          position: 'sidebar',
          description: label('附件在被已发布的主动公开文件引用之前，只有本机关人员可以查看', 'Only its members read the file until a published proactive document links it'),
        },
      },
      {
        name: 'textExtraction',
        type: 'group',
        label: label('保密审查文字提取', 'Text for confidentiality review'),
        access: { read: never, create: never, update: never },
        admin: { hidden: true },
        fields: [
          {
            name: 'status',
            type: 'select',
            options: [
              { value: 'extracted', label: label('已提取文字', 'Text extracted') },
              { value: 'unreadable', label: label('需人工审查', 'Needs manual review') },
            ],
          },
          { name: 'reason', type: 'text' },
          {
            name: 'segments',
            type: 'json',
            // Typed for the generated document types: the text of each part of the file, where it was found.
            typescriptSchema: [
              () => ({
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['location', 'text'],
                  properties: { location: { type: ['string', 'null'] }, text: { type: 'string' } },
                },
              }),
            ],
          },
        ],
      },
      {
        name: 'manualReview',
        type: 'group',
        label: label('人工审查确认', 'Manual review'),
        access: computedFieldAccess,
        admin: {
          position: 'sidebar',
          readOnly: true,
          description: label('无法自动提取文字的附件（图片、OFD、扫描件等）须由审核人员逐一确认；更换文件后须重新确认', 'Files that cannot be read are confirmed one by one; a new file resets it'),
        },
        fields: [
          { name: 'confirmedBy', type: 'relationship', relationTo: options.usersSlug, label: label('确认人', 'Confirmed by') },
          { name: 'confirmedAt', type: 'date', label: label('确认时间', 'Confirmed at'), admin: { date: { pickerAppearance: 'dayAndTime' } } },
          { name: 'note', type: 'textarea', label: label('确认说明', 'Note') },
        ],
      },
    ],
    hooks: options.isDisabled
      ? {}
      : {
          beforeOperation: [stripImageMetadata()],
          beforeChange: [
            defaultAttachmentTitle('title'),
            fillUploadingAgency({ field: uploadingAgencyField, label: { zh: '上传机关', en: 'Uploading agency' } }),
            recordAttachmentText(),
          ],
        },
  }
}
