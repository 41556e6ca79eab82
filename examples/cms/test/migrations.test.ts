import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { createTestDatabase, type TestDatabase } from '@gongkai/dev-postgres'
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'migrations')

describe('committed migrations', () => {
  let database: TestDatabase
  let payload: Payload

  beforeAll(async () => {
    database = await createTestDatabase('cms_migrations')
    process.env.DATABASE_URL = database.url
    process.env.PAYLOAD_SECRET = 'migrations-test'
    process.env.GONGKAI_SEED_SAMPLE = 'false'
    const { default: config } = await import('../src/payload.config')
    payload = await getPayload({ config, disableOnInit: true })
  })

  afterAll(async () => {
    // payload.destroy() leaves the adapter's pool open, with one client it keeps checked out for good:
    // end() closes the idle ones and the drop closes that one, so end() is not awaited.
    const pool = (payload?.db as unknown as PostgresAdapter | undefined)?.pool
    await payload?.destroy()
    pool?.on('error', () => {})
    void pool?.end()
    await database?.drop()
  })

  it('describe exactly the schema the collections need (run `migrate:create` after changing a collection)', async () => {
    const adapter = payload.db as unknown as PostgresAdapter
    const { generateDrizzleJson, generateMigration } = adapter.requireDrizzleKit()
    const latestSnapshot = readdirSync(migrationsDir)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .at(-1)
    expect(latestSnapshot, 'no migration snapshot in src/migrations').toBeDefined()
    const before = JSON.parse(readFileSync(path.join(migrationsDir, latestSnapshot as string), 'utf8'))
    const after = await generateDrizzleJson(adapter.schema)
    const missing = await generateMigration(before, after)
    expect(missing).toEqual([])
  })

  it('apply to an empty database and create every table', async () => {
    const { migrations } = await import('../src/migrations')
    // The same list the adapter gets as prodMigrations; migrate()'s own parameter type is narrower.
    await payload.db.migrate({ migrations: migrations as unknown as NonNullable<Parameters<Payload['db']['migrate']>[0]>['migrations'] })
    const { rows } = await (payload.db as unknown as PostgresAdapter).pool.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
    )
    const tables = rows.map((row) => row.name)
    for (const table of ['users', 'policies', 'interpretations', 'decisions', 'participation', 'agencies', 'topics', 'payload_migrations']) {
      expect(tables).toContain(table)
    }
  })
})
