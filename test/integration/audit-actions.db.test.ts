// SECURITY.md 15: every security-relevant action writes an audit row with its time (UTC, with the offset shown),
// the actor and the actor's unit, the source IP, the event, the object and its id, the outcome and the request id.
// Each action below runs through its real route with a request id of its own; the table then finds that action's
// row by the request id, as the auditor reads it (the API and the .xlsx export), and checks every field.
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecord, CurrentUser, Paged } from '../../src/contracts/api';
import { units } from '../../src/server/db/schema';
import { createUser } from '../../src/server/modules/org/users.service';
import { systemActor } from '../../src/server/platform/context';
import { type Client, DEMO_PASSWORD, NEW_PASSWORD, setupApi, type TestApi } from '../api';
import { ok, staffCaseBody } from '../unit-records';

const PW = 'Review#Gongkai2';
let api: TestApi;
let auditor: Client;
/** Who did each action and on which object, by the action's request id. */
const done = new Map<string, { who: CurrentUser; objectId: string | null }>();

const rid = (key: string) => `rid-audit-${key}`;

/** Runs one request with the request id of `key` and remembers who sent it and on which object. */
async function act<T>(
  c: Client,
  key: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; data: T | undefined }> {
  const r = await c.request<T>(method, path, body, { headers: { 'x-request-id': rid(key) } });
  return { status: r.status, data: r.body.data };
}

const me = async (c: Client) => (await c.get<CurrentUser>('/api/auth/me')).body.data!;

/** The audit rows of the action, as the auditor lists them (newest first). */
async function rowsOf(action: string): Promise<AuditRecord[]> {
  const r = await auditor.get<Paged<AuditRecord>>(
    `/api/audit/logs?action=${encodeURIComponent(action)}&pageSize=500`,
  );
  expect(r.status).toBe(200);
  return r.body.data!.items;
}

beforeAll(async () => {
  api = await setupApi();
  const db = api.tdb.database.db;
  const [fgw] = await db.select().from(units).where(eq(units.name, '区发展改革委'));
  for (const username of ['aa_r2', 'aa_r3'])
    await createUser(
      api.tdb.database,
      api.platform.fieldKeys,
      { dataScope: 'all', unitId: fgw!.id, roles: ['sysadmin'], id: 'x' },
      systemActor('test'),
      { username, name: username, unitId: fgw!.id, roles: ['reviewer'], password: PW },
      api.clock.now(),
    );
  auditor = await api.loginAs('auditor');
  const office = await api.loginAs('office');
  const officeMe = await me(office);

  // Login success and failure (by name, on fresh clients).
  const fresh = api.anon();
  expect(
    (await act(fresh, 'login-ok', 'POST', '/api/auth/login', { username: 'office', password: DEMO_PASSWORD }))
      .status,
  ).toBe(200);
  done.set(rid('login-ok'), { who: officeMe, objectId: officeMe.id });
  const bad = await act(api.anon(), 'login-bad', 'POST', '/api/auth/login', {
    username: 'office',
    password: 'Wrong#Pass123',
  });
  expect(bad.status).toBe(401);
  done.set(rid('login-bad'), { who: officeMe, objectId: officeMe.id });

  // 2FA enrolment.
  const jw = await api.loginAs('jw_liaison');
  const jwMe = await me(jw);
  const setup = await ok(jw.post<{ secret: string }>('/api/auth/totp/setup'), 'totp setup');
  const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(setup.secret), period: 30 }).generate({
    timestamp: api.clock.now().getTime(),
  });
  expect((await act(jw, 'totp', 'POST', '/api/auth/totp/confirm', { code })).status).toBe(200);
  done.set(rid('totp'), { who: jwMe, objectId: jwMe.id });

  // Logout and password change.
  expect((await act(fresh, 'logout', 'POST', '/api/auth/logout')).status).toBe(200);
  done.set(rid('logout'), { who: officeMe, objectId: officeMe.id });
  const leader = await api.loginAs('leader');
  const leaderMe = await me(leader);
  const pw = await act(leader, 'password', 'POST', '/api/auth/password', {
    oldPassword: DEMO_PASSWORD,
    newPassword: NEW_PASSWORD,
  });
  expect(pw.status).toBe(200);
  done.set(rid('password'), { who: leaderMe, objectId: leaderMe.id });

  // Role change, configuration change (the security admin).
  const sec = await api.loginAs('secadmin');
  const secMe = await me(sec);
  const roles = await ok(sec.get<{ code: string; permissions: string[] }[]>('/api/org/roles'), 'roles');
  const liaison = roles.find((r) => r.code === 'liaison')!;
  expect(
    (await act(sec, 'role', 'PUT', '/api/org/roles/liaison', { permissions: liaison.permissions })).status,
  ).toBe(200);
  done.set(rid('role'), { who: secMe, objectId: 'liaison' });
  const policy = await ok(sec.get<Record<string, unknown>>('/api/settings/security'), 'policy');
  expect((await act(sec, 'config', 'PUT', '/api/settings/security', policy)).status).toBe(200);
  done.set(rid('config'), { who: secMe, objectId: null });

  // User create and disable (the system admin), unit delete (the office).
  const admin = await api.loginAs('admin');
  const adminMe = await me(admin);
  const created = await act<{ id: string }>(admin, 'user-create', 'POST', '/api/org/users', {
    username: 'aa_new',
    name: '新用户',
    unitId: fgw!.id,
    roles: ['liaison'],
    password: 'Init#Pass2026',
  });
  expect(created.status).toBe(201);
  done.set(rid('user-create'), { who: adminMe, objectId: created.data!.id });
  expect((await act(admin, 'user-disable', 'DELETE', `/api/org/users/${created.data!.id}`)).status).toBe(200);
  done.set(rid('user-disable'), { who: adminMe, objectId: created.data!.id });
  const unit = await ok(
    office.post<{ id: string }>('/api/org/units', {
      name: '区审计动作局',
      kind: 'department',
      parentId: fgw!.parentId,
    }),
    'unit',
  );
  expect((await act(office, 'delete', 'DELETE', `/api/org/units/${unit.id}`)).status).toBe(200);
  done.set(rid('delete'), { who: officeMe, objectId: unit.id });

  // Viewing personal data in full: an applicant (依申请) and a consultation asker.
  const kase = await ok(office.post<{ id: string }>('/api/requests/cases', staffCaseBody(fgw!.id)), 'case');
  expect((await act(office, 'pii-case', 'GET', `/api/requests/cases/${kase.id}`)).status).toBe(200);
  done.set(rid('pii-case'), { who: officeMe, objectId: kase.id });
  const consult = await ok(
    office.post<{ id: string }>('/api/interaction/consultations', {
      channel: 'phone',
      question: '小微企业申请技术改造补贴需要哪些材料？',
      unitId: fgw!.id,
      askerName: '王小明',
      askerContact: '13800138000',
      receivedOn: '2026-03-02',
    }),
    'consultation',
  );
  expect(
    (await act(office, 'pii-consult', 'GET', `/api/interaction/consultations/${consult.id}`)).status,
  ).toBe(200);
  done.set(rid('pii-consult'), { who: officeMe, objectId: consult.id });

  // Export.
  expect((await act(office, 'export', 'GET', '/api/org/users/export')).status).toBe(200);
  done.set(rid('export'), { who: officeMe, objectId: '/api/org/users/export' });

  // Publish (the last of three reviews) and withdraw.
  const fgwLiaison = await api.loginAs('fgw_liaison');
  const item = await ok(
    fgwLiaison.draftItem({
      title: '关于审计动作测试项目的公示',
      writtenDate: '2026-03-02',
      unitId: fgw!.id,
      bodyHtml: '<p>审计动作测试项目批准情况。</p>',
    }),
    'draft',
  );
  await ok(fgwLiaison.post(`/api/disclosure/items/${item.id}/submit`, {}), 'submit');
  const reviewers = [
    await api.loginAs('fgw_reviewer'),
    await api.loginAs('aa_r2', PW),
    await api.loginAs('aa_r3', PW),
  ];
  await ok(reviewers[0]!.post(`/api/disclosure/items/${item.id}/approve`, {}), 'approve 1');
  await ok(reviewers[1]!.post(`/api/disclosure/items/${item.id}/approve`, {}), 'approve 2');
  const last = await act<{ status: string }>(
    reviewers[2]!,
    'publish',
    'POST',
    `/api/disclosure/items/${item.id}/approve`,
    {},
  );
  expect(last.data?.status).toBe('published');
  done.set(rid('publish'), { who: await me(reviewers[2]!), objectId: item.id });
  const w = await act(reviewers[0]!, 'withdraw', 'POST', `/api/disclosure/items/${item.id}/withdraw`, {
    reason: '测试撤回',
  });
  expect(w.status).toBe(200);
  done.set(rid('withdraw'), { who: await me(reviewers[0]!), objectId: item.id });

  // The audit log read, and a refused read of it.
  const auditorMe = await me(auditor);
  expect(
    (await act(auditor, 'audit-query', 'GET', '/api/audit/logs?username=office&result=failure')).status,
  ).toBe(200);
  done.set(rid('audit-query'), { who: auditorMe, objectId: null });
  expect((await act(auditor, 'login-query', 'GET', '/api/audit/logins?username=office')).status).toBe(200);
  done.set(rid('login-query'), { who: auditorMe, objectId: null });
  expect((await act(office, 'denied', 'GET', '/api/audit/logs')).status).toBe(403);
  done.set(rid('denied'), { who: officeMe, objectId: '/api/audit/logs' });
  // The refusal's row is written after the answer: wait for it.
  for (let i = 0; i < 50 && !(await rowsOf('denied ')).some((r) => r.requestId === rid('denied')); i++)
    await new Promise((r) => setTimeout(r, 50));
}, 60_000);
afterAll(() => api.close());

// [case, request id key, action, object type, outcome, detail it must contain]
const ACTIONS: [string, string, string, string, 'success' | 'failure', string | null][] = [
  ['login success', 'login-ok', 'auth.login', 'session', 'success', null],
  ['login failure', 'login-bad', 'auth.login', 'session', 'failure', '密码错误'],
  ['2FA enrolment', 'totp', 'auth.totp.enable', 'user', 'success', null],
  ['logout', 'logout', 'auth.logout', 'session', 'success', null],
  ['password change', 'password', 'auth.changePassword', 'user', 'success', null],
  ['role change', 'role', 'org.role.update', 'role', 'success', null],
  ['user create', 'user-create', 'org.user.create', 'user', 'success', 'aa_new'],
  ['user disable', 'user-disable', 'org.user.disable', 'user', 'success', null],
  ['PII view: applicant', 'pii-case', 'requests.pii.view', 'request_case', 'success', null],
  ['PII view: consultation asker', 'pii-consult', 'interaction.pii.view', 'consultation', 'success', null],
  ['export', 'export', 'export', 'file', 'success', '用户'],
  ['publish', 'publish', 'disclosure.item.publish', 'disclosureItem', 'success', null],
  ['withdraw (unpublish)', 'withdraw', 'disclosure.item.withdraw', 'disclosureItem', 'success', '测试撤回'],
  ['delete', 'delete', 'org.unit.delete', 'unit', 'success', null],
  ['configuration change', 'config', 'system.security.update', 'setting', 'success', null],
  ['audit query', 'audit-query', 'audit.query', 'audit_log', 'success', '"username":"office"'],
  ['login log query', 'login-query', 'audit.query', 'login_log', 'success', '"username":"office"'],
  ['failed authorization (403)', 'denied', 'denied GET /api/audit/logs', 'request', 'failure', null],
];

const UTC_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('every security-relevant action is audited with all the fields', () => {
  it.each(ACTIONS)('%s', async (_name, key, action, objectType, result, detail) => {
    const { who, objectId } = done.get(rid(key))!;
    const rows = (await rowsOf(action)).filter((r) => r.requestId === rid(key));
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({
      userId: who.id,
      username: who.username,
      unitName: who.unitName,
      action,
      objectType,
      result,
      ip: '127.0.0.1',
      requestId: rid(key),
    });
    if (objectId !== null) expect(row.objectId).toBe(objectId);
    else if (objectType === 'setting') expect(row.objectId).toBeTruthy();
    if (detail) expect(row.detail).toContain(detail);
    // UTC with its offset (Z): an instant, whatever the server's time zone.
    expect(row.at).toMatch(UTC_ISO);
    expect(Number.isNaN(Date.parse(row.at))).toBe(false);
  });

  it('stores the time as timestamptz, and the export shows it with its offset', async () => {
    const [col] = (
      await api.tdb.database.db.execute<{ data_type: string }>(
        sql`SELECT data_type FROM information_schema.columns WHERE table_name = 'audit_log' AND column_name = 'at'`,
      )
    ).rows;
    expect(col?.data_type).toBe('timestamp with time zone');
    const exp = await auditor.get('/api/audit/logs/export?action=auth.');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await exp.raw.arrayBuffer());
    const sheet = wb.worksheets[0]!;
    const header = sheet.getRow(1).values as unknown[];
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const login = rows.find((r) => r[header.indexOf('请求号')] === rid('login-bad'))!;
    expect(String(login[header.indexOf('时间')])).toMatch(UTC_ISO);
    expect(login[header.indexOf('单位')]).toBe('信息科（政务公开科）');
    expect(login[header.indexOf('结果')]).toBe('失败');
  });

  it('an unknown name is audited too, with no account and no unit', async () => {
    const r = await act(api.anon(), 'login-unknown', 'POST', '/api/auth/login', {
      username: 'nobody_here',
      password: 'Wrong#Pass123',
    });
    expect(r.status).toBe(401);
    const row = (await rowsOf('auth.login')).find((x) => x.requestId === rid('login-unknown'))!;
    expect(row).toMatchObject({ userId: null, username: 'nobody_here', unitName: null, result: 'failure' });
    expect(row.detail).toBe('用户不存在');
  });
});
