// Browser-test harness: a real Gongkai server on a fresh database (cloned template) and Debian's Chromium
// driven by playwright-core. Nothing is downloaded at run time.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { inject } from 'vitest';
import { type Config, loadConfig } from '../src/server/config';
import { type RunningServer, startServer } from '../src/server/main';
import type { Clock } from '../src/server/platform/context';
import { seedKey } from '../test/config';
import { appRoleUrl, createTestDatabase, type TestDatabase } from '../test/db';
import { ADMIN_PASSWORD, DEMO_PASSWORD, launchChromium } from './browser';

export { ADMIN_PASSWORD, CHROMIUM, consoleLogin, DEMO_PASSWORD } from './browser';

export interface E2E {
  server: RunningServer;
  tdb: TestDatabase;
  browser: Browser;
  base: string;
  /** Every Content-Security-Policy violation a page of this browser reported; close() fails when there is one. */
  cspViolations: string[];
  close(): Promise<void>;
}

/**
 * Every page of every suite reports its CSP violations (SECURITY.md 21): the policy allows no inline script and no
 * inline style, so a violation is either an injection the CSP stopped or a piece of the console that breaks under
 * it (a style it inserts without the nonce, a style attribute set by script). The listener is injected by the
 * browser before the page's scripts; Chromium's own "Refused to …" console messages are taken too.
 */
function reportCspViolations(browser: Browser, found: string[]): void {
  const watch = async (ctx: BrowserContext) => {
    await ctx.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (ev) =>
        console.error(
          `CSP violation: ${ev.effectiveDirective} ${ev.blockedURI} ${ev.sample} at ${ev.sourceFile}:${ev.lineNumber}:${ev.columnNumber}`,
        ),
      );
    });
    ctx.on('console', (m) => {
      if (/Content Security Policy|CSP violation/i.test(m.text()))
        found.push(`${m.page()?.url()}: ${m.text()}`);
    });
  };
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const ctx = await newContext(options);
    await watch(ctx);
    return ctx;
  };
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    await watch(page.context());
    return page;
  };
}

/** A server clock stopped at `iso` (an instant with its offset), so a test does not depend on today's date. */
export function frozenClock(iso: string): Clock {
  const at = new Date(iso);
  return { now: () => new Date(at) };
}

export async function startE2E(
  opts: { demo?: boolean; config?: Partial<Config>; clock?: Clock } = {},
): Promise<E2E> {
  const settings: Partial<Config> = {
    port: 0,
    host: '127.0.0.1',
    adminPassword: ADMIN_PASSWORD,
    demo: opts.demo ?? false,
    demoPassword: DEMO_PASSWORD,
    // Sample portal items would change what the tests count; their own test seeds them.
    demoContent: false,
    logLevel: 'error',
    jobs: false,
    // The browser tests log the 三员 in by password (vitest.config: GONGKAI_REQUIRE_2FA=0).
    require2fa: process.env.GONGKAI_REQUIRE_2FA !== '0',
    ...opts.config,
  };
  // What the bootstrap would seed is already in the seeded template when the configuration is the usual one.
  const tdb = await createTestDatabase({ seeded: seedKey(loadConfig({}, settings)) === inject('pgSeedKey') });
  // As in production: the server runs as a non-superuser app role, migrations as the owner.
  const config = loadConfig(
    {},
    { databaseUrl: await appRoleUrl(tdb), ownerDatabaseUrl: tdb.url, ...settings },
  );
  const server = await startServer(config, { print: () => {}, buildAdmin: false, clock: opts.clock });
  const browser = await launchChromium();
  const cspViolations: string[] = [];
  reportCspViolations(browser, cspViolations);
  return {
    server,
    tdb,
    browser,
    base: server.url,
    cspViolations,
    async close() {
      await browser.close();
      await server.stop();
      await tdb.drop();
      if (cspViolations.length > 0)
        throw new Error(`页面报告了 CSP 违规（SECURITY.md 21）：\n${[...new Set(cspViolations)].join('\n')}`);
    },
  };
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe (WCAG 2.0/2.1 A and AA) on the page, or on the part matching `selector`, and returns the serious and
 * critical violations. */
export async function axeSerious(page: Page, selector?: string): Promise<AxeViolation[]> {
  // Injected through the DevTools protocol: the page's CSP (script-src 'self') rightly refuses inline scripts.
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async (sel) => {
    const w = window as unknown as {
      axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> };
    };
    return w.axe.run(sel ? { include: [sel] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
  }, selector);
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function changePassword(page: Page, oldPassword: string, newPassword: string): Promise<void> {
  await page.waitForURL('**/admin/password');
  await page.getByLabel('原密码').fill(oldPassword);
  await page.getByLabel('新密码', { exact: true }).fill(newPassword);
  await page.getByLabel('确认新密码').fill(newPassword);
  await page.getByRole('button', { name: /确认修改/ }).click();
  await page.waitForURL((u) => !u.pathname.endsWith('/password'));
}

/** Waits until no select dropdown is open (a fading one would take the next click); usable in beforeAll too. */
async function noDropdownOpen(page: Page, seconds = 10): Promise<boolean> {
  const open = page.locator('.ant-select-dropdown:visible');
  const until = Date.now() + seconds * 1000;
  while ((await open.count()) > 0) {
    if (Date.now() > until) return false;
    await page.waitForTimeout(100);
  }
  return true;
}

/**
 * Picks an option of this select (one without a test id, e.g. a row's select in a form list) and checks that the
 * select shows it: on a loaded machine a click can select nothing, and a user then picks it again. `search` types
 * the option first (a long, virtual list); `tree` picks a TreeSelect's node. Every select picked in e2e/ goes through
 * here or chooseOption: a bare option click flakes under load.
 */
export async function pickInSelect(
  page: Page,
  select: Locator,
  option: string,
  { search = false, tree = false, exact = false }: { search?: boolean; tree?: boolean; exact?: boolean } = {},
): Promise<void> {
  const item = tree ? '.ant-select-tree-node-content-wrapper' : '.ant-select-item-option';
  // `exact`: the option whose whole text is this (区教委, not 区教委直属学校).
  const hasText = exact ? new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : option;
  for (let attempt = 1; ; attempt++) {
    if (!(await noDropdownOpen(page))) throw new Error('下拉列表 10 秒后仍未关闭');
    await select.click();
    if (search) await page.keyboard.type(option);
    await page
      .locator(`.ant-select-dropdown:visible ${item}`, { hasText })
      .first()
      .click({ timeout: 10_000 })
      .catch(() => undefined);
    if (!(await noDropdownOpen(page, 4))) await page.keyboard.press('Escape');
    // The list is portalled to the body: the select's own text is the value it shows.
    if ((await select.textContent())?.includes(option)) return;
    if (attempt === 3) throw new Error(`下拉列表选“${option}”三次仍未选中`);
  }
}

/**
 * Picks an option of one select; no other dropdown is open before or after (a fading one would take the click).
 * `search` types the option first, for a long (virtual) list that renders only the options in view.
 */
export async function chooseOption(
  page: Page,
  testId: string,
  option: string,
  search = false,
): Promise<void> {
  if (!(await noDropdownOpen(page))) throw new Error('下拉列表 10 秒后仍未关闭');
  await page.getByTestId(testId).click();
  if (search) await page.keyboard.type(option);
  const item = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
    .first();
  // On a loaded machine a click can land while the filtered list is still being re-rendered and select nothing;
  // the list then stays open, and a user clicks the option again. A select that never closes still fails.
  await item.click();
  for (let clicks = 1; ; clicks++) {
    if (await noDropdownOpen(page, 4)) return;
    if (clicks === 3) throw new Error(`下拉列表点选“${option}”三次后仍未关闭`);
    // The list may also be fading out after a click that did select: then the option is gone before this click.
    await item.click({ timeout: 3000 }).catch(() => undefined);
  }
}
