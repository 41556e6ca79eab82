import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { DocumentRow } from './documentRows.js'
import { createIndexShard, type IndexShard } from './indexShard.js'
import { filterKeysOf, globalScoring, type IndexFigures, type IndexOptions, type ListStats, type PartialResult } from './invertedIndex.js'
import { mergeResults } from './results.js'
import type { IndexedDocument, SearchRequest, SearchResult } from './types.js'

type Call = (<M extends keyof IndexShard>(method: M, ...args: Parameters<IndexShard[M]>) => Promise<ReturnType<IndexShard[M]>>) & {
  failure?: () => Error | undefined
  terminate?: () => Promise<void>
}

/**
 * The in-memory index split by document over `threads` shards. With one thread the only shard lives in
 * the main thread; with more, each shard lives in a worker thread, a document always goes to the same
 * shard (by a hash of its content id), and a search asks every shard for its list sizes (for BM25's
 * global figures), then for its best candidates, totals and facets, which `mergeResults` combines:
 * the answer is the one a single index would give, computed on several cores at once.
 */
export type IndexShards = {
  readonly count: number
  addRows: (rows: DocumentRow[], target: 'live' | 'next') => Promise<void>
  addDocuments: (documents: IndexedDocument[]) => Promise<void>
  beginNext: () => Promise<void>
  swapNext: () => Promise<void>
  /** The indexed version of each content id (undefined where it is not indexed). */
  versions: (contentIds: string[]) => Promise<(number | undefined)[]>
  search: (request: SearchRequest) => Promise<SearchResult>
  counts: () => Promise<{ live: number; slots: number }>
  figures: () => Promise<IndexFigures>
  /** Each shard as bytes. */
  serialize: () => Promise<Uint8Array[]>
  /**
   * Replaces each shard with the one in its bytes (as many as there are shards), each checked against
   * its SHA-256 first when `hashes` are given: by the shard's own thread, so the shards are checked in
   * parallel. The buffers are transferred to the threads (unusable here afterwards).
   */
  load: (sections: Uint8Array[], hashes?: string[]) => Promise<void>
  /** Why an index thread stopped (it cannot answer any more), if one did. */
  failure: () => Error | undefined
  close: () => Promise<void>
}

/** FNV-1a: a stable, even spread of content ids over shards. */
export function shardOf(contentId: string, count: number): number {
  if (count === 1) return 0
  let hash = 0x811c9dc5
  for (let index = 0; index < contentId.length; index++) {
    hash ^= contentId.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0) % count
}

export function createIndexShards({ threads, indexOptions = {} }: { threads: number; indexOptions?: IndexOptions }): IndexShards {
  const calls: Call[] = threads <= 1 ? [inProcessShard(indexOptions)] : Array.from({ length: threads }, () => workerShard(indexOptions))
  const count = calls.length
  const split = <T>(items: T[], idOf: (item: T) => string): T[][] => {
    const parts: T[][] = calls.map(() => [])
    for (const item of items) (parts[shardOf(idOf(item), count)] as T[]).push(item)
    return parts
  }
  const all = <M extends keyof IndexShard>(method: M, ...args: Parameters<IndexShard[M]>) => Promise.all(calls.map((call) => call(method, ...args)))
  // The shards' list sizes of recent queries (BM25's global figures), so a repeated query takes one round
  // trip to the threads instead of two. Any write makes them stale: the generation moves before and after
  // each write, and sizes asked for while it moved are not kept.
  let generation = 0
  const statsCache = new Map<string, { generation: number; stats: ListStats[] }>()
  const maxCachedStats = 1000
  const writing = async (write: () => Promise<unknown>): Promise<void> => {
    generation += 1
    try {
      await write()
    } finally {
      generation += 1
    }
  }
  const statsOf = async (keys: string[]): Promise<ListStats[]> => {
    const cacheKey = JSON.stringify(keys)
    const cached = statsCache.get(cacheKey)
    if (cached && cached.generation === generation) return cached.stats
    const asked = generation
    const stats = await all('stats', keys)
    if (asked === generation) {
      statsCache.delete(cacheKey)
      statsCache.set(cacheKey, { generation, stats })
      if (statsCache.size > maxCachedStats) statsCache.delete(statsCache.keys().next().value as string)
    }
    return stats
  }
  return {
    count,
    addRows: (rows, target) =>
      writing(async () => {
        const parts = split(rows, (row) => row.content_id)
        await Promise.all(calls.map((call, index) => ((parts[index] as DocumentRow[]).length > 0 ? call('addRows', parts[index] as DocumentRow[], target) : undefined)))
      }),
    addDocuments: (documents) =>
      writing(async () => {
        const parts = split(documents, (document) => document.contentId)
        await Promise.all(calls.map((call, index) => ((parts[index] as IndexedDocument[]).length > 0 ? call('addDocuments', parts[index] as IndexedDocument[]) : undefined)))
      }),
    beginNext: () => writing(() => all('beginNext')),
    swapNext: () => writing(() => all('swapNext')),
    async versions(contentIds) {
      const parts = split(contentIds, (contentId) => contentId)
      const answers = await Promise.all(calls.map((call, index) => call('versions', parts[index] as string[])))
      const byId = new Map<string, number | undefined>()
      answers.forEach((versions, index) => (parts[index] as string[]).forEach((contentId, at) => byId.set(contentId, versions[at])))
      return contentIds.map((contentId) => byId.get(contentId))
    },
    async search(request) {
      if (count === 1) return mergeResults(request, [await (calls[0] as Call)('search', request)])
      const keys = [...request.terms, ...filterKeysOf(request.filters)]
      const scoring = globalScoring(await statsOf(keys))
      const partials: PartialResult[] = scoring.counts.some((listCount) => listCount === 0)
        ? [{ candidates: [], total: 0, ...(request.withFacets ? { facets: { agency: [], year: [], topic: [], kind: [], documentType: [], validity: [] } } : {}) }]
        : await all('search', request, scoring)
      return mergeResults(request, partials)
    },
    async counts() {
      const answers = await all('counts')
      return answers.reduce((sum, answer) => ({ live: sum.live + answer.live, slots: sum.slots + answer.slots }), { live: 0, slots: 0 })
    },
    async figures() {
      const answers = await all('figures')
      const sum = (key: keyof IndexFigures): number => answers.reduce((total, answer) => total + answer[key], 0)
      return {
        documents: sum('documents'),
        slots: sum('slots'),
        // Terms are counted once per shard that has them: each shard keeps its own list.
        terms: sum('terms'),
        pairs: sum('pairs'),
        postingBytes: sum('postingBytes'),
        attributeBytes: sum('attributeBytes'),
        heapBytes: sum('heapBytes'),
        tallies: sum('tallies'),
        tallyBytes: sum('tallyBytes'),
      }
    },
    serialize: () => all('serialize'),
    async load(sections, hashes) {
      if (sections.length !== count) throw new Error(`the snapshot has ${sections.length} shards, the index ${count}`)
      await writing(() => Promise.all(calls.map((call, index) => call('load', sections[index] as Uint8Array, hashes?.[index]))))
    },
    failure: () => calls.map((call) => call.failure?.()).find((error) => error !== undefined),
    async close() {
      await Promise.all(calls.map((call) => call.terminate?.()))
    },
  }
}

function inProcessShard(indexOptions: IndexOptions): Call {
  const shard = createIndexShard(indexOptions)
  return (async (method: keyof IndexShard, ...args: unknown[]) => (shard[method] as (...values: unknown[]) => unknown)(...args)) as Call
}

/**
 * Starts the worker's script: the built `indexWorker.js` beside this module's bundle, or, when running
 * from `src/` (the tests), the TypeScript source through tsx's loader.
 */
function startWorker(indexOptions: IndexOptions): Worker {
  const workerData = { indexOptions }
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./indexWorker.js', import.meta.url), { workerData })
  const require = createRequire(import.meta.url)
  const loader = pathToFileURL(require.resolve('tsx/esm/api')).href
  const source = new URL('./indexWorker.ts', import.meta.url).href
  return new Worker(`import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}) })`, { eval: true, workerData })
}

function workerShard(indexOptions: IndexOptions): Call {
  const worker = startWorker(indexOptions)
  worker.unref()
  let nextId = 0
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()
  let failure: Error | undefined
  const failAll = (error: Error): void => {
    failure = error
    for (const waiter of pending.values()) waiter.reject(error)
    pending.clear()
  }
  worker.on('message', ({ id, result, error }: { id: number; result?: unknown; error?: { message: string; stack?: string } }) => {
    const waiter = pending.get(id)
    if (!waiter) return
    pending.delete(id)
    if (error) waiter.reject(Object.assign(new Error(error.message), { stack: error.stack }))
    else waiter.resolve(result)
  })
  worker.on('error', (error) => failAll(error))
  worker.on('exit', (code) => failAll(new Error(`search index thread exited with code ${code}`)))
  const call = ((method: keyof IndexShard, ...args: unknown[]) => {
    if (failure) return Promise.reject(failure)
    const id = nextId++
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      const transfer = method === 'load' && args[0] instanceof Uint8Array ? [(args[0] as Uint8Array).buffer as ArrayBuffer] : []
      worker.postMessage({ id, method, args }, transfer)
    })
  }) as Call
  call.failure = () => failure
  call.terminate = async () => {
    worker.removeAllListeners('exit')
    await worker.terminate()
  }
  return call
}
