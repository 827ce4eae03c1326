ALTER TABLE "units" ADD COLUMN "full_name" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "credit_code" text;