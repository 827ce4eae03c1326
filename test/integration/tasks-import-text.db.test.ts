// POST /api/tasks/import/preview-text: a notice pasted from a browser gets the same preview as a file.
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../src/contracts/tasks';
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
