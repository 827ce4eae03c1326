// Requirement 24: a database error or a statement timeout in the middle of publishing, approving or withdrawing a
// 公开信息 item, or of a 依申请 case's reply or extension, answers a generic 500 (no stack, no SQL, no table) and
// leaves everything as it was: the item or case, its review rows or timeline, letters, the search index, the audit
// log and the notifications. Faults are triggers installed as the superuser for the one statement they target.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { connect, type Database } from '../../src/server/db/client';
import { units } from '../../src/server/db/schema';
import { createUser } from '../../src/server/modules/org/users.service';
import { AUDIT_ALERT_EVENT } from '../../src/server/platform/audit/alert';
import { systemActor } from '../../src/server/platform/context';
import { type ApiResponse, Client, setupApi, type TestApi } from '../api';
import { ok, staffCaseBody } from '../unit-records';

const PW = 'Reviewer#2026ok';
let api: TestApi;
let liaison: Client;
let reviewers: Client[];
let fgw: string;
/** The server's own log of unhandled errors: where the cause goes instead of the answer. */
const logged: string[] = [];

beforeAll(async () => {
  api = await setupApi();
  api.platform.config.linkProbe = false;
  api.platform.log = (_level, _msg, fields) => {
    logged.push(String((fields as { cause?: string; error?: string } | undefined)?.cause ?? fields?.error));
  };
  fgw = (await api.tdb.database.db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
  for (const username of ['fault_r2', 'fault_r3'])
    await createUser(
      api.tdb.database,
      api.platform.fieldKeys,
      { dataScope: 'all', unitId: fgw, roles: ['sysadmin'], id: 'x' },
      systemActor('test'),
      { username, name: username, unitId: fgw, roles: ['reviewer'], password: PW },
      api.clock.now(),
    );
  liaison = await api.loginAs('fgw_liaison');
  reviewers = [
    await api.loginAs('fgw_reviewer'),
    await api.loginAs('fault_r2', PW),
    await api.loginAs('fault_r3', PW),
  ];
  await api.tdb.database.pool.query(`
    CREATE FUNCTION gk_fault() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_ARGV[0] = 'sleep' THEN PERFORM pg_sleep(5); RETURN NEW; END IF;
      RAISE EXCEPTION 'injected fault in %: relation "gk_secret" does not exist', TG_TABLE_NAME;
    END $$`);
});
afterAll(() => api?.close());

/** Runs `fn` with a fault trigger on `table` for `event`, `when` narrowing it to one row (a SQL condition). */
async function withFault<T>(
  table: string,
  event: 'INSERT' | 'UPDATE' | 'DELETE',
  fn: () => Promise<T>,
  opts: { when?: string; sleep?: boolean } = {},
): Promise<T> {
  const db = api.tdb.database.pool;
  await db.query(
    `CREATE TRIGGER gk_fault BEFORE ${event} ON ${table} FOR EACH ROW ${opts.when ? `WHEN (${opts.when})` : ''}
     EXECUTE FUNCTION gk_fault('${opts.sleep ? 'sleep' : 'raise'}')`,
  );
  try {
    return await fn();
  } finally {
    await db.query(`DROP TRIGGER gk_fault ON ${table}`);
  }
}

/** The generic answer: 500, code INTERNAL, a Chinese message with the request number and nothing of the cause. */
function expectGeneric(r: ApiResponse, cause: RegExp = /injected fault/) {
  expect(r.status).toBe(500);
  // The fault that was injected is what failed (logged on the server), not something else.
  expect(logged.pop()).toMatch(cause);
  expect(r.body).toEqual({
    error: {
      code: 'INTERNAL',
      message: expect.stringMatching(/^服务器内部错误，请稍后再试（请求号 [\w-]+）$/),
    },
  });
  const text = JSON.stringify(r.body);
  for (const leak of [
    'injected',
    'gk_secret',
    'gk_fault',
    'disclosure_',
    'audit_log',
    'request_',
    'timeout',
    'at ',
  ])
    expect(text).not.toContain(leak);
}

const rows = async (q: ReturnType<typeof sql>) => (await api.tdb.database.db.execute(q)).rows;

/** Everything a publish, approval or withdrawal touches, for one item. */
const itemState = async (id: string) => ({
  item: await rows(
    sql`SELECT status, level, approved_by, published_at, publish_date, withdrawn_at, withdraw_reason, updated_at
        FROM disclosure_items WHERE id = ${id}`,
  ),
  steps: await rows(
    sql`SELECT action, level_name, user_id FROM disclosure_review_steps WHERE item_id = ${id} ORDER BY at, action`,
  ),
  search: await rows(sql`SELECT item_id, published_at, grams FROM disclosure_search WHERE item_id = ${id}`),
  audit: await rows(sql`SELECT count(*)::int AS n, max(hash) AS head FROM audit_log`),
  // The security admins' alert of a failed audit write (SECURITY.md 17) is the one notice a failure may leave.
  notifications: await rows(
    sql`SELECT count(*)::int AS n FROM notifications WHERE dedupe_key IS NULL OR dedupe_key NOT LIKE ${`${AUDIT_ALERT_EVENT}:%`}`,
  ),
});

async function submitted(title: string): Promise<string> {
  const { id } = await ok(liaison.draftItem<{ id: string }>({ title }), 'draft');
  await ok(liaison.post(`/api/disclosure/items/${id}/submit`, {}), 'submit');
  return id;
}
const approve = (k: number, id: string) => reviewers[k]!.post(`/api/disclosure/items/${id}/approve`, {});

/** An app on its own pool whose sessions start with `statement_timeout` set: the timeout is PostgreSQL's own. */
async function timingOutApp(ms: number): Promise<{ as: (c: Client) => Client; close: () => Promise<void> }> {
  const name = new URL(api.tdb.url).pathname.slice(1);
  await api.tdb.database.pool.query(`ALTER DATABASE ${name} SET statement_timeout = ${ms}`);
  const database: Database = connect(api.tdb.url, 2);
  const app = buildApp({ ...api.platform, database });
  return {
    as(c) {
      const other = new Client(app);
      other.cookies = new Map(c.cookies);
      return other;
    },
    async close() {
      await database.close();
      await api.tdb.database.pool.query(`ALTER DATABASE ${name} RESET statement_timeout`);
    },
  };
}

describe('disclosure: publish, approve and withdraw fail closed', () => {
  it('a DB error in the search index while the last approval publishes: 500, still at 终审, nothing indexed', async () => {
    const id = await submitted('故障注入：发布时索引失败');
    await ok(approve(0, id), '初审');
    await ok(approve(1, id), '复审');
    const before = await itemState(id);
    expect(before.item[0]).toMatchObject({ status: 'in_review', level: 3 });
    const r = await withFault('disclosure_search', 'INSERT', () => approve(2, id));
    expectGeneric(r);
    expect(await itemState(id)).toEqual(before);
    expect((await api.anon().request('GET', `/xxgk/info/${id}`)).status).toBe(404);
    // With the fault gone the same approval publishes: the failure left nothing half-done in its way.
    expect((await approve(2, id)).status).toBe(200);
    expect((await itemState(id)).search).toHaveLength(1);
  });

  it('a DB error writing the audit row of the publish (its last write): 500 and nothing of the publish stays', async () => {
    const id = await submitted('故障注入：发布时审计失败');
    await ok(approve(0, id), '初审');
    await ok(approve(1, id), '复审');
    const before = await itemState(id);
    const r = await withFault('audit_log', 'INSERT', () => approve(2, id), {
      when: `NEW.action = 'disclosure.item.approve'`,
    });
    expectGeneric(r);
    expect(await itemState(id)).toEqual(before);
  });

  it('a statement timeout in the middle of an approval (writing its review step): 500, level unchanged', async () => {
    const id = await submitted('故障注入：审核超时');
    const before = await itemState(id);
    const slow = await timingOutApp(300);
    try {
      const started = Date.now();
      const r = await withFault(
        'disclosure_review_steps',
        'INSERT',
        () => slow.as(reviewers[0]!).post(`/api/disclosure/items/${id}/approve`, {}),
        {
          sleep: true,
        },
      );
      expectGeneric(r, /statement timeout/);
      // PostgreSQL cancelled it: far sooner than the trigger's 5 s sleep.
      expect(Date.now() - started).toBeLessThan(4000);
    } finally {
      await slow.close();
    }
    expect(await itemState(id)).toEqual(before);
  });

  it('a DB error while a withdrawal removes the item from the index: 500, still published and searchable', async () => {
    const id = await submitted('故障注入：撤回失败');
    for (const k of [0, 1, 2]) await ok(approve(k, id), `level ${k + 1}`);
    const before = await itemState(id);
    expect(before.item[0]).toMatchObject({ status: 'published' });
    expect(before.search).toHaveLength(1);
    const r = await withFault('disclosure_search', 'DELETE', () =>
      reviewers[0]!.post(`/api/disclosure/items/${id}/withdraw`, { reason: '信息有误需撤回' }),
    );
    expectGeneric(r);
    expect(await itemState(id)).toEqual(before);
    expect((await api.anon().request('GET', `/xxgk/info/${id}`)).status).toBe(200);
  });
});

describe('依申请公开: case actions fail closed', () => {
  const caseState = async (id: string) => ({
    kase: await rows(
      sql`SELECT status, reply_due, timeline, outcome, legal_basis, reply_text, closed_on, on_time, extension_request, updated_at
          FROM request_cases WHERE id = ${id}`,
    ),
    letters: await rows(sql`SELECT count(*)::int AS n FROM request_letters WHERE case_id = ${id}`),
    files: await rows(sql`SELECT count(*)::int AS n FROM files`),
    audit: await rows(sql`SELECT count(*)::int AS n, max(hash) AS head FROM audit_log`),
    notifications: await rows(sql`SELECT count(*)::int AS n FROM notifications`),
  });
  const act = (id: string, body: Record<string, unknown>) =>
    liaison.post(`/api/requests/cases/${id}/actions`, body);

  it('a DB error writing the reply’s audit row (after the case and its letters): 500, the case still open, no letter', async () => {
    const { id } = await ok(liaison.post<{ id: string }>('/api/requests/cases', staffCaseBody(fgw)), 'case');
    const before = await caseState(id);
    const reply = { action: 'reply', date: '2026-03-02', outcome: 'r1', legalBasis: 'art36_1' };
    const r = await withFault('audit_log', 'INSERT', () => act(id, reply), {
      when: `NEW.action = 'requests.reply'`,
    });
    expectGeneric(r);
    expect(await caseState(id)).toEqual(before);
    expect(before.kase[0]).toMatchObject({ status: expect.not.stringMatching(/^closed$/) });
    // The same reply succeeds once the fault is gone.
    const again = await act(id, reply);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect((await caseState(id)).kase[0]).toMatchObject({ status: 'closed', outcome: 'r1' });
  });

  it('a statement timeout while an extension is requested: 500, no extension, clock unchanged', async () => {
    const { id } = await ok(liaison.post<{ id: string }>('/api/requests/cases', staffCaseBody(fgw)), 'case');
    const before = await caseState(id);
    const slow = await timingOutApp(300);
    try {
      const r = await withFault(
        'request_cases',
        'UPDATE',
        () =>
          slow
            .as(liaison)
            .post(`/api/requests/cases/${id}/actions`, { action: 'extend', days: 5, reason: '涉及多个科室' }),
        { sleep: true },
      );
      expectGeneric(r, /statement timeout/);
    } finally {
      await slow.close();
    }
    expect(await caseState(id)).toEqual(before);
  });
});
