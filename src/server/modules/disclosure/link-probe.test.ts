// Link probing: a local server answers 200, 404, a redirect, a HEAD-refusing page and a page that never answers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eachReturns } from '../../../../test/table';
import { findBrokenLinks, isPrivateAddress, ProbeCache, probeLink } from './link-probe';

let server: http.Server;
let base: string;
const hits: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    if (req.url === '/ok') return res.writeHead(200).end('ok');
    if (req.url === '/moved') return res.writeHead(302, { location: '/ok' }).end();
    if (req.url === '/loop') return res.writeHead(302, { location: '/loop' }).end();
    if (req.url === '/nohead') return res.writeHead(req.method === 'HEAD' ? 405 : 200).end();
    if (req.url === '/slow') return; // never answers
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('isPrivateAddress', () => {
  eachReturns(
    isPrivateAddress,
    [
      ['127.0.0.1', true],
      ['10.1.2.3', true],
      ['172.16.0.1', true],
      ['172.32.0.1', false],
      ['192.168.1.1', true],
      ['169.254.169.254', true],
      ['100.64.0.1', true],
      ['0.0.0.0', true],
      ['::1', true],
      ['fd00::1', true],
      ['fe80::1', true],
      ['::ffff:127.0.0.1', true],
      ['202.96.209.5', false],
      ['2400:3200::1', false],
      ['not-an-ip', true],
    ],
    '%s → %s',
  );
});

describe('probeLink with private addresses allowed (test setting)', () => {
  it.each([
    ['/ok', 'ok'],
    ['/missing', 'broken'],
    ['/moved', 'ok'],
    ['/loop', 'broken'],
    ['/nohead', 'ok'],
  ])('%s → %s', async (path, want) => {
    expect(await probeLink(`${base}${path}`, { allowPrivate: true })).toBe(want);
  });

  it('gives up after the timeout', async () => {
    const t0 = performance.now();
    expect(await probeLink(`${base}/slow`, { allowPrivate: true, timeoutMs: 200 })).toBe('broken');
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('probes at most maxLinks distinct links and returns the broken ones', async () => {
    const links = [`${base}/ok`, `${base}/a`, `${base}/a`, `${base}/b`, `${base}/c`];
    expect(await findBrokenLinks(links, { allowPrivate: true, maxLinks: 3 })).toEqual([
      `${base}/a`,
      `${base}/b`,
    ]);
  });
});

describe('default deny', () => {
  it.each([
    'http://127.0.0.1:1/x',
    'http://localhost:1/x',
    'http://[::1]:1/x',
    'http://169.254.169.254/latest/meta-data',
  ])('%s is skipped without a request', async (link) => {
    expect(await probeLink(link)).toBe('skipped');
  });

  it('does not contact the local server, and does not call it broken', async () => {
    const before = hits.length;
    expect(await findBrokenLinks([`${base}/missing`])).toEqual([]);
    expect(hits.length).toBe(before);
  });

  it('a non-http scheme is not probed', async () => {
    expect(await probeLink('ftp://example.org/x')).toBe('skipped');
  });
});

describe('ProbeCache', () => {
  it('answers a second probe of the same links from the cache, without contacting the server', async () => {
    const cache = new ProbeCache();
    const links = [`${base}/ok`, `${base}/gone-cached`];
    const before = hits.length;
    expect(await findBrokenLinks(links, { allowPrivate: true }, cache)).toEqual([`${base}/gone-cached`]);
    const contacted = hits.length - before;
    expect(contacted).toBeGreaterThan(0);
    expect(await findBrokenLinks(links, { allowPrivate: true }, cache)).toEqual([`${base}/gone-cached`]);
    expect(hits.length - before).toBe(contacted);
  });

  it.each([
    ['fresh', 60_000 - 1, 'broken'],
    ['expired', 60_000, undefined],
  ])('%s entries', (_name, age, want) => {
    const cache = new ProbeCache(60_000);
    cache.set('https://a.example/', 'broken', 1_000);
    expect(cache.get('https://a.example/', 1_000 + age)).toBe(want);
  });

  it('drops the oldest entry when full', () => {
    const cache = new ProbeCache(60_000, 2);
    cache.set('a', 'ok', 0);
    cache.set('b', 'ok', 0);
    cache.set('c', 'broken', 0);
    expect([cache.get('a', 1), cache.get('b', 1), cache.get('c', 1)]).toEqual([undefined, 'ok', 'broken']);
  });
});
