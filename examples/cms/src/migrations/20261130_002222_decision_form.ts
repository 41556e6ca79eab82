import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "decisions" ADD COLUMN "expert_review_not_applicable" boolean DEFAULT false;
  ALTER TABLE "decisions" ADD COLUMN "expert_review_not_applicable_reason" varchar;
  ALTER TABLE "decisions" ADD COLUMN "risk_assessment_not_applicable" boolean DEFAULT false;
  ALTER TABLE "decisions" ADD COLUMN "risk_assessment_not_applicable_reason" varchar;
  ALTER TABLE "decisions_rels" ADD COLUMN "gongkai_attachments_id" integer;
  ALTER TABLE "_decisions_v" ADD COLUMN "version_expert_review_not_applicable" boolean DEFAULT false;
  ALTER TABLE "_decisions_v" ADD COLUMN "version_expert_review_not_applicable_reason" varchar;
  ALTER TABLE "_decisions_v" ADD COLUMN "version_risk_assessment_not_applicable" boolean DEFAULT false;
  ALTER TABLE "_decisions_v" ADD COLUMN "version_risk_assessment_not_applicable_reason" varchar;
  ALTER TABLE "_decisions_v_rels" ADD COLUMN "gongkai_attachments_id" integer;
  ALTER TABLE "decisions_rels" ADD CONSTRAINT "decisions_rels_gongkai_attachments_fk" FOREIGN KEY ("gongkai_attachments_id") REFERENCES "public"."gongkai_attachments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_decisions_v_rels" ADD CONSTRAINT "_decisions_v_rels_gongkai_attachments_fk" FOREIGN KEY ("gongkai_attachments_id") REFERENCES "public"."gongkai_attachments"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "decisions_rels_gongkai_attachments_id_idx" ON "decisions_rels" USING btree ("gongkai_attachments_id");
  CREATE INDEX "_decisions_v_rels_gongkai_attachments_id_idx" ON "_decisions_v_rels" USING btree ("gongkai_attachments_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "decisions_rels" DROP CONSTRAINT "decisions_rels_gongkai_attachments_fk";
  
  ALTER TABLE "_decisions_v_rels" DROP CONSTRAINT "_decisions_v_rels_gongkai_attachments_fk";
  
  DROP INDEX "decisions_rels_gongkai_attachments_id_idx";
  DROP INDEX "_decisions_v_rels_gongkai_attachments_id_idx";
  ALTER TABLE "decisions" DROP COLUMN "expert_review_not_applicable";
  ALTER TABLE "decisions" DROP COLUMN "expert_review_not_applicable_reason";
  ALTER TABLE "decisions" DROP COLUMN "risk_assessment_not_applicable";
  ALTER TABLE "decisions" DROP COLUMN "risk_assessment_not_applicable_reason";
  ALTER TABLE "decisions_rels" DROP COLUMN "gongkai_attachments_id";
  ALTER TABLE "_decisions_v" DROP COLUMN "version_expert_review_not_applicable";
  ALTER TABLE "_decisions_v" DROP COLUMN "version_expert_review_not_applicable_reason";
  ALTER TABLE "_decisions_v" DROP COLUMN "version_risk_assessment_not_applicable";
  ALTER TABLE "_decisions_v" DROP COLUMN "version_risk_assessment_not_applicable_reason";
  ALTER TABLE "_decisions_v_rels" DROP COLUMN "gongkai_attachments_id";`)
}
