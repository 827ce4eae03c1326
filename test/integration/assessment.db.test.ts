// 考核评估 (issue 12 part 6): the tree is edited, then frozen (edits refused); the 2025 assessment of 区发展改革委 is
// computed from seeded platform data (tasks, applications, remedies, items, normative documents, consultations,
// letters and ratings, website checks, 政务新媒体 抽查 and posts) with hand-computed expected scores under both
// no-records policies (the setting); manual scores, the 电话测评 import, ranking, export, the 考核通报 .docx read
// back, publication on the portal, unit scope. The test clock stands at 2026-03-02 09:00 (Beijing): 2025 is complete.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan, Results } from '../../src/contracts/assessment';
import { defaultTree } from '../../src/domain/assessment/tree';
import {
  auditLog,
  consultations,
  disclosureItems,
  letters,
  mailboxes,
  mediaAccounts,
  mediaPosts,
  mediaSiteChecks,
  mediaSpotChecks,
  mediaWebsites,
  planTasks,
  requestCases,
  requestRemedies,
  taskAssignments,
  units,
  users,
  workPlans,
} from '../../src/server/db/schema';
import { blocksToText, readDocx, type TableBlock } from '../../src/server/platform/documents';
import { type Client, setupApi, type TestApi } from '../api';

let api: TestApi;
let office: Client;
let fgw: Client;
let fgwUnit: string;
let departments: number;
const base = '/api/assessment';
const key = 'year=2025&unitKind=department';

async function sheet(headers: string[], rows: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('电话测评');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const at = (d: string) => new Date(`${d}T10:00:00+08:00`);

async function seed() {
  const db = api.tdb.database.db;
  const [admin] = await db.select().from(users).where(eq(users.username, 'admin'));
  // Tasks: 4 assignments due in 2025 — 3 closed by the due date, 1 closed late (and 1 due in 2026: not counted).
  const [plan] = await db
    .insert(workPlans)
    .values({ title: '2025年政务公开工作要点任务分工', year: 2025, fingerprint: 'assess-test' })
    .returning();
  const tasks = await db
    .insert(planTasks)
    .values(
      [1, 2, 3, 4, 5].map((n) => ({
        planId: plan!.id,
        ref: `T${n}`,
        sort: n,
        text: `任务${n}`,
        deadlines: [],
        disclosurePaths: [],
      })),
    )
    .returning();
  const assign = (i: number, due: string, closed: string | null) => ({
    taskId: tasks[i]!.id,
    unitId: fgwUnit,
    dueDate: due,
    state: closed ? ('closed' as const) : ('in_progress' as const),
    closedAt: closed ? at(closed) : null,
  });
  await db
    .insert(taskAssignments)
    .values([
      assign(0, '2025-06-30', '2025-06-20'),
      assign(1, '2025-06-30', '2025-06-30'),
      assign(2, '2025-12-31', '2025-11-01'),
      assign(3, '2025-09-30', '2025-10-15'),
      assign(4, '2026-06-30', null),
    ]);
  // Applications: closed 2025 on time and late; a 复议 that corrected the late one.
  const applicant = {
    name: '张三',
    idType: 'id_card' as const,
    idNumber: '',
    phone: '',
    email: null,
    address: null,
    contactPerson: null,
  };
  const kase = (n: number, onTime: boolean) => ({
    caseNo: `2025-900${n}`,
    queryCode: `ASSESS${n}`,
    unitId: fgwUnit,
    channel: 'letter',
    applicantKind: 'natural_person' as const,
    applicant,
    applicantKey: `k${n}`,
    description: '申请公开某项目批复',
    deliveryForm: 'paper',
    deliveryChannel: 'post',
    submittedOn: '2025-05-06',
    receivedOn: '2025-05-06',
    status: 'closed' as const,
    replyDue: '2025-05-27',
    closedOn: onTime ? '2025-05-20' : '2025-06-03',
    onTime,
    outcome: 'r1' as const,
  });
  const cases = await db
    .insert(requestCases)
    .values([kase(1, true), kase(2, false)])
    .returning();
  await db.insert(requestRemedies).values({
    caseId: cases[1]!.id,
    kind: 'reconsideration',
    result: 'corrected',
    filedOn: '2025-07-01',
  });
  // Items: formed 2025-03-03, published 03-10 (on time); formed 06-02, published 09-01 (late, limit 06-30).
  const item = (n: number, over: Partial<typeof disclosureItems.$inferInsert>) => ({
    rootId: crypto.randomUUID(),
    unitId: fgwUnit,
    title: `公开信息${n}`,
    indexNo: `ASSESS-${n}`,
    createdBy: admin!.id,
    status: 'published' as const,
    ...over,
  });
  await db.insert(disclosureItems).values([
    item(1, { formedDate: '2025-03-03', publishDate: '2025-03-10', publishedAt: at('2025-03-10') }),
    item(2, { formedDate: '2025-06-02', publishDate: '2025-09-01', publishedAt: at('2025-09-01') }),
    // Normative documents: one in force past its 有效期 (not kept current), one without an end date.
    item(3, { kind: 'normative', validity: 'in_force', expiryDate: '2025-12-31', publishDate: '2023-01-05' }),
    item(4, { kind: 'normative', validity: 'in_force', publishDate: '2024-01-05' }),
  ]);
  // Consultations: answered on time (rated 满意) and late (rated 基本满意).
  const consult = (n: number, onTime: boolean, satisfaction: 'satisfied' | 'basic') => ({
    consultNo: `ZX2025-90${n}`,
    queryCode: `ZXASSESS${n}`,
    channel: 'phone' as const,
    question: '政策咨询',
    unitId: fgwUnit,
    status: 'answered' as const,
    receivedOn: '2025-04-01',
    answerDue: '2025-04-08',
    answer: '答复',
    answeredOn: onTime ? '2025-04-07' : '2025-04-10',
    onTime,
    satisfaction,
  });
  await db.insert(consultations).values([consult(1, true, 'satisfied'), consult(2, false, 'basic')]);
  // Website checks in 2025: one 不合格, one 合格.
  const [site] = await db
    .insert(mediaWebsites)
    .values({
      unitId: fgwUnit,
      name: '区发展改革委网站',
      url: 'http://fgw.example.gov.cn/',
      urlKey: 'fgw.example.gov.cn',
    })
    .returning();
  const check = (asOf: string, verdict: string) => ({
    websiteId: site!.id,
    asOf,
    trigger: 'manual' as const,
    verdict,
    pages: 10,
    vetoes: verdict === '合格' ? [] : [{ rule: 'home_not_updated' as const, detail: '首页超过14天未更新' }],
    findings: [],
    notes: [],
  });
  await db.insert(mediaSiteChecks).values([check('2025-04-01', '不合格'), check('2025-10-01', '合格')]);
  // 信箱: replied on time, replied late, still open past a 2025 due date; one due in 2026 is not counted.
  const [box] = await db
    .insert(mailboxes)
    .values({ kind: 'unit', name: '区发展改革委信箱', unitId: fgwUnit })
    .returning();
  const letter = (n: number, due: string, repliedOn: string | null, onTime: boolean | null) => ({
    letterNo: `XX2025-90${n}`,
    queryCode: `XXASSESS${n}`,
    mailboxId: box!.id,
    type: 'consult' as const,
    subject: `来信${n}`,
    body: '来信内容',
    unitId: fgwUnit,
    status: repliedOn ? ('replied' as const) : ('open' as const),
    receivedOn: '2025-03-01',
    replyDue: due,
    reply: repliedOn ? '答复' : null,
    repliedOn,
    onTime,
  });
  await db
    .insert(letters)
    .values([
      letter(1, '2025-03-10', '2025-03-05', true),
      letter(2, '2025-05-15', '2025-05-20', false),
      letter(3, '2025-12-20', null, null),
      letter(4, '2026-03-10', null, null),
    ]);
  // 政务新媒体: 柳塘发改 spot-checked twice (合格, then 不合格); 发改视频 not spot-checked, posted 2025-12-25 (within
  // the 14 days before 12-31); 发改微博 registered in 2026 with no post of 2025 is not counted for 2025.
  const [wx, video] = await db
    .insert(mediaAccounts)
    .values([
      {
        unitId: fgwUnit,
        platform: 'wechat',
        name: '柳塘发改',
        accountId: 'gh_assess',
        createdAt: at('2025-01-02'),
      },
      {
        unitId: fgwUnit,
        platform: 'douyin',
        name: '发改视频',
        accountId: 'dy_assess',
        createdAt: at('2025-01-02'),
      },
      {
        unitId: fgwUnit,
        platform: 'weibo',
        name: '发改微博',
        accountId: 'wb_assess',
        createdAt: at('2026-02-01'),
      },
    ])
    .returning();
  const spot = (on: string, ok: boolean) => ({
    accountId: wx!.id,
    unitId: fgwUnit,
    checkedOn: on,
    interactionWorks: true,
    verdict: ok ? '合格' : '不合格',
    vetoes: ok ? [] : [{ rule: 'not_updated' as const, detail: '检查前14天内未更新' }],
  });
  await db.insert(mediaSpotChecks).values([spot('2025-05-10', true), spot('2025-11-10', false)]);
  await db.insert(mediaPosts).values([
    { accountId: video!.id, title: '政策解读短视频', publishedOn: '2025-12-25', source: 'manual' as const },
    { accountId: video!.id, title: '年初动态', publishedOn: '2025-02-01', source: 'manual' as const },
  ]);
}

/** The tables of a .docx, each as rows of cell texts. */
const docTables = (bytes: Uint8Array) =>
  readDocx(bytes)
    .filter((b): b is TableBlock => b.type === 'table')
    .map((t) => t.rows.map((r) => r.map((c) => c.text.trim())));

beforeAll(async () => {
  api = await setupApi();
  office = await api.loginAs('office');
  fgw = await api.loginAs('fgw_liaison');
  const db = api.tdb.database.db;
  fgwUnit = (await db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
  departments = (await db.select().from(units).where(eq(units.kind, 'department'))).length;
  await seed();
});
afterAll(() => api.close());

describe('routes: 401, 403, 400', () => {
  it('refuses without a session, without the permission and with bad input', async () => {
    expect((await api.anon().get(`${base}/plan?${key}`)).status).toBe(401);
    expect((await api.anon().get(`${base}/results?${key}`)).status).toBe(401);
    const auditor = await api.loginAs('auditor');
    expect((await auditor.get(`${base}/results?${key}`)).status).toBe(403);
    expect((await fgw.get(`${base}/plan?${key}`)).status).toBe(403);
    expect(
      (await fgw.put(`${base}/plan`, { year: 2025, unitKind: 'department', indicators: [] })).status,
    ).toBe(403);
    expect((await fgw.post(`${base}/publish`, { year: 2025, unitKind: 'department' })).status).toBe(403);
    const noKind = await office.get(`${base}/plan?year=2025`);
    expect(noKind.status).toBe(400);
    expect(noKind.body.error?.message).toContain('请选择考核对象类别');
    const tree = defaultTree('department');
    tree[0]!.weight = 25;
    const bad = await office.put(`${base}/plan`, { year: 2025, unitKind: 'department', indicators: tree });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toContain('各项指标分值合计应为100分，当前为105分');
  });
});

describe('the indicator tree', () => {
  it('shows the default tree until saved; the office saves an edit; freezing refuses further edits', async () => {
    const d = await office.get<Plan>(`${base}/plan?${key}`);
    expect(d.body.data).toMatchObject({ stored: false, status: 'draft', id: null });
    expect(d.body.data!.indicators.reduce((s, i) => s + i.weight, 0)).toBe(100);
    const tree = defaultTree('department');
    tree[0]!.criteria = '按时销号的任务占比计分（办公室修订）';
    const saved = await office.put<Plan>(`${base}/plan`, {
      year: 2025,
      unitKind: 'department',
      indicators: tree,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.data).toMatchObject({ stored: true, status: 'draft' });
    expect(saved.body.data!.indicators[0]!.criteria).toBe('按时销号的任务占比计分（办公室修订）');
    // Manual scoring is refused before the freeze.
    const early = await office.put(`${base}/scores`, {
      year: 2025,
      unitKind: 'department',
      unitId: fgwUnit,
      code: 'F1',
      score: 4,
      evidence: '培训通知及签到表',
      scorer: '张三',
    });
    expect(early.status).toBe(409);
    expect(early.body.error?.message).toBe('尚未开始评分：请先冻结指标体系');
    const frozen = await office.post<Plan>(`${base}/plan/freeze`, { year: 2025, unitKind: 'department' });
    expect(frozen.body.data).toMatchObject({ status: 'scoring' });
    const edit = await office.put(`${base}/plan`, { year: 2025, unitKind: 'department', indicators: tree });
    expect(edit.status).toBe(409);
    expect(edit.body.error?.message).toBe('评分已开始，指标体系已冻结，不能修改');
    expect((await office.post(`${base}/plan/freeze`, { year: 2025, unitKind: 'department' })).status).toBe(
      409,
    );
    const actions = await api.tdb.database.db
      .select({ a: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.objectId, frozen.body.data!.id!));
    expect(actions.map((x) => x.a)).toEqual(['assessment.plan.save', 'assessment.plan.freeze']);
  });
});

describe('scores from live data', () => {
  it('manual scores need the indicator to be manual and the score within its weight', async () => {
    const put = (over: Record<string, unknown>) =>
      office.put(`${base}/scores`, {
        year: 2025,
        unitKind: 'department',
        unitId: fgwUnit,
        code: 'F1',
        score: 4,
        evidence: '培训通知及签到表',
        scorer: '张三',
        ...over,
      });
    expect((await put({ code: 'A1' })).body.error?.message).toBe(
      '指标“《任务分工》完成情况”由系统计算，不能人工评分',
    );
    expect((await put({ score: 6 })).body.error?.message).toBe('得分不能超过该指标分值5分');
    expect((await put({ scorer: '' })).status).toBe(400);
    const ok = await put({});
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ code: 'F1', score: 4, scorer: '张三' });
  });

  it('imports the 电话测评 all or nothing', async () => {
    const bad = await sheet(
      ['单位', '测评得分'],
      [
        ['区发展改革委', '70'],
        ['不存在的局', '80'],
      ],
    );
    const pv = await office.upload<{ valid: number; invalid: number }>(
      `${base}/phone/preview?year=2025`,
      '测评.xlsx',
      bad,
    );
    expect(pv.body.data).toMatchObject({ valid: 1, invalid: 1 });
    const refused = await office.upload(`${base}/phone?year=2025`, '测评.xlsx', bad);
    expect(refused.status).toBe(400);
    expect(refused.body.error?.message).toBe('导入失败：1行有错误，未导入任何数据');
    const good = await sheet(['单位', '测评得分', '拨打次数'], [['区发展改革委', '70', '2']]);
    const done = await office.upload<{ imported: number }>(`${base}/phone?year=2025`, '测评.xlsx', good);
    expect(done.body.data).toEqual({ imported: 1 });
  });

  it('settings: 401, 403, 400, and the no-records policy defaults to spread', async () => {
    expect((await api.anon().get(`${base}/settings`)).status).toBe(401);
    expect((await fgw.put(`${base}/settings`, { noRecords: 'full_marks' })).status).toBe(403);
    const bad = await office.put(`${base}/settings`, { noRecords: 'zero' });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toContain('请选择无记录指标的计分方式');
    expect((await office.get(`${base}/settings`)).body.data).toEqual({ noRecords: 'spread' });
  });

  it('computes 区发展改革委 by hand and ranks it among the departments (policy: spread)', async () => {
    const r = await office.get<Results>(`${base}/results?${key}`);
    expect(r.status).toBe(200);
    expect(r.body.data!.noRecords).toBe('spread');
    const fgwRow = r.body.data!.units.find((u) => u.unitId === fgwUnit)!;
    const scores = Object.fromEntries(fgwRow.indicators.map((i) => [i.code, i.applicable ? i.score : null]));
    expect(scores).toEqual({
      A1: 15, // 20 × 3/4 (T4 closed 10-15, due 09-30; T5 due 2026 not counted)
      B1: 6, // 12 × 1/2 (item 2 published 09-01, limit 06-30)
      B2: null, // no policy needing interpretation: not applicable, its 8 points spread
      B3: 4, // 8 × 1/2 (item 3 still 现行有效 after 2025-12-31)
      C1: 5, // 10 × 1/2
      C2: 0, // 6 × 0/1 (the 复议 corrected)
      D1: 2.5, // 5 × 1/2
      D2: 1, // 3 × 1/3 (one on time; one replied late; one open past its 2025-12-20 due date)
      E1: 2.5, // 5 × 1/2
      E2: 2, // 3 × 2/3 (抽查 合格 and 不合格; 发改视频 posted 12-25, within 14 days of 12-31)
      F1: 4, // 张三's score
      F2: 0, // 待评分
      G1: 8, // ratings (100 + 80)/2 = 90, phone 70 → 80% of 10
    });
    // 50 points of the 92 that apply (all but B2's 8) → 50 × 100/92 = 54.347… → 54.35.
    expect(fgwRow).toMatchObject({ total: 54.35, applicableWeight: 92, bulletin: 'criticise', rank: 1 });
    // Every other department has no records and no rating: only F1 and F2 (待评分) apply → 0, tied second.
    const others = r.body.data!.units.filter((u) => u.unitId !== fgwUnit);
    expect(others).toHaveLength(departments - 1);
    expect(new Set(others.map((u) => [u.total, u.rank, u.bulletin, u.applicableWeight].join()))).toEqual(
      new Set(['0,2,criticise,10']),
    );
    // Drill-down: the records behind a computed score.
    const a1 = fgwRow.indicators.find((i) => i.code === 'A1')!;
    expect(a1.source).toBe('达标3/4（75%）');
    expect(a1.records.map((x) => [x.label, x.ok])).toEqual([
      ['T1 任务1', true],
      ['T2 任务2', true],
      ['T4 任务4', false],
      ['T3 任务3', true],
    ]);
    expect(fgwRow.indicators.find((i) => i.code === 'B3')!.records.find((x) => !x.ok)!.detail).toContain(
      '有效期已于2025-12-31届满',
    );
    const d2 = fgwRow.indicators.find((i) => i.code === 'D2')!;
    expect(d2.records.map((x) => [x.label, x.ok, x.detail])).toEqual([
      ['XX2025-901 来信1', true, '答复期限2025-03-10；2025-03-05答复'],
      ['XX2025-902 来信2', false, '答复期限2025-05-15；2025-05-20答复（逾期答复）'],
      ['XX2025-903 来信3', false, '答复期限2025-12-20；已逾期未答复'],
    ]);
    const e2 = fgwRow.indicators.find((i) => i.code === 'E2')!;
    expect(e2.records.map((x) => [x.label, x.ok])).toEqual([
      ['微信公众号“柳塘发改”（2025-05-10抽查）', true],
      ['微信公众号“柳塘发改”（2025-11-10抽查）', false],
      ['抖音“发改视频”（未抽查，按2025-12-31前14天发布记录）', true],
    ]);
    expect(fgwRow.indicators.find((i) => i.code === 'B2')!.source).toBe(
      '本年度无相关记录，不适用（分值分摊到其他指标）',
    );
  });

  it('under the full-marks policy the same records give 58 and the others 90 (the setting is audited)', async () => {
    const put = await office.put(`${base}/settings`, { noRecords: 'full_marks' });
    expect(put.body.data).toEqual({ noRecords: 'full_marks' });
    const r = await office.get<Results>(`${base}/results?${key}`);
    const fgwRow = r.body.data!.units.find((u) => u.unitId === fgwUnit)!;
    // B2 counts 8 (full marks): 50 + 8 = 58 of 100.
    expect(fgwRow).toMatchObject({ total: 58, applicableWeight: 100, rank: departments });
    // The others: computed and 社会评价 full (80 + 10), F1/F2 待评分 → 90, tied first.
    const others = r.body.data!.units.filter((u) => u.unitId !== fgwUnit);
    expect(new Set(others.map((u) => [u.total, u.rank, u.bulletin].join()))).toEqual(
      new Set(['90,1,praise']),
    );
    await office.put(`${base}/settings`, { noRecords: 'spread' });
    const actions = await api.tdb.database.db
      .select({ a: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.action, 'assessment.settings.update'));
    expect(actions).toHaveLength(2);
  });

  it('考核通报 .docx: 401, 403 for a unit before publication, 400; the figures read back from the file', async () => {
    const url = `${base}/bulletin.docx?${key}`;
    expect((await api.anon().request('GET', url)).status).toBe(401);
    expect((await (await api.loginAs('auditor')).request('GET', url)).status).toBe(403);
    expect((await fgw.request('GET', url)).status).toBe(403);
    expect((await office.request('GET', `${base}/bulletin.docx?year=2025`)).status).toBe(400);
    await office.put('/api/tasks/settings', { reminderDaysBefore: 5, bulletinAgencyCode: '潼府办' });
    const r = await office.request('GET', `${url}&number=7`);
    expect(r.status).toBe(200);
    expect(r.raw.headers.get('content-disposition')).toContain('.docx');
    const bytes = new Uint8Array(await r.raw.arrayBuffer());
    const text = blocksToText(readDocx(bytes));
    expect(text).toContain('关于2025年度区政府部门政务公开考核结果的通报');
    expect(text).toContain('潼府办〔2026〕7号');
    expect(text).toContain(`对${departments}个区政府部门2025年度政务公开工作开展了考核评估`);
    // Average: 54.35 / departments, rounded to cents.
    const avg = Math.round((54.35 * 100) / departments) / 100;
    expect(text).toContain(`平均得分 ${avg} 分，最高 54.35 分，最低 0 分`);
    expect(text).toContain(`等 ${departments} 个单位考核得分低于60分，予以通报批评`);
    expect(text).not.toContain('予以通报表扬的单位');
    expect(text).toContain('无相关记录的指标按“不适用”处理');
    const [ranking, summary] = docTables(bytes);
    expect(ranking![0]).toEqual(['排名', '单位', '总分']);
    expect(ranking![1]).toEqual(['1', '区发展改革委', '54.35']);
    expect(ranking!.slice(2).every((row) => row[0] === '2' && row[2] === '0')).toBe(true);
    expect(ranking).toHaveLength(departments + 1);
    // Indicator summary: A1 applied to 区发展改革委 only (15 of 20 = 75 %); F1 to every department:
    // 4 / departments on average; B2 to none.
    const row = (code: string) => summary!.find((x) => x[0]!.startsWith(code))!;
    expect(row('A1')).toEqual([
      'A1 工作任务落实·《任务分工》完成情况',
      '20',
      '15',
      '75%',
      '0',
      String(departments - 1),
    ]);
    const f1 = Math.round((4 * 100) / departments) / 100;
    expect(row('F1').slice(1, 3)).toEqual(['5', String(f1)]);
    expect(row('B2').slice(2)).toEqual(['—', '—', '0', String(departments)]);
    // The download is audited like every file that leaves the API.
    const exports = await api.tdb.database.db
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(eq(auditLog.action, 'export'));
    expect(exports.map((e) => JSON.stringify(e.detail)).some((d) => d.includes('考核结果的通报.docx'))).toBe(
      true,
    );
  });

  it('a unit user sees its own row only; the export is an .xlsx', async () => {
    const mine = await api.loginAs('fgw_liaison');
    const r = await mine.get<Results>(`${base}/results?${key}`);
    expect(r.body.data!.units.map((u) => [u.unit, u.total])).toEqual([['区发展改革委', 54.35]]);
    const x = await office.request('GET', `${base}/export?${key}`);
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await x.raw.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('排名');
    // Rank, unit, the 13 indicators, total, 通报: 区发展改革委 is first.
    const first = ws.getRow(2);
    expect([
      first.getCell(1).value,
      first.getCell(2).value,
      first.getCell(16).value,
      first.getCell(17).value,
    ]).toEqual([1, '区发展改革委', 54.35, '通报批评']);
  });

  it('publishes: the portal shows the ranking; scoring is closed afterwards', async () => {
    const p = await office.post<Plan>(`${base}/publish`, { year: 2025, unitKind: 'department' });
    expect(p.status).toBe(200);
    expect(p.body.data!.status).toBe('published');
    expect((await office.post(`${base}/publish`, { year: 2025, unitKind: 'department' })).status).toBe(409);
    const late = await office.put(`${base}/scores`, {
      year: 2025,
      unitKind: 'department',
      unitId: fgwUnit,
      code: 'F2',
      score: 5,
      evidence: '三审三校记录',
      scorer: '李四',
    });
    expect(late.body.error?.message).toBe('考核结果已公布，不能再修改评分');
    const page = await api.anon().request('GET', '/xxgk/khpg?year=2025');
    expect(page.status).toBe(200);
    const html = await page.raw.text();
    expect(html).toContain('2025年度区政府部门政务公开考核结果');
    expect(html).toContain('区发展改革委');
    expect(html).toContain('通报批评');
    expect(html).toContain('54.35');
    // B2 did not apply to any department: 不适用, with the note on how the totals were scaled.
    expect(html).toContain('不适用');
    expect(html).toContain('总分按适用指标折算为百分制');
    // After publication a unit may take the 考核通报 too: it is the published snapshot.
    const doc = await fgw.request('GET', `${base}/bulletin.docx?${key}`);
    expect(doc.status).toBe(200);
    const [ranking] = docTables(new Uint8Array(await doc.raw.arrayBuffer()));
    expect(ranking![1]).toEqual(['1', '区发展改革委', '54.35']);
  });
});

describe('gongkai assess compute', () => {
  it('prints the same computation as JSON, against the configured database', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-assess-'));
    try {
      const r = spawnSync(
        process.execPath,
        [
          'bin/gongkai.js',
          'assess',
          'compute',
          '--year',
          '2025',
          '--kind',
          'department',
          '--as-of',
          '2026-03-02',
          '--json',
        ],
        {
          cwd: path.resolve(import.meta.dirname, '../..'),
          env: {
            ...process.env,
            GONGKAI_DATA_DIR: dataDir,
            DATABASE_URL: api.tdb.url,
            GONGKAI_ALLOW_SUPERUSER: '1',
          },
          encoding: 'utf8',
          timeout: 90_000,
        },
      );
      expect(r.status, r.stderr).toBe(0);
      const rows = JSON.parse(r.stdout) as {
        unit: string;
        total: number;
        rank: number;
        indicators: { code: string; name: string; weight: number; score: number; source: string }[];
      }[];
      expect(rows).toHaveLength(departments);
      const mine = rows.find((x) => x.unit === '区发展改革委')!;
      expect(mine).toMatchObject({ total: 54.35, rank: 1 });
      expect(mine.indicators[0]).toEqual({
        code: 'A1',
        name: '《任务分工》完成情况',
        weight: 20,
        score: 15,
        source: '达标3/4（75%）',
      });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
