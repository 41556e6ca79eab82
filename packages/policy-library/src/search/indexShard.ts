import { toIndexed, type DocumentRow } from './documentRows.js'
import { checkSection } from './indexSnapshot.js'
import { createInvertedIndex, type IndexFigures, type IndexOptions, type ListStats, type PartialResult, type Scoring } from './invertedIndex.js'
import type { IndexedDocument, SearchRequest } from './types.js'

/**
 * One share of the in-memory index and the operations the follower asks of it, the same whether it
 * runs in the main thread or in a worker thread (`indexWorker.ts` answers messages with these). While
 * the index is (re)built from PostgreSQL, rows go into a second index that replaces the live one at
 * once, so searches never see a half-built index.
 */
export function createIndexShard(options: IndexOptions = {}) {
  let live = createInvertedIndex(options)
  let next: ReturnType<typeof createInvertedIndex> | undefined
  return {
    addRows(rows: DocumentRow[], target: 'live' | 'next'): void {
      const index = target === 'next' ? next : live
      if (!index) throw new Error('no index is being built')
      for (const row of rows) index.add(toIndexed(row))
    },
    addDocuments(documents: IndexedDocument[]): void {
      for (const document of documents) live.add(document)
    },
    beginNext(): void {
      next = createInvertedIndex(options)
    },
    swapNext(): void {
      if (!next) throw new Error('no index is being built')
      next.trim()
      live = next
      next = undefined
    },
    versions(contentIds: string[]): (number | undefined)[] {
      return contentIds.map((contentId) => live.versionOf(contentId))
    },
    stats(keys: string[]): ListStats {
      return live.stats(keys)
    },
    search(request: SearchRequest, scoring?: Scoring): PartialResult {
      return live.search(request, scoring)
    },
    counts: (): { live: number; slots: number } => live.counts(),
    figures: (): IndexFigures => live.figures(),
    /** The live index as bytes, copied into one buffer (a worker transfers it without copying again). */
    serialize(): Uint8Array {
      const parts = live.serialize()
      const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0))
      let offset = 0
      for (const part of parts) {
        bytes.set(part, offset)
        offset += part.byteLength
      }
      return bytes
    },
    /** Replaces the live index with the one in a snapshot section, once its bytes have the SHA-256 given (when given). */
    load(bytes: Uint8Array, hash?: string): void {
      if (hash !== undefined) checkSection(bytes, hash)
      const index = createInvertedIndex(options)
      index.load(bytes)
      live = index
    },
  }
}

export type IndexShard = ReturnType<typeof createIndexShard>
export type ShardMethod = keyof IndexShard
