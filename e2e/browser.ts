// The browser side of the e2e helpers, without vitest: Debian's Chromium through playwright-core, the test
// passwords and the console login. The browser tests (harness.ts) and the console bench (bench/console.ts) use it.
import { type Browser, chromium, type Page } from 'playwright-core';

export const ADMIN_PASSWORD = 'Adm1n#Gongkai';
export const DEMO_PASSWORD = 'Demo#Gongkai1';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** Logs in through the console's login page. */
export async function consoleLogin(
  page: Page,
  base: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(`${base}/admin/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}
