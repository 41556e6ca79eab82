import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { createTestDatabase, databaseName, withDatabase } from '../src/index.js'

describe('test databases', () => {
  const created: Array<{ drop: () => Promise<void>; name: string }> = []
  afterAll(async () => {
    for (const database of created) await database.drop()
  })

  it('creates a separate UTF-8 database per call and drops it', async () => {
    const first = await createTestDatabase('devpg')
    const second = await createTestDatabase('devpg')
    created.push(first)
    expect(first.name).not.toBe(second.name)

    const client = new pg.Client({ connectionString: first.url })
    await client.connect()
    const { rows } = await client.query<{ encoding: string }>(
      "SELECT pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = current_database()",
    )
    await client.end()
    expect(rows[0]?.encoding).toBe('UTF8')

    await second.drop()
    const admin = new pg.Client({ connectionString: withDatabase(second.url, 'postgres') })
    await admin.connect()
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [second.name])
    await admin.end()
    expect(rowCount).toBe(0)
  })

  it('reads and replaces the database in a connection string', () => {
    expect(databaseName('postgres://u:p@127.0.0.1:5432/test')).toBe('test')
    expect(databaseName('postgres://u:p@127.0.0.1:5432')).toBeUndefined()
    expect(withDatabase('postgres://u:p@127.0.0.1:5432/test?sslmode=disable', 'other')).toBe(
      'postgres://u:p@127.0.0.1:5432/other?sslmode=disable',
    )
  })
})
