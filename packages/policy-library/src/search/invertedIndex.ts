import { appendPosting, blockBound, blockLatestDay, blockMaxWidth, blockSize, createPosting, impactFrequency, impactLength, maxFrequency, maxImpacts, openPosting, postingBytes, postingHas, trimPosting, type Posting, type PostingCursor } from './postings.js'
import { compareHits, dayOf, type IndexedDocument, type SearchCursor, type SearchFilters, type SearchRequest } from './types.js'

/**
 * The inverted index of documents held in memory: pure data and computation, no I/O. The follower
 * (`memoryIndex.ts`) feeds it from PostgreSQL; several of them can each hold a share of the documents
 * (one per worker thread), and `mergeResults` combines their answers into what one index would answer.
 *
 * Each stored version of a document gets a slot; attributes live in typed arrays indexed by slot, and
 * every term has a compressed posting list (`postings.ts`) in slot order (appends stay sorted because
 * new slots are always the highest). A new version tombstones the old slot. Searching walks the
 * shortest posting list, checks filters on the typed arrays, intersects the other lists by skipping,
 * scores BM25, keeps the top k in a heap and counts facets for every match, so totals and facet counts
 * are exact.
 *
 * Common words would make that linear in the documents (a word in 60–100 % of them). So a word whose
 * list is long (`tallyMinimum` entries and at least 1/`tallyShare` of the slots) keeps a **tally**: its
 * live documents' total and facet counts, per status, updated on every add and remove. A query of that
 * word with no filter but the status takes its total and facets from the tally and finds its top k
 * by block-max (`postings.ts` keeps each block's impacts, its unbeaten frequency–length pairs, so blocks
 * that cannot beat the k-th hit are not decoded). Several words, when the others cover most of the
 * first word's documents, count the facets of the documents the others lack and subtract them from
 * the tally. Every figure stays exact: the tests compare them to a brute-force count.
 */

/** Years counted in the year facet: 1900–2199 holds every year the API accepts (1949–2199), so totals and facets agree. */
const firstYear = 1900
const yearSpan = 300
const bm25K1 = 1.2
const bm25B = 0.75
/** Slots are numbered below this (postings keep slot deltas in 32-bit arithmetic). */
const maxSlots = 1 << 24

type Dictionary = { codes: Map<string, number>; values: string[] }

function createDictionary(values: string[] = ['']): Dictionary {
  // Code 0 means "none".
  return { codes: new Map(values.map((value, code) => [value, code] as const).filter(([, code]) => code > 0)), values }
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

type TypedArray = Uint8Array | Uint16Array | Int32Array
function grow<T extends TypedArray>(array: T, size: number, create: (length: number) => T): T {
  if (size <= array.length) return array
  const next = create(Math.max(size, Math.ceil(array.length * 1.5)))
  next.set(array)
  return next
}

/**
 * Filter values get posting lists too, under keys no word can have (terms are letters and digits only),
 * so a selective filter (one agency and year) walks its own short list instead of every document.
 */
export const attributeKey = {
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

/** The posting-list keys of a request's filters (not scored). */
export function filterKeysOf(filters: SearchFilters): string[] {
  const keys: (string | undefined)[] = [
    filters.agency === undefined ? undefined : attributeKey.agency(filters.agency),
    filters.year === undefined ? undefined : attributeKey.year(filters.year),
    filters.topic === undefined ? undefined : attributeKey.topic(filters.topic),
    filters.kind === undefined ? undefined : attributeKey.kind(filters.kind),
    filters.documentType === undefined ? undefined : attributeKey.documentType(filters.documentType),
    filters.validity === undefined ? undefined : attributeKey.validity(filters.validity),
  ]
  return keys.filter((key): key is string => key !== undefined)
}

function createState() {
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
    /** Issuer codes of slot s are issuerValues[issuerStart[s] … issuerStart[s + 1]). */
    issuerStart: new Int32Array(1025),
    issuerValues: new Uint16Array(1024),
    topicStart: new Int32Array(1025),
    topicValues: new Uint16Array(1024),
    contentIds: [] as string[],
    /**
     * Per slot, its facet group: the code of its facet values taken together (issuers, topics with
     * their parents, kind, 文种, 有效性, year). Documents of one group count alike in every facet, so a
     * search counts groups (one increment a match) and spreads them over the facets at the end.
     */
    facetGroup: new Int32Array(1024),
    facetGroups: { codes: new Map<string, number>(), values: [] as FacetGroup[] },
    /** The code of each topic code's parent (its first two digits), −1 for none. */
    topicParents: [] as number[],
    /** Words with a tally (see above). */
    tallies: new Map<string, Tally>(),
    /** Live slots as bitsets: published [0], withdrawn [1]. */
    liveBits: [new Uint32Array(32), new Uint32Array(32)] as [Uint32Array<ArrayBufferLike>, Uint32Array<ArrayBufferLike>],
    slotOf: new Map<string, number>(),
    postings: new Map<string, Posting>(),
    agencies: createDictionary(),
    topicCodes: createDictionary(),
    kinds: createDictionary(),
    documentTypes: createDictionary(),
    validities: createDictionary(),
  }
}
type State = ReturnType<typeof createState>

/** The facet values of a facet group (see `facetGroup`), as codes; topics once each, parents included. */
type FacetGroup = { agencies: number[]; topics: number[]; kind: number; documentType: number; validity: number; yearIndex: number }

/** A facet group's key: its values as codes, which `facetGroupOfKey` reads back. */
function facetGroupKey(group: FacetGroup): string {
  return `${group.kind},${group.documentType},${group.validity},${group.yearIndex};${group.agencies.join(',')};${group.topics.join(',')}`
}

function facetGroupOfKey(key: string): FacetGroup {
  const [scalars = '', agencies = '', topics = ''] = key.split(';')
  const [kind = 0, documentType = 0, validity = 0, yearIndex = 0] = scalars.split(',').map(Number)
  const codes = (list: string): number[] => (list === '' ? [] : list.split(',').map(Number))
  return { agencies: codes(agencies), topics: codes(topics), kind, documentType, validity, yearIndex }
}

/** Total and facet counts of some documents (code-indexed, as the dictionaries number the values). */
type Counts = { total: number; agency: Int32Array; topic: Int32Array; kind: Int32Array; documentType: Int32Array; validity: Int32Array; year: Int32Array }
/**
 * A word's tally: the counts of its live documents, published [0] and withdrawn [1]; for a word in at
 * least one slot in `denseShare`, also a bitset of its slots (replaced versions included), so several
 * dense words are intersected a machine word at a time.
 */
type Tally = { posting: Posting; counts: [Counts, Counts]; bits?: Uint32Array }
const denseShare = 8

/** `bits` with `slot` set, grown when it is too short. */
function withBit(bits: Uint32Array, slot: number): Uint32Array {
  const word = slot >>> 5
  let array = bits
  if (word >= array.length) {
    array = new Uint32Array(Math.max(word + 1, Math.ceil(array.length * 1.5)))
    array.set(bits)
  }
  array[word] = (array[word] as number) | (1 << (slot & 31))
  return array
}

function bitsOf(posting: Posting, slotCount: number): Uint32Array {
  let bits: Uint32Array = new Uint32Array(Math.ceil(slotCount / 32) + 1)
  const cursor = openPosting(posting)
  for (cursor.next(); cursor.slot !== Infinity; cursor.next()) bits = withBit(bits, cursor.slot)
  return bits
}

type ScoreOf = (frequency: number, length: number) => number

/** A query's posting list: its key, BM25 weight and the rank at which its contribution is summed. */
type List = { key: string; posting: Posting; idf: number; order: number }
/** What ranking needs besides the lists: BM25's average length, the status wanted (−1 for both), the order and the page's cursor. */
type RankContext = { averageLength: number; statusWanted: number; sort: SearchRequest['sort']; cursor: SearchCursor | undefined }
type TopK = ReturnType<typeof createTopK>

/** The BM25 contribution's upper bound for a frequency at most `frequency` in a document of at least `length` terms. */
function boundOf(idf: number, frequency: number, length: number, averageLength: number): number {
  const lengthNorm = bm25K1 * (1 - bm25B + (bm25B * length) / averageLength)
  return (idf * frequency * (bm25K1 + 1)) / (frequency + lengthNorm)
}
const countNames = ['agency', 'topic', 'kind', 'documentType', 'validity'] as const

function createCounts(): Counts {
  return { total: 0, agency: new Int32Array(8), topic: new Int32Array(8), kind: new Int32Array(4), documentType: new Int32Array(4), validity: new Int32Array(4), year: new Int32Array(yearSpan) }
}

function bump(counts: Counts, name: (typeof countNames)[number], code: number, delta: number): void {
  let array = counts[name]
  if (code >= array.length) {
    const grown = new Int32Array(Math.max(code + 1, array.length * 2))
    grown.set(array)
    counts[name] = grown
    array = grown
  }
  array[code] = (array[code] as number) + delta
}

/** The facet group of a slot whose attributes are set, created when it is the first of its group. */
function facetGroupOfSlot(s: State, slot: number): number {
  const agencies = Array.from(s.issuerValues.subarray(s.issuerStart[slot] as number, s.issuerStart[slot + 1] as number))
  // Each topic once per document, its parent too, as the topic facet counts them.
  const topics: number[] = []
  for (let at = s.topicStart[slot] as number; at < (s.topicStart[slot + 1] as number); at++) {
    const topic = s.topicValues[at] as number
    const parent = s.topicParents[topic] ?? -1
    if (!topics.includes(topic)) topics.push(topic)
    if (parent >= 0 && !topics.includes(parent)) topics.push(parent)
  }
  const group: FacetGroup = { agencies, topics, kind: s.kind[slot] as number, documentType: s.documentType[slot] as number, validity: s.validity[slot] as number, yearIndex: (s.year[slot] as number) - firstYear }
  const key = facetGroupKey(group)
  let code = s.facetGroups.codes.get(key)
  if (code === undefined) {
    code = s.facetGroups.values.length
    s.facetGroups.codes.set(key, code)
    s.facetGroups.values.push(group)
  }
  return code
}

/** Adds `sign` × every figure of `from` to `counts`. */
function addCounts(counts: Counts, from: Counts, sign: 1 | -1): void {
  counts.total += sign * from.total
  for (const name of countNames) from[name].forEach((count, code) => {
    if (count !== 0) bump(counts, name, code, sign * count)
  })
  from.year.forEach((count, index) => {
    counts.year[index] = (counts.year[index] as number) + sign * count
  })
}

/** Adds `delta` documents of one facet group to `counts` (each topic once, its parent too, by the group's making). */
function countGroup(counts: Counts, group: FacetGroup, delta: number): void {
  counts.total += delta
  for (const agency of group.agencies) bump(counts, 'agency', agency, delta)
  for (const topic of group.topics) bump(counts, 'topic', topic, delta)
  bump(counts, 'kind', group.kind, delta)
  bump(counts, 'documentType', group.documentType, delta)
  bump(counts, 'validity', group.validity, delta)
  counts.year[group.yearIndex] = (counts.year[group.yearIndex] as number) + delta
}

/** Adds (`delta` 1) or takes away (−1) one slot's facet values, the way a search counts them. */
function countSlot(s: State, counts: Counts, slot: number, delta: number): void {
  countGroup(counts, s.facetGroups.values[s.facetGroup[slot] as number] as FacetGroup, delta)
}

export type IndexOptions = {
  /** A word keeps a tally once its list has this many entries… */
  tallyMinimum?: number
  /** …and at least one in `tallyShare` slots. */
  tallyShare?: number
}

/** What a shard knows of a query's lists before scoring, summed over shards by the caller. */
export type ListStats = { liveCount: number; totalLength: number; counts: number[] }

/** The global figures every shard scores with, so scores equal those of one index holding everything. */
export type Scoring = { documentCount: number; averageLength: number; counts: number[] }

export type FacetBuckets = Record<'agency' | 'year' | 'topic' | 'kind' | 'documentType' | 'validity', { value: string; count: number }[]>

/** A shard's answer: its best `limit + 1` candidates in result order, its total and its facet counts. */
export type PartialResult = { candidates: SearchCursor[]; total: number; facets?: FacetBuckets }

export type IndexFigures = {
  documents: number
  slots: number
  terms: number
  /** Term–document pairs: entries of every posting list (words and filter values). */
  pairs: number
  /** Bytes of the posting lists (allocated, skip tables included). */
  postingBytes: number
  /** Bytes of the per-slot attribute arrays. */
  attributeBytes: number
  /** Estimated bytes of strings and maps (content ids, terms, dictionaries) on the JavaScript heap. */
  heapBytes: number
  /** Words keeping a tally of their documents' total and facet counts, and the bytes of those counts and of the bitsets. */
  tallies: number
  tallyBytes: number
}

export type InvertedIndex = ReturnType<typeof createInvertedIndex>

export function createInvertedIndex({ tallyMinimum = 4096, tallyShare = 32 }: IndexOptions = {}) {
  let state = createState()

  function remove(contentId: string): void {
    const slot = state.slotOf.get(contentId)
    if (slot === undefined) return
    const counts = state.isWithdrawn[slot] as 0 | 1
    for (const tally of state.tallies.values()) if (postingHas(tally.posting, slot)) countSlot(state, tally.counts[counts], slot, -1)
    const liveBits = state.liveBits[counts]
    liveBits[slot >>> 5] = (liveBits[slot >>> 5] as number) & ~(1 << (slot & 31))
    state.alive[slot] = 0
    state.liveCount -= 1
    state.totalLength -= state.length[slot] ?? 0
    state.slotOf.delete(contentId)
  }

  function add(document: IndexedDocument): void {
    const current = state.slotOf.get(document.contentId)
    // Versions only grow: a late read of an older version never replaces a newer one, and a version
    // already indexed (replayed events) is left as it is.
    if (current !== undefined && (state.version[current] as number) >= document.version) return
    remove(document.contentId)
    // A deleted document leaves the index; its row keeps no text to find it by.
    if (document.status === 'deleted') return
    const slot = state.slotCount
    if (slot >= maxSlots) throw new Error('search index is full; restart the library to compact it')
    const size = slot + 1
    const s = state
    s.alive = grow(s.alive, size, (length) => new Uint8Array(length))
    s.isWithdrawn = grow(s.isWithdrawn, size, (length) => new Uint8Array(length))
    s.kind = grow(s.kind, size, (length) => new Uint16Array(length))
    s.documentType = grow(s.documentType, size, (length) => new Uint16Array(length))
    s.validity = grow(s.validity, size, (length) => new Uint16Array(length))
    s.day = grow(s.day, size, (length) => new Int32Array(length))
    s.year = grow(s.year, size, (length) => new Uint16Array(length))
    s.length = grow(s.length, size, (length) => new Int32Array(length))
    s.version = grow(s.version, size, (length) => new Int32Array(length))
    s.issuerStart = grow(s.issuerStart, size + 1, (length) => new Int32Array(length))
    s.topicStart = grow(s.topicStart, size + 1, (length) => new Int32Array(length))
    s.version[slot] = document.version
    s.alive[slot] = 1
    s.isWithdrawn[slot] = document.status === 'withdrawn' ? 1 : 0
    s.kind[slot] = codeOf(s.kinds, document.kind)
    s.documentType[slot] = codeOf(s.documentTypes, document.documentType)
    s.validity[slot] = codeOf(s.validities, document.validity)
    s.day[slot] = dayOf(document.publishedAt)
    s.year[slot] = Number(document.publishedAt.slice(0, 4))
    s.length[slot] = document.length
    const issuerAt = s.issuerStart[slot] as number
    s.issuerValues = grow(s.issuerValues, issuerAt + document.issuers.length, (length) => new Uint16Array(length))
    document.issuers.forEach((agency, index) => {
      s.issuerValues[issuerAt + index] = codeOf(s.agencies, agency)
    })
    s.issuerStart[size] = issuerAt + document.issuers.length
    const topicAt = s.topicStart[slot] as number
    s.topicValues = grow(s.topicValues, topicAt + document.topics.length, (length) => new Uint16Array(length))
    document.topics.forEach((topic, index) => {
      // Parents get a code too, so a child's parent can be counted in the topic facet.
      const parent = topic.length > 2 ? codeOf(s.topicCodes, topic.slice(0, 2)) : -1
      const code = codeOf(s.topicCodes, topic)
      s.topicParents[code] = parent
      if (parent >= 0) s.topicParents[parent] ??= -1
      s.topicValues[topicAt + index] = code
    })
    s.topicStart[size] = topicAt + document.topics.length
    s.facetGroup = grow(s.facetGroup, size, (length) => new Int32Array(length))
    s.facetGroup[slot] = facetGroupOfSlot(s, slot)
    s.contentIds[slot] = document.contentId
    s.slotOf.set(document.contentId, slot)
    s.slotCount = size
    s.liveCount += 1
    s.liveBits[s.isWithdrawn[slot] as 0 | 1] = withBit(s.liveBits[s.isWithdrawn[slot] as 0 | 1], slot)
    s.totalLength += document.length
    for (const [term, frequency] of document.frequencies) {
      const posting = appendTo(term, slot, Math.min(frequency, maxFrequency), document.length, s.day[slot] as number)
      const tally = s.tallies.get(term)
      if (tally) {
        countSlot(s, tally.counts[s.isWithdrawn[slot] as 0 | 1], slot, 1)
        if (tally.bits) tally.bits = withBit(tally.bits, slot)
        else if (posting.count * denseShare >= size) tally.bits = bitsOf(posting, size)
      } else if (posting.count >= tallyMinimum && posting.count * tallyShare >= size) s.tallies.set(term, tallyOf(posting))
    }
    for (const key of attributeKeys(document)) appendTo(key, slot, 1, document.length, s.day[slot] as number)
  }

  function appendTo(term: string, slot: number, frequency: number, length: number, day: number): Posting {
    let posting = state.postings.get(term)
    if (!posting) {
      posting = createPosting()
      state.postings.set(term, posting)
    }
    appendPosting(posting, slot, frequency, length, day)
    return posting
  }

  /** Counts a list's live documents (once, when it becomes long enough to keep a tally). */
  function tallyOf(posting: Posting): Tally {
    const tally: Tally = { posting, counts: [createCounts(), createCounts()] }
    if (posting.count * denseShare >= state.slotCount) tally.bits = bitsOf(posting, state.slotCount)
    const cursor = openPosting(posting)
    for (cursor.next(); cursor.slot !== Infinity; cursor.next()) {
      if (state.alive[cursor.slot] === 1) countSlot(state, tally.counts[state.isWithdrawn[cursor.slot] as 0 | 1], cursor.slot, 1)
    }
    return tally
  }

  /** Posting-list sizes of a query's terms and filter keys in this shard, with its live documents and total length. */
  function stats(keys: readonly string[]): ListStats {
    return { liveCount: state.liveCount, totalLength: state.totalLength, counts: keys.map((key) => state.postings.get(key)?.count ?? 0) }
  }

  /**
   * Searches this shard. `scoring` carries the global document count, average length and list sizes
   * (terms first, then filter keys, as `stats` was asked); with one shard it is this shard's own.
   */
  function search(request: SearchRequest, scoring: Scoring = globalScoring([stats([...request.terms, ...filterKeysOf(request.filters)])])): PartialResult {
    const { filters } = request
    const keys = [...request.terms, ...filterKeysOf(request.filters)]
    const lists: List[] = []
    // Scores are summed in the order of the global list sizes (then the keys' order), so that every
    // shard, and one index holding everything, adds the same numbers in the same order.
    const scoreOrder = keys.map((_, index) => index).sort((a, b) => (scoring.counts[a] as number) - (scoring.counts[b] as number))
    const rankOf = new Int32Array(keys.length)
    scoreOrder.forEach((keyIndex, rank) => {
      rankOf[keyIndex] = rank
    })
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index] as string
      const posting = state.postings.get(key)
      if (!posting) return emptyPartial(request)
      const isScored = index < request.terms.length
      const frequency = Math.min(scoring.counts[index] as number, scoring.documentCount)
      const idf = isScored ? Math.log(1 + (scoring.documentCount - frequency + 0.5) / (frequency + 0.5)) : 0
      lists.push({ key, posting, idf, order: rankOf[index] as number })
    }
    lists.sort((a, b) => a.posting.count - b.posting.count)

    // Filters as codes; a value the index has never seen matches nothing.
    const code = (dictionary: Dictionary, value: string | undefined): number => (value === undefined ? -1 : (dictionary.codes.get(value) ?? -2))
    const kindCode = code(state.kinds, filters.kind)
    const documentTypeCode = code(state.documentTypes, filters.documentType)
    const validityCode = code(state.validities, filters.validity)
    const agencyCode = code(state.agencies, filters.agency)
    if (kindCode === -2 || documentTypeCode === -2 || validityCode === -2 || agencyCode === -2) return emptyPartial(request)
    let topicMatches: Uint8Array | undefined
    if (filters.topic !== undefined) {
      const matches = new Uint8Array(state.topicCodes.values.length)
      const prefix = `${filters.topic}.`
      state.topicCodes.values.forEach((value, index) => {
        if (value === filters.topic || value.startsWith(prefix)) matches[index] = 1
      })
      topicMatches = matches
    }
    const fromDay = filters.publishedFrom === undefined ? -Infinity : dayOf(filters.publishedFrom)
    const toDay = filters.publishedTo === undefined ? Infinity : dayOf(filters.publishedTo)
    const statusWanted = filters.status === 'published' ? 0 : filters.status === 'withdrawn' ? 1 : -1

    const averageLength = scoring.averageLength
    const isRelevance = request.sort === 'relevance' && request.terms.length > 0
    const topK = createTopK(request.sort, request.limit + 1)
    const cursor = request.cursor
    const rankContext: RankContext = { averageLength, statusWanted, sort: request.sort, cursor }
    const s = state

    // With no filter but the status, the first word's tally holds the total and facets of its own
    // documents; then only the documents the other words lack (if any) are counted, and taken away.
    // That pays when the other words cover most of the first one's documents (common words do).
    const tally = lists.length === request.terms.length && fromDay === -Infinity && toDay === Infinity && lists[0] ? s.tallies.get(lists[0].key) : undefined
    let otherShare = 1
    for (let listIndex = 1; listIndex < lists.length; listIndex++) otherShare *= Math.min(1, (lists[listIndex] as List).posting.count / Math.max(s.slotCount, 1))
    const complement = tally !== undefined && otherShare >= 0.5

    const withFacets = request.withFacets
    // Matches are counted by facet group (one increment each), spread over the facets at the end.
    const facetGroup = s.facetGroup
    const groupCounts = new Int32Array(s.facetGroups.values.length)
    const countSlotFacets = (slot: number): void => {
      const group = facetGroup[slot] as number
      groupCounts[group] = (groupCounts[group] as number) + 1
    }

    let total = 0
    const denseBits = complement && isRelevance && lists.length > 1 ? lists.map((list) => s.tallies.get(list.key)?.bits) : []
    if (denseBits.length > 0 && denseBits.every((bits) => bits !== undefined)) {
      // Several dense words, ranked. The first word's live documents of the wanted status that some
      // other word lacks, a machine word of slots at a time: counted, to be taken from the tally.
      const [first, ...others] = denseBits as Uint32Array[]
      const [published, withdrawn] = s.liveBits
      const wordCount = Math.ceil(s.slotCount / 32)
      const second = others[0] as Uint32Array
      for (let word = 0; word < wordCount; word++) {
        const live = statusWanted === 0 ? (published[word] ?? 0) : statusWanted === 1 ? (withdrawn[word] ?? 0) : (published[word] ?? 0) | (withdrawn[word] ?? 0)
        let lacking = ((first as Uint32Array)[word] ?? 0) & live
        if (lacking === 0) continue
        let inAll = second[word] ?? 0
        for (let other = 1; other < others.length; other++) inAll &= (others[other] as Uint32Array)[word] ?? 0
        lacking &= ~inAll
        while (lacking !== 0) {
          const bit = lacking & -lacking
          countSlotFacets(word * 32 + 31 - Math.clz32(bit))
          total += 1
          lacking ^= bit
        }
      }
      denseTopK(s, lists, others, topK, rankContext)
    } else if (tally && lists.length === 1 && isRelevance) {
      // One word, ranked: block-max. A block whose best possible score is below the worst hit kept
      // cannot place a hit, so it is not decoded.
      singleTopK(s, lists[0] as List, topK, rankContext)
    } else {
      const cursors: PostingCursor[] = lists.map((list) => openPosting(list.posting))
      const contributions = new Float64Array(lists.length)
      const primary = cursors[0]
      let slot = -1
      for (;;) {
        if (primary) {
          primary.next()
          slot = primary.slot
          if (slot === Infinity) break
        } else {
          slot += 1
          if (slot >= s.slotCount) break
        }
        if (s.alive[slot] === 0) continue
        if (statusWanted >= 0 && s.isWithdrawn[slot] !== statusWanted) continue
        if (kindCode >= 0 && s.kind[slot] !== kindCode) continue
        if (documentTypeCode >= 0 && s.documentType[slot] !== documentTypeCode) continue
        if (validityCode >= 0 && s.validity[slot] !== validityCode) continue
        const day = s.day[slot] as number
        if (day < fromDay || day > toDay) continue
        if (filters.year !== undefined && s.year[slot] !== filters.year) continue
        const issuerFrom = s.issuerStart[slot] as number
        const issuerTo = s.issuerStart[slot + 1] as number
        if (agencyCode >= 0) {
          let hasAgency = false
          for (let at = issuerFrom; at < issuerTo; at++) if (s.issuerValues[at] === agencyCode) hasAgency = true
          if (!hasAgency) continue
        }
        const topicFrom = s.topicStart[slot] as number
        const topicTo = s.topicStart[slot + 1] as number
        if (topicMatches) {
          let hasTopic = false
          for (let at = topicFrom; at < topicTo; at++) if (topicMatches[s.topicValues[at] as number] === 1) hasTopic = true
          if (!hasTopic) continue
        }

        let score = 0
        if (primary) {
          const lengthNorm = bm25K1 * (1 - bm25B + (bm25B * (s.length[slot] as number)) / averageLength)
          let isMatch = true
          for (let listIndex = 1; listIndex < cursors.length; listIndex++) {
            const other = cursors[listIndex] as PostingCursor
            other.seek(slot)
            if (other.slot !== slot) {
              isMatch = false
              break
            }
          }
          if (!isMatch) {
            // Counted to be taken away from the tally.
            if (complement) {
              total += 1
              if (withFacets) countSlotFacets(slot)
            }
            continue
          }
          for (let listIndex = 0; listIndex < cursors.length; listIndex++) {
            const list = lists[listIndex] as List
            const frequency = (cursors[listIndex] as PostingCursor).frequency
            contributions[list.order] = (list.idf * frequency * (bm25K1 + 1)) / (frequency + lengthNorm)
          }
          for (let rank = 0; rank < cursors.length; rank++) score += contributions[rank] as number
        }
        if (!complement) {
          total += 1
          if (withFacets) countSlotFacets(slot)
        }
        const rankScore = isRelevance ? score : 0
        if (cursor && compareHits(request.sort, { score: rankScore, day, contentId: s.contentIds[slot] as string }, cursor) <= 0) continue
        if (!topK.accepts(rankScore, day, slot, s.contentIds)) continue
        topK.push({ score: rankScore, day, contentId: s.contentIds[slot] as string })
      }
    }

    const counted = createCounts()
    if (withFacets) {
      groupCounts.forEach((count, group) => {
        if (count > 0) countGroup(counted, s.facetGroups.values[group] as FacetGroup, count)
      })
    }

    let facetCounts = counted
    if (complement && tally) {
      // The tally's figures for the wanted status, less what the walk counted (the other words' misses).
      const wanted = statusWanted >= 0 ? [tally.counts[statusWanted as 0 | 1]] : tally.counts
      let tallyTotal = 0
      for (const counts of wanted) tallyTotal += counts.total
      total = tallyTotal - total
      if (withFacets) {
        facetCounts = createCounts()
        for (const counts of wanted) addCounts(facetCounts, counts, 1)
        addCounts(facetCounts, counted, -1)
      }
    }

    const result: PartialResult = { candidates: topK.sorted(), total }
    if (withFacets) {
      const buckets = (dictionary: Dictionary, counts: Int32Array) =>
        dictionary.values.flatMap((value, index) => (index > 0 && (counts[index] as number) > 0 ? [{ value, count: counts[index] as number }] : []))
      result.facets = {
        agency: buckets(s.agencies, facetCounts.agency),
        year: Array.from(facetCounts.year, (yearCount, index) => ({ value: String(index + firstYear), count: yearCount })).filter((bucket) => bucket.count > 0),
        topic: buckets(s.topicCodes, facetCounts.topic),
        kind: buckets(s.kinds, facetCounts.kind),
        documentType: buckets(s.documentTypes, facetCounts.documentType),
        validity: buckets(s.validities, facetCounts.validity),
      }
    }
    return result
  }

  function figures(): IndexFigures {
    let pairs = 0
    let bytes = 0
    let termBytes = 0
    for (const [term, posting] of state.postings) {
      pairs += posting.count
      bytes += postingBytes(posting)
      // A Map entry, the posting object and its two typed-array headers, and the term's characters.
      termBytes += 200 + term.length * 2
    }
    const s = state
    const attributeBytes = [s.alive, s.isWithdrawn, s.kind, s.documentType, s.validity, s.day, s.year, s.length, s.version, s.issuerStart, s.issuerValues, s.topicStart, s.topicValues, s.facetGroup].reduce(
      (sum, array) => sum + array.byteLength,
      0,
    )
    let tallyBytes = 0
    for (const tally of s.tallies.values()) {
      for (const counts of tally.counts) for (const name of [...countNames, 'year'] as const) tallyBytes += counts[name].byteLength
      tallyBytes += tally.bits?.byteLength ?? 0
    }
    tallyBytes += s.liveBits[0].byteLength + s.liveBits[1].byteLength
    let idBytes = 0
    for (const contentId of s.contentIds) idBytes += 16 + (contentId?.length ?? 0) + 8
    // The slot map: about 40 bytes an entry in V8.
    return {
      documents: s.liveCount,
      slots: s.slotCount,
      terms: s.postings.size,
      pairs,
      postingBytes: bytes,
      attributeBytes,
      heapBytes: termBytes + idBytes + s.slotOf.size * 40,
      tallies: s.tallies.size,
      tallyBytes,
    }
  }

  return {
    add,
    remove,
    stats,
    search,
    figures,
    versionOf: (contentId: string): number | undefined => {
      const slot = state.slotOf.get(contentId)
      return slot === undefined ? undefined : state.version[slot]
    },
    /** Live documents and slots (a slot is tombstoned when its document gets a new version). */
    counts: () => ({ live: state.liveCount, slots: state.slotCount }),
    /** Drops the slack of growth in every posting list (after a bulk load). */
    trim(): void {
      for (const posting of state.postings.values()) trimPosting(posting)
    },
    clear(): void {
      state = createState()
    },
    serialize: () => serializeState(state),
    load(bytes: Uint8Array): void {
      state = deserializeState(bytes)
    },
  }
}

/** The scoring figures for a query from every shard's `stats`. */
export function globalScoring(shards: readonly ListStats[]): Scoring {
  let liveCount = 0
  let totalLength = 0
  const counts: number[] = (shards[0]?.counts ?? []).map(() => 0)
  for (const shard of shards) {
    liveCount += shard.liveCount
    totalLength += shard.totalLength
    shard.counts.forEach((count, index) => {
      counts[index] = (counts[index] as number) + count
    })
  }
  const documentCount = Math.max(liveCount, 1)
  return { documentCount, averageLength: totalLength / documentCount || 1, counts }
}

function emptyPartial(request: SearchRequest): PartialResult {
  return request.withFacets ? { candidates: [], total: 0, facets: { agency: [], year: [], topic: [], kind: [], documentType: [], validity: [] } } : { candidates: [], total: 0 }
}

/**
 * The top k of several dense words (each with a bitset), ranked, by block-max over the first word's blocks
 * (see the comment inside). `others` are the other words' bitsets.
 */
function denseTopK(s: State, lists: List[], others: Uint32Array[], topK: TopK, context: RankContext): void {
  const { averageLength, statusWanted, sort, cursor } = context
  // The top k by block-max over the first word's blocks, with the other words' blocks that overlap
  // each block's slots. A matching document is in all of them with one length, so a block's bound
  // pairs, for every word, one of its impacts at the longest of those impacts' lengths (`jointBound`).
  // Bounds are summed in the order scores are (`order`), so a bound is never below the score it
  // bounds, ties included.
  const list = lists[0] as List
  const posting = list.posting
  const blockCount = Math.ceil(posting.count / blockSize)
  /** Per list, the highest frequency in the blocks considered (the first list's block, the others' overlapping ones). */
  const highest = new Int32Array(lists.length)
  /** Per list (by `order`), its bound in the current block, then for the current document. */
  const bounds = new Float64Array(lists.length)
  const sumOfBounds = (): number => {
    let sum = 0
    for (let rank = 0; rank < lists.length; rank++) sum += bounds[rank] as number
    return sum
  }
  /**
   * The blocks of another list with slots in (from, to], into `overlap` [first, last]; false when there are
   * none. Asked for ranges in slot order, so each list's first block only moves forward.
   */
  const overlap = new Int32Array(2)
  const firstBlocks = new Int32Array(lists.length)
  const overlapping = (listIndex: number, from: number, to: number): boolean => {
    const other = (lists[listIndex] as List).posting
    const count = Math.ceil(other.count / blockSize)
    // A list's block j holds slots in (skips[2j], skips[2j + 2]]: the first overlapping block is the
    // last whose previous slot is at most `from`.
    let first = firstBlocks[listIndex] as number
    while (first + 1 < count && (other.skips[(first + 1) * 2] as number) <= from) first += 1
    firstBlocks[listIndex] = first
    if (first >= count || (other.skips[first * 2] as number) >= to) return false
    let last = first
    while (last + 1 < count && (other.skips[(last + 1) * 2] as number) < to) last += 1
    overlap[0] = first
    overlap[1] = last
    return true
  }
  /** Per block of the first list and other list, the other list's overlapping blocks (found once, for the rough bound). */
  const overlapFirst = new Int32Array(blockCount * lists.length)
  const overlapLast = new Int32Array(blockCount * lists.length)
  // The impacts of the block and of the other lists' overlapping blocks as they are stored (never merged),
  // one run per block: its list, its impacts, the next one to visit (the shortest first) and its length.
  const runImpacts: Int32Array[] = []
  let runList = new Int32Array(16)
  let runAt = new Int32Array(16)
  let runNext = new Int32Array(16)
  let runLength = new Int32Array(16)
  let runCount = 0
  const listBlockMax = lists.map((other) => other.posting.blockMax)
  const idfs = Float64Array.from(lists, (other) => other.idf)
  const orders = Int32Array.from(lists, (other) => other.order)
  let shortest = 0
  const addRun = (listIndex: number, at: number): void => {
    const blockMax = listBlockMax[listIndex] as Int32Array
    let count = 0
    while (count < maxImpacts && blockMax[at + count] !== 0) count += 1
    if (runCount === runList.length) {
      runList = grow(runList, runCount * 2, (size) => new Int32Array(size))
      runAt = grow(runAt, runCount * 2, (size) => new Int32Array(size))
      runNext = grow(runNext, runCount * 2, (size) => new Int32Array(size))
      runLength = grow(runLength, runCount * 2, (size) => new Int32Array(size))
    }
    runImpacts[runCount] = blockMax
    runList[runCount] = listIndex
    runAt[runCount] = at
    // Lengths fall along a block's impacts: the last is the shortest.
    runNext[runCount] = count - 1
    const length = impactLength(blockMax[at + count - 1] as number)
    runLength[runCount] = length < shortest ? shortest : length
    runCount += 1
  }
  const running = new Int32Array(lists.length)
  /** A run's length once all its impacts are visited (above any impact's length). */
  const visited = 0x7fffffff
  /**
   * The block's joint bound, and each list's highest frequency there (into `highest`). A document
   * matching every word has one length ℓ, at least the shortest of the block's impacts, and in each list
   * an impact beats it: a frequency at least its own at a length at most ℓ (the other lists' lengths are
   * raised to that shortest one, still at most ℓ). So for each impact length L (any list's), shortest
   * first, each list contributes its highest frequency among impacts no longer than L, at length L; the
   * best over L is the bound: the best of every combination of one impact per word, found without
   * trying each and without merging the other lists' blocks. Between two lengths where a list's highest
   * frequency rises, the bound only falls, so it is worked out only where one rises.
   */
  const jointBound = (block: number): number => {
    runCount = 0
    const at = block * blockMaxWidth + 1
    shortest = 0
    addRun(0, at)
    shortest = runLength[0] as number
    highest[0] = impactFrequency(posting.blockMax[at] as number)
    for (let listIndex = 1; listIndex < lists.length; listIndex++) {
      const blockMax = listBlockMax[listIndex] as Int32Array
      const last = overlapLast[block * lists.length + listIndex] as number
      let listHighest = 0
      for (let other = overlapFirst[block * lists.length + listIndex] as number; other <= last; other++) {
        const otherAt = other * blockMaxWidth + 1
        const frequency = impactFrequency(blockMax[otherAt] as number)
        if (frequency > listHighest) listHighest = frequency
        addRun(listIndex, otherAt)
      }
      highest[listIndex] = listHighest
    }
    running.fill(0)
    let missing = lists.length
    let best = -Infinity
    for (;;) {
      // The shortest length not visited yet (of any run); then every impact up to it taken in.
      let length = visited
      for (let run = 0; run < runCount; run++) {
        const runShortest = runLength[run] as number
        if (runShortest < length) length = runShortest
      }
      if (length === visited) break
      let isRaised = false
      for (let run = 0; run < runCount; run++) {
        if (runLength[run] !== length) continue
        const listIndex = runList[run] as number
        const impacts = runImpacts[run] as Int32Array
        const runStart = runAt[run] as number
        let next = runNext[run] as number
        let nextLength = visited
        for (; next >= 0; next--) {
          const impact = impacts[runStart + next] as number
          const impactAt = impactLength(impact)
          if (impactAt > length) {
            nextLength = impactAt
            break
          }
          const frequency = impactFrequency(impact)
          if (frequency > (running[listIndex] as number)) {
            if (running[listIndex] === 0) missing -= 1
            running[listIndex] = frequency
            isRaised = true
          }
        }
        runNext[run] = next
        runLength[run] = nextLength
      }
      if (missing > 0 || !isRaised) continue
      // As boundOf computes it, with the length's part once for all words.
      const lengthNorm = bm25K1 * (1 - bm25B + (bm25B * length) / averageLength)
      for (let listIndex = 0; listIndex < lists.length; listIndex++) {
        const frequency = running[listIndex] as number
        bounds[orders[listIndex] as number] = ((idfs[listIndex] as number) * frequency * (bm25K1 + 1)) / (frequency + lengthNorm)
      }
      const bound = sumOfBounds()
      if (bound > best) best = bound
    }
    return best
  }
  const reader = openPosting(posting)
  const contributions = new Float64Array(lists.length)
  // Every block's bound first, then the blocks best bound first: the top k fills with the likeliest
  // hits, so the worst hit kept soon rises to where it ends and the rest of the blocks are skipped
  // (in slot order it rises slowly and blocks the end result would skip are decoded on the way).
  // A block's first bound is rough and cheap: each list's best impact in its own blocks there, summed
  // (each list's block bounds worked out once per query). Only when a block comes out of the heap
  // does it get its joint bound (`jointBound`, which pairs the lists' impacts there by length)
  // and go back in; it is decoded when it comes out again. Heap entries are blocks with their joint
  // bound (0…) and blocks with their rough one (−1 − block).
  const ownBounds = lists.map((other) => {
    const values = new Float64Array(Math.ceil(other.posting.count / blockSize))
    const scoreOf: ScoreOf = (frequency, length) => boundOf(other.idf, frequency, length, averageLength)
    for (let block = 0; block < values.length; block++) values[block] = blockBound(other.posting, block, scoreOf)
    return values
  })
  const blockHighest = new Int32Array(blockCount * lists.length)
  const queue = createBoundQueue(blockCount * 2)
  const rangeEnd = (block: number): number => (block + 1 < blockCount ? (posting.skips[(block + 1) * 2] as number) : posting.lastSlot)
  blocks: for (let block = 0; block < blockCount; block++) {
    let bound = (ownBounds[0] as Float64Array)[block] as number
    for (let listIndex = 1; listIndex < lists.length; listIndex++) {
      if (!overlapping(listIndex, posting.skips[block * 2] as number, rangeEnd(block))) continue blocks
      overlapFirst[block * lists.length + listIndex] = overlap[0] as number
      overlapLast[block * lists.length + listIndex] = overlap[1] as number
      let best = -Infinity
      const listBounds = ownBounds[listIndex] as Float64Array
      for (let other = overlap[0] as number; other <= (overlap[1] as number); other++) best = Math.max(best, listBounds[other] as number)
      bound += best
    }
    queue.push(-1 - block, bound)
  }
  for (;;) {
    const worst = topK.worst()
    // What comes out next has the highest bound left: below the worst hit kept, nothing left can enter.
    if (worst !== undefined && queue.topBound() * (1 + 1e-9) < worst.score) break
    const entry = queue.pop()
    if (entry === undefined) break
    if (entry < 0) {
      const block = -1 - entry
      const bound = jointBound(block)
      // Below the worst hit kept, it never could place one.
      if (worst !== undefined && bound * (1 + 1e-9) < worst.score) continue
      blockHighest.set(highest, block * lists.length)
      queue.push(block, bound)
      continue
    }
    const block = entry
    // Only a tie at best, and every document older than the worst hit kept: none can enter.
    if (worst !== undefined && queue.poppedBound <= worst.score && blockLatestDay(posting, block) < worst.day) continue
    highest.set(blockHighest.subarray(block * lists.length, (block + 1) * lists.length))
    const cursors = lists.map((other) => openPosting(other.posting))
    reader.enterBlock(block)
    const entries = Math.min(blockSize, posting.count - block * blockSize)
    entries: for (let entry = 0; entry < entries; entry++) {
      reader.next()
      const slot = reader.slot
      if (s.alive[slot] === 0) continue
      if (statusWanted >= 0 && s.isWithdrawn[slot] !== statusWanted) continue
      for (const bits of others) if ((((bits[slot >>> 5] ?? 0) >>> (slot & 31)) & 1) === 0) continue entries
      const lengthNorm = bm25K1 * (1 - bm25B + (bm25B * (s.length[slot] as number)) / averageLength)
      // This document's bound: its exact first contribution, the others' at their blocks' highest
      // frequency and its own length. When even that could not enter the top k, the other lists are
      // not read for it.
      const worstNow = topK.worst()
      if (worstNow !== undefined) {
        bounds[list.order] = (list.idf * reader.frequency * (bm25K1 + 1)) / (reader.frequency + lengthNorm)
        for (let listIndex = 1; listIndex < lists.length; listIndex++) {
          const other = lists[listIndex] as List
          const maxFrequency = highest[listIndex] as number
          bounds[other.order] = (other.idf * maxFrequency * (bm25K1 + 1)) / (maxFrequency + lengthNorm)
        }
        const bound = sumOfBounds()
        if (bound * (1 + 1e-9) < worstNow.score) continue
        if (bound <= worstNow.score && !topK.accepts(bound, s.day[slot] as number, slot, s.contentIds)) continue
      }
      for (let listIndex = 0; listIndex < lists.length; listIndex++) {
        const other = lists[listIndex] as List
        let frequency = reader.frequency
        if (listIndex > 0) {
          const otherCursor = cursors[listIndex] as PostingCursor
          otherCursor.seek(slot)
          frequency = otherCursor.frequency
        }
        contributions[other.order] = (other.idf * frequency * (bm25K1 + 1)) / (frequency + lengthNorm)
      }
      let score = 0
      for (let rank = 0; rank < lists.length; rank++) score += contributions[rank] as number
      const day = s.day[slot] as number
      if (cursor && compareHits(sort, { score, day, contentId: s.contentIds[slot] as string }, cursor) <= 0) continue
      if (!topK.accepts(score, day, slot, s.contentIds)) continue
      topK.push({ score, day, contentId: s.contentIds[slot] as string })
    }
  }
}

/** The top k of one word with a tally, ranked, by block-max over its blocks. */
function singleTopK(s: State, list: List, topK: TopK, context: RankContext): void {
  const { averageLength, statusWanted, sort, cursor } = context
  const posting = list.posting
  const reader = openPosting(posting)
  const blockCount = Math.ceil(posting.count / blockSize)
  const scoreOf: ScoreOf = (frequency, length) => boundOf(list.idf, frequency, length, averageLength)
  for (let block = 0; block < blockCount; block++) {
    const worst = topK.worst()
    if (worst !== undefined) {
      // Computed as scores are, so equal to a document's score where that document is the bound.
      const bound = blockBound(posting, block, scoreOf)
      // A relative margin far above rounding error keeps the bound above every score of the block.
      if (bound * (1 + 1e-9) < worst.score) continue
      // Only a tie at best, and every document older than the worst hit kept: none can enter.
      if (bound <= worst.score && blockLatestDay(posting, block) < worst.day) continue
    }
    reader.enterBlock(block)
    const entries = Math.min(blockSize, posting.count - block * blockSize)
    for (let entry = 0; entry < entries; entry++) {
      reader.next()
      const slot = reader.slot
      if (s.alive[slot] === 0) continue
      if (statusWanted >= 0 && s.isWithdrawn[slot] !== statusWanted) continue
      const frequency = reader.frequency
      const lengthNorm = bm25K1 * (1 - bm25B + (bm25B * (s.length[slot] as number)) / averageLength)
      const score = (list.idf * frequency * (bm25K1 + 1)) / (frequency + lengthNorm)
      const day = s.day[slot] as number
      if (cursor && compareHits(sort, { score, day, contentId: s.contentIds[slot] as string }, cursor) <= 0) continue
      if (!topK.accepts(score, day, slot, s.contentIds)) continue
      topK.push({ score, day, contentId: s.contentIds[slot] as string })
    }
  }
}

/** Entries (integers) taken highest bound first: a binary max-heap in two typed arrays of `capacity`. */
function createBoundQueue(capacity: number) {
  const entries = new Int32Array(capacity)
  const bounds = new Float64Array(capacity)
  let size = 0
  const swap = (a: number, b: number): void => {
    const entry = entries[a] as number
    entries[a] = entries[b] as number
    entries[b] = entry
    const bound = bounds[a] as number
    bounds[a] = bounds[b] as number
    bounds[b] = bound
  }
  const queue = {
    /** The bound of the entry `pop` last returned. */
    poppedBound: -Infinity,
    push(entry: number, bound: number): void {
      let child = size++
      entries[child] = entry
      bounds[child] = bound
      while (child > 0) {
        const parent = (child - 1) >> 1
        if ((bounds[parent] as number) >= (bounds[child] as number)) break
        swap(parent, child)
        child = parent
      }
    },
    /** The highest bound left (−Infinity when the queue is empty). */
    topBound: (): number => (size === 0 ? -Infinity : (bounds[0] as number)),
    /** The entry with the highest bound left, or undefined when none is. */
    pop(): number | undefined {
      if (size === 0) return undefined
      const top = entries[0] as number
      queue.poppedBound = bounds[0] as number
      size -= 1
      if (size > 0) {
        entries[0] = entries[size] as number
        bounds[0] = bounds[size] as number
        let parent = 0
        for (;;) {
          const left = parent * 2 + 1
          let best = parent
          if (left < size && (bounds[left] as number) > (bounds[best] as number)) best = left
          if (left + 1 < size && (bounds[left + 1] as number) > (bounds[best] as number)) best = left + 1
          if (best === parent) break
          swap(parent, best)
          parent = best
        }
      }
      return top
    },
  }
  return queue
}

/** A bounded heap holding the best `capacity` candidates; its root is the worst of them. */
function createTopK(sort: SearchRequest['sort'], capacity: number) {
  const heap: SearchCursor[] = []
  // Positive when a is worse than b (comes later in the results).
  const worse = (a: SearchCursor, b: SearchCursor): number => compareHits(sort, a, b)
  const siftUp = (index: number): void => {
    let child = index
    while (child > 0) {
      const parent = (child - 1) >> 1
      if (worse(heap[child] as SearchCursor, heap[parent] as SearchCursor) <= 0) break
      ;[heap[child], heap[parent]] = [heap[parent] as SearchCursor, heap[child] as SearchCursor]
      child = parent
    }
  }
  const siftDown = (index: number): void => {
    let parent = index
    for (;;) {
      const left = parent * 2 + 1
      const right = left + 1
      let worst = parent
      if (left < heap.length && worse(heap[left] as SearchCursor, heap[worst] as SearchCursor) > 0) worst = left
      if (right < heap.length && worse(heap[right] as SearchCursor, heap[worst] as SearchCursor) > 0) worst = right
      if (worst === parent) return
      ;[heap[worst], heap[parent]] = [heap[parent] as SearchCursor, heap[worst] as SearchCursor]
      parent = worst
    }
  }
  return {
    /** The worst candidate kept once the heap is full (undefined before). */
    worst: (): SearchCursor | undefined => (heap.length < capacity ? undefined : heap[0]),
    /** Whether a candidate with these keys would enter the heap (cheap pre-check before building it). */
    accepts(score: number, day: number, slot: number, contentIds: string[]): boolean {
      if (heap.length < capacity) return true
      const root = heap[0] as SearchCursor
      if (sort === 'relevance' && score !== root.score) return score > root.score
      if (day !== root.day) return sort === 'oldest' ? day < root.day : day > root.day
      return (contentIds[slot] as string) < root.contentId
    },
    push(candidate: SearchCursor): void {
      if (heap.length < capacity) {
        heap.push(candidate)
        siftUp(heap.length - 1)
      } else if (worse(candidate, heap[0] as SearchCursor) < 0) {
        heap[0] = candidate
        siftDown(0)
      }
    },
    sorted(): SearchCursor[] {
      return [...heap].sort((a, b) => compareHits(sort, a, b))
    },
  }
}

// ---- Snapshot encoding: a JSON head (counts, dictionaries, content ids, terms) and aligned binary sections.

const attributeNames = ['alive', 'isWithdrawn', 'kind', 'documentType', 'validity', 'day', 'year', 'length', 'version', 'issuerStart', 'issuerValues', 'topicStart', 'topicValues', 'facetGroup'] as const
type AttributeName = (typeof attributeNames)[number]

type SnapshotHead = {
  slotCount: number
  liveCount: number
  totalLength: number
  dictionaries: { agencies: string[]; topicCodes: string[]; kinds: string[]; documentTypes: string[]; validities: string[] }
  /** The facet groups' keys, by code. */
  facetGroups: string[]
  contentIds: string[]
  /** Per attribute array: its constructor name and length in elements. */
  attributes: Record<AttributeName, { type: 'Uint8Array' | 'Uint16Array' | 'Int32Array'; length: number }>
  /** Per term: [term, count, lastSlot, byteLength, blocks] (two skip numbers and `blockMaxWidth` block maxima per block). */
  terms: [string, number, number, number, number][]
  /** Per word with a tally: [word, lengths of its agency, topic, kind, documentType and validity counts]. */
  tallies: [string, number[]][]
}

const align = (offset: number): number => (offset + 7) & ~7

/**
 * The index as bytes: a 4-byte head length, the JSON head, then every attribute array and every
 * posting list's bytes and skips, each at an offset aligned to 8 so loading can use them in place.
 * Copies what a later write could change (attribute arrays) and takes posting bytes as they are (their
 * prefix never changes), so it can run between two writes and be written out while the index works on.
 */
function serializeState(state: State): Uint8Array[] {
  const attributes = {} as SnapshotHead['attributes']
  const attributeCopies: TypedArray[] = []
  const slots = state.slotCount
  const lengths: Record<AttributeName, number> = {
    alive: slots,
    isWithdrawn: slots,
    kind: slots,
    documentType: slots,
    validity: slots,
    day: slots,
    year: slots,
    length: slots,
    version: slots,
    issuerStart: slots + 1,
    issuerValues: state.issuerStart[slots] as number,
    topicStart: slots + 1,
    topicValues: state.topicStart[slots] as number,
    facetGroup: slots,
  }
  for (const name of attributeNames) {
    const array = state[name]
    attributes[name] = { type: array.constructor.name as 'Uint8Array', length: lengths[name] }
    attributeCopies.push(array.slice(0, lengths[name]))
  }
  const terms: SnapshotHead['terms'] = []
  const postingParts: Uint8Array[] = []
  for (const [term, posting] of state.postings) {
    const blocks = Math.ceil(posting.count / blockSize)
    terms.push([term, posting.count, posting.lastSlot, posting.byteLength, blocks])
    postingParts.push(posting.bytes.subarray(0, posting.byteLength))
    postingParts.push(new Uint8Array(posting.skips.slice(0, blocks * 2).buffer))
    postingParts.push(new Uint8Array(posting.blockMax.slice(0, blocks * blockMaxWidth).buffer))
  }
  // Each tally as one Int32Array: both totals, then per status its five code-indexed counts and the years.
  const tallies: SnapshotHead['tallies'] = []
  for (const [term, tally] of state.tallies) {
    const lengths = countNames.map((name) => Math.max(tally.counts[0][name].length, tally.counts[1][name].length))
    const packed = new Int32Array(2 + 2 * (lengths.reduce((sum, length) => sum + length, 0) + yearSpan))
    packed[0] = tally.counts[0].total
    packed[1] = tally.counts[1].total
    let at = 2
    for (const counts of tally.counts) {
      countNames.forEach((name, index) => {
        packed.set(counts[name], at)
        at += lengths[index] as number
      })
      packed.set(counts.year, at)
      at += yearSpan
    }
    tallies.push([term, lengths])
    postingParts.push(new Uint8Array(packed.buffer))
  }
  const head: SnapshotHead = {
    slotCount: state.slotCount,
    liveCount: state.liveCount,
    totalLength: state.totalLength,
    dictionaries: {
      agencies: [...state.agencies.values],
      topicCodes: [...state.topicCodes.values],
      kinds: [...state.kinds.values],
      documentTypes: [...state.documentTypes.values],
      validities: [...state.validities.values],
    },
    facetGroups: state.facetGroups.values.map(facetGroupKey),
    contentIds: state.contentIds.slice(0, slots).map((contentId, slot) => (state.alive[slot] === 1 ? contentId : '')),
    attributes,
    terms,
    tallies,
  }
  const headBytes = Buffer.from(JSON.stringify(head))
  const parts: Uint8Array[] = []
  let offset = 0
  const push = (part: Uint8Array): void => {
    const padding = align(offset) - offset
    if (padding > 0) {
      parts.push(new Uint8Array(padding))
      offset += padding
    }
    parts.push(part)
    offset += part.byteLength
  }
  const length = new Uint8Array(4)
  new DataView(length.buffer).setUint32(0, headBytes.byteLength, true)
  push(length)
  push(headBytes)
  for (const copy of attributeCopies) push(new Uint8Array(copy.buffer, copy.byteOffset, copy.byteLength))
  for (const part of postingParts) push(part)
  return parts
}

function deserializeState(bytes: Uint8Array): State {
  if (bytes.byteOffset % 8 !== 0) throw new Error('index snapshot section is not aligned')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const headLength = view.getUint32(0, true)
  const head = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + 8, headLength).toString('utf8')) as SnapshotHead
  let offset = align(8 + headLength)
  const take = (byteLength: number): number => {
    const at = offset
    if (at + byteLength > bytes.byteLength) throw new Error('index snapshot section is truncated')
    offset = align(at + byteLength)
    return bytes.byteOffset + at
  }
  const state = createState()
  const constructors = { Uint8Array, Uint16Array, Int32Array }
  for (const name of attributeNames) {
    const { type, length } = head.attributes[name]
    const Constructor = constructors[type]
    const at = take(length * Constructor.BYTES_PER_ELEMENT)
    ;(state as Record<AttributeName, TypedArray>)[name] = new Constructor(bytes.buffer as ArrayBuffer, at, length)
  }
  state.slotCount = head.slotCount
  state.liveCount = head.liveCount
  state.totalLength = head.totalLength
  state.agencies = createDictionary(head.dictionaries.agencies)
  state.topicCodes = createDictionary(head.dictionaries.topicCodes)
  state.kinds = createDictionary(head.dictionaries.kinds)
  state.documentTypes = createDictionary(head.dictionaries.documentTypes)
  state.validities = createDictionary(head.dictionaries.validities)
  state.topicParents = head.dictionaries.topicCodes.map((value) => (value.length > 2 ? (state.topicCodes.codes.get(value.slice(0, 2)) ?? -1) : -1))
  state.facetGroups = { codes: new Map(head.facetGroups.map((key, code) => [key, code])), values: head.facetGroups.map(facetGroupOfKey) }
  state.contentIds = head.contentIds
  head.contentIds.forEach((contentId, slot) => {
    if (state.alive[slot] === 1) state.slotOf.set(contentId, slot)
  })
  for (const [term, count, lastSlot, byteLength, blocks] of head.terms) {
    const postingAt = take(byteLength)
    const skipAt = take(blocks * 2 * 4)
    const blockMaxAt = take(blocks * blockMaxWidth * 4)
    state.postings.set(term, {
      bytes: new Uint8Array(bytes.buffer, postingAt, byteLength),
      byteLength,
      count,
      lastSlot,
      skips: new Int32Array(bytes.buffer, skipAt, blocks * 2),
      blockMax: new Int32Array(bytes.buffer, blockMaxAt, blocks * blockMaxWidth),
    })
  }
  for (const [term, lengths] of head.tallies) {
    const posting = state.postings.get(term)
    if (!posting || lengths.length !== countNames.length) throw new Error('index snapshot has a tally of no word')
    const packedLength = 2 + 2 * (lengths.reduce((sum, length) => sum + length, 0) + yearSpan)
    const packed = new Int32Array(bytes.buffer, take(packedLength * 4), packedLength)
    let at = 2
    const counts = [0, 1].map((status) => {
      const view = (length: number): Int32Array => {
        const array = packed.subarray(at, at + length)
        at += length
        return array
      }
      const [agency, topic, kind, documentType, validity] = lengths.map(view) as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array]
      return { total: packed[status] as number, agency, topic, kind, documentType, validity, year: view(yearSpan) }
    }) as [Counts, Counts]
    const tally: Tally = { posting, counts }
    if (posting.count * denseShare >= state.slotCount) tally.bits = bitsOf(posting, state.slotCount)
    state.tallies.set(term, tally)
  }
  for (let slot = 0; slot < state.slotCount; slot++) {
    if (state.alive[slot] === 1) state.liveBits[state.isWithdrawn[slot] as 0 | 1] = withBit(state.liveBits[state.isWithdrawn[slot] as 0 | 1], slot)
  }
  return state
}
