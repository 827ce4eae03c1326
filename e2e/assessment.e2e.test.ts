// [ADMIN] 考核排名: the office opens the ranking of 2025 (departments), sees the ECharts bar chart and the table,
// and drills down from 区发展改革委's website score to the check behind it; indicators without records show 不适用;
// the 考核通报 is offered for download. The year is chosen on the page, so the test does not depend on today's date.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaSiteChecks, mediaWebsites, units, users } from '../src/server/db/schema';
import { axeSerious, consoleLogin, DEMO_PASSWORD, type E2E, startE2E } from './harness';

let e: E2E;
const PHONE = { width: 390, height: 844 };

beforeAll(async () => {
  e = await startE2E({ demo: true });
  const db = e.server.db.database.db;
  await db
    .update(users)
    .set({ mustChangePassword: false })
    .where(inArray(users.username, ['office']));
  const [fgw] = await db.select().from(units).where(eq(units.name, '区发展改革委'));
  const [site] = await db
    .insert(mediaWebsites)
    .values({
      unitId: fgw!.id,
      name: '区发改委网站',
      url: 'http://fgw.example.gov.cn/',
      urlKey: 'fgw.example.gov.cn',
    })
    .returning();
  await db.insert(mediaSiteChecks).values([
    {
      websiteId: site!.id,
      asOf: '2025-04-01',
      trigger: 'manual',
      verdict: '不合格',
      pages: 10,
      vetoes: [{ rule: 'home_not_updated', detail: '首页超过14天未更新' }],
      findings: [],
      notes: [],
    },
    {
      websiteId: site!.id,
      asOf: '2025-10-01',
      trigger: 'manual',
      verdict: '合格',
      pages: 10,
      vetoes: [],
      findings: [],
      notes: [],
    },
  ]);
});
afterAll(async () => {
  await e?.close();
});

describe('[ADMIN] 考核排名', () => {
  it('shows the chart and the ranking, and drills down to the records', async () => {
    const ctx = await e.browser.newContext();
    const page = await ctx.newPage();
    await consoleLogin(page, e.base, 'office', DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname.startsWith('/admin') && !u.pathname.endsWith('/login'));
    await page.goto(`${e.base}/admin/assessment/ranking`);
    const root = page.getByTestId('assess-ranking-page');
    await root.waitFor();
    const year = page.locator('input[data-testid="assess-year"], [data-testid="assess-year"] input').first();
    await year.fill('2025');
    await year.press('Enter');
    await year.blur();
    const table = page.getByTestId('assess-ranking');
    // No-records policy `spread`: only E1 (5) and the unscored F1, F2 (10) apply to 区发展改革委 — E1 5 × 1/2 = 2.5
    // of 15 → 2.5 × 100/15 = 16.67, first; every other department has only F1, F2 (待评分): 0.
    const row = table.locator('tr', { hasText: '区发展改革委' }).first();
    await row.getByText('16.67').waitFor();
    await page.getByTestId('assess-chart').locator('canvas').waitFor();
    const label = await page.getByTestId('assess-chart').getAttribute('aria-label');
    expect(label).toContain('1. 区发展改革委 16.67分');
    // Tall enough for every unit's name on its own line (about 22 px each).
    const units = (label ?? '').split('；').length;
    const height = await page.getByTestId('assess-chart').evaluate((el) => el.clientHeight);
    expect(height).toBeGreaterThanOrEqual(units * 22);
    await page.getByTestId('assess-bulletin').waitFor();
    await row.locator('button[aria-label]').first().click();
    await page.getByTestId('na-E2').first().waitFor();
    const e1 = page.locator('tr.ant-table-row', { hasText: 'E1 平台建设·政府网站' });
    await e1.getByText('达标1/2（50%）').waitFor();
    await e1.locator('button[aria-label]').first().click();
    await page
      .getByTestId('records-E1')
      .getByText('区发改委网站（2025-04-01检查）：不合格：首页超过14天未更新')
      .waitFor();
    await ctx.close();
  }, 120_000);

  it('[PORTAL] freeze and publish 2025; /xxgk/khpg keeps unit names on one line, scrolls the table in its box, passes axe', async () => {
    const ctx = await e.browser.newContext();
    const page = await ctx.newPage();
    await consoleLogin(page, e.base, 'office', DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname.startsWith('/admin') && !u.pathname.endsWith('/login'));
    const pickYear = async () => {
      const year = page
        .locator('input[data-testid="assess-year"], [data-testid="assess-year"] input')
        .first();
      await year.fill('2025');
      await year.press('Enter');
      await year.blur();
    };
    await page.goto(`${e.base}/admin/assessment/tree`);
    await page.getByTestId('assess-tree-page').waitFor();
    await pickYear();
    await page.getByTestId('assess-freeze').click();
    await page
      .locator('.ant-popover')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await page.getByText('已开始评分，指标体系已冻结').waitFor();
    await page.goto(`${e.base}/admin/assessment/ranking`);
    await page.getByTestId('assess-ranking-page').waitFor();
    await pickYear();
    await page.getByTestId('assess-ranking').locator('tr', { hasText: '区发展改革委' }).first().waitFor();
    await page.getByTestId('assess-publish').click();
    await page.getByText('考核结果已公布到门户网站').waitFor();
    await ctx.close();

    for (const viewport of [PHONE, { width: 1280, height: 800 }]) {
      const portal = await e.browser.newContext({ viewport });
      const p = await portal.newPage();
      await p.goto(`${e.base}/xxgk/khpg?year=2025`);
      await p.getByText('2025年度区政府部门政务公开考核结果').waitFor();
      expect(await axeSerious(p)).toEqual([]);
      // The page itself never scrolls sideways; the wide table scrolls inside its box.
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      // A unit name is one line (it was squeezed to one character a line when every column had to fit).
      const unit = p.locator('th[scope="row"]', { hasText: '区发展改革委' });
      const lines = await unit.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return range.getClientRects().length;
      });
      expect(lines).toBe(1);
      await portal.close();
    }
  }, 180_000);
});
