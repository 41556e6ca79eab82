import type { PolicyLibraryOptions } from './createPolicyLibrary.js'

/**
 * Reads the library's configuration from environment variables (what `gongkai-policy-library` uses):
 * DATABASE_URL (required), PORT (4010), HOST (127.0.0.1), GONGKAI_LIBRARY_ADMIN_TOKEN,
 * GONGKAI_LIBRARY_PUBLIC_URL, GONGKAI_LIBRARY_SEARCH_ENGINE (memory | postgres),
 * GONGKAI_LIBRARY_RATE_LIMIT (requests per token per minute, 0 = off),
 * GONGKAI_LIBRARY_AUTH_FAILURE_LIMIT (failed authentications per address per 15 minutes, 30; 0 = off),
 * GONGKAI_LIBRARY_CORS_ORIGINS (`*`, a comma-separated list of origins, or empty for none; `*`),
 * GONGKAI_LIBRARY_DOCUMENT_URL (page of a document pushed without `url`, with `{contentId}`),
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
