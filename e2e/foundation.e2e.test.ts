// [ADMIN] foundation walk-through and [PORTAL] accessibility of the home page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { units } from '../src/server/db/schema';
import { createUser } from '../src/server/modules/org/users.service';
import { systemActor } from '../src/server/platform/context';
import {
  ADMIN_PASSWORD,
  axeSerious,
  changePassword,
  consoleLogin,
  type E2E,
  pickInSelect,
  startE2E,
} from './harness';

const SEED_000 = new URL('../../shared/seeds/000_4dfb44639754fa34.txt', import.meta.url);
let e: E2E;
let docxPath: string;

beforeAll(async () => {
  e = await startE2E({ demo: false });
  const lines = fs.readFileSync(SEED_000, 'utf8').split('\n');
  const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph(l.trim())) }] });
  docxPath = path.join(os.tmpdir(), `领导小组通知-${process.pid}.docx`);
  fs.writeFileSync(docxPath, await Packer.toBuffer(doc));
});
afterAll(async () => {
  await e?.close();
  fs.rmSync(docxPath, { force: true });
});

describe('[ADMIN] foundation', () => {
  it('first login forces a password change', async () => {
    const page = await e.browser.newPage();
    // Nothing the sign-in and the first screens ask is refused (no 401 for a CSRF token before a session exists).
    const refused: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) refused.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    await consoleLogin(page, e.base, 'admin', ADMIN_PASSWORD);
    await changePassword(page, ADMIN_PASSWORD, 'Sys#Gongkai-2026');
    expect(new URL(page.url()).pathname).toMatch(/^\/admin\/?$/);
    await page.getByText('系统管理员').first().waitFor();
    expect(refused).toEqual([]);
    await page.close();
  });

  it('the office imports seed 000 as .docx, creates a liaison, and the liaison sees only its unit', async () => {
    // The office officer's account is created as the system admin would (not under test here).
    const db = e.server.db.database;
    const officeUnit = (await db.db.select().from(units).where(eq(units.name, '区政府办公室')))[0]!;
    await createUser(
      db,
      e.server.platform.fieldKeys,
      { dataScope: 'all', unitId: officeUnit.id, roles: ['sysadmin'], id: 'x' },
      systemActor('test'),
      {
        username: 'office1',
        name: '汤青青',
        unitId: officeUnit.id,
        roles: ['office'],
        password: 'Office#Init1',
      },
      new Date(),
    );

    const page = await e.browser.newPage();
    await consoleLogin(page, e.base, 'office1', 'Office#Init1');
    await changePassword(page, 'Office#Init1', 'Gk#Officer-2026');

    // Import the leading-group notice (.docx).
    await page.goto(`${e.base}/admin/org/leading-group`);
    await page.getByTestId('lg-import-open').click();
    await page.getByTestId('lg-import-drawer').locator('input[type=file]').setInputFiles(docxPath);
    await page.getByTestId('lg-preview').waitFor();
    await expect.poll(() => page.getByTestId('lg-matches').locator('.ant-table-row').count()).toBe(25);
    await page.getByTestId('lg-create-all').click();
    await page.getByTestId('lg-commit').click();
    await page.getByTestId('lg-success').waitFor();
    expect(await page.getByTestId('lg-success').textContent()).toContain('已导入 25 个成员单位');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('lg-members').locator('.ant-table-row').count()).toBe(25);

    // Create a liaison for 区发展改革委.
    await page.goto(`${e.base}/admin/org/users`);
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-username').fill('fgw1');
    await page.getByTestId('user-name').fill('李明');
    await pickInSelect(
      page,
      page
        .getByTestId('user-drawer')
        .locator('.ant-form-item', { hasText: '所属单位' })
        .locator('.ant-select'),
      '区发展改革委',
      { search: true, tree: true },
    );
    await page.getByTestId('user-drawer').getByLabel('角色').click();
    await page.keyboard.type('联络员');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.getByTestId('user-password').fill('Liaison#Init1');
    await page.getByTestId('user-save').click();
    await expect.poll(() => page.locator('.ant-table-row', { hasText: 'fgw1' }).count()).toBe(1);
    await page.getByRole('button', { name: /退出登录/ }).click();

    // The liaison logs in and sees only its own unit's users.
    await consoleLogin(page, e.base, 'fgw1', 'Liaison#Init1');
    await changePassword(page, 'Liaison#Init1', 'Gk#Liaison-2026');
    await page.goto(`${e.base}/admin/org/users`);
    await expect.poll(() => page.locator('.ant-table-row', { hasText: 'fgw1' }).count()).toBe(1);
    const rows = await page.locator('.ant-table-row').allInnerTexts();
    expect(rows.every((r) => r.includes('区发展改革委'))).toBe(true);
    expect(rows.some((r) => r.includes('office1'))).toBe(false);
    // A page of another role's says so, and its browser tab names the page refused.
    await page.goto(`${e.base}/admin/audit/logs`);
    await page.getByText('无权访问', { exact: true }).waitFor();
    expect(await page.title()).toBe('无权访问：审计日志 - 政务公开管理平台');
    // And the API refuses another unit's user outright.
    const status = await page.evaluate(async () => (await fetch('/api/org/users?pageSize=500')).json());
    expect((status as { data: { items: { username: string }[] } }).data.items.map((u) => u.username)).toEqual(
      ['fgw1'],
    );
    await page.close();
  });
});

describe('[PORTAL] home', () => {
  it('renders without JavaScript and passes axe (no serious or critical violations)', async () => {
    const ctx = await e.browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${e.base}/`);
    expect(await page.locator('h1').textContent()).toContain('政务公开');
    expect(await page.getByRole('link', { name: '政府信息公开指南' }).count()).toBeGreaterThan(0);
    await ctx.close();
    const js = await e.browser.newPage();
    for (const p of ['/', '/xxgk', '/xxgk/zn']) {
      await js.goto(`${e.base}${p}`);
      expect(await axeSerious(js), p).toEqual([]);
    }
    await js.close();
  });
});
