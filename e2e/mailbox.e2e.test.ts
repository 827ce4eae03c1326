// Issue 11 part 4 end to end: a citizen writes to the 区长信箱 without JavaScript on a 390 px screen, ticks 同意公开
// and puts personal data in the letter; the office routes it to the unit; the unit's liaison replies and publishes
// it; the letter shows on /hdjl/xx masked (never raw) and is counted on /hdjl/tj. Portal pages pass axe. The office
// switches a mailbox's settings one at a time.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailboxes, users } from '../src/server/db/schema';
import { axeSerious, consoleLogin, DEMO_PASSWORD, type E2E, pickInSelect, startE2E } from './harness';

let e: E2E;
let code = '';
const SUBJECT = '王淑芬反映和平路公交站台破损';
const BODY =
  '我是王淑芬，手机13512348765，身份证510104196805051239，家住和平路66号4栋。公交站台顶棚破损，下雨无处避雨。';
const REPLY = '已安排维修公交站台顶棚，王淑芬同志反映的问题将于本月修复。';
const PHONE = { width: 390, height: 844 };

beforeAll(async () => {
  e = await startE2E({ demo: true });
  await e.server.db.database.db
    .update(users)
    .set({ mustChangePassword: false })
    .where(inArray(users.username, ['fgw_liaison', 'office']));
});
afterAll(async () => {
  await e?.close();
});

describe('信箱 end to end', () => {
  it('[PORTAL] the citizen writes with consent on a phone, without JavaScript, and gets a query code', async () => {
    const ctx = await e.browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await ctx.newPage();
    await page.goto(`${e.base}/hdjl/xx/write`);
    await page.getByLabel(/^信箱/).selectOption({ label: '区长信箱' });
    await page.getByLabel(/来信类型/).selectOption({ label: '求助' });
    await page.getByLabel(/^标题/).fill(SUBJECT);
    await page.getByLabel(/来信内容/).fill(BODY);
    await page.getByLabel(/^姓名/).fill('王淑芬');
    await page.getByLabel(/联系电话/).fill('13512348765');
    await page.getByLabel(/同意公开/).check();
    const label = (await page.locator('label[for=f-answer]').textContent()) ?? '';
    const [, a, b] = /(\d+) 加 (\d+)/.exec(label)!;
    await page.getByLabel(/验证问题/).fill(String(Number(a) + Number(b)));
    await page.getByRole('button', { name: '提交信件' }).click();
    code = (await page.getByTestId('query-code').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z0-9]{12}$/);
    await ctx.close();
  });

  it('[ADMIN] the office routes the letter to the 区发展改革委', async () => {
    const page = await e.browser.newPage();
    await consoleLogin(page, e.base, 'office', DEMO_PASSWORD);
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));
    await page.goto(`${e.base}/admin/interaction/letters`);
    await page.getByTestId('letters-page').waitFor();
    await page.locator('.ant-table-row', { hasText: SUBJECT }).getByRole('button').first().click();
    await page.getByTestId('letter-drawer').waitFor();
    // (on a loaded machine a click can select nothing: pickInSelect chooses again until the select shows it)
    await pickInSelect(page, page.getByTestId('letter-transfer-unit'), '区发展改革委', { search: true });
    await page.getByTestId('letter-transfer-reason').fill('属发展改革委职责');
    await page.getByTestId('letter-transfer-save').click();
    await expect.poll(() => page.getByTestId('letter-drawer').textContent()).toContain('转办至 区发展改革委');
    await page.close();
  });

  it('[ADMIN] the unit replies and publishes; the preview is masked', async () => {
    const page = await e.browser.newPage();
    await consoleLogin(page, e.base, 'fgw_liaison', DEMO_PASSWORD);
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));
    await page.goto(`${e.base}/admin/interaction/letters`);
    await page.locator('.ant-table-row', { hasText: SUBJECT }).getByRole('button').first().click();
    await page.getByTestId('letter-reply-text').fill(REPLY);
    await page.getByTestId('letter-reply-save').click();
    await expect.poll(() => page.getByTestId('letter-drawer').textContent()).toContain('公开内容（已脱敏）');
    const preview = (await page.getByTestId('letter-drawer').textContent()) ?? '';
    expect(preview).toContain('王**反映和平路公交站台破损');
    await page.getByTestId('letter-publish').click();
    await expect.poll(() => page.getByTestId('letter-drawer').textContent()).toContain('已在门户网站公开');
    await page.close();
  });

  it('[PORTAL] published masked on /hdjl/xx, read by code, counted on /hdjl/tj', async () => {
    const ctx = await e.browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await ctx.newPage();
    await page.goto(`${e.base}/hdjl/xx`);
    const list = (await page.getByTestId('letters').textContent()) ?? '';
    expect(list).toContain('王**反映和平路公交站台破损');
    expect(list).toContain('下雨无处避雨');
    for (const raw of ['王淑芬', '13512348765', '510104196805051239', '和平路66号'])
      expect(list).not.toContain(raw);
    await page.goto(`${e.base}/hdjl/tj`);
    const totals = (await page.getByTestId('totals').textContent()) ?? '';
    expect(totals).toMatch(/来信收到 1 件、答复 1 件、按时 1 件/);
    expect(await page.locator('[data-testid=by-type] tr', { hasText: '求助' }).textContent()).toMatch(
      /求助111/,
    );
    await page.goto(`${e.base}/hdjl/xx/query?code=${code}`);
    expect(await page.getByTestId('reply').textContent()).toBe(REPLY);
    await ctx.close();
  });

  it('portal pages pass axe and fit 390 px (axe runs with JavaScript on; the pages need none)', async () => {
    const ctx = await e.browser.newContext({ viewport: PHONE });
    const page = await ctx.newPage();
    for (const p of [
      '/hdjl',
      '/hdjl/xx',
      `/hdjl/xx?search=${encodeURIComponent('公交')}`,
      `/hdjl/xx/query?code=${code}`,
      '/hdjl/xx/write',
      '/hdjl/tj',
    ]) {
      await page.goto(`${e.base}${p}`);
      expect(await axeSerious(page), p).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), p).toBeLessThanOrEqual(
        PHONE.width,
      );
    }
    await ctx.close();
  });

  it('[ADMIN] the office switches one setting of a mailbox; its other setting is saved as it was', async () => {
    const db = e.server.db.database.db;
    const read = async () => (await db.select().from(mailboxes).where(eq(mailboxes.kind, 'head')))[0]!;
    const page = await e.browser.newPage();
    await consoleLogin(page, e.base, 'office', DEMO_PASSWORD);
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));
    await page.goto(`${e.base}/admin/interaction/letters`);
    // The mailboxes exist once listed (the settings table shows them).
    await page.getByRole('switch').first().waitFor();
    const box = await read();
    await page.getByRole('switch', { name: `${box.name}答复需审核` }).click();
    await expect.poll(async () => (await read()).reviewRequired).toBe(!box.reviewRequired);
    expect((await read()).enabled).toBe(box.enabled);
    await page.getByRole('switch', { name: `${box.name}启用` }).click();
    await expect.poll(async () => (await read()).enabled).toBe(!box.enabled);
    expect((await read()).reviewRequired).toBe(!box.reviewRequired);
    await page.close();
  });
});
