import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_users_agency_roles_roles" AS ENUM('editor', 'reviewer', 'publisher');
  CREATE TYPE "public"."enum_policies_validity_history_validity" AS ENUM('effective', 'expired', 'repealed', 'amended');
  CREATE TYPE "public"."enum_policies_document_type" AS ENUM('resolution', 'decision', 'order', 'communique', 'announcement', 'public_notice', 'opinion', 'notice', 'circular', 'report', 'request', 'reply', 'motion', 'letter', 'minutes');
  CREATE TYPE "public"."enum_policies_validity" AS ENUM('effective', 'expired', 'repealed', 'amended');
  CREATE TYPE "public"."enum_policies_disclosure" AS ENUM('proactive', 'on_request', 'not_disclosed', 'non_government');
  CREATE TYPE "public"."enum_policies_non_disclosure_reason" AS ENUM('state_secret', 'trade_secret', 'personal_privacy', 'process_information', 'internal_affairs', 'three_security_one_stability', 'other');
  CREATE TYPE "public"."enum_policies_classification" AS ENUM('unclassified', 'secret', 'confidential', 'top_secret');
  CREATE TYPE "public"."enum_policies_workflow_state" AS ENUM('draft', 'pending_review', 'returned', 'approved', 'scheduled', 'published', 'withdrawn', 'invalidated');
  CREATE TYPE "public"."enum_policies_review_conclusion" AS ENUM('passed', 'failed');
  CREATE TYPE "public"."enum_policies_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__policies_v_version_validity_history_validity" AS ENUM('effective', 'expired', 'repealed', 'amended');
  CREATE TYPE "public"."enum__policies_v_version_document_type" AS ENUM('resolution', 'decision', 'order', 'communique', 'announcement', 'public_notice', 'opinion', 'notice', 'circular', 'report', 'request', 'reply', 'motion', 'letter', 'minutes');
  CREATE TYPE "public"."enum__policies_v_version_validity" AS ENUM('effective', 'expired', 'repealed', 'amended');
  CREATE TYPE "public"."enum__policies_v_version_disclosure" AS ENUM('proactive', 'on_request', 'not_disclosed', 'non_government');
  CREATE TYPE "public"."enum__policies_v_version_non_disclosure_reason" AS ENUM('state_secret', 'trade_secret', 'personal_privacy', 'process_information', 'internal_affairs', 'three_security_one_stability', 'other');
  CREATE TYPE "public"."enum__policies_v_version_classification" AS ENUM('unclassified', 'secret', 'confidential', 'top_secret');
  CREATE TYPE "public"."enum__policies_v_version_workflow_state" AS ENUM('draft', 'pending_review', 'returned', 'approved', 'scheduled', 'published', 'withdrawn', 'invalidated');
  CREATE TYPE "public"."enum__policies_v_review_conclusion" AS ENUM('passed', 'failed');
  CREATE TYPE "public"."enum__policies_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_interpretations_form" AS ENUM('text', 'graphic', 'animation', 'press_conference', 'expert_interview', 'scenario_demo', 'short_video', 'policy_briefing');
  CREATE TYPE "public"."enum_interpretations_workflow_state" AS ENUM('draft', 'pending_review', 'returned', 'approved', 'scheduled', 'published', 'withdrawn', 'invalidated');
  CREATE TYPE "public"."enum_interpretations_review_conclusion" AS ENUM('passed', 'failed');
  CREATE TYPE "public"."enum_interpretations_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__interpretations_v_version_form" AS ENUM('text', 'graphic', 'animation', 'press_conference', 'expert_interview', 'scenario_demo', 'short_video', 'policy_briefing');
  CREATE TYPE "public"."enum__interpretations_v_version_workflow_state" AS ENUM('draft', 'pending_review', 'returned', 'approved', 'scheduled', 'published', 'withdrawn', 'invalidated');
  CREATE TYPE "public"."enum__interpretations_v_review_conclusion" AS ENUM('passed', 'failed');
  CREATE TYPE "public"."enum__interpretations_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_decisions_public_comments_adoption" AS ENUM('adopted', 'partially_adopted', 'not_adopted', 'pending');
  CREATE TYPE "public"."enum_decisions_stage" AS ENUM('catalogued', 'drafting', 'soliciting_comments', 'reviewing', 'deciding', 'decided', 'implementing', 'evaluated');
  CREATE TYPE "public"."enum_decisions_meeting_kind" AS ENUM('executive_meeting', 'plenary_meeting', 'special_meeting', 'other');
  CREATE TYPE "public"."enum_decisions_workflow_state" AS ENUM('draft', 'pending_review', 'returned', 'approved', 'scheduled', 'published', 'withdrawn', 'invalidated');
  CREATE TYPE "public"."enum_decisions_review_conclusion" AS ENUM('passed', 'failed');
  CREATE TYPE "public"."enum_decisions_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__decisions_v_version_public_comments_adoption" AS ENUM('adopted', 'partially_adopted', 'not_adopted', 'pending');
  CREATE TYPE "public"."enum__decisions_v_version_stage" AS ENUM('catalogued', 'drafting', 'soliciting_comments', 'reviewing', 'deciding', 'decided', 'implementing', 'evaluated');
  CREATE TYPE "public"."enum__decisions_v_version_meeting_kind" AS ENUM('executive_meeting', 'plenary_meeting', 'special_meeting', 'other');
  CREATE TYPE "public"."enum__decisions_v_version_workflow_state" AS ENUM('draft', 'pending_review', 'returned', 'approved', 'scheduled', 'published', 'withdrawn', 'invalidated');
  CREATE TYPE "public"."enum__decisions_v_review_conclusion" AS ENUM('passed', 'failed');
  CREATE TYPE "public"."enum__decisions_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_participation_participants_selection_method" AS ENUM('open_registration', 'invitation');
  CREATE TYPE "public"."enum_participation_participants_sector" AS ENUM('resident', 'enterprise', 'expert', 'deputy', 'cppcc_member', 'social_organization', 'media', 'other');
  CREATE TYPE "public"."enum_participation_opinions_adoption" AS ENUM('adopted', 'partially_adopted', 'not_adopted', 'pending');
  CREATE TYPE "public"."enum_participation_kind" AS ENUM('meeting_attendance', 'comment_solicitation', 'hearing', 'symposium');
  CREATE TYPE "public"."enum_participation_workflow_state" AS ENUM('draft', 'pending_review', 'returned', 'approved', 'scheduled', 'published', 'withdrawn', 'invalidated');
  CREATE TYPE "public"."enum_participation_review_conclusion" AS ENUM('passed', 'failed');
  CREATE TYPE "public"."enum_participation_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__participation_v_version_participants_selection_method" AS ENUM('open_registration', 'invitation');
  CREATE TYPE "public"."enum__participation_v_version_participants_sector" AS ENUM('resident', 'enterprise', 'expert', 'deputy', 'cppcc_member', 'social_organization', 'media', 'other');
  CREATE TYPE "public"."enum__participation_v_version_opinions_adoption" AS ENUM('adopted', 'partially_adopted', 'not_adopted', 'pending');
  CREATE TYPE "public"."enum__participation_v_version_kind" AS ENUM('meeting_attendance', 'comment_solicitation', 'hearing', 'symposium');
  CREATE TYPE "public"."enum__participation_v_version_workflow_state" AS ENUM('draft', 'pending_review', 'returned', 'approved', 'scheduled', 'published', 'withdrawn', 'invalidated');
  CREATE TYPE "public"."enum__participation_v_review_conclusion" AS ENUM('passed', 'failed');
  CREATE TYPE "public"."enum__participation_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_agencies_organization_code_kind" AS ENUM('credit_code', 'organization_code');
  CREATE TYPE "public"."enum_gongkai_audit_log_action" AS ENUM('submit', 'return', 'approve', 'publish', 'schedule', 'unschedule', 'withdraw', 'invalidate', 'force-publish', 'review', 'mask', 'import', 'validity', 'scheduled_publish_failed');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'gongkaiScheduledPublish');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'gongkaiScheduledPublish');
  CREATE TYPE "public"."enum_payload_query_presets_access_read_constraint" AS ENUM('everyone', 'onlyMe', 'specificUsers');
  CREATE TYPE "public"."enum_payload_query_presets_access_update_constraint" AS ENUM('everyone', 'onlyMe', 'specificUsers');
  CREATE TYPE "public"."enum_payload_query_presets_access_delete_constraint" AS ENUM('everyone', 'onlyMe', 'specificUsers');
  CREATE TYPE "public"."enum_payload_query_presets_related_collection" AS ENUM('policies');
  CREATE TABLE "users_agency_roles_roles" (
  	"order" integer NOT NULL,
  	"parent_id" varchar NOT NULL,
  	"value" "enum_users_agency_roles_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "users_agency_roles" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"agency_id" integer NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"is_site_admin" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "policies_validity_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"validity" "enum_policies_validity_history_validity",
  	"effective_date" timestamp(3) with time zone,
  	"superseded_by_id" integer,
  	"recorded_at" timestamp(3) with time zone,
  	"recorded_by_id" integer
  );
  
  CREATE TABLE "policies" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"document_number" varchar,
  	"document_number_corrections" varchar,
  	"index_number" varchar,
  	"issuing_agency_id" integer,
  	"written_date" timestamp(3) with time zone,
  	"publish_date" timestamp(3) with time zone,
  	"document_type" "enum_policies_document_type",
  	"topic_id" integer,
  	"keywords" varchar,
  	"validity" "enum_policies_validity" DEFAULT 'effective',
  	"expiry_date" timestamp(3) with time zone,
  	"superseded_by_id" integer,
  	"disclosure" "enum_policies_disclosure" DEFAULT 'proactive',
  	"non_disclosure_reason" "enum_policies_non_disclosure_reason",
  	"non_disclosure_explanation" varchar,
  	"classification" "enum_policies_classification" DEFAULT 'unclassified',
  	"is_normative" boolean DEFAULT false,
  	"needs_interpretation" boolean,
  	"summary" varchar,
  	"body" jsonb,
  	"workflow_state" "enum_policies_workflow_state" DEFAULT 'draft',
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
  	"workflow_withdrawn_by_id" integer,
  	"workflow_withdrawn_at" timestamp(3) with time zone,
  	"workflow_withdraw_reason" varchar,
  	"workflow_invalidated_by_id" integer,
  	"workflow_invalidated_at" timestamp(3) with time zone,
  	"next_disclosure_review_date" timestamp(3) with time zone,
  	"confidentiality_review_reviewer_id" integer,
  	"confidentiality_review_reviewed_at" timestamp(3) with time zone,
  	"confidentiality_review_conclusion" "enum_policies_review_conclusion",
  	"confidentiality_review_basis" varchar,
  	"confidentiality_review_reviewed_version_updated_at" timestamp(3) with time zone,
  	"confidentiality_review_reviewed_content_hash" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_policies_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "policies_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"agencies_id" integer,
  	"policies_id" integer,
  	"gongkai_attachments_id" integer
  );
  
  CREATE TABLE "_policies_v_version_validity_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"validity" "enum__policies_v_version_validity_history_validity",
  	"effective_date" timestamp(3) with time zone,
  	"superseded_by_id" integer,
  	"recorded_at" timestamp(3) with time zone,
  	"recorded_by_id" integer,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_policies_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_document_number" varchar,
  	"version_document_number_corrections" varchar,
  	"version_index_number" varchar,
  	"version_issuing_agency_id" integer,
  	"version_written_date" timestamp(3) with time zone,
  	"version_publish_date" timestamp(3) with time zone,
  	"version_document_type" "enum__policies_v_version_document_type",
  	"version_topic_id" integer,
  	"version_keywords" varchar,
  	"version_validity" "enum__policies_v_version_validity" DEFAULT 'effective',
  	"version_expiry_date" timestamp(3) with time zone,
  	"version_superseded_by_id" integer,
  	"version_disclosure" "enum__policies_v_version_disclosure" DEFAULT 'proactive',
  	"version_non_disclosure_reason" "enum__policies_v_version_non_disclosure_reason",
  	"version_non_disclosure_explanation" varchar,
  	"version_classification" "enum__policies_v_version_classification" DEFAULT 'unclassified',
  	"version_is_normative" boolean DEFAULT false,
  	"version_needs_interpretation" boolean,
  	"version_summary" varchar,
  	"version_body" jsonb,
  	"version_workflow_state" "enum__policies_v_version_workflow_state" DEFAULT 'draft',
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
  	"version_workflow_withdrawn_by_id" integer,
  	"version_workflow_withdrawn_at" timestamp(3) with time zone,
  	"version_workflow_withdraw_reason" varchar,
  	"version_workflow_invalidated_by_id" integer,
  	"version_workflow_invalidated_at" timestamp(3) with time zone,
  	"version_next_disclosure_review_date" timestamp(3) with time zone,
  	"version_confidentiality_review_reviewer_id" integer,
  	"version_confidentiality_review_reviewed_at" timestamp(3) with time zone,
  	"version_confidentiality_review_conclusion" "enum__policies_v_review_conclusion",
  	"version_confidentiality_review_basis" varchar,
  	"version_confidentiality_review_reviewed_version_updated_at" timestamp(3) with time zone,
  	"version_confidentiality_review_reviewed_content_hash" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__policies_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_policies_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"agencies_id" integer,
  	"policies_id" integer,
  	"gongkai_attachments_id" integer
  );
  
  CREATE TABLE "interpretations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"form" "enum_interpretations_form" DEFAULT 'text',
  	"interpreting_agency_id" integer,
  	"interpreter_name" varchar,
  	"summary" varchar,
  	"body" jsonb,
  	"video_url" varchar,
  	"workflow_state" "enum_interpretations_workflow_state" DEFAULT 'draft',
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
  	"workflow_withdrawn_by_id" integer,
  	"workflow_withdrawn_at" timestamp(3) with time zone,
  	"workflow_withdraw_reason" varchar,
  	"workflow_invalidated_by_id" integer,
  	"workflow_invalidated_at" timestamp(3) with time zone,
  	"confidentiality_review_reviewer_id" integer,
  	"confidentiality_review_reviewed_at" timestamp(3) with time zone,
  	"confidentiality_review_conclusion" "enum_interpretations_review_conclusion",
  	"confidentiality_review_basis" varchar,
  	"confidentiality_review_reviewed_version_updated_at" timestamp(3) with time zone,
  	"confidentiality_review_reviewed_content_hash" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_interpretations_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "interpretations_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"policies_id" integer,
  	"gongkai_attachments_id" integer
  );
  
  CREATE TABLE "_interpretations_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_form" "enum__interpretations_v_version_form" DEFAULT 'text',
  	"version_interpreting_agency_id" integer,
  	"version_interpreter_name" varchar,
  	"version_summary" varchar,
  	"version_body" jsonb,
  	"version_video_url" varchar,
  	"version_workflow_state" "enum__interpretations_v_version_workflow_state" DEFAULT 'draft',
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
  	"version_workflow_withdrawn_by_id" integer,
  	"version_workflow_withdrawn_at" timestamp(3) with time zone,
  	"version_workflow_withdraw_reason" varchar,
  	"version_workflow_invalidated_by_id" integer,
  	"version_workflow_invalidated_at" timestamp(3) with time zone,
  	"version_confidentiality_review_reviewer_id" integer,
  	"version_confidentiality_review_reviewed_at" timestamp(3) with time zone,
  	"version_confidentiality_review_conclusion" "enum__interpretations_v_review_conclusion",
  	"version_confidentiality_review_basis" varchar,
  	"version_confidentiality_review_reviewed_version_updated_at" timestamp(3) with time zone,
  	"version_confidentiality_review_reviewed_content_hash" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__interpretations_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_interpretations_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"policies_id" integer,
  	"gongkai_attachments_id" integer
  );
  
  CREATE TABLE "decisions_public_comments" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"summary" varchar,
  	"received_date" timestamp(3) with time zone,
  	"adoption" "enum_decisions_public_comments_adoption" DEFAULT 'pending',
  	"adoption_reason" varchar
  );
  
  CREATE TABLE "decisions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"catalogue_year" numeric,
  	"catalogue_number" numeric,
  	"title" varchar,
  	"responsible_agency_id" integer,
  	"stage" "enum_decisions_stage" DEFAULT 'catalogued',
  	"draft_text" jsonb,
  	"drafting_explanation" jsonb,
  	"background" jsonb,
  	"comment_period_start" timestamp(3) with time zone,
  	"comment_period_end" timestamp(3) with time zone,
  	"risk_assessment" jsonb,
  	"expert_review" jsonb,
  	"legality_review" jsonb,
  	"meeting_date" timestamp(3) with time zone,
  	"meeting_kind" "enum_decisions_meeting_kind",
  	"meeting_name" varchar,
  	"result" jsonb,
  	"effect_evaluation" jsonb,
  	"workflow_state" "enum_decisions_workflow_state" DEFAULT 'draft',
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
  	"workflow_withdrawn_by_id" integer,
  	"workflow_withdrawn_at" timestamp(3) with time zone,
  	"workflow_withdraw_reason" varchar,
  	"workflow_invalidated_by_id" integer,
  	"workflow_invalidated_at" timestamp(3) with time zone,
  	"confidentiality_review_reviewer_id" integer,
  	"confidentiality_review_reviewed_at" timestamp(3) with time zone,
  	"confidentiality_review_conclusion" "enum_decisions_review_conclusion",
  	"confidentiality_review_basis" varchar,
  	"confidentiality_review_reviewed_version_updated_at" timestamp(3) with time zone,
  	"confidentiality_review_reviewed_content_hash" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_decisions_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "decisions_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"policies_id" integer
  );
  
  CREATE TABLE "_decisions_v_version_public_comments" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"summary" varchar,
  	"received_date" timestamp(3) with time zone,
  	"adoption" "enum__decisions_v_version_public_comments_adoption" DEFAULT 'pending',
  	"adoption_reason" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_decisions_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_catalogue_year" numeric,
  	"version_catalogue_number" numeric,
  	"version_title" varchar,
  	"version_responsible_agency_id" integer,
  	"version_stage" "enum__decisions_v_version_stage" DEFAULT 'catalogued',
  	"version_draft_text" jsonb,
  	"version_drafting_explanation" jsonb,
  	"version_background" jsonb,
  	"version_comment_period_start" timestamp(3) with time zone,
  	"version_comment_period_end" timestamp(3) with time zone,
  	"version_risk_assessment" jsonb,
  	"version_expert_review" jsonb,
  	"version_legality_review" jsonb,
  	"version_meeting_date" timestamp(3) with time zone,
  	"version_meeting_kind" "enum__decisions_v_version_meeting_kind",
  	"version_meeting_name" varchar,
  	"version_result" jsonb,
  	"version_effect_evaluation" jsonb,
  	"version_workflow_state" "enum__decisions_v_version_workflow_state" DEFAULT 'draft',
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
  	"version_workflow_withdrawn_by_id" integer,
  	"version_workflow_withdrawn_at" timestamp(3) with time zone,
  	"version_workflow_withdraw_reason" varchar,
  	"version_workflow_invalidated_by_id" integer,
  	"version_workflow_invalidated_at" timestamp(3) with time zone,
  	"version_confidentiality_review_reviewer_id" integer,
  	"version_confidentiality_review_reviewed_at" timestamp(3) with time zone,
  	"version_confidentiality_review_conclusion" "enum__decisions_v_review_conclusion",
  	"version_confidentiality_review_basis" varchar,
  	"version_confidentiality_review_reviewed_version_updated_at" timestamp(3) with time zone,
  	"version_confidentiality_review_reviewed_content_hash" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__decisions_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_decisions_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"policies_id" integer
  );
  
  CREATE TABLE "participation_participants" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"display_name" varchar,
  	"selection_method" "enum_participation_participants_selection_method",
  	"sector" "enum_participation_participants_sector"
  );
  
  CREATE TABLE "participation_opinions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"speaker" varchar,
  	"content" varchar,
  	"adoption" "enum_participation_opinions_adoption" DEFAULT 'pending',
  	"adoption_reason" varchar
  );
  
  CREATE TABLE "participation" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"kind" "enum_participation_kind",
  	"meeting_name" varchar,
  	"meeting_date" timestamp(3) with time zone,
  	"decision_id" integer,
  	"public_summary" varchar,
  	"workflow_state" "enum_participation_workflow_state" DEFAULT 'draft',
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
  	"workflow_withdrawn_by_id" integer,
  	"workflow_withdrawn_at" timestamp(3) with time zone,
  	"workflow_withdraw_reason" varchar,
  	"workflow_invalidated_by_id" integer,
  	"workflow_invalidated_at" timestamp(3) with time zone,
  	"confidentiality_review_reviewer_id" integer,
  	"confidentiality_review_reviewed_at" timestamp(3) with time zone,
  	"confidentiality_review_conclusion" "enum_participation_review_conclusion",
  	"confidentiality_review_basis" varchar,
  	"confidentiality_review_reviewed_version_updated_at" timestamp(3) with time zone,
  	"confidentiality_review_reviewed_content_hash" varchar,
  	"agency_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_participation_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_participation_v_version_participants" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"display_name" varchar,
  	"selection_method" "enum__participation_v_version_participants_selection_method",
  	"sector" "enum__participation_v_version_participants_sector",
  	"_uuid" varchar
  );
  
  CREATE TABLE "_participation_v_version_opinions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"speaker" varchar,
  	"content" varchar,
  	"adoption" "enum__participation_v_version_opinions_adoption" DEFAULT 'pending',
  	"adoption_reason" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_participation_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_kind" "enum__participation_v_version_kind",
  	"version_meeting_name" varchar,
  	"version_meeting_date" timestamp(3) with time zone,
  	"version_decision_id" integer,
  	"version_public_summary" varchar,
  	"version_workflow_state" "enum__participation_v_version_workflow_state" DEFAULT 'draft',
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
  	"version_workflow_withdrawn_by_id" integer,
  	"version_workflow_withdrawn_at" timestamp(3) with time zone,
  	"version_workflow_withdraw_reason" varchar,
  	"version_workflow_invalidated_by_id" integer,
  	"version_workflow_invalidated_at" timestamp(3) with time zone,
  	"version_confidentiality_review_reviewer_id" integer,
  	"version_confidentiality_review_reviewed_at" timestamp(3) with time zone,
  	"version_confidentiality_review_conclusion" "enum__participation_v_review_conclusion",
  	"version_confidentiality_review_basis" varchar,
  	"version_confidentiality_review_reviewed_version_updated_at" timestamp(3) with time zone,
  	"version_confidentiality_review_reviewed_content_hash" varchar,
  	"version_agency_id" integer,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__participation_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "agencies" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"short_name" varchar,
  	"agency_code" varchar,
  	"organization_code" varchar,
  	"organization_code_kind" "enum_agencies_organization_code_kind",
  	"parent_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "topics" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"code" varchar NOT NULL,
  	"parent_id" integer,
  	"full_name" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "gongkai_attachments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "gongkai_audit_log" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"action" "enum_gongkai_audit_log_action" NOT NULL,
  	"summary" varchar,
  	"collection_slug" varchar NOT NULL,
  	"document_id" varchar NOT NULL,
  	"document_title" varchar,
  	"version_id" varchar,
  	"user_id" integer,
  	"user_label" varchar,
  	"from_state" varchar,
  	"to_state" varchar,
  	"reason" varchar,
  	"details" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "gongkai_index_counters" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"prefix" varchar NOT NULL,
  	"period" varchar NOT NULL,
  	"last" numeric NOT NULL
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer,
  	"policies_id" integer,
  	"interpretations_id" integer,
  	"decisions_id" integer,
  	"participation_id" integer,
  	"agencies_id" integer,
  	"topics_id" integer,
  	"gongkai_attachments_id" integer,
  	"gongkai_audit_log_id" integer,
  	"gongkai_index_counters_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_query_presets" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"is_shared" boolean DEFAULT false,
  	"access_read_constraint" "enum_payload_query_presets_access_read_constraint" DEFAULT 'onlyMe',
  	"access_update_constraint" "enum_payload_query_presets_access_update_constraint" DEFAULT 'onlyMe',
  	"access_delete_constraint" "enum_payload_query_presets_access_delete_constraint" DEFAULT 'onlyMe',
  	"where" jsonb,
  	"columns" jsonb,
  	"group_by" varchar,
  	"related_collection" "enum_payload_query_presets_related_collection" NOT NULL,
  	"is_temp" boolean,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_query_presets_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  ALTER TABLE "users_agency_roles_roles" ADD CONSTRAINT "users_agency_roles_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users_agency_roles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_agency_roles" ADD CONSTRAINT "users_agency_roles_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users_agency_roles" ADD CONSTRAINT "users_agency_roles_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "policies_validity_history" ADD CONSTRAINT "policies_validity_history_superseded_by_id_policies_id_fk" FOREIGN KEY ("superseded_by_id") REFERENCES "public"."policies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "policies_validity_history" ADD CONSTRAINT "policies_validity_history_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "policies_validity_history" ADD CONSTRAINT "policies_validity_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "policies" ADD CONSTRAINT "policies_issuing_agency_id_agencies_id_fk" FOREIGN KEY ("issuing_agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "policies" ADD CONSTRAINT "policies_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "policies" ADD CONSTRAINT "policies_superseded_by_id_policies_id_fk" FOREIGN KEY ("superseded_by_id") REFERENCES "public"."policies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "policies" ADD CONSTRAINT "policies_last_edited_by_id_users_id_fk" FOREIGN KEY ("last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "policies" ADD CONSTRAINT "policies_workflow_submitted_by_id_users_id_fk" FOREIGN KEY ("workflow_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "policies" ADD CONSTRAINT "policies_workflow_returned_by_id_users_id_fk" FOREIGN KEY ("workflow_returned_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "policies" ADD CONSTRAINT "policies_workflow_approved_by_id_users_id_fk" FOREIGN KEY ("workflow_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "policies" ADD CONSTRAINT "policies_workflow_scheduled_by_id_users_id_fk" FOREIGN KEY ("workflow_scheduled_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "policies" ADD CONSTRAINT "policies_workflow_published_by_id_users_id_fk" FOREIGN KEY ("workflow_published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "policies" ADD CONSTRAINT "policies_workflow_withdrawn_by_id_users_id_fk" FOREIGN KEY ("workflow_withdrawn_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "policies" ADD CONSTRAINT "policies_workflow_invalidated_by_id_users_id_fk" FOREIGN KEY ("workflow_invalidated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "policies" ADD CONSTRAINT "policies_confidentiality_review_reviewer_id_users_id_fk" FOREIGN KEY ("confidentiality_review_reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "policies_rels" ADD CONSTRAINT "policies_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "policies_rels" ADD CONSTRAINT "policies_rels_agencies_fk" FOREIGN KEY ("agencies_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "policies_rels" ADD CONSTRAINT "policies_rels_policies_fk" FOREIGN KEY ("policies_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "policies_rels" ADD CONSTRAINT "policies_rels_gongkai_attachments_fk" FOREIGN KEY ("gongkai_attachments_id") REFERENCES "public"."gongkai_attachments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_policies_v_version_validity_history" ADD CONSTRAINT "_policies_v_version_validity_history_superseded_by_id_policies_id_fk" FOREIGN KEY ("superseded_by_id") REFERENCES "public"."policies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_policies_v_version_validity_history" ADD CONSTRAINT "_policies_v_version_validity_history_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_policies_v_version_validity_history" ADD CONSTRAINT "_policies_v_version_validity_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_policies_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_policies_v" ADD CONSTRAINT "_policies_v_parent_id_policies_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."policies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_policies_v" ADD CONSTRAINT "_policies_v_version_issuing_agency_id_agencies_id_fk" FOREIGN KEY ("version_issuing_agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_policies_v" ADD CONSTRAINT "_policies_v_version_topic_id_topics_id_fk" FOREIGN KEY ("version_topic_id") REFERENCES "public"."topics"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_policies_v" ADD CONSTRAINT "_policies_v_version_superseded_by_id_policies_id_fk" FOREIGN KEY ("version_superseded_by_id") REFERENCES "public"."policies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_policies_v" ADD CONSTRAINT "_policies_v_version_last_edited_by_id_users_id_fk" FOREIGN KEY ("version_last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_policies_v" ADD CONSTRAINT "_policies_v_version_workflow_submitted_by_id_users_id_fk" FOREIGN KEY ("version_workflow_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_policies_v" ADD CONSTRAINT "_policies_v_version_workflow_returned_by_id_users_id_fk" FOREIGN KEY ("version_workflow_returned_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_policies_v" ADD CONSTRAINT "_policies_v_version_workflow_approved_by_id_users_id_fk" FOREIGN KEY ("version_workflow_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_policies_v" ADD CONSTRAINT "_policies_v_version_workflow_scheduled_by_id_users_id_fk" FOREIGN KEY ("version_workflow_scheduled_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_policies_v" ADD CONSTRAINT "_policies_v_version_workflow_published_by_id_users_id_fk" FOREIGN KEY ("version_workflow_published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_policies_v" ADD CONSTRAINT "_policies_v_version_workflow_withdrawn_by_id_users_id_fk" FOREIGN KEY ("version_workflow_withdrawn_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_policies_v" ADD CONSTRAINT "_policies_v_version_workflow_invalidated_by_id_users_id_fk" FOREIGN KEY ("version_workflow_invalidated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_policies_v" ADD CONSTRAINT "_policies_v_version_confidentiality_review_reviewer_id_users_id_fk" FOREIGN KEY ("version_confidentiality_review_reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_policies_v_rels" ADD CONSTRAINT "_policies_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_policies_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_policies_v_rels" ADD CONSTRAINT "_policies_v_rels_agencies_fk" FOREIGN KEY ("agencies_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_policies_v_rels" ADD CONSTRAINT "_policies_v_rels_policies_fk" FOREIGN KEY ("policies_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_policies_v_rels" ADD CONSTRAINT "_policies_v_rels_gongkai_attachments_fk" FOREIGN KEY ("gongkai_attachments_id") REFERENCES "public"."gongkai_attachments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "interpretations" ADD CONSTRAINT "interpretations_interpreting_agency_id_agencies_id_fk" FOREIGN KEY ("interpreting_agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "interpretations" ADD CONSTRAINT "interpretations_last_edited_by_id_users_id_fk" FOREIGN KEY ("last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "interpretations" ADD CONSTRAINT "interpretations_workflow_submitted_by_id_users_id_fk" FOREIGN KEY ("workflow_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "interpretations" ADD CONSTRAINT "interpretations_workflow_returned_by_id_users_id_fk" FOREIGN KEY ("workflow_returned_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "interpretations" ADD CONSTRAINT "interpretations_workflow_approved_by_id_users_id_fk" FOREIGN KEY ("workflow_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "interpretations" ADD CONSTRAINT "interpretations_workflow_scheduled_by_id_users_id_fk" FOREIGN KEY ("workflow_scheduled_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "interpretations" ADD CONSTRAINT "interpretations_workflow_published_by_id_users_id_fk" FOREIGN KEY ("workflow_published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "interpretations" ADD CONSTRAINT "interpretations_workflow_withdrawn_by_id_users_id_fk" FOREIGN KEY ("workflow_withdrawn_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "interpretations" ADD CONSTRAINT "interpretations_workflow_invalidated_by_id_users_id_fk" FOREIGN KEY ("workflow_invalidated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "interpretations" ADD CONSTRAINT "interpretations_confidentiality_review_reviewer_id_users_id_fk" FOREIGN KEY ("confidentiality_review_reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "interpretations_rels" ADD CONSTRAINT "interpretations_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."interpretations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "interpretations_rels" ADD CONSTRAINT "interpretations_rels_policies_fk" FOREIGN KEY ("policies_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "interpretations_rels" ADD CONSTRAINT "interpretations_rels_gongkai_attachments_fk" FOREIGN KEY ("gongkai_attachments_id") REFERENCES "public"."gongkai_attachments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_interpretations_v" ADD CONSTRAINT "_interpretations_v_parent_id_interpretations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."interpretations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_interpretations_v" ADD CONSTRAINT "_interpretations_v_version_interpreting_agency_id_agencies_id_fk" FOREIGN KEY ("version_interpreting_agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_interpretations_v" ADD CONSTRAINT "_interpretations_v_version_last_edited_by_id_users_id_fk" FOREIGN KEY ("version_last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_interpretations_v" ADD CONSTRAINT "_interpretations_v_version_workflow_submitted_by_id_users_id_fk" FOREIGN KEY ("version_workflow_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_interpretations_v" ADD CONSTRAINT "_interpretations_v_version_workflow_returned_by_id_users_id_fk" FOREIGN KEY ("version_workflow_returned_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_interpretations_v" ADD CONSTRAINT "_interpretations_v_version_workflow_approved_by_id_users_id_fk" FOREIGN KEY ("version_workflow_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_interpretations_v" ADD CONSTRAINT "_interpretations_v_version_workflow_scheduled_by_id_users_id_fk" FOREIGN KEY ("version_workflow_scheduled_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_interpretations_v" ADD CONSTRAINT "_interpretations_v_version_workflow_published_by_id_users_id_fk" FOREIGN KEY ("version_workflow_published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_interpretations_v" ADD CONSTRAINT "_interpretations_v_version_workflow_withdrawn_by_id_users_id_fk" FOREIGN KEY ("version_workflow_withdrawn_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_interpretations_v" ADD CONSTRAINT "_interpretations_v_version_workflow_invalidated_by_id_users_id_fk" FOREIGN KEY ("version_workflow_invalidated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_interpretations_v" ADD CONSTRAINT "_interpretations_v_version_confidentiality_review_reviewer_id_users_id_fk" FOREIGN KEY ("version_confidentiality_review_reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_interpretations_v_rels" ADD CONSTRAINT "_interpretations_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_interpretations_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_interpretations_v_rels" ADD CONSTRAINT "_interpretations_v_rels_policies_fk" FOREIGN KEY ("policies_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_interpretations_v_rels" ADD CONSTRAINT "_interpretations_v_rels_gongkai_attachments_fk" FOREIGN KEY ("gongkai_attachments_id") REFERENCES "public"."gongkai_attachments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "decisions_public_comments" ADD CONSTRAINT "decisions_public_comments_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "decisions" ADD CONSTRAINT "decisions_responsible_agency_id_agencies_id_fk" FOREIGN KEY ("responsible_agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decisions" ADD CONSTRAINT "decisions_last_edited_by_id_users_id_fk" FOREIGN KEY ("last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decisions" ADD CONSTRAINT "decisions_workflow_submitted_by_id_users_id_fk" FOREIGN KEY ("workflow_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decisions" ADD CONSTRAINT "decisions_workflow_returned_by_id_users_id_fk" FOREIGN KEY ("workflow_returned_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decisions" ADD CONSTRAINT "decisions_workflow_approved_by_id_users_id_fk" FOREIGN KEY ("workflow_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decisions" ADD CONSTRAINT "decisions_workflow_scheduled_by_id_users_id_fk" FOREIGN KEY ("workflow_scheduled_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decisions" ADD CONSTRAINT "decisions_workflow_published_by_id_users_id_fk" FOREIGN KEY ("workflow_published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decisions" ADD CONSTRAINT "decisions_workflow_withdrawn_by_id_users_id_fk" FOREIGN KEY ("workflow_withdrawn_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decisions" ADD CONSTRAINT "decisions_workflow_invalidated_by_id_users_id_fk" FOREIGN KEY ("workflow_invalidated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decisions" ADD CONSTRAINT "decisions_confidentiality_review_reviewer_id_users_id_fk" FOREIGN KEY ("confidentiality_review_reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "decisions_rels" ADD CONSTRAINT "decisions_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "decisions_rels" ADD CONSTRAINT "decisions_rels_policies_fk" FOREIGN KEY ("policies_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_decisions_v_version_public_comments" ADD CONSTRAINT "_decisions_v_version_public_comments_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_decisions_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_decisions_v" ADD CONSTRAINT "_decisions_v_parent_id_decisions_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_decisions_v" ADD CONSTRAINT "_decisions_v_version_responsible_agency_id_agencies_id_fk" FOREIGN KEY ("version_responsible_agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_decisions_v" ADD CONSTRAINT "_decisions_v_version_last_edited_by_id_users_id_fk" FOREIGN KEY ("version_last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_decisions_v" ADD CONSTRAINT "_decisions_v_version_workflow_submitted_by_id_users_id_fk" FOREIGN KEY ("version_workflow_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_decisions_v" ADD CONSTRAINT "_decisions_v_version_workflow_returned_by_id_users_id_fk" FOREIGN KEY ("version_workflow_returned_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_decisions_v" ADD CONSTRAINT "_decisions_v_version_workflow_approved_by_id_users_id_fk" FOREIGN KEY ("version_workflow_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_decisions_v" ADD CONSTRAINT "_decisions_v_version_workflow_scheduled_by_id_users_id_fk" FOREIGN KEY ("version_workflow_scheduled_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_decisions_v" ADD CONSTRAINT "_decisions_v_version_workflow_published_by_id_users_id_fk" FOREIGN KEY ("version_workflow_published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_decisions_v" ADD CONSTRAINT "_decisions_v_version_workflow_withdrawn_by_id_users_id_fk" FOREIGN KEY ("version_workflow_withdrawn_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_decisions_v" ADD CONSTRAINT "_decisions_v_version_workflow_invalidated_by_id_users_id_fk" FOREIGN KEY ("version_workflow_invalidated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_decisions_v" ADD CONSTRAINT "_decisions_v_version_confidentiality_review_reviewer_id_users_id_fk" FOREIGN KEY ("version_confidentiality_review_reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_decisions_v_rels" ADD CONSTRAINT "_decisions_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_decisions_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_decisions_v_rels" ADD CONSTRAINT "_decisions_v_rels_policies_fk" FOREIGN KEY ("policies_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "participation_participants" ADD CONSTRAINT "participation_participants_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."participation"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "participation_opinions" ADD CONSTRAINT "participation_opinions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."participation"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "participation" ADD CONSTRAINT "participation_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "participation" ADD CONSTRAINT "participation_last_edited_by_id_users_id_fk" FOREIGN KEY ("last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "participation" ADD CONSTRAINT "participation_workflow_submitted_by_id_users_id_fk" FOREIGN KEY ("workflow_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "participation" ADD CONSTRAINT "participation_workflow_returned_by_id_users_id_fk" FOREIGN KEY ("workflow_returned_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "participation" ADD CONSTRAINT "participation_workflow_approved_by_id_users_id_fk" FOREIGN KEY ("workflow_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "participation" ADD CONSTRAINT "participation_workflow_scheduled_by_id_users_id_fk" FOREIGN KEY ("workflow_scheduled_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "participation" ADD CONSTRAINT "participation_workflow_published_by_id_users_id_fk" FOREIGN KEY ("workflow_published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "participation" ADD CONSTRAINT "participation_workflow_withdrawn_by_id_users_id_fk" FOREIGN KEY ("workflow_withdrawn_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "participation" ADD CONSTRAINT "participation_workflow_invalidated_by_id_users_id_fk" FOREIGN KEY ("workflow_invalidated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "participation" ADD CONSTRAINT "participation_confidentiality_review_reviewer_id_users_id_fk" FOREIGN KEY ("confidentiality_review_reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "participation" ADD CONSTRAINT "participation_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_participation_v_version_participants" ADD CONSTRAINT "_participation_v_version_participants_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_participation_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_participation_v_version_opinions" ADD CONSTRAINT "_participation_v_version_opinions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_participation_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_participation_v" ADD CONSTRAINT "_participation_v_parent_id_participation_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."participation"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_participation_v" ADD CONSTRAINT "_participation_v_version_decision_id_decisions_id_fk" FOREIGN KEY ("version_decision_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_participation_v" ADD CONSTRAINT "_participation_v_version_last_edited_by_id_users_id_fk" FOREIGN KEY ("version_last_edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_participation_v" ADD CONSTRAINT "_participation_v_version_workflow_submitted_by_id_users_id_fk" FOREIGN KEY ("version_workflow_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_participation_v" ADD CONSTRAINT "_participation_v_version_workflow_returned_by_id_users_id_fk" FOREIGN KEY ("version_workflow_returned_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_participation_v" ADD CONSTRAINT "_participation_v_version_workflow_approved_by_id_users_id_fk" FOREIGN KEY ("version_workflow_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_participation_v" ADD CONSTRAINT "_participation_v_version_workflow_scheduled_by_id_users_id_fk" FOREIGN KEY ("version_workflow_scheduled_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_participation_v" ADD CONSTRAINT "_participation_v_version_workflow_published_by_id_users_id_fk" FOREIGN KEY ("version_workflow_published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_participation_v" ADD CONSTRAINT "_participation_v_version_workflow_withdrawn_by_id_users_id_fk" FOREIGN KEY ("version_workflow_withdrawn_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_participation_v" ADD CONSTRAINT "_participation_v_version_workflow_invalidated_by_id_users_id_fk" FOREIGN KEY ("version_workflow_invalidated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_participation_v" ADD CONSTRAINT "_participation_v_version_confidentiality_review_reviewer_id_users_id_fk" FOREIGN KEY ("version_confidentiality_review_reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_participation_v" ADD CONSTRAINT "_participation_v_version_agency_id_agencies_id_fk" FOREIGN KEY ("version_agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "agencies" ADD CONSTRAINT "agencies_parent_id_agencies_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "topics" ADD CONSTRAINT "topics_parent_id_topics_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."topics"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "gongkai_audit_log" ADD CONSTRAINT "gongkai_audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_policies_fk" FOREIGN KEY ("policies_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_interpretations_fk" FOREIGN KEY ("interpretations_id") REFERENCES "public"."interpretations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_decisions_fk" FOREIGN KEY ("decisions_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_participation_fk" FOREIGN KEY ("participation_id") REFERENCES "public"."participation"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_agencies_fk" FOREIGN KEY ("agencies_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_topics_fk" FOREIGN KEY ("topics_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_gongkai_attachments_fk" FOREIGN KEY ("gongkai_attachments_id") REFERENCES "public"."gongkai_attachments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_gongkai_audit_log_fk" FOREIGN KEY ("gongkai_audit_log_id") REFERENCES "public"."gongkai_audit_log"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_gongkai_index_counters_fk" FOREIGN KEY ("gongkai_index_counters_id") REFERENCES "public"."gongkai_index_counters"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_query_presets_rels" ADD CONSTRAINT "payload_query_presets_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_query_presets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_query_presets_rels" ADD CONSTRAINT "payload_query_presets_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "users_agency_roles_roles_order_idx" ON "users_agency_roles_roles" USING btree ("order");
  CREATE INDEX "users_agency_roles_roles_parent_idx" ON "users_agency_roles_roles" USING btree ("parent_id");
  CREATE INDEX "users_agency_roles_order_idx" ON "users_agency_roles" USING btree ("_order");
  CREATE INDEX "users_agency_roles_parent_id_idx" ON "users_agency_roles" USING btree ("_parent_id");
  CREATE INDEX "users_agency_roles_agency_idx" ON "users_agency_roles" USING btree ("agency_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE INDEX "policies_validity_history_order_idx" ON "policies_validity_history" USING btree ("_order");
  CREATE INDEX "policies_validity_history_parent_id_idx" ON "policies_validity_history" USING btree ("_parent_id");
  CREATE INDEX "policies_validity_history_superseded_by_idx" ON "policies_validity_history" USING btree ("superseded_by_id");
  CREATE INDEX "policies_validity_history_recorded_by_idx" ON "policies_validity_history" USING btree ("recorded_by_id");
  CREATE INDEX "policies_document_number_idx" ON "policies" USING btree ("document_number");
  CREATE UNIQUE INDEX "policies_index_number_idx" ON "policies" USING btree ("index_number");
  CREATE INDEX "policies_issuing_agency_idx" ON "policies" USING btree ("issuing_agency_id");
  CREATE INDEX "policies_written_date_idx" ON "policies" USING btree ("written_date");
  CREATE INDEX "policies_publish_date_idx" ON "policies" USING btree ("publish_date");
  CREATE INDEX "policies_topic_idx" ON "policies" USING btree ("topic_id");
  CREATE INDEX "policies_superseded_by_idx" ON "policies" USING btree ("superseded_by_id");
  CREATE INDEX "policies_workflow_state_idx" ON "policies" USING btree ("workflow_state");
  CREATE INDEX "policies_last_edited_by_idx" ON "policies" USING btree ("last_edited_by_id");
  CREATE INDEX "policies_workflow_workflow_submitted_by_idx" ON "policies" USING btree ("workflow_submitted_by_id");
  CREATE INDEX "policies_workflow_workflow_returned_by_idx" ON "policies" USING btree ("workflow_returned_by_id");
  CREATE INDEX "policies_workflow_workflow_approved_by_idx" ON "policies" USING btree ("workflow_approved_by_id");
  CREATE INDEX "policies_workflow_workflow_scheduled_by_idx" ON "policies" USING btree ("workflow_scheduled_by_id");
  CREATE INDEX "policies_workflow_workflow_published_by_idx" ON "policies" USING btree ("workflow_published_by_id");
  CREATE INDEX "policies_workflow_workflow_withdrawn_by_idx" ON "policies" USING btree ("workflow_withdrawn_by_id");
  CREATE INDEX "policies_workflow_workflow_invalidated_by_idx" ON "policies" USING btree ("workflow_invalidated_by_id");
  CREATE INDEX "policies_next_disclosure_review_date_idx" ON "policies" USING btree ("next_disclosure_review_date");
  CREATE INDEX "policies_confidentiality_review_confidentiality_review_r_idx" ON "policies" USING btree ("confidentiality_review_reviewer_id");
  CREATE INDEX "policies_updated_at_idx" ON "policies" USING btree ("updated_at");
  CREATE INDEX "policies_created_at_idx" ON "policies" USING btree ("created_at");
  CREATE INDEX "policies__status_idx" ON "policies" USING btree ("_status");
  CREATE INDEX "policies_rels_order_idx" ON "policies_rels" USING btree ("order");
  CREATE INDEX "policies_rels_parent_idx" ON "policies_rels" USING btree ("parent_id");
  CREATE INDEX "policies_rels_path_idx" ON "policies_rels" USING btree ("path");
  CREATE INDEX "policies_rels_agencies_id_idx" ON "policies_rels" USING btree ("agencies_id");
  CREATE INDEX "policies_rels_policies_id_idx" ON "policies_rels" USING btree ("policies_id");
  CREATE INDEX "policies_rels_gongkai_attachments_id_idx" ON "policies_rels" USING btree ("gongkai_attachments_id");
  CREATE INDEX "_policies_v_version_validity_history_order_idx" ON "_policies_v_version_validity_history" USING btree ("_order");
  CREATE INDEX "_policies_v_version_validity_history_parent_id_idx" ON "_policies_v_version_validity_history" USING btree ("_parent_id");
  CREATE INDEX "_policies_v_version_validity_history_superseded_by_idx" ON "_policies_v_version_validity_history" USING btree ("superseded_by_id");
  CREATE INDEX "_policies_v_version_validity_history_recorded_by_idx" ON "_policies_v_version_validity_history" USING btree ("recorded_by_id");
  CREATE INDEX "_policies_v_parent_idx" ON "_policies_v" USING btree ("parent_id");
  CREATE INDEX "_policies_v_version_version_document_number_idx" ON "_policies_v" USING btree ("version_document_number");
  CREATE INDEX "_policies_v_version_version_index_number_idx" ON "_policies_v" USING btree ("version_index_number");
  CREATE INDEX "_policies_v_version_version_issuing_agency_idx" ON "_policies_v" USING btree ("version_issuing_agency_id");
  CREATE INDEX "_policies_v_version_version_written_date_idx" ON "_policies_v" USING btree ("version_written_date");
  CREATE INDEX "_policies_v_version_version_publish_date_idx" ON "_policies_v" USING btree ("version_publish_date");
  CREATE INDEX "_policies_v_version_version_topic_idx" ON "_policies_v" USING btree ("version_topic_id");
  CREATE INDEX "_policies_v_version_version_superseded_by_idx" ON "_policies_v" USING btree ("version_superseded_by_id");
  CREATE INDEX "_policies_v_version_version_workflow_state_idx" ON "_policies_v" USING btree ("version_workflow_state");
  CREATE INDEX "_policies_v_version_version_last_edited_by_idx" ON "_policies_v" USING btree ("version_last_edited_by_id");
  CREATE INDEX "_policies_v_version_workflow_version_workflow_submitted__idx" ON "_policies_v" USING btree ("version_workflow_submitted_by_id");
  CREATE INDEX "_policies_v_version_workflow_version_workflow_returned_b_idx" ON "_policies_v" USING btree ("version_workflow_returned_by_id");
  CREATE INDEX "_policies_v_version_workflow_version_workflow_approved_b_idx" ON "_policies_v" USING btree ("version_workflow_approved_by_id");
  CREATE INDEX "_policies_v_version_workflow_version_workflow_scheduled__idx" ON "_policies_v" USING btree ("version_workflow_scheduled_by_id");
  CREATE INDEX "_policies_v_version_workflow_version_workflow_published__idx" ON "_policies_v" USING btree ("version_workflow_published_by_id");
  CREATE INDEX "_policies_v_version_workflow_version_workflow_withdrawn__idx" ON "_policies_v" USING btree ("version_workflow_withdrawn_by_id");
  CREATE INDEX "_policies_v_version_workflow_version_workflow_invalidate_idx" ON "_policies_v" USING btree ("version_workflow_invalidated_by_id");
  CREATE INDEX "_policies_v_version_version_next_disclosure_review_date_idx" ON "_policies_v" USING btree ("version_next_disclosure_review_date");
  CREATE INDEX "_policies_v_version_confidentiality_review_version_confi_idx" ON "_policies_v" USING btree ("version_confidentiality_review_reviewer_id");
  CREATE INDEX "_policies_v_version_version_updated_at_idx" ON "_policies_v" USING btree ("version_updated_at");
  CREATE INDEX "_policies_v_version_version_created_at_idx" ON "_policies_v" USING btree ("version_created_at");
  CREATE INDEX "_policies_v_version_version__status_idx" ON "_policies_v" USING btree ("version__status");
  CREATE INDEX "_policies_v_created_at_idx" ON "_policies_v" USING btree ("created_at");
  CREATE INDEX "_policies_v_updated_at_idx" ON "_policies_v" USING btree ("updated_at");
  CREATE INDEX "_policies_v_latest_idx" ON "_policies_v" USING btree ("latest");
  CREATE INDEX "_policies_v_rels_order_idx" ON "_policies_v_rels" USING btree ("order");
  CREATE INDEX "_policies_v_rels_parent_idx" ON "_policies_v_rels" USING btree ("parent_id");
  CREATE INDEX "_policies_v_rels_path_idx" ON "_policies_v_rels" USING btree ("path");
  CREATE INDEX "_policies_v_rels_agencies_id_idx" ON "_policies_v_rels" USING btree ("agencies_id");
  CREATE INDEX "_policies_v_rels_policies_id_idx" ON "_policies_v_rels" USING btree ("policies_id");
  CREATE INDEX "_policies_v_rels_gongkai_attachments_id_idx" ON "_policies_v_rels" USING btree ("gongkai_attachments_id");
  CREATE INDEX "interpretations_interpreting_agency_idx" ON "interpretations" USING btree ("interpreting_agency_id");
  CREATE INDEX "interpretations_workflow_state_idx" ON "interpretations" USING btree ("workflow_state");
  CREATE INDEX "interpretations_last_edited_by_idx" ON "interpretations" USING btree ("last_edited_by_id");
  CREATE INDEX "interpretations_workflow_workflow_submitted_by_idx" ON "interpretations" USING btree ("workflow_submitted_by_id");
  CREATE INDEX "interpretations_workflow_workflow_returned_by_idx" ON "interpretations" USING btree ("workflow_returned_by_id");
  CREATE INDEX "interpretations_workflow_workflow_approved_by_idx" ON "interpretations" USING btree ("workflow_approved_by_id");
  CREATE INDEX "interpretations_workflow_workflow_scheduled_by_idx" ON "interpretations" USING btree ("workflow_scheduled_by_id");
  CREATE INDEX "interpretations_workflow_workflow_published_by_idx" ON "interpretations" USING btree ("workflow_published_by_id");
  CREATE INDEX "interpretations_workflow_workflow_withdrawn_by_idx" ON "interpretations" USING btree ("workflow_withdrawn_by_id");
  CREATE INDEX "interpretations_workflow_workflow_invalidated_by_idx" ON "interpretations" USING btree ("workflow_invalidated_by_id");
  CREATE INDEX "interpretations_confidentiality_review_confidentiality_r_idx" ON "interpretations" USING btree ("confidentiality_review_reviewer_id");
  CREATE INDEX "interpretations_updated_at_idx" ON "interpretations" USING btree ("updated_at");
  CREATE INDEX "interpretations_created_at_idx" ON "interpretations" USING btree ("created_at");
  CREATE INDEX "interpretations__status_idx" ON "interpretations" USING btree ("_status");
  CREATE INDEX "interpretations_rels_order_idx" ON "interpretations_rels" USING btree ("order");
  CREATE INDEX "interpretations_rels_parent_idx" ON "interpretations_rels" USING btree ("parent_id");
  CREATE INDEX "interpretations_rels_path_idx" ON "interpretations_rels" USING btree ("path");
  CREATE INDEX "interpretations_rels_policies_id_idx" ON "interpretations_rels" USING btree ("policies_id");
  CREATE INDEX "interpretations_rels_gongkai_attachments_id_idx" ON "interpretations_rels" USING btree ("gongkai_attachments_id");
  CREATE INDEX "_interpretations_v_parent_idx" ON "_interpretations_v" USING btree ("parent_id");
  CREATE INDEX "_interpretations_v_version_version_interpreting_agency_idx" ON "_interpretations_v" USING btree ("version_interpreting_agency_id");
  CREATE INDEX "_interpretations_v_version_version_workflow_state_idx" ON "_interpretations_v" USING btree ("version_workflow_state");
  CREATE INDEX "_interpretations_v_version_version_last_edited_by_idx" ON "_interpretations_v" USING btree ("version_last_edited_by_id");
  CREATE INDEX "_interpretations_v_version_workflow_version_workflow_sub_idx" ON "_interpretations_v" USING btree ("version_workflow_submitted_by_id");
  CREATE INDEX "_interpretations_v_version_workflow_version_workflow_ret_idx" ON "_interpretations_v" USING btree ("version_workflow_returned_by_id");
  CREATE INDEX "_interpretations_v_version_workflow_version_workflow_app_idx" ON "_interpretations_v" USING btree ("version_workflow_approved_by_id");
  CREATE INDEX "_interpretations_v_version_workflow_version_workflow_sch_idx" ON "_interpretations_v" USING btree ("version_workflow_scheduled_by_id");
  CREATE INDEX "_interpretations_v_version_workflow_version_workflow_pub_idx" ON "_interpretations_v" USING btree ("version_workflow_published_by_id");
  CREATE INDEX "_interpretations_v_version_workflow_version_workflow_wit_idx" ON "_interpretations_v" USING btree ("version_workflow_withdrawn_by_id");
  CREATE INDEX "_interpretations_v_version_workflow_version_workflow_inv_idx" ON "_interpretations_v" USING btree ("version_workflow_invalidated_by_id");
  CREATE INDEX "_interpretations_v_version_confidentiality_review_versio_idx" ON "_interpretations_v" USING btree ("version_confidentiality_review_reviewer_id");
  CREATE INDEX "_interpretations_v_version_version_updated_at_idx" ON "_interpretations_v" USING btree ("version_updated_at");
  CREATE INDEX "_interpretations_v_version_version_created_at_idx" ON "_interpretations_v" USING btree ("version_created_at");
  CREATE INDEX "_interpretations_v_version_version__status_idx" ON "_interpretations_v" USING btree ("version__status");
  CREATE INDEX "_interpretations_v_created_at_idx" ON "_interpretations_v" USING btree ("created_at");
  CREATE INDEX "_interpretations_v_updated_at_idx" ON "_interpretations_v" USING btree ("updated_at");
  CREATE INDEX "_interpretations_v_latest_idx" ON "_interpretations_v" USING btree ("latest");
  CREATE INDEX "_interpretations_v_rels_order_idx" ON "_interpretations_v_rels" USING btree ("order");
  CREATE INDEX "_interpretations_v_rels_parent_idx" ON "_interpretations_v_rels" USING btree ("parent_id");
  CREATE INDEX "_interpretations_v_rels_path_idx" ON "_interpretations_v_rels" USING btree ("path");
  CREATE INDEX "_interpretations_v_rels_policies_id_idx" ON "_interpretations_v_rels" USING btree ("policies_id");
  CREATE INDEX "_interpretations_v_rels_gongkai_attachments_id_idx" ON "_interpretations_v_rels" USING btree ("gongkai_attachments_id");
  CREATE INDEX "decisions_public_comments_order_idx" ON "decisions_public_comments" USING btree ("_order");
  CREATE INDEX "decisions_public_comments_parent_id_idx" ON "decisions_public_comments" USING btree ("_parent_id");
  CREATE INDEX "decisions_responsible_agency_idx" ON "decisions" USING btree ("responsible_agency_id");
  CREATE INDEX "decisions_workflow_state_idx" ON "decisions" USING btree ("workflow_state");
  CREATE INDEX "decisions_last_edited_by_idx" ON "decisions" USING btree ("last_edited_by_id");
  CREATE INDEX "decisions_workflow_workflow_submitted_by_idx" ON "decisions" USING btree ("workflow_submitted_by_id");
  CREATE INDEX "decisions_workflow_workflow_returned_by_idx" ON "decisions" USING btree ("workflow_returned_by_id");
  CREATE INDEX "decisions_workflow_workflow_approved_by_idx" ON "decisions" USING btree ("workflow_approved_by_id");
  CREATE INDEX "decisions_workflow_workflow_scheduled_by_idx" ON "decisions" USING btree ("workflow_scheduled_by_id");
  CREATE INDEX "decisions_workflow_workflow_published_by_idx" ON "decisions" USING btree ("workflow_published_by_id");
  CREATE INDEX "decisions_workflow_workflow_withdrawn_by_idx" ON "decisions" USING btree ("workflow_withdrawn_by_id");
  CREATE INDEX "decisions_workflow_workflow_invalidated_by_idx" ON "decisions" USING btree ("workflow_invalidated_by_id");
  CREATE INDEX "decisions_confidentiality_review_confidentiality_review__idx" ON "decisions" USING btree ("confidentiality_review_reviewer_id");
  CREATE INDEX "decisions_updated_at_idx" ON "decisions" USING btree ("updated_at");
  CREATE INDEX "decisions_created_at_idx" ON "decisions" USING btree ("created_at");
  CREATE INDEX "decisions__status_idx" ON "decisions" USING btree ("_status");
  CREATE UNIQUE INDEX "catalogueYear_catalogueNumber_idx" ON "decisions" USING btree ("catalogue_year","catalogue_number");
  CREATE INDEX "decisions_rels_order_idx" ON "decisions_rels" USING btree ("order");
  CREATE INDEX "decisions_rels_parent_idx" ON "decisions_rels" USING btree ("parent_id");
  CREATE INDEX "decisions_rels_path_idx" ON "decisions_rels" USING btree ("path");
  CREATE INDEX "decisions_rels_policies_id_idx" ON "decisions_rels" USING btree ("policies_id");
  CREATE INDEX "_decisions_v_version_public_comments_order_idx" ON "_decisions_v_version_public_comments" USING btree ("_order");
  CREATE INDEX "_decisions_v_version_public_comments_parent_id_idx" ON "_decisions_v_version_public_comments" USING btree ("_parent_id");
  CREATE INDEX "_decisions_v_parent_idx" ON "_decisions_v" USING btree ("parent_id");
  CREATE INDEX "_decisions_v_version_version_responsible_agency_idx" ON "_decisions_v" USING btree ("version_responsible_agency_id");
  CREATE INDEX "_decisions_v_version_version_workflow_state_idx" ON "_decisions_v" USING btree ("version_workflow_state");
  CREATE INDEX "_decisions_v_version_version_last_edited_by_idx" ON "_decisions_v" USING btree ("version_last_edited_by_id");
  CREATE INDEX "_decisions_v_version_workflow_version_workflow_submitted_idx" ON "_decisions_v" USING btree ("version_workflow_submitted_by_id");
  CREATE INDEX "_decisions_v_version_workflow_version_workflow_returned__idx" ON "_decisions_v" USING btree ("version_workflow_returned_by_id");
  CREATE INDEX "_decisions_v_version_workflow_version_workflow_approved__idx" ON "_decisions_v" USING btree ("version_workflow_approved_by_id");
  CREATE INDEX "_decisions_v_version_workflow_version_workflow_scheduled_idx" ON "_decisions_v" USING btree ("version_workflow_scheduled_by_id");
  CREATE INDEX "_decisions_v_version_workflow_version_workflow_published_idx" ON "_decisions_v" USING btree ("version_workflow_published_by_id");
  CREATE INDEX "_decisions_v_version_workflow_version_workflow_withdrawn_idx" ON "_decisions_v" USING btree ("version_workflow_withdrawn_by_id");
  CREATE INDEX "_decisions_v_version_workflow_version_workflow_invalidat_idx" ON "_decisions_v" USING btree ("version_workflow_invalidated_by_id");
  CREATE INDEX "_decisions_v_version_confidentiality_review_version_conf_idx" ON "_decisions_v" USING btree ("version_confidentiality_review_reviewer_id");
  CREATE INDEX "_decisions_v_version_version_updated_at_idx" ON "_decisions_v" USING btree ("version_updated_at");
  CREATE INDEX "_decisions_v_version_version_created_at_idx" ON "_decisions_v" USING btree ("version_created_at");
  CREATE INDEX "_decisions_v_version_version__status_idx" ON "_decisions_v" USING btree ("version__status");
  CREATE INDEX "_decisions_v_created_at_idx" ON "_decisions_v" USING btree ("created_at");
  CREATE INDEX "_decisions_v_updated_at_idx" ON "_decisions_v" USING btree ("updated_at");
  CREATE INDEX "_decisions_v_latest_idx" ON "_decisions_v" USING btree ("latest");
  CREATE INDEX "version_catalogueYear_version_catalogueNumber_idx" ON "_decisions_v" USING btree ("version_catalogue_year","version_catalogue_number");
  CREATE INDEX "_decisions_v_rels_order_idx" ON "_decisions_v_rels" USING btree ("order");
  CREATE INDEX "_decisions_v_rels_parent_idx" ON "_decisions_v_rels" USING btree ("parent_id");
  CREATE INDEX "_decisions_v_rels_path_idx" ON "_decisions_v_rels" USING btree ("path");
  CREATE INDEX "_decisions_v_rels_policies_id_idx" ON "_decisions_v_rels" USING btree ("policies_id");
  CREATE INDEX "participation_participants_order_idx" ON "participation_participants" USING btree ("_order");
  CREATE INDEX "participation_participants_parent_id_idx" ON "participation_participants" USING btree ("_parent_id");
  CREATE INDEX "participation_opinions_order_idx" ON "participation_opinions" USING btree ("_order");
  CREATE INDEX "participation_opinions_parent_id_idx" ON "participation_opinions" USING btree ("_parent_id");
  CREATE INDEX "participation_decision_idx" ON "participation" USING btree ("decision_id");
  CREATE INDEX "participation_workflow_state_idx" ON "participation" USING btree ("workflow_state");
  CREATE INDEX "participation_last_edited_by_idx" ON "participation" USING btree ("last_edited_by_id");
  CREATE INDEX "participation_workflow_workflow_submitted_by_idx" ON "participation" USING btree ("workflow_submitted_by_id");
  CREATE INDEX "participation_workflow_workflow_returned_by_idx" ON "participation" USING btree ("workflow_returned_by_id");
  CREATE INDEX "participation_workflow_workflow_approved_by_idx" ON "participation" USING btree ("workflow_approved_by_id");
  CREATE INDEX "participation_workflow_workflow_scheduled_by_idx" ON "participation" USING btree ("workflow_scheduled_by_id");
  CREATE INDEX "participation_workflow_workflow_published_by_idx" ON "participation" USING btree ("workflow_published_by_id");
  CREATE INDEX "participation_workflow_workflow_withdrawn_by_idx" ON "participation" USING btree ("workflow_withdrawn_by_id");
  CREATE INDEX "participation_workflow_workflow_invalidated_by_idx" ON "participation" USING btree ("workflow_invalidated_by_id");
  CREATE INDEX "participation_confidentiality_review_confidentiality_rev_idx" ON "participation" USING btree ("confidentiality_review_reviewer_id");
  CREATE INDEX "participation_agency_idx" ON "participation" USING btree ("agency_id");
  CREATE INDEX "participation_updated_at_idx" ON "participation" USING btree ("updated_at");
  CREATE INDEX "participation_created_at_idx" ON "participation" USING btree ("created_at");
  CREATE INDEX "participation__status_idx" ON "participation" USING btree ("_status");
  CREATE INDEX "_participation_v_version_participants_order_idx" ON "_participation_v_version_participants" USING btree ("_order");
  CREATE INDEX "_participation_v_version_participants_parent_id_idx" ON "_participation_v_version_participants" USING btree ("_parent_id");
  CREATE INDEX "_participation_v_version_opinions_order_idx" ON "_participation_v_version_opinions" USING btree ("_order");
  CREATE INDEX "_participation_v_version_opinions_parent_id_idx" ON "_participation_v_version_opinions" USING btree ("_parent_id");
  CREATE INDEX "_participation_v_parent_idx" ON "_participation_v" USING btree ("parent_id");
  CREATE INDEX "_participation_v_version_version_decision_idx" ON "_participation_v" USING btree ("version_decision_id");
  CREATE INDEX "_participation_v_version_version_workflow_state_idx" ON "_participation_v" USING btree ("version_workflow_state");
  CREATE INDEX "_participation_v_version_version_last_edited_by_idx" ON "_participation_v" USING btree ("version_last_edited_by_id");
  CREATE INDEX "_participation_v_version_workflow_version_workflow_submi_idx" ON "_participation_v" USING btree ("version_workflow_submitted_by_id");
  CREATE INDEX "_participation_v_version_workflow_version_workflow_retur_idx" ON "_participation_v" USING btree ("version_workflow_returned_by_id");
  CREATE INDEX "_participation_v_version_workflow_version_workflow_appro_idx" ON "_participation_v" USING btree ("version_workflow_approved_by_id");
  CREATE INDEX "_participation_v_version_workflow_version_workflow_sched_idx" ON "_participation_v" USING btree ("version_workflow_scheduled_by_id");
  CREATE INDEX "_participation_v_version_workflow_version_workflow_publi_idx" ON "_participation_v" USING btree ("version_workflow_published_by_id");
  CREATE INDEX "_participation_v_version_workflow_version_workflow_withd_idx" ON "_participation_v" USING btree ("version_workflow_withdrawn_by_id");
  CREATE INDEX "_participation_v_version_workflow_version_workflow_inval_idx" ON "_participation_v" USING btree ("version_workflow_invalidated_by_id");
  CREATE INDEX "_participation_v_version_confidentiality_review_version__idx" ON "_participation_v" USING btree ("version_confidentiality_review_reviewer_id");
  CREATE INDEX "_participation_v_version_version_agency_idx" ON "_participation_v" USING btree ("version_agency_id");
  CREATE INDEX "_participation_v_version_version_updated_at_idx" ON "_participation_v" USING btree ("version_updated_at");
  CREATE INDEX "_participation_v_version_version_created_at_idx" ON "_participation_v" USING btree ("version_created_at");
  CREATE INDEX "_participation_v_version_version__status_idx" ON "_participation_v" USING btree ("version__status");
  CREATE INDEX "_participation_v_created_at_idx" ON "_participation_v" USING btree ("created_at");
  CREATE INDEX "_participation_v_updated_at_idx" ON "_participation_v" USING btree ("updated_at");
  CREATE INDEX "_participation_v_latest_idx" ON "_participation_v" USING btree ("latest");
  CREATE INDEX "agencies_name_idx" ON "agencies" USING btree ("name");
  CREATE UNIQUE INDEX "agencies_organization_code_idx" ON "agencies" USING btree ("organization_code");
  CREATE INDEX "agencies_parent_idx" ON "agencies" USING btree ("parent_id");
  CREATE INDEX "agencies_updated_at_idx" ON "agencies" USING btree ("updated_at");
  CREATE INDEX "agencies_created_at_idx" ON "agencies" USING btree ("created_at");
  CREATE UNIQUE INDEX "topics_code_idx" ON "topics" USING btree ("code");
  CREATE INDEX "topics_parent_idx" ON "topics" USING btree ("parent_id");
  CREATE INDEX "topics_updated_at_idx" ON "topics" USING btree ("updated_at");
  CREATE INDEX "topics_created_at_idx" ON "topics" USING btree ("created_at");
  CREATE INDEX "gongkai_attachments_updated_at_idx" ON "gongkai_attachments" USING btree ("updated_at");
  CREATE INDEX "gongkai_attachments_created_at_idx" ON "gongkai_attachments" USING btree ("created_at");
  CREATE UNIQUE INDEX "gongkai_attachments_filename_idx" ON "gongkai_attachments" USING btree ("filename");
  CREATE INDEX "gongkai_audit_log_action_idx" ON "gongkai_audit_log" USING btree ("action");
  CREATE INDEX "gongkai_audit_log_collection_slug_idx" ON "gongkai_audit_log" USING btree ("collection_slug");
  CREATE INDEX "gongkai_audit_log_document_id_idx" ON "gongkai_audit_log" USING btree ("document_id");
  CREATE INDEX "gongkai_audit_log_user_idx" ON "gongkai_audit_log" USING btree ("user_id");
  CREATE INDEX "gongkai_audit_log_updated_at_idx" ON "gongkai_audit_log" USING btree ("updated_at");
  CREATE INDEX "gongkai_audit_log_created_at_idx" ON "gongkai_audit_log" USING btree ("created_at");
  CREATE UNIQUE INDEX "prefix_period_idx" ON "gongkai_index_counters" USING btree ("prefix","period");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_policies_id_idx" ON "payload_locked_documents_rels" USING btree ("policies_id");
  CREATE INDEX "payload_locked_documents_rels_interpretations_id_idx" ON "payload_locked_documents_rels" USING btree ("interpretations_id");
  CREATE INDEX "payload_locked_documents_rels_decisions_id_idx" ON "payload_locked_documents_rels" USING btree ("decisions_id");
  CREATE INDEX "payload_locked_documents_rels_participation_id_idx" ON "payload_locked_documents_rels" USING btree ("participation_id");
  CREATE INDEX "payload_locked_documents_rels_agencies_id_idx" ON "payload_locked_documents_rels" USING btree ("agencies_id");
  CREATE INDEX "payload_locked_documents_rels_topics_id_idx" ON "payload_locked_documents_rels" USING btree ("topics_id");
  CREATE INDEX "payload_locked_documents_rels_gongkai_attachments_id_idx" ON "payload_locked_documents_rels" USING btree ("gongkai_attachments_id");
  CREATE INDEX "payload_locked_documents_rels_gongkai_audit_log_id_idx" ON "payload_locked_documents_rels" USING btree ("gongkai_audit_log_id");
  CREATE INDEX "payload_locked_documents_rels_gongkai_index_counters_id_idx" ON "payload_locked_documents_rels" USING btree ("gongkai_index_counters_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");
  CREATE INDEX "payload_query_presets_updated_at_idx" ON "payload_query_presets" USING btree ("updated_at");
  CREATE INDEX "payload_query_presets_created_at_idx" ON "payload_query_presets" USING btree ("created_at");
  CREATE INDEX "payload_query_presets_rels_order_idx" ON "payload_query_presets_rels" USING btree ("order");
  CREATE INDEX "payload_query_presets_rels_parent_idx" ON "payload_query_presets_rels" USING btree ("parent_id");
  CREATE INDEX "payload_query_presets_rels_path_idx" ON "payload_query_presets_rels" USING btree ("path");
  CREATE INDEX "payload_query_presets_rels_users_id_idx" ON "payload_query_presets_rels" USING btree ("users_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "users_agency_roles_roles" CASCADE;
  DROP TABLE "users_agency_roles" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "policies_validity_history" CASCADE;
  DROP TABLE "policies" CASCADE;
  DROP TABLE "policies_rels" CASCADE;
  DROP TABLE "_policies_v_version_validity_history" CASCADE;
  DROP TABLE "_policies_v" CASCADE;
  DROP TABLE "_policies_v_rels" CASCADE;
  DROP TABLE "interpretations" CASCADE;
  DROP TABLE "interpretations_rels" CASCADE;
  DROP TABLE "_interpretations_v" CASCADE;
  DROP TABLE "_interpretations_v_rels" CASCADE;
  DROP TABLE "decisions_public_comments" CASCADE;
  DROP TABLE "decisions" CASCADE;
  DROP TABLE "decisions_rels" CASCADE;
  DROP TABLE "_decisions_v_version_public_comments" CASCADE;
  DROP TABLE "_decisions_v" CASCADE;
  DROP TABLE "_decisions_v_rels" CASCADE;
  DROP TABLE "participation_participants" CASCADE;
  DROP TABLE "participation_opinions" CASCADE;
  DROP TABLE "participation" CASCADE;
  DROP TABLE "_participation_v_version_participants" CASCADE;
  DROP TABLE "_participation_v_version_opinions" CASCADE;
  DROP TABLE "_participation_v" CASCADE;
  DROP TABLE "agencies" CASCADE;
  DROP TABLE "topics" CASCADE;
  DROP TABLE "gongkai_attachments" CASCADE;
  DROP TABLE "gongkai_audit_log" CASCADE;
  DROP TABLE "gongkai_index_counters" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TABLE "payload_query_presets" CASCADE;
  DROP TABLE "payload_query_presets_rels" CASCADE;
  DROP TYPE "public"."enum_users_agency_roles_roles";
  DROP TYPE "public"."enum_policies_validity_history_validity";
  DROP TYPE "public"."enum_policies_document_type";
  DROP TYPE "public"."enum_policies_validity";
  DROP TYPE "public"."enum_policies_disclosure";
  DROP TYPE "public"."enum_policies_non_disclosure_reason";
  DROP TYPE "public"."enum_policies_classification";
  DROP TYPE "public"."enum_policies_workflow_state";
  DROP TYPE "public"."enum_policies_review_conclusion";
  DROP TYPE "public"."enum_policies_status";
  DROP TYPE "public"."enum__policies_v_version_validity_history_validity";
  DROP TYPE "public"."enum__policies_v_version_document_type";
  DROP TYPE "public"."enum__policies_v_version_validity";
  DROP TYPE "public"."enum__policies_v_version_disclosure";
  DROP TYPE "public"."enum__policies_v_version_non_disclosure_reason";
  DROP TYPE "public"."enum__policies_v_version_classification";
  DROP TYPE "public"."enum__policies_v_version_workflow_state";
  DROP TYPE "public"."enum__policies_v_review_conclusion";
  DROP TYPE "public"."enum__policies_v_version_status";
  DROP TYPE "public"."enum_interpretations_form";
  DROP TYPE "public"."enum_interpretations_workflow_state";
  DROP TYPE "public"."enum_interpretations_review_conclusion";
  DROP TYPE "public"."enum_interpretations_status";
  DROP TYPE "public"."enum__interpretations_v_version_form";
  DROP TYPE "public"."enum__interpretations_v_version_workflow_state";
  DROP TYPE "public"."enum__interpretations_v_review_conclusion";
  DROP TYPE "public"."enum__interpretations_v_version_status";
  DROP TYPE "public"."enum_decisions_public_comments_adoption";
  DROP TYPE "public"."enum_decisions_stage";
  DROP TYPE "public"."enum_decisions_meeting_kind";
  DROP TYPE "public"."enum_decisions_workflow_state";
  DROP TYPE "public"."enum_decisions_review_conclusion";
  DROP TYPE "public"."enum_decisions_status";
  DROP TYPE "public"."enum__decisions_v_version_public_comments_adoption";
  DROP TYPE "public"."enum__decisions_v_version_stage";
  DROP TYPE "public"."enum__decisions_v_version_meeting_kind";
  DROP TYPE "public"."enum__decisions_v_version_workflow_state";
  DROP TYPE "public"."enum__decisions_v_review_conclusion";
  DROP TYPE "public"."enum__decisions_v_version_status";
  DROP TYPE "public"."enum_participation_participants_selection_method";
  DROP TYPE "public"."enum_participation_participants_sector";
  DROP TYPE "public"."enum_participation_opinions_adoption";
  DROP TYPE "public"."enum_participation_kind";
  DROP TYPE "public"."enum_participation_workflow_state";
  DROP TYPE "public"."enum_participation_review_conclusion";
  DROP TYPE "public"."enum_participation_status";
  DROP TYPE "public"."enum__participation_v_version_participants_selection_method";
  DROP TYPE "public"."enum__participation_v_version_participants_sector";
  DROP TYPE "public"."enum__participation_v_version_opinions_adoption";
  DROP TYPE "public"."enum__participation_v_version_kind";
  DROP TYPE "public"."enum__participation_v_version_workflow_state";
  DROP TYPE "public"."enum__participation_v_review_conclusion";
  DROP TYPE "public"."enum__participation_v_version_status";
  DROP TYPE "public"."enum_agencies_organization_code_kind";
  DROP TYPE "public"."enum_gongkai_audit_log_action";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  DROP TYPE "public"."enum_payload_query_presets_access_read_constraint";
  DROP TYPE "public"."enum_payload_query_presets_access_update_constraint";
  DROP TYPE "public"."enum_payload_query_presets_access_delete_constraint";
  DROP TYPE "public"."enum_payload_query_presets_related_collection";`)
}
