CREATE TABLE "disclosure_search" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"column_id" uuid,
	"column_code" text,
	"kind" text NOT NULL,
	"year" integer,
	"published_at" timestamp with time zone NOT NULL,
	"grams" integer[] NOT NULL,
	"words" "tsvector" NOT NULL
);
--> statement-breakpoint
DROP INDEX "disclosure_items_search_idx";--> statement-breakpoint
ALTER TABLE "disclosure_search" ADD CONSTRAINT "disclosure_search_item_id_disclosure_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."disclosure_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disclosure_search_grams_idx" ON "disclosure_search" USING gin ("grams");--> statement-breakpoint
CREATE INDEX "disclosure_search_published_idx" ON "disclosure_search" USING btree ("published_at" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "disclosure_items" DROP COLUMN "search_vector";--> statement-breakpoint
-- Portal pages are cached in every app instance (issue 15 part 4); a committed change to what they show tells all
-- instances at once. NOTIFY is sent at commit, never for a rolled-back write; one per statement is enough.
CREATE FUNCTION gongkai_portal_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('gongkai_portal', TG_TABLE_NAME);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER portal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON disclosure_items FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();--> statement-breakpoint
CREATE TRIGGER portal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON disclosure_columns FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();--> statement-breakpoint
CREATE TRIGGER portal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON disclosure_attachments FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();--> statement-breakpoint
CREATE TRIGGER portal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON disclosure_unit_settings FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();--> statement-breakpoint
CREATE TRIGGER portal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON units FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();--> statement-breakpoint
CREATE TRIGGER portal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON annual_reports FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();--> statement-breakpoint
CREATE TRIGGER portal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON settings FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();--> statement-breakpoint
CREATE TRIGGER portal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_years FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();--> statement-breakpoint
CREATE TRIGGER portal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON enforcement_decisions FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();--> statement-breakpoint
CREATE TRIGGER portal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON normative_campaigns FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();--> statement-breakpoint
CREATE TRIGGER portal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON normative_marks FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();--> statement-breakpoint
CREATE TRIGGER portal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON normative_legal_marks FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();
--> statement-breakpoint
CREATE TRIGGER portal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory_versions FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();--> statement-breakpoint
CREATE TRIGGER portal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory_rows FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();--> statement-breakpoint
CREATE TRIGGER portal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory_bindings FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();--> statement-breakpoint
CREATE TRIGGER portal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON disclosure_briefings FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();--> statement-breakpoint
CREATE TRIGGER portal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON disclosure_interpretation_plans FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();