import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_gongkai_attachments_text_extraction_status" AS ENUM('extracted', 'unreadable');
  ALTER TYPE "public"."enum_policies_workflow_state" ADD VALUE 'recorded' BEFORE 'withdrawn';
  ALTER TYPE "public"."enum__policies_v_version_workflow_state" ADD VALUE 'recorded' BEFORE 'withdrawn';
  ALTER TYPE "public"."enum_interpretations_workflow_state" ADD VALUE 'recorded' BEFORE 'withdrawn';
  ALTER TYPE "public"."enum__interpretations_v_version_workflow_state" ADD VALUE 'recorded' BEFORE 'withdrawn';
  ALTER TYPE "public"."enum_decisions_workflow_state" ADD VALUE 'recorded' BEFORE 'withdrawn';
  ALTER TYPE "public"."enum__decisions_v_version_workflow_state" ADD VALUE 'recorded' BEFORE 'withdrawn';
  ALTER TYPE "public"."enum_participation_workflow_state" ADD VALUE 'recorded' BEFORE 'withdrawn';
  ALTER TYPE "public"."enum__participation_v_version_workflow_state" ADD VALUE 'recorded' BEFORE 'withdrawn';
  ALTER TABLE "policies" ADD COLUMN "workflow_recorded_by_id" integer;
  ALTER TABLE "policies" ADD COLUMN "workflow_recorded_at" timestamp(3) with time zone;
  ALTER TABLE "_policies_v" ADD COLUMN "version_workflow_recorded_by_id" integer;
  ALTER TABLE "_policies_v" ADD COLUMN "version_workflow_recorded_at" timestamp(3) with time zone;
  ALTER TABLE "interpretations" ADD COLUMN "workflow_recorded_by_id" integer;
  ALTER TABLE "interpretations" ADD COLUMN "workflow_recorded_at" timestamp(3) with time zone;
  ALTER TABLE "_interpretations_v" ADD COLUMN "version_workflow_recorded_by_id" integer;
  ALTER TABLE "_interpretations_v" ADD COLUMN "version_workflow_recorded_at" timestamp(3) with time zone;
  ALTER TABLE "decisions" ADD COLUMN "workflow_recorded_by_id" integer;
  ALTER TABLE "decisions" ADD COLUMN "workflow_recorded_at" timestamp(3) with time zone;
  ALTER TABLE "_decisions_v" ADD COLUMN "version_workflow_recorded_by_id" integer;
  ALTER TABLE "_decisions_v" ADD COLUMN "version_workflow_recorded_at" timestamp(3) with time zone;
  ALTER TABLE "participation" ADD COLUMN "workflow_recorded_by_id" integer;
  ALTER TABLE "participation" ADD COLUMN "workflow_recorded_at" timestamp(3) with time zone;
  ALTER TABLE "_participation_v" ADD COLUMN "version_workflow_recorded_by_id" integer;
  ALTER TABLE "_participation_v" ADD COLUMN "version_workflow_recorded_at" timestamp(3) with time zone;
  ALTER TABLE "gongkai_attachments" ADD COLUMN "uploading_agency_id" integer;
  ALTER TABLE "gongkai_attachments" ADD COLUMN "text_extraction_status" "enum_gongkai_attachments_text_extraction_status";
  ALTER TABLE "gongkai_attachments" ADD COLUMN "text_extraction_reason" varchar;
  ALTER TABLE "gongkai_attachments" ADD COLUMN "text_extraction_segments" jsonb;
  ALTER TABLE "gongkai_attachments" ADD COLUMN "manual_review_confirmed_by_id" integer;
  ALTER TABLE "gongkai_attachments" ADD COLUMN "manual_review_confirmed_at" timestamp(3) with time zone;
  ALTER TABLE "gongkai_attachments" ADD COLUMN "manual_review_note" varchar;
  ALTER TABLE "policies" ADD CONSTRAINT "policies_workflow_recorded_by_id_users_id_fk" FOREIGN KEY ("workflow_recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_policies_v" ADD CONSTRAINT "_policies_v_version_workflow_recorded_by_id_users_id_fk" FOREIGN KEY ("version_workflow_recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "interpretations" ADD CONSTRAINT "interpretations_workflow_recorded_by_id_users_id_fk" FOREIGN KEY ("workflow_recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_interpretations_v" ADD CONSTRAINT "_interpretations_v_version_workflow_recorded_by_id_users_id_fk" FOREIGN KEY ("version_workflow_recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decisions" ADD CONSTRAINT "decisions_workflow_recorded_by_id_users_id_fk" FOREIGN KEY ("workflow_recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_decisions_v" ADD CONSTRAINT "_decisions_v_version_workflow_recorded_by_id_users_id_fk" FOREIGN KEY ("version_workflow_recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "participation" ADD CONSTRAINT "participation_workflow_recorded_by_id_users_id_fk" FOREIGN KEY ("workflow_recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_participation_v" ADD CONSTRAINT "_participation_v_version_workflow_recorded_by_id_users_id_fk" FOREIGN KEY ("version_workflow_recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "gongkai_attachments" ADD CONSTRAINT "gongkai_attachments_uploading_agency_id_agencies_id_fk" FOREIGN KEY ("uploading_agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "gongkai_attachments" ADD CONSTRAINT "gongkai_attachments_manual_review_confirmed_by_id_users_id_fk" FOREIGN KEY ("manual_review_confirmed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "policies_workflow_workflow_recorded_by_idx" ON "policies" USING btree ("workflow_recorded_by_id");
  CREATE INDEX "_policies_v_version_workflow_version_workflow_recorded_b_idx" ON "_policies_v" USING btree ("version_workflow_recorded_by_id");
  CREATE INDEX "interpretations_workflow_workflow_recorded_by_idx" ON "interpretations" USING btree ("workflow_recorded_by_id");
  CREATE INDEX "_interpretations_v_version_workflow_version_workflow_rec_idx" ON "_interpretations_v" USING btree ("version_workflow_recorded_by_id");
  CREATE INDEX "decisions_workflow_workflow_recorded_by_idx" ON "decisions" USING btree ("workflow_recorded_by_id");
  CREATE INDEX "_decisions_v_version_workflow_version_workflow_recorded__idx" ON "_decisions_v" USING btree ("version_workflow_recorded_by_id");
  CREATE INDEX "participation_workflow_workflow_recorded_by_idx" ON "participation" USING btree ("workflow_recorded_by_id");
  CREATE INDEX "_participation_v_version_workflow_version_workflow_recor_idx" ON "_participation_v" USING btree ("version_workflow_recorded_by_id");
  CREATE INDEX "gongkai_attachments_uploading_agency_idx" ON "gongkai_attachments" USING btree ("uploading_agency_id");
  CREATE INDEX "gongkai_attachments_manual_review_manual_review_confirme_idx" ON "gongkai_attachments" USING btree ("manual_review_confirmed_by_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "policies" DROP CONSTRAINT "policies_workflow_recorded_by_id_users_id_fk";
  
  ALTER TABLE "_policies_v" DROP CONSTRAINT "_policies_v_version_workflow_recorded_by_id_users_id_fk";
  
  ALTER TABLE "interpretations" DROP CONSTRAINT "interpretations_workflow_recorded_by_id_users_id_fk";
  
  ALTER TABLE "_interpretations_v" DROP CONSTRAINT "_interpretations_v_version_workflow_recorded_by_id_users_id_fk";
  
  ALTER TABLE "decisions" DROP CONSTRAINT "decisions_workflow_recorded_by_id_users_id_fk";
  
  ALTER TABLE "_decisions_v" DROP CONSTRAINT "_decisions_v_version_workflow_recorded_by_id_users_id_fk";
  
  ALTER TABLE "participation" DROP CONSTRAINT "participation_workflow_recorded_by_id_users_id_fk";
  
  ALTER TABLE "_participation_v" DROP CONSTRAINT "_participation_v_version_workflow_recorded_by_id_users_id_fk";
  
  ALTER TABLE "gongkai_attachments" DROP CONSTRAINT "gongkai_attachments_uploading_agency_id_agencies_id_fk";
  
  ALTER TABLE "gongkai_attachments" DROP CONSTRAINT "gongkai_attachments_manual_review_confirmed_by_id_users_id_fk";
  
  ALTER TABLE "policies" ALTER COLUMN "workflow_state" SET DATA TYPE text;
  ALTER TABLE "policies" ALTER COLUMN "workflow_state" SET DEFAULT 'draft'::text;
  DROP TYPE "public"."enum_policies_workflow_state";
  CREATE TYPE "public"."enum_policies_workflow_state" AS ENUM('draft', 'pending_review', 'returned', 'approved', 'scheduled', 'published', 'withdrawn', 'invalidated');
  ALTER TABLE "policies" ALTER COLUMN "workflow_state" SET DEFAULT 'draft'::"public"."enum_policies_workflow_state";
  ALTER TABLE "policies" ALTER COLUMN "workflow_state" SET DATA TYPE "public"."enum_policies_workflow_state" USING "workflow_state"::"public"."enum_policies_workflow_state";
  ALTER TABLE "_policies_v" ALTER COLUMN "version_workflow_state" SET DATA TYPE text;
  ALTER TABLE "_policies_v" ALTER COLUMN "version_workflow_state" SET DEFAULT 'draft'::text;
  DROP TYPE "public"."enum__policies_v_version_workflow_state";
  CREATE TYPE "public"."enum__policies_v_version_workflow_state" AS ENUM('draft', 'pending_review', 'returned', 'approved', 'scheduled', 'published', 'withdrawn', 'invalidated');
  ALTER TABLE "_policies_v" ALTER COLUMN "version_workflow_state" SET DEFAULT 'draft'::"public"."enum__policies_v_version_workflow_state";
  ALTER TABLE "_policies_v" ALTER COLUMN "version_workflow_state" SET DATA TYPE "public"."enum__policies_v_version_workflow_state" USING "version_workflow_state"::"public"."enum__policies_v_version_workflow_state";
  ALTER TABLE "interpretations" ALTER COLUMN "workflow_state" SET DATA TYPE text;
  ALTER TABLE "interpretations" ALTER COLUMN "workflow_state" SET DEFAULT 'draft'::text;
  DROP TYPE "public"."enum_interpretations_workflow_state";
  CREATE TYPE "public"."enum_interpretations_workflow_state" AS ENUM('draft', 'pending_review', 'returned', 'approved', 'scheduled', 'published', 'withdrawn', 'invalidated');
  ALTER TABLE "interpretations" ALTER COLUMN "workflow_state" SET DEFAULT 'draft'::"public"."enum_interpretations_workflow_state";
  ALTER TABLE "interpretations" ALTER COLUMN "workflow_state" SET DATA TYPE "public"."enum_interpretations_workflow_state" USING "workflow_state"::"public"."enum_interpretations_workflow_state";
  ALTER TABLE "_interpretations_v" ALTER COLUMN "version_workflow_state" SET DATA TYPE text;
  ALTER TABLE "_interpretations_v" ALTER COLUMN "version_workflow_state" SET DEFAULT 'draft'::text;
  DROP TYPE "public"."enum__interpretations_v_version_workflow_state";
  CREATE TYPE "public"."enum__interpretations_v_version_workflow_state" AS ENUM('draft', 'pending_review', 'returned', 'approved', 'scheduled', 'published', 'withdrawn', 'invalidated');
  ALTER TABLE "_interpretations_v" ALTER COLUMN "version_workflow_state" SET DEFAULT 'draft'::"public"."enum__interpretations_v_version_workflow_state";
  ALTER TABLE "_interpretations_v" ALTER COLUMN "version_workflow_state" SET DATA TYPE "public"."enum__interpretations_v_version_workflow_state" USING "version_workflow_state"::"public"."enum__interpretations_v_version_workflow_state";
  ALTER TABLE "decisions" ALTER COLUMN "workflow_state" SET DATA TYPE text;
  ALTER TABLE "decisions" ALTER COLUMN "workflow_state" SET DEFAULT 'draft'::text;
  DROP TYPE "public"."enum_decisions_workflow_state";
  CREATE TYPE "public"."enum_decisions_workflow_state" AS ENUM('draft', 'pending_review', 'returned', 'approved', 'scheduled', 'published', 'withdrawn', 'invalidated');
  ALTER TABLE "decisions" ALTER COLUMN "workflow_state" SET DEFAULT 'draft'::"public"."enum_decisions_workflow_state";
  ALTER TABLE "decisions" ALTER COLUMN "workflow_state" SET DATA TYPE "public"."enum_decisions_workflow_state" USING "workflow_state"::"public"."enum_decisions_workflow_state";
  ALTER TABLE "_decisions_v" ALTER COLUMN "version_workflow_state" SET DATA TYPE text;
  ALTER TABLE "_decisions_v" ALTER COLUMN "version_workflow_state" SET DEFAULT 'draft'::text;
  DROP TYPE "public"."enum__decisions_v_version_workflow_state";
  CREATE TYPE "public"."enum__decisions_v_version_workflow_state" AS ENUM('draft', 'pending_review', 'returned', 'approved', 'scheduled', 'published', 'withdrawn', 'invalidated');
  ALTER TABLE "_decisions_v" ALTER COLUMN "version_workflow_state" SET DEFAULT 'draft'::"public"."enum__decisions_v_version_workflow_state";
  ALTER TABLE "_decisions_v" ALTER COLUMN "version_workflow_state" SET DATA TYPE "public"."enum__decisions_v_version_workflow_state" USING "version_workflow_state"::"public"."enum__decisions_v_version_workflow_state";
  ALTER TABLE "participation" ALTER COLUMN "workflow_state" SET DATA TYPE text;
  ALTER TABLE "participation" ALTER COLUMN "workflow_state" SET DEFAULT 'draft'::text;
  DROP TYPE "public"."enum_participation_workflow_state";
  CREATE TYPE "public"."enum_participation_workflow_state" AS ENUM('draft', 'pending_review', 'returned', 'approved', 'scheduled', 'published', 'withdrawn', 'invalidated');
  ALTER TABLE "participation" ALTER COLUMN "workflow_state" SET DEFAULT 'draft'::"public"."enum_participation_workflow_state";
  ALTER TABLE "participation" ALTER COLUMN "workflow_state" SET DATA TYPE "public"."enum_participation_workflow_state" USING "workflow_state"::"public"."enum_participation_workflow_state";
  ALTER TABLE "_participation_v" ALTER COLUMN "version_workflow_state" SET DATA TYPE text;
  ALTER TABLE "_participation_v" ALTER COLUMN "version_workflow_state" SET DEFAULT 'draft'::text;
  DROP TYPE "public"."enum__participation_v_version_workflow_state";
  CREATE TYPE "public"."enum__participation_v_version_workflow_state" AS ENUM('draft', 'pending_review', 'returned', 'approved', 'scheduled', 'published', 'withdrawn', 'invalidated');
  ALTER TABLE "_participation_v" ALTER COLUMN "version_workflow_state" SET DEFAULT 'draft'::"public"."enum__participation_v_version_workflow_state";
  ALTER TABLE "_participation_v" ALTER COLUMN "version_workflow_state" SET DATA TYPE "public"."enum__participation_v_version_workflow_state" USING "version_workflow_state"::"public"."enum__participation_v_version_workflow_state";
  DROP INDEX "policies_workflow_workflow_recorded_by_idx";
  DROP INDEX "_policies_v_version_workflow_version_workflow_recorded_b_idx";
  DROP INDEX "interpretations_workflow_workflow_recorded_by_idx";
  DROP INDEX "_interpretations_v_version_workflow_version_workflow_rec_idx";
  DROP INDEX "decisions_workflow_workflow_recorded_by_idx";
  DROP INDEX "_decisions_v_version_workflow_version_workflow_recorded__idx";
  DROP INDEX "participation_workflow_workflow_recorded_by_idx";
  DROP INDEX "_participation_v_version_workflow_version_workflow_recor_idx";
  DROP INDEX "gongkai_attachments_uploading_agency_idx";
  DROP INDEX "gongkai_attachments_manual_review_manual_review_confirme_idx";
  ALTER TABLE "policies" DROP COLUMN "workflow_recorded_by_id";
  ALTER TABLE "policies" DROP COLUMN "workflow_recorded_at";
  ALTER TABLE "_policies_v" DROP COLUMN "version_workflow_recorded_by_id";
  ALTER TABLE "_policies_v" DROP COLUMN "version_workflow_recorded_at";
  ALTER TABLE "interpretations" DROP COLUMN "workflow_recorded_by_id";
  ALTER TABLE "interpretations" DROP COLUMN "workflow_recorded_at";
  ALTER TABLE "_interpretations_v" DROP COLUMN "version_workflow_recorded_by_id";
  ALTER TABLE "_interpretations_v" DROP COLUMN "version_workflow_recorded_at";
  ALTER TABLE "decisions" DROP COLUMN "workflow_recorded_by_id";
  ALTER TABLE "decisions" DROP COLUMN "workflow_recorded_at";
  ALTER TABLE "_decisions_v" DROP COLUMN "version_workflow_recorded_by_id";
  ALTER TABLE "_decisions_v" DROP COLUMN "version_workflow_recorded_at";
  ALTER TABLE "participation" DROP COLUMN "workflow_recorded_by_id";
  ALTER TABLE "participation" DROP COLUMN "workflow_recorded_at";
  ALTER TABLE "_participation_v" DROP COLUMN "version_workflow_recorded_by_id";
  ALTER TABLE "_participation_v" DROP COLUMN "version_workflow_recorded_at";
  ALTER TABLE "gongkai_attachments" DROP COLUMN "uploading_agency_id";
  ALTER TABLE "gongkai_attachments" DROP COLUMN "text_extraction_status";
  ALTER TABLE "gongkai_attachments" DROP COLUMN "text_extraction_reason";
  ALTER TABLE "gongkai_attachments" DROP COLUMN "text_extraction_segments";
  ALTER TABLE "gongkai_attachments" DROP COLUMN "manual_review_confirmed_by_id";
  ALTER TABLE "gongkai_attachments" DROP COLUMN "manual_review_confirmed_at";
  ALTER TABLE "gongkai_attachments" DROP COLUMN "manual_review_note";
  DROP TYPE "public"."enum_gongkai_attachments_text_extraction_status";`)
}
