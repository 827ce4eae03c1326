// [ADMIN] the ledgers (issue 14 part 6) and lists sized for 1366 × 768: every column visible without scrolling sideways, a long
// task's full text opened with 展开, a task expanded onto its units, the filter by unit, bulk 催办 of a sub-row.
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, units, users } from '../src/server/db/schema';
import { commitPlan } from '../src/server/modules/tasks';
import { systemActor } from '../src/server/platform/context';
import { axeSerious, consoleLogin, DEMO_PASSWORD, type E2E, pickInSelect, startE2E } from './harness';

const LONG =
  '围绕优化营商环境、保障和改善民生，及时公开重大建设项目批准和实施、公共资源配置、社会公益事业建设领域政府信息，' +
  '做好政策文件的解读和回应关切工作，推动政务公开标准化规范化向基层延伸，最后这句话必须完整可读。';
const UNITS = ['区发展改革委', '区教委', '区财政局', '区人力社保局', '区生态环境局'];

let e: E2E;
let page: Page;

beforeAll(async () => {
  e = await startE2E({ demo: true });
  const db = e.server.db.database.db;
  await db.update(users).set({ mustChangePassword: false });
  const id = new Map((await db.select().from(units)).map((u) => [u.name, u.id]));
  const u = (name: string) => ({ written: name, unitIds: [id.get(name)!] });
  await commitPlan(
    e.server.db.database,
    systemActor('e2e'),
    {
      title: '2026年政务公开工作任务分工',
      issuer: null,
      docNumber: null,
      date: null,
      year: 2026,
      fingerprint: 'c'.repeat(64),
      cadence: 'quarter',
      replace: false,
      tasks: [
        ...[1, 2, 3].map((n) => ({
          ref: `T${n}`,
          section: ['一、重点领域信息公开'],
          text: n === 1 ? LONG.repeat(2) : `任务${n}：做好政策解读。`,
          measures: [],
          leadUnits: [u(UNITS[0]!)],
          responsibleUnits: UNITS.slice(1).map(u),
          deadlines: [{ kind: 'date' as const, date: '2026-12-31', raw: '2026年底前' }],
          disclosurePaths: [],
        })),
        // A quarterly task: one assignment per unit and quarter.
        {
          ref: 'T4',
          section: ['一、重点领域信息公开'],
          text: '按季度更新重大建设项目进展情况。',
          measures: [],
          leadUnits: [u(UNITS[0]!)],
          responsibleUnits: [u(UNITS[1]!)],
          deadlines: [{ kind: 'recurring' as const, every: 'quarter' as const, raw: '每季度' }],
          disclosurePaths: [],
        },
      ],
    },
    'e2e',
  );
  const ctx = await e.browser.newContext({ viewport: { width: 1366, height: 768 } });
  page = await ctx.newPage();
  await consoleLogin(page, e.base, 'office', DEMO_PASSWORD);
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
}, 120_000);
afterAll(async () => {
  await e?.close();
});

describe('[ADMIN] ledger by task at 1366 px', () => {
  it('shows every column, the full text, a task expanded, filters by unit and reminds in bulk', async () => {
    await page.goto(`${e.base}/admin/tasks/by-task`);
    const table = page.getByTestId('task-ledger').getByTestId('data-table');
    await table.locator('.ant-table-row', { hasText: 'T3' }).waitFor();

    // Every header cell lies within the window; nothing scrolls sideways.
    const headers = await table
      .locator('thead th')
      .evaluateAll((ths) =>
        ths.map((th) => [th.textContent ?? '', th.getBoundingClientRect().right] as const),
      );
    for (const title of ['编号', '任务', '牵头单位', '完成时限', '进度', '状态', '操作'])
      expect(headers.some(([t]) => t.includes(title))).toBe(true);
    for (const [, right] of headers) expect(right).toBeLessThanOrEqual(1366);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);

    // A quarterly task names its lead once, not once per quarter.
    const t4 = await table.locator('.ant-table-row', { hasText: 'T4' }).textContent();
    expect(t4?.split('区发展改革委').length).toBe(2);

    // The long text folds; 展开 shows all of it.
    const t1 = table.locator('.ant-table-row', { hasText: 'T1' });
    await t1.getByText('展开').click();
    await expect.poll(() => t1.textContent()).toContain(`${LONG.repeat(2)}收起`);

    // Expanded: one sub-row per unit, the lead first.
    await t1.getByRole('button', { name: /展开行|Expand row/ }).click();
    const subRows = page.getByTestId('units-T1').locator('tbody .ant-table-row');
    await expect.poll(() => subRows.count()).toBe(5);
    expect(await subRows.first().textContent()).toContain('区发展改革委牵头');
    // The expanded ledger under axe (its sub-rows' checkboxes included).
    expect(await axeSerious(page)).toEqual([]);

    // Filter by unit: only 区教委's sub-rows.
    const unitFilter = page.locator('.ant-select', { has: page.getByLabel('单位', { exact: true }) });
    await pickInSelect(page, unitFilter, '区教委', { search: true, tree: true, exact: true });
    await page.getByTestId('search-submit').click();
    await expect.poll(() => subRows.count()).toBe(1);
    expect(await subRows.first().textContent()).toContain('区教委');

    // Bulk 催办 of the selected sub-row: the liaison is told.
    await subRows.first().getByRole('checkbox').check();
    await page.getByTestId('bulk-remind').click();
    await page.getByLabel(/催办内容/).fill('请本周内报送进展');
    await page.getByRole('button', { name: '发送催办' }).click();
    await page.getByText('已催办 1 项').waitFor();
    const db = e.server.db.database.db;
    const [jw] = await db.select().from(users).where(eq(users.username, 'jw_liaison'));
    const notes = await db.select().from(notifications).where(eq(notifications.userId, jw!.id));
    expect(notes.map((n) => [n.title, n.body])).toEqual([
      ['催办：任务 T1（完成时限 2026-12-31）', '请本周内报送进展'],
    ]);
  });
});

describe('[ADMIN] ledger by assignment at 1366 px', () => {
  it('shows every column without scrolling sideways, the task text wrapped whole in its column', async () => {
    await page.goto(`${e.base}/admin/tasks/ledger`);
    const table = page.getByTestId('tasks-ledger').getByTestId('data-table');
    await table.locator('.ant-table-row', { hasText: 'T4' }).first().waitFor();
    const box = table.locator('.ant-table-content').first();
    expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    const headers = await table.locator('thead th').allTextContents();
    for (const title of ['编号', '任务', '单位', '完成时限', '状态', '最近报送', '操作'])
      expect(headers.some((t) => t.includes(title))).toBe(true);
    // The long task: folded inside its cell (no text running under the next column), whole in the title.
    const text = table.locator('.ant-table-row', { hasText: 'T1' }).first().locator('.gk-clamp');
    const [textRight, cellRight] = await text.evaluate((el) => [
      el.getBoundingClientRect().right,
      el.closest('td')!.getBoundingClientRect().right,
    ]);
    expect(textRight).toBeLessThanOrEqual(cellRight!);
    expect(await text.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await text.locator('xpath=..').getAttribute('title')).toBe(LONG.repeat(2));
  });
});

describe('[ADMIN] lists sized for 1366 px (FITS_1366)', () => {
  it.each([
    ['/admin/interaction/commitments', 'commitment-table'],
    ['/admin/interaction/qa', 'qa-table'],
    ['/admin/disclosure/decisions', 'decisions-table'],
  ])('%s shows every column without scrolling sideways', async (path, testId) => {
    await page.goto(`${e.base}${path}`);
    const box = page.getByTestId(testId).getByTestId('data-table').locator('.ant-table-content').first();
    await box.waitFor();
    expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  });
});

describe('[ADMIN] the import preview at 1366 px', () => {
  it('shows every column without scrolling sideways: doubts under the number, 公开路径 under the task', async () => {
    await page.goto(`${e.base}/admin/tasks/import`);
    await page
      .getByLabel('粘贴的通知文字')
      .fill(
        '关于印发2026年政务公开工作要点任务分工的通知\n一、推进决策公开\n1.做好政策解读工作，提高解读质量。（责任单位：区发展改革委）\n2.公开年度预算和决算信息。（责任单位：区财政局）',
      );
    await page.getByTestId('tasks-paste-submit').click();
    await page.getByTestId('tasks-preview').waitFor({ timeout: 30_000 });
    const table = page.getByTestId('tasks-preview-table');
    const box = table.locator('.ant-table-content').first();
    expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    const headers = await table.locator('thead th').allTextContents();
    for (const title of ['编号', '板块', '任务与举措', '牵头单位', '责任单位', '完成时限'])
      expect(headers.some((t) => t.includes(title))).toBe(true);
    expect(await page.getByTestId('paths-T001').textContent()).toContain('公开路径');
  });
});

describe('[ADMIN] the ledger opened from its address', () => {
  it('names its own code for preloading and starts the first requests from the async boot script', async () => {
    const html = await (await fetch(`${e.base}/admin/tasks/by-task`)).text();
    // The boot script first in the head, async, so that the user and the plan list leave before the main bundle.
    expect(html).toMatch(
      /<head>\s*<script type="module" async crossorigin src="\/admin\/assets\/boot-[\w-]+\.js">/,
    );
    const preloads = [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map(
      (m) => m[1]!,
    );
    expect(preloads.filter((href) => /\/TaskLedgerPage-[\w-]+\.js$/.test(href))).toHaveLength(1);
    // Every named file is there, as JavaScript.
    for (const href of preloads) {
      const res = await fetch(`${e.base}${href}`);
      expect([href, res.status, res.headers.get('content-type')]).toEqual([
        href,
        200,
        expect.stringContaining('javascript'),
      ]);
    }
    // The sign-in page and another page do not load the ledger's code.
    for (const other of ['/admin/login', '/admin/requests/cases']) {
      expect(await (await fetch(`${e.base}${other}`)).text()).not.toContain('TaskLedgerPage-');
    }
    // And the page, opened there, shows its rows.
    await page.goto(`${e.base}/admin/tasks/by-task`);
    await page.getByTestId('task-ledger').locator('.ant-table-row', { hasText: 'T3' }).waitFor();
  });
});
