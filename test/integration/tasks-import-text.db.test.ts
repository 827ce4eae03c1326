// POST /api/tasks/import/preview-text: a notice pasted from a browser gets the same preview as a file.
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview, TablePreview } from '../../src/contracts/tasks';
import { auditLog, units } from '../../src/server/db/schema';
import { type Client, setupApi, type TestApi } from '../api';

const PATH = '/api/tasks/import/preview-text';
const SEED_001 = new URL('../../../shared/seeds/001_f1f23c2a90ae0336.txt', import.meta.url);

/** A table copied from a web page: navigation around it, cells separated by " | ", a group's cell omitted. */
const pasted = [
  '您当前的位置：首页 > 政务公开 > 通知公告',
  '关于印发潼南区2026年政务公开工作要点任务分工的通知',
  '发布日期：2026-03-02 浏览次数：88',
  '工作任务 | 具体要求 | 牵头单位 | 责任单位 | 完成时限 |',
  '一、深化政策解读 | 1.做好重要政策文件解读。 | 区发展改革委 | 区教委 | 2026年6月底前 |',
  '2.每季度公开教育经费执行情况。 | 区教委 | | |',
  '打印本页 关闭窗口',
].join('\n');

let api: TestApi;
let office: Client;
let fgw: Client;

beforeAll(async () => {
  api = await setupApi();
  office = await api.loginAs('office');
  fgw = await api.loginAs('fgw_liaison');
});
afterAll(() => api.close());

describe('POST /api/tasks/import/preview-text', () => {
  it('401 without a session, 403 for a liaison', async () => {
    expect((await api.anon().post(PATH, { text: pasted })).status).toBe(401);
    expect((await fgw.post(PATH, { text: pasted })).status).toBe(403);
  });

  it('400 for empty text, and for text without tasks with what was looked for', async () => {
    const empty = await office.post(PATH, { text: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error?.message).toMatch(/请粘贴通知文字/);
    const none = await office.post(PATH, { text: '请各单位于本周五前报送材料。' });
    expect(none.status).toBe(400);
    expect(none.body.error?.message).toMatch(/未读出任何任务。已查找/);
  });

  it('previews a copied web table: chrome dropped, units resolved against the registry', async () => {
    const r = await office.post<ImportPreview>(PATH, { text: pasted });
    expect(r.status).toBe(200);
    const p = r.body.data!;
    expect(p.plan.year).toBe(2026);
    expect(p.plan.date).toBe('2026-03-02');
    expect(p.plan.tasks.map((t) => [t.text, t.leadUnits, t.responsibleUnits])).toEqual([
      ['1.做好重要政策文件解读。', ['区发展改革委'], ['区教委']],
      // The row shows one unit cell in a table with a 牵头 and a 责任 column: the lead spans its group's rows
      // (merged, as in 福建's table of the corpus), so the cell shown names the responsible unit — with a warning.
      ['2.每季度公开教育经费执行情况。', ['区发展改革委'], ['区教委']],
    ]);
    expect(p.plan.warnings.some((w) => /只有一个单位单元格.*沿用上一行的牵头单位/.test(w.message))).toBe(
      true,
    );
    expect(p.units.find((u) => u.written === '区发展改革委')?.status).toMatch(/exact|alias/);
    expect(p.duplicate).toBeNull();
  });

  it('gives the same preview as uploading the same text as a file', async () => {
    const text = fs.readFileSync(SEED_001, 'utf8');
    const pastedPreview = await office.post<ImportPreview>(PATH, { text });
    const filePreview = await office.upload<ImportPreview>(
      '/api/tasks/import/preview',
      '任务分工.txt',
      new TextEncoder().encode(text),
    );
    expect(pastedPreview.status).toBe(200);
    expect(pastedPreview.body.data!.fingerprint).toBe(filePreview.body.data!.fingerprint);
    expect(pastedPreview.body.data!.plan.tasks).toHaveLength(46);
  });
});

/** A table whose header names no column the parser knows (主抓/协同/节点): read by its cells, or named by hand. */
const oddTable = [
  '关于印发2026年政务公开重点事项的通知',
  '类目\t事项\t主抓\t协同\t节点',
  '一、财政信息\t公开区级部门预决算\t区财政局\t区教委\t2026年6月底前',
  '二、政策解读\t开展政策解读\t区发展改革委\t\t持续推进',
].join('\n');
const oddColumns = { table: 1, headerRows: 1, roles: ['section', 'task', 'lead', 'responsible', 'deadline'] };
/** The same with its units written short ("财政"): nothing says which column holds units. */
const shortTable = oddTable
  .replace('区财政局', '财政')
  .replace('区教委', '教育')
  .replace('区发展改革委', '发改');

describe('columns named by hand (a table whose header is not known)', () => {
  it('read by itself by the columns its cells show, with a warning that says so', async () => {
    const r = await office.post<ImportPreview>(PATH, { text: oddTable });
    expect(r.status).toBe(200);
    const p = r.body.data!;
    expect(p.plan.tasks.map((t) => [t.section, t.text, t.leadUnits])).toEqual([
      [['一、财政信息'], '公开区级部门预决算', ['区财政局']],
      [['二、政策解读'], '开展政策解读', ['区发展改革委']],
    ]);
    expect(p.plan.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/表1的表头未能识别/));
    expect(p.tables[0]).toMatchObject({ table: 1, roles: null, guess: oddColumns.roles });
  });

  it('400 when the cells show no unit names: the message, and the table’s rows to name in the details', async () => {
    const r = await office.post(PATH, { text: shortTable });
    expect(r.status).toBe(400);
    expect(r.body.error?.message).toMatch(/没有可识别的表头/);
    const { tables } = (r.body.error?.details ?? {}) as { tables: TablePreview[] };
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ table: 1, width: 5, rowCount: 3, roles: null });
    expect(tables[0]?.rows[0]).toEqual(['类目', '事项', '主抓', '协同', '节点']);
    // Named by hand: the copy kept every cell, so the short names are read where the officer said.
    const named = await office.post<ImportPreview>(PATH, { text: shortTable, columns: oddColumns });
    expect(named.status).toBe(200);
    expect(named.body.data!.plan.tasks.map((t) => [t.leadUnits, t.responsibleUnits])).toEqual([
      [['财政'], ['教育']],
      [['发改'], ['教育']],
    ]);
  });

  it('previews the tasks with the columns given, pasted or uploaded alike', async () => {
    const r = await office.post<ImportPreview>(PATH, { text: oddTable, columns: oddColumns });
    expect(r.status).toBe(200);
    const p = r.body.data!;
    expect(p.plan.tasks.map((t) => [t.section, t.text, t.leadUnits, t.responsibleUnits])).toEqual([
      [['一、财政信息'], '公开区级部门预决算', ['区财政局'], ['区教委']],
      // Copied text cannot tell an empty cell from a merged one: the cell above continues, with a warning.
      [['二、政策解读'], '开展政策解读', ['区发展改革委'], ['区教委']],
    ]);
    expect(p.plan.tasks[0]?.deadlines[0]).toMatchObject({ kind: 'date', date: '2026-06-30' });
    expect(p.units.find((u) => u.written === '区财政局')?.status).toMatch(/exact|alias/);
    expect(p.tables.map((t) => t.table)).toEqual([1]);
    const q = encodeURIComponent(JSON.stringify(oddColumns));
    const up = await office.upload<ImportPreview>(
      `/api/tasks/import/preview?columns=${q}`,
      '重点事项.txt',
      new TextEncoder().encode(oddTable),
    );
    expect(up.status).toBe(200);
    expect(up.body.data!.fingerprint).toBe(p.fingerprint);
  });

  it('a preview read by itself carries the roles the parser read, to correct', async () => {
    const r = await office.post<ImportPreview>(PATH, { text: pasted });
    expect(r.status).toBe(200);
    expect(r.body.data!.tables[0]?.roles).toEqual(['section', 'task', 'lead', 'responsible', 'deadline']);
  });

  it.each([
    [
      'no 工作任务 column',
      { ...oddColumns, roles: ['section', 'lead', 'lead', 'responsible', 'deadline'] },
      /请指定一列为“工作任务”/,
    ],
    ['two 工作任务 columns', { ...oddColumns, roles: ['task', 'task'] }, /只能一列/],
    ['a role that is none', { ...oddColumns, roles: ['task', 'boss'] }, /列的用途无效/],
    ['a table that is not there', { ...oddColumns, table: 4 }, /通知中没有表4（共 1 个表格）/],
    ['header rows over the table', { ...oddColumns, headerRows: 3 }, /按指定的列未读出任务/],
    ['too many header rows', { ...oddColumns, headerRows: 21 }, /表头行数不能超过 20/],
  ])('400 for %s', async (_what, columns, message) => {
    const r = await office.post(PATH, { text: oddTable, columns });
    expect(r.status).toBe(400);
    expect(r.body.error?.message).toMatch(message);
  });

  it('400 for columns that are not JSON in an upload, 403 for a liaison', async () => {
    const bad = await office.upload(
      '/api/tasks/import/preview?columns=%7Bnot-json',
      '重点事项.txt',
      new TextEncoder().encode(oddTable),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toMatch(/列的指定格式无效/);
    expect((await fgw.post(PATH, { text: oddTable, columns: oddColumns })).status).toBe(403);
  });
});

/** A 工作要点 that names no unit (a city's, before the district assigns its own). */
const noUnits = [
  '2026年政务公开工作要点',
  '一、深化政策解读',
  '1.做好重要政策文件解读，每季度开展一次政策吹风会。',
  '2.丰富政策解读形式。',
  '二、回应社会关切',
  '（一）做好舆情回应',
  '对涉及本地区的重大舆情，及时回应。',
].join('\n');

describe('numbered items read as tasks, the units to fill in', () => {
  it('400 by itself, with the warnings that mark an unread notice; 200 when asked, pasted or uploaded', async () => {
    const none = await office.post(PATH, { text: noUnits });
    expect(none.status).toBe(400);
    expect(
      (none.body.error?.details as { warnings?: unknown[] } | undefined)?.warnings?.length,
    ).toBeGreaterThan(0);
    const r = await office.post<ImportPreview>(PATH, { text: noUnits, items: true, year: 2026 });
    expect(r.status).toBe(200);
    const p = r.body.data!;
    expect(p.plan.tasks.map((t) => [t.section, t.text, t.leadUnits, t.responsibleUnits])).toEqual([
      [['一、深化政策解读'], '做好重要政策文件解读，每季度开展一次政策吹风会。', [], []],
      [['一、深化政策解读'], '丰富政策解读形式。', [], []],
      [['二、回应社会关切'], '做好舆情回应\n对涉及本地区的重大舆情，及时回应。', [], []],
    ]);
    expect(p.units).toEqual([]);
    const up = await office.upload<ImportPreview>(
      '/api/tasks/import/preview?items=true&year=2026',
      '工作要点.txt',
      new TextEncoder().encode(noUnits),
    );
    expect(up.status).toBe(200);
    expect(up.body.data!.fingerprint).toBe(p.fingerprint);
  });

  it('400 when there is no numbered item, and for a flag that is not true/false', async () => {
    const r = await office.post(PATH, { text: '请各单位于本周五前报送材料。', items: true });
    expect(r.status).toBe(400);
    expect(r.body.error?.message).toBe('未找到编号条目（“一、”“（一）”“1.”等），未读出任务');
    const bad = await office.upload(
      '/api/tasks/import/preview?items=yes',
      '工作要点.txt',
      new TextEncoder().encode(noUnits),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toMatch(/[\u4e00-\u9fff]/); // said in Chinese
  });

  it('the commit still needs a unit for every task', async () => {
    const r = await office.post<ImportPreview>(PATH, { text: noUnits, items: true, year: 2026 });
    const p = r.body.data!;
    const body = {
      title: '2026年政务公开工作要点',
      issuer: null,
      docNumber: null,
      date: null,
      year: 2026,
      fingerprint: p.fingerprint,
      cadence: 'quarter',
      replace: false,
      tasks: p.plan.tasks.map(({ source: _s, ...t }) => ({ ...t, leadUnits: [], responsibleUnits: [] })),
    };
    const c = await office.post('/api/tasks/import/commit', body);
    expect(c.status).toBe(400);
    expect(JSON.stringify(c.body.error)).toContain('没有牵头单位或责任单位');
  });
});

describe('a unit mapping that learns (issue 14 part 4)', () => {
  const notice = (title: string) =>
    [
      title,
      '发布日期：2026-03-02',
      '工作任务 | 牵头单位 | 责任单位 | 完成时限 |',
      '1.公开价格监测报告。 | 区价格监测中心 | 区教委 | 2026年6月底前 |',
    ].join('\n');

  it('a name mapped by hand once is resolved by itself in the next notice, and the learning is audited', async () => {
    const first = (await office.post<ImportPreview>(PATH, { text: notice('关于印发价格工作要点的通知') }))
      .body.data!;
    const written = first.units.find((u) => u.written === '区价格监测中心')!;
    expect(written.status).toMatch(/suggestion|unknown/);
    const fgwUnit = (await api.tdb.database.db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!
      .id;
    const jwUnit = (await api.tdb.database.db.select().from(units).where(eq(units.name, '区教委')))[0]!.id;
    const ids = new Map([
      ['区价格监测中心', [fgwUnit]],
      ['区教委', [jwUnit]],
    ]);
    const body = {
      title: first.plan.title,
      issuer: first.plan.issuer,
      docNumber: first.plan.docNumber,
      date: first.plan.date,
      year: first.plan.year,
      fingerprint: first.fingerprint,
      cadence: 'quarter',
      tasks: first.plan.tasks.map((t) => ({
        ref: t.ref,
        section: t.section,
        text: t.text,
        measures: t.measures,
        leadUnits: t.leadUnits.map((w) => ({ written: w, unitIds: ids.get(w) ?? [] })),
        responsibleUnits: t.responsibleUnits.map((w) => ({ written: w, unitIds: ids.get(w) ?? [] })),
        deadlines: t.deadlines,
        disclosurePaths: t.disclosurePaths,
      })),
    };
    const c = await office.post('/api/tasks/import/commit', body);
    expect(c.status).toBe(201);
    const learnt = await api.tdb.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'org.unit.alias.learn'));
    expect(learnt.map((a) => a.detail)).toEqual([JSON.stringify({ aliases: ['区价格监测中心'] })]);

    const next = (await office.post<ImportPreview>(PATH, { text: notice('关于印发下半年价格工作的通知') }))
      .body.data!;
    expect(next.units.find((u) => u.written === '区价格监测中心')).toMatchObject({
      status: 'alias',
      unitId: fgwUnit,
    });
    // A name the registry knew already is not learnt again.
    expect(next.units.find((u) => u.written === '区教委')).toMatchObject({ status: 'exact', unitId: jwUnit });
  });
});
