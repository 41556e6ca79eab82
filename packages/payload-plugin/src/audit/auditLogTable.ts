import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

type SqlAdapter = {
  execute?: (args: { drizzle: unknown; sql: unknown }) => Promise<unknown>
  drizzle?: unknown
  tableNameMap?: Map<string, string>
  schemaName?: string
}

export type AuditLogTable = {
  /** The entries' table; its relationship rows are in `${table}_rels`. */
  table: string
  /** A table name as an SQL identifier, schema-qualified when the adapter has a schema. */
  qualify: (name: string) => ReturnType<typeof sql.identifier> | ReturnType<typeof sql>
  /** Whether the table exists yet (migrations may not have run). */
  exists: (name: string) => Promise<boolean>
  /** Runs SQL on the adapter's connection, or on `drizzle` (a migration's transaction). */
  execute: (query: ReturnType<typeof sql>, drizzle?: unknown) => Promise<unknown>
}

/** The audit log's PostgreSQL table, for the SQL the ORM does not express; null without a SQL adapter. */
export function auditLogTable(payload: Payload, slug: string): AuditLogTable | null {
  const adapter = payload.db as unknown as SqlAdapter
  const execute = adapter.execute
  if (typeof execute !== 'function') return null
  const key = slug.replace(/-/g, '_')
  const run = (query: ReturnType<typeof sql>, drizzle: unknown = adapter.drizzle) => execute.call(adapter, { drizzle, sql: query })
  return {
    table: adapter.tableNameMap?.get(key) ?? key,
    qualify: (name) => (adapter.schemaName ? sql`${sql.identifier(adapter.schemaName)}.${sql.identifier(name)}` : sql.identifier(name)),
    exists: async (name) => {
      const result = (await run(sql`SELECT to_regclass(${adapter.schemaName ? `${adapter.schemaName}.${name}` : name}) AS name`)) as { rows?: { name: unknown }[] }
      return Boolean(result.rows?.[0]?.name)
    },
    execute: run,
  }
}
