// [ADMIN] 基层政务公开标准目录: the office imports a directory (.xlsx, merged 一级事项) through the upload wizard,
// one item is published late in 区民政局's bound column, the coverage dashboard shows it late and the other rows
// missing; the portal shows 区民政局's directory with the link to the item. Axe on all three pages.

import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directoryBindings, disclosureItems, units, users } from '../src/server/db/schema';
import { directoryXlsx } from '../test/fixtures/directory-xlsx';
import { axeSerious, consoleLogin, DEMO_PASSWORD, type E2E, frozenClock, startE2E } from './harness';

// The server's clock stands still on 2026-04-10 (China time), after the period checked, whatever today is. The
// browser keeps its own clock (the page's dates are filled in; a frozen Date would stall the console's motion).
const NOW = '2026-04-10T10:00:00+08:00';
let e: E2E;
let xlsxPath: string;

beforeAll(async () => {
  e = await startE2E({ demo: true, clock: frozenClock(NOW) });
  xlsxPath = path.join(os.tmpdir(), `标准目录-${process.pid}.xlsx`);
  fs.writeFileSync(xlsxPath, await directoryXlsx({ withRow3: false }));
  await e.server.db.database.db.update(users).set({ mustChangePassword: false });
}, 120_000);
afterAll(async () => {
  await e?.close();
  fs.rmSync(xlsxPath, { force: true });
});

const newPage = async (): Promise<Page> => (await e.browser.newContext()).newPage();
async function login(username: string): Promise<Page> {
  const page = await newPage();
  await consoleLogin(page, e.base, username, DEMO_PASSWORD);
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
  return page;
}
/** Axe on the page at rest: the mouse moved off the button just clicked (a hovered button is not its usual colour). */
const axeOwn = async (page: Page) => {
  await page.mouse.move(0, 0);
  await page.waitForTimeout(500);
  return (await axeSerious(page)).flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
};

describe('[ADMIN] 标准目录', () => {
  it('import → a late publication → coverage shows late and missing → the portal links the item', async () => {
    const db = e.server.db.database.db;
    const office = await login('office');
    await office.goto(`${e.base}/admin/disclosure/directory/import`);
    await office.getByTestId('directory-import-page').locator('input[type=file]').setInputFiles(xlsxPath);
    await office.getByTestId('directory-preview').waitFor({ timeout: 30_000 });
    const rows = (await office.getByTestId('directory-rows').textContent()) ?? '';
    expect(rows).toContain('审核结果');
    expect(rows).toContain('形成或变更后 20 个工作日内');
    expect(rows).toContain('双江镇');
    expect(await axeOwn(office), 'import preview').toEqual([]);
    await office.getByLabel('目录名称').fill('潼南区社会救助领域基层政务公开标准目录');
    await office.getByTestId('directory-commit').click();
    await office.getByTestId('directory-import-success').waitFor();
    expect(await office.getByTestId('directory-import-success').textContent()).toContain('绑定单位栏目 5 处');

    // 区民政局 publishes its 低保 policy late: formed 2026-02-02, due 2026-03-06, published 2026-03-09.
    const [mz] = await db.select().from(units).where(eq(units.name, '区民政局'));
    const [binding] = await db
      .select()
      .from(directoryBindings)
      .where(and(eq(directoryBindings.unitId, mz!.id)));
    const [creator] = await db.select().from(users).where(eq(users.username, 'office'));
    const id = randomUUID();
    await db.insert(disclosureItems).values({
      id,
      rootId: id,
      unitId: mz!.id,
      columnId: binding!.columnId,
      title: '2026年低保政策调整',
      indexNo: `E2E-${id.slice(0, 8)}`,
      status: 'published',
      publishDate: '2026-03-09',
      publishedAt: new Date('2026-03-09T10:00:00+08:00'),
      formedDate: '2026-02-02',
      createdBy: creator!.id,
    });

    await office.goto(`${e.base}/admin/disclosure/directory/coverage`);
    await office.getByLabel('开始日期').fill('2026-01-01');
    await office.getByLabel('结束日期').fill('2026-03-31');
    await office.getByTestId('coverage-run').click();
    const table = office.getByTestId('coverage-rows');
    await expect.poll(() => table.textContent()).toContain('超期公开');
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('应于 2026-03-06 前，实际 2026-03-09');
    expect(text).toContain('2026年第1季度未公开');
    expect(await office.getByTestId('coverage-summary').textContent()).toContain('区民政局');
    expect(await axeOwn(office), 'coverage').toEqual([]);

    const portal = await newPage();
    await portal.goto(`${e.base}/xxgk/ml/${mz!.id}`);
    await portal.getByRole('link', { name: '2026年低保政策调整' }).click();
    await portal.waitForURL((u) => u.pathname === `/xxgk/info/${id}`);
    await portal.goto(`${e.base}/xxgk/ml/${mz!.id}`);
    expect(await axeOwn(portal), 'portal directory').toEqual([]);
  });
});
