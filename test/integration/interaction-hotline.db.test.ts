// Issue 11 parts 5 and 6 over HTTP: the hotline ledger (calls sealed and masked, the hand-over to a consultation with
// its 5-working-day clock, 12345 work orders imported all-or-nothing with duplicates and unknown units reported, the
// .xlsx ledger), 舆情 events (deadline by level, late responses recorded, evaluation) and 公开承诺 (progress with
// evidence, completion, reminders, to-dos, the public page /hdjl/cn). 401/403/400/happy path per route; unit scope.
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallImportPreview, CallInfo, CommitmentInfo, OpinionInfo } from '../../src/contracts/hotline';
import type { ConsultDetail } from '../../src/contracts/interaction';
import { auditLog, calls, notifications, units, users } from '../../src/server/db/schema';
import { seedHotlineDemo } from '../../src/server/modules/interaction';
import { remindCommitments } from '../../src/server/modules/interaction/commitments';
import { listenForChanges } from '../../src/server/platform/http/page-cache';
import { type Client, setupApi, type TestApi } from '../api';

let api: TestApi;
let office: Client;
let fgw: Client;
let fgwReviewer: Client;
let jw: Client;
let auditor: Client;
let fgwUnit: string;
let jwUnit: string;

const unitId = async (name: string) =>
  (await api.tdb.database.db.select().from(units).where(eq(units.name, name)))[0]!.id;

const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
);

async function xlsx(rows: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工单');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const callBody = (over: Record<string, unknown> = {}) => ({
  channel: 'local',
  calledAt: '2026-03-02T08:30:00+08:00',
  callerName: '王小明',
  callerPhone: '13800138000',
  question: '小微企业技术改造补贴什么时候开始申报？',
  unitId: fgwUnit,
  ...over,
});

beforeAll(async () => {
  api = await setupApi();
  office = await api.loginAs('office');
  fgw = await api.loginAs('fgw_liaison');
  fgwReviewer = await api.loginAs('fgw_reviewer');
  jw = await api.loginAs('jw_liaison');
  auditor = await api.loginAs('auditor');
  fgwUnit = await unitId('区发展改革委');
  jwUnit = await unitId('区教委');
});
afterAll(() => api.close());

describe('hotline calls', () => {
  it('401 without a session, 403 without the permission', async () => {
    const anon = api.anon();
    expect((await anon.get('/api/interaction/calls')).status).toBe(401);
    expect((await anon.post('/api/interaction/calls', callBody())).status).toBe(401);
    expect((await auditor.get('/api/interaction/calls')).status).toBe(403);
    expect((await auditor.get('/api/interaction/calls/export')).status).toBe(403);
    expect((await fgwReviewer.post('/api/interaction/calls', callBody())).status).toBe(403);
    const x = await xlsx([['工单编号']]);
    expect((await fgwReviewer.upload('/api/interaction/calls/import/preview', 'a.xlsx', x)).status).toBe(403);
    expect((await fgwReviewer.upload('/api/interaction/calls/import', 'a.xlsx', x)).status).toBe(403);
  });

  it.each([
    [{ question: '' }, /请填写来电内容/],
    [{ channel: 'fax' }, /来电渠道无效/],
    [{ channel: 'hotline_12345' }, /工单编号/],
    [{ calledAt: '昨天' }, /来电时间格式不正确/],
    [{ calledAt: '2026-03-02T10:00:00+08:00' }, /不能晚于现在/],
  ])('400 %o', async (over, msg) => {
    const r = await office.post('/api/interaction/calls', callBody(over));
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.error)).toMatch(msg);
  });

  it('logs a call: sealed at rest, masked in the ledger, in full in the detail (audited)', async () => {
    const r = await fgw.post<CallInfo>('/api/interaction/calls', callBody({ answer: '' }));
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({
      callNo: 'LD2026-0001',
      status: 'open',
      callerName: '王**',
      callerPhone: '138****8000',
      canHandOver: true,
    });
    const id = r.body.data!.id;
    const [row] = await api.tdb.database.db.select().from(calls).where(eq(calls.id, id));
    expect(`${row!.callerName}${row!.callerPhone}`).not.toMatch(/王小明|13800138000/);
    const list = await fgw.get<{ items: CallInfo[] }>('/api/interaction/calls');
    expect(JSON.stringify(list.body.data)).not.toMatch(/王小明|13800138000/);
    const d = await fgw.get<CallInfo>(`/api/interaction/calls/${id}`);
    expect(d.body.data).toMatchObject({ callerName: '王小明', callerPhone: '13800138000' });
    const audits = await api.tdb.database.db.select().from(auditLog).where(eq(auditLog.objectId, id));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['interaction.call.create', 'interaction.pii.view']),
    );
    // Who may only read sees it masked.
    const ro = await fgwReviewer.get<CallInfo>(`/api/interaction/calls/${id}`);
    expect(ro.body.data).toMatchObject({ callerName: '王**', callerPhone: '138****8000' });
  });

  it('a call answered on the phone is recorded as answered and cannot be handed over', async () => {
    const r = await fgw.post<CallInfo>('/api/interaction/calls', callBody({ answer: '3 月底发布申报通知' }));
    expect(r.body.data).toMatchObject({ status: 'answered', canHandOver: false });
    const h = await fgw.post(`/api/interaction/calls/${r.body.data!.id}/hand-over`, {});
    expect(h.status).toBe(400);
    expect(h.body.error!.message).toMatch(/已当场答复/);
  });

  it('unit scope: a liaison sees and logs only for its own unit', async () => {
    const r = await office.post<CallInfo>('/api/interaction/calls', callBody({ unitId: jwUnit }));
    const id = r.body.data!.id;
    // Another unit's call answers like an unknown one (SECURITY.md 10).
    expect((await fgw.get(`/api/interaction/calls/${id}`)).status).toBe(404);
    expect((await fgw.post(`/api/interaction/calls/${id}/hand-over`, {})).status).toBe(404);
    expect((await fgw.post('/api/interaction/calls', callBody({ unitId: jwUnit }))).status).toBe(404);
    const mine = await fgw.get<{ items: CallInfo[] }>('/api/interaction/calls?pageSize=500');
    expect(mine.body.data!.items.length).toBeGreaterThan(0);
    expect(mine.body.data!.items.every((i) => i.unitId === fgwUnit)).toBe(true);
    const theirs = await jw.get<{ items: CallInfo[] }>('/api/interaction/calls?pageSize=500');
    expect(theirs.body.data!.items.map((i) => i.id)).toEqual([id]);
  });

  it('hands a call over to a consultation: the 5-working-day clock from the day of the call, once only', async () => {
    const r = await fgw.post<CallInfo>(
      '/api/interaction/calls',
      callBody({ channel: 'hotline_12345', workOrderNo: 'GD-HAND-1' }),
    );
    const id = r.body.data!.id;
    expect((await fgw.post(`/api/interaction/calls/${id}/hand-over`, { unitId: 'x' })).status).toBe(400);
    const h = await fgw.post<{ consultationId: string; consultNo: string; answerDue: string }>(
      `/api/interaction/calls/${id}/hand-over`,
      {},
    );
    expect(h.status, JSON.stringify(h.body)).toBe(200);
    expect(h.body.data).toMatchObject({ answerDue: '2026-03-09' });
    const c = await fgw.get<ConsultDetail>(`/api/interaction/consultations/${h.body.data!.consultationId}`);
    expect(c.body.data).toMatchObject({
      channel: 'hotline_12345',
      workOrderNo: 'GD-HAND-1',
      receivedOn: '2026-03-02',
      askerName: '王**',
      askerContact: '13800138000',
      question: callBody().question,
    });
    const d = await fgw.get<CallInfo>(`/api/interaction/calls/${id}`);
    expect(d.body.data).toMatchObject({
      status: 'handed_over',
      consultNo: h.body.data!.consultNo,
      canHandOver: false,
    });
    const again = await fgw.post(`/api/interaction/calls/${id}/hand-over`, {});
    expect(again.status).toBe(400);
    expect(again.body.error!.message).toMatch(/已转为政策咨询/);
  });

  it('the ledger exports as .xlsx with the caller masked', async () => {
    const r = await fgw.request('GET', '/api/interaction/calls/export');
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await r.raw.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).text).toBe('编号');
    const text = ws.getSheetValues().flat().join(' ');
    expect(text).toContain('王**');
    expect(text).not.toMatch(/王小明|13800138000/);
  });
});

describe('12345 work-order import', () => {
  const header = ['12345 工单明细'];
  const cols = ['工单号', '受理时间', '诉求人', '来电号码', '问题描述', '处理单位', '处理结果'];
  const good = [
    header,
    cols,
    ['GD20260301001', '2026-03-01 10:05', '赵六', '13900139000', '学区划分什么时候公布？', '区教委', ''],
    ['GD20260301002', '2026/3/1 11:20', '钱七', '', '申报补贴找哪个窗口？', '区发展改革委', '已告知'],
  ];

  it('400: not an .xlsx, no recognisable header', async () => {
    const csv = new TextEncoder().encode('工单编号,来电时间\n1,2');
    const p = await office.upload<CallImportPreview>('/api/interaction/calls/import/preview', 'a.csv', csv);
    expect(p.status).toBe(200);
    expect(p.body.data!.errors[0]!.message).toMatch(/\.xlsx/);
    const bad = await office.upload('/api/interaction/calls/import', 'a.xlsx', await xlsx([['备注'], ['x']]));
    expect(bad.status).toBe(400);
    expect(bad.body.error!.message).toMatch(/未识别到表头列/);
  });

  it('reports a duplicate 工单编号 and an unknown unit; one bad row stores nothing', async () => {
    const file = await xlsx([
      ...good,
      ['GD20260301001', '2026-03-01 12:00', '', '', '重复', '区教委', ''],
      ['GD20260301003', '2026-03-01 12:30', '', '', '问题', '区宇宙局', ''],
    ]);
    const p = await office.upload<CallImportPreview>(
      '/api/interaction/calls/import/preview',
      'gd.xlsx',
      file,
    );
    expect(p.status).toBe(200);
    expect(p.body.data!.total).toBe(4);
    expect(p.body.data!.errors).toEqual([
      { row: 5, message: '工单编号 GD20260301001 与第 3 行重复' },
      { row: 6, message: '承办单位“区宇宙局”不在单位列表中' },
    ]);
    const before = (await api.tdb.database.db.select().from(calls)).length;
    const r = await office.upload('/api/interaction/calls/import', 'gd.xlsx', file);
    expect(r.status).toBe(400);
    expect(r.body.error!.message).toMatch(/未导入任何工单/);
    expect((await api.tdb.database.db.select().from(calls)).length).toBe(before);
  });

  it('a liaison may import only its own unit’s work orders', async () => {
    const p = await fgw.upload<CallImportPreview>(
      '/api/interaction/calls/import/preview',
      'gd.xlsx',
      await xlsx(good),
    );
    expect(p.body.data!.errors).toEqual([{ row: 3, message: '承办单位“区教委”不在本账号的数据范围内' }]);
  });

  it('imports every row, then reports the same work orders as already imported', async () => {
    const file = await xlsx(good);
    const p = await office.upload<CallImportPreview>(
      '/api/interaction/calls/import/preview',
      'gd.xlsx',
      file,
    );
    expect(p.body.data!.errors).toEqual([]);
    expect(p.body.data!.rows.map((r) => [r.row, r.workOrderNo, r.calledAt, r.answered])).toEqual([
      [3, 'GD20260301001', '2026-03-01T10:05:00+08:00', false],
      [4, 'GD20260301002', '2026-03-01T11:20:00+08:00', true],
    ]);
    const r = await office.upload('/api/interaction/calls/import', 'gd.xlsx', file);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data).toEqual({ created: 2 });
    const list = await jw.get<{ items: CallInfo[] }>('/api/interaction/calls?channel=hotline_12345');
    expect(list.body.data!.items.find((i) => i.workOrderNo === 'GD20260301001')).toMatchObject({
      source: 'import',
      status: 'open',
      callerName: '赵*',
      callerPhone: '139****9000',
    });
    const again = await office.upload<CallImportPreview>(
      '/api/interaction/calls/import/preview',
      'gd.xlsx',
      file,
    );
    expect(again.body.data!.errors.map((e) => e.message)).toEqual([
      '工单编号 GD20260301001 已导入过',
      '工单编号 GD20260301002 已导入过',
    ]);
  });
});

describe('舆情 events', () => {
  const body = (over: Record<string, unknown> = {}) => ({
    source: '本地论坛',
    summary: '网传某小区学位不足',
    level: 'grave',
    unitId: jwUnit,
    foundAt: '2026-03-01T08:00:00+08:00',
    ...over,
  });

  it('401, 403, 400', async () => {
    expect((await api.anon().get('/api/interaction/opinions')).status).toBe(401);
    expect((await auditor.get('/api/interaction/opinions')).status).toBe(403);
    expect((await fgwReviewer.post('/api/interaction/opinions', body({ unitId: fgwUnit }))).status).toBe(403);
    expect((await office.post('/api/interaction/opinions', body({ level: '特大' }))).status).toBe(400);
    expect((await office.post('/api/interaction/opinions', body({ summary: '' }))).status).toBe(400);
    expect(
      (await office.post('/api/interaction/opinions', body({ foundAt: '2026-03-03T08:00:00+08:00' }))).status,
    ).toBe(400);
    expect((await fgw.post('/api/interaction/opinions', body())).status).toBe(404);
  });

  it('deadline by level; overdue until a (late) response; then the evaluation closes it', async () => {
    const grave = await jw.post<OpinionInfo>('/api/interaction/opinions', body());
    expect(grave.status).toBe(201);
    expect(grave.body.data).toMatchObject({
      eventNo: 'YQ2026-0001',
      responseDue: '2026-03-02T00:00:00.000Z',
      overdue: true,
      allowedActions: ['respond'],
    });
    const general = await jw.post<OpinionInfo>('/api/interaction/opinions', body({ level: 'general' }));
    expect(general.body.data).toMatchObject({ responseDue: '2026-03-04T00:00:00.000Z', overdue: false });
    const overdue = await jw.get<{ items: OpinionInfo[] }>('/api/interaction/opinions?overdue=true');
    expect(overdue.body.data!.items.map((i) => i.id)).toEqual([grave.body.data!.id]);
    expect((await fgw.get<{ items: OpinionInfo[] }>('/api/interaction/opinions')).body.data!.items).toEqual(
      [],
    );

    const id = grave.body.data!.id;
    expect(
      (await fgw.post(`/api/interaction/opinions/${id}/actions`, { action: 'evaluate', evaluation: 'x' }))
        .status,
    ).toBe(404);
    const early = await jw.post(`/api/interaction/opinions/${id}/actions`, {
      action: 'evaluate',
      evaluation: '好',
    });
    expect(early.status).toBe(400);
    const r = await jw.post<OpinionInfo>(`/api/interaction/opinions/${id}/actions`, {
      action: 'respond',
      response: '已协调增加学位 200 个',
      channel: '区政府网站',
      respondedAt: '2026-03-02T08:30:00+08:00',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data).toMatchObject({ status: 'responded', onTime: false, overdue: false });
    const e = await jw.post<OpinionInfo>(`/api/interaction/opinions/${id}/actions`, {
      action: 'evaluate',
      evaluation: '回应及时性不足，公众基本认可',
    });
    expect(e.body.data).toMatchObject({ status: 'closed', allowedActions: [] });
  });
});

describe('公开承诺', () => {
  const body = (over: Record<string, unknown> = {}) => ({
    content: '3 月底前完成老旧小区加装电梯项目审批',
    place: '2026 年 2 月新闻发布会',
    unitId: fgwUnit,
    promisedOn: '2026-02-20',
    dueOn: '2026-03-05',
    ...over,
  });
  let id: string;

  it('401, 403, 400', async () => {
    expect((await api.anon().get('/api/interaction/commitments')).status).toBe(401);
    expect((await auditor.get('/api/interaction/commitments')).status).toBe(403);
    expect((await fgwReviewer.post('/api/interaction/commitments', body())).status).toBe(403);
    expect((await fgw.post('/api/interaction/commitments', body({ unitId: jwUnit }))).status).toBe(404);
    const early = await fgw.post('/api/interaction/commitments', body({ dueOn: '2026-02-01' }));
    expect(early.status).toBe(400);
    expect(early.body.error!.message).toMatch(/完成期限不能早于承诺日期/);
    expect((await fgw.post('/api/interaction/commitments', body({ content: '' }))).status).toBe(400);
  });

  it('registers, reports progress with evidence, reminds, completes; a unit sees only its own', async () => {
    const r = await fgw.post<CommitmentInfo>('/api/interaction/commitments', body());
    expect(r.status).toBe(201);
    id = r.body.data!.id;
    expect(r.body.data).toMatchObject({
      commitNo: 'CN2026-0001',
      status: 'ongoing',
      overdue: false,
      progress: [],
    });
    expect((await jw.get(`/api/interaction/commitments/${id}`)).status).toBe(404);
    expect(
      (await jw.get<{ items: CommitmentInfo[] }>('/api/interaction/commitments')).body.data!.items,
    ).toEqual([]);

    expect(
      (await fgw.post(`/api/interaction/commitments/${id}/progress`, { on: '2026-03-03', text: 'x' })).status,
    ).toBe(400);
    const p = await fgw.post<CommitmentInfo>(`/api/interaction/commitments/${id}/progress`, {
      on: '2026-03-01',
      text: '已受理 12 个小区的申请，完成审批 8 个',
    });
    expect(p.status).toBe(201);
    const pid = p.body.data!.progress[0]!.id;
    const up = await fgw.upload<CommitmentInfo>(
      `/api/interaction/commitments/${id}/progress/${pid}/evidence`,
      '审批清单.png',
      PNG,
    );
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    const ev = up.body.data!.progress[0]!.evidence[0]!;
    expect(ev.name).toBe('审批清单.png');
    const dl = await fgw.request('GET', `/api/interaction/commitments/${id}/evidence/${ev.fileId}`);
    expect(dl.status).toBe(200);
    expect((await jw.request('GET', `/api/interaction/commitments/${id}/evidence/${ev.fileId}`)).status).toBe(
      404,
    );

    // Due 03-05, today 03-02: a reminder in the bell and a to-do for the unit.
    const sent = await remindCommitments(api.tdb.database, '2026-03-02');
    expect(sent.sent).toBeGreaterThan(0);
    const [fgwUser] = await api.tdb.database.db.select().from(users).where(eq(users.username, 'fgw_liaison'));
    const bells = await api.tdb.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, fgwUser!.id));
    expect(bells.map((b) => b.title)).toContain('公开承诺 CN2026-0001 将于 2026-03-05 到期');
    expect((await remindCommitments(api.tdb.database, '2026-03-02')).sent).toBe(0);
    const todo = await fgw.get<{ groups: { kind: string; count: number }[] }>('/api/todo');
    expect(todo.body.data!.groups).toContainEqual(
      expect.objectContaining({ kind: 'interaction.commitmentDue', count: 1 }),
    );

    const done = await fgw.post<CommitmentInfo>(`/api/interaction/commitments/${id}/progress`, {
      on: '2026-03-02',
      text: '全部审批完成',
      complete: true,
    });
    expect(done.body.data).toMatchObject({ status: 'done', completedOn: '2026-03-02', overdue: false });
    const more = await fgw.post(`/api/interaction/commitments/${id}/progress`, {
      on: '2026-03-02',
      text: '再补充',
    });
    expect(more.status).toBe(400);
    expect(more.body.error!.message).toMatch(/已完成，不能再填报进展/);
  });

  it('an overdue commitment shows as such; /hdjl/cn shows progress and serves its evidence', async () => {
    const late = await office.post<CommitmentInfo>(
      '/api/interaction/commitments',
      body({ unitId: jwUnit, content: '2 月底前公布学区划分方案', dueOn: '2026-02-28' }),
    );
    expect(late.body.data!.overdue).toBe(true);
    const over = await office.get<{ items: CommitmentInfo[] }>('/api/interaction/commitments?overdue=true');
    expect(over.body.data!.items.map((i) => i.id)).toEqual([late.body.data!.id]);

    const res = await api.anon().request('GET', '/hdjl/cn');
    expect(res.status).toBe(200);
    expect(res.raw.headers.get('cache-control')).toMatch(/public/);
    const html = await res.raw.text();
    expect(html).toContain('3 月底前完成老旧小区加装电梯项目审批');
    expect(html).toContain('已受理 12 个小区的申请，完成审批 8 个');
    expect(html).toContain('已完成');
    expect(html).toContain('已逾期');
    const link = /href="(\/hdjl\/cn\/[^"]+\/files\/[^"]+)"/.exec(html)![1]!;
    const file = await api.anon().request('GET', link);
    expect(file.status).toBe(200);
    expect(file.raw.headers.get('content-type')).toBe('image/png');
    expect(
      (await api.anon().request('GET', `/hdjl/cn/${id}/files/00000000-0000-4000-8000-000000000000`)).status,
    ).toBe(404);
    const ongoing = await (await api.anon().request('GET', '/hdjl/cn?status=ongoing')).raw.text();
    expect(ongoing).toContain('2 月底前公布学区划分方案');
    expect(ongoing).not.toContain('加装电梯');
  });
});

describe('withdrawing a commitment', () => {
  it('401, 403, 400; then it is cancelled with its reason and leaves /hdjl/cn', async () => {
    const r = await fgw.post<CommitmentInfo>('/api/interaction/commitments', {
      content: '撤销测试：4 月开放新停车场',
      place: '信件答复',
      unitId: fgwUnit,
      promisedOn: '2026-03-01',
      dueOn: '2026-04-30',
    });
    const path = `/api/interaction/commitments/${r.body.data!.id}/cancel`;
    expect((await api.anon().post(path, { reason: '规划调整' })).status).toBe(401);
    expect((await fgwReviewer.post(path, { reason: '规划调整' })).status).toBe(403);
    expect((await jw.post(path, { reason: '规划调整' })).status).toBe(404);
    expect((await fgw.post(path, { reason: '' })).status).toBe(400);
    expect(await (await api.anon().request('GET', '/hdjl/cn')).raw.text()).toContain('撤销测试');
    const c = await fgw.post<CommitmentInfo>(path, { reason: '规划调整，改为 6 月开放' });
    expect(c.status).toBe(200);
    expect(c.body.data).toMatchObject({ status: 'cancelled', overdue: false });
    expect(c.body.data!.progress.at(-1)!.text).toBe('撤销：规划调整，改为 6 月开放');
    expect((await fgw.post(path, { reason: '再撤' })).status).toBe(400);
    expect(await (await api.anon().request('GET', '/hdjl/cn')).raw.text()).not.toContain('撤销测试');
  });
});

describe('the /hdjl/cn cache', () => {
  it('is told of every committed change to the commitments and their progress', async () => {
    const tables: string[] = [];
    const listener = await listenForChanges(api.tdb.database, (t) => tables.push(t));
    try {
      const r = await fgw.post<CommitmentInfo>('/api/interaction/commitments', {
        content: '缓存测试承诺',
        place: '发布会',
        unitId: fgwUnit,
        promisedOn: '2026-03-01',
        dueOn: '2026-03-31',
      });
      await fgw.post(`/api/interaction/commitments/${r.body.data!.id}/progress`, {
        on: '2026-03-02',
        text: '进展',
      });
      await expect
        .poll(() => tables, { timeout: 5000 })
        .toEqual(expect.arrayContaining(['interaction_commitments', 'interaction_commitment_progress']));
    } finally {
      await listener.stop();
    }
  });
});

describe('demo rows', () => {
  it('are written once and show in the ledgers and on /hdjl/cn', async () => {
    const db = api.tdb.database.db;
    expect(await db.transaction((tx) => seedHotlineDemo(tx))).toBe(4);
    expect(await db.transaction((tx) => seedHotlineDemo(tx))).toBe(0);
    const list = await jw.get<{ items: CallInfo[] }>('/api/interaction/calls?keyword=SL-DEMO');
    expect(list.body.data!.items.map((i) => i.workOrderNo)).toEqual(['SL-DEMO-0001']);
    const html = await (await api.anon().request('GET', '/hdjl/cn')).raw.text();
    expect(html).toContain('（示例）已确定 2 所学校的扩班方案。');
  });
});
