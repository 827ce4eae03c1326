// [ADMIN] 三同步 (issue 13 part 3): a liaison registers a 新闻发布会 linked to the policy it explains and sees it in
// the register with the policy's link; the office sets the major-policy minimum of interpretation forms on
// 发布设置. The server's clock stands on 2026-03-02 (China time). Axe on both pages.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disclosureItems, units, users } from '../src/server/db/schema';
import { getInterpretationSettings } from '../src/server/modules/disclosure/interpretation-plan';
import { axeSerious, consoleLogin, DEMO_PASSWORD, type E2E, frozenClock, startE2E } from './harness';

let e: E2E;
let policyId: string;

beforeAll(async () => {
  e = await startE2E({ demo: true, clock: frozenClock('2026-03-02T09:00:00+08:00') });
  const db = e.server.db.database.db;
  await db.update(users).set({ mustChangePassword: false });
  // A policy of 区发展改革委, already in the platform.
  const [fgw] = await db.select().from(units).where(eq(units.name, '区发展改革委'));
  const [creator] = await db.select().from(users).where(eq(users.username, 'fgw_liaison'));
  policyId = randomUUID();
  await db.insert(disclosureItems).values({
    id: policyId,
    rootId: policyId,
    unitId: fgw!.id,
    title: '稳就业政策措施',
    indexNo: `E2E-${policyId.slice(0, 8)}`,
    status: 'published',
    publishDate: '2026-02-27',
    publishedAt: new Date('2026-02-27T10:00:00+08:00'),
    createdBy: creator!.id,
  });
}, 120_000);
afterAll(async () => {
  await e?.close();
});

async function login(username: string): Promise<Page> {
  const page = await (await e.browser.newContext()).newPage();
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

describe('[ADMIN] 新闻发布会/访谈', () => {
  it('a liaison registers a press conference linked to the policy it explains', async () => {
    const page = await login('fgw_liaison');
    await page.goto(`${e.base}/admin/disclosure/briefings`);
    await page.getByTestId('briefings-page').waitFor();
    await page.getByTestId('briefing-create').click();
    const drawer = page.getByTestId('briefing-drawer');
    await drawer.getByLabel('名称').fill('稳就业政策措施新闻发布会');
    await drawer.getByLabel('日期').fill('2026-03-02');
    await drawer.getByLabel('日期').press('Enter');
    await drawer.getByLabel('发布人/嘉宾').fill('区发展改革委主任');
    await drawer.getByLabel('所解读的政策').click();
    await page.keyboard.type('稳就业');
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', {
      hasText: '稳就业政策措施',
    });
    const chosen = drawer.locator('.ant-select-selection-item', { hasText: '稳就业政策措施' });
    // On a loaded machine the click can land while the filtered list re-renders and select nothing (the drawer then
    // stays open on a required field): as a user would, click the option again until it shows as chosen.
    for (let clicks = 0; clicks < 3 && (await chosen.count()) === 0; clicks++)
      await option
        .first()
        .click({ timeout: 5000 })
        .catch(() => undefined);
    expect(await chosen.count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await page.getByTestId('briefing-save').click();
    await drawer.waitFor({ state: 'hidden' });
    const table = page.getByTestId('briefings-table');
    await expect.poll(() => table.textContent()).toContain('稳就业政策措施新闻发布会');
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('新闻发布会');
    expect(text).toContain('2026-03-02');
    expect(text).toContain('区发展改革委主任');
    expect(await axeOwn(page), 'briefings').toEqual([]);
    await table.getByRole('link', { name: '稳就业政策措施' }).click();
    await page.waitForURL((u) => u.pathname === `/admin/disclosure/items/${policyId}`);
  });

  it('the office sets the minimum number of interpretation forms of a major policy', async () => {
    const page = await login('office');
    await page.goto(`${e.base}/admin/disclosure/settings`);
    const card = page.getByTestId('interpretation-settings');
    await card.getByLabel('重大政策解读形式不得少于（种）').fill('4');
    await card.getByRole('button', { name: '保存解读形式要求' }).click();
    await page.getByText('解读形式要求已保存').waitFor();
    expect(await getInterpretationSettings(e.server.db.database.db)).toEqual({ majorMinForms: 4 });
    expect(await axeOwn(page), 'settings').toEqual([]);
  });
});
