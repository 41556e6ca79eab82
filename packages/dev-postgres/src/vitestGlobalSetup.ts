import { resolvePostgres } from './index.js'

/**
 * Vitest global setup: makes a PostgreSQL server available to the run as `GONGKAI_TEST_POSTGRES_URL`.
 * With `DATABASE_URL` set it is that server; otherwise an embedded PostgreSQL in a temporary folder,
 * stopped and removed when the run ends. Test files create their own databases on it.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const server = await resolvePostgres()
  process.env.GONGKAI_TEST_POSTGRES_URL = server.url
  return async () => {
    await server.stop()
  }
}
