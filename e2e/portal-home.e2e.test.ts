// [PORTAL] the home page as a citizen meets it (issue 15 part 1): the search box in every header, the blocks of
// the newest items, 重点领域, normative documents and interpretations, the entries to 依申请公开 and 互动交流, the
// 适老化 switches without JavaScript, a favicon; at desktop width and on a 390 px phone, axe-clean. On a phone the
// item body comes before the side menu and the 年报's tables scroll inside their box.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disclosureItems, units } from '../src/server/db/schema';
import { emptyTable2 } from '../src/server/modules/reports';
import { publishReport, saveReport } from '../src/server/modules/reports/publishing';
import { systemActor } from '../src/server/platform/context';
import { axeSerious, type E2E, startE2E } from './harness';

let e: E2E;
let itemId = '';
let reportId = '';

beforeAll(async () => {
  e = await startE2E({ demo: true, config: { demoContent: true } });
  const database = e.server.db.database;
  const [item] = await database.db
    .select({ id: disclosureItems.id })
    .from(disclosureItems)
    .where(eq(disclosureItems.status, 'published'))
    .limit(1);
  itemId = item!.id;
  // A published 年报 of a past year (its tables are wider than a phone).
  const [root] = await database.db.select().from(units).where(eq(units.kind, 'government'));
  const office = { dataScope: 'all' as const, unitId: root!.id };
  const input = { table2: emptyTable2(), overview: '概述', problems: '问题', otherMatters: '其他' };
  await saveReport(database, systemActor('test'), office, root!.id, 2020, input);
  await publishReport(database, systemActor('test'), office, root!.id, 2020, '2026-03-02');
  reportId = (await database.db.execute<{ id: string }>('SELECT id FROM annual_reports WHERE year = 2020'))
    .rows[0]!.id;
});
afterAll(async () => {
  await e?.close();
});

const PHONE = { width: 390, height: 844 };

describe('[PORTAL] home page', () => {
  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['390 px phone', PHONE],
  ] as const) {
    it(`at ${name}: search box, blocks, entries, favicon; axe-clean; no sideways scrolling`, async () => {
      // The portal sends no scripts; axe itself needs JavaScript in the page.
      const ctx = await e.browser.newContext({ viewport });
      const page = await ctx.newPage();
      const res = await page.goto(`${e.base}/`);
      expect(await page.locator('script').count()).toBe(0);
      expect(res!.status()).toBe(200);
      for (const h of ['最新信息', '规划信息', '财政预算决算', '规范性文件', '政策解读', '办事与互动'])
        await page.getByRole('heading', { name: h }).first().waitFor();
      // Blocks list the demo items.
      const latest = page.locator('section[aria-labelledby=h-latest] li');
      expect(await latest.count()).toBeGreaterThan(0);
      expect(await page.locator('section[aria-labelledby=h-normative] li').count()).toBeGreaterThan(0);
      expect(await page.locator('section[aria-labelledby=h-interp] li').count()).toBeGreaterThan(0);
      expect(
        await page
          .getByRole('link', { name: /互动交流/ })
          .first()
          .getAttribute('href'),
      ).toBe('/hdjl');
      expect(
        await page
          .getByRole('link', { name: /依申请公开/ })
          .first()
          .getAttribute('href'),
      ).toMatch(/^\/ysqgk/);
      // Favicon declared and served.
      const icon = await page.locator('link[rel=icon]').getAttribute('href');
      const fav = await page.request.get(`${e.base}${icon}`);
      expect(fav.headers()['content-type']).toContain('image/svg+xml');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      expect(await axeSerious(page)).toEqual([]);
      // The header's search box sends a GET to the search page.
      await page.getByRole('searchbox', { name: '站内检索' }).fill('政务公开');
      await page.getByRole('button', { name: '搜索' }).click();
      await page.waitForURL(/\/xxgk\/search\?q=/);
      expect(await page.getByRole('searchbox', { name: '站内检索' }).inputValue()).toBe('政务公开');
      expect(await page.textContent('main')).toMatch(/找到 [1-9]/);
      await ctx.close();
    });
  }

  it('large-font and high-contrast switches work on the home and the 年报 without JavaScript, axe-clean', async () => {
    const noJs = await e.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${e.base}/`);
    const before = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    await page.getByRole('link', { name: '大字模式' }).click();
    await page.getByRole('link', { name: '高对比度' }).click();
    expect(new URL(page.url()).pathname).toBe('/');
    const after = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(Number.parseFloat(after)).toBeGreaterThan(Number.parseFloat(before));
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
    await page.getByRole('link', { name: '标准字号' }).waitFor();
    // …and they stay on for the 年报 (the cookie).
    await page.goto(`${e.base}/xxgk/nb/${reportId}`);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
    await page.getByRole('link', { name: '标准配色' }).waitFor();
    const cookies = await noJs.cookies();
    await noJs.close();

    // The same pages with the modes on, checked by axe; the 年报's tables scroll inside their box.
    const ctx = await e.browser.newContext({ viewport: PHONE });
    await ctx.addCookies(cookies);
    const p2 = await ctx.newPage();
    await p2.goto(`${e.base}/`);
    expect(await axeSerious(p2)).toEqual([]);
    await p2.goto(`${e.base}/xxgk/nb/${reportId}`);
    expect(await p2.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const boxes = p2.locator('.table-scroll');
    expect(await boxes.count()).toBeGreaterThan(0);
    const wide = await boxes.evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth).length);
    expect(wide).toBeGreaterThan(0);
    expect(await axeSerious(p2)).toEqual([]);
    await ctx.close();
  });

  it('on a phone the item body comes before the side menu; on a desktop the menu is on the left', async () => {
    for (const [viewport, bodyFirst] of [
      [PHONE, true],
      [{ width: 1280, height: 900 }, false],
    ] as const) {
      const ctx = await e.browser.newContext({ viewport });
      const page = await ctx.newPage();
      await page.goto(`${e.base}/xxgk/info/${itemId}`);
      const body = await page.locator('.item-body').boundingBox();
      const menu = await page.getByRole('navigation', { name: '政府信息公开栏目' }).boundingBox();
      if (bodyFirst) expect(body!.y).toBeLessThan(menu!.y);
      else expect(menu!.x).toBeLessThan(body!.x);
      await ctx.close();
    }
  });
});
