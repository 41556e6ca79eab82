import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_deliveries_action" AS ENUM('publish', 'withdraw', 'validity');
  CREATE TYPE "public"."enum_deliveries_state" AS ENUM('queued', 'delivering', 'retrying', 'submitted', 'delivered', 'failed', 'skipped', 'cancelled');
  ALTER TYPE "public"."enum_gongkai_audit_log_action" ADD VALUE 'delivered';
  ALTER TYPE "public"."enum_gongkai_audit_log_action" ADD VALUE 'delivery_failed';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'gongkaiDeliver';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'gongkaiDeliver';
  CREATE TABLE "policies_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "_policies_v_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "interpretations_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "_interpretations_v_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "decisions_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "_decisions_v_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "decision_catalogues_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "_decision_catalogues_v_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "deliveries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"document_title" varchar,
  	"document_collection" varchar NOT NULL,
  	"document_id" varchar NOT NULL,
  	"agency_id" integer,
  	"target" varchar NOT NULL,
  	"target_label" varchar,
  	"action" "enum_deliveries_action" NOT NULL,
  	"version" numeric NOT NULL,
  	"state" "enum_deliveries_state" DEFAULT 'queued' NOT NULL,
  	"attempts" numeric DEFAULT 0,
  	"last_error" varchar,
  	"external_id" varchar,
  	"external_url" varchar,
  	"notice" varchar,
  	"last_attempt_at" timestamp(3) with time zone,
  	"next_attempt_at" timestamp(3) with time zone,
  	"delivered_at" timestamp(3) with time zone,
  	"lease_until" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "gongkai_delivery_store" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "deliveries_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "gongkai_delivery_store_id" integer;
  ALTER TABLE "policies_texts" ADD CONSTRAINT "policies_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_policies_v_texts" ADD CONSTRAINT "_policies_v_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_policies_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "interpretations_texts" ADD CONSTRAINT "interpretations_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."interpretations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_interpretations_v_texts" ADD CONSTRAINT "_interpretations_v_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_interpretations_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "decisions_texts" ADD CONSTRAINT "decisions_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_decisions_v_texts" ADD CONSTRAINT "_decisions_v_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_decisions_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "decision_catalogues_texts" ADD CONSTRAINT "decision_catalogues_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."decision_catalogues"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_decision_catalogues_v_texts" ADD CONSTRAINT "_decision_catalogues_v_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_decision_catalogues_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "policies_texts_order_parent" ON "policies_texts" USING btree ("order","parent_id");
  CREATE INDEX "_policies_v_texts_order_parent" ON "_policies_v_texts" USING btree ("order","parent_id");
  CREATE INDEX "interpretations_texts_order_parent" ON "interpretations_texts" USING btree ("order","parent_id");
  CREATE INDEX "_interpretations_v_texts_order_parent" ON "_interpretations_v_texts" USING btree ("order","parent_id");
  CREATE INDEX "decisions_texts_order_parent" ON "decisions_texts" USING btree ("order","parent_id");
  CREATE INDEX "_decisions_v_texts_order_parent" ON "_decisions_v_texts" USING btree ("order","parent_id");
  CREATE INDEX "decision_catalogues_texts_order_parent" ON "decision_catalogues_texts" USING btree ("order","parent_id");
  CREATE INDEX "_decision_catalogues_v_texts_order_parent" ON "_decision_catalogues_v_texts" USING btree ("order","parent_id");
  CREATE INDEX "deliveries_document_collection_idx" ON "deliveries" USING btree ("document_collection");
  CREATE INDEX "deliveries_document_id_idx" ON "deliveries" USING btree ("document_id");
  CREATE INDEX "deliveries_agency_idx" ON "deliveries" USING btree ("agency_id");
  CREATE INDEX "deliveries_target_idx" ON "deliveries" USING btree ("target");
  CREATE INDEX "deliveries_state_idx" ON "deliveries" USING btree ("state");
  CREATE INDEX "deliveries_updated_at_idx" ON "deliveries" USING btree ("updated_at");
  CREATE INDEX "deliveries_created_at_idx" ON "deliveries" USING btree ("created_at");
  CREATE UNIQUE INDEX "gongkai_delivery_store_key_idx" ON "gongkai_delivery_store" USING btree ("key");
  CREATE INDEX "gongkai_delivery_store_updated_at_idx" ON "gongkai_delivery_store" USING btree ("updated_at");
  CREATE INDEX "gongkai_delivery_store_created_at_idx" ON "gongkai_delivery_store" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_deliveries_fk" FOREIGN KEY ("deliveries_id") REFERENCES "public"."deliveries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_gongkai_delivery_store_fk" FOREIGN KEY ("gongkai_delivery_store_id") REFERENCES "public"."gongkai_delivery_store"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_deliveries_id_idx" ON "payload_locked_documents_rels" USING btree ("deliveries_id");
  CREATE INDEX "payload_locked_documents_rels_gongkai_delivery_store_id_idx" ON "payload_locked_documents_rels" USING btree ("gongkai_delivery_store_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "policies_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_policies_v_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "interpretations_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_interpretations_v_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "decisions_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_decisions_v_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "decision_catalogues_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_decision_catalogues_v_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "deliveries" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "gongkai_delivery_store" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "policies_texts" CASCADE;
  DROP TABLE "_policies_v_texts" CASCADE;
  DROP TABLE "interpretations_texts" CASCADE;
  DROP TABLE "_interpretations_v_texts" CASCADE;
  DROP TABLE "decisions_texts" CASCADE;
  DROP TABLE "_decisions_v_texts" CASCADE;
  DROP TABLE "decision_catalogues_texts" CASCADE;
  DROP TABLE "_decision_catalogues_v_texts" CASCADE;
  DROP TABLE "deliveries" CASCADE;
  DROP TABLE "gongkai_delivery_store" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_deliveries_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_gongkai_delivery_store_fk";
  
  ALTER TABLE "gongkai_audit_log" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_gongkai_audit_log_action";
  CREATE TYPE "public"."enum_gongkai_audit_log_action" AS ENUM('submit', 'return', 'approve', 'publish', 'schedule', 'unschedule', 'withdraw', 'invalidate', 'force-publish', 'review', 'mask', 'import', 'validity', 'scheduled_publish_failed', 'revert');
  ALTER TABLE "gongkai_audit_log" ALTER COLUMN "action" SET DATA TYPE "public"."enum_gongkai_audit_log_action" USING "action"::"public"."enum_gongkai_audit_log_action";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'gongkaiScheduledPublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'gongkaiScheduledPublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_deliveries_id_idx";
  DROP INDEX "payload_locked_documents_rels_gongkai_delivery_store_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "deliveries_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "gongkai_delivery_store_id";
  DROP TYPE "public"."enum_deliveries_action";
  DROP TYPE "public"."enum_deliveries_state";`)
}
