// [ADMIN] the console on a 390 px phone (issue 15 parts 6 and 8): the menu folds away, the top bar fits, the
// home page's 我的待办 lists what waits (an online application first) and the bell counts it; axe-clean; audit
// log in Chinese with one verify message; no white frame around the layout.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { units, users } from '../src/server/db/schema';
import { axeSerious, consoleLogin, DEMO_PASSWORD, type E2E, startE2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E({ demo: true });
  const db = e.server.db.database.db;
  await db
    .update(users)
    .set({ mustChangePassword: false })
    .where(inArray(users.username, ['office', 'auditor']));
  // An online application waiting for confirmation, through the portal form.
  const fgw = (await db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
  const page = await e.browser.newPage();
  await page.goto(`${e.base}/ysqgk/apply`);
  await page.getByLabel(/受理机关/).selectOption(fgw);
  await page.getByLabel(/申请人类型/).selectOption('natural_person');
  await page.getByLabel(/姓名或者名称/).fill('王五');
  await page.getByLabel(/证件类型/).selectOption('id_card');
  await page.getByLabel(/证件号码/).fill('11010519491231002X');
  await page.getByLabel(/联系电话/).fill('13900139000');
  await page.getByLabel(/所需政府信息/).fill('区级重大项目清单');
  await page.getByLabel(/获取信息的形式/).selectOption('paper');
  await page.getByLabel(/获取信息的途径/).selectOption('mail');
  const q = (await page.getByText(/验证问题：/).textContent())!;
  const [, a, b] = /(\d+) 加 (\d+)/.exec(q)!;
  await page.getByLabel(/验证问题/).fill(String(Number(a) + Number(b)));
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.getByTestId('query-code').waitFor();
  await page.close();
});
afterAll(async () => {
  await e?.close();
});

const PHONE = { width: 390, height: 844 };

describe('[ADMIN] console at 390 px', () => {
  it('office: folded menu, the 待办 card with the application first, the bell, no sideways scrolling, axe-clean', async () => {
    const ctx = await e.browser.newContext({ viewport: PHONE });
    const page = await ctx.newPage();
    await consoleLogin(page, e.base, 'office', DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname.startsWith('/admin') && !u.pathname.endsWith('/login'));
    const todo = page.getByTestId('home-todo');
    await todo.getByText('待确认的网上申请').waitFor();
    // The first group is the unconfirmed applications, with the case listed.
    const first = todo.locator('.ant-collapse-item').first();
    expect(await first.textContent()).toContain('待确认的网上申请');
    await expect.poll(() => first.textContent()).toContain('区级重大项目清单');
    await expect
      .poll(() => page.getByTestId('todo-bell').getAttribute('aria-label'))
      .toMatch(/待办 [1-9]\d* 项/);
    // The menu is folded away; the top bar's buttons keep their names.
    const sider = await page.locator('.ant-layout-sider').boundingBox();
    expect(sider!.width).toBe(0);
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    // The bell keeps polling, so "network idle" may never come on a busy machine: the content above is in; let
    // antd's motions settle.
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // No white frame around the layout: the body has no margin and the layout's background (index.html).
    expect(
      await page.evaluate(() => {
        const s = getComputedStyle(document.body);
        return [s.margin, s.backgroundColor];
      }),
    ).toEqual(['0px', 'rgb(245, 245, 245)']);
    const layout = await page.locator('.ant-layout').first().boundingBox();
    expect([layout!.x, layout!.y]).toEqual([0, 0]);
    expect(await axeSerious(page)).toEqual([]);
    // The bell leads to the same list.
    await page.getByRole('button', { name: '展开菜单' }).click();
    await page.getByTestId('side-menu').waitFor();
    await ctx.close();
  });

  it('office at 1366 px: the menu folded to icons names an item in a tooltip on hover', async () => {
    const ctx = await e.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await ctx.newPage();
    await consoleLogin(page, e.base, 'office', DEMO_PASSWORD);
    await page.getByTestId('home-page').waitFor();
    await page.getByRole('button', { name: '收起菜单' }).click();
    await page.getByRole('button', { name: '展开菜单' }).waitFor();
    await page.locator('[data-menu-id$="-/"]').hover();
    await page.locator('.ant-menu-inline-collapsed-tooltip').getByText('首页').waitFor();
    await ctx.close();
  });

  it('auditor: the audit log names actions in Chinese', async () => {
    const ctx = await e.browser.newContext({ viewport: PHONE });
    const page = await ctx.newPage();
    await consoleLogin(page, e.base, 'auditor', DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname.startsWith('/admin') && !u.pathname.endsWith('/login'));
    await page.goto(`${e.base}/admin/audit/logs`);
    await page.locator('.ant-table-row').first().waitFor();
    const text = (await page.locator('.ant-table-tbody').textContent()) ?? '';
    expect(text).toMatch(/登录|网上提交申请|新建用户/);
    expect(text).not.toContain('auth.login');
    // Verifying the chains says it once: the server's message, no title or count repeating it.
    await page.getByTestId('audit-verify').click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor();
    const said = (await result.textContent()) ?? '';
    expect(said).toMatch(/^审计链完整，共校验 \d+ 条记录；登录日志哈希链完整/);
    expect(said.split('审计链完整').length).toBe(2);
    expect(said).not.toContain('已校验');
    await ctx.close();
  });
});
