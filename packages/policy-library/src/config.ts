import type { PolicyLibraryOptions } from './createPolicyLibrary.js'

/**
 * Reads the library's configuration from environment variables (what `gongkai-policy-library` uses):
 * DATABASE_URL (required), PORT (4010), HOST (127.0.0.1), GONGKAI_LIBRARY_ADMIN_TOKEN,
 * GONGKAI_LIBRARY_PUBLIC_URL, GONGKAI_LIBRARY_SEARCH_ENGINE (memory | postgres),
 * GONGKAI_LIBRARY_RATE_LIMIT (requests per token per minute, 0 = off), LOG_LEVEL (info).
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
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    options: {
      databaseUrl,
      searchEngine: engine,
      rateLimit: rateLimit === 0 ? false : { windowMs: 60_000, limit: rateLimit },
      logger: { level: env.LOG_LEVEL ?? 'info' },
      ...(env.GONGKAI_LIBRARY_ADMIN_TOKEN ? { adminToken: env.GONGKAI_LIBRARY_ADMIN_TOKEN } : {}),
      ...(env.GONGKAI_LIBRARY_PUBLIC_URL ? { publicUrl: env.GONGKAI_LIBRARY_PUBLIC_URL } : {}),
    },
  }
}
