import { defaultValidityStatuses, documentTypes, findTopic, labelOf } from '@gongkai/core'
import type pg from 'pg'
import { InvalidInput } from '../domain/errors.js'
import type { DocumentSummary, FacetBucket, SearchResponse } from '../domain/types.js'
import { escapeHtml, highlight, snippet } from '../search/highlight.js'
import { queryTerms } from '../search/segment.js'
import { decodeCursor, encodeCursor, type SearchEngine, type SearchFilters, type SearchResult, type SearchSort } from '../search/types.js'
import { agencyNames } from '../store/agencies.js'
import { findListedDocuments } from '../store/documents.js'

const kindLabels: Record<string, string> = { policy: '政策文件', interpretation: '政策解读', decision: '重大决策' }

/** The validated query of `GET /v1/documents`. */
export type SearchQuery = {
  q?: string
  sort?: SearchSort
  limit?: number
  cursor?: string
  facets?: boolean
} & Omit<Partial<SearchFilters>, 'status'> & { status?: SearchFilters['status'] }

const filterNames = ['agency', 'year', 'topic', 'kind', 'documentType', 'validity', 'publishedFrom', 'publishedTo'] as const

/** List and search: the engine's hits, with snippets, highlighted titles and labelled facets. */
export async function searchDocuments({ pool, engine, query }: { pool: pg.Pool; engine: SearchEngine; query: SearchQuery }): Promise<SearchResponse> {
  const parsed = query.q ? queryTerms(query.q) : { terms: [], words: [] }
  const sort: SearchSort = query.sort ?? (query.q ? 'relevance' : 'newest')
  let cursor
  if (query.cursor !== undefined) {
    cursor = decodeCursor(query.cursor)
    if (!cursor) throw new InvalidInput('cursor 无效', [{ pointer: 'query/cursor', detail: 'cursor 应为上一页返回的 nextCursor', rule: 'cursor' }])
  }
  const filters: SearchFilters = { status: query.status ?? 'published' }
  for (const name of filterNames) {
    if (query[name] !== undefined) Object.assign(filters, { [name]: query[name] })
  }
  const withFacets = query.facets ?? true
  const limit = query.limit ?? 20
  // A query with no searchable word (only punctuation) matches nothing rather than everything.
  const isEmptyQuery = query.q !== undefined && parsed.terms.length === 0
  const result: SearchResult = isEmptyQuery
    ? { hits: [], total: 0, ...(withFacets ? { facets: { agency: [], year: [], topic: [], kind: [], documentType: [], validity: [] } } : {}) }
    : await engine.search({ terms: parsed.terms, filters, sort, limit, withFacets, ...(cursor ? { cursor } : {}) })
  const [documents, names] = await Promise.all([
    findListedDocuments(
      pool,
      result.hits.map((hit) => hit.contentId),
    ),
    agencyNames(pool, result.facets?.agency.map((bucket) => bucket.value) ?? []),
  ])
  const byId = new Map(documents.map((document) => [document.contentId, document]))
  const items = result.hits.flatMap((hit): DocumentSummary[] => {
    const document = byId.get(hit.contentId)
    if (!document) return []
    // A withdrawn document is listed by its notice: its text is no longer served.
    const text = document.status === 'withdrawn' ? (document.withdrawalNotice ?? '') : document.bodyText || document.summary || ''
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
  const labelled = (buckets: { value: string; count: number }[], label: (value: string) => string | undefined): FacetBucket[] =>
    buckets.map((bucket) => {
      const text = label(bucket.value)
      return text === undefined || text === bucket.value ? bucket : { ...bucket, label: text }
    })
  const facets = result.facets
    ? {
        agency: labelled(result.facets.agency, (value) => names.get(value)),
        year: result.facets.year,
        topic: labelled(result.facets.topic, (value) => findTopic(value)?.path),
        kind: labelled(result.facets.kind, (value) => kindLabels[value]),
        documentType: labelled(result.facets.documentType, (value) => labelOf(documentTypes, value)),
        validity: labelled(result.facets.validity, (value) => labelOf(defaultValidityStatuses, value)),
      }
    : undefined
  return {
    items,
    total: result.total,
    nextCursor: result.nextCursor ? encodeCursor(result.nextCursor) : null,
    ...(facets ? { facets } : {}),
  }
}
