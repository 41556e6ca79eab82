import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_decisions_implementation_records_kind" AS ENUM('progress', 'adjustment', 'suspension');
  CREATE TYPE "public"."enum_decisions_consultation_form" AS ENUM('public_solicitation', 'hearing', 'symposium', 'field_visit', 'written', 'other');
  CREATE TYPE "public"."enum_decisions_expert_review_disclosure" AS ENUM('public', 'not_public');
  CREATE TYPE "public"."enum_decisions_risk_assessment_disclosure" AS ENUM('public', 'not_public');
  CREATE TYPE "public"."enum_decisions_legality_review_conclusion" AS ENUM('lawful', 'lawful_after_changes', 'unlawful');
  CREATE TYPE "public"."enum_decisions_effect_evaluation_disclosure" AS ENUM('public', 'not_public');
  CREATE TYPE "public"."enum__decisions_v_version_implementation_records_kind" AS ENUM('progress', 'adjustment', 'suspension');
  CREATE TYPE "public"."enum__decisions_v_version_consultation_form" AS ENUM('public_solicitation', 'hearing', 'symposium', 'field_visit', 'written', 'other');
  CREATE TYPE "public"."enum__decisions_v_version_expert_review_disclosure" AS ENUM('public', 'not_public');
  CREATE TYPE "public"."enum__decisions_v_version_risk_assessment_disclosure" AS ENUM('public', 'not_public');
  CREATE TYPE "public"."enum__decisions_v_version_legality_review_conclusion" AS ENUM('lawful', 'lawful_after_changes', 'unlawful');
  CREATE TYPE "public"."enum__decisions_v_version_effect_evaluation_disclosure" AS ENUM('public', 'not_public');
  CREATE TYPE "public"."enum_participation_meeting_kind" AS ENUM('executive_meeting', 'plenary_meeting', 'special_meeting', 'other');
  CREATE TYPE "public"."enum_participation_selection_method" AS ENUM('open_registration', 'invitation');
  CREATE TYPE "public"."enum__participation_v_version_meeting_kind" AS ENUM('executive_meeting', 'plenary_meeting', 'special_meeting', 'other');
  CREATE TYPE "public"."enum__participation_v_version_selection_method" AS ENUM('open_registration', 'invitation');
  CREATE TYPE "public"."enum_participation_registrations_sector" AS ENUM('resident', 'enterprise', 'expert', 'deputy', 'cppcc_member', 'social_organization', 'media', 'other');
  CREATE TYPE "public"."enum_participation_registrations_status" AS ENUM('pending', 'selected', 'not_selected');
  CREATE TYPE "public"."enum_decision_catalogues_items_stage" AS ENUM('catalogued', 'drafting', 'soliciting_comments', 'reviewing', 'deciding', 'decided', 'implementing', 'evaluated');
  CREATE TYPE "public"."enum_decision_catalogues_adjustments_kind" AS ENUM('add', 'remove');
  CREATE TYPE "public"."enum_decision_catalogues_workflow_state" AS ENUM('draft', 'pending_review', 'returned', 'approved', 'scheduled', 'published', 'recorded', 'withdrawn', 'invalidated');
  CREATE TYPE "public"."enum_decision_catalogues_review_conclusion" AS ENUM('passed', 'failed');
  CREATE TYPE "public"."enum_decision_catalogues_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__decision_catalogues_v_version_items_stage" AS ENUM('catalogued', 'drafting', 'soliciting_comments', 'reviewing', 'deciding', 'decided', 'implementing', 'evaluated');
  CREATE TYPE "public"."enum__decision_catalogues_v_version_adjustments_kind" AS ENUM('add', 'remove');
  CREATE TYPE "public"."enum__decision_catalogues_v_version_workflow_state" AS ENUM('draft', 'pending_review', 'returned', 'approved', 'scheduled', 'published', 'recorded', 'withdrawn', 'invalidated');
  CREATE TYPE "public"."enum__decision_catalogues_v_review_conclusion" AS ENUM('passed', 'failed');
  CREATE TYPE "public"."enum__decision_catalogues_v_version_status" AS ENUM('draft', 'published');
  CREATE TABLE "decisions_implementation_records" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"kind" "enum_decisions_implementation_records_kind" DEFAULT 'progress',
  	"content" varchar
  );
  
  CREATE TABLE "_decisions_v_version_implementation_records" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"kind" "enum__decisions_v_version_implementation_records_kind" DEFAULT 'progress',
  	"content" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "participation_registrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"participation_id" integer NOT NULL,
  	"agency_id" integer,
  	"name" varchar NOT NULL,
  	"phone" varchar NOT NULL,
  	"id_number" varchar,
  	"sector" "enum_participation_registrations_sector" NOT NULL,
  	"statement" varchar,
  	"registered_at" timestamp(3) with time zone NOT NULL,
  	"status" "enum_participation_registrations_status" DEFAULT 'pending' NOT NULL,
  	"display_name" varchar,
  	"selection_reason" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "decision_catalogues_items" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"decision_id" integer,
  	"stage" "enum_decision_catalogues_items_stage",
  	"planned_completion" varchar
  );
  
  CREATE TABLE "decision_catalogues_adjustments" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"kind" "enum_decision_catalogues_adjustments_kind",
  	"decision_id" integer,
  	"date" timestamp(3) with time zone,
  	"reason" varchar
  );
  
  CREATE TABLE "decision_catalogues" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"year" numeric,
  	"agency_id" integer,
  	"title" varchar,
  	"workflow_state" "enum_decision_catalogues_workflow_state" DEFAULT 'draft',
  	"last_edited_by_id" integer,
  	"content_changed_at" timestamp(3) with time zone,
  	"workflow_submitted_by_id" integer,
  	"workflow_submitted_at" timestamp(3) with time zone,
  	"workflow_returned_by_id" integer,
  	"workflow_returned_at" timestamp(3) with time zone,
  	"workflow_return_reason" varchar,
  	"workflow_approved_by_id" integer,
  	"workflow_approved_at" timestamp(3) with time zone,
  	"workflow_scheduled_by_id" integer,
  	"workflow_scheduled_for" timestamp(3) with time zone,
  	"workflow_scheduled_job_id" varchar,
  	"workflow_published_by_id" integer,
  	"workflow_published_at" timestamp(3) with time zone,
  	"workflow_first_published_at" timestamp(3) with time zone,
  	"workflow_force_publish_reason" varchar,
  	"workflow_recorded_by_id" integer,
  	"workflow_recorded_at" timestamp(3) with time zone,
  	"workflow_withdrawn_by_id" integer,
  	"workflow_withdrawn_at" timestamp(3) with time zone,
  	"workflow_withdraw_reason" varchar,
  	"workflow_invalidated_by_id" integer,
  	"workflow_invalidated_at" timestamp(3) with time zone,
  	"confidentiality_review_reviewer_id" integer,
  	"confidentiality_review_reviewed_at" timestamp(3) with time zone,
  	"confidentiality_review_conclusion" "enum_decision_catalogues_review_conclusion",
  	"confidentiality_review_basis" varchar,
  	"confidentiality_review_reviewed_version_updated_at" timestamp(3) with time zone,
  	"confidentiality_review_reviewed_content_hash" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_decision_catalogues_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_decision_catalogues_v_version_items" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"decision_id" integer,
  	"stage" "enum__decision_catalogues_v_version_items_stage",
  	"planned_completion" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_decision_catalogues_v_version_adjustments" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"kind" "enum__decision_catalogues_v_version_adjustments_kind",
  	"decision_id" integer,
  	"date" timestamp(3) with time zone,
  	"reason" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_decision_catalogues_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_year" numeric,
  	"version_agency_id" integer,
  	"version_title" varchar,
  	"version_workflow_state" "enum__decision_catalogues_v_version_workflow_state" DEFAULT 'draft',
  	"version_last_edited_by_id" integer,
  	"version_content_changed_at" timestamp(3) with time zone,
  	"version_workflow_submitted_by_id" integer,
  	"version_workflow_submitted_at" timestamp(3) with time zone,
  	"version_workflow_returned_by_id" integer,
  	"version_workflow_returned_at" timestamp(3) with time zone,
  	"version_workflow_return_reason" varchar,
  	"version_workflow_approved_by_id" integer,
  	"version_workflow_approved_at" timestamp(3) with time zone,
  	"version_workflow_scheduled_by_id" integer,
  	"version_workflow_scheduled_for" timestamp(3) with time zone,
  	"version_workflow_scheduled_job_id" varchar,
  	"version_workflow_published_by_id" integer,
  	"version_workflow_published_at" timestamp(3) with time zone,
  	"version_workflow_first_published_at" timestamp(3) with time zone,
  	"version_workflow_force_publish_reason" varchar,
  	"version_workflow_recorded_by_id" integer,
  	"version_workflow_recorded_at" timestamp(3) with time zone,
  	"version_workflow_withdrawn_by_id" integer,
  	"version_workflow_withdrawn_at" timestamp(3) with time zone,
  	"version_workflow_withdraw_reason" varchar,
  	"version_workflow_invalidated_by_id" integer,
  	"version_workflow_invalidated_at" timestamp(3) with time zone,
  	"version_confidentiality_review_reviewer_id" integer,
  	"version_confidentiality_review_reviewed_at" timestamp(3) with time zone,
  	"version_confidentiality_review_conclusion" "enum__decision_catalogues_v_review_conclusion",
  	"version_confidentiality_review_basis" varchar,
  	"version_confidentiality_review_reviewed_version_updated_at" timestamp(3) with time zone,
  	"version_confidentiality_review_reviewed_content_hash" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__decision_catalogues_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  ALTER TABLE "decisions" ADD COLUMN "consultation_form" "enum_decisions_consultation_form" DEFAULT 'public_solicitation';
  ALTER TABLE "decisions" ADD COLUMN "shortened_period_reason" varchar;
  ALTER TABLE "decisions" ADD COLUMN "comment_notice_id" integer;
  ALTER TABLE "decisions" ADD COLUMN "expert_review_date" timestamp(3) with time zone;
  ALTER TABLE "decisions" ADD COLUMN "expert_review_disclosure" "enum_decisions_expert_review_disclosure";
  ALTER TABLE "decisions" ADD COLUMN "expert_review_non_disclosure_reason" varchar;
  ALTER TABLE "decisions" ADD COLUMN "risk_assessment_date" timestamp(3) with time zone;
  ALTER TABLE "decisions" ADD COLUMN "risk_assessment_disclosure" "enum_decisions_risk_assessment_disclosure";
  ALTER TABLE "decisions" ADD COLUMN "risk_assessment_non_disclosure_reason" varchar;
  ALTER TABLE "decisions" ADD COLUMN "legality_review_date" timestamp(3) with time zone;
  ALTER TABLE "decisions" ADD COLUMN "legality_review_conclusion" "enum_decisions_legality_review_conclusion";
  ALTER TABLE "decisions" ADD COLUMN "effect_evaluation_date" timestamp(3) with time zone;
  ALTER TABLE "decisions" ADD COLUMN "effect_evaluation_disclosure" "enum_decisions_effect_evaluation_disclosure";
  ALTER TABLE "decisions" ADD COLUMN "effect_evaluation_non_disclosure_reason" varchar;
  ALTER TABLE "_decisions_v" ADD COLUMN "version_consultation_form" "enum__decisions_v_version_consultation_form" DEFAULT 'public_solicitation';
  ALTER TABLE "_decisions_v" ADD COLUMN "version_shortened_period_reason" varchar;
  ALTER TABLE "_decisions_v" ADD COLUMN "version_comment_notice_id" integer;
  ALTER TABLE "_decisions_v" ADD COLUMN "version_expert_review_date" timestamp(3) with time zone;
  ALTER TABLE "_decisions_v" ADD COLUMN "version_expert_review_disclosure" "enum__decisions_v_version_expert_review_disclosure";
  ALTER TABLE "_decisions_v" ADD COLUMN "version_expert_review_non_disclosure_reason" varchar;
  ALTER TABLE "_decisions_v" ADD COLUMN "version_risk_assessment_date" timestamp(3) with time zone;
  ALTER TABLE "_decisions_v" ADD COLUMN "version_risk_assessment_disclosure" "enum__decisions_v_version_risk_assessment_disclosure";
  ALTER TABLE "_decisions_v" ADD COLUMN "version_risk_assessment_non_disclosure_reason" varchar;
  ALTER TABLE "_decisions_v" ADD COLUMN "version_legality_review_date" timestamp(3) with time zone;
  ALTER TABLE "_decisions_v" ADD COLUMN "version_legality_review_conclusion" "enum__decisions_v_version_legality_review_conclusion";
  ALTER TABLE "_decisions_v" ADD COLUMN "version_effect_evaluation_date" timestamp(3) with time zone;
  ALTER TABLE "_decisions_v" ADD COLUMN "version_effect_evaluation_disclosure" "enum__decisions_v_version_effect_evaluation_disclosure";
  ALTER TABLE "_decisions_v" ADD COLUMN "version_effect_evaluation_non_disclosure_reason" varchar;
  ALTER TABLE "participation" ADD COLUMN "meeting_kind" "enum_participation_meeting_kind";
  ALTER TABLE "participation" ADD COLUMN "selection_method" "enum_participation_selection_method";
  ALTER TABLE "participation" ADD COLUMN "selection_date" timestamp(3) with time zone;
  ALTER TABLE "participation" ADD COLUMN "selection_note" varchar;
  ALTER TABLE "_participation_v" ADD COLUMN "version_meeting_kind" "enum__participation_v_version_meeting_kind";
  ALTER TABLE "_participation_v" ADD COLUMN "version_selection_method" "enum__participation_v_version_selection_method";
  ALTER TABLE "_participation_v" ADD COLUMN "version_selection_date" timestamp(3) with time zone;
  ALTER TABLE "_participation_v" ADD COLUMN "version_selection_note" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "participation_registrations_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "decision_catalogues_id" integer;
  ALTER TABLE "decisions_implementation_records" ADD CONSTRAINT "decisions_implementation_records_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_decisions_v_version_implementation_records" ADD CONSTRAINT "_decisions_v_version_implementation_records_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_decisions_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "participation_registrations" ADD CONSTRAINT "participation_registrations_participation_id_participation_id_fk" FOREIGN KEY ("participation_id") REFERENCES "public"."participation"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "participation_registrations" ADD CONSTRAINT "participation_registrations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decision_catalogues_items" ADD CONSTRAINT "decision_catalogues_items_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decision_catalogues_items" ADD CONSTRAINT "decision_catalogues_items_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."decision_catalogues"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "decision_catalogues_adjustments" ADD CONSTRAINT "decision_catalogues_adjustments_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decision_catalogues_adjustments" ADD CONSTRAINT "decision_catalogues_adjustments_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."decision_catalogues"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "decision_catalogues" ADD CONSTRAINT "decision_catalogues_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decision_catalogues" ADD CONSTRAINT "decision_catalogues_last_edited_by_id_users_id_fk" FOREIGN KEY ("last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decision_catalogues" ADD CONSTRAINT "decision_catalogues_workflow_submitted_by_id_users_id_fk" FOREIGN KEY ("workflow_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decision_catalogues" ADD CONSTRAINT "decision_catalogues_workflow_returned_by_id_users_id_fk" FOREIGN KEY ("workflow_returned_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decision_catalogues" ADD CONSTRAINT "decision_catalogues_workflow_approved_by_id_users_id_fk" FOREIGN KEY ("workflow_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decision_catalogues" ADD CONSTRAINT "decision_catalogues_workflow_scheduled_by_id_users_id_fk" FOREIGN KEY ("workflow_scheduled_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decision_catalogues" ADD CONSTRAINT "decision_catalogues_workflow_published_by_id_users_id_fk" FOREIGN KEY ("workflow_published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decision_catalogues" ADD CONSTRAINT "decision_catalogues_workflow_recorded_by_id_users_id_fk" FOREIGN KEY ("workflow_recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decision_catalogues" ADD CONSTRAINT "decision_catalogues_workflow_withdrawn_by_id_users_id_fk" FOREIGN KEY ("workflow_withdrawn_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decision_catalogues" ADD CONSTRAINT "decision_catalogues_workflow_invalidated_by_id_users_id_fk" FOREIGN KEY ("workflow_invalidated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decision_catalogues" ADD CONSTRAINT "decision_catalogues_confidentiality_review_reviewer_id_users_id_fk" FOREIGN KEY ("confidentiality_review_reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_decision_catalogues_v_version_items" ADD CONSTRAINT "_decision_catalogues_v_version_items_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_decision_catalogues_v_version_items" ADD CONSTRAINT "_decision_catalogues_v_version_items_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_decision_catalogues_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_decision_catalogues_v_version_adjustments" ADD CONSTRAINT "_decision_catalogues_v_version_adjustments_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_decision_catalogues_v_version_adjustments" ADD CONSTRAINT "_decision_catalogues_v_version_adjustments_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_decision_catalogues_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_decision_catalogues_v" ADD CONSTRAINT "_decision_catalogues_v_parent_id_decision_catalogues_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."decision_catalogues"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_decision_catalogues_v" ADD CONSTRAINT "_decision_catalogues_v_version_agency_id_agencies_id_fk" FOREIGN KEY ("version_agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_decision_catalogues_v" ADD CONSTRAINT "_decision_catalogues_v_version_last_edited_by_id_users_id_fk" FOREIGN KEY ("version_last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_decision_catalogues_v" ADD CONSTRAINT "_decision_catalogues_v_version_workflow_submitted_by_id_users_id_fk" FOREIGN KEY ("version_workflow_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_decision_catalogues_v" ADD CONSTRAINT "_decision_catalogues_v_version_workflow_returned_by_id_users_id_fk" FOREIGN KEY ("version_workflow_returned_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_decision_catalogues_v" ADD CONSTRAINT "_decision_catalogues_v_version_workflow_approved_by_id_users_id_fk" FOREIGN KEY ("version_workflow_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_decision_catalogues_v" ADD CONSTRAINT "_decision_catalogues_v_version_workflow_scheduled_by_id_users_id_fk" FOREIGN KEY ("version_workflow_scheduled_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_decision_catalogues_v" ADD CONSTRAINT "_decision_catalogues_v_version_workflow_published_by_id_users_id_fk" FOREIGN KEY ("version_workflow_published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_decision_catalogues_v" ADD CONSTRAINT "_decision_catalogues_v_version_workflow_recorded_by_id_users_id_fk" FOREIGN KEY ("version_workflow_recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_decision_catalogues_v" ADD CONSTRAINT "_decision_catalogues_v_version_workflow_withdrawn_by_id_users_id_fk" FOREIGN KEY ("version_workflow_withdrawn_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_decision_catalogues_v" ADD CONSTRAINT "_decision_catalogues_v_version_workflow_invalidated_by_id_users_id_fk" FOREIGN KEY ("version_workflow_invalidated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_decision_catalogues_v" ADD CONSTRAINT "_decision_catalogues_v_version_confidentiality_review_reviewer_id_users_id_fk" FOREIGN KEY ("version_confidentiality_review_reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "decisions_implementation_records_order_idx" ON "decisions_implementation_records" USING btree ("_order");
  CREATE INDEX "decisions_implementation_records_parent_id_idx" ON "decisions_implementation_records" USING btree ("_parent_id");
  CREATE INDEX "_decisions_v_version_implementation_records_order_idx" ON "_decisions_v_version_implementation_records" USING btree ("_order");
  CREATE INDEX "_decisions_v_version_implementation_records_parent_id_idx" ON "_decisions_v_version_implementation_records" USING btree ("_parent_id");
  CREATE INDEX "participation_registrations_participation_idx" ON "participation_registrations" USING btree ("participation_id");
  CREATE INDEX "participation_registrations_agency_idx" ON "participation_registrations" USING btree ("agency_id");
  CREATE INDEX "participation_registrations_updated_at_idx" ON "participation_registrations" USING btree ("updated_at");
  CREATE INDEX "participation_registrations_created_at_idx" ON "participation_registrations" USING btree ("created_at");
  CREATE INDEX "decision_catalogues_items_order_idx" ON "decision_catalogues_items" USING btree ("_order");
  CREATE INDEX "decision_catalogues_items_parent_id_idx" ON "decision_catalogues_items" USING btree ("_parent_id");
  CREATE INDEX "decision_catalogues_items_decision_idx" ON "decision_catalogues_items" USING btree ("decision_id");
  CREATE INDEX "decision_catalogues_adjustments_order_idx" ON "decision_catalogues_adjustments" USING btree ("_order");
  CREATE INDEX "decision_catalogues_adjustments_parent_id_idx" ON "decision_catalogues_adjustments" USING btree ("_parent_id");
  CREATE INDEX "decision_catalogues_adjustments_decision_idx" ON "decision_catalogues_adjustments" USING btree ("decision_id");
  CREATE INDEX "decision_catalogues_agency_idx" ON "decision_catalogues" USING btree ("agency_id");
  CREATE INDEX "decision_catalogues_workflow_state_idx" ON "decision_catalogues" USING btree ("workflow_state");
  CREATE INDEX "decision_catalogues_last_edited_by_idx" ON "decision_catalogues" USING btree ("last_edited_by_id");
  CREATE INDEX "decision_catalogues_workflow_workflow_submitted_by_idx" ON "decision_catalogues" USING btree ("workflow_submitted_by_id");
  CREATE INDEX "decision_catalogues_workflow_workflow_returned_by_idx" ON "decision_catalogues" USING btree ("workflow_returned_by_id");
  CREATE INDEX "decision_catalogues_workflow_workflow_approved_by_idx" ON "decision_catalogues" USING btree ("workflow_approved_by_id");
  CREATE INDEX "decision_catalogues_workflow_workflow_scheduled_by_idx" ON "decision_catalogues" USING btree ("workflow_scheduled_by_id");
  CREATE INDEX "decision_catalogues_workflow_workflow_published_by_idx" ON "decision_catalogues" USING btree ("workflow_published_by_id");
  CREATE INDEX "decision_catalogues_workflow_workflow_recorded_by_idx" ON "decision_catalogues" USING btree ("workflow_recorded_by_id");
  CREATE INDEX "decision_catalogues_workflow_workflow_withdrawn_by_idx" ON "decision_catalogues" USING btree ("workflow_withdrawn_by_id");
  CREATE INDEX "decision_catalogues_workflow_workflow_invalidated_by_idx" ON "decision_catalogues" USING btree ("workflow_invalidated_by_id");
  CREATE INDEX "decision_catalogues_confidentiality_review_confidentiali_idx" ON "decision_catalogues" USING btree ("confidentiality_review_reviewer_id");
  CREATE INDEX "decision_catalogues_updated_at_idx" ON "decision_catalogues" USING btree ("updated_at");
  CREATE INDEX "decision_catalogues_created_at_idx" ON "decision_catalogues" USING btree ("created_at");
  CREATE INDEX "decision_catalogues__status_idx" ON "decision_catalogues" USING btree ("_status");
  CREATE UNIQUE INDEX "year_agency_idx" ON "decision_catalogues" USING btree ("year","agency_id");
  CREATE INDEX "_decision_catalogues_v_version_items_order_idx" ON "_decision_catalogues_v_version_items" USING btree ("_order");
  CREATE INDEX "_decision_catalogues_v_version_items_parent_id_idx" ON "_decision_catalogues_v_version_items" USING btree ("_parent_id");
  CREATE INDEX "_decision_catalogues_v_version_items_decision_idx" ON "_decision_catalogues_v_version_items" USING btree ("decision_id");
  CREATE INDEX "_decision_catalogues_v_version_adjustments_order_idx" ON "_decision_catalogues_v_version_adjustments" USING btree ("_order");
  CREATE INDEX "_decision_catalogues_v_version_adjustments_parent_id_idx" ON "_decision_catalogues_v_version_adjustments" USING btree ("_parent_id");
  CREATE INDEX "_decision_catalogues_v_version_adjustments_decision_idx" ON "_decision_catalogues_v_version_adjustments" USING btree ("decision_id");
  CREATE INDEX "_decision_catalogues_v_parent_idx" ON "_decision_catalogues_v" USING btree ("parent_id");
  CREATE INDEX "_decision_catalogues_v_version_version_agency_idx" ON "_decision_catalogues_v" USING btree ("version_agency_id");
  CREATE INDEX "_decision_catalogues_v_version_version_workflow_state_idx" ON "_decision_catalogues_v" USING btree ("version_workflow_state");
  CREATE INDEX "_decision_catalogues_v_version_version_last_edited_by_idx" ON "_decision_catalogues_v" USING btree ("version_last_edited_by_id");
  CREATE INDEX "_decision_catalogues_v_version_workflow_version_workflow_idx" ON "_decision_catalogues_v" USING btree ("version_workflow_submitted_by_id");
  CREATE INDEX "_decision_catalogues_v_version_workflow_version_workfl_1_idx" ON "_decision_catalogues_v" USING btree ("version_workflow_returned_by_id");
  CREATE INDEX "_decision_catalogues_v_version_workflow_version_workfl_2_idx" ON "_decision_catalogues_v" USING btree ("version_workflow_approved_by_id");
  CREATE INDEX "_decision_catalogues_v_version_workflow_version_workfl_3_idx" ON "_decision_catalogues_v" USING btree ("version_workflow_scheduled_by_id");
  CREATE INDEX "_decision_catalogues_v_version_workflow_version_workfl_4_idx" ON "_decision_catalogues_v" USING btree ("version_workflow_published_by_id");
  CREATE INDEX "_decision_catalogues_v_version_workflow_version_workfl_5_idx" ON "_decision_catalogues_v" USING btree ("version_workflow_recorded_by_id");
  CREATE INDEX "_decision_catalogues_v_version_workflow_version_workfl_6_idx" ON "_decision_catalogues_v" USING btree ("version_workflow_withdrawn_by_id");
  CREATE INDEX "_decision_catalogues_v_version_workflow_version_workfl_7_idx" ON "_decision_catalogues_v" USING btree ("version_workflow_invalidated_by_id");
  CREATE INDEX "_decision_catalogues_v_version_confidentiality_review_ve_idx" ON "_decision_catalogues_v" USING btree ("version_confidentiality_review_reviewer_id");
  CREATE INDEX "_decision_catalogues_v_version_version_updated_at_idx" ON "_decision_catalogues_v" USING btree ("version_updated_at");
  CREATE INDEX "_decision_catalogues_v_version_version_created_at_idx" ON "_decision_catalogues_v" USING btree ("version_created_at");
  CREATE INDEX "_decision_catalogues_v_version_version__status_idx" ON "_decision_catalogues_v" USING btree ("version__status");
  CREATE INDEX "_decision_catalogues_v_created_at_idx" ON "_decision_catalogues_v" USING btree ("created_at");
  CREATE INDEX "_decision_catalogues_v_updated_at_idx" ON "_decision_catalogues_v" USING btree ("updated_at");
  CREATE INDEX "_decision_catalogues_v_latest_idx" ON "_decision_catalogues_v" USING btree ("latest");
  CREATE INDEX "version_year_version_agency_idx" ON "_decision_catalogues_v" USING btree ("version_year","version_agency_id");
  ALTER TABLE "decisions" ADD CONSTRAINT "decisions_comment_notice_id_policies_id_fk" FOREIGN KEY ("comment_notice_id") REFERENCES "public"."policies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_decisions_v" ADD CONSTRAINT "_decisions_v_version_comment_notice_id_policies_id_fk" FOREIGN KEY ("version_comment_notice_id") REFERENCES "public"."policies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_participation_registrations_fk" FOREIGN KEY ("participation_registrations_id") REFERENCES "public"."participation_registrations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_decision_catalogues_fk" FOREIGN KEY ("decision_catalogues_id") REFERENCES "public"."decision_catalogues"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "decisions_comment_notice_idx" ON "decisions" USING btree ("comment_notice_id");
  CREATE INDEX "_decisions_v_version_version_comment_notice_idx" ON "_decisions_v" USING btree ("version_comment_notice_id");
  CREATE INDEX "payload_locked_documents_rels_participation_registration_idx" ON "payload_locked_documents_rels" USING btree ("participation_registrations_id");
  CREATE INDEX "payload_locked_documents_rels_decision_catalogues_id_idx" ON "payload_locked_documents_rels" USING btree ("decision_catalogues_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "decisions_implementation_records" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_decisions_v_version_implementation_records" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "participation_registrations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "decision_catalogues_items" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "decision_catalogues_adjustments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "decision_catalogues" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_decision_catalogues_v_version_items" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_decision_catalogues_v_version_adjustments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_decision_catalogues_v" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "decisions_implementation_records" CASCADE;
  DROP TABLE "_decisions_v_version_implementation_records" CASCADE;
  DROP TABLE "participation_registrations" CASCADE;
  DROP TABLE "decision_catalogues_items" CASCADE;
  DROP TABLE "decision_catalogues_adjustments" CASCADE;
  DROP TABLE "decision_catalogues" CASCADE;
  DROP TABLE "_decision_catalogues_v_version_items" CASCADE;
  DROP TABLE "_decision_catalogues_v_version_adjustments" CASCADE;
  DROP TABLE "_decision_catalogues_v" CASCADE;
  ALTER TABLE "decisions" DROP CONSTRAINT "decisions_comment_notice_id_policies_id_fk";
  
  ALTER TABLE "_decisions_v" DROP CONSTRAINT "_decisions_v_version_comment_notice_id_policies_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_participation_registrations_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_decision_catalogues_fk";
  
  DROP INDEX "decisions_comment_notice_idx";
  DROP INDEX "_decisions_v_version_version_comment_notice_idx";
  DROP INDEX "payload_locked_documents_rels_participation_registration_idx";
  DROP INDEX "payload_locked_documents_rels_decision_catalogues_id_idx";
  ALTER TABLE "decisions" DROP COLUMN "consultation_form";
  ALTER TABLE "decisions" DROP COLUMN "shortened_period_reason";
  ALTER TABLE "decisions" DROP COLUMN "comment_notice_id";
  ALTER TABLE "decisions" DROP COLUMN "expert_review_date";
  ALTER TABLE "decisions" DROP COLUMN "expert_review_disclosure";
  ALTER TABLE "decisions" DROP COLUMN "expert_review_non_disclosure_reason";
  ALTER TABLE "decisions" DROP COLUMN "risk_assessment_date";
  ALTER TABLE "decisions" DROP COLUMN "risk_assessment_disclosure";
  ALTER TABLE "decisions" DROP COLUMN "risk_assessment_non_disclosure_reason";
  ALTER TABLE "decisions" DROP COLUMN "legality_review_date";
  ALTER TABLE "decisions" DROP COLUMN "legality_review_conclusion";
  ALTER TABLE "decisions" DROP COLUMN "effect_evaluation_date";
  ALTER TABLE "decisions" DROP COLUMN "effect_evaluation_disclosure";
  ALTER TABLE "decisions" DROP COLUMN "effect_evaluation_non_disclosure_reason";
  ALTER TABLE "_decisions_v" DROP COLUMN "version_consultation_form";
  ALTER TABLE "_decisions_v" DROP COLUMN "version_shortened_period_reason";
  ALTER TABLE "_decisions_v" DROP COLUMN "version_comment_notice_id";
  ALTER TABLE "_decisions_v" DROP COLUMN "version_expert_review_date";
  ALTER TABLE "_decisions_v" DROP COLUMN "version_expert_review_disclosure";
  ALTER TABLE "_decisions_v" DROP COLUMN "version_expert_review_non_disclosure_reason";
  ALTER TABLE "_decisions_v" DROP COLUMN "version_risk_assessment_date";
  ALTER TABLE "_decisions_v" DROP COLUMN "version_risk_assessment_disclosure";
  ALTER TABLE "_decisions_v" DROP COLUMN "version_risk_assessment_non_disclosure_reason";
  ALTER TABLE "_decisions_v" DROP COLUMN "version_legality_review_date";
  ALTER TABLE "_decisions_v" DROP COLUMN "version_legality_review_conclusion";
  ALTER TABLE "_decisions_v" DROP COLUMN "version_effect_evaluation_date";
  ALTER TABLE "_decisions_v" DROP COLUMN "version_effect_evaluation_disclosure";
  ALTER TABLE "_decisions_v" DROP COLUMN "version_effect_evaluation_non_disclosure_reason";
  ALTER TABLE "participation" DROP COLUMN "meeting_kind";
  ALTER TABLE "participation" DROP COLUMN "selection_method";
  ALTER TABLE "participation" DROP COLUMN "selection_date";
  ALTER TABLE "participation" DROP COLUMN "selection_note";
  ALTER TABLE "_participation_v" DROP COLUMN "version_meeting_kind";
  ALTER TABLE "_participation_v" DROP COLUMN "version_selection_method";
  ALTER TABLE "_participation_v" DROP COLUMN "version_selection_date";
  ALTER TABLE "_participation_v" DROP COLUMN "version_selection_note";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "participation_registrations_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "decision_catalogues_id";
  DROP TYPE "public"."enum_decisions_implementation_records_kind";
  DROP TYPE "public"."enum_decisions_consultation_form";
  DROP TYPE "public"."enum_decisions_expert_review_disclosure";
  DROP TYPE "public"."enum_decisions_risk_assessment_disclosure";
  DROP TYPE "public"."enum_decisions_legality_review_conclusion";
  DROP TYPE "public"."enum_decisions_effect_evaluation_disclosure";
  DROP TYPE "public"."enum__decisions_v_version_implementation_records_kind";
  DROP TYPE "public"."enum__decisions_v_version_consultation_form";
  DROP TYPE "public"."enum__decisions_v_version_expert_review_disclosure";
  DROP TYPE "public"."enum__decisions_v_version_risk_assessment_disclosure";
  DROP TYPE "public"."enum__decisions_v_version_legality_review_conclusion";
  DROP TYPE "public"."enum__decisions_v_version_effect_evaluation_disclosure";
  DROP TYPE "public"."enum_participation_meeting_kind";
  DROP TYPE "public"."enum_participation_selection_method";
  DROP TYPE "public"."enum__participation_v_version_meeting_kind";
  DROP TYPE "public"."enum__participation_v_version_selection_method";
  DROP TYPE "public"."enum_participation_registrations_sector";
  DROP TYPE "public"."enum_participation_registrations_status";
  DROP TYPE "public"."enum_decision_catalogues_items_stage";
  DROP TYPE "public"."enum_decision_catalogues_adjustments_kind";
  DROP TYPE "public"."enum_decision_catalogues_workflow_state";
  DROP TYPE "public"."enum_decision_catalogues_review_conclusion";
  DROP TYPE "public"."enum_decision_catalogues_status";
  DROP TYPE "public"."enum__decision_catalogues_v_version_items_stage";
  DROP TYPE "public"."enum__decision_catalogues_v_version_adjustments_kind";
  DROP TYPE "public"."enum__decision_catalogues_v_version_workflow_state";
  DROP TYPE "public"."enum__decision_catalogues_v_review_conclusion";
  DROP TYPE "public"."enum__decision_catalogues_v_version_status";`)
}
