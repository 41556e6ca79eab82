import { interpretationForms, labelOf } from '@gongkai/core'
import type { InterpretationForm } from '@gongkai/core'
import type { CollectionConfig } from 'payload'
import { text, textarea } from 'payload/shared'

import type { SanitizedGongkaiPluginOptions } from '../../types.js'
import { labeler, localize, selectOptions } from '../../utilities/localize.js'
import { isBlank } from '../../utilities/relationIds.js'
import { bodyEditor } from '../../editor/bodyEditor.js'
import { combineValidations } from '../../validations/combineValidations.js'
import { validateRequiredWhen } from '../../validations/validateRequiredWhen.js'
import { validateVideoUrl } from '../../validations/validateVideoUrl.js'
import { languageOf, message } from '../../translations/message.js'

/** 政策解读: an interpretation of one or more policies, published with them (三同步, issue 3). */
export function createInterpretationsCollection(options: SanitizedGongkaiPluginOptions): CollectionConfig {
  const label = labeler(options.labelLanguages)
  const languages = options.labelLanguages
  const { slugs, videoInterpretationForms } = options
  const isVideoForm = (form: unknown) => videoInterpretationForms.includes(form as InterpretationForm)

  return {
    slug: slugs.interpretations,
    labels: { singular: label('政策解读', 'Interpretation'), plural: label('政策解读', 'Interpretations') },
    admin: {
      group: localize(languages, options.adminGroup),
      useAsTitle: 'title',
      defaultColumns: ['title', 'policies', 'form', 'interpretingAgency', 'updatedAt', '_status'],
      listSearchableFields: ['title', 'interpreterName'],
    },
    defaultSort: '-updatedAt',
    versions: { drafts: true, maxPerDoc: options.maxVersionsPerDoc },
    fields: [
      { name: 'title', type: 'text', label: label('标题', 'Title'), required: true, maxLength: 200 },
      {
        name: 'policies',
        type: 'relationship',
        relationTo: slugs.policies,
        hasMany: true,
        required: true,
        label: label('解读的政策文件', 'Policies interpreted'),
      },
      {
        name: 'form',
        type: 'select',
        label: label('解读形式', 'Form'),
        required: true,
        defaultValue: 'text',
        options: selectOptions(languages, interpretationForms),
      },
      {
        type: 'row',
        fields: [
          {
            name: 'interpretingAgency',
            type: 'relationship',
            relationTo: slugs.agencies,
            label: label('解读机构', 'Interpreting agency'),
            admin: { width: '50%' },
          },
          {
            name: 'interpreterName',
            type: 'text',
            label: label('解读人', 'Interpreter'),
            maxLength: 100,
            admin: {
              width: '50%',
              description: label('以职务身份解读的负责人，如“区发展改革委主任”', 'The official interpreting in office'),
            },
            validate: combineValidations(
              text,
              validateRequiredWhen((siblingData, req) =>
                isBlank(siblingData.interpretingAgency) ? message(req, 'interpreterRequired') : undefined,
              ),
            ),
          },
        ],
      },
      { name: 'summary', type: 'textarea', label: label('摘要', 'Summary'), maxLength: 1500, validate: textarea },
      { name: 'body', type: 'richText', label: label('正文', 'Body'), editor: bodyEditor(options) },
      {
        name: 'media',
        type: 'upload',
        relationTo: options.uploadsSlug,
        hasMany: true,
        label: label('图解、音视频文件', 'Media'),
      },
      {
        name: 'videoUrl',
        type: 'text',
        label: label('视频地址', 'Video URL'),
        maxLength: 500,
        admin: { description: label('http:// 或 https:// 开头的完整网址', 'A complete http(s) URL') },
        validate: combineValidations(
          text,
          validateVideoUrl,
          validateRequiredWhen((siblingData, req) =>
            isVideoForm(siblingData.form) && isBlank(siblingData.media)
              ? message(req, 'videoRequired', { form: labelOf(interpretationForms, siblingData.form as InterpretationForm, languageOf(req)) })
              : undefined,
          ),
        ),
      },
    ],
  }
}
