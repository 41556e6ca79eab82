import type { CollectionConfig } from 'payload'
import { relationship, text } from 'payload/shared'

import { computedFieldAccess } from '../../fields/computedFieldAccess.js'
import { recordOrganizationCodeKind } from '../../hooks/recordOrganizationCodeKind.js'
import { refuseDeletingAgencyWithHistory } from './refuseDeletingAgencyWithHistory.js'
import type { SanitizedGongkaiPluginOptions } from '../../types.js'
import { labeler, localize } from '../../utilities/localize.js'
import { combineValidations } from '../../validations/combineValidations.js'
import { validateAgencyCode } from '../../validations/validateAgencyCode.js'
import { validateOrganizationCode } from '../../validations/validateOrganizationCode.js'
import { validateParentAgency } from '../../validations/validateParentAgency.js'

/** 发布机构: agencies that issue documents; issue 3 uses them as tenants. */
export function createAgenciesCollection(options: SanitizedGongkaiPluginOptions): CollectionConfig {
  const label = labeler(options.labelLanguages)
  const slug = options.slugs.agencies
  return {
    slug,
    labels: { singular: label('发布机构', 'Agency'), plural: label('发布机构', 'Agencies') },
    admin: {
      group: localize(options.labelLanguages, options.adminGroup),
      useAsTitle: 'name',
      defaultColumns: ['name', 'agencyCode', 'organizationCode', 'parent'],
      listSearchableFields: ['name', 'shortName', 'agencyCode', 'organizationCode'],
      description: label(
        '发布政府信息的机关。组织机构代码或统一社会信用代码是索引号的前段码。',
        'Bodies that publish government information. Their organisation code is the prefix of every 索引号.',
      ),
    },
    defaultSort: 'name',
    fields: [
      {
        name: 'name',
        type: 'text',
        label: label('机关全称', 'Full name'),
        required: true,
        maxLength: 100,
        index: true,
      },
      { name: 'shortName', type: 'text', label: label('机关简称', 'Short name'), maxLength: 50 },
      {
        name: 'agencyCode',
        type: 'text',
        label: label('机关代字', 'Document number code'),
        maxLength: 30,
        admin: { description: label('发文字号中的机关代字，如“津武政办发”', 'The agency part of its document numbers, e.g. 津武政办发') },
        validate: combineValidations(text, validateAgencyCode),
      },
      {
        type: 'row',
        fields: [
          {
            name: 'organizationCode',
            type: 'text',
            label: label('组织机构代码／统一社会信用代码', 'Organisation code / unified social credit code'),
            unique: true,
            admin: {
              width: '70%',
              description: label(
                '18 位统一社会信用代码（GB 32100）或 9 位组织机构代码（GB 11714），用作索引号前段码',
                '18-character unified social credit code (GB 32100) or 9-character organisation code (GB 11714); the 索引号 prefix',
              ),
            },
            validate: combineValidations(text, validateOrganizationCode),
          },
          {
            name: 'organizationCodeKind',
            type: 'select',
            label: label('代码类型', 'Code kind'),
            options: [
              { value: 'credit_code', label: label('统一社会信用代码', 'Unified social credit code') },
              { value: 'organization_code', label: label('组织机构代码', 'Organisation code') },
            ],
            access: computedFieldAccess,
            admin: { width: '30%', readOnly: true, description: label('保存时自动识别', 'Recognised on save') },
          },
        ],
      },
      {
        name: 'parent',
        type: 'relationship',
        relationTo: slug,
        label: label('上级机关', 'Parent agency'),
        filterOptions: ({ id }) => (id === undefined ? true : { id: { not_equals: id } }),
        validate: combineValidations(validateParentAgency(slug), relationship),
      },
    ],
    hooks: options.isDisabled
      ? {}
      : {
          beforeChange: [recordOrganizationCodeKind({ field: 'organizationCode', kindField: 'organizationCodeKind' })],
          beforeDelete: [refuseDeletingAgencyWithHistory(options)],
        },
  }
}
