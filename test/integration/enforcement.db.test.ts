// 行政执法公示 (issue 13 part 6): record, publish within the clock, withdraw with a reason, import all or nothing,
// unit scope, the portal list with natural persons masked. The test clock stands at 2026-03-02 09:00 (Beijing).
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnforcementPreview, EnforcementRow } from '../../src/contracts/enforcement';
import { auditLog, enforcementDecisions, units } from '../../src/server/db/schema';
import { type Client, setupApi, type TestApi } from '../api';

async function sheet(headers: string[], rows: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('执法决定');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

let api: TestApi;
let office: Client;
let fgw: Client;
let jw: Client;
let fgwUnit: string;
let jwUnit: string;
const base = '/api/disclosure/enforcement';
const ID = '500103199001011232';

beforeAll(async () => {
  api = await setupApi();
  office = await api.loginAs('office');
  fgw = await api.loginAs('fgw_liaison');
  jw = await api.loginAs('jw_liaison');
  const unit = async (name: string) =>
    (await api.tdb.database.db.select().from(units).where(eq(units.name, name)))[0]!.id;
  fgwUnit = await unit('区发展改革委');
  jwUnit = await unit('区教委');
});
afterAll(() => api.close());

const penalty = (over: Record<string, unknown> = {}) => ({
  unitId: fgwUnit,
  kind: 'penalty',
  docNumber: '潼发改罚〔2026〕1号',
  partyType: 'person',
  partyName: '张三丰',
  partyCode: ID,
  decisionDate: '2026-02-26',
  conclusion:
    '当事人张三丰，住址：重庆市潼南区桂林街道解放碑路12号3栋2单元101室。罚款2000元，联系电话13812345678',
  basis: '《价格法》第四十二条',
  ...over,
});

describe('routes', () => {
  it('401 without a session, 403 without the permission, 400 on bad input', async () => {
    expect((await api.anon().get(base)).status).toBe(401);
    const auditor = await api.loginAs('auditor');
    expect((await auditor.get(base)).status).toBe(403);
    expect((await auditor.post(base, penalty())).status).toBe(403);
    const bad = await fgw.post(base, penalty({ decisionDate: '2026-02-30' }));
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toContain('日期不存在');
    const future = await fgw.post(base, penalty({ decisionDate: '2026-03-03' }));
    expect(future.status).toBe(400);
    expect(future.body.error?.message).toBe('决定日期不能晚于今天');
  });

  it('a liaison records a decision of its own unit, not of another; the due date is 7 working days on', async () => {
    const r = await fgw.post<EnforcementRow>(base, penalty());
    expect(r.status).toBe(201);
    // 2026-02-26 (Thu) + 7 working days: 02-27, 02-28 (make-up Saturday), 03-02 … 03-06 → 03-06
    expect(r.body.data).toMatchObject({ dueDate: '2026-03-06', status: 'draft', state: 'pending' });
    expect(r.body.data!.partyCode).toBe('50*************232');
    const [stored] = await api.tdb.database.db
      .select()
      .from(enforcementDecisions)
      .where(eq(enforcementDecisions.id, r.body.data!.id));
    expect(stored!.partyCode).not.toContain(ID.slice(6, 14)); // sealed at rest
    expect((await fgw.post(base, penalty())).status).toBe(409);
    expect((await fgw.post(base, penalty({ unitId: jwUnit, docNumber: 'x1' }))).status).toBe(404);
    const audits = await api.tdb.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectId, r.body.data!.id));
    expect(audits.map((a) => a.action)).toEqual(['disclosure.enforcement.create']);
  });

  it('an old decision never published is overdue; lists and summary say so; other units do not see it', async () => {
    const r = await fgw.post<EnforcementRow>(
      base,
      penalty({
        kind: 'license',
        docNumber: '潼发改许〔2026〕3号',
        decisionDate: '2026-02-02',
        partyType: 'organization',
        partyName: '重庆某某建材有限公司',
        partyCode: '91500223MA5U1234XY',
        conclusion: '准予许可',
      }),
    );
    expect(r.body.data).toMatchObject({ dueDate: '2026-02-11', state: 'overdue' });
    const overdue = await office.get<{ items: EnforcementRow[]; total: number }>(`${base}?state=overdue`);
    expect(overdue.body.data!.items.map((x) => x.docNumber)).toEqual(['潼发改许〔2026〕3号']);
    const mine = await jw.get<{ total: number }>(base);
    expect(mine.body.data!.total).toBe(0);
    const sum = await office.get<{ overdue: number; byKind: { kind: string; total: number }[] }>(
      `${base}/summary?year=2026`,
    );
    expect(sum.body.data!.overdue).toBe(1);
    expect(sum.body.data!.byKind.find((k) => k.kind === 'license')!.total).toBe(1);
  });

  it('publishes on time; the portal shows the person masked and the organisation in full', async () => {
    const list = await fgw.get<{ items: EnforcementRow[] }>(base);
    for (const d of list.body.data!.items) {
      const r = await fgw.post<EnforcementRow>(`${base}/${d.id}/publish`);
      expect(r.status).toBe(200);
    }
    const after = await fgw.get<{ items: EnforcementRow[] }>(base);
    expect(after.body.data!.items.map((x) => [x.docNumber, x.state]).sort()).toEqual([
      ['潼发改罚〔2026〕1号', 'on_time'],
      ['潼发改许〔2026〕3号', 'late'],
    ]);
    expect((await fgw.post(`${base}/${after.body.data!.items[0]!.id}/publish`)).status).toBe(409);
    const page = await (await api.anon().request('GET', '/xxgk/zfgs')).raw.text();
    expect(page).toContain('张**');
    expect(page).not.toContain('张三丰');
    expect(page).not.toContain(ID);
    expect(page).not.toContain('13812345678');
    expect(page).toContain('138****5678');
    // The party's home address only down to its 街道 (SECURITY.md 33).
    expect(page).toContain('当事人张**，住址：重庆市潼南区桂林街道******。');
    expect(page).not.toContain('解放碑路');
    expect(page).toContain('重庆某某建材有限公司');
    expect(page).toContain('91500223MA5U1234XY');
  });

  it('withdraws with a reason; a published decision cannot be deleted; the portal drops it', async () => {
    const [d] = (await fgw.get<{ items: EnforcementRow[] }>(`${base}?q=${encodeURIComponent('罚')}`)).body
      .data!.items;
    expect((await fgw.del(`${base}/${d!.id}`)).status).toBe(409);
    expect((await fgw.post(`${base}/${d!.id}/withdraw`, { reason: '' })).status).toBe(400);
    expect((await jw.post(`${base}/${d!.id}/withdraw`, { reason: '决定已被撤销' })).status).toBe(404);
    const w = await fgw.post<EnforcementRow>(`${base}/${d!.id}/withdraw`, { reason: '决定已被复议机关撤销' });
    expect(w.body.data).toMatchObject({ status: 'withdrawn', withdrawReason: '决定已被复议机关撤销' });
    const page = await (await api.anon().request('GET', '/xxgk/zfgs')).raw.text();
    expect(page).not.toContain('张**');
  });

  it('the office sets the clock; a liaison may not', async () => {
    const days = { license: 7, penalty: 5, coercion: 20, other: 20 };
    expect((await fgw.put(`${base}/settings`, days)).status).toBe(403);
    expect((await office.put(`${base}/settings`, { ...days, penalty: 0 })).status).toBe(400);
    expect((await office.put(`${base}/settings`, days)).status).toBe(200);
    const r = await fgw.post<EnforcementRow>(base, penalty({ docNumber: '潼发改罚〔2026〕9号' }));
    expect(r.body.data!.dueDate).toBe('2026-03-04'); // 02-27, 02-28 (make-up), 03-02, 03-03, 03-04
    expect((await fgw.del(`${base}/${r.body.data!.id}`)).status).toBe(200);
  });
});

describe('import', () => {
  const headers = [
    '执法类别',
    '决定文书号',
    '当事人',
    '当事人类型',
    '证件号码',
    '决定日期',
    '执法结论',
    '执法机关',
  ];

  it('previews every row with its errors; nothing is stored until all rows are right', async () => {
    const bytes = await sheet(headers, [
      [
        '行政许可',
        '潼教许〔2026〕1号',
        '某某幼儿园',
        '法人或其他组织',
        '',
        '2026-02-20',
        '准予许可',
        '区教委',
      ],
      ['行政处罚', '潼教罚〔2026〕2号', '李四', '', '', '', '警告', '区教委'],
      ['行政处罚', '潼教罚〔2026〕3号', '王五', '自然人', '', '2026/2/25', '警告', '区不存在局'],
      ['行政许可', '潼教许〔2026〕1号', '某某学校', '', '', '2026年2月21日', '准予许可', '区教委'],
    ]);
    const p = await office.upload<EnforcementPreview>(`${base}/import/preview`, '执法.xlsx', bytes);
    expect(p.status).toBe(200);
    expect(p.body.data!.rows.map((r) => [r.row, r.errors])).toEqual([
      [2, []],
      [3, ['决定日期为空']],
      [4, ['执法机关「区不存在局」不在单位名录中']],
      [5, ['决定文书号「潼教许〔2026〕1号」在表中重复']],
    ]);
    const c = await office.upload(`${base}/import`, '执法.xlsx', bytes);
    expect(c.status).toBe(400);
    expect(c.body.error?.details).toMatchObject({
      rows: [{ row: 3, message: '决定日期为空' }, { row: 4 }, { row: 5 }],
    });
    const stored = await api.tdb.database.db
      .select()
      .from(enforcementDecisions)
      .where(eq(enforcementDecisions.unitId, jwUnit));
    expect(stored).toHaveLength(0);
  });

  it('imports a clean sheet; a liaison only for its own unit; the export reads back', async () => {
    const rows = [
      ['行政许可', '潼教许〔2026〕1号', '某某幼儿园', '法人或其他组织', '', '2026-02-20', '准予许可', ''],
      ['行政强制', '潼教强〔2026〕1号', '赵六', '自然人', ID, '2026-02-24', '查封场所', ''],
    ];
    const foreign = await fgw.upload(
      `${base}/import`,
      '执法.xlsx',
      await sheet(
        headers,
        rows.map((r) => [...r.slice(0, 7), '区教委']),
      ),
    );
    expect(foreign.status).toBe(400);
    expect(JSON.stringify(foreign.body.error?.details)).toContain('无权为「区教委」导入执法决定');
    const ok = await jw.upload<{ created: number }>(
      `${base}/import`,
      '执法.xlsx',
      await sheet(headers, rows),
    );
    expect(ok.status).toBe(200);
    expect(ok.body.data!.created).toBe(2);
    const exported = await jw.request('GET', `${base}/export`);
    expect(exported.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await exported.raw.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(3);
    const text = JSON.stringify(ws.getSheetValues());
    expect(text).toContain('潼教强〔2026〕1号');
    expect(text).not.toContain(ID);
  });
});
