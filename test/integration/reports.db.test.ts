// The annual report from generated case data: every identity of §2.4 holds, per-unit scope, save, export
// (.docx opened and read, HTML), publication to /xxgk/nb.
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportOverviewRow, ReportView } from '../../src/contracts/reports';
import {
  APPLICANT_KINDS,
  OUTCOME_CODES,
  SECTION_TITLES,
  TABLE3_COLUMNS,
} from '../../src/domain/requests/annual-report';
import { auditLog, requestCases, requestRemedies, units } from '../../src/server/db/schema';
import { blocksToText, readDocx } from '../../src/server/platform/documents';
import { type Client, setupApi, type TestApi } from '../api';

let api: TestApi;
let office: Client;
let fgw: Client;
let jw: Client;
let auditor: Client;
let fgwUnit: string;

/** Deterministic pseudo-random numbers (a fixed LCG), so the data set is the same on every run. */
function lcg(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}

const table2 = {
  art20_1: {
    regulations: { issued: 0, abolished: 0, in_force: 0 },
    normative_docs: { issued: 3, abolished: 1, in_force: 12 },
  },
  art20_5: { licensing: { decisions: 120 } },
  art20_6: { penalty: { decisions: 15 }, compulsion: { decisions: 2 } },
  art20_8: { fees: { amount_wan_yuan: 1.25 } },
};

beforeAll(async () => {
  api = await setupApi();
  office = await api.loginAs('office');
  fgw = await api.loginAs('fgw_liaison');
  jw = await api.loginAs('jw_liaison');
  auditor = await api.loginAs('auditor');
  fgwUnit = (await api.tdb.database.db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
  // 120 cases received 2025-06 … 2026-12, closed with a random outcome or still open; some remedies.
  const rnd = lcg(42);
  const rows: (typeof requestCases.$inferInsert)[] = [];
  for (let i = 0; i < 120; i++) {
    const recvDay = 150 + rnd(560); // days after 2025-01-01
    const received = new Date(Date.UTC(2025, 0, 1 + recvDay)).toISOString().slice(0, 10);
    const open = rnd(5) === 0;
    const closed = open
      ? null
      : new Date(Date.UTC(2025, 0, 1 + recvDay + 5 + rnd(40))).toISOString().slice(0, 10);
    rows.push({
      caseNo: `T-${i}`,
      queryCode: `TESTCODE${i}`,
      unitId: fgwUnit,
      channel: 'in_person',
      applicantKind: APPLICANT_KINDS[rnd(APPLICANT_KINDS.length)]!,
      applicant: {
        name: `申请人${i}`,
        idType: 'other' as const,
        idNumber: `X${i}`,
        phone: '13800138000',
        email: null,
        address: null,
        contactPerson: null,
      },
      applicantKey: `id:X${i}`,
      description: `信息${i}`,
      deliveryForm: 'paper',
      deliveryChannel: 'mail',
      receivedOn: received,
      receiptRule: 'test',
      receiptConfirmedBy: 'test',
      status: closed ? 'closed' : 'running',
      outcome: closed ? OUTCOME_CODES[rnd(OUTCOME_CODES.length)]! : null,
      closedOn: closed,
      onTime: closed ? true : null,
    });
  }
  const inserted = await api.tdb.database.db
    .insert(requestCases)
    .values(rows)
    .returning({ id: requestCases.id });
  await api.tdb.database.db.insert(requestRemedies).values([
    { caseId: inserted[0]!.id, kind: 'reconsideration', result: 'upheld', filedOn: '2026-02-01' },
    { caseId: inserted[1]!.id, kind: 'reconsideration', result: 'corrected', filedOn: '2026-02-01' },
    {
      caseId: inserted[1]!.id,
      kind: 'litigation',
      afterReconsideration: true,
      result: 'pending',
      filedOn: '2026-02-20',
    },
    { caseId: inserted[2]!.id, kind: 'litigation', result: 'other', filedOn: '2026-02-21' },
    { caseId: inserted[3]!.id, kind: 'litigation', result: 'other', filedOn: '2025-12-21' },
  ]);
});
afterAll(() => api.close());

describe('annual report', () => {
  it('401 / 403 (no permission) / 404 (other unit, as for an unknown one)', async () => {
    expect((await api.anon().get('/api/reports?year=2026')).status).toBe(401);
    expect((await auditor.get('/api/reports?year=2026')).status).toBe(403);
    expect((await jw.get(`/api/reports/${fgwUnit}/2026`)).status).toBe(404);
    expect(
      (await jw.put(`/api/reports/${fgwUnit}/2026`, { table2, overview: '', problems: '', otherMatters: '' }))
        .status,
    ).toBe(404);
    expect((await fgw.post(`/api/reports/${fgwUnit}/2026/publish`)).status).toBe(403); // liaisons cannot publish
  });

  it.each([2025, 2026])('%i: table 三 from the cases satisfies every identity (AR-3, AR-4)', async (year) => {
    const v = (await fgw.get<ReportView>(`/api/reports/${fgwUnit}/${year}`)).body.data!;
    const t = v.report.table3;
    for (const col of TABLE3_COLUMNS) {
      expect(t.new[col] + t.carried_in[col]).toBe(t.r7[col] + t.carried_out[col]);
      expect(t.r7[col]).toBe(OUTCOME_CODES.reduce((s, c) => s + t[c][col], 0));
    }
    for (const row of Object.keys(t) as (keyof typeof t)[]) {
      expect(t[row].total).toBe(APPLICANT_KINDS.reduce((s, k) => s + t[row][k], 0));
    }
    expect(v.errors).toEqual([]);
    // The 2026 carry-in equals the 2025 carry-out (§2.4).
    if (year === 2026) {
      const prev = (await fgw.get<ReportView>(`/api/reports/${fgwUnit}/2025`)).body.data!.report.table3;
      expect(t.carried_in.total).toBe(prev.carried_out.total);
      expect(t.new.total + t.carried_in.total).toBeGreaterThan(0);
    }
  });

  it('table 四 from the remedy records of the year (AR-5)', async () => {
    const t4 = (await fgw.get<ReportView>(`/api/reports/${fgwUnit}/2026`)).body.data!.report.table4;
    expect(t4.reconsideration).toEqual({ upheld: 1, corrected: 1, other: 0, pending: 0, total: 2 });
    expect(t4.litigation_after_reconsideration.pending).toBe(1);
    expect(t4.litigation_direct).toEqual({ upheld: 0, corrected: 0, other: 1, pending: 0, total: 1 });
  });

  it('refuses to publish an unsaved report and refuses bad table 二 cells', async () => {
    const r = await office.post(`/api/reports/${fgwUnit}/2026/publish`);
    expect(r.status).toBe(400);
    const neg = await fgw.put(`/api/reports/${fgwUnit}/2026`, {
      table2: { ...table2, art20_5: { licensing: { decisions: -1 } } },
      overview: '',
      problems: '',
      otherMatters: '',
    });
    expect(neg.status).toBe(400);
    expect(neg.body.error!.message).toContain('不能为负数');
    const frac = await fgw.put(`/api/reports/${fgwUnit}/2026`, {
      table2: { ...table2, art20_5: { licensing: { decisions: 1.5 } } },
      overview: '',
      problems: '',
      otherMatters: '',
    });
    expect(frac.status).toBe(400);
  });

  it('saves, exports .docx and HTML, publishes to /xxgk/nb', async () => {
    const saved = await fgw.put<ReportView>(`/api/reports/${fgwUnit}/2026`, {
      table2,
      overview: '2026年，区发展改革委认真贯彻落实政务公开工作要求。',
      problems: '公开内容的解读还不够深入。',
      otherMatters: '本年度收取信息处理费1.25万元。',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.data!.report.table2.art20_8.fees.amount_wan_yuan).toBe(1.25);
    expect(saved.body.data!.publicationDue).toBe('2027-01-31');

    const docx = await fgw.request('GET', `/api/reports/${fgwUnit}/2026/export.docx`);
    expect(docx.status).toBe(200);
    const text = blocksToText(readDocx(new Uint8Array(await docx.raw.arrayBuffer())));
    for (const title of Object.values(SECTION_TITLES)) expect(text).toContain(title);
    expect(text).toContain('区发展改革委2026年政府信息公开工作年度报告');
    const html = await (await fgw.request('GET', `/api/reports/${fgwUnit}/2026/export.html`)).raw.text();
    expect(html).toContain('<table');
    expect(html).toContain('行政规范性文件');

    // 2026 has not ended (the clock says 2026-03-02): publishing needs a reason, which is audited.
    expect(saved.body.data!.yearEnded).toBe(false);
    const early = await office.post(`/api/reports/${fgwUnit}/2026/publish`);
    expect(early.status).toBe(400);
    expect(early.body.error!.message).toContain('2026 年尚未结束');
    expect((await office.post(`/api/reports/${fgwUnit}/2026/publish`, { earlyReason: '  ' })).status).toBe(
      400,
    );
    const pub = await office.post<ReportView>(`/api/reports/${fgwUnit}/2026/publish`, {
      earlyReason: '机构改革，撤并前公布',
    });
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    const [row] = await api.tdb.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'reports.publish'))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(row!.detail).toContain('机构改革，撤并前公布');
    expect(pub.body.data!.publishedAt).not.toBeNull();
    const list = await (await api.anon().request('GET', '/xxgk/nb')).raw.text();
    const href = /href="(\/xxgk\/nb\/[0-9a-f-]{36})"/.exec(list)![1]!;
    const page = await (await api.anon().request('GET', href)).raw.text();
    expect(page).toContain('三、收到和处理政府信息公开申请情况');
    expect(page).toContain('认真贯彻落实');
  });

  it('the office sees every unit with its validation status; a liaison only its own', async () => {
    const all = (await office.get<ReportOverviewRow[]>('/api/reports?year=2026')).body.data!;
    expect(all.length).toBeGreaterThan(5);
    const f = all.find((r) => r.unitId === fgwUnit)!;
    expect(f.publishedAt).not.toBeNull();
    expect(f.errors).toBe(0);
    const own = (await fgw.get<ReportOverviewRow[]>('/api/reports?year=2026')).body.data!;
    expect(own.map((r) => r.unitId)).toEqual([fgwUnit]);
  });

  it("flags overdue years: on 2026-03-02 a department's 2025 report (due 01-31) is overdue, the government's (03-31) not yet", async () => {
    const rows = (await office.get<ReportOverviewRow[]>('/api/reports?year=2025')).body.data!;
    const f = rows.find((r) => r.unitId === fgwUnit)!;
    expect(f).toMatchObject({ publicationDue: '2026-01-31', overdue: true });
    const gov = rows.find((r) => r.publicationDue.endsWith('-03-31'))!;
    expect(gov.overdue).toBe(false);
    expect((await fgw.get<ReportView>(`/api/reports/${fgwUnit}/2025`)).body.data!).toMatchObject({
      overdue: true,
      yearEnded: true,
    });
  });

  it("the portal lists the district government's report first", async () => {
    const [gov] = await api.tdb.database.db.select().from(units).where(eq(units.kind, 'government'));
    const put = await office.put(`/api/reports/${gov!.id}/2025`, {
      table2,
      overview: '区政府',
      problems: '',
      otherMatters: '',
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect((await office.post(`/api/reports/${gov!.id}/2025/publish`)).status).toBe(200);
    const list = await (await api.anon().request('GET', '/xxgk/nb')).raw.text();
    const titles = [...list.matchAll(/href="\/xxgk\/nb\/[0-9a-f-]{36}">([^<]+)</g)].map((m) => m[1]);
    expect(titles.length).toBe(2);
    // The 2026 department report is newer, yet the district government's comes first.
    expect(titles[0]).toContain(`${gov!.name}2025年`);
    expect(titles[1]).toContain('区发展改革委2026年');
  });
});
