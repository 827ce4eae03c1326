// The upload gateway against a corpus of hostile files: each is refused with a 4xx and a Chinese message within
// seconds, whatever its name says; ordinary files pass.
import net from 'node:net';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../errors';
import { acceptUpload, parseUpload } from './gateway';
import { gatewaySettings } from './limits';

// The first worker start on a loaded machine takes seconds.
vi.setConfig({ testTimeout: 30_000 });

const CT =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const docx = (extra: Record<string, Uint8Array> = {}) =>
  zipSync({
    '[Content_Types].xml': strToU8(CT),
    'word/document.xml': strToU8(
      '<w:document><w:body><w:p><w:r><w:t>通知</w:t></w:r></w:p></w:body></w:document>',
    ),
    ...extra,
  });
const sheetXml = (rows: number) =>
  `<worksheet><sheetData>${Array.from({ length: rows }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>x</t></is></c></row>`).join('')}</sheetData></worksheet>`;
const xlsx = (rows: number) =>
  zipSync({
    '[Content_Types].xml': strToU8(CT),
    'xl/workbook.xml': strToU8(
      '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml(rows)),
  });

/** Rewrites the declared (uncompressed) size of every entry: a central directory that lies. */
function lie(zip: Uint8Array, declared: number): Uint8Array {
  const b = new Uint8Array(zip);
  const dv = new DataView(b.buffer);
  for (let i = 0; i + 4 <= b.length; i++) {
    const sig = dv.getUint32(i, true);
    if (sig === 0x04034b50) dv.setUint32(i + 22, declared, true);
    if (sig === 0x02014b50) dv.setUint32(i + 24, declared, true);
  }
  return b;
}

const png = () =>
  new Uint8Array([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...[0, 0, 0, 0],
    ...strToU8('IEND'),
    ...[0xae, 0x42, 0x60, 0x82],
  ]);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const started = Date.now();
  try {
    await p;
  } catch (e) {
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(e).toBeInstanceOf(AppError);
    const err = e as AppError;
    expect(err.status).toBeGreaterThanOrEqual(400);
    expect(err.status).toBeLessThan(500);
    expect(err.message).toMatch(/[\u4e00-\u9fff]/);
    return err;
  }
  throw new Error('expected a refusal');
}

describe('ordinary files pass', () => {
  it.each([
    ['通知.docx', docx()],
    ['名单.xlsx', xlsx(100)],
    ['图.png', png()],
    ['a.txt', strToU8('手机 13812341234\n')],
    ['x.pdf', strToU8('%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n')],
  ])('%s', async (name, bytes) => {
    await expect(acceptUpload({ name, bytes })).resolves.toBeDefined();
  });
});

describe('hostile files are refused', () => {
  it.each([
    ['a macro-enabled name', '报表.xlsm', xlsx(1), /宏/],
    ['vbaProject.bin inside a .docx', '通知.docx', docx({ 'word/vbaProject.bin': new Uint8Array(10) }), /宏/],
    [
      'a macroEnabled content type',
      '通知.docx',
      zipSync({
        '[Content_Types].xml': strToU8(
          '<Types><Override ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
        ),
        'word/document.xml': strToU8('<w:document/>'),
      }),
      /宏/,
    ],
    ['an executable', 'setup.pdf', concat(strToU8('MZ'), new Uint8Array(100)), /可执行/],
    ['a PNG with a zip appended (polyglot)', '图.png', concat(png(), docx()), /多重格式|附加/],
    [
      'a PDF with a zip appended (polyglot)',
      'a.pdf',
      concat(strToU8('%PDF-1.4\n%%EOF\n'), docx()),
      /多重格式/,
    ],
    [
      'a GIF that is also a script',
      'a.gif',
      concat(strToU8('GIF89a<script>alert(1)</script>'), new Uint8Array(20)),
      /脚本|多重/,
    ],
    [
      'data before a zip (polyglot)',
      '通知.docx',
      concat(strToU8('<html>x</html>'), docx()),
      /多重格式|识别|扩展名/,
    ],
    ['zip slip', 'a.zip', zipSync({ '../../etc/cron.d/x': strToU8('x') }), /越界路径/],
    ['an absolute path', 'a.zip', zipSync({ '/etc/passwd': strToU8('x') }), /越界路径/],
    ['a backslash path', 'a.zip', zipSync({ '..\\..\\x.txt': strToU8('x') }), /越界路径/],
    ['a declared 1 GiB entry', '通知.docx', lie(docx(), 1024 ** 3), /压缩炸弹/],
    [
      'a zip bomb renamed .doc',
      'bomb.doc',
      zipSync({ 'a.xml': new Uint8Array(5 * 1024 * 1024) }),
      /扩展名与内容不符|压缩/,
    ],
    [
      'too many entries',
      'a.zip',
      zipSync(Object.fromEntries(Array.from({ length: 5001 }, (_, i) => [`f${i}.txt`, strToU8('x')]))),
      /文件过多/,
    ],
  ])('%s', async (_what, name, bytes, message) => {
    const err = await refusal(acceptUpload({ name, bytes }));
    expect(err.message).toMatch(message);
  });

  it('an XML part with an external entity is never parsed (stored, it is reported unreadable by the checks)', async () => {
    const xxe = docx({
      'word/x.xml': strToU8('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'),
    });
    const err = await refusal(parseUpload('document', { name: '通知.docx', bytes: xxe }));
    expect(err.message).toMatch(/DOCTYPE/);
  });

  it('a symlink entry', async () => {
    const zip = zipSync({ link: strToU8('/etc/passwd') });
    const dv = new DataView(zip.buffer);
    for (let i = 0; i + 4 <= zip.length; i++) {
      if (dv.getUint32(i, true) === 0x02014b50) {
        dv.setUint16(i + 4, (3 << 8) | 20, true); // made by Unix
        dv.setUint32(i + 38, (0o120777 << 16) >>> 0, true); // S_IFLNK
      }
    }
    expect((await refusal(acceptUpload({ name: 'a.zip', bytes: zip }))).message).toMatch(/符号链接/);
  });

  it('a lying central directory: the actual inflation is capped, not the declared one', async () => {
    // 60 MB of zeros declared as 1000 bytes: the declared checks pass, the worker stops it while inflating.
    const bomb = lie(zipSync({ 'word/document.xml': new Uint8Array(60 * 1024 * 1024) }), 1000);
    const err = await refusal(parseUpload('document', { name: '通知.docx', bytes: bomb }));
    expect(err.message).toMatch(/压缩炸弹|压缩比/);
  });

  it('a worksheet with too many rows is refused in the stream, before the spreadsheet library', async () => {
    const err = await refusal(
      parseUpload('table', { name: 'import', bytes: xlsx(20_001) }, { required: ['x'], optional: [] }),
    );
    expect(err.message).toMatch(/行数过多/);
  });
});

describe('ClamAV (GONGKAI_CLAMD)', () => {
  const servers: net.Server[] = [];
  afterAll(() => {
    gatewaySettings.clamd = null;
    for (const s of servers) s.close();
  });
  async function fakeClamd(answer: string): Promise<string> {
    const srv = net.createServer((sock) => {
      let got = Buffer.alloc(0);
      sock.on('data', (d) => {
        got = Buffer.concat([got, d]);
        // The stream ends with a zero-length chunk.
        if (got.length >= 14 && got.subarray(-4).equals(Buffer.alloc(4))) sock.end(`stream: ${answer}\0`);
      });
    });
    servers.push(srv);
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
    return `127.0.0.1:${(srv.address() as net.AddressInfo).port}`;
  }

  it('refuses what clamd finds, accepts what it passes, and fails closed when it is down', async () => {
    gatewaySettings.clamd = await fakeClamd('Eicar-Test-Signature FOUND');
    const eicar = strToU8('X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*');
    expect((await refusal(acceptUpload({ name: 'eicar.txt', bytes: eicar }))).message).toMatch(
      /病毒扫描.*Eicar/,
    );
    gatewaySettings.clamd = await fakeClamd('OK');
    await expect(acceptUpload({ name: 'a.txt', bytes: strToU8('ok') })).resolves.toBeDefined();
    gatewaySettings.clamd = '127.0.0.1:1';
    expect((await refusal(acceptUpload({ name: 'a.txt', bytes: strToU8('ok') }))).message).toMatch(
      /病毒扫描服务/,
    );
  });
});
