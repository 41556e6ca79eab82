import type { Field } from 'payload'

import { computedFieldAccess } from '../fields/computedFieldAccess.js'
import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { labeler } from '../utilities/localize.js'
import { confidentialityReviewFieldName } from './checkConfidentiality.js'
import { dayAndTime } from '../fields/dateFormats.js'

/** Conclusion of a 保密审查. */
export type ReviewConclusion = 'passed' | 'failed'

/** The review record on a document. */
export type ConfidentialityReview = {
  reviewer?: number | string | { id: number | string } | null
  reviewedAt?: string | null
  conclusion?: ReviewConclusion | null
  basis?: string | null
  /** `updatedAt` of the version that was reviewed. */
  reviewedVersionUpdatedAt?: string | null
  /** Fingerprint of the reviewed text and 密级; a later change to either makes the review stale. */
  reviewedContentHash?: string | null
}

/**
 * `confidentialityReview` 保密审查记录: written only by the record-review action (field access closes it to the
 * API and the admin form), so a review cannot be faked by saving the document.
 */
export function createConfidentialityReviewField(options: SanitizedGongkaiPluginOptions): Field {
  const label = labeler(options.labelLanguages)
  return {
    name: confidentialityReviewFieldName,
    type: 'group',
    label: label('保密审查', 'Confidentiality review'),
    access: computedFieldAccess,
    admin: {
      position: 'sidebar',
      readOnly: true,
      description: label('由审核人员通过“记录保密审查”填写；内容修改后须重新审查', 'Recorded by a reviewer; any change to the text needs a new review'),
    },
    fields: [
      { name: 'reviewer', type: 'relationship', relationTo: options.usersSlug, label: label('审查人', 'Reviewer') },
      { name: 'reviewedAt', type: 'date', label: label('审查时间', 'Reviewed at'), admin: { ...dayAndTime } },
      {
        name: 'conclusion',
        type: 'select',
        label: label('审查结论', 'Conclusion'),
        // The default name (enum__interpretations_v_version_confidentiality_review_conclusion) exceeds PostgreSQL's 63 characters.
        enumName: ({ tableName = '' }) => `enum_${tableName.replace(/(version_)?confidentiality_review$/, 'review')}_conclusion`,
        options: [
          { value: 'passed', label: label('通过', 'Passed') },
          { value: 'failed', label: label('不通过', 'Failed') },
        ],
      },
      { name: 'basis', type: 'textarea', label: label('审查依据', 'Basis') },
      { name: 'reviewedVersionUpdatedAt', type: 'date', label: label('所审查版本的保存时间', 'Reviewed version saved at'), admin: { ...dayAndTime, disableListColumn: true, disableListFilter: true } },
      { name: 'reviewedContentHash', type: 'text', label: label('所审查内容指纹', 'Reviewed content fingerprint'), admin: { hidden: true, disableListColumn: true, disableListFilter: true } },
    ],
  }
}
