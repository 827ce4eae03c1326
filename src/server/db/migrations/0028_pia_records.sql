CREATE TABLE "disclosure_pia_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"item_title" text NOT NULL,
	"finding_key" text NOT NULL,
	"finding_kind" text NOT NULL,
	"finding_message" text NOT NULL,
	"finding_source" text,
	"finding_masked" text NOT NULL,
	"purpose" text NOT NULL,
	"impact" text NOT NULL,
	"measures" text NOT NULL,
	"reason" text NOT NULL,
	"assessed_by" uuid NOT NULL,
	"assessed_by_name" text NOT NULL,
	"assessed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "disclosure_pia_records" ADD CONSTRAINT "disclosure_pia_records_item_id_disclosure_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."disclosure_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_pia_records" ADD CONSTRAINT "disclosure_pia_records_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_pia_records" ADD CONSTRAINT "disclosure_pia_records_assessed_by_users_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disclosure_pia_records_item_idx" ON "disclosure_pia_records" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "disclosure_pia_records_at_idx" ON "disclosure_pia_records" USING btree ("assessed_at");