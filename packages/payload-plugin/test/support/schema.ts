import type { Payload } from 'payload'

type Queryable = { query: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> }

/** Tables, columns, indexes and enum values of the public schema, one sorted line each. */
export async function describeSchema(payload: Payload): Promise<string[]> {
  const pool = (payload.db as unknown as { pool: Queryable }).pool
  const columns = await pool.query(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
  )
  const indexes = await pool.query(`SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'`)
  const enums = await pool.query(
    `SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public'`,
  )
  return [
    ...columns.rows.map((row) => `column ${row.table_name}.${row.column_name} ${row.data_type} ${row.udt_name} ${row.is_nullable}`),
    ...indexes.rows.map((row) => `index ${row.tablename} ${row.indexdef}`),
    ...enums.rows.map((row) => `enum ${row.typname} ${row.enumlabel}`),
  ].sort()
}
