import type { Server } from 'node:http'
import { defaultValidityStatuses as coreValidityStatuses, optionValues } from '@gongkai/core'
import net, { type AddressInfo } from 'node:net'
import type express from 'express'
import pg from 'pg'
import { pino, type Logger, type LoggerOptions } from 'pino'
import { createApp } from './app.js'
import { weakAdminTokenReason } from './http/adminToken.js'
import type { CorsOptions } from './http/headers.js'
import { migrate as applyMigrations } from './db/migrate.js'
import { loadOpenApiDocument } from './spec/openapiDocument.js'
import { createMemoryIndex } from './search/memoryIndex.js'
import { createPostgresSearch } from './search/postgresSearch.js'
import type { SearchEngine } from './search/types.js'
import { createAjv, createRequestValidator } from './validation/requestValidator.js'

/** 有效性 values accepted by default (@gongkai/core's list); the first is the default of a new document. */
export const defaultValidityStatuses: readonly string[] = optionValues(coreValidityStatuses)

export type PolicyLibraryOptions = {
  /** Connection string of the library's own database, e.g. `postgres://postgres@127.0.0.1:5432/gongkai_library`. */
  databaseUrl: string
  /**
   * Bearer token that manages agencies and their push tokens. Without it the admin endpoints answer 403.
   * It must be strong: at least 24 characters and about 80 bits by a character-entropy estimate
   * (`openssl rand -hex 32` is); a weak one stops the start with an error.
   * @default undefined
   */
  adminToken?: string
  /**
   * Public base URL used in feeds and the sitemap (no trailing slash). Required when `isProduction`:
   * otherwise a request's Host header would decide the absolute URLs others cache and follow.
   * @default the request's own scheme and host (outside production only)
   * @example 'https://library.example.gov.cn'
   */
  publicUrl?: string
  /**
   * The page of a document on a public site, for documents pushed without `url`: feeds link to it and
   * the sitemap lists it. `{contentId}` is replaced (URL-encoded). Without it such documents have no
   * link in feeds (their summary is the entry's content) and are left out of the sitemap.
   * @default undefined
   * @example 'https://www.tjwq.gov.cn/zwgk/policies/{contentId}'
   */
  documentPageUrl?: string
  /**
   * Production mode: `publicUrl` is required.
   * @default process.env.NODE_ENV === 'production'
   */
  isProduction?: boolean
  /**
   * Browser origins that may read the public endpoints (search, documents, feeds, agencies) with CORS;
   * writes and admin endpoints never answer CORS. `false` sends no CORS headers.
   * @default { origins: '*' }
   * @example { origins: ['https://www.tjwq.gov.cn'] }
   */
  cors?: CorsOptions | false
  /**
   * Failed authentications (missing, unknown or revoked token) allowed per client address and window;
   * past it, authenticated endpoints answer 429 with Retry-After to that address. `false` turns it off.
   * @default { windowMs: 900_000, limit: 30 }
   */
  authFailureLimit?: { windowMs: number; limit: number } | false
  /**
   * `memory`: in-process inverted index kept in sync from PostgreSQL (fast: see the README's numbers).
   * `postgres`: PostgreSQL full text alone (no memory, slower on common terms).
   * @default 'memory'
   */
  searchEngine?: 'memory' | 'postgres'
  /**
   * Threads that hold and search the in-memory index. With 1 it lives in the main thread; with more,
   * each worker thread holds a share of the documents and every search runs on all of them at once
   * (use the number of cores on a busy server; see docs/library-scaling.md).
   * @default 1
   */
  searchThreads?: number
  /**
   * File where the in-memory index is saved (after a full load, every `indexSnapshotIntervalMs` when
   * something changed, and on close), so a restart loads it and replays only newer events. Local to
   * each instance; a corrupt, stale or other-format file is ignored with a log line and the index
   * rebuilt from PostgreSQL. Without it every start reads every document.
   * @default undefined
   * @example '/var/lib/gongkai/library-index.snapshot'
   */
  indexSnapshotPath?: string
  /** How often the index snapshot is saved when events were applied since the last one. @default 600_000 */
  indexSnapshotIntervalMs?: number
  /** Accepted 有效性 values; the first is the default. @default ['effective', 'expired', 'repealed', 'amended'] */
  validityStatuses?: readonly string[]
  /** Requests per token and window for authenticated endpoints; `false` turns limiting off. @default { windowMs: 60_000, limit: 600 } */
  rateLimit?: { windowMs: number; limit: number } | false
  /** Largest JSON body of a single write (the document allows 1M characters of HTML and 500k of text). @default 8 MiB */
  maxBodyBytes?: number
  /** Largest body of a batch push. @default 16 MiB */
  maxBatchBodyBytes?: number
  /** A pino logger, or options for one. @default pino at `info` (JSON lines on stdout) */
  logger?: Logger | LoggerOptions
  /** Apply migrations in `listen()`. @default true */
  shouldMigrateOnStart?: boolean
  /** How often the in-memory index catches up with writes of other processes. @default 1000 */
  syncIntervalMs?: number
  /** How long `close()` waits for in-flight requests before cutting connections. @default 10_000 */
  shutdownTimeoutMs?: number
  /**
   * How long `close()` keeps accepting connections after it starts, answering each with `Connection: close`
   * while `/readyz` is 503, before it stops listening. A connection the kernel has queued but the (busy)
   * process has not accepted yet is reset when the listener closes; the grace lets it be accepted and answered,
   * and lets a load balancer see `/readyz` fail first. The binary uses 1000. @default 0
   */
  shutdownGraceMs?: number
  /** Size of the PostgreSQL connection pool. @default 10 */
  poolSize?: number
}

export type PolicyLibrary = {
  /** The express application: mount it yourself (it starts itself on the first request), or use `listen`. */
  app: express.Express
  /** Applies pending migrations; returns the ids it applied. */
  migrate: () => Promise<string[]>
  /** Migrates (unless turned off) and loads the search index. `listen` calls it. */
  start: () => Promise<void>
  /** Starts, then listens. Port 0 picks a free port; the answer says which. */
  listen: (options?: { port?: number; host?: string }) => Promise<{ url: string; port: number; server: Server }>
  /** Stops accepting connections, lets in-flight requests finish, then closes the pool. */
  close: () => Promise<void>
  logger: Logger
  pool: pg.Pool
}

function isLogger(value: unknown): value is Logger {
  return typeof value === 'object' && value !== null && typeof (value as Logger).child === 'function' && typeof (value as Logger).info === 'function'
}

/**
 * Creates the policy library service. `listen()` applies migrations, loads the search index and
 * serves; `close()` shuts down gracefully.
 *
 * @example
 * const library = createPolicyLibrary({ databaseUrl: process.env.DATABASE_URL!, adminToken: process.env.GONGKAI_LIBRARY_ADMIN_TOKEN })
 * const { url } = await library.listen({ port: 4010, host: '127.0.0.1' })
 */
export function createPolicyLibrary(options: PolicyLibraryOptions): PolicyLibrary {
  if (options.searchThreads !== undefined && (!Number.isInteger(options.searchThreads) || options.searchThreads < 1 || options.searchThreads > 64)) {
    throw new Error(`policy library: searchThreads must be a whole number from 1 to 64, got ${options.searchThreads}`)
  }
  const weakToken = options.adminToken === undefined ? undefined : weakAdminTokenReason(options.adminToken)
  if (weakToken) throw new Error(`policy library: ${weakToken}`)
  const publicUrl = options.publicUrl?.replace(/\/+$/, '')
  if (publicUrl !== undefined && !/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(publicUrl)) throw new Error(`policy library: publicUrl must be an http(s) URL without query, got ${publicUrl}`)
  if (options.documentPageUrl !== undefined && !/^https?:\/\/[^\s]*\{contentId\}/.test(options.documentPageUrl)) {
    throw new Error(`policy library: documentPageUrl must be an http(s) URL containing {contentId}, got ${options.documentPageUrl}`)
  }
  if ((options.isProduction ?? process.env.NODE_ENV === 'production') && publicUrl === undefined) {
    throw new Error('policy library: publicUrl (GONGKAI_LIBRARY_PUBLIC_URL) is required in production, so the Host header of a request cannot decide the links in feeds and the sitemap')
  }
  // Written asynchronously (lines logged while a write is under way go out with the next one): written
  // synchronously, each request's line was a system call on the event loop. pino flushes what is left on exit.
  const logger = isLogger(options.logger) ? options.logger : pino({ name: 'policy-library', ...(options.logger ?? {}) }, pino.destination({ dest: 1, sync: false }))
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 })
  pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection failed'))
  // pg's Pool#end resolves once it has asked every client to end, not once their sockets are closed; a
  // caller that stops PostgreSQL right after close() (the example's launcher) would cut a connection that is
  // still saying goodbye. close() waits for each client's own 'end'.
  const openClients = new Set<pg.PoolClient>()
  pool.on('connect', (client) => {
    openClients.add(client)
    client.once('end', () => openClients.delete(client))
  })
  const engine: SearchEngine =
    options.searchEngine === 'postgres'
      ? createPostgresSearch({ pool })
      : createMemoryIndex({
          pool,
          logger,
          syncIntervalMs: options.syncIntervalMs ?? 1000,
          threads: options.searchThreads ?? 1,
          snapshotPath: options.indexSnapshotPath,
          snapshotIntervalMs: options.indexSnapshotIntervalMs ?? 600_000,
        })
  const document = loadOpenApiDocument()
  const ajv = createAjv(document)
  let isMigrated = false
  let isShuttingDown = false
  let server: Server | undefined
  let starting: Promise<void> | undefined

  const app = createApp({
    pool,
    logger,
    engine,
    document,
    validate: createRequestValidator(document, ajv),
    ajv,
    adminToken: options.adminToken,
    publicUrl,
    documentPageUrlTemplate: options.documentPageUrl,
    validityStatuses: options.validityStatuses ?? defaultValidityStatuses,
    rateLimit: options.rateLimit ?? { windowMs: 60_000, limit: 600 },
    authFailureLimit: options.authFailureLimit ?? { windowMs: 15 * 60_000, limit: 30 },
    cors: options.cors ?? { origins: '*' },
    maxBodyBytes: options.maxBodyBytes ?? 8 * 1024 * 1024,
    maxBatchBodyBytes: options.maxBatchBodyBytes ?? 16 * 1024 * 1024,
    isReady: () => isMigrated && !isShuttingDown,
    isShuttingDown: () => isShuttingDown,
    ensureStarted: () => start(),
  })

  const migrate = async (): Promise<string[]> => {
    const applied = await applyMigrations(pool)
    if (applied.length > 0) logger.info({ applied }, 'migrations applied')
    isMigrated = true
    return applied
  }

  const start = (): Promise<void> => {
    starting ??= (async () => {
      if (options.shouldMigrateOnStart ?? true) await migrate()
      else isMigrated = true
      await engine.start()
    })().catch((error: unknown) => {
      // A failed start (database down) may be retried.
      starting = undefined
      throw error
    })
    return starting
  }

  return {
    app,
    logger,
    pool,
    migrate,
    start,
    async listen({ port = 0, host = '127.0.0.1' } = {}) {
      await start()
      const listening = await new Promise<Server>((resolve, reject) => {
        const created = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(created)))
      })
      server = listening
      const address = listening.address() as AddressInfo
      const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`
      logger.info({ url }, 'policy library listening')
      return { url, port: address.port, server: listening }
    },
    async close() {
      if (isShuttingDown) return
      isShuttingDown = true
      if (server) {
        const closing = server
        const graceMs = options.shutdownGraceMs ?? 0
        if (graceMs > 0) await new Promise<void>((resolve) => setTimeout(resolve, graceMs))
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            // Said out loud: a request still running now is cut, which a clean shutdown never does.
            logger.warn({ shutdownTimeoutMs: options.shutdownTimeoutMs ?? 10_000 }, 'shutdown timeout reached; cutting the connections still open')
            closing.closeAllConnections()
          }, options.shutdownTimeoutMs ?? 10_000)
          timer.unref()
          // Stop listening but do not cut idle keep-alive connections (http.Server#close would): a
          // client may be sending on one at that very moment and get a reset. Busy connections get
          // `Connection: close` on their answer and end; idle ones end at the keep-alive timeout the
          // server announced, which clients (undici, browsers) honour by closing first.
          net.Server.prototype.close.call(closing, () => {
            clearTimeout(timer)
            resolve()
          })
        })
      }
      await engine.stop()
      const ending = [...openClients].map((client) => new Promise<void>((resolve) => client.once('end', () => resolve())))
      await pool.end()
      await Promise.race([Promise.all(ending), new Promise<void>((resolve) => setTimeout(resolve, 5_000).unref())])
      logger.info('policy library stopped')
    },
  }
}
