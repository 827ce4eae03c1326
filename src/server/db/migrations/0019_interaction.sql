CREATE TABLE "interaction_consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consult_no" text NOT NULL,
	"query_code" text NOT NULL,
	"channel" text NOT NULL,
	"work_order_no" text,
	"question" text NOT NULL,
	"asker_name" text,
	"asker_contact" text,
	"unit_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"received_on" date NOT NULL,
	"answer_due" date NOT NULL,
	"answer" text,
	"answered_on" date,
	"answered_by" text,
	"on_time" boolean,
	"satisfaction" text,
	"satisfaction_note" text,
	"qa_entry_id" uuid,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interaction_consultations_channel_check" CHECK ("interaction_consultations"."channel" IN ('portal', 'phone', 'in_person', 'hotline_12345', 'letter', 'new_media')),
	CONSTRAINT "interaction_consultations_status_check" CHECK ("interaction_consultations"."status" IN ('open', 'answered', 'closed')),
	CONSTRAINT "interaction_consultations_satisfaction_check" CHECK ("interaction_consultations"."satisfaction" IN ('satisfied', 'basic', 'unsatisfied'))
);
--> statement-breakpoint
CREATE TABLE "interaction_qa_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"topic" text,
	"keywords" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"policy_refs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"source" text NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interaction_qa_entries_status_check" CHECK ("interaction_qa_entries"."status" IN ('pending', 'published', 'rejected', 'retired')),
	CONSTRAINT "interaction_qa_entries_source_check" CHECK ("interaction_qa_entries"."source" IN ('manual', 'import', 'consultation'))
);
--> statement-breakpoint
ALTER TABLE "interaction_consultations" ADD CONSTRAINT "interaction_consultations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_consultations" ADD CONSTRAINT "interaction_consultations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_qa_entries" ADD CONSTRAINT "interaction_qa_entries_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_qa_entries" ADD CONSTRAINT "interaction_qa_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "interaction_consultations_no_uq" ON "interaction_consultations" USING btree ("consult_no");--> statement-breakpoint
CREATE UNIQUE INDEX "interaction_consultations_code_uq" ON "interaction_consultations" USING btree ("query_code");--> statement-breakpoint
CREATE INDEX "interaction_consultations_unit_idx" ON "interaction_consultations" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "interaction_consultations_due_idx" ON "interaction_consultations" USING btree ("status","answer_due");--> statement-breakpoint
CREATE INDEX "interaction_qa_entries_status_idx" ON "interaction_qa_entries" USING btree ("status","unit_id");