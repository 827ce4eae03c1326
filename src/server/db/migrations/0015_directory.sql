CREATE TABLE "directory_bindings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"row_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"column_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_rows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"sort" integer NOT NULL,
	"domain" text NOT NULL,
	"other_domain" text,
	"seq" text DEFAULT '' NOT NULL,
	"level1" text NOT NULL,
	"level2" text NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"basis" text DEFAULT '' NOT NULL,
	"time_limit" text DEFAULT '' NOT NULL,
	"due_rule" jsonb NOT NULL,
	"subject" text NOT NULL,
	"channels" text[] DEFAULT '{}'::text[] NOT NULL,
	"audience" text[] DEFAULT '{}'::text[] NOT NULL,
	"methods" text[] DEFAULT '{}'::text[] NOT NULL,
	"levels" text[] DEFAULT '{}'::text[] NOT NULL,
	"source" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"not_applicable" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"changes" jsonb NOT NULL,
	"imported_by" uuid NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_briefings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"unit_id" uuid NOT NULL,
	"speakers" text DEFAULT '' NOT NULL,
	"url" text,
	"policy_root_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disclosure_briefings_kind_check" CHECK ("disclosure_briefings"."kind" IN ('press_conference', 'interview'))
);
--> statement-breakpoint
CREATE TABLE "disclosure_interpretation_plans" (
	"policy_root_id" uuid PRIMARY KEY NOT NULL,
	"major_policy" boolean DEFAULT false NOT NULL,
	"first_interpreter" text,
	"exemption_reason" text,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "directory_bindings" ADD CONSTRAINT "directory_bindings_row_id_directory_rows_id_fk" FOREIGN KEY ("row_id") REFERENCES "public"."directory_rows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_bindings" ADD CONSTRAINT "directory_bindings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_bindings" ADD CONSTRAINT "directory_bindings_column_id_disclosure_columns_id_fk" FOREIGN KEY ("column_id") REFERENCES "public"."disclosure_columns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_rows" ADD CONSTRAINT "directory_rows_version_id_directory_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."directory_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_versions" ADD CONSTRAINT "directory_versions_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_briefings" ADD CONSTRAINT "disclosure_briefings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_briefings" ADD CONSTRAINT "disclosure_briefings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_interpretation_plans" ADD CONSTRAINT "disclosure_interpretation_plans_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "directory_bindings_row_unit_uq" ON "directory_bindings" USING btree ("row_id","unit_id");--> statement-breakpoint
CREATE INDEX "directory_bindings_unit_idx" ON "directory_bindings" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "directory_rows_version_idx" ON "directory_rows" USING btree ("version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "directory_versions_version_uq" ON "directory_versions" USING btree ("version");--> statement-breakpoint
CREATE INDEX "disclosure_briefings_policies_idx" ON "disclosure_briefings" USING gin ("policy_root_ids");