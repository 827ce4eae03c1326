// Issue 11 parts 5 and 6 end to end: the office logs a phone call in the console and hands it over to a
// consultation with one click (the consultation page opens with its answer clock); the unit's progress on a public
// commitment is then shown on /hdjl/cn, without JavaScript, axe-clean, on a phone-sized screen. The server runs on
// the real clock, so dates are taken from it, never written out.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../src/domain/calendar';
import { calls, commitmentProgress, commitments, consultations, units, users } from '../src/server/db/schema';
import { axeSerious, consoleLogin, DEMO_PASSWORD, type E2E, pickInSelect, startE2E } from './harness';

let e: E2E;
const QUESTION = '老旧小区加装电梯的补贴标准是多少？';

beforeAll(async () => {
  e = await startE2E({ demo: true });
  await e.server.db.database.db
    .update(users)
    .set({ mustChangePassword: false })
    .where(inArray(users.username, ['office']));
});
afterAll(async () => {
  await e?.close();
});

describe('来电登记 and 公开承诺 end to end', () => {
  it('[ADMIN] the office logs a call and hands it over to a consultation', async () => {
    const page = await e.browser.newPage();
    await consoleLogin(page, e.base, 'office', DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname.startsWith('/admin') && !u.pathname.endsWith('/login'));
    await page.goto(`${e.base}/admin/interaction/calls`);
    await page.getByTestId('calls-page').waitFor();
    await page.getByTestId('call-new').click();
    const drawer = page.getByTestId('call-register');
    // Under load a click can land on a tree that is still filtering (or select nothing): pickInSelect chooses
    // again until the select shows the unit.
    const unitSelect = drawer
      .locator('.ant-form-item', { hasText: '承办单位' })
      .locator('.ant-select')
      .first();
    await pickInSelect(page, unitSelect, '区发展改革委', { search: true, tree: true });
    const chosen = drawer.locator('.ant-select').filter({ hasText: '区发展改革委' });
    expect(await chosen.count()).toBe(1);
    await page.getByTestId('call-question').fill(QUESTION);
    await page.getByTestId('call-callerName').fill('王小明');
    await page.getByTestId('call-callerPhone').fill('13800138000');
    await page.getByTestId('call-register-save').click();
    const row = page.locator('.ant-table-row', { hasText: QUESTION });
    await row.waitFor();
    // The ledger shows the caller masked.
    await expect.poll(() => row.textContent()).toContain('138****8000');
    expect(await row.textContent()).not.toContain('王小明');

    await row.getByRole('button', { name: '转为政策咨询' }).click();
    await page.getByRole('button', { name: /^转\s*办$/ }).click();
    await page.waitForURL((u) => /\/admin\/interaction\/consultations\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.getByTestId('consultation-page').waitFor();
    await expect.poll(() => page.getByTestId('consultation-page').textContent()).toContain(QUESTION);

    const db = e.server.db.database.db;
    const [call] = await db.select().from(calls).where(eq(calls.question, QUESTION));
    expect(call!.status).toBe('handed_over');
    const [consult] = await db
      .select()
      .from(consultations)
      .where(eq(consultations.id, call!.consultationId!));
    expect(consult!.channel).toBe('phone');
    expect(consult!.receivedOn).toBe(chinaDate(call!.calledAt));
    expect(consult!.answerDue > consult!.receivedOn).toBe(true);

    // The three console pages under axe (WCAG 2.1 A/AA), with the same signed-in office.
    for (const [path, ready] of [
      ['/admin/interaction/calls', 'calls-page'],
      ['/admin/interaction/opinions', 'opinions-page'],
      ['/admin/interaction/commitments', 'commitments-page'],
    ] as const) {
      await page.goto(`${e.base}${path}`);
      await page.getByTestId(ready).locator('.ant-table').first().waitFor();
      await page.waitForTimeout(500);
      expect(await axeSerious(page), path).toEqual([]);
    }
    await page.close();
  });

  it('[PORTAL] commitment progress is shown on /hdjl/cn: no JavaScript, axe-clean, phone-sized', async () => {
    const db = e.server.db.database.db;
    const [fgw] = await db.select().from(units).where(eq(units.name, '区发展改革委'));
    const today = chinaDate(new Date());
    const [c] = await db
      .insert(commitments)
      .values({
        commitNo: 'CN-E2E-1',
        content: '年内完成 30 个老旧小区加装电梯审批',
        place: '区政府新闻发布会',
        unitId: fgw!.id,
        promisedOn: today,
        dueOn: '2099-12-31',
      })
      .returning();
    await db.insert(commitmentProgress).values({
      commitmentId: c!.id,
      on: today,
      text: '已完成 12 个小区的审批',
      by: '区发展改革委',
    });
    const ctx = await e.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    const page = await ctx.newPage();
    await page.goto(`${e.base}/hdjl`);
    await page.getByRole('link', { name: '公开承诺' }).click();
    await page.waitForURL((u) => u.pathname === '/hdjl/cn');
    const item = page.getByTestId('commitment').filter({ hasText: 'CN-E2E-1' });
    await expect.poll(() => item.textContent()).toContain('已完成 12 个小区的审批');
    expect(await item.textContent()).toContain('推进中');
    // Nothing wider than the screen.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await ctx.close();
    const axePage = await e.browser.newPage();
    await axePage.goto(`${e.base}/hdjl/cn`);
    expect(await axeSerious(axePage)).toEqual([]);
    await axePage.close();
  });
});
