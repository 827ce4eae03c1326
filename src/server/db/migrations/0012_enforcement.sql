CREATE TABLE "enforcement_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"doc_number" text NOT NULL,
	"party_type" text NOT NULL,
	"party_name" text NOT NULL,
	"party_code" text,
	"decision_date" date NOT NULL,
	"due_date" date NOT NULL,
	"due_provisional" boolean DEFAULT false NOT NULL,
	"conclusion" text NOT NULL,
	"basis" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_on" date,
	"withdrawn_at" timestamp with time zone,
	"withdraw_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enforcement_kind_ck" CHECK ("enforcement_decisions"."kind" IN ('license', 'penalty', 'coercion', 'other')),
	CONSTRAINT "enforcement_party_type_ck" CHECK ("enforcement_decisions"."party_type" IN ('person', 'organization')),
	CONSTRAINT "enforcement_status_ck" CHECK ("enforcement_decisions"."status" IN ('draft', 'published', 'withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "enforcement_decisions" ADD CONSTRAINT "enforcement_decisions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_decisions" ADD CONSTRAINT "enforcement_decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_doc_uq" ON "enforcement_decisions" USING btree ("unit_id","doc_number");--> statement-breakpoint
CREATE INDEX "enforcement_unit_idx" ON "enforcement_decisions" USING btree ("unit_id","decision_date");--> statement-breakpoint
CREATE INDEX "enforcement_status_idx" ON "enforcement_decisions" USING btree ("status","due_date");