// Issue 12 part 2, MON-1 availability sampling: the job GETs every running site's home page once per 72-minute
// bucket (a site that answers, one that never does with a short timeout, a closed one not sampled), purges samples
// past 30 days, and a check on a frozen clock carries the veto at ≥ 5 % failures over the last 7 days only.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Availability, SiteCheck } from '../../src/contracts/media';
import { auditLog, mediaAvailabilitySamples, mediaWebsites, units } from '../../src/server/db/schema';
import { registeredJobs, runJobOnce } from '../../src/server/platform/jobs/scheduler';
import { type Client, setupApi, type TestApi } from '../api';

const T0 = new Date('2026-03-02T09:00:00+08:00');
const MIN = 60_000;
const DAY = 86_400_000;

let api: TestApi;
let office: Client;
let fgw: Client;
let jw: Client;
let up: http.Server;
let hang: http.Server;
let upId: string;
let hangId: string;
let closedId: string;

const listen = async (s: http.Server) => {
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}/`;
};
const stop = async (s: http.Server) => {
  s.closeAllConnections();
  await new Promise<void>((r) => s.close(() => r()));
};

beforeAll(async () => {
  const foot =
    '<p>主办单位：区发展改革委 联系电话：023-1234567 网站标识码：5001030001 渝ICP备123号 渝公网安备456号</p>';
  up = http.createServer((_req, res) => {
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(`<html><body><ul><li><span>2026-03-01</span><a href="/">通知</a></li></ul>${foot}</body></html>`);
  });
  hang = http.createServer(() => {
    /* never answers */
  });
  const upUrl = await listen(up);
  const hangUrl = await listen(hang);
  api = await setupApi({ config: { linkProbePrivate: true, availabilityTimeoutMs: 300 } });
  api.clock.set(T0);
  office = await api.loginAs('office');
  fgw = await api.loginAs('fgw_liaison');
  jw = await api.loginAs('jw_liaison');
  const db = api.tdb.database.db;
  const [fgwUnit] = await db.select().from(units).where(eq(units.name, '区发展改革委'));
  const site = (name: string, url: string, status: 'running' | 'closed') => ({
    unitId: fgwUnit!.id,
    name,
    url,
    urlKey: url,
    status,
  });
  const rows = await db
    .insert(mediaWebsites)
    .values([
      site('区发改委网站', upUrl, 'running'),
      site('不应答网站', hangUrl, 'running'),
      site('已关停网站', 'http://127.0.0.1:9/', 'closed'),
    ])
    .returning();
  [upId, hangId, closedId] = rows.map((r) => r.id) as [string, string, string];
});
afterAll(async () => {
  await api.close();
  await stop(up);
  await stop(hang);
});

const job = () => {
  const j = registeredJobs().find((x) => x.name === 'media.availability');
  if (!j) throw new Error('media.availability not registered');
  return j;
};
const samplesOf = (id: string) =>
  api.tdb.database.db
    .select()
    .from(mediaAvailabilitySamples)
    .where(eq(mediaAvailabilitySamples.websiteId, id));
const addSamples = (id: string, at: (i: number) => Date, n: number, ok: (i: number) => boolean) =>
  api.tdb.database.db.insert(mediaAvailabilitySamples).values(
    Array.from({ length: n }, (_, i) => ({
      websiteId: id,
      at: at(i),
      ok: ok(i),
      ms: 10,
      status: ok(i) ? '200' : 'timeout',
    })),
  );
const clear = () => api.tdb.database.db.delete(mediaAvailabilitySamples);

describe('sampling job', () => {
  it('GETs each running site once per 72-minute bucket: ok, timeout; a closed site is not sampled', async () => {
    const first = await runJobOnce(api.tdb.database, job(), T0);
    expect(first).toMatchObject({ ran: true, result: { sampled: 2, failed: 1, purged: 0 } });
    // The same bucket (another instance, or a minute later) does not sample again.
    expect((await runJobOnce(api.tdb.database, job(), new Date(T0.getTime() + MIN))).ran).toBe(false);
    const [ok] = await samplesOf(upId);
    expect(ok).toMatchObject({ ok: true, status: '200', at: T0 });
    const [bad] = await samplesOf(hangId);
    expect(bad).toMatchObject({ ok: false, status: 'timeout' });
    expect(bad!.ms).toBeGreaterThanOrEqual(250);
    expect(await samplesOf(closedId)).toHaveLength(0);
    const audited = await api.tdb.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'media.availability.sample'));
    expect(audited).toHaveLength(1);
    // 72 minutes on is the next bucket: 20 runs a day.
    expect((await runJobOnce(api.tdb.database, job(), new Date(T0.getTime() + 72 * MIN))).ran).toBe(true);
    expect(await samplesOf(upId)).toHaveLength(2);
  });

  it('deletes samples older than 30 days in the same run', async () => {
    await clear();
    const now = new Date(T0.getTime() + 10 * DAY);
    await addSamples(
      upId,
      (i) => new Date(now.getTime() - (31 + i) * DAY),
      3,
      () => false,
    );
    await addSamples(
      upId,
      () => new Date(now.getTime() - 29 * DAY),
      1,
      () => true,
    );
    const r = await runJobOnce(api.tdb.database, job(), now);
    expect(r.result).toMatchObject({ sampled: 2, purged: 3 });
    const left = await samplesOf(upId);
    expect(left).toHaveLength(2);
    expect(left.every((s) => s.at.getTime() >= now.getTime() - 30 * DAY)).toBe(true);
  });
});

describe('the check uses the last 7 days (frozen clock)', () => {
  const check = (id: string) =>
    office.post<SiteCheck>(`/api/media/websites/${id}/check`, { asOf: '2026-03-02' });
  const unreachable = (c: SiteCheck) => c.vetoes.filter((v) => v.rule === 'unreachable');

  it('7 failures of 140 (5 %) → 不合格 with the MON-1 veto; older failures do not count', async () => {
    await clear();
    api.clock.set(T0);
    // 140 samples within 7 days (one per 72 minutes), 7 failed; 50 failures 8 days back are outside the window.
    await addSamples(
      upId,
      (i) => new Date(T0.getTime() - i * 72 * MIN),
      140,
      (i) => i >= 7,
    );
    await addSamples(
      upId,
      (i) => new Date(T0.getTime() - 8 * DAY - i * MIN),
      50,
      () => false,
    );
    const r = await check(upId);
    expect(r.status).toBe(200);
    expect(r.body.data!.availability).toEqual({ failed: 7, total: 140 });
    expect(r.body.data!.verdict).toBe('不合格');
    expect(unreachable(r.body.data!).map((v) => v.detail)).toEqual(['抽测140次，7次无法访问（5.0%）']);
    const a = await fgw.get<Availability>(`/api/media/websites/${upId}/availability`);
    expect(a.body.data).toEqual({ failed: 7, total: 140, days: 7 });
  });

  it('6 of 140 (< 5 %) → no availability veto', async () => {
    await clear();
    await addSamples(
      upId,
      (i) => new Date(T0.getTime() - i * 72 * MIN),
      140,
      (i) => i >= 6,
    );
    const r = await check(upId);
    expect(r.body.data!.availability).toEqual({ failed: 6, total: 140 });
    expect(unreachable(r.body.data!)).toEqual([]);
  });

  it('a day later the oldest failures leave the window', async () => {
    await clear();
    // 7 failures, all 6½ days back: counted at T0, outside the window one day later.
    await addSamples(
      upId,
      (i) => new Date(T0.getTime() - 6.5 * DAY - i * MIN),
      7,
      () => false,
    );
    await addSamples(
      upId,
      (i) => new Date(T0.getTime() - i * 72 * MIN),
      100,
      () => true,
    );
    expect((await check(upId)).body.data!.availability).toEqual({ failed: 7, total: 107 });
    api.clock.set(new Date(T0.getTime() + DAY));
    try {
      // A day on the sessions above have lapsed: a fresh one at the later time.
      const later = await api.loginAs('office');
      const r = await later.post<SiteCheck>(`/api/media/websites/${upId}/check`, { asOf: '2026-03-03' });
      expect(r.body.data!.availability).toEqual({ failed: 0, total: 100 });
    } finally {
      api.clock.set(T0);
    }
  });

  it('no samples: the check has no availability and the route says 0 of 0', async () => {
    await clear();
    expect((await check(upId)).body.data!.availability).toBeNull();
    expect((await office.get<Availability>(`/api/media/websites/${upId}/availability`)).body.data).toEqual({
      failed: 0,
      total: 0,
      days: 7,
    });
  });
});

describe('GET /api/media/websites/:id/availability', () => {
  it('401 without a session, 404 for another unit’s liaison (as for an unknown site), 400 for a bad id', async () => {
    expect((await api.anon().get(`/api/media/websites/${upId}/availability`)).status).toBe(401);
    expect((await jw.get(`/api/media/websites/${upId}/availability`)).status).toBe(404);
    expect((await office.get('/api/media/websites/not-a-uuid/availability')).status).toBe(400);
  });
});
