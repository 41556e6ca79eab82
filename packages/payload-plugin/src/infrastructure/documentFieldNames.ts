// Names of document fields that several layers must agree on. They live at the bottom of the plugin so that the
// 保密审查 fingerprint (review/), the authorship tracking (workflow/) and the delivery (delivery/) read one list.

/** Names of the fields the workflow adds; they never count as content changes. */
export const workflowFieldNames = [
  'workflowState',
  'workflow',
  'lastEditedBy',
  'contentChangedAt',
  'validityHistory',
  'nextDisclosureReviewDate',
  'indexNumber',
  'policyValidity',
] as const

/**
 * Names of the top-level fields that are not the document's content: the workflow's own fields, Payload's
 * bookkeeping, the 发文字号 normalisation note, the 保密审查 record and the 推送渠道 choice. Saving them is not
 * authorship, and they are not part of the 保密审查 content fingerprint — publishing writes several of them.
 */
export const nonContentFieldNames: ReadonlySet<string> = new Set<string>([
  ...workflowFieldNames,
  '_status',
  'id',
  'createdAt',
  'updatedAt',
  'documentNumberCorrections',
  'confidentialityReview',
])

/** The field on workflow collections with the editor's choice of channels (推送渠道). */
export const deliveryChannelsField = 'deliveryChannels'
