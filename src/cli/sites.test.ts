// `gongkai sites check URL --as-of --json`, spawned as an operator runs it, against a site served here (loopback:
// the operator named it, so it is checked without the private-address setting). Bad input: Chinese error, exit 1.
import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
let server: http.Server;
let url = '';

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin/gongkai.js'), ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
        GONGKAI_LINK_PROBE_PRIVATE: '',
      },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url !== '/') return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
      `<html><body><ul><li><span>2026-11-20</span><a href="/a.html">县政府召开常务会议</a></li></ul>
       <p>主办单位：示例县政府办公室 联系电话：0571-1234567 网站标识码：3300000001 浙ICP备1号 浙公网安备2号</p></body></html>`,
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('gongkai sites check', { timeout: 60_000 }, () => {
  it('prints the issue’s JSON shape', async () => {
    const r = await run('sites', 'check', url, '--as-of', '2026-12-01', '--max-pages', '10', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['site', 'asOf', 'pages', 'verdict', 'vetoes', 'findings']);
    expect(out).toMatchObject({ site: url, asOf: '2026-12-01', pages: 1, verdict: '合格', vetoes: [] });
    expect(out.findings).toEqual([
      { kind: 'broken_link', page: url, target: `${url}a.html`, detail: '链接返回HTTP 404' },
    ]);
  });
  it.each([
    [
      ['sites', 'check', 'http://127.0.0.1:1/', '--as-of', '2026-02-30', '--json'],
      '检查基准日期须为 YYYY-MM-DD',
    ],
    [['sites', 'check', 'ftp://x/', '--json'], '网址无效'],
    [['sites', 'check', 'http://127.0.0.1:1/', '--max-pages', '0', '--json'], '页面上限须为正整数'],
  ])('%j → %s', async (args, message) => {
    const r = await run(...args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
  });
});
