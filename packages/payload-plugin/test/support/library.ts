import { createTestDatabase } from '@gongkai/dev-postgres'
import type { TestDatabase } from '@gongkai/dev-postgres'
import { createPolicyLibrary } from '@gongkai/policy-library'
import type { PolicyLibrary } from '@gongkai/policy-library'

export const libraryAdminToken = 'plugin-test-library-admin-token-0123456789'

export type RunningLibrary = {
  url: string
  port: number
  database: TestDatabase
  /** Stops the HTTP server (the database stays), so deliveries meet a refused connection. */
  stop: () => Promise<void>
  /** Starts it again on the same port. */
  start: () => Promise<void>
  /** Stops it and drops its database. */
  destroy: () => Promise<void>
}

/** The real policy library on a random 127.0.0.1 port, on a database of its own. */
export async function startLibrary(prefix = 'gongkai_plugin_library', port = 0): Promise<RunningLibrary> {
  const database = await createTestDatabase(prefix)
  let library: PolicyLibrary | undefined
  let boundPort = port
  const start = async () => {
    library = createPolicyLibrary({ databaseUrl: database.url, adminToken: libraryAdminToken, logger: { level: 'silent' }, rateLimit: false, syncIntervalMs: 50 })
    const { url } = await library.listen({ port: boundPort, host: '127.0.0.1' })
    boundPort = Number(new URL(url).port)
  }
  await start()
  const stop = async () => {
    await library?.close()
    library = undefined
  }
  return {
    get url() {
      return `http://127.0.0.1:${boundPort}`
    },
    get port() {
      return boundPort
    },
    database,
    stop,
    start,
    destroy: async () => {
      await stop()
      await database.drop()
    },
  }
}

/** Waits until `check` returns a value (not undefined), polling; throws with `what` after `timeoutMs`. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  while (Date.now() < deadline) {
    try {
      const value = await check()
      if (value !== undefined) return value
    } catch (error) {
      last = error
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`)
}
