// PATCH /api/org/units/:id/name: a unit created from an import preview under the name the notice wrote is
// renamed in the console; its old name stays as an alias, so the next notice that writes it still resolves.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/contracts/org';
import type { ImportPreview } from '../../src/contracts/tasks';
import { auditLog, units } from '../../src/server/db/schema';
import { type Client, setupApi, type TestApi } from '../api';
import { commitBodyOf } from '../commit-body';

const WRITTEN = '区教育考试服务中心';
const notice = (title: string) =>
  [
    title,
    '发布日期：2026-03-02',
    '工作任务 | 牵头单位 | 责任单位 | 完成时限 |',
    `1.公开教育考试收费标准。 | 区教委 | ${WRITTEN} | 2026年9月底前 |`,
  ].join('\n');

let api: TestApi;
let office: Client;
let liaison: Client;
beforeAll(async () => {
  api = await setupApi();
  office = await api.loginAs('office');
  liaison = await api.loginAs('fgw_liaison');
});
afterAll(() => api.close());

const db = () => api.tdb.database.db;
const unitNamed = async (name: string) => (await db().select().from(units).where(eq(units.name, name)))[0];

async function preview(title: string): Promise<ImportPreview> {
  const r = await office.post<ImportPreview>('/api/tasks/import/preview-text', { text: notice(title) });
  expect(r.status).toBe(200);
  return r.body.data!;
}

/** Commits the previewed plan, creating the unit the registry lacks. */
async function commitCreating(p: ImportPreview): Promise<void> {
  const body = commitBodyOf(p, (w) => (w === WRITTEN ? { create: { kind: 'department' } } : {}));
  expect((await office.post('/api/tasks/import/commit', body)).status).toBe(201);
}

describe('renaming a unit', () => {
  it('401 without a session', async () => {
    const id = (await unitNamed('区教委'))!.id;
    expect((await api.anon().patch(`/api/org/units/${id}/name`, { name: '区教育委员会' })).status).toBe(401);
  });

  it('403 for a liaison (no 修改单位), 400 for a bad name, 409 for a name another unit uses', async () => {
    const id = (await unitNamed('区教委'))!.id;
    expect((await liaison.patch(`/api/org/units/${id}/name`, { name: '区教育委员会' })).status).toBe(403);
    const bad = await office.patch(`/api/org/units/${id}/name`, { name: 'X' });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toMatch(/输入有误/);
    const taken = await office.patch(`/api/org/units/${id}/name`, { name: '区发展改革委' });
    expect(taken.status).toBe(409);
    expect(taken.body.error?.message).toBe('名称「区发展改革委」已被其他单位使用');
    expect((await unitNamed('区教委'))?.id).toBe(id);
  });

  it('renames a unit created from an import preview; the next notice that writes its old name resolves to it', async () => {
    await commitCreating(await preview('关于印发教育考试公开工作要点的通知'));
    const created = (await unitNamed(WRITTEN))!;
    const r = await office.patch<Unit>(`/api/org/units/${created.id}/name`, { name: '区教育考试院' });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ id: created.id, name: '区教育考试院', aliases: [WRITTEN] });
    const [row] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, created.id), eq(auditLog.action, 'org.unit.rename')));
    expect(JSON.parse(row?.detail ?? '{}')).toEqual({ from: WRITTEN, to: '区教育考试院', keptAlias: true });

    const next = await preview('关于印发教育考试公开工作要点（二）的通知');
    expect(next.units.find((u) => u.written === WRITTEN)).toMatchObject({
      status: 'alias',
      unitId: created.id,
      unitName: '区教育考试院',
    });
  });

  it('drops the old name when asked, and the freed name can be taken again', async () => {
    const id = (await unitNamed('区教育考试院'))!.id;
    const r = await office.patch<Unit>(`/api/org/units/${id}/name`, { name: '区考试院', keepAlias: false });
    expect(r.body.data).toMatchObject({ name: '区考试院', aliases: [WRITTEN] });
    const back = await office.patch<Unit>(`/api/org/units/${id}/name`, { name: WRITTEN });
    // The alias that becomes the name is no longer an alias; the old name is kept.
    expect(back.body.data).toMatchObject({ name: WRITTEN, aliases: ['区考试院'] });
  });
});
