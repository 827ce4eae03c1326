import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildOfd } from '../../../../test/ofd';
import { eachEquals } from '../../../../test/table';
import { parseNotice } from '../../../domain/tasks/notice';
import { detectFileKind } from './detect';
import { DocumentError } from './errors';
import { gaps, readOfdPages } from './ofd';
import { readPdfBlocks, readPrintedPages } from './pdf';
import { readDocument } from './read';

// The tasks as compared: section, text, units, deadlines.
const rows = (plan: ReturnType<typeof parseNotice>) =>
  plan.tasks.map((t) => [t.section, t.text, t.leadUnits, t.responsibleUnits, t.deadlines.map((d) => d.raw)]);

/** A PDF fixture's pages written out as an OFD package, and the PDF's own reading to compare with. */
async function both(path: string, heightPt: number, runningHeader?: string) {
  const bytes = new Uint8Array(readFileSync(path));
  const pdf = parseNotice({ blocks: await readPdfBlocks(bytes) });
  const ofd = buildOfd(await readPrintedPages(bytes), { heightPt, runningHeader });
  return { pdf, ofd };
}

describe('OFD notices (GB/T 33190, as 电子公文 systems send them)', () => {
  it.each([
    // a ruled table printed by Writer: merged cells, rows cut by page breaks, the header repeated
    ['test/fixtures/word/seed-001.pdf', 841.89, 46],
    ['test/fixtures/word/seed-004.pdf', 841.89, 55],
    // a prose notice: wrapped lines joined into paragraphs
    ['test/fixtures/word/seed-002.pdf', 841.89, 23],
    // a table without rules (Writer) and a 三线表 with its header printed once (Chromium)
    ['test/fixtures/word/borderless-table.pdf', 841.89, 11],
    ['test/fixtures/pdf/three-line-table-once.pdf', 792, 11],
  ])(
    'reads %s laid out as OFD as its PDF reads, with and without a template 页眉',
    async (path, height, tasks) => {
      for (const runningHeader of [undefined, '某区人民政府办公室 政务公开工作任务分解']) {
        const { pdf, ofd } = await both(path, height, runningHeader);
        const plan = parseNotice({ blocks: await readDocument(ofd, '任务分工.ofd') });
        expect(plan.tasks).toHaveLength(tasks);
        expect(rows(plan)).toEqual(rows(pdf));
        expect([plan.title, plan.year]).toEqual([pdf.title, pdf.year]);
      }
    },
    30_000,
  );

  it('places text by Boundary, CTM, X/Y and DeltaX, in points from the page bottom', async () => {
    const bytes = new Uint8Array(readFileSync('test/fixtures/pdf/ruled-table.pdf'));
    const printed = await readPrintedPages(bytes);
    const pages = readOfdPages(buildOfd(printed, { heightPt: 792 }));
    // the first run of the first page: written with a plain Size (even objects) and read back where it was
    const [a] = printed[0]?.items ?? [];
    const [b] = pages[0]?.items ?? [];
    expect(b?.str).toBe(a?.str);
    expect(b?.x).toBeCloseTo(a?.x ?? 0, 3);
    expect(b?.y).toBeCloseTo(a?.y ?? 0, 3);
    expect(b?.size).toBeCloseTo(a?.size ?? 0, 3);
    // a run written with Size 1 and a CTM scaling it (odd objects) reads the same
    const c = printed[0]?.items[1];
    const d = pages[0]?.items.find((it) => it.str === c?.str);
    expect(d?.x).toBeCloseTo(c?.x ?? 0, 3);
    expect(d?.size).toBeCloseTo(c?.size ?? 0, 3);
    // every rule drawn: stroked lines and thin filled boxes alike
    expect(pages[0]?.rules).toHaveLength(printed[0]?.rules.length ?? -1);
  });

  eachEquals(
    gaps,
    [
      ['3.175 3.175 1.6', [3.175, 3.175, 1.6]],
      ['g 3 0.975', [0.975, 0.975, 0.975]],
      ['1 g 2 3.5 0.5', [1, 3.5, 3.5, 0.5]],
      ['', []],
      [undefined, []],
    ],
    'DeltaX "%s" is the gaps %j',
  );

  it('reads no more gaps than the characters need (a hostile "g 99999999 1")', () => {
    expect(gaps('g 99999999 1', 4)).toEqual([1, 1, 1, 1]);
    expect(gaps('g 99999999 1 g 99999999 2').length).toBe(100_000);
  });

  it('is an OFD by its content, whatever its name', () => {
    const ofd = buildOfd([{ items: [], rules: [] }]);
    expect(detectFileKind(ofd, '通知.zip').kind).toBe('ofd');
  });

  const refusals: [string, () => Uint8Array, string, RegExp][] = [
    [
      'a package without its Document.xml',
      () =>
        buildOfd(
          [{ items: [{ x: 90, y: 700, end: 200, size: 12, str: '关于印发任务分工的通知' }], rules: [] }],
          { noDocument: true },
        ),
      'CORRUPT',
      /损坏/,
    ],
    [
      'a page declaring entities',
      () =>
        buildOfd(
          [{ items: [{ x: 90, y: 700, end: 200, size: 12, str: '关于印发任务分工的通知' }], rules: [] }],
          {
            content: (_, xml) => xml.replace('<ofd:Page ', '<!DOCTYPE x [<!ENTITY a "b">]><ofd:Page '),
          },
        ),
      'XML_ENTITY',
      /实体/,
    ],
    [
      'pages without text (a scan)',
      () =>
        buildOfd([
          { items: [], rules: [] },
          { items: [], rules: [] },
        ]),
      'PDF_SCANNED',
      /扫描件.*OCR/,
    ],
    [
      'a page that is no XML',
      () =>
        buildOfd(
          [{ items: [{ x: 90, y: 700, end: 200, size: 12, str: '关于印发任务分工的通知' }], rules: [] }],
          {
            content: () => '<ofd:Page><ofd:Content>',
          },
        ),
      'CORRUPT',
      /损坏/,
    ],
  ];
  it.each(refusals)('refuses %s with a Chinese message', async (_, build, code, message) => {
    const e = await readDocument(build(), '通知.ofd').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DocumentError);
    expect((e as DocumentError).code).toBe(code);
    expect((e as DocumentError).message).toMatch(message);
  });

  it('reads or refuses (DocumentError) every package mutated at random: never another error', async () => {
    const pages = await readPrintedPages(new Uint8Array(readFileSync('test/fixtures/pdf/ruled-table.pdf')));
    const base = unzipSync(buildOfd(pages, { heightPt: 792, runningHeader: '某区人民政府办公室' }));
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const junk = ['NaN', '-1e308', '1e308', '', 'g', 'g 5', '<', '&amp;', '0 0 0', 'M', 'C C C', '"'];
    const outcomes = { read: 0, refused: 0 };
    for (let n = 0; n < 100; n++) {
      const files = { ...base };
      const names = Object.keys(files).filter((k) => k.endsWith('.xml'));
      const name = names[Math.floor(rnd() * names.length)] ?? 'OFD.xml';
      let xml = strFromU8(files[name] ?? new Uint8Array());
      for (let m = 0; m < 1 + Math.floor(rnd() * 5); m++) {
        const at = Math.floor(rnd() * xml.length);
        const r = rnd();
        const pick = junk[Math.floor(rnd() * junk.length)] ?? '';
        if (r < 0.3) xml = xml.slice(0, at) + xml.slice(at + Math.floor(rnd() * 50));
        else if (r < 0.6) xml = xml.replace(/"[-\d. ]+"/g, (v) => (rnd() < 0.05 ? `"${pick}"` : v));
        else if (r < 0.8) xml = xml.slice(0, at) + pick + xml.slice(at);
        else xml = xml.replace(/DeltaX="[^"]*"/g, (v) => (rnd() < 0.1 ? 'DeltaX="g 999999999 1e9"' : v));
      }
      files[name] = strToU8(xml);
      try {
        await readDocument(zipSync(files), '任务分工.ofd');
        outcomes.read++;
      } catch (e) {
        expect(e).toBeInstanceOf(DocumentError);
        outcomes.refused++;
      }
    }
    // (both happen: the mutations reach the reader, not only the XML check)
    expect(outcomes.read).toBeGreaterThan(10);
    expect(outcomes.refused).toBeGreaterThan(10);
  }, 60_000);

  it('refuses more pages than a notice has', () => {
    const page = { items: [{ x: 90, y: 700, end: 200, size: 12, str: '第一条' }], rules: [] };
    const e = (() => {
      try {
        return readOfdPages(buildOfd([page, page, page]), undefined, 2);
      } catch (x) {
        return x;
      }
    })();
    expect((e as DocumentError).code).toBe('PDF_TOO_LONG');
    expect((e as DocumentError).message).toMatch(/3 页/);
  });
});
