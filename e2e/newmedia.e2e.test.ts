// [ADMIN] 政务新媒体 in the browser: the office imports an account's exported post list (.xlsx: preview, then
// import), records a 抽查 with a screenshot, and sees the verdict in the drawer and the register; then generates a
// 检查通报 and opens the dashboard (axe: no serious findings). The server runs
// on the real clock, so the post is dated "today" (China time) and the spot check is 合格 whatever day that is.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../src/domain/calendar';
import { mediaAccounts, units, users } from '../src/server/db/schema';
import { writeTable } from '../src/server/platform/xlsx';
import { axeSerious, consoleLogin, DEMO_PASSWORD, type E2E, startE2E } from './harness';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

let e: E2E;

beforeAll(async () => {
  e = await startE2E({ demo: true });
  const db = e.server.db.database.db;
  await db
    .update(users)
    .set({ mustChangePassword: false })
    .where(inArray(users.username, ['office']));
  const [fgw] = await db.select().from(units).where(eq(units.name, '区发展改革委'));
  await db
    .insert(mediaAccounts)
    .values({ unitId: fgw!.id, platform: 'wechat', name: '柳塘发改', accountId: 'gh_e2e' });
});
afterAll(async () => {
  await e?.close();
});

describe('[ADMIN] 政务新媒体: posts and 抽查', () => {
  it('imports the exported post list, records a spot check with a screenshot, shows 合格', async () => {
    const ctx = await e.browser.newContext();
    const page = await ctx.newPage();
    await consoleLogin(page, e.base, 'office', DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname.startsWith('/admin') && !u.pathname.endsWith('/login'));
    await page.goto(`${e.base}/admin/media/accounts`);
    await page.getByTestId('accounts-table').getByText('柳塘发改').waitFor();

    await page.getByRole('button', { name: '柳塘发改 的发布记录' }).click();
    const posts = page.getByTestId('posts-drawer');
    await posts.getByTestId('post-import-toggle').click();
    const today = chinaDate(new Date());
    const xlsx = await writeTable(
      '发布记录',
      ['文章标题', '群发时间', '阅读数', '原文链接'],
      [
        ['今日要闻', `${today} 18:00`, '10万+', 'https://mp.weixin.qq.com/s/a'],
        ['往期通知', '2025-01-02 09:00', '35', ''],
      ],
    );
    await posts.locator('input[type=file]').setInputFiles({
      name: '发布记录.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(xlsx),
    });
    const preview = posts.getByTestId('post-import-preview');
    await preview.getByText('共 2 行，新增 2 条').waitFor();
    await posts.getByTestId('post-import-commit').click();
    await posts.getByText('已导入 2 条，跳过已登记 0 条').waitFor();
    const table = posts.getByTestId('posts-table');
    await table.getByText('今日要闻').waitFor();
    expect(await table.textContent()).toContain(today);
    await page.keyboard.press('Escape');
    await posts.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: '抽查 柳塘发改' }).click();
    const spot = page.getByTestId('spot-drawer');
    await spot.locator('input[type=file]').setInputFiles({
      name: '首页截图.png',
      mimeType: 'image/png',
      buffer: Buffer.from(PNG),
    });
    await spot.getByTestId('spot-shots').getByText('首页截图.png').waitFor();
    await spot.getByTestId('spot-save').click();
    await page.getByText('抽查已记录').waitFor();
    const row = spot.getByTestId('spot-table').locator('tr', { hasText: today });
    await row.getByText('合格').waitFor();
    expect(await row.textContent()).toContain('首页截图.png');
    await page.keyboard.press('Escape');
    await page.getByTestId('accounts-table').getByText(`${today} 合格`).waitFor();

    // The two new pages: 检查通报 (generate one for this quarter) and the dashboard, without serious axe findings.
    await page.goto(`${e.base}/admin/media/bulletins`);
    await page.getByTestId('bulletin-create').click();
    await page.getByText('通报已生成').waitFor();
    await page.getByTestId('bulletins-table').getByText('草稿').waitFor();
    // Off the button just clicked: its hover colour is not the one measured.
    await page.mouse.move(0, 0);
    await page.waitForTimeout(800);
    const axe = async () =>
      (await axeSerious(page)).flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
    expect(await axe()).toEqual([]);
    await page.goto(`${e.base}/admin/media/dashboard`);
    await page.getByTestId('open-rectifications-table').waitFor();
    await page.waitForTimeout(500);
    expect(await axe()).toEqual([]);
    await ctx.close();
  });
});
