-- One catalog per unit (issue 5 part 1). The district's single tree becomes the district government's (the root
-- unit's); an item filed in another unit's column moves to the same path in its own unit's tree.
DROP INDEX "disclosure_columns_name_uq";--> statement-breakpoint
ALTER TABLE "disclosure_columns" ADD COLUMN "unit_id" uuid;--> statement-breakpoint
UPDATE "disclosure_columns" SET "unit_id" = (SELECT "id" FROM "units" WHERE "parent_id" IS NULL ORDER BY "sort", "name" LIMIT 1);--> statement-breakpoint
-- Only when no unit exists yet: then no item can point at these columns.
DELETE FROM "disclosure_columns" WHERE "unit_id" IS NULL;--> statement-breakpoint
-- Art. 21 topics get a code each (they shared 'art21'), so a search filter can name one across units.
UPDATE "disclosure_columns" SET "code" = CASE "name"
  WHEN '市政建设' THEN 'art21_1' WHEN '公共服务' THEN 'art21_2' WHEN '公益事业' THEN 'art21_3'
  WHEN '土地征收' THEN 'art21_4' WHEN '房屋征收' THEN 'art21_5' WHEN '治安管理' THEN 'art21_6'
  WHEN '社会救助' THEN 'art21_7' ELSE NULL END
WHERE "code" = 'art21';--> statement-breakpoint
DO $$
DECLARE
  r record;
  cur uuid;
  chain uuid[];
  parent uuid;
  found uuid;
  col record;
BEGIN
  FOR r IN
    SELECT i."id", i."unit_id", i."column_id" FROM "disclosure_items" i
    JOIN "disclosure_columns" c ON c."id" = i."column_id" WHERE c."unit_id" <> i."unit_id"
  LOOP
    chain := ARRAY[]::uuid[];
    cur := r."column_id";
    WHILE cur IS NOT NULL LOOP
      chain := cur || chain;
      SELECT "parent_id" INTO cur FROM "disclosure_columns" WHERE "id" = cur;
    END LOOP;
    parent := NULL;
    FOREACH cur IN ARRAY chain LOOP
      SELECT * INTO col FROM "disclosure_columns" WHERE "id" = cur;
      SELECT "id" INTO found FROM "disclosure_columns"
        WHERE "unit_id" = r."unit_id" AND "parent_id" IS NOT DISTINCT FROM parent AND "name" = col."name";
      IF found IS NULL THEN
        INSERT INTO "disclosure_columns" ("unit_id", "parent_id", "name", "code", "sort")
          VALUES (r."unit_id", parent, col."name", col."code", col."sort") RETURNING "id" INTO found;
      END IF;
      parent := found;
    END LOOP;
    UPDATE "disclosure_items" SET "column_id" = parent WHERE "id" = r."id";
  END LOOP;
END $$;--> statement-breakpoint
ALTER TABLE "disclosure_columns" ALTER COLUMN "unit_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "disclosure_unit_settings" ADD COLUMN "catalog_seeded" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "disclosure_columns" ADD CONSTRAINT "disclosure_columns_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disclosure_columns_code_idx" ON "disclosure_columns" USING btree ("code");--> statement-breakpoint
CREATE INDEX "disclosure_columns_unit_idx" ON "disclosure_columns" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_columns_name_uq" ON "disclosure_columns" USING btree ("unit_id",coalesce("parent_id", '00000000-0000-0000-0000-000000000000'::uuid),"name");
