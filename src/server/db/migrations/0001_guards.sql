-- Audit records are append-only: the database itself refuses to change or delete them.
CREATE OR REPLACE FUNCTION gk_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '审计日志只能追加，不能修改或删除';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION gk_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION gk_audit_append_only();
--> statement-breakpoint
-- A unit and all its sub-units: the data scope of a unit-scoped role.
CREATE OR REPLACE FUNCTION gk_unit_subtree(root uuid) RETURNS SETOF uuid LANGUAGE sql STABLE AS $$
  WITH RECURSIVE t(id) AS (
    SELECT root
    UNION
    SELECT u.id FROM units u JOIN t ON u.parent_id = t.id
  )
  SELECT id FROM t;
$$;
