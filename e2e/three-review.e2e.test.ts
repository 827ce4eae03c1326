// [ADMIN] 三审 out of the box (issue 15 part 7): with the demo accounts only, the liaison drafts and submits, the
// unit's reviewer (初审), the office's reviewer (复审) and the leader (终审) each find the item in 待我审核 and
// approve it, and it is on the portal. Screenshots of each step go to .tmp/three-review/.
import fs from 'node:fs';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../src/server/db/schema';
import { chooseOption, consoleLogin, DEMO_PASSWORD, type E2E, startE2E } from './harness';

const TITLE = '2026年三审演示通知';
const SHOTS = path.join(process.cwd(), '.tmp', 'three-review');
let e: E2E;
let itemId = '';

beforeAll(async () => {
  e = await startE2E({ demo: true });
  await e.server.db.database.db
    .update(users)
    .set({ mustChangePassword: false })
    .where(inArray(users.username, ['fgw_liaison', 'fgw_reviewer', 'office_reviewer', 'leader']));
  fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(() => e?.close());

async function loggedIn(username: string): Promise<Page> {
  const page = await (await e.browser.newContext()).newPage();
  await consoleLogin(page, e.base, username, DEMO_PASSWORD);
  await page.waitForURL((u) => u.pathname.startsWith('/admin') && !u.pathname.endsWith('/login'));
  return page;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

describe('[ADMIN] 三审 with the demo accounts', () => {
  it('fgw_liaison drafts and submits', async () => {
    const page = await loggedIn('fgw_liaison');
    await page.goto(`${e.base}/admin/disclosure/items`);
    await page.getByTestId('item-create').click();
    await page.getByTestId('item-title').fill(TITLE);
    await page.getByTestId('item-body').fill('现将有关事项通知如下。');
    // 公开类别 is required (PUB-6).
    await chooseOption(page, 'item-category', '其他应主动公开的信息', true);
    await page.getByTestId('item-save').click();
    await page.waitForURL(/\/admin\/disclosure\/items\/[0-9a-f-]{36}$/);
    itemId = page.url().split('/').pop()!;
    await page.getByTestId('item-submit').click();
    await page.getByText('待初审').waitFor();
    await shot(page, '1-submitted');
    await page.context().close();
  });

  it.each([
    ['fgw_reviewer', '初审', '2-first'],
    ['office_reviewer', '复审', '3-second'],
    ['leader', '终审', '4-final'],
  ])('%s finds it in 待我审核 and approves at %s', async (username, level, name) => {
    const page = await loggedIn(username);
    await page.goto(`${e.base}/admin/disclosure/inbox`);
    const link = page.getByTestId('item-link').filter({ hasText: TITLE });
    await link.waitFor();
    await shot(page, `${name}-inbox`);
    await link.click();
    await page.getByTestId('item-approve').filter({ hasText: level }).click();
    await page.getByText('已通过', { exact: true }).waitFor();
    await shot(page, `${name}-approved`);
    // Approved: no longer waiting for this user.
    await page.goto(`${e.base}/admin/disclosure/inbox`);
    await page.getByTestId('disclosure-inbox-page').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('item-link').filter({ hasText: TITLE }).count()).toBe(0);
    await page.context().close();
  });

  it('the item is on the portal', async () => {
    const page = await e.browser.newPage();
    const res = await page.goto(`${e.base}/xxgk/info/${itemId}`);
    expect(res!.status()).toBe(200);
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await shot(page, '5-portal');
    await page.close();
  });
});
