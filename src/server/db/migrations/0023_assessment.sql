CREATE TABLE "assessment_phone_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"unit_id" uuid NOT NULL,
	"score" double precision NOT NULL,
	"calls" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"unit_kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"indicators" jsonb NOT NULL,
	"frozen_at" timestamp with time zone,
	"frozen_by" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_plans_kind_ck" CHECK ("assessment_plans"."unit_kind" IN ('department', 'township')),
	CONSTRAINT "assessment_plans_status_ck" CHECK ("assessment_plans"."status" IN ('draft', 'scoring', 'published'))
);
--> statement-breakpoint
CREATE TABLE "assessment_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_name" text NOT NULL,
	"total" double precision NOT NULL,
	"rank" integer NOT NULL,
	"bulletin" text,
	"indicators" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_results_bulletin_ck" CHECK ("assessment_results"."bulletin" IN ('praise', 'criticise'))
);
--> statement-breakpoint
CREATE TABLE "assessment_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"code" text NOT NULL,
	"score" double precision NOT NULL,
	"evidence" text NOT NULL,
	"scorer" text NOT NULL,
	"scored_by" uuid,
	"scored_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_phone_results" ADD CONSTRAINT "assessment_phone_results_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_phone_results" ADD CONSTRAINT "assessment_phone_results_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_plans" ADD CONSTRAINT "assessment_plans_frozen_by_users_id_fk" FOREIGN KEY ("frozen_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_plan_id_assessment_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."assessment_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD CONSTRAINT "assessment_scores_plan_id_assessment_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."assessment_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD CONSTRAINT "assessment_scores_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD CONSTRAINT "assessment_scores_scored_by_users_id_fk" FOREIGN KEY ("scored_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_phone_uq" ON "assessment_phone_results" USING btree ("year","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_plans_year_kind_uq" ON "assessment_plans" USING btree ("year","unit_kind");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_results_uq" ON "assessment_results" USING btree ("plan_id","unit_id");--> statement-breakpoint
CREATE INDEX "assessment_results_plan_idx" ON "assessment_results" USING btree ("plan_id","rank");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_scores_uq" ON "assessment_scores" USING btree ("plan_id","unit_id","code");--> statement-breakpoint
-- The published ranking (/xxgk/khpg) is a cached portal page: a committed change tells every instance.
CREATE TRIGGER portal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON assessment_results FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();--> statement-breakpoint
CREATE TRIGGER portal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON assessment_plans FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();
