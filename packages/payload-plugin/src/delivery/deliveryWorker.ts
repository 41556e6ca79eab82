import type { Payload, PayloadRequest } from 'payload'

import { gongkaiOptionsOf } from '../infrastructure/runtime.js'
import { recoverStaleDeliveries } from './recoverStaleDeliveries.js'

type Worker = { isRunning: boolean; isWanted: boolean; timer?: ReturnType<typeof setInterval>; isStopped: boolean; idle: Promise<void> }

const workers = new WeakMap<Payload, Worker>()
const stoppedWorkers = new WeakSet<Payload>()

/** True once `stopDeliveryWorker` ran for this instance: its deliveries in progress stop renewing their lease. */
export function isStoppedWorker(payload: Payload): boolean {
  return stoppedWorkers.has(payload)
}

/**
 * Runs the delivery queue until it is empty. One run at a time per process; a wake during a run makes the
 * run go round once more, so a job committed meanwhile is not left for the next poll.
 */
async function drain(payload: Payload, worker: Worker): Promise<void> {
  if (worker.isRunning) {
    worker.isWanted = true
    return worker.idle
  }
  worker.isRunning = true
  let done!: () => void
  worker.idle = new Promise((resolve) => (done = resolve))
  const { queue } = gongkaiOptionsOf(payload).delivery
  try {
    do {
      worker.isWanted = false
      for (let round = 0; round < 50 && !worker.isStopped; round += 1) {
        const result = (await payload.jobs.run({ queue, limit: 10, silent: true })) as { noJobsRemaining?: boolean }
        if (result.noJobsRemaining !== false) break
      }
    } while (worker.isWanted && !worker.isStopped)
  } catch (error) {
    if (!worker.isStopped) payload.logger.error({ err: error, msg: 'gongkai delivery: running the delivery queue failed' })
  } finally {
    worker.isRunning = false
    done()
  }
}

/** Starts the in-process worker: it runs right after each publishing commit and every `pollIntervalMs`. */
export function startDeliveryWorker(payload: Payload): void {
  const options = gongkaiOptionsOf(payload).delivery
  if (!options.isEnabled || !options.worker.isEnabled || workers.has(payload)) return
  const worker: Worker = { isRunning: false, isWanted: false, isStopped: false, idle: Promise.resolve() }
  workers.set(payload, worker)
  worker.timer = setInterval(() => {
    void recoverStaleDeliveries(payload)
      .then(() => drain(payload, worker))
      .catch((error: unknown) => {
        if (!worker.isStopped) payload.logger.error({ err: error, msg: 'gongkai delivery: recovering deliveries failed' })
      })
  }, options.worker.pollIntervalMs)
  worker.timer.unref?.()
  const destroy = payload.destroy.bind(payload)
  payload.destroy = async () => {
    await stopDeliveryWorker(payload)
    await destroy()
  }
}

/** Stops the in-process worker and waits for its current run. */
export async function stopDeliveryWorker(payload: Payload): Promise<void> {
  stoppedWorkers.add(payload)
  const worker = workers.get(payload)
  if (!worker) return
  worker.isStopped = true
  if (worker.timer) clearInterval(worker.timer)
  workers.delete(payload)
  await worker.idle
}

/** Wakes the in-process worker now (no-op without one). Resolves when that run is over. */
export function wakeDeliveryWorker(payload: Payload): Promise<void> {
  const worker = workers.get(payload)
  if (!worker || worker.isStopped) return Promise.resolve()
  return drain(payload, worker)
}

type Session = { resolve: () => Promise<void>; reject: () => Promise<void> }

/**
 * Wakes the worker as soon as the request's transaction commits (never on rollback: the jobs are gone then).
 * Payload has no after-commit hook; the PostgreSQL adapter ends a transaction by calling its session's
 * `resolve`, so that call is wrapped.
 */
export async function wakeAfterCommit(req: PayloadRequest): Promise<void> {
  const payload = req.payload
  if (!workers.has(payload)) return
  const id = req.transactionID instanceof Promise ? await req.transactionID : req.transactionID
  const sessions = (payload.db as unknown as { sessions?: Record<string, Session & { isWakingWorker?: boolean }> }).sessions
  const session = id !== undefined && id !== null ? sessions?.[String(id)] : undefined
  if (!session) {
    setImmediate(() => void wakeDeliveryWorker(payload))
    return
  }
  if (session.isWakingWorker) return
  session.isWakingWorker = true
  const resolve = session.resolve
  session.resolve = async () => {
    await resolve()
    setImmediate(() => void wakeDeliveryWorker(payload))
  }
}
