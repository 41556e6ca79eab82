import type { PayloadRequest } from 'payload'

import { loadOwningAgencyIds } from '../access/documentAgencies.js'
import { findDocumentByID } from '../infrastructure/documents.js'
import type { StoredDocument } from '../infrastructure/documents.js'
import { gongkaiOptionsOf, titleOf, workflowCollectionOf } from '../infrastructure/runtime.js'
import { relationId } from '../utilities/relationIds.js'
import type { DeliveryAction } from './deliveryStates.js'
import { deliveryTaskSlug } from './deliveryTaskSlug.js'
import { wakeAfterCommit } from './deliveryWorker.js'
import { libraryTargetName } from './sanitizeDeliveryOptions.js'
import { deliveryChannelsField } from '../infrastructure/documentFieldNames.js'

export type EnqueueDeliveriesArgs = {
  /** The request of the workflow action: its transaction carries the outbox rows and jobs. */
  req: PayloadRequest
  action: DeliveryAction
  documents: readonly { collection: string; id: number | string }[]
  /** For a withdrawal: the notice readers see (撤回理由); for a deletion or redaction: its reason. */
  notice?: string | null
  /** For a redaction: the library version whose text is erased (the delivery records it as its version). */
  libraryVersion?: number
  /** Only to the library, and only documents it holds as published: a refresh of their 决策专栏. */
  isLibraryRefresh?: boolean
}

export type QueuedDelivery = { id: number | string; collection: string; documentId: string; target: string; action: DeliveryAction; version: number }

export { deliveryChannelsField }

/** 主动公开 only: 依申请公开 and 不予公开 documents never leave the CMS. Collections without the field are public by kind. */
export function isProactive(doc: Record<string, unknown>): boolean {
  return doc.disclosure === undefined || doc.disclosure === null || doc.disclosure === 'proactive'
}

/**
 * The outbox: writes one delivery record and one job per document and target in the request's transaction,
 * so the deliveries exist if and only if the workflow action commits; wakes the in-process worker once it has.
 * Publishing (now, scheduled, forced, a revision) sends the document; withdrawal, deletion and 有效性 changes go
 * to the targets the document was sent to; a redaction (抹除) to the library only.
 */
export async function enqueueDeliveries(args: EnqueueDeliveriesArgs): Promise<QueuedDelivery[]> {
  const { req } = args
  const options = gongkaiOptionsOf(req.payload)
  const delivery = options.delivery
  if (options.isDisabled || !delivery.isEnabled) return []
  const queued: QueuedDelivery[] = []
  const participationDecisions: { collection: string; id: number | string }[] = []
  for (const reference of args.documents) {
    const key = workflowCollectionOf(options, reference.collection)
    if (!key) continue
    if (key === 'participation') {
      participationDecisions.push(...(await decisionOfParticipation(req, reference)))
      continue
    }
    const doc: StoredDocument | null = await req.payload.findByID({
      collection: reference.collection,
      id: reference.id,
      draft: args.action !== 'publish' && args.action !== 'validity',
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })
    if (!doc || !isProactive(doc)) continue
    const agencies = await loadOwningAgencyIds({ req, slugs: options.slugs, collection: key, doc })
    const agency = agencies[0]
    const chosen = Array.isArray(doc[deliveryChannelsField]) ? (doc[deliveryChannelsField] as unknown[]).map(String) : undefined
    const targets = delivery.targets.filter(
      (target) =>
        target.collections.includes(key as never) &&
        (!target.agencies || (agency !== undefined && target.agencies.includes(String(agency)))) &&
        (target.name === libraryTargetName || (chosen ? chosen.includes(target.name) : target.isDefault)),
    )
    for (const target of targets) {
      const { docs: earlier } = await req.payload.find({
        collection: delivery.deliveriesSlug,
        where: { and: [{ documentCollection: { equals: reference.collection } }, { documentId: { equals: String(doc.id) } }, { target: { equals: target.name } }] },
        sort: '-version',
        limit: 1,
        depth: 0,
        overrideAccess: true,
        req,
      })
      const last = earlier[0] as { version?: number; action?: string } | undefined
      // Withdrawals and validity changes concern only targets the document was sent to.
      if (args.action !== 'publish' && !last) continue
      // A refresh goes only where the document is published now (not withdrawn, deleted, or never sent).
      if (args.isLibraryRefresh && (target.kind !== 'library' || !last || (last.action !== 'publish' && last.action !== 'validity'))) continue
      if ((args.action === 'validity' || args.action === 'redact') && target.kind !== 'library') continue
      // A redaction makes no new library version: it names the one it erases.
      const version = args.action === 'redact' ? (args.libraryVersion ?? 0) : (last?.version ?? 0) + 1
      if (version < 1) continue
      const record = await req.payload.create({
        collection: delivery.deliveriesSlug,
        data: {
          documentTitle: titleOf(doc),
          documentCollection: reference.collection,
          documentId: String(doc.id),
          agency: agency ?? null,
          target: target.name,
          targetLabel: target.label,
          action: args.action,
          version,
          state: 'queued',
          attempts: 0,
          ...(args.action === 'withdraw' || args.action === 'delete' || args.action === 'redact' ? { notice: args.notice ?? null } : {}),
        },
        depth: 0,
        overrideAccess: true,
        req,
      })
      await req.payload.jobs.queue({ task: deliveryTaskSlug as never, input: { deliveryId: record.id } as never, queue: delivery.queue, req })
      queued.push({ id: record.id, collection: reference.collection, documentId: String(doc.id), target: target.name, action: args.action, version })
    }
  }
  // 公众参与记录 are part of their decision's 专栏: publishing, withdrawing or deleting one re-sends the decision
  // to the library (only there: channels got the decision's text, which has not changed).
  if (participationDecisions.length > 0) {
    const unique = [...new Map(participationDecisions.map((decision) => [`${decision.collection}:${String(decision.id)}`, decision])).values()]
    queued.push(...(await enqueueDeliveries({ req, action: 'publish', documents: unique, isLibraryRefresh: true })))
  }
  if (queued.length > 0) await wakeAfterCommit(req)
  return queued
}

/** The decision a 公众参与 record belongs to, when it names one. */
async function decisionOfParticipation(req: PayloadRequest, reference: { collection: string; id: number | string }): Promise<{ collection: string; id: number | string }[]> {
  const options = gongkaiOptionsOf(req.payload)
  const record = await findDocumentByID({ req, collection: 'participation', id: reference.id, draft: true })
  const decision = relationId(record?.decision)
  return decision === undefined ? [] : [{ collection: options.slugs.decisions, id: decision }]
}
