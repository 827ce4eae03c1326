// `gongkai report check` on the committed fixtures (balanced / broken / old template) in .txt, .html and .docx.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { checkReportFile } from './requests';

const FIX = path.resolve(import.meta.dirname, '../../test/fixtures/annual-reports');

describe('checkReportFile', () => {
  it.each([
    ['annual-report-balanced.txt', 0, '2021'],
    ['annual-report-balanced.html', 0, '2021'],
    ['annual-report-broken-cell.txt', 1, '2021'],
    ['annual-report-broken-cell.html', 1, '2021'],
    ['annual-report-old-template.txt', 1, 'pre-2021'],
  ])('%s → findings ≥ %i, template %s', async (file, minFindings, template) => {
    const r = await checkReportFile(path.join(FIX, file));
    expect(r.template).toBe(template);
    if (minFindings === 0) expect(r.findings).toEqual([]);
    else expect(r.findings.length).toBeGreaterThanOrEqual(minFindings);
  });

  it('reads .docx (tables flattened to paragraphs, as published)', async () => {
    for (const [name, broken] of [
      ['annual-report-balanced.txt', false],
      ['annual-report-broken-cell.txt', true],
    ] as const) {
      const lines = fs.readFileSync(path.join(FIX, name), 'utf8').split('\n');
      const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph(l.trim())) }] });
      const out = path.join(os.tmpdir(), `gk-report-${process.pid}-${broken}.docx`);
      fs.writeFileSync(out, await Packer.toBuffer(doc));
      const r = await checkReportFile(out);
      fs.rmSync(out);
      expect(r.findings.some((f) => f.kind === 'identity')).toBe(broken);
      expect(r.sections).toHaveLength(6);
    }
  });

  it('a missing file is an error', async () => {
    await expect(checkReportFile('/nonexistent/x.txt')).rejects.toThrow('文件不存在');
  });
});
