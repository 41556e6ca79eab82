import { createTestDatabase, type TestDatabase } from '@gongkai/dev-postgres'
import { createPolicyLibrary, type PolicyLibrary } from '@gongkai/policy-library'
import { type PostgresAdapter } from '@payloadcms/db-postgres'
import { getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const adminToken = 'cms-delivery-test-admin-token-0123456789'

describe('first start with the policy library', () => {
  let database: TestDatabase
  let libraryDatabase: TestDatabase
  let library: PolicyLibrary
  let libraryUrl: string
  let payload: Payload

  beforeAll(async () => {
    database = await createTestDatabase('cms_delivery')
    libraryDatabase = await createTestDatabase('cms_delivery_library')
    library = createPolicyLibrary({ databaseUrl: libraryDatabase.url, adminToken, logger: { level: 'silent' }, rateLimit: false, syncIntervalMs: 50 })
    libraryUrl = (await library.listen({ port: 0, host: '127.0.0.1' })).url
    // What scripts/start.mjs hands the CMS.
    process.env.DATABASE_URL = database.url
    process.env.PAYLOAD_SECRET = 'cms-delivery-test'
    process.env.GONGKAI_LIBRARY_URL = libraryUrl
    process.env.GONGKAI_LIBRARY_ADMIN_TOKEN = adminToken
    process.env.GONGKAI_SEED_SAMPLE = 'true'
    const { default: config } = await import('../src/payload.config')
    payload = await getPayload({ config, disableOnInit: true, key: 'cms-delivery' } as Parameters<typeof getPayload>[0])
    const { migrations } = await import('../src/migrations')
    await payload.db.migrate({ migrations: migrations as never })
    // The server's start: migrations first, then onInit (topics, the sample notice, the delivery worker).
    await payload.config.onInit?.(payload)
  }, 240_000)

  afterAll(async () => {
    const pool = (payload?.db as unknown as PostgresAdapter | undefined)?.pool
    await payload?.destroy()
    pool?.on('error', () => {})
    void pool?.end()
    await library?.close()
    await database?.drop()
    await libraryDatabase?.drop()
  })

  it('registers the sample agency in the library and delivers the seeded policy, searchable', async () => {
    const { docs } = await payload.find({ collection: 'policies', limit: 1, overrideAccess: true })
    const policy = docs[0]!
    const read = async (path: string) => {
      const response = await fetch(`${libraryUrl}${path}`)
      return response.ok ? ((await response.json()) as Record<string, unknown>) : undefined
    }
    const deadline = Date.now() + 60_000
    let stored = await read(`/v1/documents/policies-${policy.id}`)
    while (!stored && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      stored = await read(`/v1/documents/policies-${policy.id}`)
    }
    expect(stored).toMatchObject({ version: 1, kind: 'policy', title: policy.title })
    expect((stored?.issuers as { id: string }[]).map((issuer) => issuer.id)).toEqual(['11120114mb1234562n'])
    const search = await read(`/v1/documents?q=${encodeURIComponent('政务公开工作要点')}`)
    expect((search?.items as { contentId: string }[]).map((item) => item.contentId)).toContain(`policies-${policy.id}`)
    // The worker records the outcome after the library has answered: wait for the record, not only the library.
    const states = async () => (await payload.find({ collection: 'deliveries', overrideAccess: true })).docs.map((delivery) => [delivery.target, delivery.state])
    await expect.poll(states, { timeout: 30_000 }).toEqual([['library', 'delivered']])
  })
})
