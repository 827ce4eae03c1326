// 重大行政决策预公开 end to end: a liaison drafts a decision in the console and opens it for comment; a citizen
// comments on the portal (one clean comment shown at once, one with a phone number held and masked); the liaison
// shows the held comment, ends the period and publishes the 意见采纳情况, which the portal shows beside the draft.
// axe on the portal pages and the console page.
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../src/server/db/schema';
import { axeSerious, consoleLogin, DEMO_PASSWORD, type E2E, pickInSelect, startE2E } from './harness';

const TITLE = '关于调整城区公交票价的决定（征求意见稿）';
let e: E2E;
let console_: Page;
let draftUrl = '';

beforeAll(async () => {
  e = await startE2E({ demo: true });
  await e.server.db.database.db
    .update(users)
    .set({ mustChangePassword: false })
    .where(eq(users.username, 'fgw_liaison'));
  const ctx = await e.browser.newContext();
  console_ = await ctx.newPage();
  await consoleLogin(console_, e.base, 'fgw_liaison', DEMO_PASSWORD);
  await console_.waitForURL((u) => u.pathname.startsWith('/admin') && !u.pathname.endsWith('/login'));
});
afterAll(async () => {
  await e?.close();
});

/** Answers the portal form's arithmetic question. */
async function answerChallenge(page: Page) {
  const label = (await page.locator('label[for="c-answer"]').textContent()) ?? '';
  const [, a, b] = /(\d+) 加 (\d+)/.exec(label)!;
  await page.locator('#c-answer').fill(String(Number(a) + Number(b)));
}

async function postComment(page: Page, text: string, name?: string) {
  await page.goto(draftUrl);
  if (name) await page.getByLabel('姓名（选填）').fill(name);
  await page.getByLabel('意见内容（必填）').fill(text);
  await answerChallenge(page);
  await page.getByRole('button', { name: '提交意见' }).click();
  await page.getByTestId('comment-notice').waitFor();
  return (await page.getByTestId('comment-notice').textContent()) ?? '';
}

describe('a draft decision opened for comment, commented on, and its 意见采纳情况 published', () => {
  it('the liaison drafts the decision and opens it for comment', async () => {
    const page = console_;
    await page.goto(`${e.base}/admin/disclosure/decisions`);
    await page.getByTestId('decision-create').click();
    const drawer = page.getByTestId('decision-drawer');
    await drawer.getByLabel('草案名称').fill(TITLE);
    await drawer.getByLabel('起草背景').fill('城区公交票价十年未调整。');
    await drawer.getByLabel('决策依据').fill('《价格法》《重大行政决策程序暂行条例》');
    await drawer.getByLabel('起草说明').fill('拟将基础票价由1元调整为2元。');
    await drawer.getByLabel('草案全文').fill('第一条 城区公交基础票价调整为2元。');
    await page.getByTestId('decision-save').click();
    const table = page.getByTestId('decisions-table');
    await table.getByText(TITLE).waitFor();
    await table.getByTestId('decision-open').click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await table.getByText('征求意见中').waitFor();
    expect(await axeSerious(page, '[data-testid="decisions-page"]')).toEqual([]);
  });

  it('a citizen comments on the portal; a comment with a phone number is held', async () => {
    const page = await (await e.browser.newContext()).newPage();
    await page.goto(`${e.base}/hdjl/zj`);
    expect(await axeSerious(page)).toEqual([]);
    await page.getByRole('link', { name: TITLE }).click();
    draftUrl = page.url();
    expect(await page.getByTestId('period').textContent()).toContain('征求意见期限');
    expect(await axeSerious(page)).toEqual([]);
    expect(await postComment(page, '建议保留老年人免费乘车。', '李四')).toContain('已提交并显示');
    expect(await page.locator('main').textContent()).toContain('建议保留老年人免费乘车。');
    expect(await postComment(page, '票价太高，请联系我 13812345678 沟通。')).toContain('经审核后显示');
    expect(await page.locator('main').textContent()).not.toContain('票价太高');
  });

  it('the liaison shows the held comment (masked), ends the period and publishes the 意见采纳情况', async () => {
    const page = console_;
    await page.goto(`${e.base}/admin/disclosure/decisions`);
    const table = page.getByTestId('decisions-table');
    await table.getByText('待审 1').waitFor();
    await table.getByRole('button', { name: '结束征求意见' }).click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await table.getByText('征求意见结束').waitFor();
    await table.getByTestId('decision-detail').click();
    const drawer = page.getByTestId('decision-detail-drawer');
    await drawer.getByText('138****5678', { exact: false }).waitFor();
    await drawer.getByTestId('comment-show').click();
    await drawer.getByTestId('comment-show').waitFor({ state: 'detached' });
    await drawer.getByLabel('采纳情况说明').fill('共收到意见2条，采纳1条。');
    await drawer.getByTestId('adoption-add').click();
    await drawer.getByLabel('意见 1').fill('保留老年人免费乘车');
    await drawer.getByTestId('adoption-add').click();
    await drawer.getByLabel('意见 2').fill('票价过高');
    await pickInSelect(page, drawer.locator('.ant-select').nth(1), '不予采纳');
    await drawer.getByLabel('理由（未采纳必填）').nth(1).fill('调整后仍低于同类城市平均水平');
    await drawer.getByTestId('adoption-submit').click();
    await drawer.getByText('收到 2 条，采纳 1，部分采纳 0，不予采纳 1').waitFor();
  });

  it('the portal shows the 意见采纳情况 beside the draft, and the held comment masked', async () => {
    const page = await (await e.browser.newContext()).newPage();
    await page.goto(draftUrl);
    const adoption = page.getByTestId('adoption');
    expect(await adoption.textContent()).toContain('调整后仍低于同类城市平均水平');
    expect(await adoption.textContent()).toContain('共收到意见 2 条，采纳 1 条');
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('138****5678');
    expect(main).not.toContain('13812345678');
    expect(main).toContain('征求意见已结束');
    expect(await axeSerious(page)).toEqual([]);
  });
});
