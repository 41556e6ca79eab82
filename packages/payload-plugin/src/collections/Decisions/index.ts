import {
  consultationForms,
  decisionStages,
  implementationRecordKinds,
  legalityConclusions,
  meetingKinds,
  optionalDecisionSteps,
  sectionDisclosures,
} from '@gongkai/core'
import type { DecisionStage } from '@gongkai/core'
import { ValidationError } from 'payload'
import type { CollectionConfig, Field, FieldHook, RichTextField, UploadField } from 'payload'
import { array, date, number, relationship, richText as richTextValidation, select, text, textarea } from 'payload/shared'

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
import { labelIn, message } from '../../translations/message.js'
import { dayPicker } from '../../fields/dateFormats.js'
import { defaultOwnAgency } from '../../fields/defaultOwnAgency.js'
import type { DecisionStageShortcutProps } from '../../components/DecisionStageShortcut.js'

/** Path of the sidebar component that opens the tabs of the decision's current stage. */
export const decisionStageShortcutComponentPath = '@gongkai/payload-plugin/client#DecisionStageShortcut'

/** The form's tabs, in order: one a step of decree 713 (决策事项 and 决策草案 before them). */
const tabOrder = ['catalogue', 'draft', 'participation', 'expertReview', 'riskAssessment', 'legalityReview', 'meeting', 'publication', 'implementation', 'evaluation'] as const
type DecisionTab = (typeof tabOrder)[number]

/** The tabs holding what a decision at each 决策阶段 is working on (the stage's own step first). */
const tabsOfStage: Readonly<Record<DecisionStage, readonly DecisionTab[]>> = {
  catalogued: ['catalogue'],
  drafting: ['draft'],
  soliciting_comments: ['participation'],
  reviewing: ['expertReview', 'riskAssessment', 'legalityReview'],
  deciding: ['legalityReview', 'meeting'],
  decided: ['meeting', 'publication'],
  implementing: ['implementation'],
  evaluated: ['evaluation'],
}


/** A checkbox takes true, false or nothing: anything else is refused with the field's label, drafts included. */
function refuseNonBoolean(args: { collection: string; path: string; label: { zh: string; en: string } }): FieldHook {
  return ({ value, req }) => {
    if (value === undefined || value === null || typeof value === 'boolean') return value
    throw new ValidationError({ collection: args.collection, errors: [{ path: args.path, message: message(req, 'notBoolean', { label: labelIn(args.label, req) }) }] }, req.t)
  }
}

/** 重大行政决策 (decree 713): from the yearly catalogue through comments, reviews and the decision to its evaluation. */
export function createDecisionsCollection(options: SanitizedGongkaiPluginOptions): CollectionConfig {
  const label = labeler(options.labelLanguages)
  const languages = options.labelLanguages
  const { slugs, timeZone } = options
  const process = (path: string) => validateDecisionProcess({ path, timeZone })
  const tabLabels: Record<DecisionTab, Record<string, string>> = {
    catalogue: label('决策事项', 'Catalogue'),
    draft: label('决策草案', 'Draft'),
    participation: label('公众参与', 'Public participation'),
    expertReview: label('专家论证', 'Expert review'),
    riskAssessment: label('风险评估', 'Risk assessment'),
    legalityReview: label('合法性审查', 'Legality review'),
    meeting: label('集体讨论决定', 'Decision meeting'),
    publication: label('决策公布', 'Publication'),
    implementation: label('执行', 'Implementation'),
    evaluation: label('后评估', 'Evaluation'),
  }
  const stageTabLabels: DecisionStageShortcutProps['tabs'] = Object.fromEntries(
    decisionStages.map((stage) => [stage.value, tabsOfStage[stage.value].map((tab) => ({ index: tabOrder.indexOf(tab), label: tabLabels[tab] }))]),
  )
  /**
   * Files of a draft (决策草案, 起草说明, 决策背景) in the plugin's uploads collection: the attachments' access
   * keeps them to the agency until a published decision links them, and 保密审查 reads them with the rest.
   */
  const draftAttachments = (name: string, zh: string, en: string): UploadField => ({
    name,
    type: 'upload',
    relationTo: options.uploadsSlug,
    hasMany: true,
    maxRows: 50,
    label: label(zh, en),
  })
  const optionalSteps = {
    expertReview: { ...optionalDecisionSteps[0], zh: '专家论证', en: 'expert review' },
    riskAssessment: { ...optionalDecisionSteps[1], zh: '风险评估', en: 'risk assessment' },
  }
  /** 不适用: the checkbox and, when checked, the reason (core's `notApplicableErrors` requires it). */
  const notApplicable = (step: { field: string; reasonField: string; zh: string; en: string }): Field[] => [
    {
      name: step.field,
      type: 'checkbox',
      label: label(`本事项不适用${step.zh}`, `No ${step.en} needed`),
      defaultValue: false,
      // Drafts skip Payload's validation; without this a hostile value (an object) reached the database as a 500.
      hooks: { beforeValidate: [refuseNonBoolean({ collection: slugs.decisions, path: step.field, label: { zh: `本事项不适用${step.zh}`, en: `No ${step.en} needed` } })] },
      admin: { description: label(`标记为不适用后，后续阶段不再要求${step.zh}的各项内容`, 'Its elements are then not required at later stages') },
    },
    {
      name: step.reasonField,
      type: 'textarea',
      label: label(`${step.zh}不适用理由`, 'Why not applicable'),
      maxLength: 1000,
      admin: { condition: (data) => data?.[step.field] === true },
      validate: combineValidations(textarea, process(step.reasonField)),
    },
  ]
  const richText = (name: string, zh: string, en: string, processPath?: string): RichTextField => ({
    name,
    type: 'richText',
    label: label(zh, en),
    editor: options.editor,
    ...(processPath ? { validate: combineValidations(richTextValidation, process(processPath)) } : {}),
  })
  /** A 视情况公开 section: its content (read only where disclosed), date, 公开 / 不公开 and the reason. */
  const disclosedSection = (section: { name: string; zh: string; en: string; contentZh: string; notApplicableField?: string }): Field[] => {
    // A step marked 不适用 hides its inputs (what was typed stays stored, and comes back when unmarked).
    const isApplicable = (data: Record<string, unknown> | undefined) => !section.notApplicableField || data?.[section.notApplicableField] !== true
    const content = richText(section.name, section.contentZh, section.en, section.name)
    return [
    { ...content, access: { read: sectionReadAccess(`${section.name}Disclosure`) }, admin: { ...content.admin, condition: (data) => isApplicable(data) } },
    {
      type: 'row',
      admin: { condition: (data) => isApplicable(data) },
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
  }

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
        name: 'stage',
        type: 'select',
        label: label('决策阶段', 'Stage'),
        required: true,
        defaultValue: 'catalogued',
        options: selectOptions(languages, decisionStages),
        admin: { position: 'sidebar' },
      },
      // A component, no data: left out when the plugin is disabled (the schema stays the same).
      ...(options.isDisabled
        ? []
        : [
            {
              name: 'stageShortcut',
              type: 'ui',
              label: label('当前阶段', 'Current stage'),
              admin: { position: 'sidebar', components: { Field: { path: decisionStageShortcutComponentPath, clientProps: { tabs: stageTabLabels } } } },
            } satisfies Field,
          ]),
      {
        // Unnamed tabs, one a step of decree 713: presentational only, so the data and the database keep their shape.
        type: 'tabs',
        tabs: [
          {
            label: tabLabels.catalogue,
            description: label('列入年度决策事项目录的事项、承办单位', 'The catalogued matter and who carries it'),
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
            ],
          },
          {
            label: tabLabels.draft,
            description: label('决策草案、起草说明和决策背景，可附上文件（附件经保密审查，公开前仅本机关可见）', 'Draft, explanation and background, with files'),
            fields: [
              richText('draftText', '决策草案全文', 'Draft full text', 'draftText'),
              draftAttachments('draftTextAttachments', '决策草案附件', 'Draft files'),
              richText('draftingExplanation', '草案说明', 'Drafting explanation', 'draftingExplanation'),
              draftAttachments('draftingExplanationAttachments', '起草说明附件', 'Explanation files'),
              richText('background', '决策背景', 'Background', 'background'),
              draftAttachments('backgroundAttachments', '决策背景附件', 'Background files'),
            ],
          },
          {
            label: tabLabels.participation,
            description: label('征求意见的方式和期限、收到的意见及采纳情况、公众参与记录', 'Consultation, comments and participation'),
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
              {
                name: 'participationRecords',
                type: 'join',
                collection: slugs.participation,
                on: 'decision',
                label: label('公众参与记录', 'Participation records'),
                // Plain columns only: the join table reads its rows at depth 0, where a relationship column shows “‹没有 …›”.
                admin: { defaultColumns: ['meetingName', 'kind', 'meetingDate', '_status'] },
              },
            ],
          },
          {
            label: tabLabels.expertReview,
            description: label('专业性、技术性较强的决策事项应当组织专家论证（条例第十九条）；不需要的，标记为不适用并写明理由', 'Art. 19; mark not applicable with a reason'),
            fields: [
              ...notApplicable(optionalSteps.expertReview),
              ...disclosedSection({ name: 'expertReview', zh: '专家论证', en: 'Expert review', contentZh: '专家论证意见', notApplicableField: optionalSteps.expertReview.field }),
            ],
          },
          {
            label: tabLabels.riskAssessment,
            description: label('可能对社会稳定、公共安全等造成不利影响的，应当组织风险评估（条例第二十二条）；不需要的，标记为不适用并写明理由', 'Art. 22; mark not applicable with a reason'),
            fields: [
              ...notApplicable(optionalSteps.riskAssessment),
              ...disclosedSection({ name: 'riskAssessment', zh: '风险评估', en: 'Risk assessment', contentZh: '风险评估结论', notApplicableField: optionalSteps.riskAssessment.field }),
            ],
          },
          {
            label: tabLabels.legalityReview,
            description: label('决策草案提交集体讨论前须经合法性审查（条例第二十四条）', 'Before the decision meeting (art. 24)'),
            fields: [
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
            label: tabLabels.meeting,
            description: label('经政府常务会议或者全体会议讨论决定（条例第三十条）', 'Decided at the executive or plenary meeting (art. 30)'),
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
            ],
          },
          {
            label: tabLabels.publication,
            description: label('决策结果及据此制发的政策文件', 'The result and the policies issued from it'),
            fields: [
              richText('result', '决策结果', 'Result', 'result'),
              {
                name: 'resultingPolicies',
                type: 'relationship',
                relationTo: slugs.policies,
                hasMany: true,
                label: label('据此制发的政策文件', 'Resulting policies'),
              },
            ],
          },
          {
            label: tabLabels.implementation,
            description: label('决策执行情况、调整和暂缓或停止执行（条例第六章）', 'Implementation and adjustment (ch. 6)'),
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
            ],
          },
          {
            label: tabLabels.evaluation,
            description: label('决策后评估（效果评估），视情况公开', 'Post-evaluation, disclosed where chosen'),
            fields: [...disclosedSection({ name: 'effectEvaluation', zh: '效果评估', en: 'Effect evaluation', contentZh: '决策后评估' })],
          },
        ],
      },
    ],
  }
}
