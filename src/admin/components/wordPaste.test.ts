import { describe, expect, it } from 'vitest';
import { withoutInlineStyles, wordListsToHtml } from './wordPaste';
import { WORD_CLIPBOARD_SAMPLE } from './wordPaste.fixture';

/** The fragment between Word's StartFragment/EndFragment markers, whitespace between tags removed. */
function fragment(html: string): string {
  return html
    .slice(html.indexOf('<!--StartFragment-->') + 20, html.indexOf('<!--EndFragment-->'))
    .replace(/>\s+</g, '><')
    .trim();
}
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('wordListsToHtml', () => {
  const out = fragment(wordListsToHtml(WORD_CLIPBOARD_SAMPLE));

  it('turns Word list paragraphs into nested <ol>/<ul> with the markers removed', () => {
    const lists = out.replace(/<(?!\/?(ol|ul|li)\b)[^>]+>/g, '');
    expect(lists).toContain(
      '<ol><li>梳理公开事项清单<ol><li>按部门分解</li></ol></li><li>按时发布政府信息</li></ol>',
    );
    expect(lists).toContain('<ul><li>主动公开</li><li>依申请公开</li></ul>');
    expect(text(out)).not.toMatch(/1\.|2\.|a\)|l&nbsp;/);
    for (const leftover of ['mso-list:Ignore', 'supportLists', 'endif']) expect(out).not.toContain(leftover);
  });

  it('keeps everything else as it was: paragraphs, bold, the table', () => {
    expect(out).toContain('<b>按时完成</b>');
    expect(out).toContain('<b>政府信息</b>');
    expect(out).toMatch(/<p class=MsoNormal><b><span[^>]*>一、工作目标/);
    expect(out).toContain('colspan=2');
    expect(text(out).replace(/&nbsp;/g, '')).toBe(
      text(fragment(WORD_CLIPBOARD_SAMPLE))
        .replace(/&nbsp;/g, '')
        .replace(/1\.\s*|2\.\s*|a\)\s*|l\s*(?=主动|依申请)/g, ''),
    );
  });

  it.each([
    ['not Word', '<p>普通段落</p><ul><li>已是列表</li></ul>'],
    ['Word without lists', '<p class=MsoNormal><span>正文</span></p>'],
  ])('leaves %s untouched', (_, html) => {
    expect(wordListsToHtml(html)).toBe(html);
  });

  it('a paragraph between two lists ends the first one; a change of bullet type starts a new list', () => {
    const item = (level: number, marker: string, body: string, font = '') =>
      `<p class=MsoListParagraph style='mso-list:l0 level${level} lfo1'><![if !supportLists]><span${
        font ? ` style='font-family:${font}'` : ''
      }><span style='mso-list:Ignore'>${marker}<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span></span><![endif]>${body}</p>\n`;
    const html =
      item(1, '一、', '甲') +
      '<p class=MsoNormal>说明</p>\n' +
      item(1, '（一）', '乙') +
      item(1, '·', '丙', 'Symbol') +
      item(2, '§', '丁', 'Wingdings') +
      item(1, '（二）', '戊');
    expect(wordListsToHtml(html).replace(/\n/g, '')).toBe(
      '<ol><li><p>甲</p></li></ol><p class=MsoNormal>说明</p>' +
        '<ol><li><p>乙</p></li></ol><ul><li><p>丙</p><ul><li><p>丁</p></li></ul></li></ul><ol><li><p>戊</p></li></ol>',
    );
  });

  it('reads the Word for Mac / Outlook form of the marker comment', () => {
    const html =
      "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span>1.&nbsp;</span><!--[endif]-->第一</p>";
    expect(wordListsToHtml(html)).toBe('<ol><li><p>第一</p></li></ol>');
  });
});

describe('withoutInlineStyles (the console CSP allows no inline style)', () => {
  it('drops <style> blocks and every style attribute, keeping the markup', () => {
    expect(
      withoutInlineStyles(
        '<style>p.MsoNormal{margin:0}</style><p class=MsoNormal style="margin:0;mso-pagination:none">甲</p>' +
          "<table style='width:100%'><tr><td style=width:50% colspan=2>乙</td></tr></table>",
      ),
    ).toBe('<p class=MsoNormal>甲</p><table><tr><td colspan=2>乙</td></tr></table>');
  });

  it("turns a span's bold, italic, underline and strike-through styles into tags", () => {
    expect(
      withoutInlineStyles(
        '<p><span style="font-weight:700;font-style:italic">重要</span>和<span id="x" style="text-decoration:underline line-through">删</span><span style="color:red">红</span></p>',
      ),
    ).toBe(
      '<p><span><strong><em>重要</em></strong></span>和<span id="x"><u><s>删</s></u></span><span>红</span></p>',
    );
  });

  it('leaves Word lists for wordListsToHtml to read first', () => {
    const lists = wordListsToHtml(WORD_CLIPBOARD_SAMPLE);
    const clean = withoutInlineStyles(lists);
    expect(clean).not.toMatch(/\sstyle\s*=|<style/i);
    expect(clean.match(/<li>/g)?.length).toBe(lists.match(/<li>/g)?.length);
  });
});
