import type { Payload } from 'payload'

import { gongkaiOptionsOf } from '../infrastructure/runtime.js'
import { staleDeliveryIds } from './claimDelivery.js'
import { deliveryTaskSlug } from './deliveryTaskSlug.js'

/**
 * Queues a new job for every delivery left `delivering` by a worker that died (its lease ran out): Payload
 * leaves that worker's job marked as processing for good. The new job takes the delivery over; channel
 * progress and the library's idempotency keep it to one effect; a second job for it finds it claimed and stops.
 */
export async function recoverStaleDeliveries(payload: Payload): Promise<number> {
  const options = gongkaiOptionsOf(payload).delivery
  const ids = await staleDeliveryIds(payload)
  for (const id of ids) {
    await payload.jobs.queue({ task: deliveryTaskSlug as never, input: { deliveryId: id } as never, queue: options.queue })
  }
  // Finished delivery jobs are kept (see plugin.ts); the delivery records are the history, so remove them after a day.
  await payload.delete({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: deliveryTaskSlug } }, { completedAt: { less_than: new Date(Date.now() - 86_400_000).toISOString() } }] },
    overrideAccess: true,
  })
  return ids.length
}
