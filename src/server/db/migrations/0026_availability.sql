CREATE TABLE "media_availability_samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"website_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"ok" boolean NOT NULL,
	"ms" integer NOT NULL,
	"status" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "media_site_checks" ADD COLUMN "availability" jsonb;--> statement-breakpoint
ALTER TABLE "media_availability_samples" ADD CONSTRAINT "media_availability_samples_website_id_media_websites_id_fk" FOREIGN KEY ("website_id") REFERENCES "public"."media_websites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "media_availability_samples_site_idx" ON "media_availability_samples" USING btree ("website_id","at");