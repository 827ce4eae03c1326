CREATE TABLE "disclosure_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"name" text NOT NULL,
	"size" integer NOT NULL,
	"mime" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_columns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"code" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"root_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"kind" text DEFAULT 'general' NOT NULL,
	"unit_id" uuid NOT NULL,
	"column_id" uuid,
	"title" text NOT NULL,
	"index_no" text NOT NULL,
	"doc_number" text,
	"written_date" date,
	"formed_date" date,
	"publish_date" date,
	"topic" text,
	"art20" text,
	"summary" text DEFAULT '' NOT NULL,
	"body_html" text DEFAULT '' NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"level" integer DEFAULT 0 NOT NULL,
	"approved_by" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"publish_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdraw_reason" text,
	"overrides" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"validity" text,
	"effective_date" date,
	"expiry_date" date,
	"repealed_date" date,
	"repealed_by_id" uuid,
	"replaced_by_id" uuid,
	"policy_root_id" uuid,
	"interpretation_form" text,
	"needs_interpretation" boolean DEFAULT false NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector"
);
--> statement-breakpoint
CREATE TABLE "disclosure_review_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"action" text NOT NULL,
	"level_name" text,
	"user_id" uuid,
	"user_name" text,
	"comment" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_unit_settings" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"review_levels" text[],
	"index_code" text,
	"sequences" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "disclosure_attachments" ADD CONSTRAINT "disclosure_attachments_item_id_disclosure_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."disclosure_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_attachments" ADD CONSTRAINT "disclosure_attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_items" ADD CONSTRAINT "disclosure_items_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_items" ADD CONSTRAINT "disclosure_items_column_id_disclosure_columns_id_fk" FOREIGN KEY ("column_id") REFERENCES "public"."disclosure_columns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_items" ADD CONSTRAINT "disclosure_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_review_steps" ADD CONSTRAINT "disclosure_review_steps_item_id_disclosure_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."disclosure_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_unit_settings" ADD CONSTRAINT "disclosure_unit_settings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disclosure_attachments_item_idx" ON "disclosure_attachments" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "disclosure_columns_parent_idx" ON "disclosure_columns" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_columns_name_uq" ON "disclosure_columns" USING btree (coalesce("parent_id", '00000000-0000-0000-0000-000000000000'::uuid),"name");--> statement-breakpoint
CREATE INDEX "disclosure_items_unit_idx" ON "disclosure_items" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "disclosure_items_status_idx" ON "disclosure_items" USING btree ("status");--> statement-breakpoint
CREATE INDEX "disclosure_items_column_idx" ON "disclosure_items" USING btree ("column_id");--> statement-breakpoint
CREATE INDEX "disclosure_items_root_idx" ON "disclosure_items" USING btree ("root_id");--> statement-breakpoint
CREATE INDEX "disclosure_items_published_idx" ON "disclosure_items" USING btree ("published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_items_index_no_uq" ON "disclosure_items" USING btree ("index_no","version");--> statement-breakpoint
CREATE INDEX "disclosure_items_search_idx" ON "disclosure_items" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "disclosure_review_steps_item_idx" ON "disclosure_review_steps" USING btree ("item_id");