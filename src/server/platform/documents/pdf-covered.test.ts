import { describe, expect, it } from 'vitest';
import { buildPdf, type Ops, type Run } from '../../../../test/pdf';
import { checkAttachment } from './attachment-text';

// 10-point glyphs 10 points wide: '姓名张三身份证' at x 100 puts 张三 between x 120 and 140, baseline 500.
const line: Run = { x: 100, y: 500, text: '姓名张三身份证' };
const ops = (o: string): Ops => ({ ops: o });
const overName = '0 0 0 rg 118 496 24 12 re f';

async function coveredOf(page: (Run | Ops)[]) {
  const { parts, findings } = await checkAttachment(
    buildPdf([[{ x: 100, y: 540, text: '第一页' }], page]),
    '名单.pdf',
  );
  return {
    covered: parts.map((p) => p.covered ?? ''),
    findings: findings.filter((f) => f.kind === 'covered_text'),
  };
}

// pdfjs loads on first use and the reading runs in an upload worker: slow on a busy machine.
describe('text under a redaction box (SECURITY.md 35)', { timeout: 60_000 }, () => {
  it.each<[string, (Run | Ops)[], string]>([
    ['a black box drawn over the name', [line, ops(overName)], '张三'],
    ['a white box hides as well', [line, ops('1 1 1 rg 118 496 24 12 re f')], '张三'],
    [
      'a box drawn as a closed path through its corners',
      [line, ops('0 g 118 496 m 142 496 l 142 508 l 118 508 l h f')],
      '张三',
    ],
    [
      'a box moved into place by cm inside q … Q',
      [line, ops('q 1 0 0 1 100 100 cm 0 g 18 396 24 12 re f Q')],
      '张三',
    ],
    ['a box over the whole line', [line, ops('0 g 90 490 200 20 re f')], '姓名张三身份证'],
    ['a box under the text (drawn first): a highlight', [ops('1 1 0 rg 118 496 24 12 re f'), line], ''],
    ['a box beside the text', [line, ops('0 g 300 496 24 12 re f')], ''],
    ['a half-transparent box', [line, ops('/Half gs 0 g 118 496 24 12 re f')], ''],
    ['a stroked frame only', [line, ops('0 G 118 496 24 12 re S')], ''],
    ['a round shape over the name (a seal)', [line, ops('0 g 118 496 m 130 520 142 508 142 496 c f')], ''],
    ['text written on top of the box', [ops(overName), line], ''],
  ])('%s', async (_name, page, expected) => {
    const { covered, findings } = await coveredOf(page);
    expect(covered).toEqual(['', expected]);
    expect(findings.map((f) => [f.text, f.source, f.blocking])).toEqual(
      expected ? [[expected, '附件 名单.pdf › 第2页', true]] : [],
    );
  });

  it('the finding says what is wrong and points at the covered text', async () => {
    const { findings } = await coveredOf([line, ops(overName)]);
    expect(findings[0]).toMatchObject({
      kind: 'covered_text',
      start: 2,
      end: 4,
      message: expect.stringContaining('PDF 中有被遮盖但未删除的文字'),
    });
  });
});
