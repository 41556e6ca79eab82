/** Filters of a list or search; every given filter must hold. */
export type SearchFilters = {
  agency?: string
  year?: number
  /** A top-level code (`02`) also matches its children (`02.01`). */
  topic?: string
  kind?: string
  documentType?: string
  validity?: string
  /** `YYYY-MM-DD`, inclusive. */
  publishedFrom?: string
  /** `YYYY-MM-DD`, inclusive. */
  publishedTo?: string
  status: 'published' | 'withdrawn' | 'all'
}

export type SearchSort = 'relevance' | 'newest' | 'oldest'

/** Position after the last item of a page: its sort keys. */
export type SearchCursor = { score: number; day: number; contentId: string }

export type SearchRequest = {
  /** Terms that must all occur (from `queryTerms`); none lists without full-text matching. */
  terms: readonly string[]
  filters: SearchFilters
  sort: SearchSort
  limit: number
  cursor?: SearchCursor
  withFacets: boolean
}

export type FacetName = 'agency' | 'year' | 'topic' | 'kind' | 'documentType' | 'validity'
export type FacetCounts = Record<FacetName, { value: string; count: number }[]>

export type SearchHit = { contentId: string; score?: number; day: number }

export type SearchResult = {
  hits: SearchHit[]
  total: number
  nextCursor?: SearchCursor
  facets?: FacetCounts
}

/** What the search index keeps of one document version. */
export type IndexedDocument = {
  contentId: string
  version: number
  status: string
  kind: string
  documentType: string | null
  validity: string
  issuers: string[]
  topics: string[]
  publishedAt: string
  length: number
  frequencies: Map<string, number>
}

/** A committed change, with the sequence of its event, that this process can index without reading it back. */
export type IndexUpdate = { sequence: number; document: IndexedDocument }

/** Answers searches; the in-memory index and the PostgreSQL full-text path both implement it. */
export type SearchEngine = {
  readonly name: 'memory' | 'postgres'
  search: (request: SearchRequest) => Promise<SearchResult>
  /** Loads what the engine needs before the first request. */
  start: () => Promise<void>
  /** Brings the engine up to date with writes committed so far. */
  sync: () => Promise<void>
  /** Indexes this process's committed writes before they are answered (read-your-writes). */
  applyCommitted: (updates: readonly IndexUpdate[]) => Promise<void>
  isReady: () => boolean
  stop: () => Promise<void>
}

export const facetNames: readonly FacetName[] = ['agency', 'year', 'topic', 'kind', 'documentType', 'validity']

const dayMs = 86_400_000

/** `YYYY-MM-DD` → days since 1970-01-01. */
export function dayOf(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / dayMs)
}

export function dateOfDay(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10)
}

/**
 * The one order of results for both engines: relevance sorts by score, then newest, then content id;
 * newest and oldest by date, then content id. Negative when `a` comes first.
 */
export function compareHits(sort: SearchSort, a: SearchCursor, b: SearchCursor): number {
  if (sort === 'relevance' && a.score !== b.score) return b.score - a.score
  if (a.day !== b.day) return sort === 'oldest' ? a.day - b.day : b.day - a.day
  return a.contentId < b.contentId ? -1 : a.contentId > b.contentId ? 1 : 0
}

export function encodeCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify([cursor.score, cursor.day, cursor.contentId])).toString('base64url')
}

/** Days of the dates the API accepts (1949-01-01 to 2199-12-31). */
const firstCursorDay = dayOf('1949-01-01')
const lastCursorDay = dayOf('2199-12-31')

/** Undefined when the text is not a cursor this library made. */
export function decodeCursor(text: string): SearchCursor | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
    if (!Array.isArray(value) || value.length !== 3) return undefined
    const [score, day, contentId] = value as unknown[]
    if (typeof score !== 'number' || typeof day !== 'number' || typeof contentId !== 'string') return undefined
    if (!Number.isFinite(score) || !Number.isInteger(day)) return undefined
    // A forged cursor must not reach a date PostgreSQL refuses or JavaScript cannot print.
    if (day < firstCursorDay || day > lastCursorDay || !/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/.test(contentId)) return undefined
    return { score, day, contentId }
  } catch {
    return undefined
  }
}
