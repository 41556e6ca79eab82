import { addDataAndFileToRequest } from 'payload'
import type { Endpoint } from 'payload'

import { availableActions } from '../workflow/availableActions.js'
import { isWorkflowAction } from '../workflow/states.js'
import { transition } from '../workflow/transition.js'
import { WorkflowError } from '../infrastructure/WorkflowError.js'
import { isRecord } from '../utilities/isRecord.js'
import { message } from '../translations/message.js'

/**
 * `POST /api/<collection>/:id/workflow/:action` — actions `submit`, `return`, `approve`, `publish`, `schedule`,
 * `unschedule`, `withdraw`, `invalidate`, `force-publish`, `delete`, `redact`. JSON body: `reason` (return,
 * withdraw, force-publish, delete, redact), `publishAt` (schedule), `validity` / `expiryDate` / `supersededBy`
 * (invalidate), `libraryVersion` (redact). Answers 200 with the result,
 * or 4xx with `{ errors: [{ message, data }] }` whose Chinese message names the document, state and rule.
 */
export function workflowEndpoint(collectionSlug: string): Endpoint {
  return {
    path: '/:id/workflow/:action',
    method: 'post',
    handler: async (req) => {
      const { id, action } = (req.routeParams ?? {}) as { id?: string; action?: string }
      if (!isWorkflowAction(action)) throw new WorkflowError(message(req, 'unknownAction', { action: String(action) }), 404)
      if (!req.user) throw new WorkflowError(message(req, 'loginToActOnWorkflow'), 401)
      await addDataAndFileToRequest(req)
      // The body is the client's JSON: read by name, each value checked by `text`.
      const body: Record<string, unknown> = isRecord(req.data) ? req.data : {}
      const text = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null)
      const result = await transition({
        payload: req.payload,
        req,
        collection: collectionSlug,
        id: String(id),
        action,
        reason: text(body.reason),
        publishAt: text(body.publishAt),
        validity: text(body.validity),
        expiryDate: text(body.expiryDate),
        supersededBy: text(body.supersededBy),
        libraryVersion: text(body.libraryVersion),
      })
      return Response.json(result)
    },
  }
}

/** `GET /api/<collection>/:id/workflow` — the document's state and the actions the signed-in user may start. */
export function workflowStateEndpoint(collectionSlug: string): Endpoint {
  return {
    path: '/:id/workflow',
    method: 'get',
    handler: async (req) => {
      if (!req.user) throw new WorkflowError(message(req, 'loginToSeeWorkflow'), 401)
      const { id } = (req.routeParams ?? {}) as { id?: string }
      const result = await availableActions({ payload: req.payload, req, user: req.user as never, collection: collectionSlug, id: String(id) })
      return Response.json(result)
    },
  }
}
