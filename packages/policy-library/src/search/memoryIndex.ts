import type pg from 'pg'
import type { Logger } from 'pino'
import { parseVector } from './segment.js'
import {
  compareHits,
  type IndexedDocument,
  type IndexUpdate,
  dayOf,
  type FacetCounts,
  type SearchCursor,
  type SearchEngine,
  type SearchHit,
  type SearchRequest,
  type SearchResult,
} from './types.js'

/**
 * In-process inverted index kept in sync from PostgreSQL, which stays the source of truth.
 *
 * Each stored version of a document gets a slot; attributes live in typed arrays indexed by slot, and
 * every term has a posting list of `slot << 7 | min(frequency, 127)` numbers in slot order (plain SMI
 * arrays: compact, and appends stay sorted because new slots are always the highest). A new version
 * tombstones the old slot. Searching walks the shortest posting list, checks filters on the typed
 * arrays, intersects the other lists by galloping, scores BM25, keeps the top k in a heap and counts
 * facets for every match, so totals and facet counts are exact.
 *
 * It loads every document on start, applies this process's writes before they are answered, and
 * catches up from the events table (writes of other processes) every `syncIntervalMs`.
 */

const frequencyBits = 7
const maxFrequency = (1 << frequencyBits) - 1
/** Years counted in the year facet: 1900–2199 holds every year the API accepts (1949–2199), so totals and facets agree. */
const firstYear = 1900
const yearSpan = 300
const bm25K1 = 1.2
const bm25B = 0.75

type Dictionary = { codes: Map<string, number>; values: string[] }

function createDictionary(): Dictionary {
  // Code 0 means "none".
  return { codes: new Map(), values: [''] }
}

function codeOf(dictionary: Dictionary, value: string | null | undefined): number {
  if (value === null || value === undefined) return 0
  let code = dictionary.codes.get(value)
  if (code === undefined) {
    code = dictionary.values.length
    dictionary.codes.set(value, code)
    dictionary.values.push(value)
  }
  return code
}


function growUint8(array: Uint8Array<ArrayBuffer>, size: number): Uint8Array<ArrayBuffer> {
  if (size <= array.length) return array
  const next = new Uint8Array(Math.max(size, array.length * 2))
  next.set(array)
  return next
}
function growUint16(array: Uint16Array<ArrayBuffer>, size: number): Uint16Array<ArrayBuffer> {
  if (size <= array.length) return array
  const next = new Uint16Array(Math.max(size, array.length * 2))
  next.set(array)
  return next
}
function growInt32(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  if (size <= array.length) return array
  const next = new Int32Array(Math.max(size, array.length * 2))
  next.set(array)
  return next
}

/** The index itself: rebuilt wholesale when too many slots are tombstoned. */
function createIndexState() {
  return {
    slotCount: 0,
    liveCount: 0,
    totalLength: 0,
    alive: new Uint8Array(1024),
    isWithdrawn: new Uint8Array(1024),
    kind: new Uint16Array(1024),
    documentType: new Uint16Array(1024),
    validity: new Uint16Array(1024),
    day: new Int32Array(1024),
    year: new Uint16Array(1024),
    length: new Int32Array(1024),
    version: new Int32Array(1024),
    issuers: [] as number[][],
    topics: [] as number[][],
    contentIds: [] as string[],
    slotOf: new Map<string, number>(),
    postings: new Map<string, Posting>(),
    agencies: createDictionary(),
    topicCodes: createDictionary(),
    kinds: createDictionary(),
    documentTypes: createDictionary(),
    validities: createDictionary(),
  }
}
type IndexState = ReturnType<typeof createIndexState>

function remove(state: IndexState, contentId: string): void {
  const slot = state.slotOf.get(contentId)
  if (slot === undefined) return
  state.alive[slot] = 0
  state.liveCount -= 1
  state.totalLength -= state.length[slot] ?? 0
  state.slotOf.delete(contentId)
}

function add(state: IndexState, document: IndexedDocument): void {
  const current = state.slotOf.get(document.contentId)
  // Versions only grow: a late read of an older version never replaces a newer one, and a version
  // already indexed (replayed events) is left as it is.
  if (current !== undefined && (state.version[current] as number) >= document.version) return
  remove(state, document.contentId)
  // A deleted document leaves the index; its row keeps no text to find it by.
  if (document.status === 'deleted') return
  const slot = state.slotCount
  if (slot >= 1 << (31 - frequencyBits)) throw new Error('search index is full; restart the library to compact it')
  const size = slot + 1
  state.alive = growUint8(state.alive, size)
  state.isWithdrawn = growUint8(state.isWithdrawn, size)
  state.kind = growUint16(state.kind, size)
  state.documentType = growUint16(state.documentType, size)
  state.validity = growUint16(state.validity, size)
  state.day = growInt32(state.day, size)
  state.year = growUint16(state.year, size)
  state.length = growInt32(state.length, size)
  state.version = growInt32(state.version, size)
  state.version[slot] = document.version
  state.alive[slot] = 1
  state.isWithdrawn[slot] = document.status === 'withdrawn' ? 1 : 0
  state.kind[slot] = codeOf(state.kinds, document.kind)
  state.documentType[slot] = codeOf(state.documentTypes, document.documentType)
  state.validity[slot] = codeOf(state.validities, document.validity)
  state.day[slot] = dayOf(document.publishedAt)
  state.year[slot] = Number(document.publishedAt.slice(0, 4))
  state.length[slot] = document.length
  state.issuers[slot] = document.issuers.map((agency) => codeOf(state.agencies, agency))
  state.topics[slot] = document.topics.map((topic) => {
    // Parents get a code too, so a child's parent can be counted in the topic facet.
    if (topic.length > 2) codeOf(state.topicCodes, topic.slice(0, 2))
    return codeOf(state.topicCodes, topic)
  })
  state.contentIds[slot] = document.contentId
  state.slotOf.set(document.contentId, slot)
  state.slotCount = size
  state.liveCount += 1
  state.totalLength += document.length
  const base = slot << frequencyBits
  for (const [term, frequency] of document.frequencies) appendPosting(state, term, base | Math.min(frequency, maxFrequency))
  for (const key of attributeKeys(document)) appendPosting(state, key, base | 1)
}

function appendPosting(state: IndexState, term: string, entry: number): void {
  let posting = state.postings.get(term)
  if (!posting) {
    posting = { entries: new Int32Array(2), size: 0 }
    state.postings.set(term, posting)
  } else if (posting.size === posting.entries.length) {
    const grown = new Int32Array(posting.size * 2)
    grown.set(posting.entries)
    posting.entries = grown
  }
  posting.entries[posting.size++] = entry
}

/**
 * Filter values get posting lists too, under keys no word can have (terms are letters and digits only),
 * so a selective filter (one agency and year) walks its own short list instead of every document.
 */
const attributeKey = {
  agency: (value: string) => `\u0000a:${value}`,
  year: (value: number) => `\u0000y:${value}`,
  topic: (value: string) => `\u0000t:${value}`,
  kind: (value: string) => `\u0000k:${value}`,
  documentType: (value: string) => `\u0000d:${value}`,
  validity: (value: string) => `\u0000v:${value}`,
}

function attributeKeys(document: IndexedDocument): Set<string> {
  const keys = new Set<string>()
  for (const issuer of document.issuers) keys.add(attributeKey.agency(issuer))
  keys.add(attributeKey.year(Number(document.publishedAt.slice(0, 4))))
  for (const topic of document.topics) {
    keys.add(attributeKey.topic(topic))
    if (topic.length > 2) keys.add(attributeKey.topic(topic.slice(0, 2)))
  }
  keys.add(attributeKey.kind(document.kind))
  if (document.documentType) keys.add(attributeKey.documentType(document.documentType))
  keys.add(attributeKey.validity(document.validity))
  return keys
}

/**
 * A term's posting list: `slot << 7 | min(frequency, 127)` in slot order, in a typed array (outside
 * the garbage-collected heap, so tens of millions of entries cost the collector nothing).
 */
type Posting = { entries: Int32Array; size: number }

/** Index of the first entry of `posting` at or after `from` whose slot is ≥ `slot` (galloping search). */
function seek(posting: Posting, from: number, slot: number): number {
  const target = slot << frequencyBits
  const entries = posting.entries
  const size = posting.size
  let low = from
  let step = 1
  let high = from
  while (high < size && (entries[high] as number) < target) {
    low = high + 1
    high += step
    step *= 2
  }
  if (high > size) high = size
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((entries[middle] as number) < target) low = middle + 1
    else high = middle
  }
  return low
}

type Candidate = { slot: number; score: number; day: number; contentId: string }

/** A bounded heap holding the best `capacity` candidates; its root is the worst of them. */
function createTopK(sort: SearchRequest['sort'], capacity: number) {
  const heap: Candidate[] = []
  // Positive when a is worse than b (comes later in the results).
  const worse = (a: Candidate, b: Candidate): number => compareHits(sort, a, b)
  const siftUp = (index: number): void => {
    let child = index
    while (child > 0) {
      const parent = (child - 1) >> 1
      if (worse(heap[child] as Candidate, heap[parent] as Candidate) <= 0) break
      ;[heap[child], heap[parent]] = [heap[parent] as Candidate, heap[child] as Candidate]
      child = parent
    }
  }
  const siftDown = (index: number): void => {
    let parent = index
    for (;;) {
      const left = parent * 2 + 1
      const right = left + 1
      let worst = parent
      if (left < heap.length && worse(heap[left] as Candidate, heap[worst] as Candidate) > 0) worst = left
      if (right < heap.length && worse(heap[right] as Candidate, heap[worst] as Candidate) > 0) worst = right
      if (worst === parent) return
      ;[heap[worst], heap[parent]] = [heap[parent] as Candidate, heap[worst] as Candidate]
      parent = worst
    }
  }
  return {
    /** Whether a candidate with these keys would enter the heap (cheap pre-check before building it). */
    accepts(score: number, day: number, slot: number, contentIds: string[]): boolean {
      if (heap.length < capacity) return true
      const root = heap[0] as Candidate
      if (sort === 'relevance' && score !== root.score) return score > root.score
      if (day !== root.day) return sort === 'oldest' ? day < root.day : day > root.day
      return (contentIds[slot] as string) < root.contentId
    },
    push(candidate: Candidate): void {
      if (heap.length < capacity) {
        heap.push(candidate)
        siftUp(heap.length - 1)
      } else if (worse(candidate, heap[0] as Candidate) < 0) {
        heap[0] = candidate
        siftDown(0)
      }
    },
    sorted(): Candidate[] {
      return [...heap].sort((a, b) => compareHits(sort, a, b))
    },
  }
}

function runSearch(state: IndexState, request: SearchRequest): SearchResult {
  const { filters } = request
  // Posting lists to intersect: the query's terms (scored) and the filters' values (not scored).
  const lists: { posting: Posting; isScored: boolean }[] = []
  for (const term of request.terms) {
    const posting = state.postings.get(term)
    if (!posting) return emptyResult(request)
    lists.push({ posting, isScored: true })
  }
  const filterKeys = [
    filters.agency === undefined ? undefined : attributeKey.agency(filters.agency),
    filters.year === undefined ? undefined : attributeKey.year(filters.year),
    filters.topic === undefined ? undefined : attributeKey.topic(filters.topic),
    filters.kind === undefined ? undefined : attributeKey.kind(filters.kind),
    filters.documentType === undefined ? undefined : attributeKey.documentType(filters.documentType),
    filters.validity === undefined ? undefined : attributeKey.validity(filters.validity),
  ]
  for (const key of filterKeys) {
    if (key === undefined) continue
    const posting = state.postings.get(key)
    if (!posting) return emptyResult(request)
    lists.push({ posting, isScored: false })
  }
  lists.sort((a, b) => a.posting.size - b.posting.size)

  // Filters as codes; a value the index has never seen matches nothing.
  const code = (dictionary: Dictionary, value: string | undefined): number =>
    value === undefined ? -1 : (dictionary.codes.get(value) ?? -2)
  const kindCode = code(state.kinds, filters.kind)
  const documentTypeCode = code(state.documentTypes, filters.documentType)
  const validityCode = code(state.validities, filters.validity)
  const agencyCode = code(state.agencies, filters.agency)
  if (kindCode === -2 || documentTypeCode === -2 || validityCode === -2 || agencyCode === -2) return emptyResult(request)
  let topicMatches: Uint8Array | undefined
  if (filters.topic !== undefined) {
    topicMatches = new Uint8Array(state.topicCodes.values.length)
    const prefix = `${filters.topic}.`
    state.topicCodes.values.forEach((value, index) => {
      if (value === filters.topic || value.startsWith(prefix)) (topicMatches as Uint8Array)[index] = 1
    })
  }
  const fromDay = filters.publishedFrom === undefined ? -Infinity : dayOf(filters.publishedFrom)
  const toDay = filters.publishedTo === undefined ? Infinity : dayOf(filters.publishedTo)
  const statusWanted = filters.status === 'published' ? 0 : filters.status === 'withdrawn' ? 1 : -1

  const documentCount = Math.max(state.liveCount, 1)
  const averageLength = state.totalLength / documentCount || 1
  // A filter's list adds nothing to the score.
  const idf = lists.map((list) => {
    const frequency = Math.min(list.posting.size, documentCount)
    return list.isScored ? Math.log(1 + (documentCount - frequency + 0.5) / (frequency + 0.5)) : 0
  })
  const isRelevance = request.sort === 'relevance' && request.terms.length > 0
  const topK = createTopK(request.sort, request.limit + 1)
  const cursor = request.cursor

  const withFacets = request.withFacets
  const agencyCounts = new Int32Array(state.agencies.values.length)
  const topicCounts = new Int32Array(state.topicCodes.values.length)
  const topicSeen = new Int32Array(state.topicCodes.values.length).fill(-1)
  const topicParent = state.topicCodes.values.map((value) => {
    const parent = value.length > 2 ? state.topicCodes.codes.get(value.slice(0, 2)) : undefined
    return parent ?? -1
  })
  const kindCounts = new Int32Array(state.kinds.values.length)
  const documentTypeCounts = new Int32Array(state.documentTypes.values.length)
  const validityCounts = new Int32Array(state.validities.values.length)
  const yearCounts = new Int32Array(yearSpan)

  const pointers = new Int32Array(lists.length)
  let total = 0
  const primary = lists[0]?.posting.entries
  const count = lists[0] ? lists[0].posting.size : state.slotCount
  for (let index = 0; index < count; index++) {
    const slot = primary ? (primary[index] as number) >> frequencyBits : index
    if (state.alive[slot] === 0) continue
    if (statusWanted >= 0 && state.isWithdrawn[slot] !== statusWanted) continue
    if (kindCode >= 0 && state.kind[slot] !== kindCode) continue
    if (documentTypeCode >= 0 && state.documentType[slot] !== documentTypeCode) continue
    if (validityCode >= 0 && state.validity[slot] !== validityCode) continue
    const day = state.day[slot] as number
    if (day < fromDay || day > toDay) continue
    if (filters.year !== undefined && state.year[slot] !== filters.year) continue
    const issuers = state.issuers[slot] as number[]
    if (agencyCode >= 0 && !issuers.includes(agencyCode)) continue
    const topics = state.topics[slot] as number[]
    if (topicMatches && !topics.some((topic) => topicMatches[topic] === 1)) continue

    let score = 0
    if (primary) {
      const lengthNorm = bm25K1 * (1 - bm25B + (bm25B * (state.length[slot] as number)) / averageLength)
      const frequency = (primary[index] as number) & maxFrequency
      score = ((idf[0] as number) * frequency * (bm25K1 + 1)) / (frequency + lengthNorm)
      let isMatch = true
      for (let listIndex = 1; listIndex < lists.length; listIndex++) {
        const list = (lists[listIndex] as { posting: Posting }).posting
        const position = seek(list, pointers[listIndex] as number, slot)
        pointers[listIndex] = position
        const entry = position < list.size ? (list.entries[position] as number) : -1
        if (entry < 0 || entry >> frequencyBits !== slot) {
          isMatch = false
          break
        }
        const termFrequency = entry & maxFrequency
        score += ((idf[listIndex] as number) * termFrequency * (bm25K1 + 1)) / (termFrequency + lengthNorm)
      }
      if (!isMatch) continue
    }
    total += 1
    if (withFacets) {
      for (const agency of issuers) agencyCounts[agency] = (agencyCounts[agency] as number) + 1
      for (const topic of topics) {
        if (topicSeen[topic] !== slot) {
          topicSeen[topic] = slot
          topicCounts[topic] = (topicCounts[topic] as number) + 1
        }
        const parent = topicParent[topic] as number
        if (parent >= 0 && topicSeen[parent] !== slot) {
          topicSeen[parent] = slot
          topicCounts[parent] = (topicCounts[parent] as number) + 1
        }
      }
      kindCounts[state.kind[slot] as number] = (kindCounts[state.kind[slot] as number] as number) + 1
      documentTypeCounts[state.documentType[slot] as number] = (documentTypeCounts[state.documentType[slot] as number] as number) + 1
      validityCounts[state.validity[slot] as number] = (validityCounts[state.validity[slot] as number] as number) + 1
      const yearIndex = (state.year[slot] as number) - firstYear
      yearCounts[yearIndex] = (yearCounts[yearIndex] as number) + 1
    }
    const rankScore = isRelevance ? score : 0
    if (cursor && compareHits(request.sort, { score: rankScore, day, contentId: state.contentIds[slot] as string }, cursor) <= 0) continue
    if (!topK.accepts(rankScore, day, slot, state.contentIds)) continue
    topK.push({ slot, score: rankScore, day, contentId: state.contentIds[slot] as string })
  }

  const ranked = topK.sorted()
  const page = ranked.slice(0, request.limit)
  const hits: SearchHit[] = page.map((candidate) => ({
    contentId: candidate.contentId,
    day: candidate.day,
    ...(isRelevance ? { score: candidate.score } : {}),
  }))
  const last = page[page.length - 1]
  const result: SearchResult = { hits, total }
  if (ranked.length > request.limit && last) result.nextCursor = { score: last.score, day: last.day, contentId: last.contentId }
  if (withFacets) {
    const buckets = (dictionary: Dictionary, counts: Int32Array) =>
      sortBuckets(dictionary.values.flatMap((value, index) => (index > 0 && (counts[index] as number) > 0 ? [{ value, count: counts[index] as number }] : [])))
    result.facets = {
      agency: buckets(state.agencies, agencyCounts),
      year: sortBuckets(
        Array.from(yearCounts, (yearCount, index) => ({ value: String(index + firstYear), count: yearCount })).filter((bucket) => bucket.count > 0),
      ),
      topic: buckets(state.topicCodes, topicCounts),
      kind: buckets(state.kinds, kindCounts),
      documentType: buckets(state.documentTypes, documentTypeCounts),
      validity: buckets(state.validities, validityCounts),
    }
  }
  return result
}

export function sortBuckets(buckets: { value: string; count: number }[]): { value: string; count: number }[] {
  return buckets.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
}

function emptyResult(request: SearchRequest): SearchResult {
  const facets: FacetCounts = { agency: [], year: [], topic: [], kind: [], documentType: [], validity: [] }
  return request.withFacets ? { hits: [], total: 0, facets } : { hits: [], total: 0 }
}

type DocumentRow = {
  content_id: string
  version: number
  status: string
  kind: string
  document_type: string | null
  validity: string
  issuers: string[]
  topics: string[]
  published_at: string
  document_length: number
  search_vector: string
}

const rowColumns = `content_id, version, status, kind, document_type, validity, issuers, topics, published_at::text AS published_at,
  document_length, search_vector::text AS search_vector`

function toIndexed(row: DocumentRow): IndexedDocument {
  return {
    contentId: row.content_id,
    version: row.version,
    status: row.status,
    kind: row.kind,
    documentType: row.document_type,
    validity: row.validity,
    issuers: row.issuers,
    topics: row.topics,
    publishedAt: row.published_at,
    length: row.document_length,
    frequencies: parseVector(row.search_vector),
  }
}

export type MemoryIndexOptions = {
  pool: pg.Pool
  logger: Logger
  /** How often to catch up with writes of other processes. @default 1000 */
  syncIntervalMs?: number
}

/** Events older than this that have not shown up are taken as rolled back. */
const gapTimeoutMs = 60_000

export function createMemoryIndex({ pool, logger, syncIntervalMs = 1000 }: MemoryIndexOptions): SearchEngine {
  let state = createIndexState()
  // Every event up to the watermark is applied; events above it that are applied are in `applied`.
  // Sequences are handed out before commit, so a lower one can become visible after a higher one:
  // a missing sequence is waited for (up to gapTimeoutMs) instead of being skipped.
  let watermark = 0
  let applied = new Set<number>()
  /** The highest sequence applied (or the watermark). */
  let highest = 0
  let gapSince: number | undefined
  let isLoaded = false
  let timer: NodeJS.Timeout | undefined
  let syncing: Promise<void> = Promise.resolve()
  let isRebuilding = false

  async function loadAll(): Promise<{ state: IndexState; watermark: number }> {
    const next = createIndexState()
    // Start below every transaction that may still be in flight, so its events are caught up on.
    const { rows } = await pool.query<{ sequence: string | null }>(
      `SELECT coalesce(
         (SELECT min(sequence) - 1 FROM events WHERE occurred_at > now() - interval '${gapTimeoutMs / 1000} seconds'),
         (SELECT max(sequence) FROM events),
         0)::text AS sequence`,
    )
    const sequence = Number(rows[0]?.sequence ?? 0)
    let after = ''
    for (;;) {
      const page = await pool.query<DocumentRow>(
        `SELECT ${rowColumns} FROM documents WHERE content_id > $1 ORDER BY content_id LIMIT 5000`,
        [after],
      )
      for (const row of page.rows) add(next, toIndexed(row))
      const last = page.rows[page.rows.length - 1]
      if (!last) break
      after = last.content_id
    }
    return { state: next, watermark: sequence }
  }

  function advanceWatermark(): void {
    while (applied.has(watermark + 1)) {
      applied.delete(watermark + 1)
      watermark += 1
    }
  }

  type EventRow = { sequence: string; content_id: string; version: number }

  async function applyEvents(rows: EventRow[]): Promise<void> {
    const fresh = rows.filter((row) => !applied.has(Number(row.sequence)) && Number(row.sequence) > watermark)
    // Only read documents whose event is newer than what the index holds (replays after a load are not).
    const contentIds = [
      ...new Set(
        fresh.flatMap((row) => {
          const slot = state.slotOf.get(row.content_id)
          return slot !== undefined && (state.version[slot] as number) >= row.version ? [] : [row.content_id]
        }),
      ),
    ]
    if (contentIds.length > 0) {
      const documents = await pool.query<DocumentRow>(`SELECT ${rowColumns} FROM documents WHERE content_id = ANY ($1)`, [contentIds])
      for (const row of documents.rows) add(state, toIndexed(row))
    }
    for (const row of fresh) {
      const sequence = Number(row.sequence)
      applied.add(sequence)
      if (sequence > highest) highest = sequence
    }
  }

  async function catchUp(): Promise<void> {
    // New events, after the highest one applied.
    for (;;) {
      const { rows } = await pool.query<EventRow>(
        'SELECT sequence::text AS sequence, content_id, version FROM events WHERE sequence > $1 ORDER BY events.sequence LIMIT 10000',
        [Math.max(watermark, highest)],
      )
      await applyEvents(rows)
      if (rows.length < 10000) break
    }
    // Events below it that were not visible yet (their transactions were still in flight).
    const missing: number[] = []
    for (let sequence = watermark + 1; sequence < highest && missing.length < 10000; sequence++) {
      if (!applied.has(sequence)) missing.push(sequence)
    }
    if (missing.length > 0) {
      const { rows } = await pool.query<EventRow>(
        'SELECT sequence::text AS sequence, content_id, version FROM events WHERE sequence = ANY ($1)',
        [missing],
      )
      await applyEvents(rows)
    }
    advanceWatermark()
    if (applied.size > 0) {
      // Still a gap: a transaction in flight, or one that rolled back (sequences are never reused).
      gapSince ??= Date.now()
      if (Date.now() - gapSince > gapTimeoutMs) {
        let lowest = Infinity
        for (const sequence of applied) if (sequence < lowest) lowest = sequence
        watermark = lowest - 1
        gapSince = undefined
        advanceWatermark()
      }
    } else {
      gapSince = undefined
    }
    // Tombstones slow every search down a little; rebuild once they outnumber the live slots.
    if (!isRebuilding && state.slotCount > 10_000 && state.slotCount - state.liveCount > state.liveCount) {
      isRebuilding = true
      void rebuild().finally(() => {
        isRebuilding = false
      })
    }
  }

  async function rebuild(): Promise<void> {
    try {
      const loaded = await loadAll()
      await enqueue(async () => {
        state = loaded.state
        watermark = loaded.watermark
        highest = loaded.watermark
        applied = new Set()
        await catchUp()
      })
      logger.info({ documents: state.liveCount }, 'search index rebuilt')
    } catch (error) {
      logger.error({ err: error }, 'search index rebuild failed')
    }
  }

  function enqueue(task: () => Promise<void>): Promise<void> {
    const next = syncing.then(task)
    syncing = next.catch(() => {})
    return next
  }

  return {
    name: 'memory',
    async start() {
      const started = performance.now()
      const loaded = await loadAll()
      state = loaded.state
      watermark = loaded.watermark
      highest = loaded.watermark
      const loadedAt = performance.now()
      await enqueue(catchUp)
      isLoaded = true
      logger.info(
        {
          documents: state.liveCount,
          terms: state.postings.size,
          loadMs: Math.round(loadedAt - started),
          catchUpMs: Math.round(performance.now() - loadedAt),
        },
        'search index loaded',
      )
      timer = setInterval(() => {
        enqueue(catchUp).catch((error: unknown) => logger.warn({ err: error }, 'search index sync failed'))
      }, syncIntervalMs)
      timer.unref()
    },
    sync: () => enqueue(catchUp),
    applyCommitted: (updates: readonly IndexUpdate[]) =>
      enqueue(async () => {
        for (const update of updates) {
          if (update.sequence <= watermark || applied.has(update.sequence)) continue
          add(state, update.document)
          applied.add(update.sequence)
          if (update.sequence > highest) highest = update.sequence
        }
        advanceWatermark()
      }),
    isReady: () => isLoaded,
    async search(request) {
      return runSearch(state, request)
    },
    async stop() {
      if (timer) clearInterval(timer)
      await syncing
    },
  }
}

export type { SearchCursor }
