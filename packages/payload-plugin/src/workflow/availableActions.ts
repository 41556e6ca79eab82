import type { Payload, PayloadRequest } from 'payload'

import { loadOwningAgencyIds, readingAgencyIds } from '../access/documentAgencies.js'
import type { AgencyOwnedCollection } from '../access/documentAgencies.js'
import { hasAgencyRoleInAny, isMemberOfAny, isSiteAdmin } from '../access/roles.js'
import { confidentialityReviewFieldName } from '../review/checkConfidentiality.js'
import type { ConfidentialityReview } from '../review/confidentialityReviewField.js'
import { isConfidentialityReviewCurrent } from '../review/reviewActions.js'
import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { relationIds } from '../utilities/relationIds.js'
import { isPublicRelease } from '../rules/disclosureRule.js'
import { documentLabel, gongkaiOptionsOf, workflowCollectionOf } from '../infrastructure/runtime.js'
import { actionLabel, actionRoles, allowedFrom, stateLabel, workflowActions } from './states.js'
import type { WorkflowAction, WorkflowState } from './states.js'
import { WorkflowError } from '../infrastructure/WorkflowError.js'
import { labelIn, message } from '../translations/message.js'
import type { GongkaiMessageKey, Translating } from '../translations/message.js'

/** One input an action asks for, as a form control: the body field of `POST …/workflow/:action` it fills. */
export type WorkflowActionInput = {
  name: 'reason' | 'publishAt' | 'validity' | 'expiryDate' | 'supersededBy' | 'conclusion' | 'basis' | 'libraryVersion'
  label: string
  type: 'textarea' | 'datetime' | 'date' | 'select' | 'text' | 'number'
  required: boolean
  description?: string
  options?: { value: string; label: string }[]
}

export type AvailableAction = {
  action: WorkflowAction
  label: string
  /** True when the action needs a written reason (return, withdraw, force-publish, delete, redact). */
  needsReason: boolean
  /** What to ask before starting it (empty: a confirmation is enough). */
  inputs: WorkflowActionInput[]
}

export type AvailableActions = {
  collection: string
  id: number | string
  title: string
  state: WorkflowState
  stateLabel: string
  /** Whether a version of the document is public now (a newer draft may be in review). */
  isPublished: boolean
  /** Actions the user's roles allow from this state; the action itself still checks four eyes, 保密审查, 三同步 and 要素齐全. */
  actions: AvailableAction[]
  /**
   * The 保密审查 record of the latest version (collections with the review), whether it covers the current text,
   * and whether this user may record one (`POST /api/<collection>/:id/confidentiality-review`).
   */
  confidentialityReview: {
    record: { conclusion: string | null; reviewedAt: string | null; basis: string | null } | null
    isCurrent: boolean
    canRecord: boolean
    inputs: WorkflowActionInput[]
  } | null
}

function inputsOf(action: WorkflowAction, key: AgencyOwnedCollection, options: SanitizedGongkaiPluginOptions, req: Translating): WorkflowActionInput[] {
  const t = (textKey: GongkaiMessageKey) => message(req, textKey)
  const reason = (which: 'return' | 'withdraw' | 'force-publish' | 'delete' | 'redact'): WorkflowActionInput => ({
    name: 'reason',
    label: t(`input_reason_${which}`),
    type: 'textarea',
    required: true,
    description: t(`input_reason_${which}_help`),
  })
  switch (action) {
    case 'return':
    case 'withdraw':
    case 'force-publish':
    case 'delete':
      return [reason(action)]
    case 'redact':
      return [{ name: 'libraryVersion', label: t('input_libraryVersion'), type: 'number', required: true, description: t('input_libraryVersion_help') }, reason('redact')]
    case 'schedule':
      return [{ name: 'publishAt', label: t('input_publishAt'), type: 'datetime', required: true, description: t('input_publishAt_help') }]
    case 'invalidate':
      if (key !== 'policies') return [{ name: 'reason', label: t('input_note'), type: 'textarea', required: false }]
      return [
        {
          name: 'validity',
          label: t('input_validity'),
          type: 'select',
          required: true,
          options: options.validityStatuses.slice(1).map((status) => ({ value: status.value, label: labelIn(status.label, req) })),
        },
        { name: 'expiryDate', label: t('input_expiryDate'), type: 'date', required: false, description: t('input_expiryDate_help') },
        { name: 'supersededBy', label: t('input_supersededBy'), type: 'text', required: false, description: t('input_supersededBy_help') },
        { name: 'reason', label: t('input_note'), type: 'textarea', required: false },
      ]
    default:
      return []
  }
}

/** How the release actions read for a document that is recorded (已认定), not published. */
const recordLabels: Partial<Record<WorkflowAction, GongkaiMessageKey>> = { publish: 'action_record', 'force-publish': 'action_forceRecord' }

async function interpretedPolicies(payload: Payload, options: SanitizedGongkaiPluginOptions, doc: Record<string, unknown>, req?: PayloadRequest): Promise<Record<string, unknown>[]> {
  const ids = relationIds(doc.policies)
  if (ids.length === 0) return []
  const { docs } = await payload.find({ collection: options.slugs.policies, where: { id: { in: ids } }, depth: 0, pagination: false, overrideAccess: true, req })
  return docs
}

const reviewInputs = (req: Translating): WorkflowActionInput[] => [
  {
    name: 'conclusion',
    label: message(req, 'input_conclusion'),
    type: 'select',
    required: true,
    options: [
      { value: 'passed', label: message(req, 'input_conclusion_passed') },
      { value: 'failed', label: message(req, 'input_conclusion_failed') },
    ],
  },
  { name: 'basis', label: message(req, 'input_basis'), type: 'textarea', required: true, description: message(req, 'input_basis_help') },
]

/**
 * The workflow actions a user may start on a document now (state and role), with what each asks for, for
 * buttons in an admin or a front end. `GET /api/<collection>/:id/workflow` answers the same. A document the
 * user may not read (another agency's draft) is not found (404), as it is for the read API.
 */
export async function availableActions(args: {
  payload: Payload
  req?: PayloadRequest
  user: Record<string, unknown> | null | undefined
  collection: string
  id: number | string
}): Promise<AvailableActions> {
  const options = gongkaiOptionsOf(args.payload)
  const key = workflowCollectionOf(options, args.collection)
  if (!key) throw new WorkflowError(message(args.req, 'noWorkflow', { collection: args.collection }), 404)
  const doc = (await args.payload.findByID({ collection: args.collection, id: args.id, draft: true, depth: 0, overrideAccess: true, disableErrors: true, req: args.req })) as
    | (Record<string, unknown> & { id: number | string })
    | null
  const notFound = new WorkflowError(message(args.req, 'documentNotVisible', { id: String(args.id) }), 404)
  if (!doc) throw notFound
  const req = args.req ?? ({ payload: args.payload, context: {} } as unknown as PayloadRequest)
  const agencies = await loadOwningAgencyIds({ req, slugs: options.slugs, collection: key, doc })
  // Readers of the draft: the owners and a policy's joint issuers.
  if (!isSiteAdmin(args.user) && !isMemberOfAny(args.user, [...agencies, ...readingAgencyIds({ collection: key, doc })])) throw notFound
  const state = (doc.workflowState ?? 'draft') as WorkflowState
  const published = await args.payload.count({
    collection: args.collection,
    where: { and: [{ id: { equals: doc.id } }, { _status: { equals: 'published' } }] },
    overrideAccess: true,
    req: args.req,
  })
  // A document its 公开属性 keeps from the public is signed off as 已认定 (签发认定), never scheduled for publication.
  const policies = key === 'interpretations' ? await interpretedPolicies(args.payload, options, doc, args.req) : []
  const isRecordOnly = !isPublicRelease({ key, doc, policies })
  const actions = workflowActions
    .map((candidate) => candidate.value)
    .filter((action) => allowedFrom[action].includes(state))
    .filter((action) => !(isRecordOnly && action === 'schedule'))
    // 抹除 erases a policy-library version: only where documents go to the library.
    .filter((action) => action !== 'redact' || (options.delivery.isEnabled && Boolean(options.delivery.library) && key !== 'participation'))
    .filter((action) =>
      action === 'force-publish' ? isSiteAdmin(args.user) : isSiteAdmin(args.user) || hasAgencyRoleInAny(args.user, agencies, actionRoles[action]),
    )
    .map((action) => ({
      action,
      label: isRecordOnly && recordLabels[action] ? message(args.req, recordLabels[action]) : actionLabel(action, args.req),
      needsReason: ['return', 'withdraw', 'force-publish', 'delete', 'redact'].includes(action),
      inputs: inputsOf(action, key, options, args.req),
    }))
  const collectionConfig = args.payload.collections[args.collection]?.config
  const hasReview = Boolean(collectionConfig?.fields.some((field) => 'name' in field && field.name === confidentialityReviewFieldName))
  const record = doc[confidentialityReviewFieldName] as ConfidentialityReview | undefined
  const confidentialityReview =
    hasReview && collectionConfig
      ? {
          record: record?.conclusion ? { conclusion: record.conclusion, reviewedAt: record.reviewedAt ?? null, basis: record.basis ?? null } : null,
          isCurrent: isConfidentialityReviewCurrent({ collectionConfig, doc }),
          // Recorded while the version is in review, by 审核 of the owning agency (or a site administrator).
          canRecord: state === 'pending_review' && (isSiteAdmin(args.user) || hasAgencyRoleInAny(args.user, agencies, 'reviewer')),
          inputs: reviewInputs(args.req),
        }
      : null
  return {
    collection: args.collection,
    id: doc.id,
    title: documentLabel(key, doc, args.req),
    state,
    stateLabel: stateLabel(state, args.req),
    isPublished: published.totalDocs > 0,
    actions,
    confidentialityReview,
  }
}
