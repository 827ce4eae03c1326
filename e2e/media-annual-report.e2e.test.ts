// [ADMIN][PORTAL] 政府网站工作年度报表: the office opens 年度报表, chooses 2025 (on the page: the test does not depend
// on today's date), opens the 区发改委 site, sees a computed figure with its source, fills 网站总访问量 by hand,
// submits and publishes; the portal's /xxgk/wzndbb lists the report, its page shows the value, and both pages pass axe.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaAccounts, mediaPosts, mediaWebsites, units, users } from '../src/server/db/schema';
import { axeSerious, consoleLogin, DEMO_PASSWORD, type E2E, frozenClock, startE2E } from './harness';

let e: E2E;

beforeAll(async () => {
  e = await startE2E({ demo: true, clock: frozenClock('2026-01-10T09:00:00+08:00') });
  const db = e.server.db.database.db;
  await db
    .update(users)
    .set({ mustChangePassword: false })
    .where(inArray(users.username, ['office']));
  const [fgw] = await db.select().from(units).where(eq(units.name, '区发展改革委'));
  await db.insert(mediaWebsites).values({
    unitId: fgw!.id,
    name: '区发改委网站',
    url: 'http://fgw.example.gov.cn/',
    urlKey: 'fgw.example.gov.cn',
    sponsor: '区发展改革委',
  });
  const [wx] = await db
    .insert(mediaAccounts)
    .values({ unitId: fgw!.id, platform: 'wechat', name: '柳塘发改', accountId: 'gh_fgw' })
    .returning();
  await db.insert(mediaPosts).values([
    { accountId: wx!.id, publishedOn: '2025-03-01', title: '一', source: 'manual' },
    { accountId: wx!.id, publishedOn: '2025-09-01', title: '二', source: 'manual' },
  ]);
});
afterAll(async () => {
  await e?.close();
});

describe('[ADMIN] 年度报表', () => {
  it('fill a value, submit, publish; the portal shows it and passes axe', async () => {
    const ctx = await e.browser.newContext();
    const page = await ctx.newPage();
    await consoleLogin(page, e.base, 'office', DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname.startsWith('/admin') && !u.pathname.endsWith('/login'));
    await page.goto(`${e.base}/admin/media/annual-reports`);
    await page.getByTestId('media-annual-reports-page').waitFor();
    const year = page
      .locator('input[data-testid="annual-report-year"], [data-testid="annual-report-year"] input')
      .first();
    await year.fill('2025');
    await year.press('Enter');
    await year.blur();
    const row = page.getByTestId('annual-reports-table').locator('tr', { hasText: '区发改委网站' });
    await row.getByText('未填报').waitFor();
    // Due 2026-01-31; the clock is 2026-01-10: not overdue.
    await row.getByText('截止1月31日').waitFor();
    await row.getByRole('button', { name: '填报 区发改委网站' }).click();
    const drawer = page.getByTestId('annual-report-drawer');
    await drawer.getByText('政务新媒体登记册：同一主办单位的账号').waitFor();
    // The account's two posts of 2025.
    await drawer
      .locator('tr', { hasText: '柳塘发改' })
      .getByRole('cell', { name: '2', exact: true })
      .waitFor();
    expect(await axeSerious(page, '[data-testid="annual-report-drawer"]')).toEqual([]);
    await drawer
      .locator('input[data-testid="report-field-visits"], [data-testid="report-field-visits"] input')
      .first()
      .fill('8642');
    await drawer.getByTestId('annual-report-save').click();
    await page.getByText('已保存').waitFor();
    await drawer.getByTestId('annual-report-submit').click();
    await page
      .locator('.ant-popover')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await page.getByText('已提交，待政务公开办审核').waitFor();
    await drawer.getByTestId('annual-report-publish').click();
    await page
      .locator('.ant-popover')
      .getByRole('button', { name: /确\s*定/ })
      .last()
      .click();
    await page.getByText('已在门户网站发布').waitFor();
    await drawer.locator('.ant-tag', { hasText: '已发布' }).waitFor();
    await ctx.close();

    const portal = await e.browser.newContext();
    const p = await portal.newPage();
    await p.goto(`${e.base}/xxgk/wzndbb`);
    await p.getByRole('link', { name: '区发改委网站' }).click();
    await p.getByRole('heading', { name: '区发改委网站2025年度政府网站工作年度报表' }).waitFor();
    const visits = p.locator('tr', { has: p.getByRole('rowheader', { name: '网站总访问量（次）' }) });
    expect((await visits.locator('td').textContent())?.trim()).toBe('8642');
    expect(await axeSerious(p)).toEqual([]);
    await p.goto(`${e.base}/xxgk/wzndbb`);
    expect(await axeSerious(p)).toEqual([]);
    await portal.close();
  }, 180_000);
});
