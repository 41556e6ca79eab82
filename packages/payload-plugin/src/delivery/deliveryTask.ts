import type { TaskConfig } from 'payload'

import { deliveryTaskSlug } from './deliveryTaskSlug.js'
import { runDelivery } from './runDelivery.js'

/**
 * The delivery job: one attempt of one delivery record. Retries are new jobs queued by the attempt itself (with
 * the backoff and the reason kept on the delivery), so Payload's own retries are off.
 */
export function createDeliveryTask(): TaskConfig {
  return {
    slug: deliveryTaskSlug,
    label: '推送 (Gongkai delivery)',
    inputSchema: [{ name: 'deliveryId', type: 'number', required: true }],
    outputSchema: [
      { name: 'status', type: 'text' },
      { name: 'message', type: 'text' },
    ],
    retries: 0,
    handler: async ({ input, req }) => {
      const result = await runDelivery(req.payload, (input as { deliveryId: number }).deliveryId)
      return { output: { status: result.status, message: result.message ?? null } }
    },
  }
}
