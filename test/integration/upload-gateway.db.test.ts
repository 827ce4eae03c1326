// Issue 10 part 4 over HTTP: the unit and user imports and the notice import go through the upload gateway;
// hostile files get a 4xx with a Chinese message within seconds, and the server keeps answering meanwhile.

import { count } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files } from '../../src/server/db/schema';
import { putSetting } from '../../src/server/platform/settings';
import { DEFAULT_UPLOAD_QUOTA } from '../../src/server/platform/upload/quota';
import { type Client, setupApi, type TestApi } from '../api';
import { craftedPng } from '../fixtures/images';

let api: TestApi;
let office: Client;
beforeAll(async () => {
  api = await setupApi();
  office = await api.loginAs('office');
});
afterAll(() => api.close());

const CT =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
/** A workbook whose sheet has `rows` rows (inline strings, no styles). */
function sheet(rows: number): Uint8Array {
  const body = Array.from(
    { length: rows },
    (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>单位${i}</t></is></c></row>`,
  ).join('');
  return zipSync({
    '[Content_Types].xml': strToU8(CT),
    'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="S" sheetId="1"/></sheets></workbook>'),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${body}</sheetData></worksheet>`),
  });
}
/** 1 MB that declares a 1 GiB entry. */
function declaredGiB(): Uint8Array {
  const b = new Uint8Array(sheet(10));
  const dv = new DataView(b.buffer);
  for (let i = 0; i + 4 <= b.length; i++) {
    if (dv.getUint32(i, true) === 0x04034b50) dv.setUint32(i + 22, 1024 ** 3, true);
    if (dv.getUint32(i, true) === 0x02014b50) dv.setUint32(i + 24, 1024 ** 3, true);
  }
  return b;
}
/** 40 MB of zeros declaring 1000 bytes: only the real inflation shows it. */
function lyingBomb(): Uint8Array {
  const b = zipSync({
    '[Content_Types].xml': strToU8(CT),
    'word/document.xml': new Uint8Array(40 * 1024 * 1024),
  });
  const dv = new DataView(b.buffer);
  for (let i = 0; i + 4 <= b.length; i++) {
    if (dv.getUint32(i, true) === 0x04034b50) dv.setUint32(i + 22, 1000, true);
    if (dv.getUint32(i, true) === 0x02014b50) dv.setUint32(i + 24, 1000, true);
  }
  return b;
}

async function timed<T>(p: Promise<T>): Promise<{ r: T; ms: number }> {
  const t = Date.now();
  const r = await p;
  return { r, ms: Date.now() - t };
}

describe('imports go through the gateway', () => {
  it.each([
    ['/api/org/units/import', '单位.xlsx', declaredGiB, /压缩炸弹/],
    ['/api/org/users/import', '用户.xlsx', declaredGiB, /压缩炸弹/],
    ['/api/org/units/import', '单位.xlsx', () => sheet(25_000), /行数过多/],
    ['/api/org/users/import', '用户.xlsm', () => sheet(3), /宏/],
    ['/api/org/units/import', '单位.xlsx', () => zipSync({ '../x.xml': strToU8('x') }), /越界路径/],
    ['/api/tasks/import/preview', '通知.docx', lyingBomb, /压缩炸弹|压缩比/],
  ])('%s %s', async (path, name, make, message) => {
    const { r, ms } = await timed(office.upload(path, name, make()));
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.body.error?.message).toMatch(message);
    expect(ms).toBeLessThan(20_000);
  });
});

describe('the image pixel cap over HTTP (row 30)', () => {
  const stored = async () => (await api.tdb.database.db.select({ n: count() }).from(files))[0]!.n;

  it('a 14000×14000 抽查 screenshot is refused with 413 and a Chinese message, and nothing is stored', async () => {
    const before = await stored();
    const huge = craftedPng(14000, 14000);
    const r = await office.upload('/api/media/evidence', '截图.png', huge);
    expect(r.status).toBe(413);
    expect(r.body.error?.message).toBe(
      '图片尺寸过大（14000×14000，约 19600 万像素），上限为 4000 万像素；请缩小后再上传',
    );
    expect(await stored()).toBe(before);
    const ok = await office.upload<{ fileId: string }>(
      '/api/media/evidence',
      '截图.png',
      craftedPng(1920, 1080),
    );
    expect(ok.status).toBe(200);
    expect(await stored()).toBe(before + 1);
  });
});

describe('per-account daily upload quotas (row 30)', () => {
  const stored = async () => (await api.tdb.database.db.select({ n: count() }).from(files))[0]!.n;
  const quota = (v: object) => putSetting(api.tdb.database.db, 'uploads.quota', v);
  const shot = (c: Client, bytes = craftedPng(640, 480, 1024)) =>
    c.upload('/api/media/evidence', '截图.png', bytes);

  it('files per day: the next upload is refused with 429 before storing; another account and the next China day are not', async () => {
    expect(DEFAULT_UPLOAD_QUOTA).toEqual({ filesPerDay: 200, megabytesPerDay: 1024 });
    await quota({ filesPerDay: 2 });
    api.clock.set(new Date('2026-03-05T23:55:00+08:00'));
    const me = await api.loginAs('office');
    expect((await shot(me)).status).toBe(200);
    // (This account uploaded nothing on 03-05 before.) A refused file counts too: the gateway did the work.
    expect((await me.upload('/api/media/evidence', '宏.docm', new Uint8Array([1, 2, 3]))).status).toBe(400);
    const before = await stored();
    const over = await shot(me);
    expect(over.status).toBe(429);
    expect(over.body.error?.message).toMatch(/^今日上传已达上限（每个账号每天 2 个文件/);
    expect(await stored()).toBe(before);
    // Imports count against the same quota.
    expect((await me.upload('/api/org/units/import', '单位.xlsx', sheet(3))).status).toBe(429);
    expect((await shot(await api.loginAs('office_reviewer'))).status).toBe(200);
    api.clock.set(new Date('2026-03-06T00:00:01+08:00'));
    expect((await shot(me)).status).toBe(200);
  });

  it('bytes per day (the megabytes of the day add up)', async () => {
    await quota({ filesPerDay: 100, megabytesPerDay: 1 });
    api.clock.set(new Date('2026-03-07T10:00:00+08:00'));
    const me = await api.loginAs('office');
    const big = craftedPng(640, 480, 600 * 1024, true);
    expect((await shot(me, big)).status).toBe(200);
    const over = await shot(me, big);
    expect(over.status).toBe(429);
    expect(over.body.error?.message).toContain('共 1 MB');
    // The refused file took nothing: a small one still fits.
    expect((await shot(me)).status).toBe(200);
    await quota(DEFAULT_UPLOAD_QUOTA);
  });
});

describe('the server stays responsive', () => {
  it('health answers within 1 s while hostile and heavy uploads are processed', async () => {
    const uploads = [
      office.upload('/api/org/units/import', '单位.xlsx', sheet(19_000)),
      office.upload('/api/tasks/import/preview', '通知.docx', lyingBomb()),
      office.upload('/api/org/users/import', '用户.xlsx', sheet(19_000)),
    ];
    let settled = false;
    const all = Promise.allSettled(uploads).finally(() => {
      settled = true;
    });
    const latencies: number[] = [];
    while (!settled) {
      const { r, ms } = await timed(Promise.resolve(api.app.request('/api/health')));
      expect(r.status).toBe(200);
      latencies.push(ms);
      await new Promise((res) => setTimeout(res, 100));
    }
    const results = await all;
    for (const x of results) {
      expect(x.status).toBe('fulfilled');
      const status = (x as PromiseFulfilledResult<{ status: number }>).value.status;
      expect(status).toBeLessThan(500);
    }
    expect(latencies.length).toBeGreaterThan(0);
    expect(Math.max(...latencies)).toBeLessThan(1000);
  });
});
