CREATE TABLE "interaction_letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"letter_no" text NOT NULL,
	"query_code" text NOT NULL,
	"mailbox_id" uuid NOT NULL,
	"type" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"writer_name" text,
	"writer_phone" text,
	"writer_id_no" text,
	"writer_key" text,
	"consent" boolean DEFAULT false NOT NULL,
	"unit_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"received_on" date NOT NULL,
	"reply_due" date NOT NULL,
	"draft_reply" text,
	"review_note" text,
	"reply" text,
	"replied_on" date,
	"replied_by" text,
	"on_time" boolean,
	"published" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"published_subject" text,
	"published_body" text,
	"published_reply" text,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interaction_letters_type_check" CHECK ("interaction_letters"."type" IN ('consult', 'suggestion', 'complaint', 'help', 'other')),
	CONSTRAINT "interaction_letters_status_check" CHECK ("interaction_letters"."status" IN ('open', 'reviewing', 'replied'))
);
--> statement-breakpoint
CREATE TABLE "interaction_mailboxes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"review_required" boolean DEFAULT false NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interaction_mailboxes_kind_check" CHECK ("interaction_mailboxes"."kind" IN ('head', 'unit'))
);
--> statement-breakpoint
ALTER TABLE "interaction_letters" ADD CONSTRAINT "interaction_letters_mailbox_id_interaction_mailboxes_id_fk" FOREIGN KEY ("mailbox_id") REFERENCES "public"."interaction_mailboxes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_letters" ADD CONSTRAINT "interaction_letters_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_mailboxes" ADD CONSTRAINT "interaction_mailboxes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "interaction_letters_no_uq" ON "interaction_letters" USING btree ("letter_no");--> statement-breakpoint
CREATE UNIQUE INDEX "interaction_letters_code_uq" ON "interaction_letters" USING btree ("query_code");--> statement-breakpoint
CREATE INDEX "interaction_letters_unit_idx" ON "interaction_letters" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "interaction_letters_due_idx" ON "interaction_letters" USING btree ("status","reply_due");--> statement-breakpoint
CREATE INDEX "interaction_letters_published_idx" ON "interaction_letters" USING btree ("published","replied_on");--> statement-breakpoint
CREATE INDEX "interaction_letters_writer_idx" ON "interaction_letters" USING btree ("writer_key");--> statement-breakpoint
CREATE UNIQUE INDEX "interaction_mailboxes_unit_kind_uq" ON "interaction_mailboxes" USING btree ("unit_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "interaction_mailboxes_head_uq" ON "interaction_mailboxes" USING btree ("kind") WHERE "interaction_mailboxes"."kind" = 'head';--> statement-breakpoint
-- Cached portal pages /hdjl/xx (published letters, the mailboxes of the form) and /hdjl/tj (monthly statistics of
-- consultations and letters): a committed change to these tables tells every instance (pattern of 0020).
CREATE TRIGGER portal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON interaction_letters FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();--> statement-breakpoint
CREATE TRIGGER portal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON interaction_mailboxes FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();--> statement-breakpoint
CREATE TRIGGER portal_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON interaction_consultations FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();
