import express, { type Router } from 'express'
import { defaultValidityStatuses, documentTypes, findTopic, labelOf } from '@gongkai/core'
import type { StoredDocument } from '../documents.js'
import { handle, validated, type RouteContext } from '../http/routeContext.js'
import { problem, ProblemError } from '../http/problem.js'
import { escapeHtml, highlight, snippet } from '../search/highlight.js'
import { queryTerms } from '../search/segment.js'
import { decodeCursor, encodeCursor, type SearchFilters, type SearchSort } from '../search/types.js'

const kindLabels: Record<string, string> = { policy: '政策文件', interpretation: '政策解读', decision: '重大决策' }

/** `GET /v1/documents`: list and search with filters, facets, snippets and cursor pages. */
export function searchRoutes(context: RouteContext): Router {
  const { pool, engine, validate } = context
  const router = express.Router()
  router.get(
    '/v1/documents',
    validate('searchDocuments'),
    handle(async (_request, response) => {
      const query = validated(response).query as {
        q?: string
        sort?: SearchSort
        limit?: number
        cursor?: string
        facets?: boolean
      } & Omit<Partial<SearchFilters>, 'status'> & { status?: SearchFilters['status'] }
      const parsed = query.q ? queryTerms(query.q) : { terms: [], words: [] }
      const sort: SearchSort = query.sort ?? (query.q ? 'relevance' : 'newest')
      let cursor
      if (query.cursor !== undefined) {
        cursor = decodeCursor(query.cursor)
        if (!cursor) {
          throw new ProblemError(problem('validation', 'cursor 无效', { errors: [{ pointer: 'query/cursor', detail: 'cursor 应为上一页返回的 nextCursor', rule: 'cursor' }] }))
        }
      }
      const filters: SearchFilters = { status: query.status ?? 'published' }
      for (const name of ['agency', 'year', 'topic', 'kind', 'documentType', 'validity', 'publishedFrom', 'publishedTo'] as const) {
        if (query[name] !== undefined) Object.assign(filters, { [name]: query[name] })
      }
      const withFacets = query.facets ?? true
      const limit = query.limit ?? 20
      // A query with no searchable word (only punctuation) matches nothing rather than everything.
      const isEmptyQuery = query.q !== undefined && parsed.terms.length === 0
      const result = isEmptyQuery
        ? { hits: [], total: 0, facets: withFacets ? { agency: [], year: [], topic: [], kind: [], documentType: [], validity: [] } : undefined }
        : await engine.search({ terms: parsed.terms, filters, sort, limit, withFacets, ...(cursor ? { cursor } : {}) })
      const ids = result.hits.map((hit) => hit.contentId)
      const agencyIds = result.facets?.agency.map((bucket) => bucket.value) ?? []
      const [documents, agencies] = await Promise.all([
        ids.length === 0
          ? { rows: [] }
          : pool.query<{ document: StoredDocument }>(
              // Snippets come from the first 50,000 characters: a page of 100 long documents stays small.
              `SELECT (document - 'bodyHtml' - 'attachments' - 'links')
                 || jsonb_build_object('bodyText', left(document->>'bodyText', 50000)) AS document
               FROM documents WHERE content_id = ANY ($1)`,
              [ids],
            ),
        agencyIds.length === 0 ? { rows: [] } : pool.query<{ id: string; name: string }>('SELECT id, name FROM agencies WHERE id = ANY ($1)', [agencyIds]),
      ])
      const byId = new Map(documents.rows.map((row) => [row.document.contentId, row.document]))
      const agencyNames = new Map(agencies.rows.map((row) => [row.id, row.name]))
      const items = result.hits.flatMap((hit) => {
        const document = byId.get(hit.contentId)
        if (!document) return []
        // A withdrawn document is listed by its notice: its text is no longer served.
        const text = document.status === 'withdrawn' ? (document.withdrawal?.notice ?? '') : document.bodyText || document.summary || ''
        return [
          {
            contentId: document.contentId,
            version: document.version,
            status: document.status,
            kind: document.kind,
            title: document.title,
            titleHighlight: highlight(document.title, parsed.words),
            snippet: parsed.words.length > 0 ? snippet(text, parsed.words) : escapeHtml((document.status === 'withdrawn' ? undefined : document.summary) ?? text.slice(0, 120)),
            ...(hit.score === undefined ? {} : { score: hit.score }),
            ...(document.indexNumber ? { indexNumber: document.indexNumber } : {}),
            ...(document.documentNumber ? { documentNumber: document.documentNumber } : {}),
            ...(document.documentType ? { documentType: document.documentType } : {}),
            issuers: document.issuers,
            topics: document.topics,
            publishedAt: document.publishedAt,
            validity: document.validity,
            ...(document.url ? { url: document.url } : {}),
          },
        ]
      })
      const labelled = (buckets: { value: string; count: number }[], label: (value: string) => string | undefined) =>
        buckets.map((bucket) => {
          const text = label(bucket.value)
          return text === undefined || text === bucket.value ? bucket : { ...bucket, label: text }
        })
      const facets = result.facets
        ? {
            agency: labelled(result.facets.agency, (value) => agencyNames.get(value)),
            year: result.facets.year,
            topic: labelled(result.facets.topic, (value) => findTopic(value)?.path),
            kind: labelled(result.facets.kind, (value) => kindLabels[value]),
            documentType: labelled(result.facets.documentType, (value) => labelOf(documentTypes, value)),
            validity: labelled(result.facets.validity, (value) => labelOf(defaultValidityStatuses, value)),
          }
        : undefined
      response.json({
        items,
        total: result.total,
        nextCursor: result.nextCursor ? encodeCursor(result.nextCursor) : null,
        ...(facets ? { facets } : {}),
      })
    }),
  )

  return router
}
