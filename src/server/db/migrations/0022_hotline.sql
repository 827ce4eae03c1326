CREATE TABLE "interaction_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_no" text NOT NULL,
	"channel" text NOT NULL,
	"work_order_no" text,
	"called_at" timestamp with time zone NOT NULL,
	"caller_name" text,
	"caller_phone" text,
	"question" text NOT NULL,
	"answer" text,
	"unit_id" uuid NOT NULL,
	"status" text NOT NULL,
	"consultation_id" uuid,
	"source" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interaction_calls_channel_check" CHECK ("interaction_calls"."channel" IN ('local', 'hotline_12345')),
	CONSTRAINT "interaction_calls_status_check" CHECK ("interaction_calls"."status" IN ('open', 'answered', 'handed_over')),
	CONSTRAINT "interaction_calls_source_check" CHECK ("interaction_calls"."source" IN ('manual', 'import'))
);
--> statement-breakpoint
CREATE TABLE "interaction_commitment_progress" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commitment_id" uuid NOT NULL,
	"on" date NOT NULL,
	"text" text NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"by" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interaction_commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commit_no" text NOT NULL,
	"content" text NOT NULL,
	"place" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"opinion_event_id" uuid,
	"promised_on" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'ongoing' NOT NULL,
	"completed_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interaction_commitments_status_check" CHECK ("interaction_commitments"."status" IN ('ongoing', 'done', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "interaction_opinion_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_no" text NOT NULL,
	"source" text NOT NULL,
	"summary" text NOT NULL,
	"level" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"found_at" timestamp with time zone NOT NULL,
	"response_due" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"response" text,
	"response_channel" text,
	"responded_at" timestamp with time zone,
	"on_time" boolean,
	"evaluation" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interaction_opinion_events_level_check" CHECK ("interaction_opinion_events"."level" IN ('general', 'major', 'grave')),
	CONSTRAINT "interaction_opinion_events_status_check" CHECK ("interaction_opinion_events"."status" IN ('open', 'responded', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "interaction_calls" ADD CONSTRAINT "interaction_calls_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_calls" ADD CONSTRAINT "interaction_calls_consultation_id_interaction_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."interaction_consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_calls" ADD CONSTRAINT "interaction_calls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_commitment_progress" ADD CONSTRAINT "interaction_commitment_progress_commitment_id_interaction_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."interaction_commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_commitment_progress" ADD CONSTRAINT "interaction_commitment_progress_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_commitments" ADD CONSTRAINT "interaction_commitments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_commitments" ADD CONSTRAINT "interaction_commitments_opinion_event_id_interaction_opinion_events_id_fk" FOREIGN KEY ("opinion_event_id") REFERENCES "public"."interaction_opinion_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_commitments" ADD CONSTRAINT "interaction_commitments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_opinion_events" ADD CONSTRAINT "interaction_opinion_events_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_opinion_events" ADD CONSTRAINT "interaction_opinion_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "interaction_calls_no_uq" ON "interaction_calls" USING btree ("call_no");--> statement-breakpoint
CREATE UNIQUE INDEX "interaction_calls_work_order_uq" ON "interaction_calls" USING btree ("work_order_no");--> statement-breakpoint
CREATE INDEX "interaction_calls_unit_idx" ON "interaction_calls" USING btree ("unit_id","called_at");--> statement-breakpoint
CREATE INDEX "interaction_commitment_progress_idx" ON "interaction_commitment_progress" USING btree ("commitment_id","on");--> statement-breakpoint
CREATE UNIQUE INDEX "interaction_commitments_no_uq" ON "interaction_commitments" USING btree ("commit_no");--> statement-breakpoint
CREATE INDEX "interaction_commitments_unit_idx" ON "interaction_commitments" USING btree ("unit_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "interaction_opinion_events_no_uq" ON "interaction_opinion_events" USING btree ("event_no");--> statement-breakpoint
CREATE INDEX "interaction_opinion_events_unit_idx" ON "interaction_opinion_events" USING btree ("unit_id","status");--> statement-breakpoint
-- /hdjl/cn (公开承诺 and their progress) is a cached portal page: a committed change tells every instance (0020).
CREATE TRIGGER portal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON interaction_commitments FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();--> statement-breakpoint
CREATE TRIGGER portal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON interaction_commitment_progress FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();
