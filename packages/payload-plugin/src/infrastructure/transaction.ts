import { commitTransaction, initTransaction, killTransaction } from 'payload'
import type { PayloadRequest } from 'payload'

import { workflowContextKey } from './context.js'

/**
 * Runs `work` in the request's transaction, starting (and committing) one when the request has none. On
 * failure everything `work` wrote is rolled back: the transaction is killed, the caller's too — a failed local
 * API call inside may already have rolled it back, and killTransaction is a no-op then.
 */
export async function inTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const isOwnTransaction = await initTransaction(req)
  try {
    const result = await work()
    if (isOwnTransaction) await commitTransaction(req)
    return result
  } catch (error) {
    if (isOwnTransaction || req.transactionID) await killTransaction(req)
    throw error
  }
}

/**
 * `inTransaction` with the workflow's context flag set, so the saves `work` makes are recognised as state
 * changes. Everything commits together or nothing does: a failure rolls back every save, audit entry and
 * reserved 索引号 serial.
 */
export async function inWorkflowTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const context = req.context
  const previous = context[workflowContextKey]
  context[workflowContextKey] = true
  try {
    return await inTransaction(req, work)
  } finally {
    if (previous === undefined) delete context[workflowContextKey]
    else context[workflowContextKey] = previous
  }
}
