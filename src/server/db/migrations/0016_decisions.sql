CREATE TABLE "decision_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draft_id" uuid NOT NULL,
	"author_name" text,
	"public_text" text NOT NULL,
	"original_sealed" text,
	"personal_data" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"hide_reason" text,
	"moderated_by" uuid,
	"moderated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decision_comments_status_ck" CHECK ("decision_comments"."status" IN ('pending', 'shown', 'hidden'))
);
--> statement-breakpoint
CREATE TABLE "decision_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"background" text NOT NULL,
	"basis" text NOT NULL,
	"explanation" text NOT NULL,
	"draft_text" text NOT NULL,
	"channels" text,
	"comment_days" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"opened_on" date,
	"period_end" date,
	"period_end_moved" boolean DEFAULT false NOT NULL,
	"closed_at" timestamp with time zone,
	"adoption_due" date,
	"adoption_summary" text,
	"adoption_entries" jsonb,
	"adoption_counts" jsonb,
	"adoption_published_on" date,
	"final_item_id" uuid,
	"decided_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decision_drafts_status_ck" CHECK ("decision_drafts"."status" IN ('draft', 'open', 'closed', 'adopted', 'decided'))
);
--> statement-breakpoint
CREATE TABLE "decision_participations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"place" text,
	"public_count" integer DEFAULT 0 NOT NULL,
	"expert_count" integer DEFAULT 0 NOT NULL,
	"media_count" integer DEFAULT 0 NOT NULL,
	"summary" text,
	"draft_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decision_participations_kind_ck" CHECK ("decision_participations"."kind" IN ('attendance', 'open_day'))
);
--> statement-breakpoint
ALTER TABLE "decision_comments" ADD CONSTRAINT "decision_comments_draft_id_decision_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."decision_drafts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_comments" ADD CONSTRAINT "decision_comments_moderated_by_users_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_drafts" ADD CONSTRAINT "decision_drafts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_drafts" ADD CONSTRAINT "decision_drafts_final_item_id_disclosure_items_id_fk" FOREIGN KEY ("final_item_id") REFERENCES "public"."disclosure_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_drafts" ADD CONSTRAINT "decision_drafts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_participations" ADD CONSTRAINT "decision_participations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_participations" ADD CONSTRAINT "decision_participations_draft_id_decision_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."decision_drafts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_participations" ADD CONSTRAINT "decision_participations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decision_comments_draft_idx" ON "decision_comments" USING btree ("draft_id","created_at");--> statement-breakpoint
CREATE INDEX "decision_drafts_unit_idx" ON "decision_drafts" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE INDEX "decision_drafts_status_idx" ON "decision_drafts" USING btree ("status","period_end");--> statement-breakpoint
CREATE INDEX "decision_participations_unit_idx" ON "decision_participations" USING btree ("unit_id","held_on");