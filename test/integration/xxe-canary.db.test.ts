// SECURITY.md 28: an XML part whose DOCTYPE declares external entities — one on a real local HTTP server (the
// canary), one on file:///etc/passwd, and a parameter entity that would fetch a DTD — uploaded as an import and as
// an attachment, .docx and .xlsx, with the DOCTYPE at the start of the part or behind 5 KB of comment (past a check
// that reads only the head of a part). Every upload is refused or stored unreadable; the canary gets no request;
// nothing of /etc/passwd is in any answer, any table or any stored file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiResponse, type Client, setupApi, type TestApi } from '../api';

const PASSWD = readFileSync('/etc/passwd', 'utf8').split('\n')[0]!; // "root:x:0:0:root:/root:/bin/bash"
const CANARY_BODY = 'CANARY-7f3a-ANSWER';

let api: TestApi;
let canary: Server;
const hits: string[] = [];
let port = 0;
let office: Client;
let liaison: Client;

beforeAll(async () => {
  canary = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.end(CANARY_BODY);
  });
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
  port = (canary.address() as AddressInfo).port;
  // The canary answers (so a silent zero below means no request, not a dead server).
  expect(await (await fetch(`http://127.0.0.1:${port}/probe`)).text()).toBe(CANARY_BODY);
  hits.length = 0;
  api = await setupApi();
  office = await api.loginAs('office');
  liaison = await api.loginAs('fgw_liaison');
}, 120_000);
afterAll(async () => {
  await new Promise((resolve) => canary.close(resolve));
  await api.close();
});

const doctype = () =>
  `<!DOCTYPE r [<!ENTITY http SYSTEM "http://127.0.0.1:${port}/x"><!ENTITY file SYSTEM "file:///etc/passwd">` +
  `<!ENTITY % dtd SYSTEM "http://127.0.0.1:${port}/dtd"> %dtd;]>`;

/** Puts the DOCTYPE after the XML declaration of `part` (behind 5 KB of comment when `padded`) and the two entity
 * references into its first text. */
function poison(bytes: Uint8Array, part: string, textTag: RegExp, padded: boolean): Uint8Array {
  const files = unzipSync(bytes);
  const xml = strFromU8(files[part]!);
  const decl = /^<\?xml[^>]*\?>/.exec(xml)?.[0] ?? '';
  const pad = padded ? `<!--${' '.repeat(5000)}-->` : '';
  const body = xml.slice(decl.length).replace(textTag, (m) => `${m}&http;&file;`);
  files[part] = strToU8(`${decl}${pad}${doctype()}${body}`);
  return zipSync(files);
}

async function docxFile(padded: boolean): Promise<Uint8Array> {
  const doc = new Document({
    sections: [{ children: [new Paragraph('关于印发2026年政务公开工作要点的通知')] }],
  });
  return poison(new Uint8Array(await Packer.toBuffer(doc)), 'word/document.xml', /<w:t[^>]*>/, padded);
}

async function xlsxFile(padded: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('执法决定').addRow(['决定书文号', '当事人']);
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return poison(bytes, 'xl/sharedStrings.xml', /<t[^>]*>/, padded);
}

/** What is wrong with an answer: a 5xx, a refusal without a Chinese message, anything fetched or read. */
function leak(r: ApiResponse): string | null {
  const text = JSON.stringify(r.body);
  if (r.status >= 500) return `${r.status} ${text.slice(0, 200)}`;
  if (r.status >= 400 && !/[\u4e00-\u9fff]/.test(r.body.error?.message ?? '')) return `message ${text}`;
  if (text.includes('root:') || text.includes(CANARY_BODY)) return `leaks ${text.slice(0, 200)}`;
  return null;
}

describe('external entities in uploads (SECURITY.md 28)', () => {
  for (const padded of [false, true]) {
    const how = padded ? 'behind 5 KB of comment' : 'at the start of the part';
    it(`imports refuse them (${how})`, async () => {
      const docx = await office.upload('/api/tasks/import/preview', '通知.docx', await docxFile(padded));
      const xlsx = await liaison.upload(
        '/api/disclosure/enforcement/import/preview',
        '执法决定.xlsx',
        await xlsxFile(padded),
      );
      for (const r of [docx, xlsx]) {
        expect(leak(r)).toBeNull();
        expect(r.status).toBe(400);
        // Refused for the DTD itself, not for some later reason.
        expect(r.body.error?.message).toMatch(/DOCTYPE/);
      }
    });

    it(`attachments are refused or stored unreadable, blocking publication (${how})`, async () => {
      const { id } = (await liaison.draftItem({ title: `外部实体 ${how}` })).body.data!;
      for (const [name, bytes] of [
        ['通知.docx', await docxFile(padded)],
        ['名单.xlsx', await xlsxFile(padded)],
      ] as const) {
        const r = await liaison.upload<{ findings: { kind: string; blocking: boolean }[] }>(
          `/api/disclosure/items/${id}/attachments`,
          name,
          bytes,
        );
        expect(leak(r), name).toBeNull();
        if (r.status < 300)
          expect(
            r.body.data!.findings.map((f) => [f.kind, f.blocking]),
            name,
          ).toEqual([['unreadable_attachment', true]]);
        else {
          expect(r.status, name).toBe(400);
          expect(r.body.error?.message, name).toMatch(/DOCTYPE/);
        }
      }
    });
  }

  it('the canary got no request and nothing of /etc/passwd was stored', async () => {
    // An entity fetch would be asynchronous: give it time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(hits).toEqual([]);
    const db = api.tdb.database.db;
    const tables = await db.execute<{ t: string }>(
      sql`SELECT quote_ident(table_name) AS t FROM information_schema.tables
          WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    );
    expect(tables.rows.length).toBeGreaterThan(10);
    for (const { t } of tables.rows) {
      const dump = await db.execute<{ j: string }>(
        sql.raw(`SELECT coalesce(string_agg(row_to_json(x)::text, ''), '') AS j FROM ${t} x`),
      );
      expect(dump.rows[0]!.j, t).not.toContain(PASSWD);
      expect(dump.rows[0]!.j, t).not.toContain(CANARY_BODY);
    }
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => {
        const p = path.join(dir, n);
        return statSync(p).isDirectory() ? walk(p) : [p];
      });
    for (const f of walk(api.config.dataDir)) {
      const text = readFileSync(f, 'latin1');
      expect(text, f).not.toContain(PASSWD);
      expect(text, f).not.toContain(CANARY_BODY);
    }
  });
});
