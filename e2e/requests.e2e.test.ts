// [PORTAL] apply for information without JavaScript, axe on the portal pages; [ADMIN] staff confirm receipt,
// request a correction, receive it, ask for an extension that the leader approves, reply 部分公开, download the letter, see the case in the statistics.
import fs from 'node:fs';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../src/domain/calendar';
import { units, users } from '../src/server/db/schema';
import { blocksToText, readDocx } from '../src/server/platform/documents';
import {
  axeSerious,
  chooseOption,
  consoleLogin,
  DEMO_PASSWORD,
  type E2E,
  pickInSelect,
  startE2E,
} from './harness';

let e: E2E;
let queryCode = '';
// The server runs on the real clock: every action is dated "today" (China time), whatever day that is.
const today = chinaDate(new Date());

beforeAll(async () => {
  e = await startE2E({ demo: true });
  await e.server.db.database.db
    .update(users)
    .set({ mustChangePassword: false })
    .where(inArray(users.username, ['fgw_liaison', 'office', 'leader']));
});
afterAll(async () => {
  await e?.close();
});

describe('[PORTAL] 依申请公开', () => {
  it('applies without JavaScript and gets a query code; the status page shows no personal data', async () => {
    const ctx = await e.browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${e.base}/ysqgk/apply`);
    await page.getByLabel('受理机关').selectOption({ label: '区发展改革委' });
    await page.getByLabel('姓名或者名称').fill('王小明');
    await page.getByLabel('证件号码').fill('11010519491231002X');
    await page.getByLabel('联系电话').fill('13900139000');
    await page.getByLabel(/所需政府信息的名称/).fill('2026年区级重点项目计划');
    const question = (await page.locator('label[for=f-answer]').textContent()) ?? '';
    const [, a, b] = /(\d+) 加 (\d+)/.exec(question)!;
    await page.getByLabel(/验证问题/).fill(String(Number(a) + Number(b)));
    await page.getByRole('button', { name: '提交申请' }).click();
    queryCode = (await page.getByTestId('query-code').textContent()) ?? '';
    expect(queryCode).toMatch(/^[A-Z0-9]{12}$/);
    await page.getByRole('link', { name: '查询办理进度' }).click();
    const status = (await page.getByTestId('case-status').textContent()) ?? '';
    expect(status).toContain('待确认收到');
    expect(await page.content()).not.toContain('王小明');
    await ctx.close();
  });

  it('portal pages pass axe (no serious or critical violations)', async () => {
    const page = await e.browser.newPage();
    for (const p of ['/ysqgk', '/ysqgk/apply', `/ysqgk/query?code=${queryCode}`, '/xxgk/nb']) {
      await page.goto(`${e.base}${p}`);
      expect(await axeSerious(page), p).toEqual([]);
    }
    await page.close();
  });
});

describe('[ADMIN] 依申请公开', () => {
  it('runs the case from receipt to a 部分公开 letter and shows it in the statistics', async () => {
    const page = await e.browser.newPage({ acceptDownloads: true });
    await consoleLogin(page, e.base, 'fgw_liaison', DEMO_PASSWORD);
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));
    await page.goto(`${e.base}/admin/requests/cases`);
    await page.getByTestId('requests-page').waitFor();
    const row = page.locator('.ant-table-row', { hasText: '2026年区级重点项目计划' });
    await row.getByRole('link').click();
    await page.getByTestId('case-detail-page').waitFor();

    const act = async (action: string, fields: Record<string, string>) => {
      await page.getByTestId(`action-${action}`).click();
      const form = page.getByTestId('action-form');
      await form.waitFor();
      for (const [name, value] of Object.entries(fields))
        await form.getByTestId(`action-${name}`).fill(value);
      await page.getByTestId('action-submit').click();
      await form.waitFor({ state: 'detached' });
    };

    // Register the receipt (网上申请: 双方确认之日, 条例第三十一条).
    await act('confirm_receipt', { confirmedOn: today });
    await expect.poll(() => page.getByTestId('case-status').textContent()).toContain('办理中');
    await act('request_correction', { date: today, missing: '请写明项目计划的文号' });
    await expect.poll(() => page.getByTestId('case-status').textContent()).toContain('待补正');
    await act('receive_correction', { date: today });
    await expect.poll(() => page.getByTestId('case-status').textContent()).toContain('办理中');
    const dueBefore = await page.getByTestId('case-due').textContent();
    // The clerk asks for the extension; the 工作机构负责人 (leader) approves it in the system (条例第三十三条第二款).
    await act('extend', { days: '10', reason: '需要汇总多个科室的项目材料' });
    await expect.poll(() => page.getByTestId('extension-status').textContent()).toContain('待审批');
    expect(await page.getByTestId('case-due').textContent()).toBe(dueBefore);
    const caseUrl = page.url();
    const approver = await e.browser.newPage();
    await consoleLogin(approver, e.base, 'leader', DEMO_PASSWORD);
    await approver.waitForURL((u) => !u.pathname.endsWith('/login'));
    await approver.goto(caseUrl);
    await approver.getByTestId('extension-card').waitFor();
    await approver.getByTestId('extension-notifiedOn').fill(today);
    await approver.getByTestId('extension-approve').click();
    await expect.poll(() => approver.getByTestId('extension-status').textContent()).toContain('已批准');
    await approver.close();
    await page.reload();
    await expect.poll(() => page.getByTestId('case-due').textContent()).not.toBe(dueBefore);
    expect(await page.getByTestId('case-trace').textContent()).toContain('谢子清');

    // Reply 部分公开 with its basis (条例第三十七条).
    await page.getByTestId('action-reply').click();
    const form = page.getByTestId('action-form');
    // 法律依据 is marked required exactly when the chosen outcome needs one (as the server checks it).
    const basisLabel = form.locator('label', { hasText: '法律依据' });
    expect(await basisLabel.getAttribute('class')).not.toContain('ant-form-item-required');
    // The option is clicked in the open list once it is filtered (not Enter: on a loaded machine Enter can land
    // before the list is filtered), and no fading list is left to take the next click.
    await chooseOption(page, 'action-outcome', '部分公开', true);
    await expect.poll(() => form.getByText('（二）部分公开').count()).toBeGreaterThan(0);
    await expect.poll(() => basisLabel.getAttribute('class')).toContain('ant-form-item-required');
    await chooseOption(page, 'action-legalBasis', '第三十七条');
    await form.getByTestId('action-date').fill(today);
    await form.getByLabel('答复说明').fill('王小明：你申请的2026年区级重点项目计划部分公开，清单见附件。');
    await page.getByTestId('action-submit').click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('case-status').textContent()).toContain('已办结');
    expect(await page.getByTestId('case-outcome').textContent()).toContain('部分公开');

    // Generate and download the letter; open the .docx and read it.
    await pickInSelect(page, page.getByTestId('letter-kind'), '政府信息公开申请答复书（部分公开）');
    await page.getByTestId('letter-date').fill(today);
    await page.getByTestId('letter-generate').click();
    const download = page.waitForEvent('download');
    await page.getByTestId('letter-download-reply_partial-1').click();
    const file = await (await download).path();
    const text = blocksToText(readDocx(new Uint8Array(fs.readFileSync(file))));
    expect(text).toContain('政府信息公开申请答复书（部分公开）');
    expect(text).toContain('王小明');
    expect(text).toContain('行政复议');

    // 依申请转主动公开: a draft item holding the de-identified reply opens in the editor (SECURITY.md 36).
    const back = page.url();
    await pickInSelect(page, page.getByTestId('proactive-category'), '重大建设项目', { search: true });
    await page.getByTestId('proactive-make').click();
    await page.waitForURL((u) => u.pathname.startsWith('/admin/disclosure/items/'));
    await expect.poll(() => page.locator('body').textContent()).toContain('清单见附件');
    expect(await page.locator('body').textContent()).not.toContain('王小明');
    await page.goto(back);
    await page.getByTestId('case-detail-page').waitFor();
    await expect.poll(() => page.getByTestId('case-timeline').textContent()).toContain('依申请转主动公开');
    expect(await page.getByTestId('proactive-card').count()).toBe(0);

    // Statistics of this year.
    await page.goto(`${e.base}/admin/requests/stats`);
    await page.getByTestId('requests-stats-page').waitFor();
    // The page opens on the current year (China time), the year of `today`.
    expect(await page.getByLabel('年度').inputValue()).toBe(today.slice(0, 4));
    await expect.poll(() => page.getByTestId('stats-families').textContent()).toContain('部分公开：1');
    await page.getByTestId('chart-by-month').locator('canvas').waitFor();
    await page.close();
  });

  it('the office produces a valid annual report with the case in table 三 and publishes it', async () => {
    const db = e.server.db.database.db;
    const fgwUnit = (await db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
    const year = today.slice(0, 4);
    const page = await e.browser.newPage({ acceptDownloads: true });
    await consoleLogin(page, e.base, 'office', DEMO_PASSWORD);
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));
    await page.goto(`${e.base}/admin/reports`);
    await page.getByTestId('reports-page').waitFor();
    await page.goto(`${e.base}/admin/reports/${fgwUnit}/${year}`);
    await page.getByTestId('report-editor-page').waitFor();
    // The 部分公开 reply above is counted under （二） for 自然人.
    expect(await page.locator('[data-cell="table3.r2.natural_person"]').textContent()).toBe('1');
    await page.getByTestId('report-overview').fill(`${year}年，区发展改革委依法办理政府信息公开申请。`);
    await page.getByLabel('art20_5.licensing.decisions').fill('12');
    await page.getByTestId('report-save').click();
    await expect.poll(() => page.getByTestId('report-validation').textContent()).toContain('发布期限');
    await page.getByTestId('report-publish').click();
    // The current year has not ended: publishing early asks for a reason (kept in the audit log).
    await page.getByTestId('report-early-reason').fill('演示：年度结束前试发布');
    await page.getByRole('button', { name: '提前发布' }).click();
    await expect.poll(() => page.getByTestId('report-validation').textContent()).toContain('已于');
    const download = page.waitForEvent('download');
    await page.getByTestId('report-export-docx').click();
    const text = blocksToText(readDocx(new Uint8Array(fs.readFileSync(await (await download).path()))));
    expect(text).toContain('三、收到和处理政府信息公开申请情况');
    await page.goto(`${e.base}/xxgk/nb`);
    await page.getByRole('link', { name: `区发展改革委${year}年政府信息公开工作年度报告` }).click();
    expect(await page.locator('article').textContent()).toContain('依法办理政府信息公开申请');
    expect(await axeSerious(page), 'published report').toEqual([]);
    await page.close();
  });

  it('a liaison of another unit does not see the case', async () => {
    await e.server.db.database.db
      .update(users)
      .set({ mustChangePassword: false })
      .where(eq(users.username, 'jw_liaison'));
    const page = await e.browser.newPage();
    await consoleLogin(page, e.base, 'jw_liaison', DEMO_PASSWORD);
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));
    const r = await page.evaluate(async () => (await fetch('/api/requests/cases')).json());
    expect((r as { data: { total: number } }).data.total).toBe(0);
    await page.close();
  });
});
