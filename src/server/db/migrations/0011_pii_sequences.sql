CREATE TABLE "counters" (
	"name" text PRIMARY KEY NOT NULL,
	"value" bigint NOT NULL
);
--> statement-breakpoint
-- Case numbers continue from the highest already given in each year (they were count + 1 before).
INSERT INTO "counters" ("name", "value")
SELECT 'request_case:' || left("case_no", 4), max(substring("case_no" FROM 6)::bigint)
FROM "request_cases" WHERE "case_no" ~ '^[0-9]{4}-[0-9]+$'
GROUP BY left("case_no", 4)
ON CONFLICT ("name") DO NOTHING;
