// [ADMIN] login that cannot be turned against users: a 三员 account is sent to 两步验证 until it has an
// authenticator; after a few wrong passwords the login page asks an arithmetic question; then the second step.
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, changePassword, consoleLogin, type E2E, startE2E } from './harness';

let e: E2E;
const NEW_PASSWORD = 'Sys#Gongkai-2026';
let recovery: string[] = [];

beforeAll(async () => {
  e = await startE2E({ demo: false, config: { require2fa: true } });
});
afterAll(async () => {
  await e?.close();
});

describe('[ADMIN] two-step verification and the login challenge', () => {
  it('the system administrator must set up two-step verification before anything else', async () => {
    const page = await e.browser.newPage();
    await consoleLogin(page, e.base, 'admin', ADMIN_PASSWORD);
    await changePassword(page, ADMIN_PASSWORD, NEW_PASSWORD);
    await page.waitForURL('**/admin/two-step');
    await page.getByTestId('two-step-forced').waitFor();
    // Any other console page sends it back here.
    await page.goto(`${e.base}/admin/`);
    await page.waitForURL('**/admin/two-step');
    await page.getByTestId('two-step-start').click();
    const secret = ((await page.getByTestId('two-step-secret').textContent()) ?? '').trim();
    await page.getByText(/^otpauth:\/\/totp\//).waitFor();
    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate();
    await page.getByTestId('two-step-code').fill(code);
    await page.getByTestId('two-step-confirm').click();
    const list = page.getByTestId('two-step-recovery-codes');
    await list.waitFor();
    recovery = ((await list.textContent()) ?? '').match(/[0-9a-f]{5}-[0-9a-f]{5}/g) ?? [];
    expect(recovery).toHaveLength(10);
    await page.getByRole('button', { name: /进入系统/ }).click();
    await page.getByText('系统管理员').first().waitFor();
    await page.close();
  });

  it('after three wrong passwords asks a question, then the code (here a recovery code)', async () => {
    const page = await e.browser.newPage();
    for (let i = 0; i < 3; i++) {
      await consoleLogin(page, e.base, 'admin', `Wrong#Pass-${i}`);
      await page.getByTestId('login-error').filter({ hasText: '用户名或密码错误' }).waitFor();
    }
    const challenge = page.getByTestId('login-challenge');
    await challenge.waitFor();
    const label = (await page.getByText(/^验证题：/).textContent()) ?? '';
    const [, a, op, b] = /(\d+) ([+×]) (\d+)/.exec(label)!;
    await challenge.fill(String(op === '+' ? Number(a) + Number(b) : Number(a) * Number(b)));
    await page.getByLabel('密码').fill(NEW_PASSWORD);
    await new Promise((r) => setTimeout(r, 1500)); // the one-second delay after the third failure
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('login-code').fill(recovery[0]!);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((u) => /^\/admin\/?$/.test(u.pathname));
    await page.getByText('系统管理员').first().waitFor();
    await page.close();
  });
});
