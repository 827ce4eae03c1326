// [ADMIN] a liaison drafts an item in the rich-text editor (a word made bold with the toolbar, a phone number in
// the body and one in an attached .xlsx), the check flags both, she masks them and the editor shows the masked body,
// three reviewers approve, the item appears on the portal (bold kept, a typed <script> shown as text) and in search.
// A Word paste keeps paragraphs, bold, lists and tables, and the server stores what the editor produced. A
// reviewer's override needs the PIA fields. [PORTAL] axe on every page type.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORD_CLIPBOARD_SAMPLE } from '../src/admin/components/wordPaste.fixture';
import { units, users } from '../src/server/db/schema';
import { createUser } from '../src/server/modules/org/users.service';
import { systemActor } from '../src/server/platform/context';
import { normaliseEditorHtml } from '../test/editor-html';
import { axeSerious, chooseOption, consoleLogin, DEMO_PASSWORD, type E2E, startE2E } from './harness';

const PW = 'Review#Gongkai2';
let e: E2E;
let xlsxPath: string;
let itemId = '';
let withdrawnId = '';

beforeAll(async () => {
  e = await startE2E({ demo: true });
  const db = e.server.db.database;
  const fgw = (await db.db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!;
  for (const username of ['fgw_r2', 'fgw_r3'])
    await createUser(
      db,
      e.server.platform.fieldKeys,
      { dataScope: 'all', unitId: fgw.id, roles: ['sysadmin'], id: 'x' },
      systemActor('test'),
      {
        username,
        name: username === 'fgw_r2' ? '赵复审' : '钱终审',
        unitId: fgw.id,
        roles: ['reviewer'],
        password: PW,
      },
      new Date(),
    );
  await db.db
    .update(users)
    .set({ mustChangePassword: false })
    .where(inArray(users.username, ['fgw_liaison', 'fgw_reviewer', 'fgw_r2', 'fgw_r3']));
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('名单').addRow(['序号', '企业名称', '联系电话']);
  wb.getWorksheet('名单')!.addRow([1, '某某建材有限公司', '13812345678']);
  xlsxPath = path.join(os.tmpdir(), `补贴名单-${process.pid}.xlsx`);
  fs.writeFileSync(xlsxPath, new Uint8Array(await wb.xlsx.writeBuffer()));
});
afterAll(async () => {
  await e?.close();
  fs.rmSync(xlsxPath, { force: true });
});

/** The item's stored body, read through the API with the page's session. */
async function itemBody(page: Page, id: string): Promise<string> {
  const res = await page.request.get(`${e.base}/api/disclosure/items/${id}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { data: { bodyHtml: string } }).data.bodyHtml;
}

async function loggedIn(username: string, password: string): Promise<Page> {
  const ctx = await e.browser.newContext();
  const page = await ctx.newPage();
  await consoleLogin(page, e.base, username, password);
  await page.waitForURL((u) => u.pathname.startsWith('/admin') && !u.pathname.endsWith('/login'));
  return page;
}

describe('[ADMIN] draft, check, mask, three reviews, publish', () => {
  it('the liaison writes the body in the editor, bolds a word, attaches an .xlsx, masks both phone numbers', async () => {
    const page = await loggedIn('fgw_liaison', DEMO_PASSWORD);
    await page.goto(`${e.base}/admin/disclosure/items`);
    await page.getByTestId('item-create').click();
    await page.getByTestId('item-title').fill('2026年工业企业技改补贴名单公示');
    const body = page.getByTestId('item-body');
    await body.fill('现将2026年工业企业技改补贴名单予以公示，详见附件');
    await body.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('联系电话：13912345678');
    await page.keyboard.press('Enter');
    await page.keyboard.type('<script>alert(1)</script>');
    // Select the last four characters of the first paragraph and make them bold with the toolbar, as in Word.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowLeft');
    const bold = page.getByRole('button', { name: /^加粗/ });
    await bold.click();
    expect(await bold.getAttribute('aria-pressed')).toBe('true');
    // Without 公开类别 (PUB-6) the form says so and saves nothing; then the liaison chooses one.
    await page.getByTestId('item-save').click();
    await page.locator('.ant-form-item-explain-error', { hasText: '请选择公开类别' }).waitFor();
    await chooseOption(page, 'item-category', '其他应主动公开的信息', true);
    await page.getByTestId('item-save').click();
    await page.waitForURL(/\/admin\/disclosure\/items\/[0-9a-f-]{36}$/);
    itemId = page.url().split('/').pop()!;

    // Stored (after the server's sanitiser): bold kept, the typed tag is text.
    const saved = await itemBody(page, itemId);
    expect(saved).toBe(
      '<p>现将2026年工业企业技改补贴名单予以公示，<strong>详见附件</strong></p>' +
        '<p>联系电话：13912345678</p><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
    // Reloaded, the editor shows the bold word again.
    await page.reload();
    expect(await body.locator('strong').textContent()).toBe('详见附件');
    expect(await body.locator('script').count()).toBe(0);

    await page.getByTestId('item-upload-input').setInputFiles(xlsxPath);
    const mobiles = page.getByTestId('checks-panel').locator('[data-kind=mobile]');
    await mobiles.filter({ hasText: '13812345678' }).waitFor();
    expect(await mobiles.filter({ hasText: '13912345678' }).count()).toBe(1);
    await page.getByTestId('gate-blocked').waitFor();
    await page.getByTestId('mask-all').click();
    await page.getByTestId('gate-ok').waitFor();
    expect(await mobiles.count()).toBe(0);
    // The server masked the body: the form is reset from the refetched item and the editor shows it.
    await expect.poll(() => body.textContent()).toContain('联系电话：139****5678');
    expect(await body.textContent()).not.toContain('13912345678');
    expect(await body.locator('strong').textContent()).toBe('详见附件');
    // Saving again sends the masked body (the form value, not only the editor's display, was reset).
    await page.getByTestId('item-save').click();
    await page.getByText('已保存').waitFor();
    expect(await itemBody(page, itemId)).toContain('<p>联系电话：139****5678</p>');
    expect(await itemBody(page, itemId)).not.toContain('13912345678');
    await page.getByTestId('item-submit').click();
    await page.getByText('待初审').waitFor();
    await page.context().close();
  });

  it.each([
    ['fgw_reviewer', '初审', DEMO_PASSWORD],
    ['fgw_r2', '复审', PW],
    ['fgw_r3', '终审', PW],
  ])('%s approves at %s', async (username, level, password) => {
    const page = await loggedIn(username, password);
    await page.goto(`${e.base}/admin/disclosure/inbox`);
    await page.getByTestId('inbox-table').locator('.ant-table-row').first().waitFor();
    await page.getByTestId('item-link').filter({ hasText: '技改补贴名单' }).click();
    // In review the body is read-only: the same HTML, no toolbar.
    const body = page.getByTestId('item-body');
    expect(await body.locator('strong').textContent()).toBe('详见附件');
    expect(await body.getAttribute('contenteditable')).toBe('false');
    expect(await page.getByRole('toolbar', { name: '正文格式' }).count()).toBe(0);
    await page.getByTestId('item-approve').filter({ hasText: level }).click();
    await page.getByText('已通过', { exact: true }).waitFor();
    await page.context().close();
  });

  it('the item is on the portal, with the masked attachment, and in search', async () => {
    const page = await e.browser.newPage();
    const res = await page.goto(`${e.base}/xxgk/info/${itemId}`);
    expect(res!.status()).toBe(200);
    await page.getByRole('heading', { name: '2026年工业企业技改补贴名单公示' }).waitFor();
    expect(await page.getByRole('link', { name: /补贴名单-\d+\.xlsx/ }).count()).toBe(1);
    const body = page.locator('.item-body');
    expect(await body.locator('strong').textContent()).toBe('详见附件');
    expect(await body.textContent()).toContain('联系电话：139****5678');
    expect(await body.textContent()).toContain('<script>alert(1)</script>');
    expect(await body.locator('script').count()).toBe(0);
    await page.goto(`${e.base}/xxgk/search?q=${encodeURIComponent('技改补贴')}`);
    const hit = page.locator(`a[href="/xxgk/info/${itemId}"]`);
    await hit.waitFor();
    expect(await hit.locator('mark').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('a paste from Word keeps paragraphs, bold, lists and tables; the server stores what the editor produced', async () => {
    const page = await loggedIn('fgw_liaison', DEMO_PASSWORD);
    await page.goto(`${e.base}/admin/disclosure/items/new`);
    await page.getByTestId('item-title').fill('Word 粘贴示例');
    await chooseOption(page, 'item-category', '规划信息', true);
    const body = page.getByTestId('item-body');
    await body.click();
    await page.evaluate((html) => {
      const el = document.querySelector('[data-testid=item-body]')!;
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', '一、工作目标');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, WORD_CLIPBOARD_SAMPLE);
    await body.locator('table').waitFor();
    expect(await body.locator('p > strong').first().textContent()).toBe('一、工作目标');
    expect(await body.locator(':scope > ol > li').count()).toBe(2);
    expect(await body.locator(':scope > ol > li > ol > li').textContent()).toBe('按部门分解');
    expect(await body.locator(':scope > ul > li').allTextContents()).toEqual(['主动公开', '依申请公开']);
    expect(await body.locator('td[colspan="2"]').textContent()).toBe('各单位按季度报送');
    // The list markers Word typed ("1.", "a)", the Wingdings "l") are gone, not left in the text.
    expect(await body.textContent()).not.toMatch(/1\.|a\)|l\s*主动/);
    const html = await page.evaluate(() =>
      (
        document.querySelector('[data-testid=item-body]') as unknown as { editor: { getHTML(): string } }
      ).editor.getHTML(),
    );
    await page.getByTestId('item-save').click();
    await page.waitForURL(/\/admin\/disclosure\/items\/[0-9a-f-]{36}$/);
    const saved = await itemBody(page, page.url().split('/').pop()!);
    // The sanitiser's only changes: style attributes dropped, void elements written <col />.
    expect(saved).toBe(normaliseEditorHtml(html));
    // The editor and its toolbar (Chinese names on every button) have no serious accessibility problems.
    await page.reload();
    await body.locator('table').waitFor();
    expect(await page.getByRole('toolbar', { name: '正文格式' }).getByRole('button').count()).toBeGreaterThan(
      15,
    );
    expect(await axeSerious(page, '.gk-rte')).toEqual([]);
    await page.context().close();
  });
});

describe('[ADMIN] a reviewer overrides a blocking finding with a PIA (SECURITY.md 34)', () => {
  it('the form asks for the reason and the three PIA fields; without them nothing is stored', async () => {
    // The liaison drafts and submits through the API with her browser session (the form itself is tested above).
    const author = await loggedIn('fgw_liaison', DEMO_PASSWORD);
    const csrf = (await author.context().cookies()).find((c) => c.name === 'gk_csrf')!.value;
    const post = async (url: string, data: unknown) => {
      const r = await author.request.post(`${e.base}${url}`, { headers: { 'x-csrf-token': csrf }, data });
      expect(r.status(), url).toBeLessThan(300);
      return ((await r.json()) as { data: { id: string } }).data;
    };
    const { id } = await post('/api/disclosure/items', {
      title: '2026年困难群众临时救助名单',
      art20: 'art20_15',
      bodyHtml: '<p>救助对象身份证号 11010519491231002X</p>',
    });
    await post(`/api/disclosure/items/${id}/submit`, {});
    await author.context().close();

    const page = await loggedIn('fgw_reviewer', DEMO_PASSWORD);
    await page.goto(`${e.base}/admin/disclosure/items/${id}`);
    await page.getByTestId('gate-blocked').waitFor();
    await page.getByRole('button', { name: '说明理由后放行' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('override-reason').fill('依法公示，已告知本人');
    await dialog.getByRole('button', { name: /^放\s*行$/ }).click();
    // The server refuses the missing PIA in Chinese; the dialog stays open and nothing is stored.
    await page.getByText('请填写处理目的及依据').first().waitFor();
    const count = async () =>
      Number(
        (
          await e.server.db.database.pool.query<{ n: string }>(
            'SELECT count(*) AS n FROM disclosure_pia_records WHERE item_id = $1',
            [id],
          )
        ).rows[0]!.n,
      );
    expect(await count()).toBe(0);
    await dialog.getByTestId('override-purpose').fill('依据《社会救助暂行办法》公示救助对象');
    await dialog.getByTestId('override-impact').fill('身份证号公开可能被冒用');
    await dialog.getByTestId('override-measures').fill('公示7日后撤下');
    // Not anchored at the start: after the refused try, antd may still be animating the button's spinner away
    // (its accessible name is then "loading 放 行" for a moment, longer on a loaded machine).
    await dialog.getByRole('button', { name: /放\s*行$/ }).click();
    await page.getByText('已放行：依法公示，已告知本人').waitFor();
    await page.getByTestId('gate-ok').waitFor();
    expect(await count()).toBe(1);
    const [rec] = (
      await e.server.db.database.pool.query<{ purpose: string; measures: string; finding_masked: string }>(
        'SELECT purpose, measures, finding_masked FROM disclosure_pia_records WHERE item_id = $1',
        [id],
      )
    ).rows;
    expect(rec).toEqual({
      purpose: '依据《社会救助暂行办法》公示救助对象',
      measures: '公示7日后撤下',
      finding_masked: expect.not.stringContaining('11010519491231002X'),
    });
    await page.context().close();
  });
});

describe('[PORTAL] accessibility of every page type', () => {
  beforeAll(async () => {
    // A withdrawn item for the withdrawn (404) page.
    const page = await loggedIn('fgw_liaison', DEMO_PASSWORD);
    await page.goto(`${e.base}/admin/disclosure/items/new`);
    await page.getByTestId('item-title').fill('撤回示例');
    await chooseOption(page, 'item-category', '其他应主动公开的信息', true);
    await page.getByTestId('item-save').click();
    await page.waitForURL(/\/admin\/disclosure\/items\/[0-9a-f-]{36}$/);
    withdrawnId = page.url().split('/').pop()!;
    await page.context().close();
    const db = e.server.db.database;
    const { disclosureItems } = await import('../src/server/db/schema');
    await db.db
      .update(disclosureItems)
      .set({ status: 'withdrawn', withdrawnAt: new Date(), withdrawReason: '信息有误' })
      .where(eq(disclosureItems.id, withdrawnId));
  });

  /** A unit with an edited 指南 (条例 Art. 12): its portal page shows the office's text and contact table. */
  async function editedGuide(): Promise<string> {
    const { disclosureUnitSettings, units } = await import('../src/server/db/schema');
    const db = e.server.db.database.db;
    const [u] = await db.select().from(units).where(eq(units.name, '区发展改革委'));
    const guide = {
      classification: '按机构职能、法规文件、规划信息分类编排。',
      howToObtain: '通过门户网站查阅，或依申请公开。',
      officeName: '区发展改革委办公室',
      address: '兴潼大道 1 号',
      hours: '工作日 9:00—17:30',
      phone: '023-44551234',
      fax: '023-44551235',
      website: 'https://www.example.gov.cn/fgw/',
      email: 'fgw@example.gov.cn',
    };
    await db
      .insert(disclosureUnitSettings)
      .values({ unitId: u!.id, guide })
      .onConflictDoUpdate({ target: disclosureUnitSettings.unitId, set: { guide } });
    return `/xxgk/guide?unit=${u!.id}`;
  }

  it.each([
    ['/xxgk', 200],
    ['/xxgk/zn', 200],
    ['/xxgk/fdzdgknr', 200],
    ['ITEM', 200],
    ['/xxgk/gfxwj', 200],
    ['/xxgk/zfgs', 200],
    ['/xxgk/guide', 200],
    ['GUIDE', 200],
    ['/xxgk/search?q=补贴', 200],
    ['/xxgk/units', 200],
    ['UNIT', 200],
    ['UNIT_COLUMN', 200],
    ['WITHDRAWN', 404],
    ['/xxgk/info/00000000-0000-0000-0000-000000000000', 404],
  ])('%s has no serious or critical axe violations', async (p, status) => {
    let url = p === 'ITEM' ? `/xxgk/info/${itemId}` : p === 'WITHDRAWN' ? `/xxgk/info/${withdrawnId}` : p;
    if (p === 'GUIDE') url = await editedGuide();
    if (p === 'UNIT' || p === 'UNIT_COLUMN') {
      // 区发展改革委's own catalog, where the liaison's item was filed.
      const [u] = await e.server.db.database.db.select().from(units).where(eq(units.name, '区发展改革委'));
      url = `/xxgk/unit/${u!.id}${p === 'UNIT_COLUMN' ? '/fdzdgknr' : ''}`;
    }
    const page = await e.browser.newPage();
    const res = await page.goto(`${e.base}${url}`);
    expect(res!.status()).toBe(status);
    if (p === 'GUIDE') expect(await page.textContent('main')).toContain('023-44551234');
    expect(await axeSerious(page)).toEqual([]);
    await page.close();
  });

  it('large-font and high-contrast modes (适老化) work without JavaScript and stay axe-clean', async () => {
    const ctx = await e.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 375, height: 740 },
    });
    const page = await ctx.newPage();
    await page.goto(`${e.base}/xxgk/info/${itemId}`);
    const before = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    await page.getByRole('link', { name: '大字模式' }).click();
    await page.getByRole('link', { name: '高对比度' }).click();
    expect(new URL(page.url()).pathname).toBe(`/xxgk/info/${itemId}`);
    const after = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(Number.parseFloat(after)).toBeGreaterThan(Number.parseFloat(before));
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
    await ctx.close();
    const check = await e.browser.newContext({ viewport: { width: 375, height: 740 } });
    await check.addCookies([{ name: 'gk_a11y', value: 'large,contrast', url: e.base }]);
    const p2 = await check.newPage();
    await p2.goto(`${e.base}/xxgk/info/${itemId}`);
    expect(await axeSerious(p2)).toEqual([]);
    await check.close();
  });
});
