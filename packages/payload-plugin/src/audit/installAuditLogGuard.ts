import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { auditLogTable } from './auditLogTable.js'

/**
 * Makes the audit log append-only in the database too: a trigger refuses UPDATE, DELETE and TRUNCATE on its
 * table and its relationship rows, whoever connects (an administrator with SQL access must drop the trigger
 * first, visibly). Idempotent; runs on every start, after migrations.
 */
export async function installAuditLogGuard({ payload, slug }: { payload: Payload; slug: string }): Promise<void> {
  const audit = auditLogTable(payload, slug)
  if (!audit) return
  const { table } = audit
  if (!(await audit.exists(table))) {
    // Migrations not run yet: the app can start; the guard is installed on the first start with the table.
    payload.logger.warn(`[gongkai] table ${table} does not exist yet; run the migrations so the audit log becomes append-only in the database`)
    return
  }
  const functionName = sql.identifier(`${table}_append_only`)
  await audit.execute(sql`CREATE OR REPLACE FUNCTION ${functionName}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '操作日志只能追加，不能修改或删除（%）', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`)
  // The entries and their relationship rows (the agencies that may read an entry): removing a row there would
  // hide an entry from an agency as surely as deleting it.
  for (const name of [table, `${table}_rels`]) {
    if (name !== table && !(await audit.exists(name))) continue
    await audit.execute(sql`CREATE OR REPLACE TRIGGER ${sql.identifier(`${name}_no_update_delete`)} BEFORE UPDATE OR DELETE ON ${audit.qualify(name)}
        FOR EACH ROW EXECUTE FUNCTION ${functionName}()`)
    await audit.execute(sql`CREATE OR REPLACE TRIGGER ${sql.identifier(`${name}_no_truncate`)} BEFORE TRUNCATE ON ${audit.qualify(name)}
        FOR EACH STATEMENT EXECUTE FUNCTION ${functionName}()`)
  }
}
