import express, { type Router } from 'express'
import { validated, type RouteContext } from '../http/routeContext.js'
import { getDocument, getDocumentByIndexNumber, getDocumentVersion, listDocumentEvents, listEvents } from '../service/documentReads.js'

/** Reading one document (by content id, 索引号 or version) and the change log. */
export function documentReadRoutes(context: RouteContext): Router {
  const { pool, validate } = context
  const router = express.Router()
  router.get('/v1/documents/:contentId', validate('getDocument'), async (request, response) => {
    response.json(await getDocument(pool, request.params.contentId as string))
  })
  router.get('/v1/documents/:contentId/versions/:version', validate('getDocumentVersion'), async (_request, response) => {
    const { contentId, version } = validated(response).params as { contentId: string; version: number }
    response.json(await getDocumentVersion(pool, contentId, version))
  })
  router.get('/v1/index-numbers/:indexNumber', validate('getDocumentByIndexNumber'), async (request, response) => {
    response.json(await getDocumentByIndexNumber(pool, request.params.indexNumber as string))
  })
  router.get('/v1/documents/:contentId/events', validate('listDocumentEvents'), async (request, response) => {
    response.json(await listDocumentEvents(pool, request.params.contentId as string))
  })
  router.get('/v1/events', validate('listEvents'), async (_request, response) => {
    const { after = 0, limit = 100 } = validated(response).query as { after?: number; limit?: number }
    response.json(await listEvents(pool, { after, limit }))
  })
  return router
}
