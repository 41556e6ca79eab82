import express, { type Router } from 'express'
import type { DocumentInput } from '../documents.js'
import { handle, type RouteContext } from '../http/routeContext.js'
import { problem } from '../http/problem.js'
import { answer } from '../store/idempotency.js'
import { changeValidity, pushDocuments, withdrawDocument, type PushItem, type PushResult } from '../store/writes.js'
import { batchEnvelopeValidator, capErrors, fieldErrors } from '../validation/requestValidator.js'

/** Pushes, batches, withdrawals and validity changes (agency tokens). */
export function documentWriteRoutes(context: RouteContext): Router {
  const { validate, auth, limiter, json, batchJson, write, writeContext, validateDocumentInput } = context
  const router = express.Router()
  router.put(
    '/v1/documents/:contentId',
    auth.requireAgency,
    limiter,
    json,
    validate('pushDocument'),
    handle(async (request, response) => {
      const contentId = request.params.contentId as string
      await write(request, response, async (client, indexUpdates) => {
        const [result] = await pushDocuments(writeContext(client, indexUpdates, response), [{ contentId, input: request.body as DocumentInput }])
        if (!result) throw new Error('push returned no result')
        return 'document' in result ? { status: result.status, body: result.document } : answer(result.problem)
      })
    }),
  )
  // Withdrawal and validity change: the same shape, a change to one stored document answered with it.
  const documentChange = (path: string, operationId: string, change: typeof withdrawDocument | typeof changeValidity) =>
    router.post(
      path,
      auth.requireAgency,
      limiter,
      json,
      validate(operationId),
      handle(async (request, response) => {
        const contentId = request.params.contentId as string
        await write(request, response, async (client, indexUpdates) => {
          const result = await change(writeContext(client, indexUpdates, response), contentId, request.body as never)
          return 'document' in result ? { status: 200, body: result.document } : answer(result.problem)
        })
      }),
    )
  documentChange('/v1/documents/:contentId/withdrawal', 'withdrawDocument', withdrawDocument)
  documentChange('/v1/documents/:contentId/validity', 'changeValidity', changeValidity)
  router.post(
    '/v1/document-batches',
    auth.requireAgency,
    limiter,
    batchJson,
    validate('pushDocumentBatch', { body: batchEnvelopeValidator(context.ajv) }),
    handle(async (request, response) => {
      const { items } = request.body as { items: { contentId: string; document: DocumentInput }[] }
      await write(request, response, async (client, indexUpdates) => {
        // Items with an invalid document are answered 400 in their result; the others are applied.
        const invalid = new Map<number, PushResult>()
        const valid: { index: number; item: PushItem }[] = []
        items.forEach((item, index) => {
          if (validateDocumentInput(item.document)) valid.push({ index, item: { contentId: item.contentId, input: item.document } })
          else {
            const errors = capErrors(fieldErrors(validateDocumentInput.errors, ''))
            invalid.set(index, {
              contentId: item.contentId,
              status: 400,
              problem: problem('validation', `第 ${index + 1} 项的文件有 ${errors.length} 处不符合接口定义`, { errors }),
            })
          }
        })
        const applied = await pushDocuments(writeContext(client, indexUpdates, response), valid.map((entry) => entry.item))
        const byIndex = new Map(valid.map((entry, position) => [entry.index, applied[position] as PushResult]))
        const results = items.map((_, index) => (invalid.get(index) ?? byIndex.get(index)) as PushResult)
        const succeeded = results.filter((result) => result.status < 300).length
        return {
          status: 200,
          body: {
            results: results.map((result) =>
              'document' in result
                ? { contentId: result.contentId, status: result.status, version: result.document.version }
                : { contentId: result.contentId, status: result.status, problem: result.problem },
            ),
            succeeded,
            failed: results.length - succeeded,
          },
        }
      })
    }),
  )

  return router
}
