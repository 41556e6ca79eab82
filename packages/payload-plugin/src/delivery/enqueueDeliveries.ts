import type { PayloadRequest } from 'payload'

import { loadOwningAgencyIds } from '../access/documentAgencies.js'
import { gongkaiOptionsOf, titleOf, workflowCollectionOf } from '../infrastructure/runtime.js'
import type { DeliveryAction } from './deliveryStates.js'
import { deliveryTaskSlug } from './deliveryTaskSlug.js'
import { wakeAfterCommit } from './deliveryWorker.js'
import { libraryTargetName } from './sanitizeDeliveryOptions.js'

export type EnqueueDeliveriesArgs = {
  /** The request of the workflow action: its transaction carries the outbox rows and jobs. */
  req: PayloadRequest
  action: DeliveryAction
  documents: readonly { collection: string; id: number | string }[]
  /** For a withdrawal: the notice readers see (撤回理由); for a deletion or redaction: its reason. */
  notice?: string | null
  /** For a redaction: the library version whose text is erased (the delivery records it as its version). */
  libraryVersion?: number
}

export type QueuedDelivery = { id: number | string; collection: string; documentId: string; target: string; action: DeliveryAction; version: number }

/** The field on workflow collections with the editor's choice of channels. */
export const deliveryChannelsField = 'deliveryChannels'

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
  for (const reference of args.documents) {
    const key = workflowCollectionOf(options, reference.collection)
    if (!key || key === 'participation') continue
    const doc = (await req.payload.findByID({
      collection: reference.collection,
      id: reference.id,
      draft: args.action !== 'publish' && args.action !== 'validity',
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })) as (Record<string, unknown> & { id: number | string }) | null
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
      const last = earlier[0] as { version?: number } | undefined
      // Withdrawals and validity changes concern only targets the document was sent to.
      if (args.action !== 'publish' && !last) continue
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
  if (queued.length > 0) await wakeAfterCommit(req)
  return queued
}
