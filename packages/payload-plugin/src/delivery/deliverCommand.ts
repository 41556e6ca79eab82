import { getPayload } from 'payload'
import type { SanitizedConfig } from 'payload'

import { gongkaiOptionsOf } from '../infrastructure/runtime.js'
import { recoverStaleDeliveries } from './recoverStaleDeliveries.js'

/**
 * `payload gongkai:deliver [--once]` — the standalone delivery worker, for a separate process or a cron:
 * takes over deliveries of dead workers, then runs the delivery queue until it is empty; without `--once` it
 * keeps doing so every `delivery.worker.pollIntervalMs` until SIGINT/SIGTERM. Any number of these may run
 * next to each other and next to the in-process workers: each delivery is claimed by one worker at a time.
 */
export async function script(config: SanitizedConfig): Promise<void> {
  const payload = await getPayload({ config })
  const options = gongkaiOptionsOf(payload).delivery
  const isOnce = process.argv.includes('--once')
  let isStopping = false
  const stop = () => {
    isStopping = true
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  const runOnce = async () => {
    await recoverStaleDeliveries(payload)
    for (let round = 0; round < 1000 && !isStopping; round += 1) {
      const result = (await payload.jobs.run({ queue: options.queue, limit: 10, silent: true })) as { noJobsRemaining?: boolean }
      if (result.noJobsRemaining !== false) break
    }
  }
  payload.logger.info({ msg: `gongkai delivery worker: queue ${options.queue}${isOnce ? ' (once)' : `, every ${options.worker.pollIntervalMs} ms`}` })
  do {
    await runOnce()
    if (isOnce) break
    await new Promise((resolve) => setTimeout(resolve, options.worker.pollIntervalMs))
  } while (!isStopping)
  await payload.destroy()
  process.exit(0)
}
