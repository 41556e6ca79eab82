import type pg from 'pg'
import type { Logger } from 'pino'
import { rowColumns, type DocumentRow } from './documentRows.js'
import { createIndexShards, type IndexShards } from './indexShards.js'
import { checksumProblem, noSnapshotFile, readSnapshot, removeStaleTemporaries, writeSnapshot, type SnapshotHead } from './indexSnapshot.js'
import type { IndexUpdate, SearchEngine } from './types.js'

/**
 * The in-memory search engine: an inverted index (`invertedIndex.ts`, split over `threads` shards by
 * `indexShards.ts`) that this module keeps in sync from PostgreSQL, which stays the source of truth.
 *
 * On start it loads the index snapshot if there is a valid one (`indexSnapshot.ts`) and replays the
 * events after it; otherwise it reads every document. It applies this process's writes before they are
 * answered, catches up from the events table (writes of other processes) every `syncIntervalMs`, and
 * saves a snapshot after a full load, every `snapshotIntervalMs` when something changed, and on stop.
 */

export type MemoryIndexOptions = {
  pool: pg.Pool
  logger: Logger
  /** How often to catch up with writes of other processes. @default 1000 */
  syncIntervalMs?: number
  /** Threads that hold and search the index: 1 keeps it in the main thread. @default 1 */
  threads?: number
  /** File of the index snapshot; none when undefined. */
  snapshotPath?: string
  /** How often to save the snapshot when events were applied since the last one. @default 600_000 */
  snapshotIntervalMs?: number
}

/** Events older than this that have not shown up are taken as rolled back. */
const gapTimeoutMs = 60_000
const pageSize = 5000

export function createMemoryIndex({ pool, logger, syncIntervalMs = 1000, threads = 1, snapshotPath, snapshotIntervalMs = 600_000 }: MemoryIndexOptions): SearchEngine {
  let shards: IndexShards | undefined
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
  let snapshotTimer: NodeJS.Timeout | undefined
  let syncing: Promise<void> = Promise.resolve()
  let isRebuilding = false
  let snapshotting: Promise<void> | undefined
  /** `highest` when the last snapshot was taken (or loaded). */
  let snapshotHighest = -1

  const index = (): IndexShards => {
    if (!shards) throw new Error('search index not started')
    return shards
  }

  /** Reads every document into the shards' second index (swapped in by the caller); answers the watermark. */
  async function loadAll(): Promise<number> {
    const target = index()
    await target.beginNext()
    // Start below every transaction that may still be in flight, so its events are caught up on.
    const { rows } = await pool.query<{ sequence: string | null }>(
      `SELECT coalesce(
         (SELECT min(sequence) - 1 FROM events WHERE occurred_at > now() - interval '${gapTimeoutMs / 1000} seconds'),
         (SELECT max(sequence) FROM events),
         0)::text AS sequence`,
    )
    const sequence = Number(rows[0]?.sequence ?? 0)
    let after = ''
    // Reading the next page overlaps with indexing the last one (in the index threads).
    let indexing: Promise<void> = Promise.resolve()
    for (;;) {
      const page = await pool.query<DocumentRow>(`SELECT ${rowColumns} FROM documents WHERE content_id > $1 ORDER BY content_id LIMIT ${pageSize}`, [after])
      await indexing
      const last = page.rows[page.rows.length - 1]
      if (!last) break
      indexing = target.addRows(page.rows, 'next')
      after = last.content_id
    }
    await indexing
    return sequence
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
    const candidates = [...new Set(fresh.map((row) => row.content_id))]
    const versions = candidates.length > 0 ? await index().versions(candidates) : []
    const newest = new Map<string, number>()
    for (const row of fresh) newest.set(row.content_id, Math.max(newest.get(row.content_id) ?? 0, row.version))
    const contentIds = candidates.filter((contentId, at) => {
      const indexed = versions[at]
      return indexed === undefined || indexed < (newest.get(contentId) as number)
    })
    if (contentIds.length > 0) {
      const documents = await pool.query<DocumentRow>(`SELECT ${rowColumns} FROM documents WHERE content_id = ANY ($1)`, [contentIds])
      await index().addRows(documents.rows, 'live')
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
      const { rows } = await pool.query<EventRow>('SELECT sequence::text AS sequence, content_id, version FROM events WHERE sequence = ANY ($1)', [missing])
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
    if (!isRebuilding) {
      const counts = await index().counts()
      if (counts.slots > 10_000 && counts.slots - counts.live > counts.live) {
        isRebuilding = true
        void rebuild().finally(() => {
          isRebuilding = false
        })
      }
    }
  }

  async function rebuild(): Promise<void> {
    try {
      const loadedWatermark = await loadAll()
      await enqueue(async () => {
        await index().swapNext()
        watermark = loadedWatermark
        highest = loadedWatermark
        applied = new Set()
        await catchUp()
      })
      logger.info({ documents: (await index().counts()).live }, 'search index rebuilt')
    } catch (error) {
      logger.error({ err: error }, 'search index rebuild failed')
    }
  }

  function enqueue(task: () => Promise<void>): Promise<void> {
    const next = syncing.then(task)
    syncing = next.catch(() => {})
    return next
  }

  /** Loads the snapshot when it is valid for this database; answers why not otherwise. */
  async function loadSnapshot(path: string): Promise<{ bytes: number } | { problem: string }> {
    // The index threads check each section's SHA-256 as they load it, in parallel.
    const read = await readSnapshot(path, { checkSections: false })
    if ('problem' in read) return read
    const { head } = read
    if (read.sections.length !== index().count) return { problem: `snapshot has ${read.sections.length} shards, this process runs ${index().count} index threads` }
    // The event the snapshot was taken at must be in this database as it was: a snapshot of another
    // database (or of one restored from an older backup) is stale. Asked while the threads load; a
    // stale or broken snapshot leaves them half loaded, which the rebuild from the database replaces.
    const anchored = (async (): Promise<string | undefined> => {
      if (!head.anchor) return undefined
      const { rows } = await pool.query<{ content_id: string; version: number }>('SELECT content_id, version FROM events WHERE sequence = $1', [head.anchor.sequence])
      const event = rows[0]
      return !event || event.content_id !== head.anchor.contentId || event.version !== head.anchor.version ? `snapshot event ${head.anchor.sequence} is not in this database` : undefined
    })()
    const loading = index()
      .load(read.sections, read.sectionHashes)
      .then(
        () => undefined,
        (error: unknown) => {
          const message = error instanceof Error ? error.message : String(error)
          return message === checksumProblem ? checksumProblem : `snapshot does not decode: ${message}`
        },
      )
    const [stale, broken] = await Promise.all([anchored, loading])
    if (broken) return { problem: broken }
    if (stale) return { problem: stale }
    watermark = head.watermark
    highest = head.highest
    applied = new Set(head.applied)
    snapshotHighest = head.highest
    return { bytes: read.bytes }
  }

  /** Saves the index with the events it covers. Taken between two applies, written while the index works on. */
  function saveSnapshot(reason: string): Promise<void> {
    const path = snapshotPath
    if (!path || snapshotting) return snapshotting ?? Promise.resolve()
    snapshotting = (async () => {
      const started = performance.now()
      let captured: { head: SnapshotHead; sections: Uint8Array[] } | undefined
      await enqueue(async () => {
        if (highest === snapshotHighest) return
        const { rows } = await pool.query<{ content_id: string; version: number }>('SELECT content_id, version FROM events WHERE sequence = $1', [highest])
        const event = rows[0]
        const anchor = event ? { sequence: highest, contentId: event.content_id, version: event.version } : null
        captured = {
          head: { watermark, highest, applied: [...applied], anchor, createdAt: new Date().toISOString() },
          sections: await index().serialize(),
        }
      })
      if (!captured) return
      const { bytes } = await writeSnapshot({ path, ...captured })
      snapshotHighest = captured.head.highest
      logger.info({ path, bytes, highest: captured.head.highest, reason, ms: Math.round(performance.now() - started) }, 'search index snapshot saved')
    })()
      .catch((error: unknown) => logger.warn({ err: error, path }, 'search index snapshot not saved'))
      .finally(() => {
        snapshotting = undefined
      })
    return snapshotting
  }

  return {
    name: 'memory',
    async start() {
      const started = performance.now()
      shards ??= createIndexShards({ threads })
      let loadedFrom: 'snapshot' | 'database' = 'database'
      let snapshotBytes: number | undefined
      if (snapshotPath) {
        await removeStaleTemporaries(snapshotPath)
        const loaded = await loadSnapshot(snapshotPath).catch((error: unknown) => ({ problem: error instanceof Error ? error.message : String(error) }))
        if ('problem' in loaded) {
          // No file yet is the first start, not a problem.
          const level = loaded.problem === noSnapshotFile ? 'info' : 'warn'
          logger[level]({ path: snapshotPath, problem: loaded.problem }, 'search index snapshot ignored; rebuilding the index from the database')
        } else {
          loadedFrom = 'snapshot'
          snapshotBytes = loaded.bytes
        }
      }
      if (loadedFrom === 'database') {
        const loadedWatermark = await loadAll()
        await index().swapNext()
        watermark = loadedWatermark
        highest = loadedWatermark
        applied = new Set()
      }
      const loadedAt = performance.now()
      const highestBefore = highest
      await enqueue(catchUp)
      isLoaded = true
      const figures = await index().figures()
      logger.info(
        {
          loadedFrom,
          threads: index().count,
          ...figures,
          bytesPerPair: figures.pairs > 0 ? Number(((figures.postingBytes + figures.attributeBytes + figures.heapBytes + figures.tallyBytes) / figures.pairs).toFixed(2)) : 0,
          postingBytesPerPair: figures.pairs > 0 ? Number((figures.postingBytes / figures.pairs).toFixed(2)) : 0,
          ...(snapshotBytes === undefined ? {} : { snapshotBytes }),
          replayedEvents: Math.max(0, highest - highestBefore),
          loadMs: Math.round(loadedAt - started),
          catchUpMs: Math.round(performance.now() - loadedAt),
        },
        'search index loaded',
      )
      timer = setInterval(() => {
        enqueue(catchUp).catch((error: unknown) => logger.warn({ err: error }, 'search index sync failed'))
      }, syncIntervalMs)
      timer.unref()
      if (snapshotPath) {
        if (loadedFrom === 'database') void saveSnapshot('loaded from the database')
        snapshotTimer = setInterval(() => void saveSnapshot('interval'), snapshotIntervalMs)
        snapshotTimer.unref()
      }
    },
    sync: () => enqueue(catchUp),
    applyCommitted: (updates: readonly IndexUpdate[]) =>
      enqueue(async () => {
        const documents = []
        for (const update of updates) {
          if (update.sequence <= watermark || applied.has(update.sequence)) continue
          documents.push(update.document)
          applied.add(update.sequence)
          if (update.sequence > highest) highest = update.sequence
        }
        if (documents.length > 0) await index().addDocuments(documents)
        advanceWatermark()
      }),
    // A stopped index thread cannot answer: /readyz turns 503 so a load balancer stops sending searches here.
    isReady: () => isLoaded && shards?.failure() === undefined,
    search: (request) => index().search(request),
    async stop() {
      if (timer) clearInterval(timer)
      if (snapshotTimer) clearInterval(snapshotTimer)
      await syncing
      if (isLoaded) await saveSnapshot('stop')
      await shards?.close()
    },
  }
}
