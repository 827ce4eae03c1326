// A unit's 统一社会信用代码 builds its 索引号 when set, and its 全称 signs its letters (issue 15 part 8).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/contracts/org';
import { units } from '../../src/server/db/schema';
import { type Client, setupApi, type TestApi } from '../api';

let api: TestApi;
let office: Client;
let fgw: Client;
let fgwUnit: Unit;
beforeAll(async () => {
  api = await setupApi();
  office = await api.loginAs('office');
  fgw = await api.loginAs('fgw_liaison');
  const id = (await api.tdb.database.db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
  fgwUnit = (await office.get<Unit>(`/api/org/units/${id}`)).body.data!;
});
afterAll(() => api?.close());

/** Drafts an item as the fgw liaison and reads its 索引号. */
async function draftIndexNo(title: string): Promise<string> {
  const r = await fgw.draftItem({ title, bodyHtml: '<p>x</p>' });
  expect(r.status).toBe(201);
  return (await fgw.get<{ indexNo: string }>(`/api/disclosure/items/${r.body.data!.id}`)).body.data!.indexNo;
}

const save = (over: Record<string, unknown>) =>
  office.put<Unit>(`/api/org/units/${fgwUnit.id}`, {
    name: fgwUnit.name,
    kind: fgwUnit.kind,
    parentId: fgwUnit.parentId,
    aliases: fgwUnit.aliases,
    sort: fgwUnit.sort,
    ...over,
  });

describe('unit codes', () => {
  it('400 for a malformed code, in plain Chinese', async () => {
    const r = await save({ creditCode: '12345' });
    expect(r.status).toBe(400);
    expect(r.body.error!.message).toContain('统一社会信用代码');
  });

  it('the 索引号 starts with the credit code once it is set; the full name is kept', async () => {
    expect(await draftIndexNo('索引号测试一')).toMatch(/^[0-9A-F]{8}-/);
    const r = await save({ creditCode: '11500223mb1234567x', fullName: '重庆市潼南区发展和改革委员会' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data!).toMatchObject({
      creditCode: '11500223MB1234567X',
      fullName: '重庆市潼南区发展和改革委员会',
    });
    expect(await draftIndexNo('索引号测试二')).toMatch(/^11500223MB1234567X-/);
  });

  it('clearing the code goes back to the default', async () => {
    const r = await save({ creditCode: '', fullName: null });
    expect(r.status).toBe(200);
    expect(r.body.data!.creditCode).toBeNull();
  });
});
