// Reading a printed notice: the PDF reader (pdfjs, then the page layout of pdf.ts) against the same pages as OFD
// (ofd.ts, then the same layout), and the layout step alone, on the 28-page borderless table (110 rows) and the
// Writer print of seed 004 (7 pages, ruled, rows cut by page breaks). Baseline in the same run: the PDF read.
// Usage: npx tsx bench/notice-read.ts [runs]
import { readFileSync } from 'node:fs';
import { readOfdPages } from '../src/server/platform/documents/ofd';
import {
  laidOut,
  linesToBlocks,
  readPdfBlocks,
  readPrintedPages,
} from '../src/server/platform/documents/pdf';
import { buildOfd } from '../test/ofd';

const runs = Number(process.argv[2] ?? 10);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function time(fn: () => unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

for (const [file, heightPt] of [
  ['test/fixtures/pdf/borderless-long.pdf', 792],
  ['test/fixtures/word/seed-004.pdf', 841.89],
] as const) {
  const pdf = new Uint8Array(readFileSync(file));
  const printed = await readPrintedPages(pdf);
  const ofd = buildOfd(printed, { heightPt, runningHeader: '某区人民政府办公室 政务公开工作任务分解' });
  const pdfMs = await time(() => readPdfBlocks(pdf));
  const ofdMs = await time(() => linesToBlocks(laidOut(readOfdPages(ofd))));
  const layoutMs = await time(() => linesToBlocks(laidOut(printed)));
  const rss = process.memoryUsage().rss / 1048576;
  console.log(
    `${file}: ${printed.length} pages, ${(pdf.length / 1024).toFixed(0)} KB PDF, ${(ofd.length / 1024).toFixed(0)} KB OFD | ` +
      `PDF ${pdfMs.toFixed(0)} ms (1.00) | OFD ${ofdMs.toFixed(0)} ms (${(ofdMs / pdfMs).toFixed(2)}) | ` +
      `layout alone ${layoutMs.toFixed(0)} ms (${(layoutMs / pdfMs).toFixed(2)}) | rss ${rss.toFixed(0)} MB`,
  );
}
