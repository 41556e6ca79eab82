import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

type PostgresAdapter = {
  execute?: (args: { drizzle: unknown; sql: unknown }) => Promise<unknown>
  drizzle?: unknown
  tableNameMap?: Map<string, string>
  schemaName?: string
}

/**
 * Makes the audit log append-only in the database too: a trigger refuses UPDATE, DELETE and TRUNCATE on its
 * table, whoever connects (an administrator with SQL access must drop the trigger first, visibly). Idempotent;
 * runs on every start, after migrations.
 */
export async function installAuditLogGuard({ payload, slug }: { payload: Payload; slug: string }): Promise<void> {
  const adapter = payload.db as unknown as PostgresAdapter
  if (typeof adapter.execute !== 'function') return
  const key = slug.replace(/-/g, '_')
  const table = adapter.tableNameMap?.get(key) ?? key
  const qualify = (name: string) => (adapter.schemaName ? sql`${sql.identifier(adapter.schemaName)}.${sql.identifier(name)}` : sql.identifier(name))
  const exists = async (name: string) => {
    const result = (await adapter.execute!({ drizzle: adapter.drizzle, sql: sql`SELECT to_regclass(${adapter.schemaName ? `${adapter.schemaName}.${name}` : name}) AS name` })) as {
      rows?: { name: unknown }[]
    }
    return Boolean(result.rows?.[0]?.name)
  }
  if (!(await exists(table))) {
    // Migrations not run yet: the app can start; the guard is installed on the first start with the table.
    payload.logger.warn(`[gongkai] table ${table} does not exist yet; run the migrations so the audit log becomes append-only in the database`)
    return
  }
  const functionName = sql.identifier(`${table}_append_only`)
  await adapter.execute({
    drizzle: adapter.drizzle,
    sql: sql`CREATE OR REPLACE FUNCTION ${functionName}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '操作日志只能追加，不能修改或删除（%）', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`,
  })
  // The entries and their relationship rows (the agencies that may read an entry): removing a row there would
  // hide an entry from an agency as surely as deleting it.
  for (const name of [table, `${table}_rels`]) {
    if (name !== table && !(await exists(name))) continue
    await adapter.execute({
      drizzle: adapter.drizzle,
      sql: sql`CREATE OR REPLACE TRIGGER ${sql.identifier(`${name}_no_update_delete`)} BEFORE UPDATE OR DELETE ON ${qualify(name)}
        FOR EACH ROW EXECUTE FUNCTION ${functionName}()`,
    })
    await adapter.execute({
      drizzle: adapter.drizzle,
      sql: sql`CREATE OR REPLACE TRIGGER ${sql.identifier(`${name}_no_truncate`)} BEFORE TRUNCATE ON ${qualify(name)}
        FOR EACH STATEMENT EXECUTE FUNCTION ${functionName}()`,
    })
  }
}
