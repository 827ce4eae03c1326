// [ADMIN] the office imports the website register (.xlsx) in the browser, opens a site, runs a check against a
// site served here and sees the broken link as a finding and as a 整改 item; a liaison sees only their unit's site.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../src/server/db/schema';
import { writeTable } from '../src/server/platform/xlsx';
import { consoleLogin, DEMO_PASSWORD, type E2E, startE2E } from './harness';

let e: E2E;
let site: http.Server;
let siteUrl = '';

beforeAll(async () => {
  site = http.createServer((req, res) => {
    if (req.url === '/')
      return res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          '<html><body><p><a href="/zt/">专题专栏</a></p><p>主办单位：区发展改革委 联系电话：023-1234567</p></body></html>',
        );
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
  e = await startE2E({ demo: true, config: { linkProbePrivate: true } });
  await e.server.db.database.db
    .update(users)
    .set({ mustChangePassword: false })
    .where(inArray(users.username, ['office', 'jw_liaison']));
});
afterAll(async () => {
  await e?.close();
  site.closeAllConnections();
  await new Promise<void>((r) => site.close(() => r()));
});

describe('[ADMIN] 政府网站: register and a check', () => {
  it('imports the register, runs a check, shows the finding and the 整改 item', async () => {
    const ctx = await e.browser.newContext();
    const page = await ctx.newPage();
    await consoleLogin(page, e.base, 'office', DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname.startsWith('/admin') && !u.pathname.endsWith('/login'));
    await page.goto(`${e.base}/admin/media/websites`);
    await page.getByTestId('media-websites-page').waitFor();
    const xlsx = await writeTable(
      '网站',
      ['网站名称', '网址', '主办单位', '网站标识码', 'ICP备案号', '公安机关备案号', '承办单位'],
      [
        ['区发改委网站', siteUrl, '区发展改革委', '5001030001', '', '', ''],
        ['区教委网站', 'http://jw.example.gov.cn/', '区教委', '', '', '', ''],
      ],
    );
    await page
      .getByTestId('media-websites-page')
      .locator('input[type=file]')
      .setInputFiles({
        name: '网站登记册.xlsx',
        mimeType: 'application/octet-stream',
        buffer: Buffer.from(xlsx),
      });
    await page.getByText('已导入 2 个网站').waitFor();
    const table = page.getByTestId('websites-table');
    await table.getByText('区发改委网站').waitFor();
    await table.getByText('区教委网站').waitFor();

    await page.getByRole('button', { name: '检查 区发改委网站' }).click();
    const drawer = page.getByTestId('check-drawer');
    await drawer.getByText('尚未检查').waitFor();
    await drawer.getByTestId('availability-7d').getByText('暂无抽测').waitFor();
    await drawer.getByTestId('run-check').click();
    await page.getByText('检查完成').waitFor();
    await drawer.getByTestId('check-availability').getByText('暂无抽测').waitFor();
    const findings = drawer.getByTestId('findings-table');
    await findings.getByText('链接不可用').waitFor();
    expect(await findings.textContent()).toContain(`${siteUrl}zt/`);
    // Each finding is a 整改 item: the broken link and the three identity elements the footer lacks.
    const rect = drawer.getByTestId('rectifications-table');
    await rect.locator('tr', { hasText: '链接不可用' }).getByText('整改中').waitFor();
    await rect.locator('tr', { hasText: '网站标识缺失' }).first().waitFor();
    await ctx.close();
  });

  it('a liaison of another unit sees only their own site', async () => {
    const ctx = await e.browser.newContext();
    const page = await ctx.newPage();
    await consoleLogin(page, e.base, 'jw_liaison', DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname.startsWith('/admin') && !u.pathname.endsWith('/login'));
    await page.goto(`${e.base}/admin/media/websites`);
    const table = page.getByTestId('websites-table');
    await table.getByText('区教委网站').waitFor();
    expect(await table.textContent()).not.toContain('区发改委网站');
    await ctx.close();
  });
});
