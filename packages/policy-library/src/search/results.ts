import type { FacetBuckets, PartialResult } from './invertedIndex.js'
import { compareHits, facetNames, type FacetCounts, type SearchHit, type SearchRequest, type SearchResult } from './types.js'

/** Facet buckets in the order both engines answer: most documents first, then by value. */
export function sortBuckets(buckets: { value: string; count: number }[]): { value: string; count: number }[] {
  return buckets.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
}

/**
 * One answer from the answers of every shard of the in-memory index (or of the only one): the best
 * `limit` candidates of all, the cursor after them, the summed total and the summed facet counts.
 */
export function mergeResults(request: SearchRequest, partials: readonly PartialResult[]): SearchResult {
  const ranked = partials.length === 1 ? (partials[0] as PartialResult).candidates : partials.flatMap((partial) => partial.candidates).sort((a, b) => compareHits(request.sort, a, b))
  const page = ranked.slice(0, request.limit)
  const isRelevance = request.sort === 'relevance' && request.terms.length > 0
  const hits: SearchHit[] = page.map((candidate) => ({ contentId: candidate.contentId, day: candidate.day, ...(isRelevance ? { score: candidate.score } : {}) }))
  let total = 0
  for (const partial of partials) total += partial.total
  const result: SearchResult = { hits, total }
  const last = page[page.length - 1]
  if (ranked.length > request.limit && last) result.nextCursor = { score: last.score, day: last.day, contentId: last.contentId }
  if (request.withFacets) {
    const facets = {} as FacetCounts
    for (const name of facetNames) {
      const counts = new Map<string, number>()
      for (const partial of partials) {
        for (const bucket of (partial.facets as FacetBuckets)[name]) counts.set(bucket.value, (counts.get(bucket.value) ?? 0) + bucket.count)
      }
      facets[name] = sortBuckets([...counts].map(([value, count]) => ({ value, count })))
    }
    result.facets = facets
  }
  return result
}
