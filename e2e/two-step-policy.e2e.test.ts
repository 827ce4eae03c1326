// [ADMIN] 「后台账号必须启用两步验证：全部后台账号」 (SECURITY.md 4): an office account logged in by password is held on
// 两步验证 until it enrols an authenticator (the code computed here as a phone would), then reaches the console.
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSetting, putSetting } from '../src/server/platform/settings';
import { changePassword, consoleLogin, DEMO_PASSWORD, type E2E, startE2E } from './harness';

let e: E2E;

beforeAll(async () => {
  e = await startE2E({ demo: true, config: { require2fa: true } });
  // The demo district stores 仅三员; this deployment asks every console account.
  const stored = await getSetting<Record<string, unknown>>(e.tdb.database, 'security');
  await e.tdb.database.db.transaction((tx) =>
    putSetting(tx, 'security', { ...stored, twoFactorScope: 'all' }),
  );
});
afterAll(async () => {
  await e?.close();
});

describe('[ADMIN] two-step verification for every console account', () => {
  it('the office account must enrol before anything else, then works', async () => {
    const page = await e.browser.newPage();
    await consoleLogin(page, e.base, 'office', DEMO_PASSWORD);
    await changePassword(page, DEMO_PASSWORD, 'Tang#Qingqing-2026');
    await page.waitForURL('**/admin/two-step');
    await page.getByTestId('two-step-forced').waitFor();
    await page.goto(`${e.base}/admin/`);
    await page.waitForURL('**/admin/two-step');
    await page.getByTestId('two-step-start').click();
    const secret = ((await page.getByTestId('two-step-secret').textContent()) ?? '').trim();
    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate();
    await page.getByTestId('two-step-code').fill(code);
    await page.getByTestId('two-step-confirm').click();
    const list = page.getByTestId('two-step-recovery-codes');
    await list.waitFor();
    expect(((await list.textContent()) ?? '').match(/[0-9a-f]{5}-[0-9a-f]{5}/g)).toHaveLength(10);
    await page.getByRole('button', { name: /进入系统/ }).click();
    await page.waitForURL((u) => /^\/admin\/?$/.test(u.pathname));
    await page.getByText('汤青青').first().waitFor();
    await page.close();
  });
});
