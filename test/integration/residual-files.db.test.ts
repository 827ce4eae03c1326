// Requirement 38's filesystem check: uploads and imports are processed in memory and stored in the database, so
// processing them — a portal application with its identity proof, attachments read for the pre-publication checks,
// a notice import, a reply's generated letters — leaves no new file in the temporary directory nor anywhere under
// the data directory. This process gets a temporary directory of its own (os.tmpdir() reads TMPDIR at each call,
// worker threads included), so other test processes on the machine do not disturb the count.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { units } from '../../src/server/db/schema';
import { type Client, setupApi, type TestApi } from '../api';
import { applyOnPortal } from '../portal-apply';
import { ok, staffCaseBody } from '../unit-records';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-residual-'));
const tmp = path.join(root, 'tmp');
const data = path.join(root, 'data');
fs.mkdirSync(tmp);
fs.mkdirSync(data);
const savedTmp = process.env.TMPDIR;

let api: TestApi;
let liaison: Client;
let office: Client;
let fgw: string;
beforeAll(async () => {
  process.env.TMPDIR = tmp;
  expect(os.tmpdir()).toBe(tmp);
  api = await setupApi({ config: { dataDir: data } });
  api.platform.config.linkProbe = false;
  fgw = (await api.tdb.database.db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
  liaison = await api.loginAs('fgw_liaison');
  office = await api.loginAs('office');
});
afterAll(async () => {
  await api?.close();
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  fs.rmSync(root, { recursive: true, force: true });
});

/**
 * Every path under `dir`, relative — but tsx's cache of compiled source (`tsx-<uid>/`: Gongkai runs TypeScript
 * through tsx, and the upload workers compile their modules on first start), which holds code, never data.
 */
const tree = (dir: string) =>
  fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => !/^tsx-\d+(\/|$)/.test(p))
    .sort();

const CT =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const docx = (text: string) =>
  zipSync({
    '[Content_Types].xml': strToU8(CT),
    'word/document.xml': strToU8(
      `<w:document><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
    ),
  });
const xlsx = () =>
  zipSync({
    '[Content_Types].xml': strToU8(CT),
    'xl/workbook.xml': strToU8(
      '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>联系电话 13912345678</t></is></c></row></sheetData></worksheet>',
    ),
  });
const pdf = () => strToU8('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

it('processing uploads, imports and generated letters leaves no file in the temp or the data directory', async () => {
  const tmpBefore = tree(tmp);
  const dataBefore = tree(data);
  const stored = async () =>
    (await api.tdb.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM files`)).rows[0]!.n;
  const filesBefore = await stored();

  // A portal application with its identity proof.
  const applied = await applyOnPortal(
    api.anon(),
    {
      unitId: fgw,
      kind: 'natural_person',
      name: '王五',
      idType: 'id_card',
      idNumber: '11010519491231002X',
      phone: '13900139000',
      description: '残留文件检查：项目审批情况',
      deliveryForm: 'paper',
      deliveryChannel: 'mail',
    },
    { file: new File([pdf() as BlobPart], '身份证.pdf', { type: 'application/pdf' }) },
  );
  expect(applied.status, applied.html.slice(0, 300)).toBe(201);

  // Attachments read in the upload workers for the pre-publication checks.
  const { id } = await ok(liaison.draftItem<{ id: string }>({ title: '残留文件检查' }), 'draft');
  for (const [name, bytes] of [
    ['通知.docx', docx('项目联系人王五')],
    ['名单.xlsx', xlsx()],
    ['说明.pdf', pdf()],
  ] as const)
    expect((await liaison.upload(`/api/disclosure/items/${id}/attachments`, name, bytes)).status).toBe(201);
  await ok(liaison.post(`/api/disclosure/items/${id}/submit`, {}), 'submit');

  // A notice import (read, not committed) and a refused one.
  const notice = await office.upload(
    '/api/tasks/import/preview',
    '任务分工.docx',
    docx('一、加强政务公开。（区政府办公室负责）'),
  );
  expect(notice.status).toBeLessThan(500);
  expect((await office.upload('/api/org/units/import', '单位.xlsm', xlsx())).status).toBe(400);

  // A reply and its generated .docx letters.
  const kase = await ok(liaison.post<{ id: string }>('/api/requests/cases', staffCaseBody(fgw)), 'case');
  await ok(
    liaison.post(`/api/requests/cases/${kase.id}/actions`, {
      action: 'reply',
      date: '2026-03-02',
      outcome: 'r1',
      legalBasis: 'art36_1',
    }),
    'reply',
  );

  // Everything that was kept is in the database …
  expect(await stored()).toBeGreaterThan(filesBefore + 3);
  // … and nothing on disk.
  expect(tree(tmp)).toEqual(tmpBefore);
  expect(tree(data)).toEqual(dataBefore);
});
