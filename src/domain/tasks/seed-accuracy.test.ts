// Accuracy record: the parser against hand-written expected outputs for seeds 001–004, field by field,
// once from the seeds' text, once from a real .docx built here with true merged cells (rowSpan /
// columnSpan), read back through the OOXML reader, and once from the PDF a word processor prints of such a
// .docx (test/fixtures/word). The printed table is what docs/notice-accuracy.md records.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocx } from '../../server/platform/documents/docx';
import { readPdfBlocks } from '../../server/platform/documents/pdf';
import { type DocBlock, textToBlocks } from './blocks';
import type { Deadline } from './deadlines';
import { type ParsedPlan, parseNotice } from './notice';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const WORD = join(import.meta.dirname, '../../../test/fixtures/word');
const SEEDS = ['001', '002', '003', '004'] as const;

interface ExpectedTask {
  s: string;
  text: string;
  m: number;
  lead: string[];
  resp: string[] | string;
  dl: string[];
  paths?: string[][];
}
interface Expected {
  meta: Record<'title' | 'issuer' | 'docNumber' | 'date' | 'year', string | number | null>;
  sections: Record<string, string[]>;
  units?: Record<string, string[]>;
  tasks: ExpectedTask[];
}

/** 'date:2021-06-30:raw' | 'rec:year:4:raw' | 'cont:raw' | 'rel:raw' → Deadline. */
function deadlineOf(s: string): Deadline {
  const [kind, ...rest] = s.split(':');
  if (kind === 'date') return { kind: 'date', date: rest[0], raw: rest.slice(1).join(':') };
  if (kind === 'rec') {
    const d: Deadline = {
      kind: 'recurring',
      every: rest[0] as Deadline['every'],
      raw: rest.slice(2).join(':'),
    };
    if (rest[1]) d.times = Number(rest[1]);
    return { kind: d.kind, every: d.every, ...(d.times !== undefined ? { times: d.times } : {}), raw: d.raw };
  }
  if (kind === 'cont') return { kind: 'continuous', raw: rest.join(':') };
  return { kind: 'relative', raw: rest.join(':') };
}

interface Score {
  fields: number;
  correct: number;
  byField: Record<string, [number, number]>;
  misses: string[];
}

function score(plan: ParsedPlan, exp: Expected): Score {
  const sc: Score = { fields: 0, correct: 0, byField: {}, misses: [] };
  const check = (field: string, ok: boolean, where: string) => {
    sc.fields++;
    const f = sc.byField[field] ?? [0, 0];
    f[1]++;
    if (ok) {
      sc.correct++;
      f[0]++;
    } else sc.misses.push(`${where} ${field}`);
    sc.byField[field] = f;
  };
  for (const k of ['title', 'issuer', 'docNumber', 'date', 'year'] as const)
    check(k, plan[k] === exp.meta[k], 'meta');
  check(
    'taskCount',
    plan.tasks.length === exp.tasks.length,
    `tasks ${plan.tasks.length}/${exp.tasks.length}`,
  );
  exp.tasks.forEach((e, i) => {
    const t = plan.tasks[i];
    const where = `T${String(i + 1).padStart(3, '0')}`;
    const resp = typeof e.resp === 'string' ? (exp.units?.[e.resp] ?? []) : e.resp;
    check('section', JSON.stringify(t?.section) === JSON.stringify(exp.sections[e.s]), where);
    check('text', t?.text.startsWith(e.text) ?? false, where);
    check('measures', t?.measures.length === e.m, where);
    check('leadUnits', JSON.stringify(t?.leadUnits) === JSON.stringify(e.lead), where);
    check('responsibleUnits', JSON.stringify(t?.responsibleUnits) === JSON.stringify(resp), where);
    check('deadlines', JSON.stringify(t?.deadlines) === JSON.stringify(e.dl.map(deadlineOf)), where);
    check('disclosurePaths', JSON.stringify(t?.disclosurePaths) === JSON.stringify(e.paths ?? []), where);
  });
  return sc;
}

function load(seed: string): { text: string; exp: Expected } {
  return {
    text: readFileSync(join(FIXTURES, `seed-${seed}.txt`), 'utf8'),
    exp: JSON.parse(readFileSync(join(FIXTURES, `seed-${seed}.expected.json`), 'utf8')) as Expected,
  };
}

/**
 * A .docx equivalent of the seed: paragraphs as they are, and the task table with the merges the flattened
 * text implies made real: an empty cell continues the non-empty cell above it (rowSpan), and a header with
 * fewer cells than the rows spans its task column over the extra columns (columnSpan).
 */
async function seedDocx(text: string, spanHeaderCell: number): Promise<Uint8Array> {
  const blocks = textToBlocks(text);
  const children: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    if (b.type === 'p') {
      children.push(new Paragraph(b.text));
      continue;
    }
    const width = Math.max(...b.rows.map((r) => r.length));
    const [header, ...body] = b.rows;
    // rowSpan of each body cell: how many following rows have an empty cell in that column.
    const spans = body.map((r) => r.map(() => 1));
    const covered = body.map((r) => r.map(() => false));
    for (let c = 0; c < width; c++) {
      for (let r = 0; r < body.length; r++) {
        if (covered[r]?.[c] || (body[r]?.[c]?.text ?? '') === '') continue;
        let k = r + 1;
        // A text cell is never merged (each row is its own measure).
        while (c !== textColumn(width) && k < body.length && (body[k]?.[c]?.text ?? '') === '') {
          const row = covered[k];
          if (row) row[c] = true;
          k++;
        }
        const spanRow = spans[r];
        if (spanRow) spanRow[c] = k - r;
      }
    }
    const para = (t: string) => t.split('\n').map((l) => new Paragraph(l));
    const rows: TableRow[] = [];
    rows.push(
      new TableRow({
        tableHeader: true,
        children: (header ?? []).map(
          (c, i) =>
            new TableCell({
              children: para(c.text),
              columnSpan: i === spanHeaderCell ? width - (header?.length ?? 0) + 1 : 1,
            }),
        ),
      }),
    );
    body.forEach((r, ri) => {
      const cells: TableCell[] = [];
      r.forEach((c, ci) => {
        if (covered[ri]?.[ci]) return;
        cells.push(new TableCell({ children: para(c.text), rowSpan: spans[ri]?.[ci] ?? 1 }));
      });
      rows.push(new TableRow({ children: cells }));
    });
    children.push(new Table({ rows }));
  }
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** In the seed tables the measure text is the third column from the right end's unit/deadline columns. */
function textColumn(width: number): number {
  return width === 6 ? 3 : 2;
}

const results: { seed: string; via: string; sc: Score }[] = [];

describe.each(SEEDS)('seed %s', (seed) => {
  const { text, exp } = load(seed);

  it('reads the seed text completely and correctly', () => {
    const plan = parseNotice({ text });
    const sc = score(plan, exp);
    results.push({ seed, via: 'txt', sc });
    expect(sc.misses).toEqual([]);
  });

  it('reads the same notice as a .docx with real merged cells', async () => {
    // Header cell that spans the extra grid columns: 工作任务 (001/004: section levels), 重点工作任务 (003).
    const spanCell = seed === '003' ? 2 : 0;
    const bytes = await seedDocx(text, spanCell);
    const blocks: DocBlock[] = readDocx(bytes);
    const table = blocks.find((b) => b.type === 'table');
    if (seed !== '002') {
      // The merges really are in the file: some body cell continues a vertical merge.
      expect(table?.type === 'table' && table.rows.some((r) => r.some((c) => c.mergedFrom))).toBe(true);
    }
    const plan = parseNotice({ blocks });
    const sc = score(plan, exp);
    results.push({ seed, via: 'docx', sc });
    expect(sc.misses).toEqual([]);
    // With exact merges there is nothing to guess: no "empty cell taken from the row above" warnings.
    expect(plan.warnings.filter((w) => w.message.includes('合并单元格'))).toEqual([]);
  });
});

// Printed by a word processor: tables drawn with rules, the header repeated on each page, rows cut by page breaks
// (a cell's sentence, a unit's name, a numbered list going on over the break), merged cells' text in the middle
// of the merge and again on the next page; also on a landscape page and with cells centred in a larger size.
describe.each([
  ...SEEDS.map((seed) => [seed, `seed-${seed}.pdf`] as const),
  ['004', 'seed-004-landscape.pdf'] as const,
  ['001', 'seed-001-centred.pdf'] as const,
  // with a 页眉 and a page number on every page: rows cut by the page break still join up below the header
  ['001', 'seed-001-header.pdf'] as const,
  ['003', 'seed-003-header.pdf'] as const,
])('seed %s printed to PDF (%s)', (seed, file) => {
  it('reads every task, unit and date as from the seed text', async () => {
    const { exp } = load(seed);
    const plan = parseNotice({ blocks: await readPdfBlocks(new Uint8Array(readFileSync(join(WORD, file)))) });
    const sc = score(plan, exp);
    results.push({ seed, via: file.slice(9, -4) || 'pdf', sc });
    expect(sc.misses).toEqual([]);
  }, 30_000);
});

afterAll(() => {
  const lines = ['seed | via  | tasks | fields | correct | accuracy'];
  for (const r of results) {
    const tasks = r.sc.byField.section?.[1] ?? 0;
    lines.push(
      `${r.seed}  | ${r.via.padEnd(4)} | ${String(tasks).padStart(5)} | ${String(r.sc.fields).padStart(6)} | ${String(r.sc.correct).padStart(7)} | ${((100 * r.sc.correct) / r.sc.fields).toFixed(1)}%`,
    );
  }
  console.log(lines.join('\n'));
});
