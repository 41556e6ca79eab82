import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_policies_workflow_state" ADD VALUE 'deleted';
  ALTER TYPE "public"."enum__policies_v_version_workflow_state" ADD VALUE 'deleted';
  ALTER TYPE "public"."enum_interpretations_workflow_state" ADD VALUE 'deleted';
  ALTER TYPE "public"."enum__interpretations_v_version_workflow_state" ADD VALUE 'deleted';
  ALTER TYPE "public"."enum_decisions_workflow_state" ADD VALUE 'deleted';
  ALTER TYPE "public"."enum__decisions_v_version_workflow_state" ADD VALUE 'deleted';
  ALTER TYPE "public"."enum_participation_workflow_state" ADD VALUE 'deleted';
  ALTER TYPE "public"."enum__participation_v_version_workflow_state" ADD VALUE 'deleted';
  ALTER TYPE "public"."enum_decision_catalogues_workflow_state" ADD VALUE 'deleted';
  ALTER TYPE "public"."enum__decision_catalogues_v_version_workflow_state" ADD VALUE 'deleted';
  ALTER TYPE "public"."enum_gongkai_audit_log_action" ADD VALUE 'delete' BEFORE 'review';
  ALTER TYPE "public"."enum_gongkai_audit_log_action" ADD VALUE 'redact' BEFORE 'review';
  ALTER TYPE "public"."enum_deliveries_action" ADD VALUE 'delete';
  ALTER TYPE "public"."enum_deliveries_action" ADD VALUE 'redact';
  ALTER TABLE "policies" ADD COLUMN "workflow_deleted_by_id" integer;
  ALTER TABLE "policies" ADD COLUMN "workflow_deleted_at" timestamp(3) with time zone;
  ALTER TABLE "policies" ADD COLUMN "workflow_delete_reason" varchar;
  ALTER TABLE "_policies_v" ADD COLUMN "version_workflow_deleted_by_id" integer;
  ALTER TABLE "_policies_v" ADD COLUMN "version_workflow_deleted_at" timestamp(3) with time zone;
  ALTER TABLE "_policies_v" ADD COLUMN "version_workflow_delete_reason" varchar;
  ALTER TABLE "interpretations" ADD COLUMN "workflow_deleted_by_id" integer;
  ALTER TABLE "interpretations" ADD COLUMN "workflow_deleted_at" timestamp(3) with time zone;
  ALTER TABLE "interpretations" ADD COLUMN "workflow_delete_reason" varchar;
  ALTER TABLE "_interpretations_v" ADD COLUMN "version_workflow_deleted_by_id" integer;
  ALTER TABLE "_interpretations_v" ADD COLUMN "version_workflow_deleted_at" timestamp(3) with time zone;
  ALTER TABLE "_interpretations_v" ADD COLUMN "version_workflow_delete_reason" varchar;
  ALTER TABLE "decisions" ADD COLUMN "workflow_deleted_by_id" integer;
  ALTER TABLE "decisions" ADD COLUMN "workflow_deleted_at" timestamp(3) with time zone;
  ALTER TABLE "decisions" ADD COLUMN "workflow_delete_reason" varchar;
  ALTER TABLE "_decisions_v" ADD COLUMN "version_workflow_deleted_by_id" integer;
  ALTER TABLE "_decisions_v" ADD COLUMN "version_workflow_deleted_at" timestamp(3) with time zone;
  ALTER TABLE "_decisions_v" ADD COLUMN "version_workflow_delete_reason" varchar;
  ALTER TABLE "participation" ADD COLUMN "workflow_deleted_by_id" integer;
  ALTER TABLE "participation" ADD COLUMN "workflow_deleted_at" timestamp(3) with time zone;
  ALTER TABLE "participation" ADD COLUMN "workflow_delete_reason" varchar;
  ALTER TABLE "_participation_v" ADD COLUMN "version_workflow_deleted_by_id" integer;
  ALTER TABLE "_participation_v" ADD COLUMN "version_workflow_deleted_at" timestamp(3) with time zone;
  ALTER TABLE "_participation_v" ADD COLUMN "version_workflow_delete_reason" varchar;
  ALTER TABLE "decision_catalogues" ADD COLUMN "workflow_deleted_by_id" integer;
  ALTER TABLE "decision_catalogues" ADD COLUMN "workflow_deleted_at" timestamp(3) with time zone;
  ALTER TABLE "decision_catalogues" ADD COLUMN "workflow_delete_reason" varchar;
  ALTER TABLE "_decision_catalogues_v" ADD COLUMN "version_workflow_deleted_by_id" integer;
  ALTER TABLE "_decision_catalogues_v" ADD COLUMN "version_workflow_deleted_at" timestamp(3) with time zone;
  ALTER TABLE "_decision_catalogues_v" ADD COLUMN "version_workflow_delete_reason" varchar;
  ALTER TABLE "policies" ADD CONSTRAINT "policies_workflow_deleted_by_id_users_id_fk" FOREIGN KEY ("workflow_deleted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_policies_v" ADD CONSTRAINT "_policies_v_version_workflow_deleted_by_id_users_id_fk" FOREIGN KEY ("version_workflow_deleted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "interpretations" ADD CONSTRAINT "interpretations_workflow_deleted_by_id_users_id_fk" FOREIGN KEY ("workflow_deleted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_interpretations_v" ADD CONSTRAINT "_interpretations_v_version_workflow_deleted_by_id_users_id_fk" FOREIGN KEY ("version_workflow_deleted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decisions" ADD CONSTRAINT "decisions_workflow_deleted_by_id_users_id_fk" FOREIGN KEY ("workflow_deleted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_decisions_v" ADD CONSTRAINT "_decisions_v_version_workflow_deleted_by_id_users_id_fk" FOREIGN KEY ("version_workflow_deleted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "participation" ADD CONSTRAINT "participation_workflow_deleted_by_id_users_id_fk" FOREIGN KEY ("workflow_deleted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_participation_v" ADD CONSTRAINT "_participation_v_version_workflow_deleted_by_id_users_id_fk" FOREIGN KEY ("version_workflow_deleted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decision_catalogues" ADD CONSTRAINT "decision_catalogues_workflow_deleted_by_id_users_id_fk" FOREIGN KEY ("workflow_deleted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_decision_catalogues_v" ADD CONSTRAINT "_decision_catalogues_v_version_workflow_deleted_by_id_users_id_fk" FOREIGN KEY ("version_workflow_deleted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "policies_workflow_workflow_deleted_by_idx" ON "policies" USING btree ("workflow_deleted_by_id");
  CREATE INDEX "_policies_v_version_workflow_version_workflow_deleted_by_idx" ON "_policies_v" USING btree ("version_workflow_deleted_by_id");
  CREATE INDEX "interpretations_workflow_workflow_deleted_by_idx" ON "interpretations" USING btree ("workflow_deleted_by_id");
  CREATE INDEX "_interpretations_v_version_workflow_version_workflow_del_idx" ON "_interpretations_v" USING btree ("version_workflow_deleted_by_id");
  CREATE INDEX "decisions_workflow_workflow_deleted_by_idx" ON "decisions" USING btree ("workflow_deleted_by_id");
  CREATE INDEX "_decisions_v_version_workflow_version_workflow_deleted_b_idx" ON "_decisions_v" USING btree ("version_workflow_deleted_by_id");
  CREATE INDEX "participation_workflow_workflow_deleted_by_idx" ON "participation" USING btree ("workflow_deleted_by_id");
  CREATE INDEX "_participation_v_version_workflow_version_workflow_delet_idx" ON "_participation_v" USING btree ("version_workflow_deleted_by_id");
  CREATE INDEX "decision_catalogues_workflow_workflow_deleted_by_idx" ON "decision_catalogues" USING btree ("workflow_deleted_by_id");
  CREATE INDEX "_decision_catalogues_v_version_workflow_version_workfl_8_idx" ON "_decision_catalogues_v" USING btree ("version_workflow_deleted_by_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "policies" DROP CONSTRAINT "policies_workflow_deleted_by_id_users_id_fk";
  
  ALTER TABLE "_policies_v" DROP CONSTRAINT "_policies_v_version_workflow_deleted_by_id_users_id_fk";
  
  ALTER TABLE "interpretations" DROP CONSTRAINT "interpretations_workflow_deleted_by_id_users_id_fk";
  
  ALTER TABLE "_interpretations_v" DROP CONSTRAINT "_interpretations_v_version_workflow_deleted_by_id_users_id_fk";
  
  ALTER TABLE "decisions" DROP CONSTRAINT "decisions_workflow_deleted_by_id_users_id_fk";
  
  ALTER TABLE "_decisions_v" DROP CONSTRAINT "_decisions_v_version_workflow_deleted_by_id_users_id_fk";
  
  ALTER TABLE "participation" DROP CONSTRAINT "participation_workflow_deleted_by_id_users_id_fk";
  
  ALTER TABLE "_participation_v" DROP CONSTRAINT "_participation_v_version_workflow_deleted_by_id_users_id_fk";
  
  ALTER TABLE "decision_catalogues" DROP CONSTRAINT "decision_catalogues_workflow_deleted_by_id_users_id_fk";
  
  ALTER TABLE "_decision_catalogues_v" DROP CONSTRAINT "_decision_catalogues_v_version_workflow_deleted_by_id_users_id_fk";
  
  ALTER TABLE "policies" ALTER COLUMN "workflow_state" SET DATA TYPE text;
  ALTER TABLE "policies" ALTER COLUMN "workflow_state" SET DEFAULT 'draft'::text;
  DROP TYPE "public"."enum_policies_workflow_state";
  CREATE TYPE "public"."enum_policies_workflow_state" AS ENUM('draft', 'pending_review', 'returned', 'approved', 'scheduled', 'published', 'recorded', 'withdrawn', 'invalidated');
  ALTER TABLE "policies" ALTER COLUMN "workflow_state" SET DEFAULT 'draft'::"public"."enum_policies_workflow_state";
  ALTER TABLE "policies" ALTER COLUMN "workflow_state" SET DATA TYPE "public"."enum_policies_workflow_state" USING "workflow_state"::"public"."enum_policies_workflow_state";
  ALTER TABLE "_policies_v" ALTER COLUMN "version_workflow_state" SET DATA TYPE text;
  ALTER TABLE "_policies_v" ALTER COLUMN "version_workflow_state" SET DEFAULT 'draft'::text;
  DROP TYPE "public"."enum__policies_v_version_workflow_state";
  CREATE TYPE "public"."enum__policies_v_version_workflow_state" AS ENUM('draft', 'pending_review', 'returned', 'approved', 'scheduled', 'published', 'recorded', 'withdrawn', 'invalidated');
  ALTER TABLE "_policies_v" ALTER COLUMN "version_workflow_state" SET DEFAULT 'draft'::"public"."enum__policies_v_version_workflow_state";
  ALTER TABLE "_policies_v" ALTER COLUMN "version_workflow_state" SET DATA TYPE "public"."enum__policies_v_version_workflow_state" USING "version_workflow_state"::"public"."enum__policies_v_version_workflow_state";
  ALTER TABLE "interpretations" ALTER COLUMN "workflow_state" SET DATA TYPE text;
  ALTER TABLE "interpretations" ALTER COLUMN "workflow_state" SET DEFAULT 'draft'::text;
  DROP TYPE "public"."enum_interpretations_workflow_state";
  CREATE TYPE "public"."enum_interpretations_workflow_state" AS ENUM('draft', 'pending_review', 'returned', 'approved', 'scheduled', 'published', 'recorded', 'withdrawn', 'invalidated');
  ALTER TABLE "interpretations" ALTER COLUMN "workflow_state" SET DEFAULT 'draft'::"public"."enum_interpretations_workflow_state";
  ALTER TABLE "interpretations" ALTER COLUMN "workflow_state" SET DATA TYPE "public"."enum_interpretations_workflow_state" USING "workflow_state"::"public"."enum_interpretations_workflow_state";
  ALTER TABLE "_interpretations_v" ALTER COLUMN "version_workflow_state" SET DATA TYPE text;
  ALTER TABLE "_interpretations_v" ALTER COLUMN "version_workflow_state" SET DEFAULT 'draft'::text;
  DROP TYPE "public"."enum__interpretations_v_version_workflow_state";
  CREATE TYPE "public"."enum__interpretations_v_version_workflow_state" AS ENUM('draft', 'pending_review', 'returned', 'approved', 'scheduled', 'published', 'recorded', 'withdrawn', 'invalidated');
  ALTER TABLE "_interpretations_v" ALTER COLUMN "version_workflow_state" SET DEFAULT 'draft'::"public"."enum__interpretations_v_version_workflow_state";
  ALTER TABLE "_interpretations_v" ALTER COLUMN "version_workflow_state" SET DATA TYPE "public"."enum__interpretations_v_version_workflow_state" USING "version_workflow_state"::"public"."enum__interpretations_v_version_workflow_state";
  ALTER TABLE "decisions" ALTER COLUMN "workflow_state" SET DATA TYPE text;
  ALTER TABLE "decisions" ALTER COLUMN "workflow_state" SET DEFAULT 'draft'::text;
  DROP TYPE "public"."enum_decisions_workflow_state";
  CREATE TYPE "public"."enum_decisions_workflow_state" AS ENUM('draft', 'pending_review', 'returned', 'approved', 'scheduled', 'published', 'recorded', 'withdrawn', 'invalidated');
  ALTER TABLE "decisions" ALTER COLUMN "workflow_state" SET DEFAULT 'draft'::"public"."enum_decisions_workflow_state";
  ALTER TABLE "decisions" ALTER COLUMN "workflow_state" SET DATA TYPE "public"."enum_decisions_workflow_state" USING "workflow_state"::"public"."enum_decisions_workflow_state";
  ALTER TABLE "_decisions_v" ALTER COLUMN "version_workflow_state" SET DATA TYPE text;
  ALTER TABLE "_decisions_v" ALTER COLUMN "version_workflow_state" SET DEFAULT 'draft'::text;
  DROP TYPE "public"."enum__decisions_v_version_workflow_state";
  CREATE TYPE "public"."enum__decisions_v_version_workflow_state" AS ENUM('draft', 'pending_review', 'returned', 'approved', 'scheduled', 'published', 'recorded', 'withdrawn', 'invalidated');
  ALTER TABLE "_decisions_v" ALTER COLUMN "version_workflow_state" SET DEFAULT 'draft'::"public"."enum__decisions_v_version_workflow_state";
  ALTER TABLE "_decisions_v" ALTER COLUMN "version_workflow_state" SET DATA TYPE "public"."enum__decisions_v_version_workflow_state" USING "version_workflow_state"::"public"."enum__decisions_v_version_workflow_state";
  ALTER TABLE "participation" ALTER COLUMN "workflow_state" SET DATA TYPE text;
  ALTER TABLE "participation" ALTER COLUMN "workflow_state" SET DEFAULT 'draft'::text;
  DROP TYPE "public"."enum_participation_workflow_state";
  CREATE TYPE "public"."enum_participation_workflow_state" AS ENUM('draft', 'pending_review', 'returned', 'approved', 'scheduled', 'published', 'recorded', 'withdrawn', 'invalidated');
  ALTER TABLE "participation" ALTER COLUMN "workflow_state" SET DEFAULT 'draft'::"public"."enum_participation_workflow_state";
  ALTER TABLE "participation" ALTER COLUMN "workflow_state" SET DATA TYPE "public"."enum_participation_workflow_state" USING "workflow_state"::"public"."enum_participation_workflow_state";
  ALTER TABLE "_participation_v" ALTER COLUMN "version_workflow_state" SET DATA TYPE text;
  ALTER TABLE "_participation_v" ALTER COLUMN "version_workflow_state" SET DEFAULT 'draft'::text;
  DROP TYPE "public"."enum__participation_v_version_workflow_state";
  CREATE TYPE "public"."enum__participation_v_version_workflow_state" AS ENUM('draft', 'pending_review', 'returned', 'approved', 'scheduled', 'published', 'recorded', 'withdrawn', 'invalidated');
  ALTER TABLE "_participation_v" ALTER COLUMN "version_workflow_state" SET DEFAULT 'draft'::"public"."enum__participation_v_version_workflow_state";
  ALTER TABLE "_participation_v" ALTER COLUMN "version_workflow_state" SET DATA TYPE "public"."enum__participation_v_version_workflow_state" USING "version_workflow_state"::"public"."enum__participation_v_version_workflow_state";
  ALTER TABLE "decision_catalogues" ALTER COLUMN "workflow_state" SET DATA TYPE text;
  ALTER TABLE "decision_catalogues" ALTER COLUMN "workflow_state" SET DEFAULT 'draft'::text;
  DROP TYPE "public"."enum_decision_catalogues_workflow_state";
  CREATE TYPE "public"."enum_decision_catalogues_workflow_state" AS ENUM('draft', 'pending_review', 'returned', 'approved', 'scheduled', 'published', 'recorded', 'withdrawn', 'invalidated');
  ALTER TABLE "decision_catalogues" ALTER COLUMN "workflow_state" SET DEFAULT 'draft'::"public"."enum_decision_catalogues_workflow_state";
  ALTER TABLE "decision_catalogues" ALTER COLUMN "workflow_state" SET DATA TYPE "public"."enum_decision_catalogues_workflow_state" USING "workflow_state"::"public"."enum_decision_catalogues_workflow_state";
  ALTER TABLE "_decision_catalogues_v" ALTER COLUMN "version_workflow_state" SET DATA TYPE text;
  ALTER TABLE "_decision_catalogues_v" ALTER COLUMN "version_workflow_state" SET DEFAULT 'draft'::text;
  DROP TYPE "public"."enum__decision_catalogues_v_version_workflow_state";
  CREATE TYPE "public"."enum__decision_catalogues_v_version_workflow_state" AS ENUM('draft', 'pending_review', 'returned', 'approved', 'scheduled', 'published', 'recorded', 'withdrawn', 'invalidated');
  ALTER TABLE "_decision_catalogues_v" ALTER COLUMN "version_workflow_state" SET DEFAULT 'draft'::"public"."enum__decision_catalogues_v_version_workflow_state";
  ALTER TABLE "_decision_catalogues_v" ALTER COLUMN "version_workflow_state" SET DATA TYPE "public"."enum__decision_catalogues_v_version_workflow_state" USING "version_workflow_state"::"public"."enum__decision_catalogues_v_version_workflow_state";
  ALTER TABLE "gongkai_audit_log" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_gongkai_audit_log_action";
  CREATE TYPE "public"."enum_gongkai_audit_log_action" AS ENUM('submit', 'return', 'approve', 'publish', 'schedule', 'unschedule', 'withdraw', 'invalidate', 'force-publish', 'review', 'mask', 'import', 'validity', 'scheduled_publish_failed', 'revert', 'delivered', 'delivery_failed');
  ALTER TABLE "gongkai_audit_log" ALTER COLUMN "action" SET DATA TYPE "public"."enum_gongkai_audit_log_action" USING "action"::"public"."enum_gongkai_audit_log_action";
  ALTER TABLE "deliveries" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_deliveries_action";
  CREATE TYPE "public"."enum_deliveries_action" AS ENUM('publish', 'withdraw', 'validity');
  ALTER TABLE "deliveries" ALTER COLUMN "action" SET DATA TYPE "public"."enum_deliveries_action" USING "action"::"public"."enum_deliveries_action";
  DROP INDEX "policies_workflow_workflow_deleted_by_idx";
  DROP INDEX "_policies_v_version_workflow_version_workflow_deleted_by_idx";
  DROP INDEX "interpretations_workflow_workflow_deleted_by_idx";
  DROP INDEX "_interpretations_v_version_workflow_version_workflow_del_idx";
  DROP INDEX "decisions_workflow_workflow_deleted_by_idx";
  DROP INDEX "_decisions_v_version_workflow_version_workflow_deleted_b_idx";
  DROP INDEX "participation_workflow_workflow_deleted_by_idx";
  DROP INDEX "_participation_v_version_workflow_version_workflow_delet_idx";
  DROP INDEX "decision_catalogues_workflow_workflow_deleted_by_idx";
  DROP INDEX "_decision_catalogues_v_version_workflow_version_workfl_8_idx";
  ALTER TABLE "policies" DROP COLUMN "workflow_deleted_by_id";
  ALTER TABLE "policies" DROP COLUMN "workflow_deleted_at";
  ALTER TABLE "policies" DROP COLUMN "workflow_delete_reason";
  ALTER TABLE "_policies_v" DROP COLUMN "version_workflow_deleted_by_id";
  ALTER TABLE "_policies_v" DROP COLUMN "version_workflow_deleted_at";
  ALTER TABLE "_policies_v" DROP COLUMN "version_workflow_delete_reason";
  ALTER TABLE "interpretations" DROP COLUMN "workflow_deleted_by_id";
  ALTER TABLE "interpretations" DROP COLUMN "workflow_deleted_at";
  ALTER TABLE "interpretations" DROP COLUMN "workflow_delete_reason";
  ALTER TABLE "_interpretations_v" DROP COLUMN "version_workflow_deleted_by_id";
  ALTER TABLE "_interpretations_v" DROP COLUMN "version_workflow_deleted_at";
  ALTER TABLE "_interpretations_v" DROP COLUMN "version_workflow_delete_reason";
  ALTER TABLE "decisions" DROP COLUMN "workflow_deleted_by_id";
  ALTER TABLE "decisions" DROP COLUMN "workflow_deleted_at";
  ALTER TABLE "decisions" DROP COLUMN "workflow_delete_reason";
  ALTER TABLE "_decisions_v" DROP COLUMN "version_workflow_deleted_by_id";
  ALTER TABLE "_decisions_v" DROP COLUMN "version_workflow_deleted_at";
  ALTER TABLE "_decisions_v" DROP COLUMN "version_workflow_delete_reason";
  ALTER TABLE "participation" DROP COLUMN "workflow_deleted_by_id";
  ALTER TABLE "participation" DROP COLUMN "workflow_deleted_at";
  ALTER TABLE "participation" DROP COLUMN "workflow_delete_reason";
  ALTER TABLE "_participation_v" DROP COLUMN "version_workflow_deleted_by_id";
  ALTER TABLE "_participation_v" DROP COLUMN "version_workflow_deleted_at";
  ALTER TABLE "_participation_v" DROP COLUMN "version_workflow_delete_reason";
  ALTER TABLE "decision_catalogues" DROP COLUMN "workflow_deleted_by_id";
  ALTER TABLE "decision_catalogues" DROP COLUMN "workflow_deleted_at";
  ALTER TABLE "decision_catalogues" DROP COLUMN "workflow_delete_reason";
  ALTER TABLE "_decision_catalogues_v" DROP COLUMN "version_workflow_deleted_by_id";
  ALTER TABLE "_decision_catalogues_v" DROP COLUMN "version_workflow_deleted_at";
  ALTER TABLE "_decision_catalogues_v" DROP COLUMN "version_workflow_delete_reason";`)
}
