CREATE TABLE "normative_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"due_date" date NOT NULL,
	"published_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "normative_campaigns_status_ck" CHECK ("normative_campaigns"."status" IN ('open', 'published'))
);
--> statement-breakpoint
CREATE TABLE "normative_legal_marks" (
	"item_root_id" uuid PRIMARY KEY NOT NULL,
	"legality_reviewed_on" date,
	"legality_opinion" text,
	"filing_number" text,
	"filed_on" date,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "normative_marks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"item_root_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"decision" text,
	"reason" text,
	"marked_by" uuid,
	"marked_at" timestamp with time zone,
	CONSTRAINT "normative_marks_decision_ck" CHECK ("normative_marks"."decision" IN ('keep', 'amend', 'repeal'))
);
--> statement-breakpoint
ALTER TABLE "normative_campaigns" ADD CONSTRAINT "normative_campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normative_legal_marks" ADD CONSTRAINT "normative_legal_marks_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normative_marks" ADD CONSTRAINT "normative_marks_campaign_id_normative_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."normative_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normative_marks" ADD CONSTRAINT "normative_marks_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normative_marks" ADD CONSTRAINT "normative_marks_marked_by_users_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "normative_campaigns_year_uq" ON "normative_campaigns" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "normative_marks_doc_uq" ON "normative_marks" USING btree ("campaign_id","item_root_id");--> statement-breakpoint
CREATE INDEX "normative_marks_unit_idx" ON "normative_marks" USING btree ("campaign_id","unit_id");