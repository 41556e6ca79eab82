import { createTestDatabase, type TestDatabase } from '@gongkai/dev-postgres'
import { createPolicyLibrary, type PolicyLibrary } from '@gongkai/policy-library'
import createClient from 'openapi-fetch'
import type { paths } from '../../src/generated/policy-library.js'

export const adminToken = 'sdk-test-admin-token-0123456789'

export type RunningLibrary = {
  url: string
  library: PolicyLibrary
  database: TestDatabase
  /** Registers an agency through the admin API and returns a push token for it. */
  agencyWithToken: (id: string, name: string) => Promise<string>
  stop: () => Promise<void>
}

/** The real policy library on a random 127.0.0.1 port, on a database of this test file's own. */
export async function startLibrary(prefix: string): Promise<RunningLibrary> {
  const database = await createTestDatabase(prefix)
  const library = createPolicyLibrary({ databaseUrl: database.url, adminToken, logger: { level: 'silent' }, rateLimit: false, syncIntervalMs: 50 })
  const { url } = await library.listen({ port: 0, host: '127.0.0.1' })
  const admin = createClient<paths>({ baseUrl: url, headers: { authorization: `Bearer ${adminToken}` } })
  return {
    url,
    library,
    database,
    agencyWithToken: async (id, name) => {
      const agency = await admin.POST('/v1/agencies', { body: { id, name } })
      if (agency.response.status !== 201) throw new Error(`agency ${id}: ${agency.response.status} ${JSON.stringify(agency.error)}`)
      const token = await admin.POST('/v1/agencies/{agencyId}/tokens', { params: { path: { agencyId: id } }, body: { name: 'sdk test' } })
      if (!token.data) throw new Error(`token ${id}: ${token.response.status} ${JSON.stringify(token.error)}`)
      return token.data.token
    },
    stop: async () => {
      await library.close()
      await database.drop()
    },
  }
}
