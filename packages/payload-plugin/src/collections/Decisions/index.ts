import { consultationForms, decisionStages, implementationRecordKinds, legalityConclusions, meetingKinds, sectionDisclosures } from '@gongkai/core'
import type { CollectionConfig, Field, RichTextField } from 'payload'
import { array, date, number, relationship, richText as richTextValidation, select, text } from 'payload/shared'

import { adoptionFields } from '../../fields/adoptionFields.js'
import type { SanitizedGongkaiPluginOptions } from '../../types.js'
import { labeler, localize, selectOptions } from '../../utilities/localize.js'
import { combineValidations } from '../../validations/combineValidations.js'
import { validateCatalogueNumber } from '../../validations/validateCatalogueNumber.js'
import { validateCommentPeriodEnd } from '../../validations/validateCommentPeriodEnd.js'
import { validateDecisionProcess } from '../../validations/validateDecisionProcess.js'
import { adoptionSummaryField } from './adoptionSummaryField.js'
import { decisionDossierEndpoint } from './dossierEndpoint.js'
import { sectionReadAccess } from './sectionReadAccess.js'
import { dayPicker } from '../../fields/dateFormats.js'
import { defaultOwnAgency } from '../../fields/defaultOwnAgency.js'


/** 重大行政决策 (decree 713): from the yearly catalogue through comments, reviews and the decision to its evaluation. */
export function createDecisionsCollection(options: SanitizedGongkaiPluginOptions): CollectionConfig {
  const label = labeler(options.labelLanguages)
  const languages = options.labelLanguages
  const { slugs, timeZone } = options
  const process = (path: string) => validateDecisionProcess({ path, timeZone })
  const richText = (name: string, zh: string, en: string, processPath?: string): RichTextField => ({
    name,
    type: 'richText',
    label: label(zh, en),
    editor: options.editor,
    ...(processPath ? { validate: combineValidations(richTextValidation, process(processPath)) } : {}),
  })
  /** A 视情况公开 section: its content (read only where disclosed), date, 公开 / 不公开 and the reason. */
  const disclosedSection = (section: { name: string; zh: string; en: string; contentZh: string }): Field[] => [
    { ...richText(section.name, section.contentZh, section.en, section.name), access: { read: sectionReadAccess(`${section.name}Disclosure`) } },
    {
      type: 'row',
      fields: [
        {
          name: `${section.name}Date`,
          type: 'date',
          label: label(`${section.zh}日期`, `${section.en} date`),
          admin: { width: '33%', ...dayPicker },
          validate: combineValidations(date, process(`${section.name}Date`)),
        },
        {
          name: `${section.name}Disclosure`,
          type: 'select',
          label: label(`${section.zh}是否公开`, `Disclose the ${section.en.toLowerCase()}`),
          options: selectOptions(languages, sectionDisclosures),
          admin: { width: '33%', description: label('视情况公开；选择“不公开”的，内容不向公众显示', 'Only 公开 sections reach readers') },
          validate: combineValidations(select, process(`${section.name}Disclosure`)),
        },
        {
          name: `${section.name}NonDisclosureReason`,
          type: 'text',
          label: label(`${section.zh}不公开理由`, 'Reason not disclosed'),
          maxLength: 500,
          admin: { width: '34%', condition: (_, siblingData) => siblingData?.[`${section.name}Disclosure`] === 'not_public' },
          validate: combineValidations(text, process(`${section.name}NonDisclosureReason`)),
        },
      ],
    },
  ]

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
    endpoints: options.isDisabled ? [] : [decisionDossierEndpoint(options)],
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
      {
        type: 'tabs',
        tabs: [
          {
            label: label('决策草案', 'Draft'),
            fields: [
              richText('draftText', '决策草案全文', 'Draft full text', 'draftText'),
              richText('draftingExplanation', '草案说明', 'Drafting explanation', 'draftingExplanation'),
              richText('background', '决策背景', 'Background', 'background'),
            ],
          },
          {
            label: label('公众参与', 'Public participation'),
            fields: [
              {
                name: 'consultationForm',
                type: 'select',
                label: label('征求意见方式', 'Consultation form'),
                defaultValue: 'public_solicitation',
                options: selectOptions(languages, consultationForms),
                admin: { description: label(`向社会公开征求意见的，期限一般不少于 ${options.commentPeriodMinDays} 日`, `A public comment period lasts at least ${options.commentPeriodMinDays} days`) },
                validate: combineValidations(select, process('consultationForm')),
              },
              {
                type: 'row',
                fields: [
                  {
                    name: 'commentPeriodStart',
                    type: 'date',
                    label: label('征求意见开始日期', 'Comment period start'),
                    admin: { width: '50%', ...dayPicker },
                    validate: combineValidations(date, process('commentPeriodStart')),
                  },
                  {
                    name: 'commentPeriodEnd',
                    type: 'date',
                    label: label('征求意见结束日期', 'Comment period end'),
                    admin: {
                      width: '50%',
                      ...dayPicker,
                      description: label(
                        `公开征求意见期限不少于 ${options.commentPeriodMinDays} 日；缩短的须写明理由`,
                        `At least ${options.commentPeriodMinDays} days unless a reason is given`,
                      ),
                    },
                    validate: combineValidations(
                      date,
                      validateCommentPeriodEnd({
                        startField: 'commentPeriodStart',
                        formField: 'consultationForm',
                        reasonField: 'shortenedPeriodReason',
                        minDays: options.commentPeriodMinDays,
                        timeZone,
                      }),
                      process('commentPeriodEnd'),
                    ),
                  },
                ],
              },
              {
                name: 'shortenedPeriodReason',
                type: 'textarea',
                label: label('缩短期限的理由', 'Reason for a shorter period'),
                maxLength: 1000,
                admin: {
                  condition: (data) => data?.consultationForm === 'public_solicitation' || !data?.consultationForm,
                  description: label('因情况紧急等原因缩短公开征求意见期限的，须在公告中说明（条例第十五条）', 'Required when the public period is shorter than the minimum (art. 15)'),
                },
              },
              {
                name: 'commentNotice',
                type: 'relationship',
                relationTo: slugs.policies,
                label: label('征求意见公告', 'Comment period notice'),
                // The notice is an official 公告: it gets its 发文字号 and 索引号, goes through review and
                // publication, and reaches the library and the feeds as every other document does.
                filterOptions: { documentType: { equals: 'announcement' } },
                admin: {
                  condition: (data) => data?.consultationForm === 'public_solicitation' || !data?.consultationForm,
                  description: label('文种为“公告”的政策文件，载明草案、说明、提出意见的方式和期限', 'A policy of 文种 公告 with the draft, how and until when to comment'),
                },
                validate: combineValidations(relationship, process('commentNotice')),
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
                validate: combineValidations(array, process('publicComments.')),
              },
              adoptionSummaryField({ options, name: 'adoptionSummary', arrayField: 'publicComments', noun: '意见' }),
            ],
          },
          {
            label: label('论证评估', 'Review and assessment'),
            fields: [
              ...disclosedSection({ name: 'expertReview', zh: '专家论证', en: 'Expert review', contentZh: '专家论证意见' }),
              ...disclosedSection({ name: 'riskAssessment', zh: '风险评估', en: 'Risk assessment', contentZh: '风险评估结论' }),
              richText('legalityReview', '合法性审查意见', 'Legality review', 'legalityReview'),
              {
                type: 'row',
                fields: [
                  {
                    name: 'legalityReviewDate',
                    type: 'date',
                    label: label('合法性审查日期', 'Legality review date'),
                    admin: { width: '50%', ...dayPicker, description: label('须在集体讨论决定之前', 'Before the decision meeting') },
                    validate: combineValidations(date, process('legalityReviewDate')),
                  },
                  {
                    name: 'legalityReviewConclusion',
                    type: 'select',
                    label: label('合法性审查结论', 'Legality conclusion'),
                    options: selectOptions(languages, legalityConclusions),
                    admin: { width: '50%' },
                    validate: combineValidations(select, process('legalityReviewConclusion')),
                  },
                ],
              },
            ],
          },
          {
            label: label('集体讨论决定', 'Decision'),
            fields: [
              {
                name: 'meeting',
                type: 'group',
                label: label('集体讨论决定', 'Decision meeting'),
                fields: [
                  {
                    type: 'row',
                    fields: [
                      {
                        name: 'date',
                        type: 'date',
                        label: label('会议日期', 'Date'),
                        admin: { width: '33%', ...dayPicker },
                        validate: combineValidations(date, process('meeting.date')),
                      },
                      {
                        name: 'kind',
                        type: 'select',
                        label: label('会议类型', 'Kind'),
                        options: selectOptions(languages, meetingKinds),
                        admin: { width: '33%' },
                        validate: combineValidations(select, process('meeting.kind')),
                      },
                      {
                        name: 'name',
                        type: 'text',
                        label: label('会议名称', 'Name'),
                        maxLength: 100,
                        admin: { width: '34%', description: label('如“区政府第12次常务会议”', 'E.g. the 12th executive meeting') },
                        validate: combineValidations(text, process('meeting.name')),
                      },
                    ],
                  },
                ],
              },
              richText('result', '决策结果', 'Result', 'result'),
            ],
          },
          {
            label: label('执行与评估', 'Implementation and evaluation'),
            fields: [
              {
                name: 'implementationRecords',
                type: 'array',
                label: label('执行情况记录', 'Implementation records'),
                labels: { singular: label('执行情况', 'Record'), plural: label('执行情况', 'Records') },
                maxRows: 500,
                fields: [
                  {
                    type: 'row',
                    fields: [
                      { name: 'date', type: 'date', label: label('日期', 'Date'), required: true, admin: { width: '30%', ...dayPicker } },
                      {
                        name: 'kind',
                        type: 'select',
                        label: label('类型', 'Kind'),
                        required: true,
                        defaultValue: 'progress',
                        options: selectOptions(languages, implementationRecordKinds),
                        admin: { width: '30%' },
                      },
                    ],
                  },
                  { name: 'content', type: 'textarea', label: label('执行情况', 'What happened'), required: true, maxLength: 3000 },
                ],
                validate: combineValidations(array, process('implementationRecords')),
              },
              ...disclosedSection({ name: 'effectEvaluation', zh: '效果评估', en: 'Effect evaluation', contentZh: '决策后评估' }),
            ],
          },
        ],
      },
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
