import type pg from 'pg'
import { tsqueryOf } from './segment.js'
import { dateOfDay, dayOf, facetNames, type FacetCounts, type SearchEngine, type SearchRequest, type SearchResult } from './types.js'
import { sortBuckets } from './results.js'

/**
 * Search answered by PostgreSQL alone: the segmented tsvector with its GIN index, `ts_rank` over all
 * matches, `count(*)` and `GROUP BY` facets. Correct everywhere and needs no memory, but slow on common
 * terms at 100k documents (see the README's numbers); the benchmark's "naive full text" baseline.
 */
export function createPostgresSearch({ pool }: { pool: pg.Pool }): SearchEngine {
  return {
    name: 'postgres',
    start: async () => {},
    sync: async () => {},
    applyCommitted: async () => {},
    isReady: () => true,
    stop: async () => {},
    search: (request) => searchWithPostgres(pool, request),
  }
}

function buildWhere(request: SearchRequest, values: unknown[]): string[] {
  const { filters } = request
  const where: string[] = []
  const parameter = (value: unknown): string => {
    values.push(value)
    return `$${values.length}`
  }
  if (filters.status !== 'all') where.push(`status = ${parameter(filters.status)}`)
  else where.push(`status <> 'deleted'`)
  if (request.terms.length > 0) where.push(`search_vector @@ ${parameter(tsqueryOf(request.terms))}::tsquery`)
  if (filters.agency !== undefined) where.push(`${parameter(filters.agency)} = ANY (issuers)`)
  if (filters.year !== undefined) {
    where.push(`published_at >= ${parameter(`${filters.year}-01-01`)}::date`)
    where.push(`published_at < ${parameter(`${filters.year + 1}-01-01`)}::date`)
  }
  if (filters.topic !== undefined) {
    const topic = parameter(filters.topic)
    where.push(`EXISTS (SELECT 1 FROM unnest(topics) AS topic WHERE topic = ${topic} OR topic LIKE ${topic} || '.%')`)
  }
  if (filters.kind !== undefined) where.push(`kind = ${parameter(filters.kind)}`)
  if (filters.documentType !== undefined) where.push(`document_type = ${parameter(filters.documentType)}`)
  if (filters.validity !== undefined) where.push(`validity = ${parameter(filters.validity)}`)
  if (filters.publishedFrom !== undefined) where.push(`published_at >= ${parameter(filters.publishedFrom)}::date`)
  if (filters.publishedTo !== undefined) where.push(`published_at <= ${parameter(filters.publishedTo)}::date`)
  return where
}

async function searchWithPostgres(pool: pg.Pool, request: SearchRequest): Promise<SearchResult> {
  const values: unknown[] = []
  const where = buildWhere(request, values)
  const isRelevance = request.sort === 'relevance' && request.terms.length > 0
  const pageWhere = [...where]
  const pageValues = [...values]
  const rank = isRelevance ? `ts_rank(search_vector, ${tsqueryParameter(pageValues, request.terms)}::tsquery)` : '0::real'
  if (request.cursor) {
    const push = (value: unknown): string => {
      pageValues.push(value)
      return `$${pageValues.length}`
    }
    const date = push(dateOfDay(request.cursor.day))
    const contentId = push(request.cursor.contentId)
    const dateAfter = request.sort === 'oldest' ? `published_at > ${date}::date` : `published_at < ${date}::date`
    const byDate = `(${dateAfter} OR (published_at = ${date}::date AND content_id > ${contentId}))`
    if (isRelevance) {
      const score = push(request.cursor.score)
      pageWhere.push(`(${rank} < ${score}::real OR (${rank} = ${score}::real AND ${byDate}))`)
    } else {
      pageWhere.push(byDate)
    }
  }
  const order = isRelevance
    ? 'score DESC, published_at DESC, content_id'
    : request.sort === 'oldest'
      ? 'published_at, content_id'
      : 'published_at DESC, content_id'
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''
  const pageWhereSql = pageWhere.length > 0 ? `WHERE ${pageWhere.join(' AND ')}` : ''
  const page = await pool.query<{ content_id: string; score: number; published_at: string }>(
    `SELECT content_id, ${rank} AS score, published_at::text AS published_at FROM documents ${pageWhereSql}
     ORDER BY ${order} LIMIT ${request.limit + 1}`,
    pageValues,
  )
  const hits = page.rows.slice(0, request.limit).map((row) => ({
    contentId: row.content_id,
    day: dayOf(row.published_at),
    ...(isRelevance ? { score: Number(row.score) } : {}),
  }))
  const result: SearchResult = { hits, total: 0 }
  const last = hits[hits.length - 1]
  if (page.rows.length > request.limit && last) result.nextCursor = { score: last.score ?? 0, day: last.day, contentId: last.contentId }

  if (!request.withFacets) {
    const counted = await pool.query<{ total: string }>(`SELECT count(*)::text AS total FROM documents ${whereSql}`, values)
    result.total = Number(counted.rows[0]?.total ?? 0)
    return result
  }
  const facetRows = await pool.query<{ facet: string; value: string | null; count: string }>(
    `WITH matched AS MATERIALIZED (
       SELECT issuers, topics, published_at, kind, document_type, validity FROM documents ${whereSql}
     )
     SELECT 'total' AS facet, NULL AS value, count(*)::text AS count FROM matched
     UNION ALL SELECT 'agency', agency, count(*)::text FROM matched, unnest(issuers) AS agency GROUP BY agency
     UNION ALL SELECT 'year', extract(year FROM published_at)::int::text, count(*)::text FROM matched GROUP BY 2
     UNION ALL SELECT 'topic', topic, count(*)::text FROM matched,
       LATERAL (SELECT DISTINCT code FROM unnest(topics || ARRAY(SELECT left(child, 2) FROM unnest(topics) AS child)) AS code) AS codes(topic)
       GROUP BY topic
     UNION ALL SELECT 'kind', kind, count(*)::text FROM matched GROUP BY kind
     UNION ALL SELECT 'documentType', document_type, count(*)::text FROM matched WHERE document_type IS NOT NULL GROUP BY document_type
     UNION ALL SELECT 'validity', validity, count(*)::text FROM matched GROUP BY validity`,
    values,
  )
  const facets = Object.fromEntries(facetNames.map((name) => [name, [] as { value: string; count: number }[]])) as FacetCounts
  for (const row of facetRows.rows) {
    if (row.facet === 'total') result.total = Number(row.count)
    else if (row.value !== null) facets[row.facet as keyof FacetCounts].push({ value: row.value, count: Number(row.count) })
  }
  for (const name of facetNames) sortBuckets(facets[name])
  result.facets = facets
  return result
}

function tsqueryParameter(values: unknown[], terms: readonly string[]): string {
  values.push(tsqueryOf(terms))
  return `$${values.length}`
}
