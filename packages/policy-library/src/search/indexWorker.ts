import { parentPort, workerData } from 'node:worker_threads'
import { createIndexShard, type IndexShard } from './indexShard.js'
import type { IndexOptions } from './invertedIndex.js'

/** A worker thread holding one share of the in-memory index; `indexShards.ts` starts it and sends it requests. */
const shard = createIndexShard((workerData as { indexOptions?: IndexOptions } | undefined)?.indexOptions ?? {})
type Request = { id: number; method: keyof IndexShard; args: unknown[] }

parentPort?.on('message', ({ id, method, args }: Request) => {
  try {
    const result = (shard[method] as (...values: unknown[]) => unknown)(...args)
    const transfer = result instanceof Uint8Array ? [result.buffer as ArrayBuffer] : []
    parentPort?.postMessage({ id, result }, transfer)
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) } })
  }
})
