// Issue 10 parts 5, 6 and 9 in the requests module: case numbers from a database counter (concurrent writers),
// who sees applicants' unmasked personal data, personal data sealed at rest, the portal's application limit.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseSummary } from '../../src/contracts/requests';
import { buildApp } from '../../src/server/app';
import { auditLog, requestCases, rolePermissions, units } from '../../src/server/db/schema';
import { sealStoredApplicants } from '../../src/server/modules/requests';
import { putSetting } from '../../src/server/platform/settings';
import { Client, setupApi, type TestApi } from '../api';
import { applyOnPortal } from '../portal-apply';

let api: TestApi;
let office: Client;
let fgwUnit: string;

const person = {
  kind: 'natural_person',
  name: '张三',
  idType: 'id_card',
  idNumber: '11010519491231002X',
  phone: '13800138000',
  address: '北京市东城区某某胡同8号院3单元',
};

const staffBody = (over: Record<string, unknown> = {}) => ({
  unitId: fgwUnit,
  applicant: person,
  description: '2025年区发展改革委重大项目清单',
  deliveryForm: 'electronic',
  deliveryChannel: 'email',
  channel: 'in_person',
  handedInOn: '2026-03-02',
  ...over,
});

beforeAll(async () => {
  api = await setupApi();
  office = await api.loginAs('office');
  fgwUnit = (await api.tdb.database.db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
});
afterAll(() => api.close());

describe('case numbers (part 6)', () => {
  it('8 concurrent registrations all succeed with distinct consecutive numbers', async () => {
    const rs = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        office.post<{ caseNo: string }>('/api/requests/cases', staffBody({ description: `并发登记 ${i}` })),
      ),
    );
    for (const r of rs) expect(r.status, JSON.stringify(r.body)).toBe(201);
    const nos = rs.map((r) => r.body.data!.caseNo).sort();
    expect(nos).toEqual(Array.from({ length: 8 }, (_, i) => `2026-${String(i + 1).padStart(4, '0')}`));
  });
});

describe('who sees personal data (part 5a)', () => {
  let id: string;
  beforeAll(async () => {
    const r = await office.post<{ id: string }>(
      '/api/requests/cases',
      staffBody({ description: '谁能看见个人信息' }),
    );
    id = r.body.data!.id;
  });
  const piiViews = async () =>
    (
      await api.tdb.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'requests.pii.view'), eq(auditLog.objectId, id)))
    ).map((a) => a.username);

  it('case handlers (office, the unit liaison) see the applicant unmasked, and the read is audited', async () => {
    for (const who of ['office', 'fgw_liaison']) {
      const r = await (await api.loginAs(who)).get<CaseDetail>(`/api/requests/cases/${id}`);
      expect(r.status).toBe(200);
      expect(r.body.data!.applicant).toMatchObject({
        idNumber: person.idNumber,
        phone: person.phone,
        address: person.address,
      });
    }
    expect(await piiViews()).toEqual(expect.arrayContaining(['office', 'fgw_liaison']));
  });

  it('leaders and reviewers get masked ID number, phone and address, in the detail and the list; no audit row', async () => {
    const before = (await piiViews()).length;
    for (const who of ['leader', 'fgw_reviewer']) {
      const c = await api.loginAs(who);
      const r = await c.get<CaseDetail>(`/api/requests/cases/${id}`);
      expect(r.status).toBe(200);
      const a = r.body.data!.applicant;
      expect(a.idNumber).toBe('11*************02X');
      expect(a.phone).toBe('138****8000');
      expect(a.address).toBe('北京市东城区******');
      const body = JSON.stringify((await c.get<{ items: CaseSummary[] }>('/api/requests/cases')).body);
      expect(body).not.toContain(person.idNumber);
      expect(body).not.toContain(person.phone);
      expect(body).not.toContain('张三');
    }
    expect((await piiViews()).length).toBe(before);
  });
});

describe('personal data at rest (part 5b)', () => {
  const dump = async () =>
    JSON.stringify((await api.tdb.database.db.execute(sql`SELECT * FROM request_cases`)).rows);

  it('no plaintext ID number, phone or address in request_cases; handlers still read them; duplicates still found', async () => {
    const first = await office.post<{ id: string }>(
      '/api/requests/cases',
      staffBody({ description: '静态加密' }),
    );
    expect(first.status).toBe(201);
    const text = await dump();
    expect(text).not.toContain(person.idNumber);
    expect(text).not.toContain(person.phone);
    expect(text).not.toContain('胡同8号');
    expect(text).toContain('gk1:');
    const again = await office.post<{ duplicateOf: string | null }>(
      '/api/requests/cases',
      staffBody({ description: '静态加密' }),
    );
    expect(again.body.data!.duplicateOf).toBe(first.body.data!.id);
    const d = await office.get<CaseDetail>(`/api/requests/cases/${first.body.data!.id}`);
    expect(d.body.data!.applicant.idNumber).toBe(person.idNumber);
  });

  it('rows stored before encryption are sealed by the start-up step, once (idempotent)', async () => {
    const { db } = api.tdb.database;
    const [row] = await db.select().from(requestCases).limit(1);
    const plain = { ...row!.applicant, idNumber: '110105194912310039', phone: '13900139000', address: null };
    await db
      .update(requestCases)
      .set({ applicant: plain, applicantKey: 'id:110105194912310039' })
      .where(eq(requestCases.id, row!.id));
    expect(await dump()).toContain('110105194912310039');
    expect(await sealStoredApplicants(db, api.platform.fieldKeys)).toBe(1);
    expect(await sealStoredApplicants(db, api.platform.fieldKeys)).toBe(0);
    const text = await dump();
    expect(text).not.toContain('110105194912310039');
    expect(text).not.toContain('13900139000');
    const [after] = await db.select().from(requestCases).where(eq(requestCases.id, row!.id));
    expect(after!.applicantKey).toMatch(/^h:[0-9a-f]{64}$/);
  });
});

describe('portal application limit (part 9)', () => {
  // Behind a trusted proxy, so that each test chooses the citizen's address.
  let proxied: () => Client;
  beforeAll(() => {
    const app = buildApp({
      ...api.platform,
      config: { ...api.platform.config, trustedProxies: ['127.0.0.1'] },
    });
    proxied = () => new Client(app);
  });
  const apply = (ip: string, idNumber: string, description: string, phone = '13700137000') =>
    applyOnPortal(
      proxied(),
      {
        unitId: fgwUnit,
        kind: 'natural_person',
        name: '钱七',
        idType: 'id_card',
        idNumber,
        phone,
        description,
        deliveryForm: 'paper',
        deliveryChannel: 'mail',
      },
      { headers: { 'x-forwarded-for': ip } },
    );
  // Valid GB 11643 numbers (check digits computed).
  const ids = ['110105194912310011', '110105194912310038', '110105194912310054', '110105194912310118'];

  it('typos cost nothing: five accepted after six rejected forms, the sixth refused (per address)', async () => {
    const ip = '198.51.100.20';
    for (let i = 0; i < 6; i++) expect((await apply(ip, '110105194912310000', `有误 ${i}`)).status).toBe(400);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await apply(ip, ids[i % 4]!, `按地址 ${i}`)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
  });

  it('counts per ID number across addresses', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await apply(`203.0.113.${i + 1}`, ids[0]!, `按证件 ${i}`)).status);
    // ids[0] already had 2 accepted in the previous test (i = 0 and 4).
    expect(statuses).toEqual([201, 201, 201, 429, 429, 429]);
    expect((await apply('203.0.113.50', ids[3]!, '另一申请人')).status).toBe(201);
  });

  it('counts per phone number and day across addresses and applicants (SECURITY.md 39)', async () => {
    await putSetting(api.tdb.database.db, 'requests.portalLimit', { perHour: 5, perPhonePerDay: 2 });
    const phone = '13811112222';
    const others = ['110105194912310070', '110105194912310097', '110105194912310134'];
    expect((await apply('192.0.2.1', others[0]!, '按电话 1', phone)).status).toBe(201);
    expect((await apply('192.0.2.2', others[1]!, '按电话 2', phone)).status).toBe(201);
    const third = await apply('192.0.2.3', others[2]!, '按电话 3', phone);
    expect(third.status).toBe(429);
    expect(third.html).toContain('该电话号码今日提交次数已达上限');
    // The refused post took nothing: the applicant and the address are free for another number.
    expect((await apply('192.0.2.3', others[2]!, '按电话 3', '13811113333')).status).toBe(201);
    api.clock.advance(24 * 3600_000);
    expect((await apply('192.0.2.4', others[2]!, '按电话 4', phone)).status).toBe(201);
    api.clock.advance(-24 * 3600_000);
    await putSetting(api.tdb.database.db, 'requests.portalLimit', { perHour: 5 });
  });
});

describe('the field-level permission, not the role, decides (part 5a)', () => {
  it('a handler without it gets masked data and a 403 for the identity proof; with it, the proof read is audited', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
    const app = buildApp({
      ...api.platform,
      config: { ...api.platform.config, trustedProxies: ['127.0.0.1'] },
    });
    const res = await applyOnPortal(
      new Client(app),
      {
        unitId: fgwUnit,
        kind: 'natural_person',
        name: '孙八',
        idType: 'id_card',
        idNumber: '110105194912310134',
        phone: '13600136000',
        description: '身份证明的权限',
        deliveryForm: 'paper',
        deliveryChannel: 'mail',
      },
      { file: new File([png], '身份证.png'), headers: { 'x-forwarded-for': '192.0.2.77' } },
    );
    expect(res.status, res.html.slice(0, 300)).toBe(201);
    const code = /data-testid="query-code">([A-Z0-9]+)</.exec(res.html)![1]!;
    const { db } = api.tdb.database;
    const [row] = await db.select().from(requestCases).where(eq(requestCases.queryCode, code));
    const [role] = await db.select().from(rolePermissions).where(eq(rolePermissions.roleCode, 'liaison'));
    const without = role!.permissions.filter((x) => x !== 'requests:applicant:unmasked');
    await db
      .update(rolePermissions)
      .set({ permissions: without })
      .where(eq(rolePermissions.roleCode, 'liaison'));
    try {
      const fgw = await api.loginAs('fgw_liaison');
      expect(
        (await fgw.get<CaseDetail>(`/api/requests/cases/${row!.id}`)).body.data!.applicant.idNumber,
      ).toBe('11*************134');
      expect((await fgw.request('GET', `/api/requests/cases/${row!.id}/id-proof`)).status).toBe(403);
    } finally {
      await db
        .update(rolePermissions)
        .set({ permissions: role!.permissions })
        .where(eq(rolePermissions.roleCode, 'liaison'));
    }
    expect((await office.request('GET', `/api/requests/cases/${row!.id}/id-proof`)).status).toBe(200);
    const views = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'requests.pii.view'), eq(auditLog.objectId, row!.id)));
    expect(views.map((v) => [v.username, v.detail])).toEqual([['office', '身份证明']]);
  });
});
