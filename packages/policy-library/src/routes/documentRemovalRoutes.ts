import { timingSafeEqual } from 'node:crypto'
import express, { type RequestHandler, type Router } from 'express'
import { InvalidInput } from '../domain/errors.js'
import { unstorableTextProblem } from '../domain/removal.js'
import type { DeletionRequest, RedactionRequest } from '../domain/types.js'
import { hashToken, principalOf, type Principal } from '../http/auth.js'
import { validated, type RouteContext } from '../http/routeContext.js'
import { deleteDocument, redactVersion, type RemovalContext } from '../service/documentRemovals.js'

/** 删除 (a document published in error) and 抹除 (one version's text): by an issuing agency or the admin. */
export function documentRemovalRoutes(context: RouteContext): Router {
  const { validate, auth, limiter, json, write, adminToken } = context
  const router = express.Router()
  const adminHash = adminToken ? hashToken(adminToken) : undefined
  // The admin may erase too (a document whose agency is gone, a court order); agency tokens as for pushes.
  const requireAgencyOrAdmin: RequestHandler = (request, response, next) => {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1]
    if (token && adminHash && timingSafeEqual(hashToken(token), adminHash)) {
      response.locals.principal = { kind: 'admin' } satisfies Principal
      return next()
    }
    auth.requireAgency(request, response, next)
  }
  const checkReason: RequestHandler = (request, _response, next) => {
    const { reason } = request.body as { reason: string }
    const detail = unstorableTextProblem(reason)
    if (detail === undefined) return next()
    next(new InvalidInput(`原因${detail}`, [{ pointer: '/reason', detail: `原因${detail}`, rule: 'storableText' }]))
  }
  const removalContext = (client: RemovalContext['client'], indexUpdates: RemovalContext['indexUpdates'], principal: Principal): RemovalContext => ({
    client,
    indexUpdates,
    actor: principal.kind === 'admin' ? { kind: 'admin' } : { kind: 'agency', agencyId: principal.agencyId },
  })

  router.post('/v1/documents/:contentId/deletion', requireAgencyOrAdmin, limiter, json, validate('deleteDocument'), checkReason, async (request, response) => {
    const { contentId } = validated(response).params as { contentId: string }
    await write(request, response, async (client, indexUpdates) => ({
      status: 200,
      body: await deleteDocument(removalContext(client, indexUpdates, principalOf(response)), contentId, request.body as DeletionRequest),
    }))
  })
  router.post(
    '/v1/documents/:contentId/versions/:version/redaction',
    requireAgencyOrAdmin,
    limiter,
    json,
    validate('redactDocumentVersion'),
    checkReason,
    async (request, response) => {
      const { contentId, version } = validated(response).params as { contentId: string; version: number }
      await write(request, response, async (client, indexUpdates) => ({
        status: 200,
        body: await redactVersion(removalContext(client, indexUpdates, principalOf(response)), contentId, version, request.body as RedactionRequest),
      }))
    },
  )
  return router
}
