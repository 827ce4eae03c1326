// SECURITY.md 25: scripts/audit.mjs — the advisory scan that blocks the build. Its judgement table-tested, and the
// script run for real (`npm audit` on this lock file) against a local stand-in for the registry's advisory database.
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verdict } from '../../scripts/audit.mjs';

const via = (name: string, severity: string, ghsa: string) => ({
  source: 1,
  name,
  title: `${name} 的漏洞`,
  url: `https://github.com/advisories/${ghsa}`,
  severity,
  range: '<9.9.9',
});
const report = (...vias: ReturnType<typeof via>[]) => ({
  vulnerabilities: Object.fromEntries(vias.map((v) => [v.name, { name: v.name, via: [v, 'other-pkg'] }])),
});
const allow = [
  { advisory: 'GHSA-aaaa', why: '仅测试使用', until: '2026-12-31' },
  { advisory: 'GHSA-old', why: '已过期', until: '2026-01-01' },
];

describe('verdict', () => {
  it.each([
    ['nothing found', report(), { blocking: [] }],
    [
      'a high advisory blocks',
      report(via('zod', 'high', 'GHSA-x')),
      { blocking: ['zod（<9.9.9）：high GHSA-x zod 的漏洞'] },
    ],
    [
      'a critical one too',
      report(via('pg', 'critical', 'GHSA-y')),
      { blocking: ['pg（<9.9.9）：critical GHSA-y pg 的漏洞'] },
    ],
    [
      'moderate and low do not',
      report(via('a', 'moderate', 'GHSA-m'), via('b', 'low', 'GHSA-l')),
      { blocking: [] },
    ],
    [
      'an accepted advisory does not, until its date',
      report(via('zod', 'high', 'GHSA-aaaa')),
      { blocking: [] },
    ],
    [
      'an expired acceptance blocks again',
      report(via('zod', 'high', 'GHSA-old')),
      { blocking: ['zod（<9.9.9）：high GHSA-old zod 的漏洞'] },
    ],
    [
      'npm could not ask the database',
      { message: '405 Method Not Allowed' },
      { unreachable: '405 Method Not Allowed' },
    ],
    ['npm printed nothing readable', null, { unreachable: '漏洞库无应答' }],
  ])('%s', (_, r, expected) => {
    expect(verdict(r, allow, '2026-06-30')).toEqual(expected);
  });
});

describe('scripts/audit.mjs against an advisory database', () => {
  let answer: 'vulnerable' | 'clean' | 'refuse' = 'clean';
  let asked: string[] = [];
  const server = http.createServer((req, res) => {
    if (req.url?.includes('/-/npm/v1/security/advisories/bulk')) {
      asked.push(req.url);
      if (answer === 'refuse') return res.writeHead(405).end('Method Not Allowed');
      const body =
        answer === 'vulnerable'
          ? {
              zod: [
                {
                  id: 1,
                  url: 'https://github.com/advisories/GHSA-test',
                  title: '测试漏洞',
                  severity: 'high',
                  vulnerable_versions: '<99.0.0',
                  cwe: [],
                  cvss: { score: 7.5, vectorString: null },
                },
              ],
            }
          : {};
      return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found"}');
  });
  let registry = '';
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const audit = (env: Record<string, string> = {}) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn('node', [path.resolve(import.meta.dirname, '../../scripts/audit.mjs')], {
        env: { ...process.env, npm_config_registry: registry, GONGKAI_AUDIT: '', ...env },
      });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.on('close', (code) => resolve({ code, out }));
    });

  it.each([
    ['vulnerable', {}, 1, '依赖存在高危或严重漏洞（1 条）'],
    ['clean', {}, 0, '依赖漏洞扫描通过'],
    ['refuse', {}, 2, '依赖漏洞扫描未做'],
    ['refuse', { GONGKAI_AUDIT: 'required' }, 1, '依赖漏洞扫描未做'],
  ] as const)(
    'the database answers %s (%j): exit %i',
    async (a, env, code, says) => {
      answer = a;
      asked = [];
      const r = await audit(env);
      expect(asked).toHaveLength(1);
      expect(r.code).toBe(code);
      expect(r.out).toContain(says);
      if (a === 'vulnerable') expect(r.out).toContain('zod（<99.0.0）：high GHSA-test 测试漏洞');
    },
    60_000,
  );
});
