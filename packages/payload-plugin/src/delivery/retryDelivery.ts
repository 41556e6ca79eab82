import { createLocalReq } from 'payload'
import type { Endpoint, Payload, PayloadRequest } from 'payload'

import { hasAgencyRole, isSiteAdmin } from '../access/roles.js'
import { relationId } from '../utilities/relationIds.js'
import { findDeliveryByID } from '../infrastructure/documents.js'
import { gongkaiOptionsOf } from '../infrastructure/runtime.js'
import { inTransaction } from '../infrastructure/transaction.js'
import { WorkflowError } from '../infrastructure/WorkflowError.js'
import { message } from '../translations/message.js'
import { deliveryStateLabel } from './deliveryStates.js'
import { deliveryTaskSlug } from './deliveryTaskSlug.js'
import { wakeAfterCommit } from './deliveryWorker.js'

/**
 * Queues a failed (or cancelled) delivery again, once the cause is fixed. Only a 签发 (publisher) of the
 * document's agency or a site admin may; attempts start from zero.
 *
 * @throws WorkflowError 401/403/404/409 with a message in the request's language
 */
export async function retryDelivery(args: { payload: Payload; req?: PayloadRequest; user: Record<string, unknown> | null | undefined; id: number | string }) {
  const { payload, user } = args
  const options = gongkaiOptionsOf(payload).delivery
  if (!user) throw new WorkflowError(message(args.req, 'loginToRetry'), 401)
  const req = args.req ?? (await createLocalReq({ user: user as never }, payload))
  // Delivery ids are PostgreSQL serials: anything else (NUL, surrogates, 1e400…) names no delivery.
  const isSerial = /^[1-9][0-9]{0,14}$/u.test(String(args.id))
  if (!isSerial) throw new WorkflowError(message(req, 'deliveryNotFound', { id: String(args.id).replace(/[^\p{L}\p{N}._-]/gu, '').slice(0, 40) }), 404)
  return inTransaction(req, async () => {
    const record = await findDeliveryByID({ req, id: args.id })
    if (!record) throw new WorkflowError(message(req, 'deliveryNotFound', { id: String(args.id) }), 404)
    if (!isSiteAdmin(user) && !hasAgencyRole(user, relationId(record.agency), 'publisher')) {
      throw new WorkflowError(message(req, 'retryPublishersOnly'), 403)
    }
    if (record.state !== 'failed' && record.state !== 'cancelled') {
      throw new WorkflowError(message(req, 'retryWrongState', { state: deliveryStateLabel(String(record.state), req) }), 409)
    }
    const updated = await payload.update({
      collection: options.deliveriesSlug,
      id: args.id,
      data: { state: 'queued', attempts: 0, nextAttemptAt: null, leaseUntil: null },
      depth: 0,
      overrideAccess: true,
      req,
    })
    await payload.jobs.queue({ task: deliveryTaskSlug as never, input: { deliveryId: record.id } as never, queue: options.queue, req })
    await wakeAfterCommit(req)
    return updated
  })
}

/** `POST /api/deliveries/:id/retry` — see `retryDelivery`. */
export const retryDeliveryEndpoint: Endpoint = {
  path: '/:id/retry',
  method: 'post',
  handler: async (req) => {
    const { id } = (req.routeParams ?? {}) as { id?: string }
    const updated = await retryDelivery({ payload: req.payload, req, user: req.user as never, id: String(id) })
    return Response.json({ id: updated.id, state: updated.state })
  },
}
