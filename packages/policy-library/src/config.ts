import { availableParallelism } from 'node:os'
import type { PolicyLibraryOptions } from './createPolicyLibrary.js'

/**
 * Reads the library's configuration from environment variables (what `gongkai-policy-library` uses):
 * DATABASE_URL (required), PORT (4010), HOST (127.0.0.1), GONGKAI_LIBRARY_ADMIN_TOKEN,
 * GONGKAI_LIBRARY_PUBLIC_URL, GONGKAI_LIBRARY_SEARCH_ENGINE (memory | postgres),
 * GONGKAI_LIBRARY_RATE_LIMIT (requests per token per minute, 0 = off),
 * GONGKAI_LIBRARY_AUTH_FAILURE_LIMIT (failed authentications per address per 15 minutes, 30; 0 = off),
 * GONGKAI_LIBRARY_CORS_ORIGINS (`*`, a comma-separated list of origins, or empty for none; `*`),
 * GONGKAI_LIBRARY_DOCUMENT_URL (page of a document pushed without `url`, with `{contentId}`),
 * GONGKAI_LIBRARY_SEARCH_THREADS (threads of the in-memory index, `auto` = the cores, at most 4; `auto`),
 * GONGKAI_LIBRARY_INDEX_SNAPSHOT (file of the index snapshot; none),
 * GONGKAI_LIBRARY_INDEX_SNAPSHOT_INTERVAL (seconds between snapshots when something changed; 600),
 * LOG_LEVEL (info). NODE_ENV=production requires GONGKAI_LIBRARY_PUBLIC_URL.
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): {
  options: PolicyLibraryOptions
  port: number
  host: string
} {
  const databaseUrl = env.DATABASE_URL
  if (!databaseUrl) throw new Error('DATABASE_URL is required, e.g. postgres://postgres@127.0.0.1:5432/gongkai_library')
  const port = Number(env.PORT ?? 4010)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a port number, got ${env.PORT}`)
  const engine = env.GONGKAI_LIBRARY_SEARCH_ENGINE ?? 'memory'
  if (engine !== 'memory' && engine !== 'postgres') throw new Error(`GONGKAI_LIBRARY_SEARCH_ENGINE must be memory or postgres, got ${engine}`)
  const rateLimit = env.GONGKAI_LIBRARY_RATE_LIMIT === undefined ? 600 : Number(env.GONGKAI_LIBRARY_RATE_LIMIT)
  if (!Number.isInteger(rateLimit) || rateLimit < 0) throw new Error('GONGKAI_LIBRARY_RATE_LIMIT must be a whole number')
  const authFailureLimit = env.GONGKAI_LIBRARY_AUTH_FAILURE_LIMIT === undefined ? 30 : Number(env.GONGKAI_LIBRARY_AUTH_FAILURE_LIMIT)
  if (!Number.isInteger(authFailureLimit) || authFailureLimit < 0) throw new Error('GONGKAI_LIBRARY_AUTH_FAILURE_LIMIT must be a whole number')
  const threadsText = env.GONGKAI_LIBRARY_SEARCH_THREADS ?? 'auto'
  const searchThreads = threadsText === 'auto' ? Math.min(availableParallelism(), 4) : Number(threadsText)
  if (!Number.isInteger(searchThreads) || searchThreads < 1 || searchThreads > 64) throw new Error(`GONGKAI_LIBRARY_SEARCH_THREADS must be auto or a whole number from 1 to 64, got ${threadsText}`)
  const snapshotInterval = env.GONGKAI_LIBRARY_INDEX_SNAPSHOT_INTERVAL === undefined ? 600 : Number(env.GONGKAI_LIBRARY_INDEX_SNAPSHOT_INTERVAL)
  if (!Number.isFinite(snapshotInterval) || snapshotInterval <= 0) throw new Error('GONGKAI_LIBRARY_INDEX_SNAPSHOT_INTERVAL must be a number of seconds above 0')
  const graceText = env.GONGKAI_LIBRARY_SHUTDOWN_GRACE_MS ?? '1000'
  const shutdownGraceMs = Number(graceText)
  if (!/^\d+$/.test(graceText) || shutdownGraceMs > 60_000) throw new Error(`GONGKAI_LIBRARY_SHUTDOWN_GRACE_MS must be a whole number of milliseconds from 0 to 60000, got ${graceText}`)
  const corsOrigins = env.GONGKAI_LIBRARY_CORS_ORIGINS ?? '*'
  const origins = corsOrigins
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    options: {
      databaseUrl,
      searchEngine: engine,
      searchThreads,
      indexSnapshotIntervalMs: snapshotInterval * 1000,
      shutdownGraceMs,
      ...(env.GONGKAI_LIBRARY_INDEX_SNAPSHOT ? { indexSnapshotPath: env.GONGKAI_LIBRARY_INDEX_SNAPSHOT } : {}),
      rateLimit: rateLimit === 0 ? false : { windowMs: 60_000, limit: rateLimit },
      authFailureLimit: authFailureLimit === 0 ? false : { windowMs: 15 * 60_000, limit: authFailureLimit },
      cors: origins.length === 0 ? false : origins.includes('*') ? { origins: '*' } : { origins },
      isProduction: env.NODE_ENV === 'production',
      logger: { level: env.LOG_LEVEL ?? 'info' },
      ...(env.GONGKAI_LIBRARY_ADMIN_TOKEN ? { adminToken: env.GONGKAI_LIBRARY_ADMIN_TOKEN } : {}),
      ...(env.GONGKAI_LIBRARY_PUBLIC_URL ? { publicUrl: env.GONGKAI_LIBRARY_PUBLIC_URL } : {}),
      ...(env.GONGKAI_LIBRARY_DOCUMENT_URL ? { documentPageUrl: env.GONGKAI_LIBRARY_DOCUMENT_URL } : {}),
    },
  }
}
