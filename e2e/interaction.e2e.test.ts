// Issue 11 end to end: a citizen asks on the portal without JavaScript, sees a suggested answer, asks anyway; the
// unit's liaison answers in the console within the clock; the citizen reads it by query code and rates it; the
// office adds it to the Q&A base and passes review; the next citizen's paraphrase then matches it. Portal pages
// pass axe.
import fs from 'node:fs';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entriesFromTable, parseCsv } from '../src/domain/interaction/matching';
import { qaEntries, units, users } from '../src/server/db/schema';
import { axeSerious, consoleLogin, DEMO_PASSWORD, type E2E, startE2E } from './harness';

let e: E2E;
let code = '';
const QUESTION = '租房提取公积金需要带哪些材料？';
const ANSWER = '租房提取需携带本人身份证、租赁备案合同和租金发票，到区公积金管理中心办理。';
const PARAPHRASE = '租房提取公积金要带啥子材料';

beforeAll(async () => {
  e = await startE2E({ demo: true });
  const db = e.server.db.database.db;
  await db
    .update(users)
    .set({ mustChangePassword: false })
    .where(inArray(users.username, ['fgw_liaison', 'office']));
  // The district's base: the 公积金 sample, reviewed and public (its unit replaced by a demo unit).
  const [fgw] = await db.select().from(units).where(eq(units.name, '区发展改革委'));
  const kb = entriesFromTable(
    parseCsv(fs.readFileSync(path.resolve(__dirname, '../test/fixtures/qa/gongjijin/kb.csv'), 'utf8')),
  );
  await db.insert(qaEntries).values(
    kb.map((k) => ({
      question: k.question,
      answer: k.answer,
      unitId: fgw!.id,
      topic: '住房公积金',
      status: 'published' as const,
      source: 'import' as const,
    })),
  );
});
afterAll(async () => {
  await e?.close();
});

async function checkFirst(question: string) {
  const ctx = await e.browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(`${e.base}/hdjl/zxwd/ask`);
  await page.getByLabel('您的问题').fill(question);
  await page.getByRole('button', { name: '先查一查' }).click();
  return { ctx, page };
}

describe('政策咨询 end to end', () => {
  it('[PORTAL] the citizen sees a suggested answer, asks anyway and gets a query code', async () => {
    const { ctx, page } = await checkFirst(QUESTION);
    const suggestions = page.getByTestId('suggestions');
    await expect.poll(() => suggestions.textContent()).toContain('租房可以提取住房公积金吗');
    await page.getByLabel(/咨询的单位/).selectOption({ label: '区发展改革委' });
    const label = (await page.locator('label[for=f-answer]').textContent()) ?? '';
    const [, a, b] = /(\d+) 加 (\d+)/.exec(label)!;
    await page.getByLabel(/验证问题/).fill(String(Number(a) + Number(b)));
    await page.getByRole('button', { name: '提交咨询' }).click();
    code = (await page.getByTestId('query-code').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z0-9]{12}$/);
    await ctx.close();
  });

  it('[ADMIN] the unit liaison answers within the clock', async () => {
    const page = await e.browser.newPage();
    await consoleLogin(page, e.base, 'fgw_liaison', DEMO_PASSWORD);
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));
    // The home page lists it among the handler's to-dos.
    await page.goto(`${e.base}/admin/`);
    await expect.poll(() => page.getByTestId('home-consult-card').textContent()).toContain(QUESTION);
    await page.goto(`${e.base}/admin/interaction/consultations`);
    await page.getByTestId('consultations-page').waitFor();
    await page.locator('.ant-table-row', { hasText: QUESTION }).getByRole('link').click();
    await page.getByTestId('consultation-page').waitFor();
    // The base's similar answered question is offered to the handler.
    await expect.poll(() => page.getByTestId('similar').textContent()).toContain('租房可以提取住房公积金吗');
    await page.getByTestId('answer-text').fill(ANSWER);
    await page.getByTestId('answer-save').click();
    await expect.poll(() => page.getByTestId('consultation-page').textContent()).toContain('已答复');
    expect(await page.getByTestId('consultation-page').textContent()).not.toContain('逾期答复');
    await page.close();
  });

  it('[PORTAL] the citizen reads the answer by query code and rates it', async () => {
    const ctx = await e.browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${e.base}/hdjl/zxwd/query`);
    await page.getByLabel('查询码').fill(code);
    await page.getByRole('button', { name: '查询' }).click();
    expect(await page.getByTestId('answer').textContent()).toBe(ANSWER);
    await page.getByLabel('满意', { exact: true }).check();
    await page.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => page.content()).toContain('感谢您的评价');
    await ctx.close();
  });

  it('[ADMIN] the office adds the answer to the base and passes it; a paraphrase then matches it', async () => {
    const page = await e.browser.newPage();
    await consoleLogin(page, e.base, 'office', DEMO_PASSWORD);
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));
    await page.goto(`${e.base}/admin/interaction/consultations`);
    await page.locator('.ant-table-row', { hasText: QUESTION }).getByRole('link').click();
    await page.getByTestId('add-to-base').click();
    await expect
      .poll(() => page.getByTestId('consultation-page').textContent())
      .toContain('加入问答库（待审核）');
    await page.goto(`${e.base}/admin/interaction/qa`);
    await page.getByTestId('qa-base-page').waitFor();
    const row = page.locator('.ant-table-row', { hasText: QUESTION });
    await row.getByRole('button', { name: '通过' }).click();
    await expect.poll(() => row.textContent()).toContain('已公开');
    await page.close();

    const { ctx, page: citizen } = await checkFirst(PARAPHRASE);
    const first = citizen.getByTestId('suggestions').locator('li').first();
    await expect.poll(() => first.textContent()).toContain(QUESTION);
    await ctx.close();
  });

  it('portal pages pass axe (no serious or critical violations)', async () => {
    const page = await e.browser.newPage();
    for (const p of [
      '/hdjl',
      '/hdjl/zxwd',
      `/hdjl/zxwd?search=${encodeURIComponent('公积金')}`,
      '/hdjl/zxwd/ask',
      `/hdjl/zxwd/ask?question=${encodeURIComponent(PARAPHRASE)}`,
      `/hdjl/zxwd/query?code=${code}`,
    ]) {
      await page.goto(`${e.base}${p}`);
      expect(await axeSerious(page), p).toEqual([]);
    }
    await page.close();
  });
});

describe('[ADMIN] 互动回应 pages', () => {
  it.each([
    ['/admin/interaction/consultations', '.ant-table'],
    ['/admin/interaction/qa', '.ant-table'],
    ['/admin/interaction/stats', '.ant-card'],
  ])('%s has no serious or critical axe violations', async (p, ready) => {
    const page = await e.browser.newPage();
    await consoleLogin(page, e.base, 'office', DEMO_PASSWORD);
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));
    await page.goto(`${e.base}${p}`);
    await page.locator(ready).first().waitFor();
    expect(await axeSerious(page), p).toEqual([]);
    await page.close();
  });
});
