ALTER TABLE "login_log" ADD COLUMN "prev_hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "login_log" ADD COLUMN "hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- The login log is chained like the audit log: hash = sha256(canonical record), the record ending with the previous
-- row's hash. The canonical form (each field as hex of its UTF-8 bytes, '-' for NULL, joined by '|'; the time as
-- ISO 8601 UTC with milliseconds) is recomputed by platform/audit/chain.ts to verify.
CREATE OR REPLACE FUNCTION gk_login_canonical(r login_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT concat_ws('|',
    coalesce(encode(convert_to(r.id::text, 'UTF8'), 'hex'), '-'),
    coalesce(encode(convert_to(to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'UTF8'), 'hex'), '-'),
    coalesce(encode(convert_to(r.username, 'UTF8'), 'hex'), '-'),
    coalesce(encode(convert_to(r.user_id::text, 'UTF8'), 'hex'), '-'),
    coalesce(encode(convert_to(r.result, 'UTF8'), 'hex'), '-'),
    coalesce(encode(convert_to(r.ip, 'UTF8'), 'hex'), '-'),
    coalesce(encode(convert_to(r.user_agent, 'UTF8'), 'hex'), '-'),
    r.prev_hash)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION gk_login_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  prev text;
BEGIN
  -- Serialise appends; the id is drawn under the lock so that id order is chain order.
  PERFORM pg_advisory_xact_lock(7324003);
  NEW.id := nextval(pg_get_serial_sequence('login_log', 'id'));
  NEW.at := date_trunc('milliseconds', coalesce(NEW.at, now()));
  SELECT l.hash INTO prev FROM login_log l ORDER BY l.id DESC LIMIT 1;
  NEW.prev_hash := coalesce(prev, repeat('0', 64));
  NEW.hash := encode(sha256(convert_to(gk_login_canonical(NEW), 'UTF8')), 'hex');
  RETURN NEW;
END;
$$;
--> statement-breakpoint
-- Chain the rows written before this migration, oldest first.
DO $$
DECLARE
  r login_log;
  prev text := repeat('0', 64);
BEGIN
  FOR r IN SELECT * FROM login_log ORDER BY id LOOP
    r.at := date_trunc('milliseconds', r.at);
    r.prev_hash := prev;
    r.hash := encode(sha256(convert_to(gk_login_canonical(r), 'UTF8')), 'hex');
    UPDATE login_log SET at = r.at, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
    prev := r.hash;
  END LOOP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER login_log_chain BEFORE INSERT ON login_log FOR EACH ROW EXECUTE FUNCTION gk_login_chain();
--> statement-breakpoint
CREATE TRIGGER login_log_no_update BEFORE UPDATE OR DELETE ON login_log
  FOR EACH ROW EXECUTE FUNCTION gk_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER login_log_no_truncate BEFORE TRUNCATE ON login_log
  FOR EACH STATEMENT EXECUTE FUNCTION gk_audit_append_only();
