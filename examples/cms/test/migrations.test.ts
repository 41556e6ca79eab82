import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { createTestDatabase, type TestDatabase } from '@gongkai/dev-postgres'
import { type PostgresAdapter, postgresAdapter } from '@payloadcms/db-postgres'
import { getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/** Stops Payload and drops its test database. */
async function shutDown(payload: Payload | undefined, database: TestDatabase | undefined) {
  // payload.destroy() leaves the adapter's pool open, with one client it keeps checked out for good:
  // end() closes the idle ones and the drop closes that one, so end() is not awaited.
  const pool = (payload?.db as unknown as PostgresAdapter | undefined)?.pool
  await payload?.destroy()
  pool?.on('error', () => {})
  void pool?.end()
  await database?.drop()
}

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

  afterAll(async () => await shutDown(payload, database))

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

describe('upgrading a database made by the first migration', () => {
  let database: TestDatabase
  let payload: Payload

  beforeAll(async () => {
    database = await createTestDatabase('cms_upgrade')
    process.env.DATABASE_URL = database.url
    process.env.PAYLOAD_SECRET = 'migrations-test'
    process.env.GONGKAI_SEED_SAMPLE = 'false'
    // The config module read DATABASE_URL when the first suite imported it: point a copy at this database.
    const { default: config } = await import('../src/payload.config')
    const upgradeConfig = { ...(await config), db: postgresAdapter({ pool: { connectionString: database.url, max: 4 }, push: false }) }
    payload = await getPayload({ config: upgradeConfig, disableOnInit: true, key: 'cms-upgrade' } as Parameters<typeof getPayload>[0])
    expect((payload.db as unknown as PostgresAdapter).pool.options.connectionString).toBe(database.url)
  })

  afterAll(async () => await shutDown(payload, database))

  it('gives audit entries written before audit_log_agencies the agencies that may read them', async () => {
    type Migrations = NonNullable<Parameters<Payload['db']['migrate']>[0]>['migrations']
    const { migrations } = await import('../src/migrations')
    await payload.db.migrate({ migrations: migrations.slice(0, 1) as unknown as Migrations })
    const pool = (payload.db as unknown as PostgresAdapter).pool
    // Written as the first schema had them: an agency, a policy draft of it, and an audit entry without agencies.
    const agency = await pool.query<{ id: number }>("INSERT INTO agencies (name, updated_at, created_at) VALUES ('天津市武清区升级测试局', now(), now()) RETURNING id")
    const agencyId = agency.rows[0]?.id
    const policy = await pool.query<{ id: number }>(
      `INSERT INTO policies (title, issuing_agency_id, _status, workflow_state, updated_at, created_at) VALUES ('升级前的文件', ${agencyId}, 'draft', 'pending_review', now(), now()) RETURNING id`,
    )
    const policyId = policy.rows[0]?.id
    const entry = await pool.query<{ id: number }>(
      `INSERT INTO gongkai_audit_log (action, collection_slug, document_id, user_label, updated_at, created_at) VALUES ('submit', 'policies', '${policyId}', 'editor@example.gov.cn', now(), now()) RETURNING id`,
    )
    await payload.db.migrate({ migrations: migrations as unknown as Migrations })
    const { rows } = await pool.query('SELECT parent_id, path, agencies_id FROM gongkai_audit_log_rels')
    expect(rows).toEqual([{ parent_id: entry.rows[0]?.id, path: 'agencies', agencies_id: agencyId }])
    const { rows: applied } = await pool.query<{ name: string }>('SELECT name FROM payload_migrations ORDER BY id')
    expect(applied.map((row) => row.name)).toEqual(migrations.map((migration) => migration.name))
  })
})
