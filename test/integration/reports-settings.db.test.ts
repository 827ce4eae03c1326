// Annual-report settings (issue 13 part 2): the 区人民政府's tables 三/四 count its own cases, consistent with
// table 二, or the whole district with the setting; the 镇街 deadline is a setting (no national date), used by
// the report, the overview and the reminders. Routes: 401, 403, 400, happy path.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportOverviewRow, ReportView } from '../../src/contracts/reports';
import {
  auditLog,
  disclosureItems,
  notifications,
  requestCases,
  requestRemedies,
  units,
  users,
} from '../../src/server/db/schema';
import { remindReports } from '../../src/server/modules/reports/reminders';
import { type Client, setupApi, type TestApi } from '../api';

let api: TestApi;
let office: Client;
let fgw: Client;
let auditor: Client;
let gov: string;
let fgwUnit: string;
let town: string;

const settingsPath = '/api/reports/settings';
const reportOf = async (unitId: string, year: number) =>
  (await office.get<ReportView>(`/api/reports/${unitId}/${year}`)).body.data!;

/** A case received in 2026 by `unitId`, closed as 予以公开, with one reconsideration filed in 2026. */
async function caseOf(unitId: string, n: number) {
  const db = api.tdb.database.db;
  const [row] = await db
    .insert(requestCases)
    .values({
      caseNo: `S-${n}`,
      queryCode: `SETTINGS${n}`,
      unitId,
      channel: 'in_person',
      applicantKind: 'natural_person',
      applicant: {
        name: `申请人${n}`,
        idType: 'other' as const,
        idNumber: `S${n}`,
        phone: '13800138000',
        email: null,
        address: null,
        contactPerson: null,
      },
      applicantKey: `id:S${n}`,
      description: `信息${n}`,
      deliveryForm: 'paper',
      deliveryChannel: 'mail',
      receivedOn: '2026-02-02',
      receiptRule: 'test',
      receiptConfirmedBy: 'test',
      status: 'closed',
      outcome: 'r1',
      closedOn: '2026-02-10',
      onTime: true,
    })
    .returning({ id: requestCases.id });
  await db
    .insert(requestRemedies)
    .values({ caseId: row!.id, kind: 'reconsideration', result: 'upheld', filedOn: '2026-02-20' });
}

/** A 规范性文件 published in 2026 by `unitId` (table 二's 行政规范性文件 row). */
async function normativeOf(unitId: string, n: number) {
  const db = api.tdb.database.db;
  const [creator] = await db.select().from(users).where(eq(users.username, 'office'));
  const id = crypto.randomUUID();
  await db.insert(disclosureItems).values({
    id,
    rootId: id,
    unitId,
    kind: 'normative',
    title: `规范性文件${n}`,
    indexNo: `N-${n}`,
    status: 'published',
    validity: 'in_force',
    writtenDate: '2026-01-15',
    publishDate: '2026-01-20',
    publishedAt: new Date('2026-01-20T10:00:00+08:00'),
    createdBy: creator!.id,
  });
}

beforeAll(async () => {
  api = await setupApi();
  const db = api.tdb.database.db;
  const unitId = async (name: string) => (await db.select().from(units).where(eq(units.name, name)))[0]!.id;
  gov = (await db.select().from(units).where(eq(units.kind, 'government')))[0]!.id;
  fgwUnit = await unitId('区发展改革委');
  town = await unitId('双江镇');
  office = await api.loginAs('office');
  fgw = await api.loginAs('fgw_liaison');
  auditor = await api.loginAs('auditor');
  // The government: 2 cases and 1 document of its own; 区发展改革委 3 cases and 2 documents.
  for (const n of [1, 2]) await caseOf(gov, n);
  for (const n of [3, 4, 5]) await caseOf(fgwUnit, n);
  await normativeOf(gov, 1);
  for (const n of [2, 3]) await normativeOf(fgwUnit, n);
}, 60_000);
afterAll(() => api.close());

describe('report settings routes', () => {
  it('401 without a session, 403 without the permission', async () => {
    expect((await api.anon().get(settingsPath)).status).toBe(401);
    expect(
      (await api.anon().put(settingsPath, { governmentScope: 'own', townshipDeadline: '01-31' })).status,
    ).toBe(401);
    expect((await auditor.get(settingsPath)).status).toBe(403);
    // A liaison may read the settings, not change them (that is the office's, with 发布年度报告).
    expect((await fgw.get(settingsPath)).status).toBe(200);
    expect(
      (await fgw.put(settingsPath, { governmentScope: 'district', townshipDeadline: '01-31' })).status,
    ).toBe(403);
  });

  it.each([
    [{ governmentScope: 'own', townshipDeadline: '02-30' }, '镇街年报公布期限'],
    [{ governmentScope: 'own', townshipDeadline: '02-29' }, '镇街年报公布期限'],
    [{ governmentScope: 'own', townshipDeadline: '2月20日' }, '镇街年报公布期限'],
    [{ governmentScope: 'county', townshipDeadline: '01-31' }, '统计口径'],
    [{ townshipDeadline: '01-31' }, '统计口径'],
  ])('400 for %j', async (body, message) => {
    const r = await office.put(settingsPath, body);
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.error)).toContain(message);
  });

  it('defaults: the government counts its own figures, 镇街 report by 01-31', async () => {
    expect((await office.get(settingsPath)).body.data).toEqual({
      governmentScope: 'own',
      townshipDeadline: '01-31',
    });
  });
});

describe("the 区人民政府's tables 三/四 (consistent with table 二)", () => {
  it('count only its own cases and documents by default', async () => {
    const r = (await reportOf(gov, 2026)).report;
    expect(r.table3.new!.total).toBe(2);
    expect(r.table3.r1!.total).toBe(2);
    expect(r.table4.reconsideration!.total).toBe(2);
    expect(r.table2.art20_1.normative_docs.issued).toBe(1);
    // A department still counts its own (and its sub-units').
    expect((await reportOf(fgwUnit, 2026)).report.table3.new!.total).toBe(3);
  });

  it('count the whole district with the setting, audited', async () => {
    const put = await office.put(settingsPath, { governmentScope: 'district', townshipDeadline: '01-31' });
    expect(put.status).toBe(200);
    const r = (await reportOf(gov, 2026)).report;
    expect(r.table3.new!.total).toBe(5);
    expect(r.table3.r1!.total).toBe(5);
    expect(r.table4.reconsideration!.total).toBe(5);
    expect(r.table2.art20_1.normative_docs.issued).toBe(3);
    expect((await reportOf(fgwUnit, 2026)).report.table3.new!.total).toBe(3);
    const [row] = await api.tdb.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'reports.settings.update')));
    expect(JSON.parse(row!.detail!)).toEqual({
      before: { governmentScope: 'own', townshipDeadline: '01-31' },
      after: { governmentScope: 'district', townshipDeadline: '01-31' },
    });
    await office.put(settingsPath, { governmentScope: 'own', townshipDeadline: '01-31' });
    expect((await reportOf(gov, 2026)).report.table3.new!.total).toBe(2);
  });
});

describe('the 镇街 deadline setting', () => {
  it("moves the 镇街 due date, overdue flag and reminders, not the departments'", async () => {
    // The test clock stands on 2026-03-02: with 01-31 the 2025 report of a 镇街 is overdue.
    let rows = (await office.get<ReportOverviewRow[]>('/api/reports?year=2025')).body.data!;
    expect(rows.find((r) => r.unitId === town)).toMatchObject({
      publicationDue: '2026-01-31',
      overdue: true,
    });
    expect((await remindReports(api.tdb.database, '2026-03-05')).sent).toBe(0);

    expect(
      (await office.put(settingsPath, { governmentScope: 'own', townshipDeadline: '03-13' })).status,
    ).toBe(200);
    rows = (await office.get<ReportOverviewRow[]>('/api/reports?year=2025')).body.data!;
    expect(rows.find((r) => r.unitId === town)).toMatchObject({
      publicationDue: '2026-03-13',
      overdue: false,
    });
    expect(rows.find((r) => r.unitId === fgwUnit)).toMatchObject({
      publicationDue: '2026-01-31',
      overdue: true,
    });
    expect((await reportOf(town, 2025)).publicationDue).toBe('2026-03-13');
    // Within 10 working days of 03-13: the 镇街's editors and the office are reminded (and the government, due 03-31).
    expect((await remindReports(api.tdb.database, '2026-03-05')).sent).toBeGreaterThan(0);
    const notes = await api.tdb.database.db.select().from(notifications);
    expect(notes.some((n) => n.title.includes('双江镇2025年') && n.title.includes('2026-03-13'))).toBe(true);
  });
});
