// Console speed (issue 15 part 5): the first screen and the 任务台账 of 55 tasks × 30 units, in Debian's Chromium
// (the e2e helpers, e2e/browser.ts) against a real Gongkai server (demo district, embedded PostgreSQL or
// BENCH_DATABASE_URL, the built console in dist/admin, brotli as the browser asks for it).
// Run: npx tsx bench/console.ts   (BENCH_RUNS=5). The last line of output is one JSON object with the figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { consoleLogin, DEMO_PASSWORD, launchChromium } from '../e2e/browser';
import type { CommitPlanBody } from '../src/contracts/tasks';
import { ensureAdminBuilt } from '../src/server/admin-build';
import { loadConfig } from '../src/server/config';
import { units, users } from '../src/server/db/schema';
import { startServer } from '../src/server/main';
import { commitPlan } from '../src/server/modules/tasks';
import { systemActor } from '../src/server/platform/context';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TASKS = 55;
const UNITS = 30;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};
const round = (x: number) => Math.round(x);

/** What the page loaded: JavaScript and CSS files and bytes on the wire, first contentful paint. */
async function loaded(page: Page) {
  return page.evaluate(() => {
    const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const js = res.filter((r) => r.name.endsWith('.js'));
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    return {
      jsFiles: js.length,
      jsKb: Math.round(js.reduce((n, r) => n + r.transferSize, 0) / 1024),
      allKb: Math.round(res.reduce((n, r) => n + r.transferSize, 0) / 1024),
      fcpMs: fcp === null ? null : Math.round(fcp),
    };
  });
}

type Loaded = Awaited<ReturnType<typeof loaded>>;

/** The renderer's main-thread time in ms (script, layout, style, all tasks) from the DevTools protocol. */
async function mainThread(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = (name: string) => Math.round((metrics.find((x) => x.name === name)?.value ?? 0) * 1000);
    await cdp.detach();
    return { taskMs: m('TaskDuration'), scriptMs: m('ScriptDuration'), layoutMs: m('LayoutDuration') };
  };
}

/**
 * Navigates and waits for `ready`: the wall time from the navigation's start to `ready` being visible, and the
 * main thread's busy time in that span (what the page costs whatever else the machine runs).
 */
/**
 * What makes a screen "there": an element, and a text somewhere in the page (the ledger's total). Checked inside the
 * page at every animation frame, so the time is the page's own (from the navigation's start, or from the in-app
 * navigation), not when the DevTools protocol's next poll happens to see it (tens of ms more on a loaded machine).
 */
type Ready = { selector: string; text?: string };

// Page-side source, not a function of this file: tsx's helpers (e.g. __name) do not exist in the page, and the
// console's CSP refuses eval there; an init script and Runtime.evaluate are not subject to it.
const WATCH = `window.__benchWatch = (spec) => {
  window.__benchReadyAt = undefined;
  const tick = () => {
    if (document.querySelector(spec.selector) && (!spec.text || (document.body?.textContent ?? '').includes(spec.text))) {
      window.__benchReadyAt = performance.now();
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};`;

async function readyAt(page: Page): Promise<number> {
  await page.waitForFunction(
    () => (window as unknown as { __benchReadyAt?: number }).__benchReadyAt !== undefined,
  );
  return page.evaluate(() => (window as unknown as { __benchReadyAt: number }).__benchReadyAt);
}

/** Loads a screen: ms from the navigation's start to the frame it is there in, and the main thread's busy time. */
async function timed(page: Page, url: string, ready: Ready) {
  await page.addInitScript({ content: `${WATCH}\nwindow.__benchWatch(${JSON.stringify(ready)});` });
  const cpu = await mainThread(page);
  await page.goto(url, { waitUntil: 'commit' });
  const ms = await readyAt(page);
  return { ms, ...(await cpu()) };
}

/** Navigates inside the console as a menu click does (React Router follows history), until `ready`. */
async function timedInApp(page: Page, path: string, ready: Ready) {
  const cpu = await mainThread(page);
  await page.evaluate(WATCH);
  const t0 = await page.evaluate(
    ([to, spec]) => {
      (window as unknown as { __benchWatch: (s: Ready) => void }).__benchWatch(spec);
      const at = performance.now();
      history.pushState(null, '', to);
      dispatchEvent(new PopStateEvent('popstate'));
      return at;
    },
    [path, ready] as const,
  );
  const ms = (await readyAt(page)) - t0;
  return { ms, ...(await cpu()) };
}

/** Playwright's wait for the same condition (the profile and trace modes). */
const waitFor = (ready: Ready) => async (p: Page) => {
  await p.locator(ready.selector).first().waitFor();
  if (ready.text) await p.getByText(ready.text).first().waitFor();
};

/** BENCH_ONLY=ledger: only the rows whose name contains it (an A/B of one screen takes minutes, not ten). */
const skipped = (name: string) => !!process.env.BENCH_ONLY && !name.includes(process.env.BENCH_ONLY);

interface Series {
  name: string;
  ms: number[];
  taskMs: number[];
  scriptMs: number[];
  loads: Loaded[];
}

async function series(
  browser: Browser,
  name: string,
  state: Awaited<ReturnType<BrowserContext['storageState']>> | undefined,
  url: string,
  ready: Ready,
  warm = false,
): Promise<Series> {
  const s: Series = { name, ms: [], taskMs: [], scriptMs: [], loads: [] };
  if (skipped(name)) return s;
  console.error(`测量：${name}`);
  // Cold: a new context per run (empty HTTP cache, the session cookie only). Warm: one context, assets cached.
  const shared = warm ? await browser.newContext({ storageState: state }) : null;
  if (shared) {
    const p = await shared.newPage();
    p.setDefaultTimeout(120_000);
    await timed(p, url, ready);
    await p.close();
  }
  for (let r = 0; r < RUNS; r++) {
    const ctx = shared ?? (await browser.newContext({ storageState: state }));
    const page = await ctx.newPage();
    page.setDefaultTimeout(120_000);
    page.on('pageerror', (e) => console.error(`页面错误（${name}）：${e.message}`));
    const t = await timed(page, url, ready);
    s.ms.push(t.ms);
    s.taskMs.push(t.taskMs);
    s.scriptMs.push(t.scriptMs);
    s.loads.push(await loaded(page));
    await page.close();
    if (!shared) await ctx.close();
  }
  await shared?.close();
  return s;
}

/** Opening a screen from another one inside the console (assets cached, the layout already shown). */
async function inAppSeries(
  browser: Browser,
  name: string,
  state: Awaited<ReturnType<BrowserContext['storageState']>>,
  from: string,
  fromReady: Ready,
  to: string,
  ready: Ready,
): Promise<Series> {
  const s: Series = { name, ms: [], taskMs: [], scriptMs: [], loads: [] };
  if (skipped(name)) return s;
  console.error(`测量：${name}`);
  const ctx = await browser.newContext({ storageState: state });
  for (let r = 0; r <= RUNS; r++) {
    const page = await ctx.newPage();
    page.setDefaultTimeout(120_000);
    await page.goto(from);
    await waitFor(fromReady)(page);
    const t = await timedInApp(page, to, ready);
    // The first run fills the HTTP cache with the screen's code, as a user's first visit of the day does.
    if (r > 0) {
      s.ms.push(t.ms);
      s.taskMs.push(t.taskMs);
      s.scriptMs.push(t.scriptMs);
      s.loads.push({ jsFiles: 0, jsKb: 0, allKb: 0, fcpMs: null });
    }
    await page.close();
  }
  await ctx.close();
  return s;
}

/**
 * BENCH_PROFILE=/admin/tasks/ledger: one warm load under the DevTools CPU profiler; prints where the main thread's
 * time went (self time by function and by script file) and writes the .cpuprofile for DevTools. Build with
 * ADMIN_SOURCEMAP=1 to read the names.
 */
async function profile(
  browser: Browser,
  state: Awaited<ReturnType<BrowserContext['storageState']>>,
  url: string,
  ready: Ready,
) {
  const ctx = await browser.newContext({ storageState: state });
  const warm = await ctx.newPage();
  await warm.goto(url);
  await waitFor(ready)(warm);
  await warm.close();
  const page = await ctx.newPage();
  // BENCH_PROFILE_FROM=/admin/: profile opening the screen from that one inside the console instead of a load.
  const from = process.env.BENCH_PROFILE_FROM;
  if (from) {
    await page.goto(new URL(from, url).href);
    await page.getByTestId('home-page').waitFor();
  }
  // BENCH_TRACE=1: a DevTools timeline trace instead of the CPU profile: the main thread's time by event (style,
  // layout, script, paint) and every forced layout with the time it happened (what the profiler calls "(program)").
  if (process.env.BENCH_TRACE === '1') {
    await browser.startTracing(page, {
      // BENCH_TRACE_CATEGORIES=…,v8 adds V8's own events (compile, parse, execute) to the breakdown.
      categories: (
        process.env.BENCH_TRACE_CATEGORIES ??
        'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing'
      ).split(','),
    });
    const t0 = Date.now();
    if (from) await timedInApp(page, new URL(url).pathname, ready);
    else {
      await page.goto(url, { waitUntil: 'commit' });
      await waitFor(ready)(page);
    }
    console.log(`ready after ${Date.now() - t0} ms`);
    const trace = JSON.parse((await browser.stopTracing()).toString()) as {
      traceEvents: {
        name: string;
        ph: string;
        ts: number;
        dur?: number;
        pid: number;
        tid: number;
        args?: unknown;
      }[];
    };
    await ctx.close();
    summariseTrace(trace.traceEvents);
    return;
  }
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  // The waterfall: when each request started and ended, from the navigation (what the idle time waits for).
  const t0 = Date.now();
  const reqs: string[] = [];
  page.on('requestfinished', (r) => {
    const t = r.timing();
    const start = t.startTime - t0;
    reqs.push(
      `${String(Math.round(start)).padStart(6)} → ${String(Math.round(start + t.responseEnd)).padStart(6)} ms  ${r.url().replace(/^https?:\/\/[^/]+/, '')}`,
    );
  });
  if (from) await timedInApp(page, new URL(url).pathname, ready);
  else {
    await page.goto(url, { waitUntil: 'commit' });
    await waitFor(ready)(page);
  }
  const { profile: prof } = await cdp.send('Profiler.stop');
  console.log(`ready after ${Date.now() - t0} ms; requests:\n${reqs.sort().join('\n')}`);
  await ctx.close();
  const out = path.join(os.tmpdir(), 'gongkai-console.cpuprofile');
  fs.writeFileSync(out, JSON.stringify(prof));
  const dt = new Map<number, number>();
  for (const [i, id] of (prof.samples ?? []).entries()) {
    dt.set(id, (dt.get(id) ?? 0) + (prof.timeDeltas?.[i] ?? 0) / 1000);
  }
  const byFn = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const n of prof.nodes) {
    const ms = dt.get(n.id) ?? 0;
    const file = n.callFrame.url.split('/').pop() || '(native)';
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + ms);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
  }
  const top = (m: Map<string, number>, k: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([n, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${n}`);
  console.log(
    ['self time by file:', ...top(byFile, 15), '', 'self time by function:', ...top(byFn, 40)].join('\n'),
  );
  console.log(`profile written to ${out}`);
}

/** The renderer main thread's top-level events of a trace: total ms by name, and a timeline of the long ones. */
function summariseTrace(
  events: { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: unknown }[],
) {
  // The navigation may move to a new renderer process: the busiest renderer main thread is the page's.
  const mains = events.filter(
    (e) => e.name === 'thread_name' && (e.args as { name?: string } | undefined)?.name === 'CrRendererMain',
  );
  const ownOf = (m: { pid: number; tid: number }) =>
    events
      .filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === 'X' && e.dur !== undefined)
      .sort((a, b) => a.ts - b.ts);
  const own = mains.map(ownOf).sort((a, b) => b.length - a.length)[0];
  if (!own?.length) return console.log('no renderer main thread in the trace');
  const start = own.find((e) => e.name === 'RunTask')?.ts ?? own[0]!.ts;
  // Self time by event name: an event's duration minus its children's (events nest by time on one thread).
  const byName = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  for (const e of own) {
    while (stack.length && stack[stack.length - 1]!.end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) byName.set(parent.name, (byName.get(parent.name) ?? 0) - e.dur! / 1000);
    byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur! / 1000);
    stack.push({ end: e.ts + e.dur!, name: e.name });
  }
  console.log('main thread self time by event:');
  for (const [n, ms] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${n}`);
  }
  console.log(
    '\nlong tasks (≥ 15 ms) and layouts (≥ 3 ms), from the first task; API requests sent and finished:',
  );
  const urls = new Map<string, string>();
  const marks: { ts: number; line: string }[] = [];
  for (const e of events) {
    const d = (e.args as { data?: { requestId?: string; url?: string } } | undefined)?.data;
    if (e.name === 'ResourceSendRequest' && d?.requestId && d.url) urls.set(d.requestId, d.url);
    const url = d?.requestId ? urls.get(d.requestId) : undefined;
    if (url?.includes('/api/') && (e.name === 'ResourceSendRequest' || e.name === 'ResourceFinish')) {
      marks.push({
        ts: e.ts,
        line: `${e.name === 'ResourceFinish' ? '  done' : '  sent'} ${url.replace(/^https?:\/\/[^/]+/, '')}`,
      });
    }
  }
  for (const m of marks) own.push({ name: m.line, ph: 'M', ts: m.ts, dur: 0, pid: 0, tid: 0 });
  own.sort((a, b) => a.ts - b.ts);
  for (const e of own) {
    if (e.ph === 'M') {
      console.log(`${String(Math.round((e.ts - start) / 1000)).padStart(6)} ms ${e.name}`);
      continue;
    }
    const ms = e.dur! / 1000;
    if (
      (e.name === 'RunTask' && ms >= 10) ||
      ((e.name === 'Layout' || e.name === 'UpdateLayoutTree') && ms >= 3)
    ) {
      console.log(
        `${String(Math.round((e.ts - start) / 1000)).padStart(6)} ms ${ms.toFixed(1).padStart(7)} ms  ${e.name}`,
      );
    }
  }
}

/** A plan of TASKS tasks, each assigned to the same UNITS units (one of them leading): TASKS × UNITS rows. */
function planBody(unitIds: { id: string; name: string }[]): CommitPlanBody {
  return {
    title: `基准测试任务分工（${TASKS} 项 × ${UNITS} 个单位）`,
    issuer: '区政府办公室',
    docNumber: null,
    date: '2026-03-01',
    year: 2026,
    fingerprint: 'b'.repeat(64),
    cadence: 'quarter',
    replace: false,
    tasks: Array.from({ length: TASKS }, (_, i) => ({
      ref: `T${String(i + 1).padStart(3, '0')}`,
      section: ['一、推进重点领域信息公开'],
      text: `第 ${i + 1} 项：做好${['财政预决算', '重大建设项目', '公共资源配置', '社会救助', '生态环境'][i % 5]}领域信息公开，按季度报送进展情况并及时更新有关栏目。`,
      measures: [],
      leadUnits: [{ written: unitIds[i % UNITS]!.name, unitIds: [unitIds[i % UNITS]!.id] }],
      responsibleUnits: unitIds
        .filter((_, j) => j !== i % UNITS)
        .map((u) => ({ written: u.name, unitIds: [u.id] })),
      deadlines: [{ kind: 'date', date: `2026-${String((i % 9) + 3).padStart(2, '0')}-28`, raw: '月底前' }],
      disclosurePaths: [],
    })),
  };
}

async function main() {
  await ensureAdminBuilt((m) => console.error(m));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-bench-console-'));
  fs.chmodSync(dir, 0o755);
  const config = loadConfig(
    {},
    {
      dataDir: path.join(dir, 'data'),
      ...(process.env.BENCH_DATABASE_URL ? { databaseUrl: process.env.BENCH_DATABASE_URL } : {}),
      port: 0,
      host: '127.0.0.1',
      demo: true,
      demoContent: true,
      demoPassword: DEMO_PASSWORD,
      adminPassword: 'Adm1n#Gongkai-bench',
      logLevel: 'error',
      jobs: false,
    },
  );
  const server = await startServer(config, { print: () => {}, buildAdmin: false });
  // A failed run (a screen that never came) still stops the server, its PostgreSQL and the browser.
  let browser: Browser | null = null;
  try {
    const db = server.db.database.db;
    await db
      .update(users)
      .set({ mustChangePassword: false })
      .where(inArray(users.username, ['office']));
    const all = await db
      .select({ id: units.id, name: units.name, kind: units.kind })
      .from(units)
      .orderBy(units.name);
    const chosen = all.filter((u) => u.kind !== 'subdivision').slice(0, UNITS);
    if (chosen.length < UNITS) throw new Error(`演示区只有 ${chosen.length} 个单位，少于 ${UNITS}`);
    await commitPlan(server.db.database, systemActor('bench'), planBody(chosen), config.districtName);
    const [office] = await db.select().from(users).where(eq(users.username, 'office'));
    if (!office) throw new Error('演示账号 office 不存在');

    browser = await launchChromium();
    const login = await browser.newContext();
    const lp = await login.newPage();
    await consoleLogin(lp, server.url, 'office', DEMO_PASSWORD);
    await lp.waitForURL((u) => u.pathname.startsWith('/admin') && !u.pathname.endsWith('/login'));
    await lp.getByTestId('home-page').waitFor();
    const state = await login.storageState();
    await login.close();

    const home: Ready = { selector: '[data-testid="quick-links"]' };
    const ledgerReady: Ready = {
      selector: '[data-testid="tasks-ledger"] .ant-table-row',
      text: `共 ${TASKS * UNITS} 条`,
    };
    const byTaskReady: Ready = {
      selector: '[data-testid="task-ledger"] .ant-table-row',
      text: `共 ${TASKS} 条`,
    };
    if (process.env.BENCH_PROFILE) {
      await profile(
        browser,
        state,
        `${server.url}${process.env.BENCH_PROFILE}`,
        process.env.BENCH_PROFILE.includes('by-task') ? byTaskReady : ledgerReady,
      );
      return;
    }
    const rows: Series[] = [
      await series(browser, 'login page, cold', undefined, `${server.url}/admin/login`, {
        selector: '[data-testid="login-username"]',
      }),
      await series(browser, 'home (first screen), cold', state, `${server.url}/admin/`, home),
      await series(browser, 'home (first screen), warm', state, `${server.url}/admin/`, home, true),
      await series(
        browser,
        `ledger ${TASKS}×${UNITS}, cold`,
        state,
        `${server.url}/admin/tasks/ledger`,
        ledgerReady,
      ),
      await series(
        browser,
        `ledger ${TASKS}×${UNITS}, warm`,
        state,
        `${server.url}/admin/tasks/ledger`,
        ledgerReady,
        true,
      ),
      await inAppSeries(
        browser,
        `ledger ${TASKS}×${UNITS}, from the home screen`,
        state,
        `${server.url}/admin/`,
        home,
        '/admin/tasks/ledger',
        ledgerReady,
      ),
      await series(
        browser,
        `ledger by task ${TASKS}×${UNITS}, cold`,
        state,
        `${server.url}/admin/tasks/by-task`,
        byTaskReady,
      ),
      await inAppSeries(
        browser,
        `ledger by task ${TASKS}×${UNITS}, from the home screen`,
        state,
        `${server.url}/admin/`,
        home,
        '/admin/tasks/by-task',
        byTaskReady,
      ),
    ];

    // The ledger's API call alone (first page of 20 and the count), from the signed-in browser.
    const ctx = await browser.newContext({ storageState: state });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/admin/`, { waitUntil: 'commit' });
    const apiMs = await page.evaluate(
      async (runs) => {
        const plans = (await (await fetch('/api/tasks/plans')).json()) as { data: { id: string }[] };
        const url = `/api/tasks/ledger?planId=${plans.data[0]!.id}&page=1&pageSize=20`;
        await fetch(url);
        const out: number[] = [];
        for (let r = 0; r < runs; r++) {
          const t = performance.now();
          const res = await fetch(url);
          await res.json();
          out.push(performance.now() - t);
        }
        return out;
      },
      Math.max(RUNS, 10),
    );
    await ctx.close();

    const json = rows
      .filter((s) => s.ms.length > 0)
      .map((s) => ({
        name: s.name,
        medianMs: round(pct(s.ms, 0.5)),
        maxMs: round(Math.max(...s.ms)),
        mainThreadMs: pct(s.taskMs, 0.5),
        scriptMs: pct(s.scriptMs, 0.5),
        fcpMs: s.loads[0]?.fcpMs ?? null,
        jsFiles: s.loads[0]?.jsFiles ?? 0,
        jsKb: s.loads[0]?.jsKb ?? 0,
        allKb: s.loads[0]?.allKb ?? 0,
      }));
    console.log(
      [
        `${RUNS} runs per row, ${os.cpus().length} CPUs, load average ${os
          .loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')}`,
        '',
        '| Screen | median ms | max ms | main thread ms | of which script ms | first paint ms | JS files | JS KB on the wire | all KB |',
        '|---|---|---|---|---|---|---|---|---|',
        ...json.map(
          (r) =>
            `| ${r.name} | ${r.medianMs} | ${r.maxMs} | ${r.mainThreadMs} | ${r.scriptMs} | ${r.fcpMs ?? '—'} | ${r.jsFiles} | ${r.jsKb} | ${r.allKb} |`,
        ),
        `| ledger API (page 1 of ${TASKS * UNITS} rows) | ${round(pct(apiMs, 0.5))} | ${round(Math.max(...apiMs))} | | | | | | |`,
      ].join('\n'),
    );
    console.log(
      JSON.stringify({
        runs: RUNS,
        screens: json,
        ledgerApi: { medianMs: round(pct(apiMs, 0.5)), p95Ms: round(pct(apiMs, 0.95)) },
      }),
    );
  } finally {
    await browser?.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
