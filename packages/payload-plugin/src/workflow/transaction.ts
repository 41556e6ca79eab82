import { commitTransaction, initTransaction, killTransaction } from 'payload'
import type { PayloadRequest } from 'payload'

import { workflowContextKey } from './context.js'

/**
 * Runs `work` in the request's transaction (starting one when the request has none) with the workflow's
 * context flag set, so the saves it makes are recognised as state changes. Everything commits together or
 * nothing does: a failure rolls back every save, audit entry and reserved 索引号 serial.
 */
export async function inWorkflowTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const context = req.context as Record<string, unknown>
  const previous = context[workflowContextKey]
  context[workflowContextKey] = true
  const isOwnTransaction = await initTransaction(req)
  try {
    const result = await work()
    if (isOwnTransaction) await commitTransaction(req)
    return result
  } catch (error) {
    // A failed local API call inside may already have rolled the transaction back; killTransaction is a no-op then.
    if (isOwnTransaction || req.transactionID) await killTransaction(req)
    throw error
  } finally {
    if (previous === undefined) delete context[workflowContextKey]
    else context[workflowContextKey] = previous
  }
}
