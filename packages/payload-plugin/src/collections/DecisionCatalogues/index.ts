import { decisionStages } from '@gongkai/core'
import type { CollectionBeforeChangeHook, CollectionConfig, Validate } from 'payload'
import { number, relationship } from 'payload/shared'

import type { DecisionCatalogue } from '../../generated/payload-types.js'
import { findDocumentByID } from '../../infrastructure/documents.js'
import type { SanitizedGongkaiPluginOptions } from '../../types.js'
import { labeler, localize, selectOptions } from '../../utilities/localize.js'
import { relationId } from '../../utilities/relationIds.js'
import { combineValidations } from '../../validations/combineValidations.js'
import { checkCatalogueAdjustments } from './catalogueAdjustments.js'

const dayPicker = { date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' } } as const

/** 目录调整 kinds. */
export const catalogueAdjustmentKinds = [
  { value: 'add', label: { zh: '调入', en: 'Added' } },
  { value: 'remove', label: { zh: '调出', en: 'Removed' } },
] as const

/**
 * 重大行政决策事项年度目录 (decree 713 art. 4; Wuqing 2022 work plan point 18: 目录管理): one catalogue per
 * government and year, published through the workflow; each item links a decision of that year and shows the
 * stage it had when the catalogue was last saved; after publication, additions and removals are 目录调整
 * records with reason and date, published with the catalogue.
 */
export function createDecisionCataloguesCollection(options: SanitizedGongkaiPluginOptions): CollectionConfig {
  const label = labeler(options.labelLanguages)
  const languages = options.labelLanguages
  const { slugs } = options

  /** Each item is a decision of the catalogue's year, listed once. */
  const validateItemDecision: Validate<unknown, Partial<DecisionCatalogue>> = async (value, { data, req, path }) => {
    const id = relationId(value)
    if (id === undefined) return true
    const catalogue = data ?? {}
    const items = catalogue.items ?? []
    const index = Number(path[path.length - 2])
    const first = items.findIndex((item) => relationId(item?.decision) === id)
    if (Number.isInteger(index) && first !== index) return `该决策事项已列在第 ${first + 1} 项，同一目录中不得重复`
    const decision = await findDocumentByID({ req, collection: 'decisions', id, draft: true })
    if (!decision) return '所列决策事项不存在'
    if (typeof catalogue.year === 'number' && decision.catalogueYear !== catalogue.year) {
      return `“${decision.title}”属于 ${decision.catalogueYear} 年度，不能列入 ${catalogue.year} 年度目录`
    }
    return true
  }

  /** Items show each decision's current 决策阶段; the title is filled when left empty. */
  const fillFromDecisions: CollectionBeforeChangeHook<DecisionCatalogue> = async ({ data, req }) => {
    for (const item of data.items ?? []) {
      const id = relationId(item.decision)
      if (id === undefined) continue
      const decision = await findDocumentByID({ req, collection: 'decisions', id, draft: true })
      if (decision) item.stage = decision.stage
    }
    const agencyId = relationId(data.agency)
    if (!data.title && data.year && agencyId !== undefined) {
      const agency = await findDocumentByID({ req, collection: 'agencies', id: agencyId })
      if (agency) data.title = `${agency.name}${data.year}年度重大行政决策事项目录`
    }
    return data
  }

  return {
    slug: slugs.catalogues,
    labels: { singular: label('重大行政决策事项目录', 'Decision catalogue'), plural: label('重大行政决策事项目录', 'Decision catalogues') },
    admin: {
      group: localize(languages, options.adminGroup),
      useAsTitle: 'title',
      defaultColumns: ['title', 'year', 'agency', '_status'],
    },
    defaultSort: '-year',
    versions: { drafts: true, maxPerDoc: options.maxVersionsPerDoc },
    indexes: [{ fields: ['year', 'agency'], unique: true }],
    hooks: options.isDisabled ? {} : { beforeChange: [fillFromDecisions, checkCatalogueAdjustments({ slug: slugs.catalogues })] },
    fields: [
      {
        type: 'row',
        fields: [
          { name: 'year', type: 'number', label: label('目录年度', 'Year'), required: true, min: 2000, max: 2100, admin: { width: '30%', step: 1 }, validate: number },
          {
            name: 'agency',
            type: 'relationship',
            relationTo: slugs.agencies,
            label: label('决策机关', 'Deciding government'),
            required: true,
            admin: { width: '70%', description: label('如“天津市武清区人民政府”', 'E.g. the district government') },
          },
        ],
      },
      { name: 'title', type: 'text', label: label('目录名称', 'Title'), maxLength: 200, admin: { description: label('留空时自动生成', 'Generated when left empty') } },
      {
        type: 'tabs',
        tabs: [
          {
            label: label('目录事项', 'Items'),
            fields: [
            {
              name: 'items',
              type: 'array',
              label: label('目录事项', 'Items'),
              labels: { singular: label('事项', 'Item'), plural: label('事项', 'Items') },
              maxRows: 500,
              fields: [
                {
                  type: 'row',
                  fields: [
                    {
                      name: 'decision',
                      type: 'relationship',
                      relationTo: slugs.decisions,
                      label: label('决策事项', 'Decision'),
                      required: true,
                      admin: { width: '50%' },
                      validate: combineValidations(relationship, validateItemDecision),
                    },
                    {
                      name: 'stage',
                      type: 'select',
                      label: label('决策阶段', 'Stage'),
                      options: selectOptions(languages, decisionStages),
                      admin: { width: '25%', readOnly: true, description: label('保存时取自决策事项', 'Taken from the decision on save') },
                    },
                    { name: 'plannedCompletion', type: 'text', label: label('计划完成时间', 'Planned completion'), maxLength: 50, admin: { width: '25%' } },
                  ],
                },
              ],
            },
            ],
          },
          {
            label: label('目录调整', 'Adjustments'),
            fields: [
            {
              name: 'adjustments',
              type: 'array',
              label: label('目录调整', 'Adjustments'),
              labels: { singular: label('调整', 'Adjustment'), plural: label('调整', 'Adjustments') },
              maxRows: 500,
              admin: { description: label('目录发布后调入或调出事项须逐项记录，并随目录发布', 'After publication, each addition or removal is recorded and published') },
              fields: [
                {
                  type: 'row',
                  fields: [
                    { name: 'kind', type: 'select', label: label('调整类型', 'Kind'), required: true, options: selectOptions(languages, catalogueAdjustmentKinds), admin: { width: '20%' } },
                    { name: 'decision', type: 'relationship', relationTo: slugs.decisions, label: label('决策事项', 'Decision'), required: true, admin: { width: '50%' } },
                    { name: 'date', type: 'date', label: label('调整日期', 'Date'), required: true, admin: { width: '30%', ...dayPicker } },
                  ],
                },
                { name: 'reason', type: 'textarea', label: label('调整理由', 'Reason'), required: true, maxLength: 1000 },
              ],
            },
            ],
          },
        ],
      },
    ],
  }
}
