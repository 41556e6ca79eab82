import type { CollectionConfig, Where } from 'payload'
import { relationship } from 'payload/shared'

import { computedFieldAccess } from '../../fields/computedFieldAccess.js'
import { setTopicFullName } from '../../hooks/setTopicFullName.js'
import { updateChildTopicNames } from '../../hooks/updateChildTopicNames.js'
import type { SanitizedGongkaiPluginOptions } from '../../types.js'
import { labeler, localize } from '../../utilities/localize.js'
import { combineValidations } from '../../validations/combineValidations.js'
import { validateTopicParent } from '../../validations/validateTopicParent.js'

/** 主题分类: the two-level State Council topic taxonomy, seeded on first start and editable afterwards. */
export function createTopicsCollection(options: SanitizedGongkaiPluginOptions): CollectionConfig {
  const label = labeler(options.labelLanguages)
  const slug = options.slugs.topics
  return {
    slug,
    labels: { singular: label('主题分类', 'Topic'), plural: label('主题分类', 'Topics') },
    admin: {
      group: localize(options.labelLanguages, options.adminGroup),
      useAsTitle: 'fullName',
      defaultColumns: ['fullName', 'code', 'parent'],
      listSearchableFields: ['name', 'fullName', 'code'],
      description: label('两级主题分类，默认取自国务院政策文件库。', 'Two-level topic taxonomy, seeded from the State Council policy library.'),
      pagination: { defaultLimit: 100 },
    },
    defaultSort: 'code',
    fields: [
      { name: 'name', type: 'text', label: label('名称', 'Name'), required: true, maxLength: 50 },
      {
        name: 'code',
        type: 'text',
        label: label('分类代码', 'Code'),
        required: true,
        unique: true,
        maxLength: 20,
        admin: { description: label('稳定的分类代码，如 02.01', 'Stable code, e.g. 02.01') },
      },
      {
        name: 'parent',
        type: 'relationship',
        relationTo: slug,
        label: label('上级分类', 'Parent topic'),
        // Only top-level topics can be parents.
        filterOptions: ({ id }): Where => {
          const isTopLevel: Where = { parent: { exists: false } }
          return id === undefined ? isTopLevel : { and: [isTopLevel, { id: { not_equals: id } }] }
        },
        admin: { description: label('留空即为一级分类；上级分类须为一级分类', 'Empty for a top-level topic; a parent must be top-level') },
        validate: combineValidations(validateTopicParent(slug), relationship),
      },
      {
        name: 'fullName',
        type: 'text',
        label: label('完整名称', 'Full name'),
        admin: { readOnly: true, description: label('保存时生成，如“综合政务\\政务公开”', 'Set on save, e.g. 综合政务\\政务公开') },
        access: computedFieldAccess,
      },
    ],
    hooks: options.isDisabled
      ? {}
      : { beforeChange: [setTopicFullName(slug)], afterChange: [updateChildTopicNames(slug)] },
  }
}
