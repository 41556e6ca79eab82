import { timingSafeEqual } from 'node:crypto'
import express, { type RequestHandler, type Router } from 'express'
import { hashToken, principalOf, type Principal } from '../http/auth.js'
import { handle, validated, type RouteContext } from '../http/routeContext.js'
import { problem, ProblemError } from '../http/problem.js'
import { unstorableTextProblem } from '../removal.js'
import { deleteDocument, redactVersion, type RemovalContext } from '../store/removals.js'

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
    next(new ProblemError(problem('validation', `原因${detail}`, { errors: [{ pointer: '/reason', detail: `原因${detail}`, rule: 'storableText' }] })))
  }
  const removalContext = (client: RemovalContext['client'], indexUpdates: RemovalContext['indexUpdates'], principal: Principal): RemovalContext => ({
    client,
    indexUpdates,
    actor: principal.kind === 'admin' ? { kind: 'admin' } : { kind: 'agency', agencyId: principal.agencyId },
  })

  router.post(
    '/v1/documents/:contentId/deletion',
    requireAgencyOrAdmin,
    limiter,
    json,
    validate('deleteDocument'),
    checkReason,
    handle(async (request, response) => {
      const { contentId } = validated(response).params as { contentId: string }
      const body = request.body as { reason: string }
      await write(request, response, (client, indexUpdates) => deleteDocument(removalContext(client, indexUpdates, principalOf(response)), contentId, body))
    }),
  )
  router.post(
    '/v1/documents/:contentId/versions/:version/redaction',
    requireAgencyOrAdmin,
    limiter,
    json,
    validate('redactDocumentVersion'),
    checkReason,
    handle(async (request, response) => {
      const { contentId, version } = validated(response).params as { contentId: string; version: number }
      const body = request.body as { reason: string }
      await write(request, response, (client, indexUpdates) =>
        redactVersion(removalContext(client, indexUpdates, principalOf(response)), contentId, version, body),
      )
    }),
  )
  return router
}
