import { createLocalReq } from 'payload'
import type { Payload, PayloadRequest } from 'payload'

import { loadOwningAgencyIds } from '../access/documentAgencies.js'
import type { AgencyOwnedCollection } from '../access/documentAgencies.js'
import { agencyRoleLabels, hasAgencyRoleInAny, isSiteAdmin } from '../access/roles.js'
import type { AgencyRole } from '../access/roles.js'
import { enqueueDeliveries } from '../delivery/enqueueDeliveries.js'
import { libraryTargetName } from '../delivery/sanitizeDeliveryOptions.js'
import { latestVersionId, recordAudit } from '../audit/audit.js'
import { documentLabel, gongkaiOptionsOf, titleOf, workflowCollectionOf } from '../infrastructure/runtime.js'
import { inWorkflowTransaction } from '../infrastructure/transaction.js'
import { labelIn, message } from '../translations/message.js'
import { WorkflowError } from '../infrastructure/WorkflowError.js'
import { assertConfidentialityCleared } from '../rules/confidentialityGate.js'
import { assertDocumentRules } from '../rules/assertDocumentRules.js'
import { disclosureLabel } from '../rules/disclosureRule.js'
import { assertFourEyes } from '../rules/fourEyes.js'
import { assertInterpretationApproved, interpretationsLeftWithoutPolicy } from '../rules/threeSync.js'
import type { Doc } from '../rules/threeSync.js'
import { validityChangeOf } from '../rules/validity.js'
import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { relationId } from '../utilities/relationIds.js'
import { parseLibraryVersion, parsePublishAt, requireLibraryReason, requireReason } from './actionInputs.js'
import { cancelJob, isPublicNow, linkReplacement, loadLatest, publishedContent, saveState, takeOffline, withdrawPublished } from './documentWrites.js'
import { publishBundle } from './publishBundle.js'
import type { PublishedDocument } from './publishBundle.js'
import { actionLabel, actionRoles, allowedFrom, isWorkflowAction, resultingState, stateLabel } from './states.js'
import type { WorkflowAction, WorkflowState } from './states.js'

/** Name of the scheduled-publication task in Payload's jobs queue. */
export const scheduledPublishTaskSlug = 'gongkaiScheduledPublish'

type User = { id?: number | string; email?: unknown; collection?: string } & Record<string, unknown>

export type TransitionArgs = {
  payload: Payload
  /** The request to run in (its transaction and user); a local request is created when omitted. */
  req?: PayloadRequest
  /** Who acts; defaults to `req.user`. */
  user?: User | null
  /** Collection slug: policies, interpretations, decisions or participation (as configured). */
  collection: string
  id: number | string
  action: WorkflowAction
  /** Required for return, withdraw and force-publish. */
  reason?: string | null
  /** For schedule: when to publish (ISO string or Date, in the future). */
  publishAt?: string | Date | null
  /** For invalidate (policies): the new 有效性, default the first status that needs a 失效日期. */
  validity?: string | null
  /** For invalidate: the 失效日期, default today. */
  expiryDate?: string | null
  /** For invalidate: the document that replaces this one (needed for statuses like 已修订). */
  supersededBy?: number | string | null
  /** For redact: the policy library's version number whose text is erased (an earlier one, never the current). */
  libraryVersion?: number | string | null
}

export type TransitionResult = {
  collection: string
  id: number | string
  action: WorkflowAction
  fromState: WorkflowState
  state: WorkflowState
  /** Documents published by this action (the policy and its interpretations, in that order). */
  published: PublishedDocument[]
  /** Documents signed off but recorded (已认定), not published, because of their 公开属性. */
  recorded: PublishedDocument[]
  /** The queued job of a scheduled publication. */
  jobId?: number | string
}

function assertRole(args: { req: PayloadRequest; user: User | null | undefined; agencies: (number | string)[]; role: AgencyRole; label: string; action: WorkflowAction }) {
  const { req } = args
  if (!args.user) throw new WorkflowError(message(req, 'loginToAct', { action: actionLabel(args.action, req), document: args.label }), 401)
  // A site administrator may act in any role; four eyes and every other rule still apply.
  if (isSiteAdmin(args.user)) return
  if (!hasAgencyRoleInAny(args.user, args.agencies, args.role)) {
    throw new WorkflowError(message(req, 'roleMissing', { document: args.label, role: labelIn(agencyRoleLabels[args.role], req), action: actionLabel(args.action, req) }), 403)
  }
}

/**
 * Moves a document through the editorial workflow: submit → return / approve → publish (now or scheduled) →
 * withdraw or invalidate, plus a site administrator's force-publish with a written reason. Checks the state,
 * the acting user's role in the document's agency, four eyes, the 保密审查 record, 三同步 and 要素齐全; writes
 * the audit entries; all in one transaction.
 *
 * @throws WorkflowError with a Chinese message naming the document, its state and the rule (status 400/401/403/404/409)
 */
export async function transition(args: TransitionArgs): Promise<TransitionResult> {
  const { payload, action } = args
  if (!isWorkflowAction(action)) throw new WorkflowError(message(args.req, 'unknownAction', { action: String(action) }), 400)
  const options = gongkaiOptionsOf(payload)
  const key = workflowCollectionOf(options, args.collection)
  if (!key) throw new WorkflowError(message(args.req, 'noWorkflow', { collection: args.collection }), 404)
  const req = args.req ?? (await createLocalReq({ user: (args.user ?? undefined) as never }, payload))
  const user = (args.user !== undefined ? args.user : req.user) as User | null | undefined
  return inWorkflowTransaction(req, () => runTransition({ ...args, req, user, options, key }))
}

/** What an action works on, once the state and the user's role are checked. */
type ActionContext = {
  req: PayloadRequest
  options: SanitizedGongkaiPluginOptions
  key: AgencyOwnedCollection
  slug: string
  /** The latest version of the document. */
  doc: Doc
  /** How messages name the document, in the request's language: 政策文件“关于……的通知”. */
  label: string
  args: TransitionArgs
  user: User | null | undefined
  userId: number | string | null
  now: string
  result: TransitionResult
  /** The audit entry's reason and details, filled in by the action. */
  audit: { reason: string | null; details: Record<string, unknown> }
}

/** One action: the rules it checks, then what it stores. `'audited'` when it wrote its own audit entries. */
type Action = (context: ActionContext) => Promise<void | 'audited'>

/** Signs off now (签发发布, 强制发布): the bundle goes out (or is recorded, 已认定) in one step. */
const publishNow: Action = async ({ req, options, key, slug, doc, label, args, user, userId, now, result, audit }) => {
  if (args.action === 'force-publish') audit.reason = requireReason(args.reason, message(req, 'reasonRequired_force-publish', { document: label }))
  const wasPublic = await isPublicNow(req, slug, doc.id)
  const released = await publishBundle({ req, options, key, doc, user, action: args.action as 'publish' | 'force-publish', reason: audit.reason })
  result.published = released.filter((member) => member.state === 'published')
  result.recorded = released.filter((member) => member.state === 'recorded')
  result.state = released[0]?.state ?? result.state
  const scheduledJobId = doc.workflow?.scheduledJobId
  if (scheduledJobId) await cancelJob(req, scheduledJobId)
  if (wasPublic && result.state === 'recorded' && key === 'policies') {
    // A revision that made a public policy 依申请公开 / 不予公开 took it offline; its interpretations follow.
    await withdrawInterpretationsWith({ req, options, policyId: doc.id, user, userId, now, reason: `公开属性改为“${disclosureLabel(doc.disclosure)}”，文件不再公开`, policyTitle: titleOf(doc) })
  }
  // publishBundle wrote the audit entries of every document it published.
  return 'audited'
}

/**
 * The workflow, action by action. The state each may start from (`allowedFrom`) and the role it needs
 * (`actionRoles`) are checked before; each entry names the rules it applies (`rules/`) and then stores the result.
 */
const actions: Readonly<Record<WorkflowAction, Action>> = {
  submit: async ({ req, options, key, slug, doc, userId, now }) => {
    // Every rule checkable before publication (the warnings the draft showed): 签发 finds nothing new.
    await assertDocumentRules({ req, options, collection: key, doc, action: 'submit' })
    await saveState(req, slug, doc, 'pending_review', { submittedBy: userId, submittedAt: now, returnReason: null })
  },

  return: async ({ req, slug, doc, label, args, userId, now, audit }) => {
    audit.reason = requireReason(args.reason, message(req, 'reasonRequired_return', { document: label }))
    await saveState(req, slug, doc, 'returned', { returnedBy: userId, returnedAt: now, returnReason: audit.reason })
  },

  approve: async ({ req, options, key, slug, doc, label, userId, now }) => {
    assertFourEyes({ req, doc, userId, label })
    // Again at 审核通过: a rule may depend on other records (a 发文字号 taken since, an agency's 组织机构代码).
    await assertDocumentRules({ req, options, collection: key, doc, action: 'approve' })
    await assertConfidentialityCleared({ req, options, slug, doc, label })
    if (key === 'policies') await assertInterpretationApproved({ req, options, doc, label })
    await saveState(req, slug, doc, 'approved', { approvedBy: userId, approvedAt: now })
  },

  publish: publishNow,
  'force-publish': publishNow,

  schedule: async ({ req, options, key, slug, doc, label, args, user, userId, result, audit }) => {
    const publishAt = parsePublishAt(req, args.publishAt, label)
    // Every rule of the publication is checked now (三同步, 要素齐全), not when the job runs.
    const bundle = await publishBundle({ req, options, key, doc, user, action: 'schedule', publishAt: publishAt.toISOString(), isDryRun: true })
    if (bundle[0]?.state === 'recorded') {
      const text =
        key === 'policies'
          ? message(req, 'scheduleNotPublic_policy', { document: label, disclosure: disclosureLabel(doc.disclosure, req) })
          : message(req, 'scheduleNotPublic_interpretation', { document: label })
      throw new WorkflowError(text, 409, key === 'policies' ? 'disclosure' : 'policies')
    }
    const job: { id: number | string } = await req.payload.jobs.queue({
      task: scheduledPublishTaskSlug as never,
      input: { collection: slug, id: String(doc.id) } as never,
      queue: options.jobsQueue,
      waitUntil: publishAt,
      req,
    })
    result.jobId = job.id
    audit.details.publishAt = publishAt.toISOString()
    audit.details.bundle = bundle.slice(1)
    audit.details.jobId = job.id
    await saveState(req, slug, doc, 'scheduled', { scheduledBy: userId, scheduledFor: publishAt.toISOString(), scheduledJobId: String(job.id) })
  },

  unschedule: async ({ req, slug, doc, audit }) => {
    const scheduledJobId = doc.workflow?.scheduledJobId
    if (scheduledJobId) await cancelJob(req, scheduledJobId)
    audit.details.cancelledFor = doc.workflow?.scheduledFor ?? null
    await saveState(req, slug, doc, 'approved', { scheduledBy: null, scheduledFor: null, scheduledJobId: null })
  },

  withdraw: async ({ req, options, key, slug, doc, label, args, user, userId, now, audit }) => {
    const reason = requireReason(args.reason, message(req, 'reasonRequired_withdraw', { document: label }))
    audit.reason = reason
    await withdrawPublished({ req, slug, id: doc.id, userId, now, reason })
    let withdrawnWith: (number | string)[] = []
    if (key === 'policies') {
      // 三同步 both ways: an interpretation that explains no other published policy goes offline with it.
      withdrawnWith = await withdrawInterpretationsWith({ req, options, policyId: doc.id, user, userId, now, reason, policyTitle: titleOf(doc) })
      if (withdrawnWith.length > 0) audit.details.interpretationsWithdrawn = withdrawnWith
    }
    const withdrawnInterpretations = withdrawnWith.map((id) => ({ collection: options.slugs.interpretations, id }))
    await enqueueDeliveries({ req, action: 'withdraw', notice: reason, documents: [{ collection: slug, id: doc.id }, ...withdrawnInterpretations] })
  },

  delete: async ({ req, options, key, slug, doc, label, args, user, userId, now, audit }) => {
    const reason = requireLibraryReason(req, args.reason, message(req, 'reasonRequired_delete', { document: label }), message(req, 'reasonLabel_delete'))
    audit.reason = reason
    const wasPublic = await isPublicNow(req, slug, doc.id)
    const deletion = { deletedBy: userId, deletedAt: now, deleteReason: reason }
    if (wasPublic) await takeOffline({ req, slug, id: doc.id, state: 'deleted', workflow: deletion })
    else await saveState(req, slug, doc, 'deleted', deletion)
    let withdrawnWith: (number | string)[] = []
    if (key === 'policies') {
      // Nothing of the deleted policy may stay public, not even its title in a notice: the interpretations that
      // explain no other published policy are withdrawn with a notice that names neither.
      withdrawnWith = await withdrawInterpretationsWith({
        req,
        options,
        policyId: doc.id,
        user,
        userId,
        now,
        reason,
        policyTitle: titleOf(doc),
        notice: '所解读的政策文件因误发已删除，本解读随之撤回。',
      })
      if (withdrawnWith.length > 0) audit.details.interpretationsWithdrawn = withdrawnWith
    }
    const withdrawnInterpretations = withdrawnWith.map((id) => ({ collection: options.slugs.interpretations, id }))
    await enqueueDeliveries({ req, action: 'delete', notice: reason, documents: [{ collection: slug, id: doc.id }] })
    if (withdrawnInterpretations.length > 0) {
      await enqueueDeliveries({ req, action: 'withdraw', notice: '所解读的政策文件因误发已删除，本解读随之撤回。', documents: withdrawnInterpretations })
    }
  },

  redact: async ({ req, options, slug, doc, label, args, audit }) => {
    const version = parseLibraryVersion(req, args.libraryVersion, label)
    audit.reason = requireLibraryReason(req, args.reason, message(req, 'reasonRequired_redact', { document: label }), message(req, 'reasonLabel_redact'))
    const current = await currentLibraryVersion(req, options, slug, doc.id)
    if (current === undefined) throw new WorkflowError(message(req, 'redactNotInLibrary', { document: label }), 409, 'libraryVersion')
    if (version > current) throw new WorkflowError(message(req, 'redactNoSuchVersion', { document: label, current, version }), 400, 'libraryVersion')
    if (version === current) {
      throw new WorkflowError(message(req, 'redactCurrentVersion', { document: label, version, deleteAction: actionLabel('delete', req) }), 409, 'libraryVersion')
    }
    audit.details.libraryVersion = version
    const queued = await enqueueDeliveries({ req, action: 'redact', notice: audit.reason, libraryVersion: version, documents: [{ collection: slug, id: doc.id }] })
    audit.details.deliveries = queued.map((delivery) => delivery.id)
  },

  invalidate: async ({ req, options, key, slug, doc, label, args, userId, now, audit }) => {
    const content = await publishedContent(req, slug, doc.id)
    const data: Record<string, unknown> = {
      ...content,
      _status: 'published',
      workflowState: 'invalidated',
      workflow: { ...content.workflow, invalidatedBy: userId, invalidatedAt: now },
    }
    audit.reason = args.reason?.trim() || null
    if (key === 'policies') {
      const supersededBy = args.supersededBy ?? relationId(content.supersededBy) ?? null
      const status = validityChangeOf({ req, options, label, validity: args.validity, supersededBy })
      const expiryDate = args.expiryDate ?? now
      data.validity = status.value
      data.expiryDate = expiryDate
      data.supersededBy = supersededBy
      const history = content.validityHistory ?? []
      data.validityHistory = [...history, { validity: status.value, effectiveDate: expiryDate, supersededBy, recordedAt: now, recordedBy: userId }]
      audit.details.validity = status.value
      audit.details.expiryDate = expiryDate
      audit.details.supersededBy = supersededBy
    }
    await req.payload.update({ collection: slug, id: doc.id, data, draft: false, depth: 0, overrideAccess: true, req })
    if (key === 'policies' && data.supersededBy !== null && data.supersededBy !== undefined) {
      await linkReplacement(req, options, data.supersededBy as number | string, doc.id)
    }
    await enqueueDeliveries({ req, action: 'validity', documents: [{ collection: slug, id: doc.id }] })
  },
}

async function runTransition(args: TransitionArgs & { req: PayloadRequest; user: User | null | undefined; options: SanitizedGongkaiPluginOptions; key: AgencyOwnedCollection }): Promise<TransitionResult> {
  const { req, user, options, key, action } = args
  const slug = options.slugs[key]
  const doc = await loadLatest(req, slug, args.id)
  if (!doc) throw new WorkflowError(message(req, 'documentNotFound', { id: String(args.id) }), 404)
  const label = documentLabel(key, doc, req)
  const fromState = (doc.workflowState ?? 'draft') as WorkflowState
  if (fromState === 'deleted') {
    // The library keeps a deleted document's content id (and 索引号) reserved and answers 410 for it forever.
    throw new WorkflowError(message(req, 'actionOnDeleted', { document: label, action: actionLabel(action, req) }), 409)
  }
  if (!allowedFrom[action].includes(fromState)) {
    throw new WorkflowError(message(req, 'wrongState', { document: label, state: stateLabel(fromState, req), action: actionLabel(action, req), rule: message(req, `stateRule_${action}`) }), 409)
  }
  if (action === 'force-publish') {
    if (!user) throw new WorkflowError(message(req, 'loginToAct', { action: actionLabel(action, req), document: label }), 401)
    if (!isSiteAdmin(user)) throw new WorkflowError(message(req, 'forcePublishSiteAdminOnly', { document: label }), 403)
  } else {
    const agencies = await loadOwningAgencyIds({ req, slugs: options.slugs, collection: key, doc })
    assertRole({ req, user, agencies, role: actionRoles[action], label, action })
  }
  const userId = user?.id ?? null
  const now = new Date().toISOString()
  const result: TransitionResult = { collection: slug, id: doc.id, action, fromState, state: action === 'redact' ? fromState : resultingState[action], published: [], recorded: [] }
  const audit: ActionContext['audit'] = { reason: null, details: {} }
  const outcome = await actions[action]({ req, options, key, slug, doc, label, args, user, userId, now, result, audit })
  if (outcome === 'audited') return result

  await recordAudit({
    payload: req.payload,
    req,
    action,
    collection: slug,
    documentId: doc.id,
    versionId: await latestVersionId(req, slug, doc.id),
    documentTitle: titleOf(doc),
    user,
    fromState,
    toState: result.state,
    reason: audit.reason,
    details: audit.details,
  })
  return result
}

/** The document's current version in the policy library: the last library delivery that changed it (or will). */
async function currentLibraryVersion(req: PayloadRequest, options: SanitizedGongkaiPluginOptions, slug: string, id: number | string): Promise<number | undefined> {
  if (!options.delivery.isEnabled || !options.delivery.library) return undefined
  const { docs } = await req.payload.find({
    collection: options.delivery.deliveriesSlug,
    where: {
      and: [
        { documentCollection: { equals: slug } },
        { documentId: { equals: String(id) } },
        { target: { equals: libraryTargetName } },
        { action: { not_equals: 'redact' } },
        { state: { not_in: ['failed', 'cancelled', 'skipped'] } },
      ],
    },
    sort: '-version',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const version = (docs[0] as { version?: unknown } | undefined)?.version
  return typeof version === 'number' ? version : undefined
}

/**
 * 三同步 when a policy goes offline: withdraws its published interpretations that explain no other published
 * policy (`interpretationsLeftWithoutPolicy`), each with its audit entry. Returns their ids.
 */
async function withdrawInterpretationsWith(args: {
  req: PayloadRequest
  options: SanitizedGongkaiPluginOptions
  policyId: number | string
  policyTitle: string
  user: User | null | undefined
  userId: number | string | null
  now: string
  reason: string
  /** The notice of the interpretations' withdrawal; default names the withdrawn policy and its reason. */
  notice?: string
}): Promise<(number | string)[]> {
  const { req, options } = args
  const withdrawn: (number | string)[] = []
  for (const interpretation of await interpretationsLeftWithoutPolicy({ req, options, policyId: args.policyId })) {
    const reason = args.notice ?? `所解读的政策文件“${args.policyTitle}”已撤回：${args.reason}`
    await withdrawPublished({ req, slug: options.slugs.interpretations, id: interpretation.id, userId: args.userId, now: args.now, reason })
    await recordAudit({
      payload: req.payload,
      req,
      action: 'withdraw',
      collection: options.slugs.interpretations,
      documentId: interpretation.id,
      documentTitle: titleOf(interpretation),
      user: args.user,
      fromState: String(interpretation.workflowState ?? 'published'),
      toState: 'withdrawn',
      reason,
      details: { withdrawnWith: { collection: options.slugs.policies, id: args.policyId } },
    })
    withdrawn.push(interpretation.id)
  }
  return withdrawn
}

export { scheduledPublishTaskSlug as gongkaiScheduledPublishTask }
