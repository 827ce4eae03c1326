// Portal pages at static-file speed (issue 15 part 4): two app instances with their own page caches and change
// listeners, one database. A publish, a withdrawal and a correction made through a third instance show on both at
// once (the commit's notification clears every cache); cached pages answer 304 to their ETag and come gzip- or
// brotli-compressed as the client accepts.
import fs from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { getRequestListener } from '@hono/node-server';
import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_DIST, buildApp } from '../../src/server/app';
import { units } from '../../src/server/db/schema';
import { createUser } from '../../src/server/modules/org/users.service';
import type { AppEnv } from '../../src/server/platform/context';
import { systemActor } from '../../src/server/platform/context';
import {
  type ChangeListener,
  listenForChanges,
  PageCache,
  servePageFromCache,
} from '../../src/server/platform/http/page-cache';
import { precompressDir } from '../../src/server/platform/http/precompress';
import { type Client, setupApi, type TestApi } from '../api';

const PW = 'Reviewer#2026ok';
let api: TestApi;
let liaison: Client;
let reviewers: Client[];
const instances: { app: Hono<AppEnv>; cache: PageCache; listener: ChangeListener }[] = [];

beforeAll(async () => {
  api = await setupApi();
  api.platform.config.linkProbe = false;
  const fgw = (await api.tdb.database.db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
  for (const username of ['cache_r2', 'cache_r3'])
    await createUser(
      api.tdb.database,
      api.platform.fieldKeys,
      { dataScope: 'all', unitId: fgw, roles: ['sysadmin'], id: 'x' },
      systemActor('test'),
      { username, name: username, unitId: fgw, roles: ['reviewer'], password: PW },
      api.clock.now(),
    );
  liaison = await api.loginAs('fgw_liaison');
  reviewers = [
    await api.loginAs('fgw_reviewer'),
    await api.loginAs('cache_r2', PW),
    await api.loginAs('cache_r3', PW),
  ];
  for (let k = 0; k < 2; k++) {
    const cache = new PageCache();
    const listener = await listenForChanges(api.tdb.database, () => cache.clear());
    instances.push({ app: buildApp(api.platform, { pageCache: cache }), cache, listener });
  }
});
afterAll(async () => {
  for (const i of instances) await i.listener.stop();
  await api?.close();
});

const get = (app: Hono<AppEnv>, path: string, headers: Record<string, string> = {}) =>
  app.request(path, { headers });
const textOn = async (k: number, path: string) => (await get(instances[k]!.app, path)).text();

/** The notification travels on its own connection: allow it the moment it takes to arrive. */
async function onBoth(path: string, check: (html: string) => boolean) {
  for (let k = 0; k < 2; k++)
    await expect.poll(async () => check(await textOn(k, path)), { timeout: 2000 }).toBe(true);
}

async function publish(title: string): Promise<string> {
  const { id } = (await liaison.draftItem({ title })).body.data!;
  await liaison.post(`/api/disclosure/items/${id}/submit`, {});
  for (const r of reviewers)
    expect((await r.post(`/api/disclosure/items/${id}/approve`, {})).status).toBe(200);
  return id;
}

describe('cached portal pages follow publish, withdraw and edit on every instance', () => {
  const search = `/xxgk/search?q=${encodeURIComponent('缓存失效验证')}`;
  let id = '';

  it('a page is kept after the first request', async () => {
    for (let k = 0; k < 2; k++) {
      expect(await textOn(k, search)).toContain('没有找到');
      expect(instances[k]!.cache.size).toBeGreaterThan(0);
      const again = await get(instances[k]!.app, search);
      expect(await again.text()).toContain('没有找到');
    }
  });

  it('publish: both instances show the new item', async () => {
    const before = instances.map((i) => i.cache.generation);
    id = await publish('缓存失效验证通知');
    await onBoth(search, (h) => h.includes(`/xxgk/info/${id}`));
    for (const [k, i] of instances.entries()) expect(i.cache.generation).toBeGreaterThan(before[k]!);
    await onBoth(`/xxgk/info/${id}`, (h) => h.includes('缓存失效验证通知'));
  });

  it('edit (a correction published): both instances show the new title', async () => {
    const c = await liaison.post<{ id: string }>(`/api/disclosure/items/${id}/correct`, {});
    expect(c.status).toBe(201);
    const v2 = c.body.data!.id;
    expect((await liaison.saveItem(v2, { title: '缓存失效验证通知（更正）' })).status).toBe(200);
    expect((await liaison.post(`/api/disclosure/items/${v2}/submit`, {})).status).toBe(200);
    for (const r of reviewers)
      expect((await r.post(`/api/disclosure/items/${v2}/approve`, {})).status).toBe(200);
    await onBoth(search, (h) => h.includes(`/xxgk/info/${v2}`) && !h.includes(`/xxgk/info/${id}"`));
    await onBoth(`/xxgk/info/${id}`, (h) => h.includes('本信息已更正'));
    id = v2;
  });

  it('withdraw: both instances stop showing it', async () => {
    await onBoth(`/xxgk/info/${id}`, (h) => h.includes('缓存失效验证通知（更正）'));
    expect(
      (await reviewers[0]!.post(`/api/disclosure/items/${id}/withdraw`, { reason: '内容有误' })).status,
    ).toBe(200);
    await onBoth(search, (h) => !h.includes(`/xxgk/info/${id}`));
    for (let k = 0; k < 2; k++)
      await expect.poll(async () => (await get(instances[k]!.app, `/xxgk/info/${id}`)).status).toBe(404);
  });

  it('a rolled-back write clears nothing', async () => {
    await textOn(0, search);
    const gen = instances[0]!.cache.generation;
    await api.tdb.database.db
      .transaction(async (tx) => {
        await tx.update(units).set({ sort: 99 }).where(eq(units.name, '区发展改革委'));
        throw new Error('rollback');
      })
      .catch(() => {});
    // A committed write afterwards proves the listener is alive and nothing arrived for the rolled-back one.
    await api.tdb.database.db.update(units).set({ sort: 98 }).where(eq(units.name, '区发展改革委'));
    await expect.poll(() => instances[0]!.cache.generation).toBe(gen + 1);
  });
});

describe('ETag, 304 and compression', () => {
  const search = `/xxgk/search?q=${encodeURIComponent('通知')}`;
  it('answers 304 to the ETag of a cached page', async () => {
    const { app } = instances[0]!;
    const first = await get(app, search);
    const etag = first.headers.get('ETag')!;
    expect(etag).toBeTruthy();
    const again = await get(app, search, { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await get(app, search, { 'If-None-Match': 'W/"other"' })).status).toBe(200);
  });

  it.each([
    ['br', 'br', (b: Buffer) => brotliDecompressSync(b)],
    ['gzip, deflate', 'gzip', (b: Buffer) => gunzipSync(b)],
    ['gzip;q=0, br;q=0', null, (b: Buffer) => b],
    ['', null, (b: Buffer) => b],
  ])('Accept-Encoding %j → %s', async (accept, encoding, decode) => {
    const { app } = instances[1]!;
    const plain = await (await get(app, '/')).text();
    const res = await get(app, '/', accept ? { 'Accept-Encoding': accept } : {});
    expect(res.headers.get('Content-Encoding')).toBe(encoding);
    expect(res.headers.get('Vary')).toContain('Accept-Encoding');
    const body = Buffer.from(await res.arrayBuffer());
    expect(decode(body).toString('utf8')).toBe(plain);
    if (encoding) expect(body.length).toBeLessThan(Buffer.byteLength(plain));
    // The security headers are still there on a cached answer.
    expect(res.headers.get('Content-Security-Policy')).toBeTruthy();
  });

  it('keeps no page that sets a cookie or is not public (the application form and its challenge)', async () => {
    const { app, cache } = instances[1]!;
    cache.clear();
    const a = await (await get(app, '/ysqgk/apply')).text();
    // A second later the challenge's expiry differs, so an uncached page differs even when the sum is the same.
    api.clock.advance(1000);
    const b = await (await get(app, '/ysqgk/apply')).text();
    expect(cache.size).toBe(0);
    expect(a).not.toBe(b);
  });
});

describe('kept pages before the framework (as gongkai start serves them)', () => {
  it('answers a kept page straight from the cache, with the same body and headers', async () => {
    const { app, cache } = instances[0]!;
    cache.clear();
    let fast = 0;
    const handle = getRequestListener(app.fetch);
    const server = createServer((req, res) => {
      if (servePageFromCache(cache, req, res)) fast++;
      else void handle(req, res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    try {
      const url = `http://127.0.0.1:${port}/xxgk/search?q=${encodeURIComponent('通知')}`;
      const first = await fetch(url, { headers: { 'Accept-Encoding': 'identity' } });
      const body = await first.text();
      expect(fast).toBe(0);
      const second = await fetch(url, { headers: { 'Accept-Encoding': 'br' } });
      expect(fast).toBe(1);
      expect(await second.text()).toBe(body); // fetch decodes brotli
      expect(second.headers.get('Content-Encoding')).toBe('br');
      expect(second.headers.get('Content-Security-Policy')).toBe(
        first.headers.get('Content-Security-Policy'),
      );
      expect(second.headers.get('ETag')).toBe(first.headers.get('ETag'));
      expect(second.headers.get('X-Request-Id')).not.toBe(first.headers.get('X-Request-Id'));
      const cond = await fetch(url, { headers: { 'If-None-Match': first.headers.get('ETag')! } });
      expect(cond.status).toBe(304);
      expect(fast).toBe(2);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('console assets', () => {
  // A folder of its own under dist/admin/assets, compressed as the build compresses the console.
  const dir = path.join(ADMIN_DIST, 'assets', `zz-test-${process.pid}`);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['br, gzip', 'br'],
    ['gzip', 'gzip'],
    ['identity', null],
  ])('Accept-Encoding %j → %s, from the files written at build', async (accept, encoding) => {
    fs.mkdirSync(dir, { recursive: true });
    const js = 'export const x = "索引号";\n'.repeat(500);
    fs.writeFileSync(path.join(dir, 'chunk.js'), js);
    precompressDir(dir);
    const res = await get(instances[0]!.app, `/admin/assets/zz-test-${process.pid}/chunk.js`, {
      'Accept-Encoding': accept,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Encoding')).toBe(encoding);
    expect(res.headers.get('Cache-Control')).toContain('immutable');
    const body = Buffer.from(await res.arrayBuffer());
    const plain =
      encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body;
    expect(plain.toString()).toBe(js);
    if (encoding) expect(res.headers.get('Vary')).toContain('Accept-Encoding');
  });
});
