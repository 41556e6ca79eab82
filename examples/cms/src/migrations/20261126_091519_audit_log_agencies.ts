import { backfillAuditLogAgencies } from '@gongkai/payload-plugin'
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "gongkai_audit_log_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"agencies_id" integer
  );
  
  ALTER TABLE "gongkai_audit_log_rels" ADD CONSTRAINT "gongkai_audit_log_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."gongkai_audit_log"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "gongkai_audit_log_rels" ADD CONSTRAINT "gongkai_audit_log_rels_agencies_fk" FOREIGN KEY ("agencies_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "gongkai_audit_log_rels_order_idx" ON "gongkai_audit_log_rels" USING btree ("order");
  CREATE INDEX "gongkai_audit_log_rels_parent_idx" ON "gongkai_audit_log_rels" USING btree ("parent_id");
  CREATE INDEX "gongkai_audit_log_rels_path_idx" ON "gongkai_audit_log_rels" USING btree ("path");
  CREATE INDEX "gongkai_audit_log_rels_agencies_id_idx" ON "gongkai_audit_log_rels" USING btree ("agencies_id");`)
  // Entries written before this migration get the agencies that may read them (rows added, entries untouched).
  await backfillAuditLogAgencies({ payload, req, db })
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "gongkai_audit_log_rels" CASCADE;`)
}
