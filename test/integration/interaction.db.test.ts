// Issue 11 parts 1 and 2 over HTTP: consultations (registration by channel, the answer clock, unit scope, transfers
// without loops, late answers recorded as late, the citizen's rating) and the Q&A base (review before public, stale
// entries, import preview and all-or-nothing import). 401/403/400/happy path per route.
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ConsultDetail,
  ConsultStats,
  ConsultSummary,
  QaEntryInfo,
  QaImportPreview,
} from '../../src/contracts/interaction';
import { loadBuiltinCalendarYears } from '../../src/domain/calendar';
import {
  auditLog,
  consultations,
  disclosureItems,
  notifications,
  units,
  users,
} from '../../src/server/db/schema';
import { consultationByCode, rateByCode, sealStoredAskers } from '../../src/server/modules/interaction';
import { remindDueConsultations } from '../../src/server/modules/interaction/reminders';
import { deleteCalendarOverride, putCalendarYear } from '../../src/server/platform/calendar/service';
import { systemActor } from '../../src/server/platform/context';
import { type Client, setupApi, type TestApi } from '../api';

let api: TestApi;
let office: Client;
let fgw: Client;
let jw: Client;
let auditor: Client;
let fgwUnit: string;
let jwUnit: string;
let officeUnit: string;

const unitId = async (name: string) =>
  (await api.tdb.database.db.select().from(units).where(eq(units.name, name)))[0]!.id;

const consultBody = (over: Record<string, unknown> = {}) => ({
  channel: 'phone',
  question: '小微企业申请技术改造补贴需要哪些材料？',
  unitId: fgwUnit,
  askerName: '王小明',
  askerContact: '13800138000',
  receivedOn: '2026-03-02',
  ...over,
});

async function csv(rows: string[][]): Promise<Uint8Array> {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  return new TextEncoder().encode(rows.map((r) => r.map(q).join(',')).join('\n'));
}
async function xlsx(rows: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('问答库');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  api = await setupApi();
  office = await api.loginAs('office');
  fgw = await api.loginAs('fgw_liaison');
  jw = await api.loginAs('jw_liaison');
  auditor = await api.loginAs('auditor');
  fgwUnit = await unitId('区发展改革委');
  jwUnit = await unitId('区教委');
  officeUnit = await unitId('信息科（政务公开科）');
});
afterAll(() => api.close());

const act = (c: Client, id: string, body: Record<string, unknown>) =>
  c.post<ConsultDetail>(`/api/interaction/consultations/${id}/actions`, body);

describe('consultations', () => {
  it('401 without a session, 403 without the permission', async () => {
    expect((await api.anon().get('/api/interaction/consultations')).status).toBe(401);
    expect((await api.anon().post('/api/interaction/consultations', consultBody())).status).toBe(401);
    expect((await auditor.get('/api/interaction/consultations')).status).toBe(403);
    expect((await auditor.post('/api/interaction/consultations', consultBody())).status).toBe(403);
    expect((await auditor.get('/api/interaction/stats?year=2026')).status).toBe(403);
    expect((await auditor.get('/api/interaction/consultations/export')).status).toBe(403);
  });

  it.each([
    [{ question: '' }, /请填写咨询问题/],
    [{ question: '问'.repeat(10_000) }, /不超过 500 字/],
    [{ channel: 'fax' }, /咨询渠道无效/],
    [{ channel: 'hotline_12345' }, /工单号/],
    [{ receivedOn: '2026-02-30' }, /日期不存在/],
    [{ receivedOn: '2026-03-03' }, /不能晚于今天/],
  ])('400 %o', async (over, msg) => {
    const r = await office.post('/api/interaction/consultations', consultBody(over));
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.error)).toMatch(msg);
  });

  it('registers with the 5-working-day clock; the name and contact are sealed at rest and the row audited', async () => {
    const r = await fgw.post<{ id: string; consultNo: string; queryCode: string }>(
      '/api/interaction/consultations',
      consultBody({ channel: 'hotline_12345', workOrderNo: 'GD20260302001' }),
    );
    expect(r.status).toBe(201);
    expect(r.body.data!.consultNo).toMatch(/^ZX2026-\d{4}$/);
    const d = await fgw.get<ConsultDetail>(`/api/interaction/consultations/${r.body.data!.id}`);
    expect(d.body.data, JSON.stringify(d.body)).toMatchObject({
      answerDue: '2026-03-09',
      status: 'open',
      overdue: false,
      askerName: '王**',
      askerContact: '13800138000',
      workOrderNo: 'GD20260302001',
      allowedActions: ['transfer', 'answer'],
    });
    const [row] = await api.tdb.database.db
      .select()
      .from(consultations)
      .where(eq(consultations.id, r.body.data!.id));
    expect(row!.askerContact).not.toContain('13800138000');
    const dump = JSON.stringify(
      (await api.tdb.database.db.execute(sql`SELECT * FROM interaction_consultations`)).rows,
    );
    expect(dump).not.toContain('王小明');
    expect(dump).not.toContain('13800138000');
    expect(row!.askerName).toMatch(/^gk1:/);
    const audits = await api.tdb.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectId, r.body.data!.id));
    expect(audits.map((a) => a.action)).toContain('interaction.consult.register');
  });

  it('unit scope: a liaison sees and handles only its own unit', async () => {
    const r = await office.post<{ id: string }>(
      '/api/interaction/consultations',
      consultBody({ unitId: jwUnit }),
    );
    const id = r.body.data!.id;
    // Another unit's consultation answers like an unknown one (SECURITY.md 10).
    expect((await fgw.get(`/api/interaction/consultations/${id}`)).status).toBe(404);
    expect((await act(fgw, id, { action: 'answer', answer: '答复', answeredOn: '2026-03-02' })).status).toBe(
      404,
    );
    expect((await fgw.post('/api/interaction/consultations', consultBody({ unitId: jwUnit }))).status).toBe(
      404,
    );
    const list = await fgw.get<{ items: ConsultSummary[] }>('/api/interaction/consultations?pageSize=500');
    expect(list.body.data!.items.length).toBeGreaterThan(0);
    expect(list.body.data!.items.every((i) => i.unitId === fgwUnit)).toBe(true);
    const all = await office.get<{ items: ConsultSummary[] }>('/api/interaction/consultations?pageSize=500');
    expect(all.body.data!.items.some((i) => i.id === id)).toBe(true);
  });

  it('transfers with a reason; sending it back to the unit that passed it on is refused', async () => {
    const r = await fgw.post<{ id: string }>('/api/interaction/consultations', consultBody());
    const id = r.body.data!.id;
    expect((await act(fgw, id, { action: 'transfer', unitId: jwUnit, reason: '' })).status).toBe(400);
    expect((await act(fgw, id, { action: 'transfer', unitId: fgwUnit, reason: '错' })).status).toBe(400);
    const t = await act(fgw, id, { action: 'transfer', unitId: jwUnit, reason: '属教育政策' });
    // The sender is told where it went, without the asker's contact; from now on it is the new unit's.
    expect(t.status).toBe(200);
    expect(t.body.data).toMatchObject({ unitName: '区教委', askerContact: null, allowedActions: [] });
    expect((await fgw.get(`/api/interaction/consultations/${id}`)).status).toBe(404);
    const d = await jw.get<ConsultDetail>(`/api/interaction/consultations/${id}`);
    expect(d.body.data!.unitName).toBe('区教委');
    expect(d.body.data!.answerDue).toBe('2026-03-09'); // the clock keeps running
    const back = await act(jw, id, { action: 'transfer', unitId: fgwUnit, reason: '不属于我单位' });
    expect(back.status).toBe(400);
    expect(back.body.error!.message).toMatch(/区发展改革委已将该咨询转出，不能再转回/);
    const onward = await act(jw, id, { action: 'transfer', unitId: officeUnit, reason: '请主管部门协调' });
    expect(onward.status).toBe(200);
    expect((await office.get<ConsultDetail>(`/api/interaction/consultations/${id}`)).body.data!.unitId).toBe(
      officeUnit,
    );
  });

  it('a late answer is recorded as late, never refused; overdue shows until then; the citizen rates by code', async () => {
    // Received 02-20: due 02-28 (the make-up Saturday counts), so today (03-02) it is overdue.
    const r = await fgw.post<{ id: string; queryCode: string }>(
      '/api/interaction/consultations',
      consultBody({ receivedOn: '2026-02-20' }),
    );
    const id = r.body.data!.id;
    const overdue = await fgw.get<{ items: ConsultSummary[] }>('/api/interaction/consultations?overdue=true');
    expect(overdue.body.data!.items.map((i) => [i.id, i.answerDue])).toContainEqual([id, '2026-02-28']);
    expect((await act(fgw, id, { action: 'answer', answer: '', answeredOn: '2026-03-02' })).status).toBe(400);
    expect(
      (await act(fgw, id, { action: 'answer', answer: '需提交申请表', answeredOn: '2026-03-03' })).status,
    ).toBe(400);
    const a = await act(fgw, id, {
      action: 'answer',
      answer: '需提交申请表和营业执照',
      answeredOn: '2026-03-02',
    });
    expect(a.status).toBe(200);
    expect(a.body.data).toMatchObject({ status: 'answered', onTime: false, overdue: false });
    expect(a.body.data!.history.at(-1)!.text).toMatch(/记为逾期答复/);
    expect((await act(fgw, id, { action: 'answer', answer: 'x', answeredOn: '2026-03-02' })).status).toBe(
      400,
    );
    const db = api.tdb.database.db;
    const pub = await consultationByCode(db, api.clock, r.body.data!.queryCode.toLowerCase());
    expect(pub).toMatchObject({ answer: '需提交申请表和营业执照', canRate: true });
    expect(JSON.stringify(pub)).not.toMatch(/王小明|13800138000/);
    const portal = systemActor('portal');
    await rateByCode(api.tdb.database, api.clock, portal, r.body.data!.queryCode, 'satisfied', null);
    await expect(
      rateByCode(api.tdb.database, api.clock, portal, r.body.data!.queryCode, 'basic', null),
    ).rejects.toThrow(/已评价/);
    const after = await fgw.get<ConsultDetail>(`/api/interaction/consultations/${id}`);
    expect(after.body.data).toMatchObject({ status: 'closed', satisfaction: 'satisfied' });
  });

  it('ledger export (.xlsx) and monthly statistics within scope', async () => {
    const x = await fgw.get('/api/interaction/consultations/export');
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await x.raw.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('编号');
    const units = new Set<string>();
    ws.eachRow((row, n) => {
      if (n > 1) units.add(String(row.getCell(7).value));
    });
    expect([...units]).toEqual(['区发展改革委']);
    const s = await fgw.get<ConsultStats>('/api/interaction/stats?year=2026');
    expect(s.status).toBe(200);
    // Of the unit's own: one received in March and open, one received in February and answered late.
    const [feb, march] = [s.body.data!.byMonth[1]!, s.body.data!.byMonth[2]!];
    expect(feb).toMatchObject({ received: 1, answered: 1, late: 1, onTime: 0 });
    expect(march).toMatchObject({ received: 1, answered: 0 });
    expect(s.body.data!.byUnit.map((u) => u.unitName)).toEqual(['区发展改革委']);
    expect((await fgw.get('/api/interaction/stats?year=1900')).status).toBe(400);
  });
});

describe('Q&A base', () => {
  const entry = (over: Record<string, unknown> = {}) => ({
    question: '住房公积金怎么提取？',
    answer: '职工购买、建造、翻建、大修自住住房的，可以提取住房公积金账户内的存储余额。',
    unitId: fgwUnit,
    topic: '住房',
    keywords: ['公积金'],
    ...over,
  });

  it('401, 403 and 400', async () => {
    expect((await api.anon().get('/api/interaction/qa')).status).toBe(401);
    expect((await auditor.get('/api/interaction/qa')).status).toBe(403);
    expect((await auditor.post('/api/interaction/qa', entry())).status).toBe(403);
    expect(
      (
        await fgw.post('/api/interaction/qa/00000000-0000-4000-8000-000000000000/review', {
          decision: 'approve',
        })
      ).status,
    ).toBe(403);
    expect((await fgw.post('/api/interaction/qa', entry({ answer: '' }))).status).toBe(400);
    expect((await fgw.post('/api/interaction/qa', entry({ unitId: jwUnit }))).status).toBe(404);
    expect((await office.get('/api/interaction/qa/match?q=')).status).toBe(400);
  });

  it('an entry is public only after review; an edit sends it back; matching sees published entries only', async () => {
    const c = await fgw.post<QaEntryInfo>('/api/interaction/qa', entry());
    expect(c.status).toBe(201);
    expect(c.body.data!.status).toBe('pending');
    const id = c.body.data!.id;
    const before = await office.get<{ id: string }[]>(
      `/api/interaction/qa/match?q=${encodeURIComponent('公积金咋个取出来')}`,
    );
    expect(before.body.data!.map((m) => m.id)).not.toContain(id);
    expect((await office.post(`/api/interaction/qa/${id}/review`, { decision: 'retire' })).status).toBe(400);
    const ok = await office.post<QaEntryInfo>(`/api/interaction/qa/${id}/review`, { decision: 'approve' });
    expect(ok.body.data!.status).toBe('published');
    const after = await office.get<{ id: string; confident: boolean }[]>(
      `/api/interaction/qa/match?q=${encodeURIComponent('公积金咋个取出来')}`,
    );
    expect(after.body.data![0]).toMatchObject({ id });
    const edited = await fgw.put<QaEntryInfo>(
      `/api/interaction/qa/${id}`,
      entry({ answer: '改过的答复内容' }),
    );
    expect(edited.body.data!.status).toBe('pending');
    expect((await jw.put(`/api/interaction/qa/${id}`, entry({ unitId: jwUnit }))).status).toBe(404);
  });

  it('an entry citing a repealed normative document is flagged stale', async () => {
    const db = api.tdb.database.db;
    // Tests seed no disclosure content: a published normative document is written as the disclosure module would.
    const [creator] = await db.select().from(users).where(eq(users.username, 'office'));
    const rootId = '00000000-0000-4000-8000-0000000000aa';
    await db.insert(disclosureItems).values({
      id: rootId,
      rootId,
      kind: 'normative',
      unitId: fgwUnit,
      title: '区技术改造补贴管理办法',
      indexNo: 'TEST-0001',
      status: 'published',
      validity: 'in_force',
      createdBy: creator!.id,
    });
    const c = await fgw.post<QaEntryInfo>(
      '/api/interaction/qa',
      entry({ question: '技改补贴怎么申请？', policyItemIds: [rootId] }),
    );
    expect(c.status).toBe(201);
    expect(c.body.data!.stale).toEqual([]);
    await db.update(disclosureItems).set({ validity: 'repealed' }).where(eq(disclosureItems.rootId, rootId));
    const list = await fgw.get<{ items: QaEntryInfo[] }>('/api/interaction/qa?stale=true');
    expect(list.body.data!.items.map((i) => i.id)).toEqual([c.body.data!.id]);
    expect(list.body.data!.items[0]!.stale[0]).toMatch(/已废止/);
  });

  it('import preview reports missing columns, empty cells, unknown units and near-duplicates; nothing stored on error', async () => {
    const missing = await office.upload<QaImportPreview>(
      '/api/interaction/qa/import/preview',
      'kb.xlsx',
      await xlsx([
        ['问题', '答复'],
        ['a', 'b'],
      ]),
    );
    expect(missing.status).toBe(200);
    expect(missing.body.data!.errors[0]!.message).toMatch(/缺少：主管单位/);
    const rows = [
      ['问题', '答复', '主管单位', '关键词'],
      ['义务教育阶段入学需要什么材料？', '户口簿和房产证明', '区教委', '入学'],
      ['义务教育阶段入学要什么材料呢？', '户口簿、房产证明', '区教委', ''],
      ['幼儿园收费标准是多少？', '', '区教委', ''],
      ['养老保险怎么交？', '到社保窗口办理', '不存在的局', ''],
    ];
    const bad = await office.upload<QaImportPreview>(
      '/api/interaction/qa/import/preview',
      'kb.csv',
      await csv(rows),
    );
    expect(bad.body.data!.errors).toEqual([
      { row: 4, message: '答复为空' },
      { row: 5, message: '主管单位“不存在的局”不在单位列表中' },
    ]);
    const before = (await office.get<{ total: number }>('/api/interaction/qa')).body.data!.total;
    const refused = await office.upload('/api/interaction/qa/import', 'kb.csv', await csv(rows));
    expect(refused.status).toBe(400);
    expect((await office.get<{ total: number }>('/api/interaction/qa')).body.data!.total).toBe(before);
    const good = rows.slice(0, 3);
    const p = await office.upload<QaImportPreview>(
      '/api/interaction/qa/import/preview',
      'kb.xlsx',
      await xlsx(good),
    );
    expect(p.body.data!.errors).toEqual([]);
    expect(p.body.data!.nearDuplicates).toMatchObject([
      { row: 3, similarTo: expect.stringMatching(/^第 2 行/) },
    ]);
    const done = await office.upload<{ created: number }>(
      '/api/interaction/qa/import',
      'kb.xlsx',
      await xlsx(good),
    );
    expect(done.body.data).toEqual({ created: 2 });
    const pending = await office.get<{ items: QaEntryInfo[] }>(
      `/api/interaction/qa?status=pending&unitId=${jwUnit}`,
    );
    expect(pending.body.data!.items.map((i) => i.source)).toEqual(['import', 'import']);
    expect((await auditor.upload('/api/interaction/qa/import', 'kb.xlsx', await xlsx(good))).status).toBe(
      403,
    );
  });

  it('export .xlsx has the import columns', async () => {
    const x = await office.get('/api/interaction/qa/export');
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await x.raw.arrayBuffer());
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([
      undefined,
      '问题',
      '答复',
      '主管单位',
      '政策依据',
      '关键词',
    ]);
  });
});

describe('handling with the base', () => {
  it('the handler sees similar answered questions and adds the answer to the base (once)', async () => {
    const e = await fgw.post<QaEntryInfo>('/api/interaction/qa', {
      question: '住房公积金怎么提取？',
      answer: '带身份证到住房公积金管理中心柜台办理提取。',
      unitId: fgwUnit,
    });
    await office.post(`/api/interaction/qa/${e.body.data!.id}/review`, { decision: 'approve' });
    const r = await fgw.post<{ id: string }>(
      '/api/interaction/consultations',
      consultBody({ question: '公积金咋个提取嘛' }),
    );
    const id = r.body.data!.id;
    const d = await fgw.get<ConsultDetail>(`/api/interaction/consultations/${id}`);
    expect(d.body.data!.similar[0]).toMatchObject({ id: e.body.data!.id, question: '住房公积金怎么提取？' });
    expect((await act(fgw, id, { action: 'add_to_base', question: 'q', answer: 'a' })).status).toBe(400);
    await act(fgw, id, { action: 'answer', answer: '带身份证到公积金中心办理', answeredOn: '2026-03-02' });
    const added = await act(fgw, id, {
      action: 'add_to_base',
      question: '公积金怎么提取？',
      answer: '带身份证到公积金中心办理',
    });
    expect(added.status).toBe(200);
    expect(added.body.data!.qaEntryId).toBeTruthy();
    expect(added.body.data!.allowedActions).toEqual(['close']);
  });
});

describe('reminders and calendar changes', () => {
  it('reminds the holding unit of a due date within 2 working days and when passed, once each', async () => {
    const r = await fgw.post<{ id: string }>(
      '/api/interaction/consultations',
      consultBody({ question: '提醒测试' }),
    );
    const id = r.body.data!.id;
    const [liaison] = await api.tdb.database.db.select().from(users).where(eq(users.username, 'fgw_liaison'));
    const mine = async () =>
      (await api.tdb.database.db.select().from(notifications).where(eq(notifications.userId, liaison!.id)))
        .filter((n) => n.link?.endsWith(id))
        .map((n) => n.title);
    await remindDueConsultations(api.tdb.database, '2026-03-04'); // 3 working days left: nothing yet
    expect(await mine()).toEqual([]);
    await remindDueConsultations(api.tdb.database, '2026-03-05');
    await remindDueConsultations(api.tdb.database, '2026-03-05');
    expect(await mine()).toEqual([expect.stringMatching(/将于 2026-03-09 到期/)]);
    await remindDueConsultations(api.tdb.database, '2026-03-10');
    expect(await mine()).toHaveLength(2);
    expect((await mine())[1]).toMatch(/已超过答复期限/);
  });

  it('an edited calendar moves the due date of open consultations (extra day off 2026-03-04)', async () => {
    const r = await fgw.post<{ id: string }>(
      '/api/interaction/consultations',
      consultBody({ question: '日历测试' }),
    );
    const due = async () =>
      (
        await api.tdb.database.db.select().from(consultations).where(eq(consultations.id, r.body.data!.id))
      )[0]!.answerDue;
    expect(await due()).toBe('2026-03-09');
    const y2026 = loadBuiltinCalendarYears().find((y) => y.year === 2026)!;
    await putCalendarYear(api.tdb.database, systemActor('test'), 2026, {
      ...y2026,
      holidays: [...y2026.holidays, { name: '测试假日', off: ['2026-03-04'], makeupWorkdays: [] }],
    });
    try {
      expect(await due()).toBe('2026-03-10');
    } finally {
      await deleteCalendarOverride(api.tdb.database, systemActor('test'), 2026);
    }
  });
});

describe('the asker at rest (SECURITY.md 37)', () => {
  it('names stored in plain text before sealing are sealed by the start-up step, once; the ledger still reads them', async () => {
    const { db } = api.tdb.database;
    const r = await fgw.post<{ id: string }>('/api/interaction/consultations', consultBody());
    const id = r.body.data!.id;
    await db
      .update(consultations)
      .set({ askerName: '赵明远', askerContact: '13700137000' })
      .where(eq(consultations.id, id));
    const dump = async () =>
      JSON.stringify((await db.execute(sql`SELECT * FROM interaction_consultations`)).rows);
    expect(await dump()).toContain('赵明远');
    expect(await sealStoredAskers(db, api.platform.fieldKeys)).toBe(1);
    expect(await sealStoredAskers(db, api.platform.fieldKeys)).toBe(0);
    const text = await dump();
    expect(text).not.toContain('赵明远');
    expect(text).not.toContain('13700137000');
    const d = await fgw.get<ConsultDetail>(`/api/interaction/consultations/${id}`);
    expect(d.body.data).toMatchObject({ askerName: '赵**', askerContact: '13700137000' });
    const list = await fgw.get<{ items: ConsultSummary[] }>('/api/interaction/consultations?pageSize=500');
    expect(list.body.data!.items.find((i) => i.id === id)?.askerName).toBe('赵**');
  });
});
