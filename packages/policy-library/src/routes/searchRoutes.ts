import express, { type Router } from 'express'
import { validated, type RouteContext } from '../http/routeContext.js'
import { searchDocuments, type SearchQuery } from '../service/searchDocuments.js'

/** `GET /v1/documents`: list and search with filters, facets, snippets and cursor pages. */
export function searchRoutes(context: RouteContext): Router {
  const { pool, engine, validate } = context
  const router = express.Router()
  router.get('/v1/documents', validate('searchDocuments'), async (_request, response) => {
    response.json(await searchDocuments({ pool, engine, query: validated(response).query as SearchQuery }))
  })
  return router
}
