import { createLocalReq } from 'payload'
import type { Payload } from 'payload'

import { recordAudit } from '../audit/audit.js'
import { findDocumentByID } from '../infrastructure/documents.js'
import { gongkaiOptionsOf, workflowCollectionOf } from '../infrastructure/runtime.js'
import { inTransaction } from '../infrastructure/transaction.js'
import { toCalendarDate } from '../utilities/calendarDate.js'
import { relationId, relationIds } from '../utilities/relationIds.js'
import { claimDelivery, renewLease } from './claimDelivery.js'
import { DeliveryFailure } from './DeliveryFailure.js'
import type { TargetOutcome } from './DeliveryFailure.js'
import type { DeliveryAction } from './deliveryStates.js'
import { pendingDeliveryStates } from './deliveryStates.js'
import { deliveryTaskSlug } from './deliveryTaskSlug.js'
import { isStoppedWorker } from './deliveryWorker.js'
import { isProactive } from './enqueueDeliveries.js'
import { outgoingDocument } from './outgoingDocument.js'
import { libraryTargetName } from './sanitizeDeliveryOptions.js'
import { checkChannelStatus, deliverToChannel } from './targets/channel.js'
import { deliverToLibrary, libraryAgencyIdOf } from './targets/library.js'

type DeliveryRecord = {
  id: number | string
  documentCollection: string
  documentId: string
  documentTitle?: string | null
  agency?: unknown
  target: string
  action: DeliveryAction
  version: number
  notice?: string | null
  externalId?: string | null
  deliveredAt?: string | null
}

export type DeliveryRunResult = { status: 'skipped' | 'delivered' | 'submitted' | 'not-applicable' | 'retrying' | 'failed'; message?: string }

/** Delay before retry `attempt` (1-based): exponential from `initialDelayMs`, capped, at least what the platform asked. */
export function retryDelayMs(retry: { initialDelayMs: number; maxDelayMs: number }, attempt: number, retryAfterMs?: number): number {
  const exponential = Math.min(retry.maxDelayMs, retry.initialDelayMs * 2 ** Math.max(0, attempt - 1))
  return Math.max(exponential, retryAfterMs ?? 0)
}

async function attempt(payload: Payload, record: DeliveryRecord, isStatusCheck: boolean): Promise<TargetOutcome> {
  const options = gongkaiOptionsOf(payload)
  const delivery = options.delivery
  // The platform accepted the post and was still reviewing or publishing it: ask how it went.
  if (isStatusCheck && record.externalId) return checkChannelStatus({ payload, options: delivery, name: record.target, externalId: record.externalId })
  const key = workflowCollectionOf(options, record.documentCollection)
  if (!key) throw new DeliveryFailure(`集合“${record.documentCollection}”不再有审核发布流程`, { isRetryable: false })
  const req = await createLocalReq({}, payload)
  const doc = (await payload.findByID({
    collection: record.documentCollection,
    id: record.documentId,
    draft: record.action !== 'publish' && record.action !== 'validity',
    depth: 1,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as (Record<string, unknown> & { id: number | string }) | null
  if (!doc) throw new DeliveryFailure('文件已被删除，无法推送', { isRetryable: false })
  // Checked again when sending: a document whose 公开属性 changed since it was queued does not go out.
  if (record.action === 'publish' && !isProactive(doc)) return { state: 'skipped', note: '文件不是主动公开，不推送' }
  const agencyId = relationId(record.agency)
  const agency = agencyId ? await findDocumentByID({ req, collection: 'agencies', id: agencyId }) : null
  const isLibrary = record.target === libraryTargetName
  const libraryAgencyId = isLibrary && delivery.library ? libraryAgencyIdOf(delivery.library, agency) : undefined
  // 联合发文: the co-issuers go in the library's issuers after the lead, as registered agencies.
  const jointIssuers: { id: string; name: string }[] = []
  if (isLibrary && delivery.library && record.action === 'publish') {
    for (const jointId of relationIds(doc.jointIssuers)) {
      if (jointId === agencyId) continue
      const joint = await findDocumentByID({ req, collection: 'agencies', id: jointId })
      if (!joint) continue
      jointIssuers.push({ id: libraryAgencyIdOf(delivery.library, joint), name: joint.name })
    }
  }
  const outgoing = await outgoingDocument({ req, options, key, doc, libraryAgencyId, jointIssuerIds: jointIssuers.map((joint) => joint.id), version: record.version })
  const earlier = async (where: Record<string, unknown>) =>
    payload.find({
      collection: delivery.deliveriesSlug,
      where: {
        and: [{ documentCollection: { equals: record.documentCollection } }, { documentId: { equals: record.documentId } }, { target: { equals: record.target } }, { version: { less_than: record.version } }, where],
      } as never,
      sort: '-version',
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
  if (isLibrary) {
    // A redaction waits for every other pending library delivery (the corrected version must be there first).
    const pending =
      record.action === 'redact'
        ? await payload.find({
            collection: delivery.deliveriesSlug,
            where: {
              and: [
                { documentCollection: { equals: record.documentCollection } },
                { documentId: { equals: record.documentId } },
                { target: { equals: record.target } },
                { id: { not_equals: record.id } },
                { state: { in: pendingDeliveryStates } },
              ],
            },
            limit: 1,
            depth: 0,
            overrideAccess: true,
            req,
          })
        : await earlier({ state: { in: pendingDeliveryStates } })
    return deliverToLibrary({
      payload,
      options: delivery,
      agency,
      jointIssuers,
      outgoing,
      delivery: {
        action: record.action,
        version: record.version,
        idempotencyKey: `gongkai-delivery-${String(record.id)}-v${record.version}`,
        notice: record.notice,
        validity: typeof doc.validity === 'string' ? doc.validity : null,
        expiresAt: toCalendarDate(doc.expiryDate, options.timeZone) ?? null,
        hasEarlierPending: pending.docs.length > 0,
      },
    })
  }
  const published = record.action === 'withdraw' || record.action === 'delete' ? (await earlier({ and: [{ action: { equals: 'publish' } }, { externalId: { exists: true } }] })).docs[0] : undefined
  return deliverToChannel({
    payload,
    options: delivery,
    name: record.target,
    action: record.action,
    outgoing,
    externalId: (published as { externalId?: string } | undefined)?.externalId ?? null,
    notice: record.notice ?? null,
  })
}

/**
 * One attempt of one delivery: claims it (no other worker may deliver it at the same time), sends it, and
 * records the outcome in one transaction with the audit entry — or, after a retryable failure, the next
 * attempt as a new job with backoff. A permanent failure (or the last retry) stays `failed` until a 签发 or
 * site admin retries it.
 */
export async function runDelivery(payload: Payload, deliveryId: number | string): Promise<DeliveryRunResult> {
  const options = gongkaiOptionsOf(payload)
  const delivery = options.delivery
  const claim = await claimDelivery(payload, deliveryId)
  if (claim === undefined) return { status: 'skipped', message: 'delivery is finished or another worker has it' }
  const attemptNumber = claim.attempt
  const isStatusCheck = claim.previousState === 'submitted'
  const record = (await payload.findByID({ collection: delivery.deliveriesSlug, id: deliveryId, depth: 0, overrideAccess: true })) as unknown as DeliveryRecord
  let outcome: TargetOutcome | undefined
  let failure: DeliveryFailure | undefined
  // The lease is renewed while this worker lives, so a slow platform (WeChat's review polls) is not taken for
  // a dead worker; a killed process stops renewing it and another worker takes the delivery over.
  const heartbeat = setInterval(() => {
    if (!isStoppedWorker(payload)) void renewLease(payload, record.id, attemptNumber).catch(() => undefined)
  }, Math.max(200, Math.floor(delivery.leaseMs / 3)))
  try {
    outcome = await attempt(payload, record, isStatusCheck)
  } catch (error) {
    failure = error instanceof DeliveryFailure ? error : new DeliveryFailure(`推送时出错：${error instanceof Error ? error.message : String(error)}`, { isRetryable: true })
  } finally {
    clearInterval(heartbeat)
  }
  const now = new Date()
  const req = await createLocalReq({}, payload)
  const base = { leaseUntil: null }
  const audit = async (action: 'delivered' | 'delivery_failed', reason: string | null, details: Record<string, unknown>) =>
    recordAudit({
      payload,
      req,
      action,
      collection: record.documentCollection,
      documentId: record.documentId,
      documentTitle: record.documentTitle ?? null,
      reason,
      details: { deliveryId: record.id, target: record.target, deliveryAction: record.action, version: record.version, attempts: attemptNumber, ...details },
    })
  const update = (data: Record<string, unknown>) =>
    payload.update({ collection: delivery.deliveriesSlug, id: record.id, data: { ...base, ...data }, depth: 0, overrideAccess: true, req })
  return inTransaction(req, async (): Promise<DeliveryRunResult> => {
    // A worker that hung past its lease may have been replaced (the delivery claimed again, attempts counted
    // up): then the outcome is the other worker's to record.
    const current = (await payload.findByID({ collection: delivery.deliveriesSlug, id: record.id, depth: 0, overrideAccess: true, req })) as unknown as { state: string; attempts: number }
    if (current.state !== 'delivering' || Number(current.attempts) !== attemptNumber) return { status: 'skipped', message: 'another worker took the delivery over' }
    if (outcome?.state === 'submitted') return recordSubmitted(outcome)
    // A check that got no answer does not count against the retries: the post is still submitted.
    if (isStatusCheck && failure?.isUnansweredCheck) return recordSubmitted({ state: 'submitted', ...(record.externalId ? { externalId: record.externalId } : {}) }, failure.message)
    if (outcome) {
      await update({
        state: outcome.state,
        externalId: outcome.externalId ?? null,
        externalUrl: outcome.externalUrl ?? null,
        deliveredAt: outcome.state === 'skipped' ? null : now.toISOString(),
        nextAttemptAt: null,
        lastError: outcome.state === 'skipped' ? (outcome.note ?? null) : null,
      })
      if (outcome.state === 'skipped') return { status: 'not-applicable', message: outcome.note }
      await audit('delivered', null, { externalId: outcome.externalId ?? null, externalUrl: outcome.externalUrl ?? null, state: outcome.state, note: outcome.note ?? null })
      payload.logger.info({ msg: `gongkai delivery ${String(record.id)}: ${record.action} ${record.documentCollection}/${record.documentId} v${record.version} → ${record.target}: ${outcome.state}` })
      return { status: outcome.state }
    }
    const error = failure!
    return recordFailure(error)
  })

  /**
   * The platform still reviews or publishes the post: its status is checked again later, with backoff, by a
   * new job, until it is published or failed — or, after `statusCheck.timeoutMs` from the submission, the
   * delivery fails with the reason (a retry resumes the same post).
   */
  async function recordSubmitted(outcome: TargetOutcome, lastError: string | null = null): Promise<DeliveryRunResult> {
    const submittedAt = isStatusCheck && record.deliveredAt ? new Date(record.deliveredAt) : now
    const elapsedMs = now.getTime() - submittedAt.getTime()
    if (elapsedMs >= delivery.statusCheck.timeoutMs) {
      const target = delivery.targets.find((candidate) => candidate.name === record.target)?.label ?? record.target
      const error = new DeliveryFailure(
        `“${target}”自 ${submittedAt.toISOString()} 提交后超过 ${formatDuration(delivery.statusCheck.timeoutMs)} 仍在审核或发布中，已停止查询；请在平台后台确认发布结果后重试`,
        { isRetryable: false },
      )
      return recordFailure(error, { externalId: outcome.externalId ?? record.externalId ?? null })
    }
    const waitUntil = new Date(now.getTime() + retryDelayMs(delivery.statusCheck, attemptNumber))
    await update({ state: 'submitted', externalId: outcome.externalId ?? null, externalUrl: outcome.externalUrl ?? null, deliveredAt: submittedAt.toISOString(), nextAttemptAt: waitUntil.toISOString(), lastError })
    await payload.jobs.queue({ task: deliveryTaskSlug as never, input: { deliveryId: record.id } as never, queue: delivery.queue, waitUntil, req })
    // The submission is recorded once; the checks that follow are not.
    if (!isStatusCheck) await audit('delivered', null, { externalId: outcome.externalId ?? null, externalUrl: outcome.externalUrl ?? null, state: 'submitted', note: outcome.note ?? null })
    payload.logger.info({ msg: `gongkai delivery ${String(record.id)} → ${record.target}: submitted, still under review; checking again at ${waitUntil.toISOString()}` })
    return { status: 'submitted' }
  }

  async function recordFailure(error: DeliveryFailure, extra: Record<string, unknown> = {}): Promise<DeliveryRunResult> {
    if (error.isRetryable && attemptNumber < delivery.retry.attempts) {
      const waitUntil = new Date(now.getTime() + retryDelayMs(delivery.retry, attemptNumber, error.retryAfterMs))
      await update({ state: 'retrying', lastError: error.message, nextAttemptAt: waitUntil.toISOString() })
      await payload.jobs.queue({ task: deliveryTaskSlug as never, input: { deliveryId: record.id } as never, queue: delivery.queue, waitUntil, req })
      payload.logger.warn({ msg: `gongkai delivery ${String(record.id)} → ${record.target}: attempt ${attemptNumber} failed, retrying at ${waitUntil.toISOString()}: ${error.message}` })
      return { status: 'retrying', message: error.message }
    }
    const message = error.isRetryable ? `已重试 ${attemptNumber} 次仍失败：${error.message}` : error.message
    await update({ state: 'failed', lastError: message, nextAttemptAt: null, ...extra })
    await audit('delivery_failed', message, {})
    payload.logger.warn({ msg: `gongkai delivery ${String(record.id)} → ${record.target}: failed: ${message}` })
    return { status: 'failed', message }
  }
}

/** A period in Chinese: 2 小时, 90 分钟, 45 秒. */
function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} 小时`
  if (ms % 60_000 === 0) return `${ms / 60_000} 分钟`
  return `${Math.round(ms / 1000)} 秒`
}
