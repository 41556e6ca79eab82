import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_gongkai_audit_log_action" ADD VALUE 'revert';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "gongkai_audit_log" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_gongkai_audit_log_action";
  CREATE TYPE "public"."enum_gongkai_audit_log_action" AS ENUM('submit', 'return', 'approve', 'publish', 'schedule', 'unschedule', 'withdraw', 'invalidate', 'force-publish', 'review', 'mask', 'import', 'validity', 'scheduled_publish_failed');
  ALTER TABLE "gongkai_audit_log" ALTER COLUMN "action" SET DATA TYPE "public"."enum_gongkai_audit_log_action" USING "action"::"public"."enum_gongkai_audit_log_action";`)
}
