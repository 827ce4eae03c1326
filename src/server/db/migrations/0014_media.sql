CREATE TABLE "media_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"name" text NOT NULL,
	"account_id" text NOT NULL,
	"sponsor" text DEFAULT '' NOT NULL,
	"maintainer" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "media_accounts_platform_ck" CHECK ("media_accounts"."platform" IN ('wechat', 'weibo', 'douyin', 'toutiao', 'channels', 'kuaishou', 'other')),
	CONSTRAINT "media_accounts_status_ck" CHECK ("media_accounts"."status" IN ('running', 'closed', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "media_filings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"target" text NOT NULL,
	"target_id" uuid,
	"unit_id" uuid NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"scan_file_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"review_note" text DEFAULT '' NOT NULL,
	"submitted_by" uuid,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "media_filings_kind_ck" CHECK ("media_filings"."kind" IN ('open', 'change', 'close', 'cancel')),
	CONSTRAINT "media_filings_target_ck" CHECK ("media_filings"."target" IN ('website', 'account')),
	CONSTRAINT "media_filings_status_ck" CHECK ("media_filings"."status" IN ('pending', 'approved', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "media_rectifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"website_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"finding_key" text NOT NULL,
	"finding" jsonb NOT NULL,
	"opened_by_check_id" uuid NOT NULL,
	"task_assignment_id" uuid,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_by_check_id" uuid,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "media_rectifications_status_ck" CHECK ("media_rectifications"."status" IN ('open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "media_scans" (
	"file_id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"uploaded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "media_site_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"website_id" uuid NOT NULL,
	"as_of" date NOT NULL,
	"trigger" text NOT NULL,
	"verdict" text NOT NULL,
	"pages" integer NOT NULL,
	"vetoes" jsonb NOT NULL,
	"findings" jsonb NOT NULL,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"checked_by" uuid,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "media_site_checks_trigger_ck" CHECK ("media_site_checks"."trigger" IN ('schedule', 'manual'))
);
--> statement-breakpoint
CREATE TABLE "media_websites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"url_key" text NOT NULL,
	"site_code" text DEFAULT '' NOT NULL,
	"icp" text DEFAULT '' NOT NULL,
	"psb" text DEFAULT '' NOT NULL,
	"sponsor" text DEFAULT '' NOT NULL,
	"operator" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "media_websites_status_ck" CHECK ("media_websites"."status" IN ('running', 'closed', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "media_accounts" ADD CONSTRAINT "media_accounts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_filings" ADD CONSTRAINT "media_filings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_filings" ADD CONSTRAINT "media_filings_scan_file_id_files_id_fk" FOREIGN KEY ("scan_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_filings" ADD CONSTRAINT "media_filings_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_filings" ADD CONSTRAINT "media_filings_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_rectifications" ADD CONSTRAINT "media_rectifications_website_id_media_websites_id_fk" FOREIGN KEY ("website_id") REFERENCES "public"."media_websites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_rectifications" ADD CONSTRAINT "media_rectifications_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_rectifications" ADD CONSTRAINT "media_rectifications_opened_by_check_id_media_site_checks_id_fk" FOREIGN KEY ("opened_by_check_id") REFERENCES "public"."media_site_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_rectifications" ADD CONSTRAINT "media_rectifications_closed_by_check_id_media_site_checks_id_fk" FOREIGN KEY ("closed_by_check_id") REFERENCES "public"."media_site_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_scans" ADD CONSTRAINT "media_scans_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_scans" ADD CONSTRAINT "media_scans_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_scans" ADD CONSTRAINT "media_scans_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_site_checks" ADD CONSTRAINT "media_site_checks_website_id_media_websites_id_fk" FOREIGN KEY ("website_id") REFERENCES "public"."media_websites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_site_checks" ADD CONSTRAINT "media_site_checks_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_websites" ADD CONSTRAINT "media_websites_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "media_accounts_platform_account_uq" ON "media_accounts" USING btree ("platform","account_id");--> statement-breakpoint
CREATE INDEX "media_accounts_unit_idx" ON "media_accounts" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "media_filings_unit_idx" ON "media_filings" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "media_rectifications_site_idx" ON "media_rectifications" USING btree ("website_id","status");--> statement-breakpoint
CREATE INDEX "media_site_checks_site_idx" ON "media_site_checks" USING btree ("website_id","checked_at");--> statement-breakpoint
CREATE UNIQUE INDEX "media_websites_url_key_uq" ON "media_websites" USING btree ("url_key");--> statement-breakpoint
CREATE INDEX "media_websites_unit_idx" ON "media_websites" USING btree ("unit_id");