// Broken links (issue 5 part 6): at check time the links of the body and of attachment text are probed; the
// unreachable ones become broken_link findings. A local server on 127.0.0.1 answers 200 and 404; private addresses
// are probed only because this test turns on the (default-off) setting.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/domain/review/types';
import { type Client, setupApi, type TestApi } from '../api';

let api: TestApi;
let liaison: Client;
let server: http.Server;
let base: string;
const hits: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(req.url === '/ok' ? 200 : 404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api = await setupApi();
  liaison = await api.loginAs('fgw_liaison');
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await api?.close();
});

async function xlsxWithLink(url: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('链接').addRow(['详见', url]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const links = (fs: Finding[]) =>
  fs
    .filter((f) => f.kind === 'broken_link' || f.kind === 'insecure_link')
    .map((f) => [f.kind, f.text.replace(base, ''), f.source?.includes('.xlsx') ? 'xlsx' : f.source]);

describe('broken-link probing', () => {
  it('flags the 404 links of the body and of an attachment, not the 200 one', async () => {
    api.platform.config.linkProbePrivate = true;
    const { id } = (
      await liaison.draftItem({
        title: '链接检查',
        bodyHtml: `<p>详见 ${base}/ok 和 ${base}/gone 。</p>`,
      })
    ).body.data!;
    const up = await liaison.upload<{ findings: Finding[] }>(
      `/api/disclosure/items/${id}/attachments`,
      '链接.xlsx',
      await xlsxWithLink(`${base}/gone-too`),
    );
    expect(up.status).toBe(201);
    const d = (await liaison.get<{ findings: Finding[] }>(`/api/disclosure/items/${id}`)).body.data!;
    expect(links(d.findings)).toEqual([
      ['insecure_link', '/ok', '正文'],
      ['broken_link', '/gone', '正文'],
      ['broken_link', '/gone-too', 'xlsx'],
    ]);
    expect(d.findings.find((f) => f.kind === 'broken_link')!.message).toContain('无法访问');
    expect(hits).toContain('HEAD /gone');
    expect(hits).toContain('GET /gone');
  });

  it('probes before the save transaction and reuses the answers: saving again contacts nobody', async () => {
    api.platform.config.linkProbePrivate = true;
    const body = { title: '再次保存', bodyHtml: `<p>详见 ${base}/gone-again 。</p>` };
    const { id } = (await liaison.draftItem(body)).body.data!;
    const before = hits.length;
    expect((await liaison.saveItem(id, body)).status).toBe(200);
    expect(hits.length).toBe(before);
    const d = (await liaison.get<{ findings: Finding[] }>(`/api/disclosure/items/${id}`)).body.data!;
    expect(links(d.findings)).toContainEqual(['broken_link', '/gone-again', '正文']);
  });

  it('by default never contacts a private address', async () => {
    api.platform.config.linkProbePrivate = false;
    const before = hits.length;
    const r = await liaison.draftItem({
      title: '内网链接',
      bodyHtml: `<p>详见 ${base}/gone 。</p>`,
    });
    const d = (await liaison.get<{ findings: Finding[] }>(`/api/disclosure/items/${r.body.data!.id}`)).body
      .data!;
    expect(links(d.findings)).toEqual([['insecure_link', '/gone', '正文']]);
    expect(hits.length).toBe(before);
  });
});
