CREATE TABLE "media_annual_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"website_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"manual" jsonb DEFAULT '{"values":{},"followers":{}}'::jsonb NOT NULL,
	"computed" jsonb,
	"return_reason" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "media_annual_reports_status_ck" CHECK ("media_annual_reports"."status" IN ('draft', 'submitted', 'published'))
);
--> statement-breakpoint
ALTER TABLE "media_annual_reports" ADD CONSTRAINT "media_annual_reports_website_id_media_websites_id_fk" FOREIGN KEY ("website_id") REFERENCES "public"."media_websites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_annual_reports" ADD CONSTRAINT "media_annual_reports_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_annual_reports" ADD CONSTRAINT "media_annual_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_annual_reports" ADD CONSTRAINT "media_annual_reports_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "media_annual_reports_site_year_uq" ON "media_annual_reports" USING btree ("website_id","year");--> statement-breakpoint
CREATE INDEX "media_annual_reports_year_idx" ON "media_annual_reports" USING btree ("year","status");--> statement-breakpoint
-- The portal shows published 年度报表 (/xxgk/wzndbb): a committed change tells every instance to clear its page cache.
CREATE TRIGGER portal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON media_annual_reports FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();