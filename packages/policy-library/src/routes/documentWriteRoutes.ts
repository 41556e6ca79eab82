import express, { type Router } from 'express'
import { InvalidInput } from '../domain/errors.js'
import type { BatchRequest, BatchResponse, DocumentInput, ValidityChangeRequest, WithdrawalRequest } from '../domain/types.js'
import { problemOf } from '../http/problem.js'
import type { RouteContext } from '../http/routeContext.js'
import { changeValidity, pushDocument, pushDocuments, withdrawDocument, type PushItem, type PushResult } from '../service/documentWrites.js'
import { batchEnvelopeValidator, capErrors, fieldErrors } from '../validation/requestValidator.js'

/** Pushes, batches, withdrawals and validity changes (agency tokens). */
export function documentWriteRoutes(context: RouteContext): Router {
  const { validate, auth, limiter, json, batchJson, write, writeContext, validateDocumentInput } = context
  const router = express.Router()
  router.put('/v1/documents/:contentId', auth.requireAgency, limiter, json, validate('pushDocument'), async (request, response) => {
    const contentId = request.params.contentId as string
    await write(request, response, async (client, indexUpdates) => {
      const { status, document } = await pushDocument(writeContext(client, indexUpdates, response), { contentId, input: request.body as DocumentInput })
      return { status, body: document }
    })
  })
  router.post('/v1/documents/:contentId/withdrawal', auth.requireAgency, limiter, json, validate('withdrawDocument'), async (request, response) => {
    const contentId = request.params.contentId as string
    await write(request, response, async (client, indexUpdates) => ({
      status: 200,
      body: await withdrawDocument(writeContext(client, indexUpdates, response), contentId, request.body as WithdrawalRequest),
    }))
  })
  router.post('/v1/documents/:contentId/validity', auth.requireAgency, limiter, json, validate('changeValidity'), async (request, response) => {
    const contentId = request.params.contentId as string
    await write(request, response, async (client, indexUpdates) => ({
      status: 200,
      body: await changeValidity(writeContext(client, indexUpdates, response), contentId, request.body as ValidityChangeRequest),
    }))
  })
  router.post(
    '/v1/document-batches',
    auth.requireAgency,
    limiter,
    batchJson,
    validate('pushDocumentBatch', { body: batchEnvelopeValidator(context.ajv, context.document) }),
    async (request, response) => {
      const { items } = request.body as BatchRequest
      await write(request, response, async (client, indexUpdates) => {
        // Items with an invalid document are answered 400 in their result; the others are applied.
        const invalid = new Map<number, PushResult>()
        const valid: { index: number; item: PushItem }[] = []
        items.forEach((item, index) => {
          if (validateDocumentInput(item.document)) valid.push({ index, item: { contentId: item.contentId, input: item.document } })
          else {
            const errors = capErrors(fieldErrors(validateDocumentInput.errors, ''))
            invalid.set(index, { contentId: item.contentId, error: new InvalidInput(`第 ${index + 1} 项的文件有 ${errors.length} 处不符合接口定义`, errors) })
          }
        })
        const applied = await pushDocuments(writeContext(client, indexUpdates, response), valid.map((entry) => entry.item))
        const byIndex = new Map(valid.map((entry, position) => [entry.index, applied[position] as PushResult]))
        const results = items.map((_, index) => (invalid.get(index) ?? byIndex.get(index)) as PushResult)
        const answered = results.map((result) => {
          if ('document' in result) return { contentId: result.contentId, status: result.status, version: result.document.version }
          const problem = problemOf(result.error)
          return { contentId: result.contentId, status: problem.status, problem }
        })
        const succeeded = answered.filter((result) => result.status < 300).length
        const body: BatchResponse = { results: answered, succeeded, failed: answered.length - succeeded }
        return { status: 200, body }
      })
    },
  )
  return router
}
