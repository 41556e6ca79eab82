import {
  classificationLevels,
  disclosureTypes,
  documentTypes,
  isDisclosureReasonRequired,
  isOptionValue,
  labelOf,
  nonDisclosureReasons,
} from '@gongkai/core'
import type { CollectionConfig, PayloadRequest } from 'payload'
import { date, relationship, select, text, textarea } from 'payload/shared'

import { computedFieldAccess } from '../../fields/computedFieldAccess.js'
import { clearNonDisclosureReason } from '../../hooks/clearNonDisclosureReason.js'
import { defaultNeedsInterpretation } from '../../rules/threeSync.js'
import { normalizeDocumentNumber } from '../../hooks/normalizeDocumentNumber.js'
import { normalizeDocumentNumberSearch } from '../../hooks/normalizeDocumentNumberSearch.js'
import type { SanitizedGongkaiPluginOptions } from '../../types.js'
import { labeler, localize, selectOptions } from '../../utilities/localize.js'
import { bodyEditor } from '../../editor/bodyEditor.js'
import { combineValidations } from '../../validations/combineValidations.js'
import { validateDocumentNumber } from '../../validations/validateDocumentNumber.js'
import { validateUniqueDocumentNumber } from '../../validations/validateUniqueDocumentNumber.js'
import { validateJointIssuers } from '../../validations/validateJointIssuers.js'
import { validateNotBefore } from '../../validations/validateNotBefore.js'
import { validateNotSelf } from '../../validations/validateNotSelf.js'
import { validatePolicyTopic } from '../../validations/validatePolicyTopic.js'
import { validateRequiredWhen } from '../../validations/validateRequiredWhen.js'
import { labelIn, languageOf, message } from '../../translations/message.js'
import { dayPicker } from '../../fields/dateFormats.js'
import { defaultOwnAgency } from '../../fields/defaultOwnAgency.js'


/** 政策文件: a policy document with the metadata the State Council policy library and GB/T 33480 ask for. */
export function createPoliciesCollection(options: SanitizedGongkaiPluginOptions): CollectionConfig {
  const label = labeler(options.labelLanguages)
  const languages = options.labelLanguages
  const { slugs, timeZone, validityStatuses } = options
  const statusLabel = (value: unknown, req: PayloadRequest) => labelIn(validityStatuses.find((status) => status.value === value)?.label, req) || String(value)

  return {
    slug: slugs.policies,
    labels: { singular: label('政策文件', 'Policy document'), plural: label('政策文件', 'Policy documents') },
    admin: {
      group: localize(languages, options.adminGroup),
      useAsTitle: 'title',
      defaultColumns: ['indexNumber', 'title', 'documentNumber', 'issuingAgency', 'publishDate', '_status'],
      listSearchableFields: ['title', 'documentNumber', 'indexNumber', 'keywords'],
    },
    defaultSort: '-writtenDate',
    versions: { drafts: true, maxPerDoc: options.maxVersionsPerDoc },
    fields: [
      { name: 'title', type: 'text', label: label('标题', 'Title'), required: true, maxLength: 200 },
      {
        type: 'row',
        fields: [
          {
            name: 'documentNumber',
            type: 'text',
            label: label('发文字号', 'Document number'),
            maxLength: 50,
            index: true,
            admin: {
              width: '50%',
              description: label(
                '如“津武政办发〔2022〕12号”。可输入 [ ] ( ) （ ） ﹝ ﹞ 【 】，保存时统一为〔〕，更正内容显示在右侧。',
                'E.g. 津武政办发〔2022〕12号. Look-alike brackets are turned into 〔〕 on save; the corrections show alongside.',
              ),
            },
            validate: combineValidations(text, validateDocumentNumber, validateUniqueDocumentNumber(slugs.policies)),
          },
          {
            name: 'documentNumberCorrections',
            type: 'text',
            label: label('发文字号更正', 'Document number corrections'),
            access: computedFieldAccess,
            admin: {
              width: '50%',
              readOnly: true,
              disableListColumn: true,
              disableListFilter: true,
              condition: (data) => Boolean(data?.documentNumberCorrections),
              description: label('最近一次保存时对发文字号所做的规范化更正', 'What the last save normalised in the document number'),
            },
          },
        ],
      },
      {
        name: 'indexNumber',
        type: 'text',
        label: label('索引号', 'Index number'),
        unique: true,
        // Only the publishing workflow assigns it, through the trusted local API.
        access: computedFieldAccess,
        admin: {
          position: 'sidebar',
          readOnly: true,
          description: label('首次发布时由系统分配，此后不变', 'Assigned by the workflow on first publication; never changes'),
        },
      },
      {
        name: 'issuingAgency',
        type: 'relationship',
        relationTo: slugs.agencies,
        label: label('发文机关', 'Issuing agency'),
        required: true,
        defaultValue: defaultOwnAgency,
        admin: { description: label('联合发文时为主办机关', 'The lead agency of a joint document') },
      },
      {
        name: 'jointIssuers',
        type: 'relationship',
        relationTo: slugs.agencies,
        hasMany: true,
        label: label('联合发文机关', 'Joint issuers'),
        validate: combineValidations(relationship, validateJointIssuers('issuingAgency')),
      },
      {
        type: 'row',
        fields: [
          {
            name: 'writtenDate',
            type: 'date',
            label: label('成文日期', 'Date written'),
            required: true,
            index: true,
            admin: { width: '50%', ...dayPicker },
          },
          {
            name: 'publishDate',
            type: 'date',
            label: label('发布日期', 'Publication date'),
            index: true,
            admin: { width: '50%', ...dayPicker },
            validate: combineValidations(
              date,
              validateNotBefore({ label: { zh: '发布日期', en: 'Publication date' }, otherField: 'writtenDate', otherLabel: { zh: '成文日期', en: 'Date written' }, timeZone }),
            ),
          },
        ],
      },
      {
        name: 'documentType',
        type: 'select',
        label: label('文种', 'Document type'),
        required: true,
        options: selectOptions(languages, documentTypes),
        admin: { position: 'sidebar' },
      },
      {
        name: 'topic',
        type: 'relationship',
        relationTo: slugs.topics,
        label: label('主题分类', 'Topic'),
        required: true,
        admin: { description: label('选择二级分类（无下级的一级分类可直接选择）', 'A second-level topic (or a top-level one without children)') },
        validate: combineValidations(relationship, validatePolicyTopic(slugs.topics)),
      },
      { name: 'keywords', type: 'text', label: label('主题词', 'Keywords'), maxLength: 200 },
      {
        type: 'row',
        fields: [
          {
            name: 'validity',
            type: 'select',
            label: label('有效性', 'Validity'),
            required: true,
            defaultValue: validityStatuses[0]?.value,
            options: validityStatuses.map((status) => ({ value: status.value, label: localize(languages, status.label) })),
            admin: { width: '50%' },
          },
          {
            name: 'expiryDate',
            type: 'date',
            label: label('失效日期', 'Expiry date'),
            admin: { width: '50%', ...dayPicker },
            validate: combineValidations(
              date,
              validateRequiredWhen((siblingData, req) =>
                validityStatuses.some((status) => status.value === siblingData.validity && status.requiresExpiryDate)
                  ? message(req, 'expiryDateRequired', { validity: statusLabel(siblingData.validity, req) })
                  : undefined,
              ),
              validateNotBefore({ label: { zh: '失效日期', en: 'Expiry date' }, otherField: 'writtenDate', otherLabel: { zh: '成文日期', en: 'Date written' }, timeZone }),
            ),
          },
        ],
      },
      {
        name: 'supersededBy',
        type: 'relationship',
        relationTo: slugs.policies,
        label: label('被以下文件替代', 'Superseded by'),
        filterOptions: ({ id }) => (id === undefined ? true : { id: { not_equals: id } }),
        // Ours first: filterOptions hides the document itself, and the built-in check would only say "invalid selection".
        validate: combineValidations(
          validateNotSelf({ zh: '替代文件', en: 'The replacing document' }),
          validateRequiredWhen((siblingData, req) =>
            validityStatuses.some((status) => status.value === siblingData.validity && status.requiresReplacement)
              ? message(req, 'replacementRequired', { validity: statusLabel(siblingData.validity, req) })
              : undefined,
          ),
          relationship,
        ),
      },
      {
        name: 'supersedes',
        type: 'relationship',
        relationTo: slugs.policies,
        hasMany: true,
        label: label('替代以下文件', 'Supersedes'),
        filterOptions: ({ id }) => (id === undefined ? true : { id: { not_equals: id } }),
        validate: combineValidations(validateNotSelf({ zh: '被替代文件', en: 'A superseded document' }), relationship),
      },
      {
        type: 'row',
        fields: [
          {
            name: 'disclosure',
            type: 'select',
            label: label('公开属性', 'Disclosure'),
            required: true,
            defaultValue: 'proactive',
            options: selectOptions(languages, disclosureTypes),
            admin: { width: '50%' },
          },
          {
            name: 'nonDisclosureReason',
            type: 'select',
            label: label('不予公开理由', 'Reason for not disclosing proactively'),
            options: selectOptions(languages, nonDisclosureReasons),
            admin: { width: '50%', condition: (_, siblingData) => siblingData?.disclosure !== 'proactive' },
            validate: combineValidations(
              select,
              validateRequiredWhen((siblingData, req) =>
                isOptionValue(disclosureTypes, siblingData.disclosure) && isDisclosureReasonRequired(siblingData.disclosure)
                  ? message(req, 'nonDisclosureReasonSelect', { disclosure: labelOf(disclosureTypes, siblingData.disclosure, languageOf(req)) })
                  : undefined,
              ),
            ),
          },
        ],
      },
      {
        name: 'nonDisclosureExplanation',
        type: 'textarea',
        label: label('理由说明（法律依据）', 'Explanation (legal basis)'),
        maxLength: 500,
        admin: { condition: (_, siblingData) => siblingData?.disclosure !== 'proactive' },
        validate: combineValidations(
          textarea,
          validateRequiredWhen((siblingData, req) =>
            siblingData.disclosure !== 'proactive' && siblingData.nonDisclosureReason === 'other'
              ? message(req, 'nonDisclosureExplanationRequired', { other: labelOf(nonDisclosureReasons, 'other', languageOf(req)) })
              : undefined,
          ),
        ),
      },
      {
        name: 'classification',
        type: 'select',
        label: label('密级', 'Classification'),
        required: true,
        defaultValue: 'unclassified',
        options: selectOptions(languages, classificationLevels),
        admin: { position: 'sidebar', description: label('标有密级的文件不得公开发布', 'Classified documents are never published') },
      },
      {
        name: 'isNormative',
        type: 'checkbox',
        label: label('规范性文件', 'Normative document'),
        defaultValue: false,
        admin: { position: 'sidebar' },
      },
      {
        name: 'needsInterpretation',
        type: 'checkbox',
        label: label('需要政策解读', 'Needs an interpretation'),
        admin: {
          position: 'sidebar',
          description: label('三同步：未勾选时，规范性文件默认需要解读', 'Defaults to yes for normative documents'),
        },
        hooks: options.isDisabled ? {} : { beforeChange: [defaultNeedsInterpretation('isNormative')] },
      },
      { name: 'summary', type: 'textarea', label: label('摘要', 'Summary'), maxLength: 1500 },
      { name: 'body', type: 'richText', label: label('正文', 'Body'), editor: bodyEditor(options) },
      {
        name: 'attachments',
        type: 'upload',
        relationTo: options.uploadsSlug,
        hasMany: true,
        label: label('附件', 'Attachments'),
      },
      {
        name: 'interpretations',
        type: 'join',
        collection: slugs.interpretations,
        on: 'policies',
        label: label('政策解读', 'Interpretations'),
        // The join table reads its rows at depth 0: relationship columns (解读的政策文件, 解读机构) showed
        // “‹没有 解读的政策文件›”. Title first, then plain columns.
        admin: { description: label('解读本文件的政策解读（三同步）', 'Interpretations of this document'), defaultColumns: ['title', 'form', 'updatedAt', '_status'] },
      },
    ],
    hooks: options.isDisabled
      ? {}
      : {
          beforeOperation: [normalizeDocumentNumberSearch('documentNumber')],
          beforeChange: [
            normalizeDocumentNumber({ field: 'documentNumber', correctionsField: 'documentNumberCorrections' }),
            clearNonDisclosureReason({
              disclosureField: 'disclosure',
              reasonFields: ['nonDisclosureReason', 'nonDisclosureExplanation'],
            }),
          ],
        },
  }
}
