import { describe, expect, it } from 'vitest'
import { createIndexShards, shardOf } from '../src/search/indexShards.js'
import { createInvertedIndex, filterKeysOf, globalScoring, type IndexOptions, type InvertedIndex } from '../src/search/invertedIndex.js'
import { appendPosting, blockBound, blockLatestDay, blockMaxWidth, blockSize, createPosting, impactFrequency, impactLength, maxImpacts, openPosting, postingHas, trimPosting } from '../src/search/postings.js'
import { mergeResults, sortBuckets } from '../src/search/results.js'
import { compareHits, dayOf, facetNames, type FacetCounts, type IndexedDocument, type SearchRequest, type SearchResult } from '../src/search/types.js'

/** mulberry32: a seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const vocabulary = ['政务', '公开', '政务公开', '就业', '见习', '疫情', '防控', '安全', '生产', '工作', '加强', '管理', '供暖', '防汛']
const agencies = ['wuqing', 'baodi', 'hexi', 'nankai']
const topicCodes = ['02', '02.01', '02.03', '13.01', '15']
const kinds = ['policy', 'interpretation']
const documentTypes = [null, 'notice', 'opinion']
const validities = ['effective', 'expired', 'repealed']

function makeDocument(rand: () => number, contentId: string, version: number): IndexedDocument {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T
  const frequencies = new Map<string, number>()
  // Common words in most documents, rare ones in few; frequencies up to 200 (past the 127 cap).
  for (const [index, term] of vocabulary.entries()) {
    if (rand() < 0.9 / (index + 1) ** 0.7) frequencies.set(term, rand() < 0.05 ? 100 + Math.floor(rand() * 100) : 1 + Math.floor(rand() * 8))
  }
  const issuers = [pick(agencies)]
  if (rand() < 0.2) {
    const other = pick(agencies)
    if (!issuers.includes(other)) issuers.push(other)
  }
  const topics = rand() < 0.2 ? [] : [...new Set([pick(topicCodes), ...(rand() < 0.3 ? [pick(topicCodes)] : [])])]
  const year = 1950 + Math.floor(rand() * 240)
  const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0')
  const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0')
  let length = 0
  for (const frequency of frequencies.values()) length += frequency
  return {
    contentId,
    version,
    status: rand() < 0.1 ? 'withdrawn' : 'published',
    kind: pick(kinds),
    documentType: pick(documentTypes),
    validity: pick(validities),
    issuers,
    topics,
    publishedAt: `${year}-${month}-${day}`,
    length: length + 5,
    frequencies,
  }
}

/** The answer worked out document by document, with BM25 as the index defines it. */
function bruteForce(documents: Map<string, IndexedDocument>, everIndexed: IndexedDocument[], request: SearchRequest): SearchResult {
  const live = [...documents.values()]
  const documentCount = Math.max(live.length, 1)
  const averageLength = live.reduce((sum, document) => sum + document.length, 0) / documentCount || 1
  const { filters } = request
  const keyHas = (document: IndexedDocument, key: string): boolean => {
    if (!key.startsWith('\u0000')) return document.frequencies.has(key)
    const value = key.slice(3)
    switch (key[1]) {
      case 'a':
        return document.issuers.includes(value)
      case 'y':
        return document.publishedAt.slice(0, 4) === value
      case 't':
        return document.topics.some((topic) => topic === value || topic.slice(0, 2) === value)
      case 'k':
        return document.kind === value
      case 'd':
        return document.documentType === value
      default:
        return document.validity === value
    }
  }
  // Document frequency: entries of the posting list, versions since replaced included.
  const keys = [...request.terms, ...filterKeysOf(filters)]
  const counts = keys.map((key) => everIndexed.filter((document) => keyHas(document, key)).length)
  const order = keys.map((_, index) => index).sort((a, b) => (counts[a] as number) - (counts[b] as number))
  const matches = live.filter((document) => {
    if (filters.status !== 'all' && (document.status === 'withdrawn') !== (filters.status === 'withdrawn')) return false
    if (filters.agency !== undefined && !document.issuers.includes(filters.agency)) return false
    if (filters.year !== undefined && Number(document.publishedAt.slice(0, 4)) !== filters.year) return false
    if (filters.topic !== undefined && !document.topics.some((topic) => topic === filters.topic || topic.startsWith(`${filters.topic}.`))) return false
    if (filters.kind !== undefined && document.kind !== filters.kind) return false
    if (filters.documentType !== undefined && document.documentType !== filters.documentType) return false
    if (filters.validity !== undefined && document.validity !== filters.validity) return false
    if (filters.publishedFrom !== undefined && document.publishedAt < filters.publishedFrom) return false
    if (filters.publishedTo !== undefined && document.publishedAt > filters.publishedTo) return false
    return request.terms.every((term) => document.frequencies.has(term))
  })
  const isRelevance = request.sort === 'relevance' && request.terms.length > 0
  const scored = matches.map((document) => {
    let score = 0
    if (keys.length > 0) {
      const lengthNorm = 1.2 * (1 - 0.75 + (0.75 * document.length) / averageLength)
      for (const keyIndex of order) {
        const key = keys[keyIndex] as string
        const isScored = keyIndex < request.terms.length
        const frequency = Math.min(isScored ? (document.frequencies.get(key) as number) : 1, 127)
        const listCount = Math.min(counts[keyIndex] as number, documentCount)
        const idf = isScored ? Math.log(1 + (documentCount - listCount + 0.5) / (listCount + 0.5)) : 0
        score += (idf * frequency * (1.2 + 1)) / (frequency + lengthNorm)
      }
    }
    return { score: isRelevance ? score : 0, day: dayOf(document.publishedAt), contentId: document.contentId }
  })
  scored.sort((a, b) => compareHits(request.sort, a, b))
  const after = request.cursor ? scored.filter((hit) => compareHits(request.sort, hit, request.cursor as never) > 0) : scored
  const page = after.slice(0, request.limit)
  const result: SearchResult = {
    hits: page.map((hit) => ({ contentId: hit.contentId, day: hit.day, ...(isRelevance ? { score: hit.score } : {}) })),
    total: matches.length,
  }
  const last = page[page.length - 1]
  if (after.length > request.limit && last) result.nextCursor = { score: last.score, day: last.day, contentId: last.contentId }
  if (request.withFacets) {
    const facets = Object.fromEntries(facetNames.map((name) => [name, new Map<string, number>()])) as Record<keyof FacetCounts, Map<string, number>>
    const bump = (name: keyof FacetCounts, value: string): void => {
      facets[name].set(value, (facets[name].get(value) ?? 0) + 1)
    }
    for (const document of matches) {
      for (const issuer of document.issuers) bump('agency', issuer)
      bump('year', document.publishedAt.slice(0, 4))
      for (const topic of new Set(document.topics.flatMap((code) => (code.length > 2 ? [code, code.slice(0, 2)] : [code])))) bump('topic', topic)
      bump('kind', document.kind)
      if (document.documentType) bump('documentType', document.documentType)
      bump('validity', document.validity)
    }
    result.facets = Object.fromEntries(facetNames.map((name) => [name, sortBuckets([...facets[name]].map(([value, count]) => ({ value, count })))])) as FacetCounts
  }
  return result
}

function randomRequest(rand: () => number): SearchRequest {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T
  const terms = rand() < 0.2 ? [] : [...new Set(Array.from({ length: 1 + Math.floor(rand() * 2) }, () => pick(vocabulary.slice(0, rand() < 0.7 ? 6 : vocabulary.length))))]
  const filters: SearchRequest['filters'] = { status: pick(['published', 'published', 'withdrawn', 'all'] as const) }
  if (rand() < 0.2) filters.agency = pick([...agencies, 'nobody'])
  if (rand() < 0.15) filters.year = 1950 + Math.floor(rand() * 240)
  if (rand() < 0.2) filters.topic = pick(topicCodes)
  if (rand() < 0.2) filters.kind = pick(kinds)
  if (rand() < 0.15) filters.documentType = pick(['notice', 'opinion'])
  if (rand() < 0.15) filters.validity = pick(validities)
  if (rand() < 0.15) filters.publishedFrom = `${1960 + Math.floor(rand() * 100)}-01-01`
  if (rand() < 0.15) filters.publishedTo = `${2000 + Math.floor(rand() * 150)}-06-30`
  return { terms, filters, sort: pick(['relevance', 'relevance', 'newest', 'oldest'] as const), limit: 1 + Math.floor(rand() * 25), withFacets: rand() < 0.7 }
}

/** The same documents in one index and spread over three (as worker threads hold them), plus the brute-force truth. */
function buildCorpus(seed: number, size: number, updates: number, options: IndexOptions = {}) {
  const rand = random(seed)
  const single = createInvertedIndex(options)
  const shards = [createInvertedIndex(options), createInvertedIndex(options), createInvertedIndex(options)]
  const documents = new Map<string, IndexedDocument>()
  const everIndexed: IndexedDocument[] = []
  const apply = (document: IndexedDocument): void => {
    single.add(document)
    ;(shards[shardOf(document.contentId, 3)] as InvertedIndex).add(document)
    documents.delete(document.contentId)
    if (document.status !== 'deleted') {
      documents.set(document.contentId, document)
      everIndexed.push(document)
    }
  }
  for (let index = 0; index < size; index++) apply(makeDocument(rand, `doc-${index}`, 1))
  for (let index = 0; index < updates; index++) {
    const contentId = `doc-${Math.floor(rand() * size)}`
    const version = (documents.get(contentId)?.version ?? 5) + 1
    const next = makeDocument(rand, contentId, version)
    apply(rand() < 0.2 ? { ...next, status: 'deleted' } : next)
  }
  return { rand, single, shards, documents, everIndexed }
}

function searchShards(shards: InvertedIndex[], request: SearchRequest): SearchResult {
  const keys = [...request.terms, ...filterKeysOf(request.filters)]
  const scoring = globalScoring(shards.map((shard) => shard.stats(keys)))
  return mergeResults(request, shards.map((shard) => shard.search(request, scoring)))
}

describe('compressed posting lists', () => {
  it('give back every slot and frequency, and seek to the first slot at or after a target', () => {
    const rand = random(7)
    for (const density of [0.9, 0.1, 0.001]) {
      const posting = createPosting()
      const entries: [number, number][] = []
      const lengthsAndDays: [number, number][] = []
      for (let slot = 0; slot < 200_000; slot++) {
        if (rand() >= density) continue
        const frequency = rand() < 0.1 ? 4 + Math.floor(rand() * 300) : 1 + Math.floor(rand() * 3)
        const day = -7000 + Math.floor(rand() * 90_000)
        const length = 20 + Math.floor(rand() * 400)
        appendPosting(posting, slot, frequency, length, day)
        entries.push([slot, Math.min(frequency, 127)])
        lengthsAndDays.push([length, day])
      }
      trimPosting(posting)
      expect(posting.count).toBe(entries.length)
      // Per block: its latest day, and impacts that bound every document of it. Where the block's
      // unbeaten (frequency, length) pairs are few enough to keep, they are exactly those pairs, and
      // the bound is the block's best score.
      const blockCount = Math.ceil(entries.length / blockSize)
      expect(posting.blockMax.length).toBe(blockCount * blockMaxWidth)
      let exactBlocks = 0
      for (let block = 0; block < blockCount; block++) {
        const documents = entries.slice(block * blockSize, (block + 1) * blockSize).map(([, frequency], at) => ({ frequency, length: (lengthsAndDays[block * blockSize + at] as [number, number])[0], day: (lengthsAndDays[block * blockSize + at] as [number, number])[1] }))
        expect(blockLatestDay(posting, block)).toBe(Math.max(...documents.map((document) => document.day)))
        const impacts = Array.from(posting.blockMax.subarray(block * blockMaxWidth + 1, (block + 1) * blockMaxWidth)).filter((impact) => impact !== 0).map((impact) => ({ frequency: impactFrequency(impact), length: impactLength(impact) }))
        // Highest frequency first, each beating the next on length.
        for (let index = 1; index < impacts.length; index++) {
          expect((impacts[index - 1] as { frequency: number }).frequency).toBeGreaterThan((impacts[index] as { frequency: number }).frequency)
          expect((impacts[index - 1] as { length: number }).length).toBeGreaterThan((impacts[index] as { length: number }).length)
        }
        for (const document of documents) expect(impacts.some((impact) => impact.frequency >= document.frequency && impact.length <= document.length)).toBe(true)
        const unbeaten = documents.filter((document) => !documents.some((other) => other.frequency >= document.frequency && other.length <= document.length && (other.frequency > document.frequency || other.length < document.length)))
        const pairs = [...new Set(unbeaten.map((document) => `${document.frequency}/${document.length}`))].map((pair) => pair.split('/').map(Number) as [number, number]).sort((a, b) => b[0] - a[0])
        const score = (frequency: number, length: number): number => (frequency * 2.2) / (frequency + 1.2 * (0.25 + (0.75 * length) / 120))
        const best = Math.max(...documents.map((document) => score(document.frequency, document.length)))
        if (pairs.length <= maxImpacts) {
          exactBlocks += 1
          expect(impacts.map((impact) => [impact.frequency, impact.length])).toEqual(pairs)
          expect(blockBound(posting, block, score)).toBe(best)
        } else {
          expect(impacts).toHaveLength(maxImpacts)
          expect(blockBound(posting, block, score)).toBeGreaterThanOrEqual(best)
        }
      }
      expect(exactBlocks).toBeGreaterThan(0)
      if (density === 0.9) {
        // A staircase: every document beats every other on frequency or on length, so impacts merge.
        const staircase = createPosting()
        for (let index = 0; index < blockSize; index++) appendPosting(staircase, index, 1 + index, 10 + index * 3, 0)
        const impacts = Array.from(staircase.blockMax.subarray(1, blockMaxWidth))
        expect(impacts.filter((impact) => impact !== 0)).toHaveLength(maxImpacts)
        for (let index = 0; index < blockSize; index++) {
          expect(impacts.some((impact) => impactFrequency(impact) >= Math.min(1 + index, 127) && impactLength(impact) <= 10 + index * 3)).toBe(true)
        }
        // A merge keeps the higher frequency: the highest one is still there.
        expect(impacts.some((impact) => impactFrequency(impact) === 127)).toBe(true)
      }
      const cursor = openPosting(posting)
      const read: [number, number][] = []
      for (cursor.next(); cursor.slot !== Infinity; cursor.next()) read.push([cursor.slot, cursor.frequency])
      expect(read).toEqual(entries)
      // Membership, as a remove asks it of every word with a tally.
      const slots = new Set(entries.map(([slot]) => slot))
      for (let probe = 0; probe < 2000; probe++) {
        const slot = Math.floor(rand() * 201_000)
        expect(postingHas(posting, slot)).toBe(slots.has(slot))
      }
      for (const [slot] of entries.slice(0, 300)) expect(postingHas(posting, slot)).toBe(true)
      const seeker = openPosting(posting)
      let target = 0
      while (target < 210_000) {
        target += 1 + Math.floor(rand() * 5000 * (1 - density))
        seeker.seek(target)
        const expected = entries.find(([slot]) => slot >= target)
        expect(seeker.slot).toBe(expected ? expected[0] : Infinity)
        if (expected) expect(seeker.frequency).toBe(expected[1])
      }
    }
  })

  it('take one byte for most entries of a common term', () => {
    const posting = createPosting()
    for (let slot = 0; slot < 100_000; slot += 2) appendPosting(posting, slot, 1 + (slot % 3), 100, 20_000)
    trimPosting(posting)
    expect(posting.bytes.byteLength / posting.count).toBeLessThan(1.1)
  })
})

/** Requests a tally answers: one or two common words, no filter but the status. */
function tallyRequest(rand: () => number): SearchRequest {
  const request = randomRequest(rand)
  const common = vocabulary.slice(0, 4).concat(['工作', '加强', '管理'])
  const pick = (): string => common[Math.floor(rand() * common.length)] as string
  return { ...request, terms: [...new Set(rand() < 0.5 ? [pick()] : [pick(), pick()])], filters: { status: request.filters.status } }
}

/** Small lists keep tallies too, so the test corpus exercises them (the default wants 4,096 entries). */
const withTallies: IndexOptions = { tallyMinimum: 40, tallyShare: 32 }

describe('inverted index against brute force', () => {
  it.each([
    ['without tallies', {}],
    ['with tallies (totals and facets of common words kept up to date, block-max top k)', withTallies],
  ] as const)('answers the same hits, scores, totals, facets and cursors as counting document by document, in one index and spread over shards, %s', (_, options) => {
    const { rand, single, shards, documents, everIndexed } = buildCorpus(42, 3000, 800, options)
    expect(single.figures().tallies > 0).toBe(options === withTallies)
    for (let round = 0; round < 300; round++) {
      const request = round % 3 === 0 ? tallyRequest(rand) : randomRequest(rand)
      const expected = bruteForce(documents, everIndexed, request)
      expect(mergeResults(request, [single.search(request)]), JSON.stringify(request)).toEqual(expected)
      expect(searchShards(shards, request), JSON.stringify(request)).toEqual(expected)
      if (expected.nextCursor) {
        const nextPage = { ...request, cursor: expected.nextCursor }
        expect(mergeResults(nextPage, [single.search(nextPage)])).toEqual(bruteForce(documents, everIndexed, nextPage))
        expect(searchShards(shards, nextPage)).toEqual(bruteForce(documents, everIndexed, nextPage))
      }
    }
  }, 120_000)

  it('orders hits of equal score newest first, then by id, on every page, though block-max skips blocks that can only tie', () => {
    // Thousands of documents share the top score (the same frequency and length), on few distinct days:
    // the answer is decided by the day and the id, which block-max must not skip.
    const rand = random(5)
    const documents = new Map<string, IndexedDocument>()
    const everIndexed: IndexedDocument[] = []
    const single = createInvertedIndex(withTallies)
    const shards = [createInvertedIndex(withTallies), createInvertedIndex(withTallies)]
    for (let index = 0; index < 6000; index++) {
      const frequencies = new Map<string, number>([['工作', 1 + Math.floor(rand() * 2)]])
      if (rand() < 0.8) frequencies.set('加强', 1 + Math.floor(rand() * 2))
      if (rand() < 0.8) frequencies.set('管理', 1)
      if (rand() < 0.7) frequencies.set('政务', 1 + Math.floor(rand() * 3))
      const document: IndexedDocument = {
        contentId: `tie-${String(Math.floor(rand() * 1e6)).padStart(6, '0')}-${index}`,
        version: 1,
        status: rand() < 0.05 ? 'withdrawn' : 'published',
        kind: 'policy',
        documentType: 'notice',
        validity: 'effective',
        issuers: [agencies[index % agencies.length] as string],
        topics: ['02.01'],
        publishedAt: `20${20 + Math.floor(rand() * 4)}-0${1 + Math.floor(rand() * 3)}-1${Math.floor(rand() * 2)}`,
        length: 10 + Math.floor(rand() * 3),
        frequencies,
      }
      single.add(document)
      ;(shards[shardOf(document.contentId, 2)] as InvertedIndex).add(document)
      documents.set(document.contentId, document)
      everIndexed.push(document)
    }
    expect(single.figures().tallies).toBeGreaterThanOrEqual(4)
    // One word; two and three (each combination of frequency steps bounded at one length); four (each word's own bound).
    for (const terms of [['工作'], ['加强'], ['工作', '加强'], ['加强', '管理', '工作'], ['政务', '加强', '管理', '工作']]) {
      for (const limit of [1, 7, 40]) {
        let request: SearchRequest = { terms, filters: { status: 'published' }, sort: 'relevance', limit, withFacets: true }
        for (let page = 0; page < 4; page++) {
          const expected = bruteForce(documents, everIndexed, request)
          expect(expected.hits.length).toBe(limit)
          expect(mergeResults(request, [single.search(request)]), JSON.stringify(request)).toEqual(expected)
          expect(searchShards(shards, request), JSON.stringify(request)).toEqual(expected)
          request = { ...request, cursor: expected.nextCursor }
        }
      }
    }
  })

  it('bounds a block of the rarest word by every block of a commoner word that overlaps it, not only the first', () => {
    // 稀有 in every 4th document: each of its blocks spans four of 常见's. The best document (常见 9 times)
    // sits in the third of those, while the first holds 常见 once per document and every other document 2.
    const documents = new Map<string, IndexedDocument>()
    const single = createInvertedIndex(withTallies)
    const rareBlockSlots = blockSize * 4
    const target = 3 * rareBlockSlots + 2 * blockSize + 8
    for (let slot = 0; slot < 4096; slot++) {
      const frequencies = new Map<string, number>([['常见', slot === target ? 9 : slot >= 3 * rareBlockSlots && slot < 3 * rareBlockSlots + blockSize ? 1 : 2]])
      if (slot % 4 === 0) frequencies.set('稀有', 1)
      const document: IndexedDocument = {
        contentId: `overlap-${String(slot).padStart(5, '0')}`,
        version: 1,
        status: 'published',
        kind: 'policy',
        documentType: 'notice',
        validity: 'effective',
        issuers: ['wuqing'],
        topics: ['02.01'],
        publishedAt: '2024-01-01',
        length: 20,
        frequencies,
      }
      single.add(document)
      documents.set(document.contentId, document)
    }
    const request: SearchRequest = { terms: ['稀有', '常见'], filters: { status: 'published' }, sort: 'relevance', limit: 5, withFacets: false }
    const expected = bruteForce(documents, [...documents.values()], request)
    expect(expected.hits[0]?.contentId).toBe(`overlap-${String(target).padStart(5, '0')}`)
    expect(mergeResults(request, [single.search(request)])).toEqual(expected)
  })

  it('keeps a version once a newer one is indexed and ignores replays of older ones', () => {
    const index = createInvertedIndex()
    const base = makeDocument(random(1), 'a', 2)
    index.add({ ...base, frequencies: new Map([['防汛', 2]]) })
    index.add({ ...base, version: 1, frequencies: new Map([['供暖', 2]]) })
    index.add({ ...base, version: 2, frequencies: new Map([['供暖', 2]]) })
    const request = (term: string): SearchRequest => ({ terms: [term], filters: { status: 'all' }, sort: 'relevance', limit: 10, withFacets: false })
    expect(index.search(request('防汛')).total).toBe(1)
    expect(index.search(request('供暖')).total).toBe(0)
    index.add({ ...base, version: 3, status: 'deleted', frequencies: new Map() })
    expect(index.search(request('防汛')).total).toBe(0)
    expect(index.counts()).toEqual({ live: 0, slots: 1 })
  })

  it('answers identically after a round trip through its snapshot bytes, and keeps taking writes (tallies included)', () => {
    const { rand, single, documents, everIndexed } = buildCorpus(9, 1500, 300, withTallies)
    const parts = single.serialize()
    const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0))
    let offset = 0
    for (const part of parts) {
      bytes.set(part, offset)
      offset += part.byteLength
    }
    const restored = createInvertedIndex(withTallies)
    restored.load(bytes)
    const figures = ({ documents, slots, terms, pairs, tallies }: ReturnType<InvertedIndex['figures']>) => ({ documents, slots, terms, pairs, tallies })
    expect(restored.figures().tallies).toBeGreaterThan(0)
    expect(figures(restored.figures())).toEqual(figures(single.figures()))
    // Loaded lists hold no growth slack.
    expect(restored.figures().postingBytes).toBeLessThanOrEqual(single.figures().postingBytes)
    for (let round = 0; round < 100; round++) {
      const request = round % 2 === 0 ? tallyRequest(rand) : randomRequest(rand)
      expect(mergeResults(request, [restored.search(request)])).toEqual(bruteForce(documents, everIndexed, request))
    }
    // Updates, withdrawals (a new version's status) and deletions after the load change the tallies.
    for (let index = 0; index < 300; index++) {
      const contentId = `doc-${Math.floor(rand() * 1500)}`
      const next = makeDocument(rand, contentId, (documents.get(contentId)?.version ?? 5) + 1)
      const document: IndexedDocument = rand() < 0.15 ? { ...next, status: 'deleted' } : rand() < 0.2 ? { ...next, status: 'withdrawn' } : next
      restored.add(document)
      documents.delete(contentId)
      if (document.status !== 'deleted') {
        documents.set(contentId, document)
        everIndexed.push(document)
      }
    }
    for (let round = 0; round < 150; round++) {
      const request = round % 2 === 0 ? tallyRequest(rand) : randomRequest(rand)
      expect(mergeResults(request, [restored.search(request)])).toEqual(bruteForce(documents, everIndexed, request))
    }
  }, 120_000)

  it('refuses bytes that are not a snapshot', () => {
    const index = createInvertedIndex()
    const broken = new Uint8Array(64)
    new DataView(broken.buffer).setUint32(0, 40, true)
    expect(() => index.load(broken)).toThrow()
  })
})

describe('index threads', () => {
  it('answer like one index in the main thread, with the work in two worker threads', async () => {
    const threaded = createIndexShards({ threads: 2 })
    const inline = createIndexShards({ threads: 1 })
    try {
      const rand = random(5)
      const documents: IndexedDocument[] = Array.from({ length: 2000 }, (_, index) => makeDocument(rand, `doc-${index}`, 1))
      await threaded.addDocuments(documents)
      await inline.addDocuments(documents)
      expect((await threaded.counts()).live).toBe(2000)
      for (let round = 0; round < 60; round++) {
        const request = randomRequest(rand)
        expect(await threaded.search(request)).toEqual(await inline.search(request))
      }
      // The same queries again after writes that change the list sizes (and the average length): the
      // threads' list sizes kept from the first round must not be used (scores would differ from one index).
      const repeat = random(11)
      const asked = Array.from({ length: 30 }, () => randomRequest(repeat)).filter((request) => request.terms.length > 0)
      for (const request of asked) expect(await threaded.search(request)).toEqual(await inline.search(request))
      const more: IndexedDocument[] = Array.from({ length: 500 }, (_, index) => makeDocument(rand, `doc-${index < 250 ? index : 2000 + index}`, 2))
      await Promise.all([threaded.addDocuments(more), inline.addDocuments(more)])
      for (const request of asked) expect(await threaded.search(request)).toEqual(await inline.search(request))
      // A shard's bytes load into a fresh set of threads.
      const sections = await threaded.serialize()
      const reloaded = createIndexShards({ threads: 2 })
      try {
        await reloaded.load(sections)
        const request: SearchRequest = { terms: ['政务'], filters: { status: 'published' }, sort: 'relevance', limit: 20, withFacets: true }
        expect(await reloaded.search(request)).toEqual(await inline.search(request))
      } finally {
        await reloaded.close()
      }
    } finally {
      await threaded.close()
      await inline.close()
    }
  }, 120_000)
})
