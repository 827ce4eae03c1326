// [ADMIN] a liaison drafts an item with a phone number in an attached .xlsx, the check flags it, she masks it,
// three reviewers approve, the item appears on the portal and in search. [PORTAL] axe on every page type.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { units, users } from '../src/server/db/schema';
import { createUser } from '../src/server/modules/org/users.service';
import { systemActor } from '../src/server/platform/context';
import { axeSerious, consoleLogin, DEMO_PASSWORD, type E2E, startE2E } from './harness';

const PW = 'Review#Gongkai2';
let e: E2E;
let xlsxPath: string;
let itemId = '';
let withdrawnId = '';

beforeAll(async () => {
  e = await startE2E({ demo: true });
  const db = e.server.db.database;
  const fgw = (await db.db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!;
  for (const username of ['fgw_r2', 'fgw_r3'])
    await createUser(
      db,
      { dataScope: 'all', unitId: fgw.id, roles: ['sysadmin'], id: 'x' },
      systemActor('test'),
      {
        username,
        name: username === 'fgw_r2' ? '赵复审' : '钱终审',
        unitId: fgw.id,
        roles: ['reviewer'],
        password: PW,
      },
      new Date(),
    );
  await db.db
    .update(users)
    .set({ mustChangePassword: false })
    .where(inArray(users.username, ['fgw_liaison', 'fgw_reviewer', 'fgw_r2', 'fgw_r3']));
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('名单').addRow(['序号', '企业名称', '联系电话']);
  wb.getWorksheet('名单')!.addRow([1, '某某建材有限公司', '13812345678']);
  xlsxPath = path.join(os.tmpdir(), `补贴名单-${process.pid}.xlsx`);
  fs.writeFileSync(xlsxPath, new Uint8Array(await wb.xlsx.writeBuffer()));
});
afterAll(async () => {
  await e?.close();
  fs.rmSync(xlsxPath, { force: true });
});

async function loggedIn(username: string, password: string): Promise<Page> {
  const ctx = await e.browser.newContext();
  const page = await ctx.newPage();
  await consoleLogin(page, e.base, username, password);
  await page.waitForURL((u) => u.pathname.startsWith('/admin') && !u.pathname.endsWith('/login'));
  return page;
}

describe('[ADMIN] draft, check, mask, three reviews, publish', () => {
  it('the liaison drafts an item with a phone number in an attached .xlsx and masks it', async () => {
    const page = await loggedIn('fgw_liaison', DEMO_PASSWORD);
    await page.goto(`${e.base}/admin/disclosure/items`);
    await page.getByTestId('item-create').click();
    await page.getByTestId('item-title').fill('2026年工业企业技改补贴名单公示');
    await page.getByTestId('item-body').fill('现将2026年工业企业技改补贴名单予以公示，详见附件。');
    await page.getByTestId('item-save').click();
    await page.waitForURL(/\/admin\/disclosure\/items\/[0-9a-f-]{36}$/);
    itemId = page.url().split('/').pop()!;
    await page.getByTestId('item-upload-input').setInputFiles(xlsxPath);
    const finding = page.getByTestId('checks-panel').locator('[data-kind=mobile]');
    await finding.waitFor();
    expect(await finding.textContent()).toContain('13812345678');
    await page.getByTestId('gate-blocked').waitFor();
    await page.getByTestId('mask-all').click();
    await page.getByTestId('gate-ok').waitFor();
    expect(await page.getByTestId('checks-panel').locator('[data-kind=mobile]').count()).toBe(0);
    await page.getByTestId('item-submit').click();
    await page.getByText('待初审').waitFor();
    await page.context().close();
  });

  it.each([
    ['fgw_reviewer', '初审', DEMO_PASSWORD],
    ['fgw_r2', '复审', PW],
    ['fgw_r3', '终审', PW],
  ])('%s approves at %s', async (username, level, password) => {
    const page = await loggedIn(username, password);
    await page.goto(`${e.base}/admin/disclosure/inbox`);
    await page.getByTestId('inbox-table').locator('.ant-table-row').first().waitFor();
    await page.getByTestId('item-link').filter({ hasText: '技改补贴名单' }).click();
    await page.getByTestId('item-approve').filter({ hasText: level }).click();
    await page.getByText('审核通过成功').waitFor();
    await page.context().close();
  });

  it('the item is on the portal, with the masked attachment, and in search', async () => {
    const page = await e.browser.newPage();
    const res = await page.goto(`${e.base}/xxgk/info/${itemId}`);
    expect(res!.status()).toBe(200);
    await page.getByRole('heading', { name: '2026年工业企业技改补贴名单公示' }).waitFor();
    expect(await page.getByRole('link', { name: /补贴名单-\d+\.xlsx/ }).count()).toBe(1);
    await page.goto(`${e.base}/xxgk/search?q=${encodeURIComponent('技改补贴')}`);
    const hit = page.locator(`a[href="/xxgk/info/${itemId}"]`);
    await hit.waitFor();
    expect(await hit.locator('mark').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('[PORTAL] accessibility of every page type', () => {
  beforeAll(async () => {
    // A withdrawn item for the 410 page.
    const page = await loggedIn('fgw_liaison', DEMO_PASSWORD);
    await page.goto(`${e.base}/admin/disclosure/items/new`);
    await page.getByTestId('item-title').fill('撤回示例');
    await page.getByTestId('item-save').click();
    await page.waitForURL(/\/admin\/disclosure\/items\/[0-9a-f-]{36}$/);
    withdrawnId = page.url().split('/').pop()!;
    await page.context().close();
    const db = e.server.db.database;
    const { disclosureItems } = await import('../src/server/db/schema');
    await db.db
      .update(disclosureItems)
      .set({ status: 'withdrawn', withdrawnAt: new Date(), withdrawReason: '信息有误' })
      .where(eq(disclosureItems.id, withdrawnId));
  });

  /** A unit with an edited 指南 (条例 Art. 12): its portal page shows the office's text and contact table. */
  async function editedGuide(): Promise<string> {
    const { disclosureUnitSettings, units } = await import('../src/server/db/schema');
    const db = e.server.db.database.db;
    const [u] = await db.select().from(units).where(eq(units.name, '区发展改革委'));
    const guide = {
      classification: '按机构职能、法规文件、规划信息分类编排。',
      howToObtain: '通过门户网站查阅，或依申请公开。',
      officeName: '区发展改革委办公室',
      address: '兴潼大道 1 号',
      hours: '工作日 9:00—17:30',
      phone: '023-44551234',
      fax: '023-44551235',
      website: 'https://www.example.gov.cn/fgw/',
      email: 'fgw@example.gov.cn',
    };
    await db
      .insert(disclosureUnitSettings)
      .values({ unitId: u!.id, guide })
      .onConflictDoUpdate({ target: disclosureUnitSettings.unitId, set: { guide } });
    return `/xxgk/guide?unit=${u!.id}`;
  }

  it.each([
    ['/xxgk', 200],
    ['/xxgk/zn', 200],
    ['/xxgk/fdzdgknr', 200],
    ['ITEM', 200],
    ['/xxgk/gfxwj', 200],
    ['/xxgk/guide', 200],
    ['GUIDE', 200],
    ['/xxgk/search?q=补贴', 200],
    ['/xxgk/units', 200],
    ['UNIT', 200],
    ['UNIT_COLUMN', 200],
    ['WITHDRAWN', 410],
    ['/xxgk/info/00000000-0000-0000-0000-000000000000', 404],
  ])('%s has no serious or critical axe violations', async (p, status) => {
    let url = p === 'ITEM' ? `/xxgk/info/${itemId}` : p === 'WITHDRAWN' ? `/xxgk/info/${withdrawnId}` : p;
    if (p === 'GUIDE') url = await editedGuide();
    if (p === 'UNIT' || p === 'UNIT_COLUMN') {
      // 区发展改革委's own catalog, where the liaison's item was filed.
      const [u] = await e.server.db.database.db.select().from(units).where(eq(units.name, '区发展改革委'));
      url = `/xxgk/unit/${u!.id}${p === 'UNIT_COLUMN' ? '/fdzdgknr' : ''}`;
    }
    const page = await e.browser.newPage();
    const res = await page.goto(`${e.base}${url}`);
    expect(res!.status()).toBe(status);
    if (p === 'GUIDE') expect(await page.textContent('main')).toContain('023-44551234');
    expect(await axeSerious(page)).toEqual([]);
    await page.close();
  });

  it('large-font and high-contrast modes (适老化) work without JavaScript and stay axe-clean', async () => {
    const ctx = await e.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 375, height: 740 },
    });
    const page = await ctx.newPage();
    await page.goto(`${e.base}/xxgk/info/${itemId}`);
    const before = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    await page.getByRole('link', { name: '大字模式' }).click();
    await page.getByRole('link', { name: '高对比度' }).click();
    expect(new URL(page.url()).pathname).toBe(`/xxgk/info/${itemId}`);
    const after = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(Number.parseFloat(after)).toBeGreaterThan(Number.parseFloat(before));
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
    await ctx.close();
    const check = await e.browser.newContext({ viewport: { width: 375, height: 740 } });
    await check.addCookies([{ name: 'gk_a11y', value: 'large,contrast', url: e.base }]);
    const p2 = await check.newPage();
    await p2.goto(`${e.base}/xxgk/info/${itemId}`);
    expect(await axeSerious(p2)).toEqual([]);
    await check.close();
  });
});
