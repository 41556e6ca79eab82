import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "users" ADD COLUMN "display_name" varchar;
  CREATE INDEX "users_display_name_idx" ON "users" USING btree ("display_name");
  UPDATE "users" SET "display_name" = COALESCE(NULLIF(btrim("name"), ''), "email");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "users_display_name_idx";
  ALTER TABLE "users" DROP COLUMN "display_name";`)
}
