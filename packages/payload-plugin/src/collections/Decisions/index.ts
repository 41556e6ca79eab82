import { decisionStages, meetingKinds } from '@gongkai/core'
import type { CollectionConfig } from 'payload'
import { date, number } from 'payload/shared'

import { adoptionFields } from '../../fields/adoptionFields.js'
import type { SanitizedGongkaiPluginOptions } from '../../types.js'
import { labeler, localize, selectOptions } from '../../utilities/localize.js'
import { combineValidations } from '../../validations/combineValidations.js'
import { validateCatalogueNumber } from '../../validations/validateCatalogueNumber.js'
import { validateCommentPeriodEnd } from '../../validations/validateCommentPeriodEnd.js'
import { dayPicker } from '../../fields/dateFormats.js'
import { defaultOwnAgency } from '../../fields/defaultOwnAgency.js'


/** 重大行政决策 (decree 713): from the yearly catalogue through comments, reviews and the decision to its evaluation. */
export function createDecisionsCollection(options: SanitizedGongkaiPluginOptions): CollectionConfig {
  const label = labeler(options.labelLanguages)
  const languages = options.labelLanguages
  const { slugs, timeZone } = options
  const richText = (name: string, zh: string, en: string) =>
    ({ name, type: 'richText', label: label(zh, en), editor: options.editor }) as const

  return {
    slug: slugs.decisions,
    labels: { singular: label('重大行政决策', 'Major decision'), plural: label('重大行政决策', 'Major decisions') },
    admin: {
      group: localize(languages, options.adminGroup),
      useAsTitle: 'title',
      defaultColumns: ['title', 'catalogueYear', 'catalogueNumber', 'responsibleAgency', 'stage', '_status'],
      listSearchableFields: ['title'],
    },
    defaultSort: ['-catalogueYear', 'catalogueNumber'],
    versions: { drafts: true, maxPerDoc: options.maxVersionsPerDoc },
    // The validation gives the editor a clear message; the index keeps the rule under concurrent saves.
    indexes: [{ fields: ['catalogueYear', 'catalogueNumber'], unique: true }],
    fields: [
      {
        type: 'row',
        fields: [
          {
            name: 'catalogueYear',
            type: 'number',
            label: label('目录年度', 'Catalogue year'),
            required: true,
            min: 2000,
            max: 2100,
            admin: { width: '50%', step: 1 },
          },
          {
            name: 'catalogueNumber',
            type: 'number',
            label: label('目录序号', 'Catalogue number'),
            required: true,
            min: 1,
            admin: { width: '50%', step: 1, description: label('同一年度内不得重复', 'Unique within the year') },
            validate: combineValidations(number, validateCatalogueNumber({ decisionsSlug: slugs.decisions, yearField: 'catalogueYear', numberField: 'catalogueNumber' })),
          },
        ],
      },
      { name: 'title', type: 'text', label: label('决策事项名称', 'Title'), required: true, maxLength: 200 },
      {
        name: 'responsibleAgency',
        type: 'relationship',
        relationTo: slugs.agencies,
        label: label('承办单位', 'Responsible agency'),
        required: true,
        defaultValue: defaultOwnAgency,
      },
      {
        name: 'stage',
        type: 'select',
        label: label('决策阶段', 'Stage'),
        required: true,
        defaultValue: 'catalogued',
        options: selectOptions(languages, decisionStages),
        admin: { position: 'sidebar' },
      },
      richText('draftText', '决策草案全文', 'Draft full text'),
      richText('draftingExplanation', '起草说明', 'Drafting explanation'),
      richText('background', '决策背景', 'Background'),
      {
        type: 'row',
        fields: [
          {
            name: 'commentPeriodStart',
            type: 'date',
            label: label('征求意见开始日期', 'Comment period start'),
            admin: { width: '50%', ...dayPicker },
          },
          {
            name: 'commentPeriodEnd',
            type: 'date',
            label: label('征求意见结束日期', 'Comment period end'),
            admin: {
              width: '50%',
              ...dayPicker,
              description: label(
                `征求意见期限不少于 ${options.commentPeriodMinDays} 日`,
                `At least ${options.commentPeriodMinDays} days`,
              ),
            },
            validate: combineValidations(
              date,
              validateCommentPeriodEnd({ startField: 'commentPeriodStart', minDays: options.commentPeriodMinDays, timeZone }),
            ),
          },
        ],
      },
      {
        name: 'publicComments',
        type: 'array',
        label: label('收到的公众意见', 'Public comments received'),
        labels: { singular: label('意见', 'Comment'), plural: label('意见', 'Comments') },
        fields: [
          { name: 'summary', type: 'textarea', label: label('意见摘要', 'Summary'), required: true, maxLength: 2000 },
          { name: 'receivedDate', type: 'date', label: label('收到日期', 'Received'), admin: dayPicker },
          ...adoptionFields(options),
        ],
      },
      richText('riskAssessment', '风险评估', 'Risk assessment'),
      richText('expertReview', '专家论证', 'Expert review'),
      richText('legalityReview', '合法性审查', 'Legality review'),
      {
        name: 'meeting',
        type: 'group',
        label: label('集体讨论决定', 'Decision meeting'),
        fields: [
          {
            type: 'row',
            fields: [
              { name: 'date', type: 'date', label: label('会议日期', 'Date'), admin: { width: '33%', ...dayPicker } },
              {
                name: 'kind',
                type: 'select',
                label: label('会议类型', 'Kind'),
                options: selectOptions(languages, meetingKinds),
                admin: { width: '33%' },
              },
              {
                name: 'name',
                type: 'text',
                label: label('会议名称', 'Name'),
                maxLength: 100,
                admin: { width: '34%', description: label('如“区政府第12次常务会议”', 'E.g. the 12th executive meeting') },
              },
            ],
          },
        ],
      },
      richText('result', '决策结果', 'Result'),
      richText('effectEvaluation', '决策后评估', 'Effect evaluation'),
      {
        name: 'participationRecords',
        type: 'join',
        collection: slugs.participation,
        on: 'decision',
        label: label('公众参与记录', 'Participation records'),
      },
      {
        name: 'resultingPolicies',
        type: 'relationship',
        relationTo: slugs.policies,
        hasMany: true,
        label: label('据此制发的政策文件', 'Resulting policies'),
      },
    ],
  }
}
