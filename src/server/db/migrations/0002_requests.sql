CREATE TABLE "annual_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"table2" jsonb NOT NULL,
	"overview" text DEFAULT '' NOT NULL,
	"problems" text DEFAULT '' NOT NULL,
	"other_matters" text DEFAULT '' NOT NULL,
	"published_html" text,
	"published_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_no" text NOT NULL,
	"query_code" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"applicant_kind" text NOT NULL,
	"applicant" jsonb NOT NULL,
	"applicant_key" text NOT NULL,
	"id_proof_file_id" uuid,
	"description" text NOT NULL,
	"purpose" text,
	"delivery_form" text NOT NULL,
	"delivery_channel" text NOT NULL,
	"submitted_on" date,
	"received_on" date,
	"receipt_rule" text,
	"receipt_confirmed_by" text,
	"duplicate_of" uuid,
	"fee_method" text,
	"fee_amount" integer,
	"status" text NOT NULL,
	"reply_due" date,
	"trace" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"timeline" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"outcome" text,
	"legal_basis" text,
	"reply_text" text,
	"closed_on" date,
	"on_time" boolean,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"letter_date" date NOT NULL,
	"file_id" uuid NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_remedies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"after_reconsideration" boolean DEFAULT false NOT NULL,
	"result" text NOT NULL,
	"filed_on" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_cases" ADD CONSTRAINT "request_cases_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_cases" ADD CONSTRAINT "request_cases_id_proof_file_id_files_id_fk" FOREIGN KEY ("id_proof_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_cases" ADD CONSTRAINT "request_cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_letters" ADD CONSTRAINT "request_letters_case_id_request_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."request_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_letters" ADD CONSTRAINT "request_letters_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_remedies" ADD CONSTRAINT "request_remedies_case_id_request_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."request_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "annual_reports_unit_year_uq" ON "annual_reports" USING btree ("unit_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "request_cases_query_code_uq" ON "request_cases" USING btree ("query_code");--> statement-breakpoint
CREATE UNIQUE INDEX "request_cases_case_no_uq" ON "request_cases" USING btree ("case_no");--> statement-breakpoint
CREATE INDEX "request_cases_unit_idx" ON "request_cases" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "request_cases_applicant_idx" ON "request_cases" USING btree ("applicant_key","received_on");--> statement-breakpoint
CREATE INDEX "request_cases_due_idx" ON "request_cases" USING btree ("status","reply_due");--> statement-breakpoint
CREATE UNIQUE INDEX "request_letters_version_uq" ON "request_letters" USING btree ("case_id","kind","version");--> statement-breakpoint
CREATE INDEX "request_remedies_case_idx" ON "request_remedies" USING btree ("case_id");