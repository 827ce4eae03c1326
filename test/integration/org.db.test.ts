import fs from 'node:fs';
import { Document, Packer, Paragraph } from 'docx';
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeadingGroup, Paged, Unit, UnitMatch, User } from '../../src/contracts/api';
import { auditLog, units, users } from '../../src/server/db/schema';
import { type Client, setupApi, type TestApi } from '../api';

const SEED_000 = new URL('../../../shared/seeds/000_4dfb44639754fa34.txt', import.meta.url);

async function xlsx(headers: string[], rows: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function seedDocx(): Promise<Uint8Array> {
  const lines = fs.readFileSync(SEED_000, 'utf8').split('\n');
  const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph(l.trim())) }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

async function unitId(api: TestApi, name: string): Promise<string> {
  return (await api.tdb.database.db.select().from(units).where(eq(units.name, name)))[0]!.id;
}

let api: TestApi;
let office: Client;
let liaison: Client;
beforeAll(async () => {
  api = await setupApi();
  office = await api.loginAs('office');
  liaison = await api.loginAs('fgw_liaison');
});
afterAll(() => api.close());

describe('units', () => {
  it('401 without a session', async () => {
    expect((await api.anon().get('/api/org/units')).status).toBe(401);
    expect((await api.anon().post('/api/org/units', { name: '区甲局', kind: 'department' })).status).toBe(
      401,
    );
  });

  it('office creates, updates and deletes a unit (with audit rows)', async () => {
    const root = await unitId(api, '重庆市潼南区人民政府');
    const created = await office.post<Unit>('/api/org/units', {
      name: '区大数据发展局',
      kind: 'department',
      parentId: root,
      aliases: ['区大数据局'],
    });
    expect(created.status).toBe(201);
    expect(created.body.data?.aliases).toEqual(['区大数据局']);
    const id = created.body.data!.id;
    const upd = await office.put<Unit>(`/api/org/units/${id}`, {
      name: '区大数据应用发展管理局',
      kind: 'department',
      parentId: root,
      aliases: ['区大数据局'],
    });
    expect(upd.body.data?.name).toBe('区大数据应用发展管理局');
    expect((await office.del(`/api/org/units/${id}`)).status).toBe(200);
    const audits = await api.tdb.database.db.select().from(auditLog).where(eq(auditLog.objectId, id));
    expect(audits.map((a) => a.action)).toEqual(['org.unit.create', 'org.unit.update', 'org.unit.delete']);
  });

  it('400 for bad input, 409 for a duplicate name, 403 for a liaison', async () => {
    const root = await unitId(api, '重庆市潼南区人民政府');
    const bad = await office.post('/api/org/units', { name: 'X', kind: 'ministry' });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toMatch(/输入有误/);
    const dup = await office.post('/api/org/units', { name: '区教委', kind: 'department', parentId: root });
    expect(dup.status).toBe(409);
    expect(dup.body.error?.message).toContain('区教委');
    const noParent = await office.post('/api/org/units', { name: '区新设局', kind: 'department' });
    expect(noParent.status).toBe(400);
    expect(
      (await liaison.post('/api/org/units', { name: '区乙局', kind: 'department', parentId: root })).status,
    ).toBe(403);
  });

  it('a liaison sees only its own unit in lists and trees', async () => {
    const list = await liaison.get<Paged<Unit>>('/api/org/units?pageSize=100');
    expect(list.body.data?.items.map((u) => u.name)).toEqual(['区发展改革委']);
    const all = await office.get<Paged<Unit>>('/api/org/units?pageSize=100');
    expect(all.body.data!.total).toBeGreaterThanOrEqual(31);
    const other = await unitId(api, '区教委');
    expect((await liaison.get(`/api/org/units/${other}`)).status).toBe(404);
  });

  it('exports and re-imports units as .xlsx', async () => {
    const r = await office.get('/api/org/units/export');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await r.raw.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toContain('单位名称');
    expect(ws.rowCount).toBeGreaterThan(30);
  });

  it('imports all or nothing: an unknown parent aborts the whole file', async () => {
    const before = (await api.tdb.database.db.select({ n: count() }).from(units))[0]!.n;
    const file = await xlsx(
      ['单位名称', '简称', '类型', '上级单位', '别名'],
      [
        ['区统计局', '', '部门', '区政府', ''],
        ['区不存在的下级科', '', '内设科室', '区根本没有这个单位', ''],
      ],
    );
    const r = await office.upload('/api/org/units/import', '单位.xlsx', file);
    expect(r.status).toBe(400);
    expect(r.body.error?.details).toEqual({
      rows: [{ row: 3, message: '上级单位「区根本没有这个单位」不存在' }],
    });
    const after = (await api.tdb.database.db.select({ n: count() }).from(units))[0]!.n;
    expect(after).toBe(before);
    const good = await office.upload<{ created: number }>(
      '/api/org/units/import',
      '单位.xlsx',
      await xlsx(
        ['单位名称', '类型', '上级单位'],
        [
          ['区统计局', '部门', '重庆市潼南区人民政府'],
          ['综合科', '内设科室', '区统计局'],
        ],
      ),
    );
    expect(good.status).toBe(200);
    expect(good.body.data).toEqual({ created: 2, updated: 0 });
  });

  it('rejects a file that is not an .xlsx with a Chinese message', async () => {
    const r = await office.upload(
      '/api/org/units/import',
      '单位.xlsx',
      new TextEncoder().encode('not excel'),
    );
    expect(r.status).toBe(400);
    expect(r.body.error?.message).toContain('不是有效的 Excel');
  });

  it('refuses an oversize upload with 413', async () => {
    const big = new Uint8Array(api.config.maxUploadBytes + 10);
    big[0] = 0x50;
    big[1] = 0x4b;
    const r = await office.upload('/api/org/units/import', 'big.xlsx', big);
    expect(r.status).toBe(413);
    expect(r.body.error?.message).toContain('上限');
  });
});

describe('users', () => {
  it('office creates a liaison for 区发展改革委 who must change the password', async () => {
    const unit = await unitId(api, '区发展改革委');
    const r = await office.post<User>('/api/org/users', {
      username: 'fgw2',
      name: '赵敏',
      unitId: unit,
      roles: ['liaison'],
      phone: '13812345678',
      password: 'Init#Pass2026',
    });
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({
      username: 'fgw2',
      unitName: '区发展改革委',
      roles: ['liaison'],
      phoneMasked: '138****5678',
      mustChangePassword: true,
    });
    const audit = (
      await api.tdb.database.db.select().from(auditLog).where(eq(auditLog.objectId, r.body.data!.id))
    )[0]!;
    expect(audit.detail).toContain('138****5678');
    expect(audit.detail).not.toContain('13812345678');
  });

  it('enforces 三权分立 and grant rights', async () => {
    const unit = await unitId(api, '区政府办公室');
    const mixed = await office.post('/api/org/users', {
      username: 'mix1',
      name: '甲',
      unitId: unit,
      roles: ['auditor', 'office'],
      password: 'Init#Pass2026',
    });
    expect(mixed.status).toBe(400);
    expect(mixed.body.error?.message).toContain('三权分立');
    const byOffice = await office.post('/api/org/users', {
      username: 'aud2',
      name: '乙',
      unitId: unit,
      roles: ['auditor'],
      password: 'Init#Pass2026',
    });
    expect(byOffice.status).toBe(403);
  });

  it('a liaison lists only its own unit users and cannot read another unit user (404)', async () => {
    const list = await liaison.get<Paged<User>>('/api/org/users?pageSize=100');
    expect(list.status).toBe(200);
    expect(new Set(list.body.data!.items.map((u) => u.unitName))).toEqual(new Set(['区发展改革委']));
    const other = (
      await api.tdb.database.db.select().from(users).where(eq(users.username, 'jw_liaison'))
    )[0]!;
    expect((await liaison.get(`/api/org/users/${other.id}`)).status).toBe(404);
    expect(
      (
        await liaison.post('/api/org/users', {
          username: 'x1',
          name: '丙',
          unitId: other.unitId,
          roles: ['liaison'],
          password: 'Init#Pass2026',
        })
      ).status,
    ).toBe(403);
  });

  it('imports users all or nothing: an unknown unit stores nobody', async () => {
    const headers = ['用户名', '姓名', '所属单位', '角色', '手机号', '初始密码'];
    const bad = await xlsx(headers, [
      ['imp1', '钱一', '区民政局', '联络员', '13900001111', 'Init#Pass2026'],
      ['imp2', '钱二', '区不存在局', '联络员', '', 'Init#Pass2026'],
    ]);
    const r = await office.upload('/api/org/users/import', '用户.xlsx', bad);
    expect(r.status).toBe(400);
    expect(r.body.error?.details).toEqual({ rows: [{ row: 3, message: '所属单位「区不存在局」不存在' }] });
    expect(await api.tdb.database.db.select().from(users).where(eq(users.username, 'imp1'))).toHaveLength(0);
    const ok = await office.upload<{ created: number }>(
      '/api/org/users/import',
      '用户.xlsx',
      await xlsx(headers, [['imp1', '钱一', '区民政局', '联络员', '13900001111', 'Init#Pass2026']]),
    );
    expect(ok.body.data).toEqual({ created: 1 });
    const exp = await office.get('/api/org/users/export');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await exp.raw.arrayBuffer());
    const text = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    expect(text).toContain('139****1111');
    expect(text).not.toContain('13900001111');
  });
});

describe('roles', () => {
  it('the security admin edits a role; 三权分立 codes cannot move to another role', async () => {
    const admin = await api.loginAs('secadmin');
    const roles = await admin.get<{ code: string; permissions: string[] }[]>('/api/org/roles');
    expect(roles.body.data?.map((r) => r.code)).toContain('auditor');
    const bad = await admin.put('/api/org/roles/office', {
      permissions: ['org:unit:list', 'audit:log:list'],
    });
    expect(bad.status).toBe(403);
    expect(bad.body.error?.message).toContain('三权分立');
    expect((await office.get('/api/org/roles')).status).toBe(403);
  });
});

describe('leading group import', () => {
  it('previews seed 000 as .docx with all 25 member units matched, then commits', async () => {
    const preview = await office.upload<{
      notice: { memberUnits: string[]; docNumber: string };
      matches: UnitMatch[];
    }>('/api/org/leading-group/preview', '领导小组通知.docx', await seedDocx());
    expect(preview.status).toBe(200);
    expect(preview.body.data!.notice.docNumber).toBe('潼南府办〔2023〕18号');
    expect(preview.body.data!.matches).toHaveLength(25);
    expect(preview.body.data!.matches.every((m) => m.unitId)).toBe(true);
    const commit = await office.post<LeadingGroup>('/api/org/leading-group/commit', {
      notice: preview.body.data!.notice,
      resolutions: preview.body.data!.matches.map((m) => ({ written: m.written, unitId: m.unitId })),
    });
    expect(commit.status).toBe(200);
    expect(commit.body.data!.members).toHaveLength(25);
    expect(
      commit.body.data!.members.find((m) => m.unitName === '区发展改革委')?.liaisons.map((l) => l.name),
    ).toContain('李明');
    expect(commit.body.data!.members.every((m) => m.duty)).toBe(true);
  });

  it('refuses a commit with an unresolved member and stores nothing', async () => {
    const before = (await office.get<LeadingGroup>('/api/org/leading-group')).body.data!.id;
    const r = await office.post('/api/org/leading-group/commit', {
      notice: {
        title: 't',
        issuer: null,
        docNumber: '某府办〔2024〕1号',
        date: '2024-01-02',
        leader: { name: '甲', title: '区长' },
        deputyLeaders: [],
        memberUnits: ['区教委', '区火星局'],
        officeUnit: null,
        officeDirector: null,
        duties: [],
        warnings: [],
      },
      resolutions: [{ written: '区教委', unitId: await unitId(api, '区教委') }],
    });
    expect(r.status).toBe(400);
    expect(r.body.error?.message).toContain('区火星局');
    expect((await office.get<LeadingGroup>('/api/org/leading-group')).body.data!.id).toBe(before);
  });

  it('rejects an image or an empty file with a Chinese message', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const r = await office.upload('/api/org/leading-group/preview', 'scan.png', png);
    expect(r.status).toBe(400);
    expect(r.body.error?.message).toMatch(/图片|扫描/);
    expect(
      (await liaison.upload('/api/org/leading-group/preview', 'a.txt', new TextEncoder().encode('x'))).status,
    ).toBe(403);
  });
});

describe('user phone numbers', () => {
  it('an edit without a phone keeps it; an explicit null clears it', async () => {
    const office2 = await api.loginAs('office');
    const u = (await api.tdb.database.db.select().from(users).where(eq(users.username, 'imp1')))[0]!;
    const keep = await office2.put<User>(`/api/org/users/${u.id}`, {
      name: '钱一',
      unitId: u.unitId,
      roles: ['liaison'],
      status: 'active',
    });
    expect(keep.body.data?.phoneMasked).toBe('139****1111');
    const cleared = await office2.put<User>(`/api/org/users/${u.id}`, {
      name: '钱一',
      unitId: u.unitId,
      roles: ['liaison'],
      status: 'active',
      phone: null,
    });
    expect(cleared.body.data?.phoneMasked).toBeNull();
  });
});

describe('built-in role upgrades', () => {
  it('a new version adds its new default codes but keeps the security admin’s removals', async () => {
    const { seedRoles } = await import('../../src/server/modules/org/roles.service');
    const { putSetting, getSetting } = await import('../../src/server/platform/settings');
    const { rolePermissions } = await import('../../src/server/db/schema');
    const db = api.tdb.database.db;
    const admin = await api.loginAs('secadmin');
    // The admin removed org:group:list from the liaison role on purpose.
    const liaisonPerms = (
      await db.select().from(rolePermissions).where(eq(rolePermissions.roleCode, 'liaison'))
    )[0]!.permissions;
    await admin.put('/api/org/roles/liaison', {
      permissions: liaisonPerms.filter((p) => p !== 'org:group:list' && p !== 'tasks:ledger:list'),
    });
    // Pretend the previous version's defaults did not know tasks:ledger:list yet.
    const seen = (await getSetting<Record<string, string[]>>(api.tdb.database, 'roles.defaultsSeen'))!;
    await db.transaction((tx) =>
      putSetting(tx, 'roles.defaultsSeen', {
        ...seen,
        liaison: seen.liaison!.filter((p) => p !== 'tasks:ledger:list'),
      }),
    );
    await db.transaction((tx) => seedRoles(tx));
    const after = (await db.select().from(rolePermissions).where(eq(rolePermissions.roleCode, 'liaison')))[0]!
      .permissions;
    expect(after).toContain('tasks:ledger:list');
    expect(after).not.toContain('org:group:list');
  });
});
