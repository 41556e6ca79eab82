import type pg from 'pg'
import { migrations } from './migrations.js'

// Any constant shared by every library process; pg_advisory_xact_lock serialises concurrent starts.
const migrationLockKey = 7_432_051_118

/** Applies the migrations not yet applied, in one transaction; returns the ids it applied. */
export async function migrate(pool: pg.Pool): Promise<string[]> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock($1)', [migrationLockKey])
    await client.query(
      'CREATE TABLE IF NOT EXISTS policy_library_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    )
    const { rows } = await client.query<{ id: string }>('SELECT id FROM policy_library_migrations')
    const applied = new Set(rows.map((row) => row.id))
    const pending = migrations.filter((migration) => !applied.has(migration.id))
    for (const migration of pending) {
      await client.query(migration.sql)
      await client.query('INSERT INTO policy_library_migrations (id) VALUES ($1)', [migration.id])
    }
    await client.query('COMMIT')
    return pending.map((migration) => migration.id)
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}
