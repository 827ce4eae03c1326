CREATE TABLE "media_bulletins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"period" text NOT NULL,
	"title" text NOT NULL,
	"doc_number" text NOT NULL,
	"figures" jsonb NOT NULL,
	"file_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "media_bulletins_period_ck" CHECK ("media_bulletins"."period" IN ('Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2')),
	CONSTRAINT "media_bulletins_status_ck" CHECK ("media_bulletins"."status" IN ('draft', 'published'))
);
--> statement-breakpoint
CREATE TABLE "media_evidence" (
	"file_id" uuid PRIMARY KEY NOT NULL,
	"uploaded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "media_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"title" text NOT NULL,
	"published_on" date NOT NULL,
	"reads" integer,
	"url" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "media_posts_source_ck" CHECK ("media_posts"."source" IN ('manual', 'import'))
);
--> statement-breakpoint
CREATE TABLE "media_spot_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"checked_on" date NOT NULL,
	"last_post" date,
	"interaction_works" boolean NOT NULL,
	"verdict" text NOT NULL,
	"vetoes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"evidence_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"checked_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "media_bulletins" ADD CONSTRAINT "media_bulletins_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_bulletins" ADD CONSTRAINT "media_bulletins_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_evidence" ADD CONSTRAINT "media_evidence_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_evidence" ADD CONSTRAINT "media_evidence_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_posts" ADD CONSTRAINT "media_posts_account_id_media_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."media_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_posts" ADD CONSTRAINT "media_posts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_spot_checks" ADD CONSTRAINT "media_spot_checks_account_id_media_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."media_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_spot_checks" ADD CONSTRAINT "media_spot_checks_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_spot_checks" ADD CONSTRAINT "media_spot_checks_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "media_bulletins_status_idx" ON "media_bulletins" USING btree ("status","published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "media_posts_account_day_title_uq" ON "media_posts" USING btree ("account_id","published_on","title");--> statement-breakpoint
CREATE INDEX "media_spot_checks_account_idx" ON "media_spot_checks" USING btree ("account_id","checked_on");--> statement-breakpoint
-- The portal lists published 检查通报 (/xxgk/wzjc): a committed change tells every instance to clear its page cache.
CREATE TRIGGER portal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON media_bulletins FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();
