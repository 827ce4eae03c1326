// Database roles (issue 10 part 3): migrations run as the owner role, which owns every table; the server runs as
// the app role, which may read and write business tables but only INSERT and SELECT the audit and login logs, and
// is no superuser — so neither a bug nor an injected statement can switch off the append-only triggers or rewrite
// the chains. The embedded PostgreSQL gets both roles at every start; an external server is set up as README
// "Database roles" says (and its app role's grants are applied here when an owner URL is given).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export const OWNER_ROLE = 'gongkai_owner';
export const APP_ROLE = 'gongkai_app';
/** Tables the app role may only append to and read (a PIA record too: it stays as it was assessed). */
export const APPEND_ONLY_TABLES = ['audit_log', 'login_log', 'disclosure_pia_records'] as const;

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Creates (or re-keys) a login role that is no superuser and cannot create roles or databases. */
export async function ensureLoginRole(c: pg.ClientBase, role: string, password: string): Promise<void> {
  const opts = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${c.escapeLiteral(password)}`;
  for (let attempt = 0; ; attempt++) {
    try {
      const exists = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      await c.query(`${exists.rowCount ? 'ALTER' : 'CREATE'} ROLE ${ident(role)} ${opts}`);
      return;
    } catch (e) {
      // Two processes creating the same cluster-wide role at once (tests): try again.
      const code = (e as { code?: string }).code;
      if (attempt < 5 && (code === '42710' || code === 'XX000' || code === '23505')) continue;
      throw e;
    }
  }
}

function rolePasswords(dataDir: string): { owner: string; app: string } {
  const file = path.join(dataDir, 'pg-roles.json');
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as { owner: string; app: string };
  } catch {
    const pw = { owner: randomBytes(18).toString('base64url'), app: randomBytes(18).toString('base64url') };
    fs.writeFileSync(file, JSON.stringify(pw), { mode: 0o600 });
    return pw;
  }
}

const withUser = (url: string, user: string, password: string) => {
  const u = new URL(url);
  u.username = user;
  u.password = encodeURIComponent(password);
  return u.toString();
};

/**
 * With the embedded cluster's superuser: the owner and app roles exist, the owner owns the database and every
 * object in it (data directories from before the split are converted), and the app may connect.
 */
export async function ensureEmbeddedRoles(
  superUrl: string,
  dataDir: string,
): Promise<{ ownerUrl: string; appUrl: string }> {
  const pw = rolePasswords(dataDir);
  const c = new pg.Client({ connectionString: superUrl });
  await c.connect();
  try {
    await ensureLoginRole(c, OWNER_ROLE, pw.owner);
    await ensureLoginRole(c, APP_ROLE, pw.app);
    const db = (await c.query<{ d: string }>('SELECT current_database() AS d')).rows[0]!.d;
    await c.query(`ALTER DATABASE ${ident(db)} OWNER TO ${OWNER_ROLE}`);
    await c.query(`REVOKE ALL ON DATABASE ${ident(db)} FROM PUBLIC`);
    await c.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${ident(db)} TO ${APP_ROLE}`);
    await c.query(`ALTER SCHEMA public OWNER TO ${OWNER_ROLE}`);
    await c.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await c.query(`
      DO $$
      DECLARE r record;
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'drizzle') THEN
          EXECUTE 'ALTER SCHEMA drizzle OWNER TO ${OWNER_ROLE}';
        END IF;
        FOR r IN SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname IN ('public', 'drizzle') AND c.relkind IN ('r', 'p', 'v', 'm')
                   AND pg_get_userbyid(c.relowner) <> '${OWNER_ROLE}' LOOP
          EXECUTE format('ALTER TABLE %I.%I OWNER TO ${OWNER_ROLE}', r.nspname, r.relname);
        END LOOP;
        -- Sequences that belong to a column moved with their table; the rest move here.
        FOR r IN SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname IN ('public', 'drizzle') AND c.relkind = 'S'
                   AND pg_get_userbyid(c.relowner) <> '${OWNER_ROLE}' LOOP
          EXECUTE format('ALTER SEQUENCE %I.%I OWNER TO ${OWNER_ROLE}', r.nspname, r.relname);
        END LOOP;
        FOR r IN SELECT p.oid::regprocedure AS sig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname IN ('public', 'drizzle') AND pg_get_userbyid(p.proowner) <> '${OWNER_ROLE}' LOOP
          EXECUTE format('ALTER FUNCTION %s OWNER TO ${OWNER_ROLE}', r.sig);
        END LOOP;
      END $$`);
  } finally {
    await c.end();
  }
  return { ownerUrl: withUser(superUrl, OWNER_ROLE, pw.owner), appUrl: withUser(superUrl, APP_ROLE, pw.app) };
}

/**
 * The app role's rights, run by the owner after every migration (new tables included). Idempotent, and only
 * adds or removes rights the app must not have, so that other running instances never lose access meanwhile.
 */
export async function applyAppGrants(c: pg.ClientBase, appRole: string): Promise<void> {
  const r = ident(appRole);
  const logs = APPEND_ONLY_TABLES.join(', ');
  await c.query(`GRANT USAGE ON SCHEMA public TO ${r}`);
  await c.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
  await c.query(`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${logs} FROM ${r}`);
  await c.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
}

export interface AppRoleCheck {
  role: string;
  superuser: boolean;
  /** The role may UPDATE or DELETE audit rows (it owns the table, or was granted it). */
  canRewriteAudit: boolean;
}

/** `database`: any connection pool holder (db/client Database). */
export async function inspectAppRole(database: { pool: pg.Pool }): Promise<AppRoleCheck> {
  const r = await database.pool.query<{ role: string; superuser: boolean; rewrite: boolean }>(
    `SELECT current_user AS role,
            (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
            has_table_privilege('audit_log', 'UPDATE') OR has_table_privilege('audit_log', 'DELETE')
              OR has_table_privilege('login_log', 'UPDATE') OR has_table_privilege('login_log', 'DELETE')
              OR pg_has_role((SELECT relowner FROM pg_class WHERE oid = 'audit_log'::regclass), 'USAGE') AS rewrite`,
  );
  const row = r.rows[0]!;
  return { role: row.role, superuser: row.superuser, canRewriteAudit: row.rewrite };
}

/**
 * Refuses to serve as a superuser unless allowed (GONGKAI_ALLOW_SUPERUSER=1); warns when the role could rewrite
 * the audit log (a single-role external setup).
 */
export async function guardAppRole(
  database: { pool: pg.Pool },
  allowSuperuser: boolean,
  warn: (m: string) => void,
): Promise<AppRoleCheck> {
  const check = await inspectAppRole(database);
  if (check.superuser && !allowSuperuser) {
    throw new Error(
      `数据库账号 ${check.role} 是超级用户：超级用户可以关闭审计日志的只追加保护。请按 README「数据库角色」为 Gongkai 建立普通的应用账号（DATABASE_URL）与属主账号（GONGKAI_OWNER_DATABASE_URL）；仅测试环境可设置 GONGKAI_ALLOW_SUPERUSER=1。`,
    );
  }
  if (check.superuser)
    warn(`警告：以超级用户 ${check.role} 运行（GONGKAI_ALLOW_SUPERUSER=1），审计日志可被改写`);
  else if (check.canRewriteAudit)
    warn(
      `警告：数据库账号 ${check.role} 可以修改或删除审计日志（它是表的属主或被授予了 UPDATE/DELETE），请按 README「数据库角色」分离属主与应用账号`,
    );
  return check;
}

/** Settings under which PostgreSQL may lose or corrupt acknowledged writes (SECURITY.md 40). */
const DURABILITY_SETTINGS = ['fsync', 'synchronous_commit', 'full_page_writes'] as const;

/** The unsafe ones among the server's current values. Pure, for tests. */
export function unsafeDurability(values: Readonly<Record<string, string>>): string[] {
  return DURABILITY_SETTINGS.filter((k) => values[k]?.toLowerCase() === 'off');
}

/**
 * Refuses to serve on a database that acknowledges writes it may lose (an application answered "已受理" must still be
 * there after a power cut), unless allowed (GONGKAI_ALLOW_UNSAFE_DURABILITY=1, for throw-away test clusters).
 */
export async function guardDurability(
  database: { pool: pg.Pool },
  allowUnsafe: boolean,
  warn: (m: string) => void,
): Promise<void> {
  const r = await database.pool.query<{ name: string; setting: string }>(
    'SELECT name, setting FROM pg_settings WHERE name = ANY($1)',
    [DURABILITY_SETTINGS],
  );
  const off = unsafeDurability(Object.fromEntries(r.rows.map((x) => [x.name, x.setting])));
  if (off.length === 0) return;
  const what = off.map((k) => `${k}=off`).join('、');
  if (!allowUnsafe)
    throw new Error(
      `PostgreSQL 设置了 ${what}：断电或崩溃时已受理的数据可能丢失。请在 postgresql.conf 中恢复为 on；仅测试环境可设置 GONGKAI_ALLOW_UNSAFE_DURABILITY=1。`,
    );
  warn(`警告：PostgreSQL 设置了 ${what}（GONGKAI_ALLOW_UNSAFE_DURABILITY=1），崩溃时可能丢失已确认的写入`);
}
