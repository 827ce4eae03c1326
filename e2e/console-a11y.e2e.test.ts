// [ADMIN] the console's main pages under axe (WCAG 2.1 A/AA): no serious or critical findings, theme included.
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../src/server/db/schema';
import { axeSerious, consoleLogin, DEMO_PASSWORD, type E2E, startE2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E({ demo: true });
  await e.server.db.database.db
    .update(users)
    .set({ mustChangePassword: false })
    .where(inArray(users.username, ['office', 'auditor']));
});
afterAll(async () => {
  for (const ctx of sessions.values()) await ctx.close();
  await e?.close();
});

// One signed-in browser context per user: a login per page would run into the per-name login limit (ten a minute).
type Ctx = Awaited<ReturnType<E2E['browser']['newContext']>>;
const sessions = new Map<string, Ctx>();
async function signedIn(user: string): Promise<Ctx> {
  let ctx = sessions.get(user);
  if (!ctx) {
    ctx = await e.browser.newContext();
    const page = await ctx.newPage();
    await consoleLogin(page, e.base, user, DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname.startsWith('/admin') && !u.pathname.endsWith('/login'));
    await page.close();
    sessions.set(user, ctx);
  }
  return ctx;
}

const PAGES: [string, string, string][] = [
  ['office', '/admin/', '[data-testid]'],
  ['office', '/admin/org/units', '[data-testid=unit-tree]'],
  ['office', '/admin/tasks/ledger', '.ant-table'],
  ['office', '/admin/tasks/dashboard', '.ant-card'],
  ['office', '/admin/requests/cases', '.ant-table'],
  ['office', '/admin/reports', '.ant-card, .ant-table'],
  ['office', '/admin/disclosure/items', '.ant-table'],
  ['office', '/admin/disclosure/items/new', '[data-testid=item-form]'],
  ['office', '/admin/disclosure/catalog', '[data-testid=catalog-tree]'],
  ['office', '/admin/disclosure/stats', '.ant-card'],
  ['office', '/admin/disclosure/enforcement', '.ant-table'],
  ['office', '/admin/disclosure/decisions', '.ant-table'],
  ['auditor', '/admin/audit/logs', '.ant-table'],
  ['auditor', '/admin/audit/pia', '[data-testid=pia-records-page] .ant-table'],
];

describe('[ADMIN] console accessibility', () => {
  it.each(PAGES)('%s %s has no serious or critical axe violations', async (user, path, ready) => {
    const page = await (await signedIn(user)).newPage();
    await page.goto(`${e.base}${path}`);
    await page.locator(ready).first().waitFor();
    // Lists fill in after their request; antd's motions settle before colours are measured.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const found = (await axeSerious(page)).flatMap((v) =>
      v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`),
    );
    expect(found).toEqual([]);
    await page.close();
  });
});
