ALTER TABLE "plan_tasks" ADD COLUMN "carried_from" uuid;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD COLUMN "closed_by" uuid;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD COLUMN "close_note" text;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD COLUMN "close_evidence" jsonb;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_carried_from_plan_tasks_id_fk" FOREIGN KEY ("carried_from") REFERENCES "public"."plan_tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_tasks_carried_uq" ON "plan_tasks" USING btree ("plan_id","carried_from");