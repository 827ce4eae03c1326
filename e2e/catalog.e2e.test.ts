// [ADMIN] the office opens a department's own catalog, adds a column there and to every other unit's catalog at
// once; [PORTAL] the department's catalog page shows it.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disclosureItems, units, users } from '../src/server/db/schema';
import { chooseOption, consoleLogin, DEMO_PASSWORD, type E2E, pickInSelect, startE2E } from './harness';

let e: E2E;
let fgwId = '';

beforeAll(async () => {
  e = await startE2E({ demo: true });
  const db = e.server.db.database.db;
  fgwId = (await db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
  await db.update(users).set({ mustChangePassword: false }).where(eq(users.username, 'office'));
});
afterAll(async () => {
  await e?.close();
});

describe('[ADMIN] one catalog per unit', () => {
  it("the office edits 区发展改革委's catalog and adds a column to all units", async () => {
    const ctx = await e.browser.newContext();
    const page = await ctx.newPage();
    await consoleLogin(page, e.base, 'office', DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname.startsWith('/admin') && !u.pathname.endsWith('/login'));
    await page.goto(`${e.base}/admin/disclosure/catalog`);
    const tree = page.getByTestId('catalog-tree');
    await tree.getByText('规划信息', { exact: true }).waitFor();
    // Choose the department in the unit picker.
    await pickInSelect(page, page.getByTestId('catalog-unit'), '区发展改革委', { search: true, tree: true });
    await page.getByTestId('task-paths').getByText('本单位承担的任务中没有写明公开路径').waitFor();
    await tree.getByText('法定主动公开内容', { exact: true }).click();
    await page.getByTestId('column-name').fill('重点项目专栏');
    await page.getByTestId('column-all-units').check();
    await page.getByTestId('column-add').click();
    await page.getByText(/已新增栏目，并添加到其他 \d+ 个单位的目录/).waitFor();
    await tree.getByText('重点项目专栏', { exact: true }).waitFor();

    // Drafting: the office's 科室 publishes under 区政府办公室 by default; choosing 区发展改革委 offers its columns.
    await page.goto(`${e.base}/admin/disclosure/items/new`);
    const unit = page.getByTestId('item-unit');
    await unit.getByText('区政府办公室', { exact: true }).waitFor();
    await pickInSelect(page, unit, '区发展改革委', { search: true, tree: true });
    await pickInSelect(page, page.getByTestId('item-column'), '重点项目专栏', { search: true, tree: true });
    await page.getByTestId('item-title').fill('区发展改革委重点项目专栏说明');
    // An office column gives no 公开类别 (PUB-6): the office chooses one.
    await chooseOption(page, 'item-category', '重大建设项目', true);
    await page.getByTestId('item-save').click();
    await page.waitForURL(/\/admin\/disclosure\/items\/[0-9a-f-]{36}$/);
    const [saved] = await e.server.db.database.db
      .select({
        unitId: disclosureItems.unitId,
        columnId: disclosureItems.columnId,
        art20: disclosureItems.art20,
      })
      .from(disclosureItems)
      .where(eq(disclosureItems.id, page.url().split('/').pop()!));
    expect(saved!.unitId).toBe(fgwId);
    expect(saved!.columnId).not.toBeNull();
    expect(saved!.art20).toBe('art20_10');
    await ctx.close();

    const portal = await e.browser.newPage();
    const res = await portal.goto(`${e.base}/xxgk/unit/${fgwId}`);
    expect(res!.status()).toBe(200);
    expect(await portal.textContent('main')).toContain('重点项目专栏');
    // …and the district government's catalog received it too (all units).
    await portal.goto(`${e.base}/xxgk/fdzdgknr`);
    expect(await portal.textContent('main')).toContain('重点项目专栏');
    await portal.close();
  });
});
