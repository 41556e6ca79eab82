import { createLocalReq } from 'payload'
import type { Payload, PayloadRequest } from 'payload'

import { loadOwningAgencyIds } from '../access/documentAgencies.js'
import { enqueueDeliveries } from '../delivery/enqueueDeliveries.js'
import { libraryTargetName } from '../delivery/sanitizeDeliveryOptions.js'
import type { AgencyOwnedCollection } from '../access/documentAgencies.js'
import { agencyRoleLabels, hasAgencyRoleInAny, isSiteAdmin } from '../access/roles.js'
import type { AgencyRole } from '../access/roles.js'
import type { SanitizedGongkaiPluginOptions } from '../types.js'
import { isBlank, relationId } from '../utilities/relationIds.js'
import { latestVersionId, recordAudit } from './audit.js'
import { loadAttachmentFindings } from '../review/attachmentFindings.js'
import { confidentialityBlockers } from './confidentialityGate.js'
import { disclosureLabel } from './disclosureRule.js'
import { interpretationsOf, isApprovedForRelease, publishBundle } from './publishBundle.js'
import type { Doc, PublishedDocument } from './publishBundle.js'
import { documentLabel, gongkaiOptionsOf, titleOf, workflowCollectionOf } from './runtime.js'
import { actionLabel, actionRoles, allowedFrom, isWorkflowAction, resultingState, stateLabel } from './states.js'
import type { WorkflowAction, WorkflowState } from './states.js'
import { inWorkflowTransaction } from './transaction.js'
import { WorkflowError } from './WorkflowError.js'
import { assertDocumentRules } from '../rules/assertDocumentRules.js'

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

const stateRules: Record<WorkflowAction, string> = {
  submit: '只有草稿、已退回、已撤回或已认定的文件可以提交审核',
  return: '只有待审核或已审核的文件可以退回',
  approve: '只有待审核的文件可以审核通过',
  publish: '只有已审核的文件可以签发发布',
  schedule: '只有已审核的文件可以定时发布',
  unschedule: '只有已设定定时发布的文件可以取消定时发布',
  withdraw: '只有已发布或已失效的文件可以撤回',
  invalidate: '只有已发布或已失效的文件可以宣布失效或变更有效性',
  'force-publish': '已发布或已失效的文件不需要强制发布',
  delete: '只有已发布、已失效或已撤回的文件可以删除（误发）',
  redact: '只有已发布或已失效的文件可以抹除历史版本',
}

function sameUser(a: unknown, b: unknown): boolean {
  const left = relationId(a)
  const right = relationId(b)
  return left !== undefined && right !== undefined && left === right
}

function requireReason(reason: string | null | undefined, message: string): string {
  const text = (reason ?? '').trim()
  if (text === '') throw new WorkflowError(message, 400, 'reason')
  return text
}

/** A reason the policy library keeps and shows (删除, 抹除): at most 2000 characters, no NUL, no lone surrogates. */
function requireLibraryReason(reason: string | null | undefined, message: string, label: string): string {
  const text = requireReason(reason, message)
  if (text.length > 2000) throw new WorkflowError(`${label}最多 2000 个字符，现有 ${text.length} 个`, 400, 'reason')
  // Without the u flag the pattern sees UTF-16 code units, so a lone surrogate matches.
  if (text.includes('\u0000') || /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)) {
    throw new WorkflowError(`${label}含有无法保存的字符（空字符或不成对的代理项）`, 400, 'reason')
  }
  return text
}

/** Whether a version of the document is public now (its stored, not latest, version is published). */
async function isPublicNow(req: PayloadRequest, slug: string, id: number | string): Promise<boolean> {
  const { totalDocs } = await req.payload.count({ collection: slug, where: { and: [{ id: { equals: id } }, { _status: { equals: 'published' } }] }, overrideAccess: true, req })
  return totalDocs > 0
}

function notPublicReason(key: AgencyOwnedCollection, doc: Doc): string {
  return key === 'policies' ? `的公开属性为“${disclosureLabel(doc.disclosure)}”` : '所解读的政策文件不公开'
}

async function loadLatest(req: PayloadRequest, slug: string, id: number | string): Promise<Doc | null> {
  const doc = await req.payload.findByID({ collection: slug, id, draft: true, depth: 0, overrideAccess: true, disableErrors: true, req })
  return (doc as Doc | null) ?? null
}

/** Saves a state change on the latest version (a new draft version; the published one, if any, stays public). */
async function saveState(req: PayloadRequest, slug: string, doc: Doc, state: WorkflowState, workflow: Record<string, unknown>) {
  await req.payload.update({
    collection: slug,
    id: doc.id,
    data: { workflowState: state, workflow: { ...((doc.workflow ?? {}) as Record<string, unknown>), ...workflow } },
    draft: true,
    depth: 0,
    overrideAccess: true,
    req,
  })
}

/** The published document's own fields, to save it again without picking up a newer draft's content. */
async function publishedContent(req: PayloadRequest, slug: string, id: number | string): Promise<Record<string, unknown>> {
  const published = (await req.payload.findByID({ collection: slug, id, draft: false, depth: 0, overrideAccess: true, req })) as Record<string, unknown>
  const collection = req.payload.collections[slug]?.config
  const joins = new Set(collection?.flattenedFields.filter((field) => field.type === 'join' || ('virtual' in field && field.virtual)).map((field) => field.name))
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...content } = published
  for (const name of joins) delete content[name]
  return content
}

function assertRole(args: { user: User | null | undefined; agencies: (number | string)[]; role: AgencyRole; label: string; action: WorkflowAction }) {
  if (!args.user) throw new WorkflowError(`须登录后才能${actionLabel(args.action)}${args.label}`, 401)
  // A site administrator may act in any role; four eyes and every other rule still apply.
  if (isSiteAdmin(args.user)) return
  if (!hasAgencyRoleInAny(args.user, args.agencies, args.role)) {
    throw new WorkflowError(
      `你在${args.label}所属机构没有“${agencyRoleLabels[args.role].zh}”角色，不能${actionLabel(args.action)}`,
      403,
    )
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
  if (!isWorkflowAction(action)) throw new WorkflowError(`未知的工作流操作“${String(action)}”`, 400)
  const options = gongkaiOptionsOf(payload)
  const key = workflowCollectionOf(options, args.collection)
  if (!key) throw new WorkflowError(`集合“${args.collection}”没有审核发布流程`, 404)
  const req = args.req ?? (await createLocalReq({ user: (args.user ?? undefined) as never }, payload))
  const user = (args.user !== undefined ? args.user : req.user) as User | null | undefined
  return inWorkflowTransaction(req, () => runTransition({ ...args, req, user, options, key }))
}

async function runTransition(args: TransitionArgs & { req: PayloadRequest; user: User | null | undefined; options: SanitizedGongkaiPluginOptions; key: AgencyOwnedCollection }): Promise<TransitionResult> {
  const { req, user, options, key, action } = args
  const slug = options.slugs[key]
  const doc = await loadLatest(req, slug, args.id)
  if (!doc) throw new WorkflowError(`找不到ID为“${String(args.id)}”的文件`, 404)
  const label = documentLabel(key, doc)
  const fromState = (doc.workflowState ?? 'draft') as WorkflowState
  if (fromState === 'deleted') {
    // The library keeps a deleted document's content id (and 索引号) reserved and answers 410 for it forever.
    throw new WorkflowError(`${label}已因误发删除，不能再${actionLabel(action)}：政策文件库永久保留其标识且不再接收该文件。如需重新发布，请新建文件`, 409)
  }
  if (!allowedFrom[action].includes(fromState)) {
    throw new WorkflowError(`${label}当前状态为“${stateLabel(fromState)}”，不能${actionLabel(action)}：${stateRules[action]}`, 409)
  }
  if (action === 'force-publish') {
    if (!user) throw new WorkflowError(`须登录后才能强制发布${label}`, 401)
    if (!isSiteAdmin(user)) throw new WorkflowError(`只有站点管理员可以强制发布${label}`, 403)
  } else {
    const agencies = await loadOwningAgencyIds({ req, slugs: options.slugs, collection: key, doc })
    assertRole({ user, agencies, role: actionRoles[action], label, action })
  }
  const userId = user?.id ?? null
  const now = new Date().toISOString()
  const result: TransitionResult = { collection: slug, id: doc.id, action, fromState, state: action === 'redact' ? fromState : resultingState[action], published: [], recorded: [] }
  let reason: string | null = null
  const details: Record<string, unknown> = {}

  switch (action) {
    case 'submit':
      // Every rule checkable before publication (the warnings the draft showed): 签发 finds nothing new.
      await assertDocumentRules({ req, options, collection: key, doc, action })
      await saveState(req, slug, doc, 'pending_review', { submittedBy: userId, submittedAt: now, returnReason: null })
      break
    case 'return':
      reason = requireReason(args.reason, `退回${label}须写明退回理由`)
      await saveState(req, slug, doc, 'returned', { returnedBy: userId, returnedAt: now, returnReason: reason })
      break
    case 'approve': {
      if (sameUser(doc.lastEditedBy, userId)) {
        throw new WorkflowError(`${label}的当前版本由你撰写或修改，不能由你审核通过：审核人不得是该版本的撰稿人（四眼原则）`, 403)
      }
      if (sameUser((doc.workflow as Record<string, unknown> | undefined)?.submittedBy, userId)) {
        throw new WorkflowError(`${label}由你提交审核，不能由你审核通过：审核人不得是提交人（四眼原则）`, 403)
      }
      // Again at 审核通过: a rule may depend on other records (a 发文字号 taken since, an agency's 组织机构代码).
      await assertDocumentRules({ req, options, collection: key, doc, action })
      const collectionConfig = req.payload.collections[slug]?.config
      const attachmentFindings = collectionConfig ? await loadAttachmentFindings({ req, options, collectionConfig, doc }) : []
      const blockers = collectionConfig ? confidentialityBlockers({ collectionConfig, doc, attachmentFindings }) : []
      if (blockers.length > 0) {
        throw new WorkflowError(`${label}未通过保密审查，不能审核通过：${blockers.map((blocker) => blocker.message).join('；')}`, 409, blockers)
      }
      if (key === 'policies' && doc.needsInterpretation === true) {
        const interpretations = await interpretationsOf(req, options, doc.id)
        if (!interpretations.some((interpretation) => isApprovedForRelease(interpretation) || interpretation.workflowState === 'published')) {
          throw new WorkflowError(
            `${label}需要政策解读，不能审核通过：三同步要求至少一篇关联的政策解读已审核通过（当前${interpretations.length === 0 ? '没有关联的解读' : '关联的解读均未审核通过'}）`,
            409,
            'needsInterpretation',
          )
        }
      }
      await saveState(req, slug, doc, 'approved', { approvedBy: userId, approvedAt: now })
      break
    }
    case 'publish':
    case 'force-publish': {
      if (action === 'force-publish') reason = requireReason(args.reason, `强制发布${label}须写明理由，理由将记入操作日志`)
      const wasPublic = await isPublicNow(req, slug, doc.id)
      const released = await publishBundle({ req, options, key, doc, user, action, reason })
      result.published = released.filter((member) => member.state === 'published')
      result.recorded = released.filter((member) => member.state === 'recorded')
      result.state = released[0]?.state ?? result.state
      const workflow = doc.workflow as Record<string, unknown> | undefined
      if (workflow?.scheduledJobId) await cancelJob(req, workflow.scheduledJobId)
      if (wasPublic && result.state === 'recorded' && key === 'policies') {
        // A revision that made a public policy 依申请公开 / 不予公开 took it offline; its interpretations follow.
        await withdrawOrphanedInterpretations({ req, options, policyId: doc.id, user, userId, now, reason: `公开属性改为“${disclosureLabel(doc.disclosure)}”，文件不再公开`, policyTitle: titleOf(doc) })
      }
      // publishBundle wrote the audit entries of every document it published.
      return result
    }
    case 'schedule': {
      const publishAt = args.publishAt ? new Date(args.publishAt) : undefined
      if (!publishAt || Number.isNaN(publishAt.getTime())) throw new WorkflowError(`定时发布${label}须给出发布时间`, 400, 'publishAt')
      if (publishAt.getTime() <= Date.now()) {
        throw new WorkflowError(`定时发布${label}的时间（${publishAt.toISOString()}）须晚于当前时间`, 400, 'publishAt')
      }
      const bundle = await publishBundle({ req, options, key, doc, user, action, publishAt: publishAt.toISOString(), isDryRun: true })
      if (bundle[0]?.state === 'recorded') {
        throw new WorkflowError(`${label}${notPublicReason(key, doc)}，签发后只认定、不公开，不能定时发布：请直接“签发认定”`, 409, key === 'policies' ? 'disclosure' : 'policies')
      }
      const job: { id: number | string } = await req.payload.jobs.queue({
        task: scheduledPublishTaskSlug as never,
        input: { collection: slug, id: String(doc.id) } as never,
        queue: options.jobsQueue,
        waitUntil: publishAt,
        req,
      })
      result.jobId = job.id
      details.publishAt = publishAt.toISOString()
      details.bundle = bundle.slice(1)
      details.jobId = job.id
      await saveState(req, slug, doc, 'scheduled', { scheduledBy: userId, scheduledFor: publishAt.toISOString(), scheduledJobId: String(job.id) })
      break
    }
    case 'unschedule': {
      const workflow = (doc.workflow ?? {}) as Record<string, unknown>
      if (workflow.scheduledJobId) await cancelJob(req, workflow.scheduledJobId)
      details.cancelledFor = workflow.scheduledFor ?? null
      await saveState(req, slug, doc, 'approved', { scheduledBy: null, scheduledFor: null, scheduledJobId: null })
      break
    }
    case 'withdraw': {
      reason = requireReason(args.reason, `撤回${label}须写明撤回理由`)
      await withdrawPublished({ req, slug, id: doc.id, userId, now, reason })
      if (key === 'policies') {
        // 三同步 both ways: an interpretation that explains no other published policy goes offline with it.
        const withdrawnWith = await withdrawOrphanedInterpretations({ req, options, policyId: doc.id, user, userId, now, reason, policyTitle: titleOf(doc) })
        if (withdrawnWith.length > 0) details.interpretationsWithdrawn = withdrawnWith
      }
      const withdrawnInterpretations = ((details.interpretationsWithdrawn ?? []) as (number | string)[]).map((id) => ({ collection: options.slugs.interpretations, id }))
      await enqueueDeliveries({ req, action: 'withdraw', notice: reason, documents: [{ collection: slug, id: doc.id }, ...withdrawnInterpretations] })
      break
    }
    case 'delete': {
      reason = requireLibraryReason(args.reason, `删除${label}须写明删除理由`, '删除理由')
      const wasPublic = await isPublicNow(req, slug, doc.id)
      const deletion = { deletedBy: userId, deletedAt: now, deleteReason: reason }
      if (wasPublic) await takeOffline({ req, slug, id: doc.id, state: 'deleted', workflow: deletion })
      else await saveState(req, slug, doc, 'deleted', deletion)
      if (key === 'policies') {
        // Nothing of the deleted policy may stay public, not even its title in a notice: the interpretations that
        // explain no other published policy are withdrawn with a notice that names neither.
        const withdrawnWith = await withdrawOrphanedInterpretations({
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
        if (withdrawnWith.length > 0) details.interpretationsWithdrawn = withdrawnWith
      }
      const withdrawnInterpretations = ((details.interpretationsWithdrawn ?? []) as (number | string)[]).map((id) => ({ collection: options.slugs.interpretations, id }))
      await enqueueDeliveries({ req, action: 'delete', notice: reason, documents: [{ collection: slug, id: doc.id }] })
      if (withdrawnInterpretations.length > 0) {
        await enqueueDeliveries({ req, action: 'withdraw', notice: '所解读的政策文件因误发已删除，本解读随之撤回。', documents: withdrawnInterpretations })
      }
      break
    }
    case 'redact': {
      const version = parseLibraryVersion(args.libraryVersion, label)
      reason = requireLibraryReason(args.reason, `抹除${label}的历史版本须写明抹除理由`, '抹除理由')
      const current = await currentLibraryVersion(req, options, slug, doc.id)
      if (current === undefined) throw new WorkflowError(`${label}尚未推送到政策文件库，没有可抹除的历史版本`, 409, 'libraryVersion')
      if (version > current) throw new WorkflowError(`${label}在政策文件库中只有第1至${current}版，没有第${version}版`, 400, 'libraryVersion')
      if (version === current) {
        throw new WorkflowError(
          `第${version}版是${label}在政策文件库中的当前版本，不能抹除：请先修改并发布更正后的版本，再抹除此前含有个人信息的版本；如整份文件不应公开，请使用“删除（误发）”`,
          409,
          'libraryVersion',
        )
      }
      details.libraryVersion = version
      const queued = await enqueueDeliveries({ req, action: 'redact', notice: reason, libraryVersion: version, documents: [{ collection: slug, id: doc.id }] })
      details.deliveries = queued.map((delivery) => delivery.id)
      break
    }
    case 'invalidate': {
      const content = await publishedContent(req, slug, doc.id)
      const data: Record<string, unknown> = {
        ...content,
        _status: 'published',
        workflowState: 'invalidated',
        workflow: { ...((content.workflow ?? {}) as Record<string, unknown>), invalidatedBy: userId, invalidatedAt: now },
      }
      reason = args.reason?.trim() || null
      if (key === 'policies') {
        const status =
          options.validityStatuses.find((candidate) => candidate.value === args.validity) ??
          (args.validity ? undefined : options.validityStatuses.find((candidate) => candidate.requiresExpiryDate))
        if (!status || status.value === options.validityStatuses[0]?.value) {
          throw new WorkflowError(
            `宣布${label}失效须选择失效后的有效性（${options.validityStatuses.slice(1).map((candidate) => `“${candidate.label.zh}”`).join('、')}），而不是“${args.validity ?? ''}”`,
            400,
            'validity',
          )
        }
        const expiryDate = args.expiryDate ?? now
        const supersededBy = args.supersededBy ?? relationId(content.supersededBy) ?? null
        if (status.requiresReplacement && isBlank(supersededBy)) {
          throw new WorkflowError(`${label}的有效性改为“${status.label.zh}”时须关联替代它的新文件`, 400, 'supersededBy')
        }
        data.validity = status.value
        data.expiryDate = expiryDate
        data.supersededBy = supersededBy
        const history = Array.isArray(content.validityHistory) ? (content.validityHistory as Record<string, unknown>[]) : []
        data.validityHistory = [...history, { validity: status.value, effectiveDate: expiryDate, supersededBy, recordedAt: now, recordedBy: userId }]
        details.validity = status.value
        details.expiryDate = expiryDate
        details.supersededBy = supersededBy
      }
      await req.payload.update({ collection: slug, id: doc.id, data, draft: false, depth: 0, overrideAccess: true, req })
      if (key === 'policies' && data.supersededBy !== null && data.supersededBy !== undefined) {
        await linkReplacement(req, options, data.supersededBy as number | string, doc.id)
      }
      await enqueueDeliveries({ req, action: 'validity', documents: [{ collection: slug, id: doc.id }] })
      break
    }
  }

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
    reason,
    details,
  })
  return result
}

/** Takes the published version offline (`_status: 'draft'`, state 已撤回), keeping its content and 索引号. */
async function withdrawPublished(args: { req: PayloadRequest; slug: string; id: number | string; userId: number | string | null; now: string; reason: string }) {
  await takeOffline({ req: args.req, slug: args.slug, id: args.id, state: 'withdrawn', workflow: { withdrawnBy: args.userId, withdrawnAt: args.now, withdrawReason: args.reason } })
}

/** Saves the published version's own content offline (`_status: 'draft'`) in `state` (已撤回, 已删除). */
async function takeOffline(args: { req: PayloadRequest; slug: string; id: number | string; state: WorkflowState; workflow: Record<string, unknown> }) {
  const { req, slug, id } = args
  const content = await publishedContent(req, slug, id)
  await req.payload.update({
    collection: slug,
    id,
    data: {
      ...content,
      _status: 'draft',
      workflowState: args.state,
      workflow: { ...((content.workflow ?? {}) as Record<string, unknown>), ...args.workflow },
    },
    draft: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
}

/** A library version number as the editor typed it: a whole number from 1. */
function parseLibraryVersion(value: number | string | null | undefined, label: string): number {
  const text = String(value ?? '').trim()
  if (text === '') throw new WorkflowError(`抹除${label}的历史版本须填写政策文件库版本号`, 400, 'libraryVersion')
  const version = /^[0-9]{1,9}$/u.test(text) ? Number(text) : Number.NaN
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new WorkflowError(`政策文件库版本号须为正整数（如 1），而不是“${text.slice(0, 20)}”`, 400, 'libraryVersion')
  }
  return version
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

async function withdrawOrphanedInterpretations(args: {
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
  const { docs: interpretations } = await req.payload.find({
    collection: options.slugs.interpretations,
    where: { and: [{ policies: { equals: args.policyId } }, { _status: { equals: 'published' } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const withdrawn: (number | string)[] = []
  for (const interpretation of interpretations) {
    const otherIds = (Array.isArray(interpretation.policies) ? interpretation.policies : [])
      .map((policy) => relationId(policy))
      .filter((id): id is string => id !== undefined && id !== String(args.policyId))
    const otherPublished =
      otherIds.length === 0
        ? 0
        : (await req.payload.count({ collection: options.slugs.policies, where: { and: [{ id: { in: otherIds } }, { _status: { equals: 'published' } }] }, overrideAccess: true, req }))
            .totalDocs
    if (otherPublished > 0) continue
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

async function cancelJob(req: PayloadRequest, jobId: unknown) {
  await req.payload.delete({
    collection: 'payload-jobs',
    where: { and: [{ id: { equals: jobId } }, { completedAt: { exists: false } }] },
    overrideAccess: true,
    req,
  })
}

/** Keeps `supersedes` of the replacing policy reciprocal to `supersededBy` of the replaced one. */
async function linkReplacement(req: PayloadRequest, options: SanitizedGongkaiPluginOptions, replacingId: number | string, replacedId: number | string) {
  const slug = options.slugs.policies
  const replacing = (await req.payload.findByID({ collection: slug, id: replacingId, depth: 0, overrideAccess: true, disableErrors: true, req })) as Doc | null
  if (!replacing) return
  const current = Array.isArray(replacing.supersedes) ? replacing.supersedes.map((value) => relationId(value)) : []
  if (current.includes(String(replacedId))) return
  const supersedes = [...current.filter((id): id is string => id !== undefined), String(replacedId)].map((id) => (/^\d+$/.test(id) ? Number(id) : id))
  // A link, not content: written to the stored document (and its version) without a new review round.
  if (replacing._status === 'published') {
    const content = await publishedContent(req, slug, replacingId)
    await req.payload.update({ collection: slug, id: replacingId, data: { ...content, supersedes }, draft: false, depth: 0, overrideAccess: true, req })
  } else {
    await req.payload.update({ collection: slug, id: replacingId, data: { supersedes }, draft: true, depth: 0, overrideAccess: true, req })
  }
}

export { scheduledPublishTaskSlug as gongkaiScheduledPublishTask }
