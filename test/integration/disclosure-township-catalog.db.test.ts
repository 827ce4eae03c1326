// Back-fill of the township Art. 21 list (issue 13 part 2): a 镇街 catalog made with the county list before 镇街
// took the township one gets it at the next start — township topics added, empty county-only topics removed, a
// county-only topic holding an item kept — once, in one transaction with its audit row.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnRow } from '../../src/contracts/disclosure';
import { defaultCatalog } from '../../src/domain/disclosure/catalog';
import { bootstrap } from '../../src/server/bootstrap';
import {
  auditLog,
  disclosureColumns,
  disclosureItems,
  disclosureUnitSettings,
  units,
  users,
} from '../../src/server/db/schema';
import { type Client, setupApi, type TestApi } from '../api';

let api: TestApi;
let office: Client;
let town: string;

const columnsOf = async (unitId: string) =>
  (await office.get<ColumnRow[]>(`/api/disclosure/columns?unitId=${unitId}`)).body.data!;
const restart = () => bootstrap(api.tdb.database, api.config, () => {});
const fixAudits = async () =>
  api.tdb.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'disclosure.catalog.townshipArt21'), eq(auditLog.objectId, town)));

beforeAll(async () => {
  api = await setupApi();
  const db = api.tdb.database.db;
  town = (await db.select().from(units).where(eq(units.name, '双江镇')))[0]!.id;
  office = await api.loginAs('office');
  // The catalog as it was seeded before the fix: the county tree, marked seeded.
  for (const [i, top] of defaultCatalog('county').entries()) {
    const [row] = await db
      .insert(disclosureColumns)
      .values({ unitId: town, name: top.name, code: top.code!, sort: i })
      .returning();
    for (const [j, c] of top.children.entries())
      await db
        .insert(disclosureColumns)
        .values({ unitId: town, name: c.name, code: c.code!, parentId: row!.id, sort: j });
  }
  await db.insert(disclosureUnitSettings).values({ unitId: town, catalogSeeded: true });
  // 治安管理 already holds an item.
  const [safety] = await db
    .select()
    .from(disclosureColumns)
    .where(and(eq(disclosureColumns.unitId, town), eq(disclosureColumns.code, 'art21_6')));
  const [creator] = await db.select().from(users).where(eq(users.username, 'office'));
  const id = randomUUID();
  await db.insert(disclosureItems).values({
    id,
    rootId: id,
    unitId: town,
    columnId: safety!.id,
    title: '双江镇治安巡逻安排',
    indexNo: `T-${id.slice(0, 8)}`,
    createdBy: creator!.id,
  });
}, 60_000);
afterAll(() => api.close());

describe('township Art. 21 back-fill at start-up', () => {
  it('gives the 镇街 catalog the township list, keeping the county topic that holds an item', async () => {
    expect((await columnsOf(town)).map((c) => c.name)).toContain('市政建设');
    await restart();
    const names = (await columnsOf(town)).map((c) => c.name);
    for (const n of [
      '贯彻落实农业农村政策',
      '农田水利工程建设运营',
      '农村土地承包经营权流转',
      '宅基地使用情况审核',
      '筹资筹劳',
    ])
      expect(names).toContain(n);
    for (const n of ['市政建设', '公共服务', '公益事业']) expect(names).not.toContain(n);
    expect(names).toContain('治安管理');
    expect(names.filter((n) => n === '社会救助')).toHaveLength(1);
    const [row] = await fixAudits();
    expect(JSON.parse(row!.detail!)).toEqual({
      unitName: '双江镇',
      added: [
        '贯彻落实农业农村政策',
        '农田水利工程建设运营',
        '农村土地承包经营权流转',
        '宅基地使用情况审核',
        '筹资筹劳',
      ],
      removed: ['市政建设', '公共服务', '公益事业'],
      kept: ['治安管理'],
    });
  });

  it('runs once per 镇街: a later start changes nothing, and a topic the office deleted stays deleted', async () => {
    const cols = await columnsOf(town);
    const fund = cols.find((c) => c.code === 'art21t_5')!;
    expect((await office.del(`/api/disclosure/columns/${fund.id}`)).status).toBe(200);
    await restart();
    const after = await columnsOf(town);
    expect(after.map((c) => c.name)).not.toContain('筹资筹劳');
    expect(after).toHaveLength(cols.length - 1);
    expect(await fixAudits()).toHaveLength(1);
  });

  it('leaves the catalogs of departments and of 镇街 seeded with the township list alone', async () => {
    const db = api.tdb.database.db;
    const other = (
      await db
        .select()
        .from(units)
        .where(and(eq(units.kind, 'township')))
    )
      .map((u) => u.id)
      .find((id) => id !== town)!;
    const before = await columnsOf(other);
    expect(before.map((c) => c.name)).toContain('筹资筹劳');
    await restart();
    expect(await columnsOf(other)).toEqual(before);
    const fgw = (await db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
    expect((await columnsOf(fgw)).map((c) => c.name)).toContain('市政建设');
  });
});
