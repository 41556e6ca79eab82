import express, { type Router } from 'express'
import { documentPageUrl, renderAtomFeed, renderSitemap, renderSitemapIndex } from '../http/feeds.js'
import { validated, type RouteContext } from '../http/routeContext.js'
import { agencyFeed, sitemapPage, sitemapPageCount, topicFeed } from '../service/feeds.js'

/** Atom feeds per agency and per topic, and the sitemap. */
export function feedRoutes(context: RouteContext): Router {
  const { pool, validate, baseUrlOf, documentPageUrlTemplate } = context
  const router = express.Router()
  router.get('/v1/agencies/:agencyId/feed.atom', validate('getAgencyFeed'), async (request, response) => {
    const agencyId = request.params.agencyId as string
    const { title, documents } = await agencyFeed(pool, agencyId)
    response.type('application/atom+xml').send(
      renderAtomFeed({ baseUrl: baseUrlOf(request), selfPath: `/v1/agencies/${agencyId}/feed.atom`, title, documents, pageUrlTemplate: documentPageUrlTemplate }),
    )
  })
  router.get('/v1/topics/:topicCode/feed.atom', validate('getTopicFeed'), async (request, response) => {
    const topicCode = request.params.topicCode as string
    const { title, documents } = await topicFeed(pool, topicCode)
    response.type('application/atom+xml').send(
      renderAtomFeed({ baseUrl: baseUrlOf(request), selfPath: `/v1/topics/${topicCode}/feed.atom`, title, documents, pageUrlTemplate: documentPageUrlTemplate }),
    )
  })
  // Pages for people only: without a page URL template, documents pushed without `url` have none.
  const scope = { isWithoutUrlListed: Boolean(documentPageUrlTemplate) }
  router.get('/sitemap.xml', validate('getSitemapIndex'), async (request, response) => {
    response.type('application/xml').send(renderSitemapIndex({ baseUrl: baseUrlOf(request), pages: await sitemapPageCount(pool, scope) }))
  })
  router.get('/sitemaps/:page.xml', validate('getSitemapPage'), async (_request, response) => {
    const { page } = validated(response).params as { page: number }
    const entries = (await sitemapPage(pool, scope, page)).flatMap((row) => {
      const loc = documentPageUrl({ contentId: row.contentId, ...(row.url ? { url: row.url } : {}) }, documentPageUrlTemplate)
      return loc ? [{ loc, updatedAt: row.updatedAt }] : []
    })
    response.type('application/xml').send(renderSitemap({ entries }))
  })
  return router
}
