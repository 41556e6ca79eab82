import express, { type Router } from 'express'
import { findTopic } from '@gongkai/core'
import type { StoredDocument } from '../documents.js'
import { documentPageUrl, maxSitemapUrls, renderAtomFeed, renderSitemap, renderSitemapIndex } from '../feeds.js'
import { handle, validated, type RouteContext } from '../http/routeContext.js'
import { problem, ProblemError } from '../http/problem.js'

/** Atom feeds per agency and per topic, and the sitemap. */
export function feedRoutes(context: RouteContext): Router {
  const { pool, validate, baseUrlOf, documentPageUrlTemplate } = context
  const router = express.Router()
  const feedLimit = 50
  router.get(
    '/v1/agencies/:agencyId/feed.atom',
    validate('getAgencyFeed'),
    handle(async (request, response) => {
      const agencyId = request.params.agencyId as string
      const agency = await pool.query<{ name: string }>('SELECT name FROM agencies WHERE id = $1', [agencyId])
      const name = agency.rows[0]?.name
      if (name === undefined) throw new ProblemError(problem('notFound', `机关 ${agencyId} 不存在`))
      const { rows } = await pool.query<{ document: StoredDocument }>(
        `SELECT document FROM documents WHERE status = 'published' AND $1 = ANY (issuers) ORDER BY published_at DESC, content_id LIMIT ${feedLimit}`,
        [agencyId],
      )
      response.type('application/atom+xml').send(
        renderAtomFeed({
          baseUrl: baseUrlOf(request),
          selfPath: `/v1/agencies/${agencyId}/feed.atom`,
          title: `${name} · 政策文件`,
          documents: rows.map((row) => row.document),
          pageUrlTemplate: documentPageUrlTemplate,
        }),
      )
    }),
  )
  router.get(
    '/v1/topics/:topicCode/feed.atom',
    validate('getTopicFeed'),
    handle(async (request, response) => {
      const topicCode = request.params.topicCode as string
      const { rows } = await pool.query<{ document: StoredDocument }>(
        `SELECT document FROM documents WHERE status = 'published'
           AND EXISTS (SELECT 1 FROM unnest(topics) AS topic WHERE topic = $1 OR topic LIKE $1 || '.%')
         ORDER BY published_at DESC, content_id LIMIT ${feedLimit}`,
        [topicCode],
      )
      response.type('application/atom+xml').send(
        renderAtomFeed({
          baseUrl: baseUrlOf(request),
          selfPath: `/v1/topics/${topicCode}/feed.atom`,
          title: `${findTopic(topicCode)?.path ?? `主题 ${topicCode}`} · 政策文件`,
          documents: rows.map((row) => row.document),
          pageUrlTemplate: documentPageUrlTemplate,
        }),
      )
    }),
  )
  // Pages for people only: without a page URL template, documents pushed without `url` have none.
  const sitemapWhere = `status = 'published'${documentPageUrlTemplate ? '' : ` AND document ? 'url'`}`
  const publishedCount = async (): Promise<number> => {
    const { rows } = await pool.query<{ count: string }>(`SELECT count(*)::text AS count FROM documents WHERE ${sitemapWhere}`)
    return Number(rows[0]?.count ?? 0)
  }
  router.get(
    '/sitemap.xml',
    validate('getSitemapIndex'),
    handle(async (request, response) => {
      const pages = Math.max(1, Math.ceil((await publishedCount()) / maxSitemapUrls))
      response.type('application/xml').send(renderSitemapIndex({ baseUrl: baseUrlOf(request), pages }))
    }),
  )
  router.get(
    '/sitemaps/:page.xml',
    validate('getSitemapPage'),
    handle(async (request, response) => {
      const { page } = validated(response).params as { page: number }
      const pages = Math.max(1, Math.ceil((await publishedCount()) / maxSitemapUrls))
      if (page > pages) throw new ProblemError(problem('notFound', `站点地图只有 ${pages} 页`))
      const { rows } = await pool.query<{ content_id: string; url: string | null; updated_at: Date }>(
        `SELECT content_id, document->>'url' AS url, updated_at FROM documents WHERE ${sitemapWhere}
         ORDER BY content_id OFFSET $1 LIMIT $2`,
        [(page - 1) * maxSitemapUrls, maxSitemapUrls],
      )
      const entries = rows.flatMap((row) => {
        const loc = documentPageUrl({ contentId: row.content_id, ...(row.url ? { url: row.url } : {}) }, documentPageUrlTemplate)
        return loc ? [{ loc, updatedAt: row.updated_at.toISOString() }] : []
      })
      response.type('application/xml').send(renderSitemap({ entries }))
    }),
  )

  return router
}
