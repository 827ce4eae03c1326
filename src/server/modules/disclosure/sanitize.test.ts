import { describe, expect, it } from 'vitest';
import { normaliseEditorHtml } from '../../../../test/editor-html';
import { eachReturns } from '../../../../test/table';
import { SECURITY_HEADERS } from '../../platform/http/guard';
import { bodyToText, maskInHtml, sanitizeBody } from './sanitize';

// Recorded from the console (TipTap 3.32.2 in Chromium): editor.getHTML() after typing with the toolbar (headings,
// bold, italic, underline, strike, lists, quote, a link set with the 链接 dialog, Shift+Enter, a table inserted with
// 插入表格) and after pasting src/admin/components/wordPaste.fixture.ts. Re-record when TipTap is upgraded.
const RECORDED_TOOLBAR =
  '<h2>一、总体要求</h2><p>第一段，<strong>加粗</strong><em>斜体</em><u>下划线</u><s>删除线</s> &amp; &lt;b&gt;</p>' +
  '<h3>（一）小标题</h3><ol><li><p>第一项</p></li><li><p>第二项</p></li></ol><ul><li><p>要点</p></li></ul>' +
  '<blockquote><p>引用的话</p></blockquote><p>详见<a href="https://www.gov.cn">政府网</a>。</p><p>换行<br>第二行</p>' +
  '<table style="min-width: 75px;"><colgroup><col style="min-width: 25px;"><col style="min-width: 25px;">' +
  '<col style="min-width: 25px;"></colgroup><tbody><tr><th><p>序号</p></th><th><p>单位</p></th><th><p>备注</p></th></tr>' +
  '<tr><td><p>1</p></td><td><p>区财政局</p></td><td><p></p></td></tr>' +
  '<tr><td><p></p></td><td><p></p></td><td><p></p></td></tr></tbody></table><p></p>';
const RECORDED_WORD_PASTE =
  '<p><strong>一、工作目标</strong></p><p>全面推进政务公开标准化规范化建设，<strong>按时完成</strong>年度任务。</p>' +
  '<ol><li><p>梳理公开事项清单</p><ol><li><p>按部门分解</p></li></ol></li><li><p>按时发布<strong>政府信息</strong></p></li></ol>' +
  '<p>公开方式：</p><ul><li><p>主动公开</p></li><li><p>依申请公开</p></li></ul>' +
  '<table style="min-width: 50px;"><colgroup><col style="min-width: 25px;"><col style="min-width: 25px;"></colgroup>' +
  '<tbody><tr><td><p><strong>事项</strong></p></td><td><p><strong>责任单位</strong></p></td></tr>' +
  '<tr><td><p>财政预决算</p></td><td><p>区财政局</p></td></tr>' +
  '<tr><td colspan="2"><p>各单位按季度报送</p></td></tr></tbody></table><p></p>';

describe('sanitizeBody keeps what the editor produces', () => {
  it.each([
    ['toolbar', RECORDED_TOOLBAR],
    ['Word paste', RECORDED_WORD_PASTE],
  ])('recorded %s output survives (after the stated normalisation)', (_, html) => {
    expect(sanitizeBody(html)).toBe(normaliseEditorHtml(html));
  });

  it('the normalisation is only what it says: no tag or text is lost', () => {
    const out = sanitizeBody(RECORDED_TOOLBAR);
    const tags = (h: string) => h.match(/<\/?[a-z0-9]+/g);
    expect(tags(out)).toEqual(tags(RECORDED_TOOLBAR));
    expect(out).toContain('<a href="https://www.gov.cn">政府网</a>');
    expect(out).toContain('&amp; &lt;b&gt;');
    expect(out).not.toContain('style=');
  });

  it.each([
    ['<p>连续&nbsp;&nbsp;空格</p>', '<p>连续\u00a0\u00a0空格</p>'],
    ['<ol start="3"><li><p>三</p></li></ol>', '<ol start="3"><li><p>三</p></li></ol>'],
    ['<p>分隔</p><hr><p>线</p>', '<p>分隔</p><hr /><p>线</p>'],
    ['<table><tbody><tr><td colspan="2" rowspan="2"><p>并</p></td></tr></tbody></table>', null],
    ['<table><tbody><tr><th scope="col"><p>头</p></th></tr></tbody></table>', null],
  ])('%s', (input, expected) => {
    expect(sanitizeBody(input)).toBe(expected ?? input);
  });
});

describe('sanitizeBody removes hostile input', () => {
  eachReturns(sanitizeBody, [
    ['<p>正文<script>alert(1)</script></p>', '<p>正文</p>'],
    ['<p onclick="x()">点</p>', '<p>点</p>'],
    ['<a href="javascript:alert(1)">链接</a>', '<a>链接</a>'],
    ['<a href=" JaVaScRiPt:alert(1)">链接</a>', '<a>链接</a>'],
    ['<a href="java&#x09;script:alert(1)">链接</a>', '<a>链接</a>'],
    ['<a href="vbscript:msgbox(1)">链接</a>', '<a>链接</a>'],
    ['<a href="data:text/html,<script>alert(1)</script>">链接</a>', '<a>链接</a>'],
    ['<a href="https://www.gov.cn">政府网</a>', '<a href="https://www.gov.cn">政府网</a>'],
    [
      '<a href="mailto:gk@example.gov.cn" target="_blank" rel="opener" onmouseover="x()">信箱</a>',
      '<a href="mailto:gk@example.gov.cn">信箱</a>',
    ],
    ['<img src="x" onerror="alert(1)">', '<img src="x" />'],
    ['<img src="javascript:alert(1)">', '<img />'],
    ['<iframe src="https://evil"></iframe>文字', '文字'],
    ['<svg onload="alert(1)"><circle /></svg>图', '图'],
    ['<math><mi xlink:href="javascript:alert(1)">x</mi></math>', 'x'],
    ['<object data="x.swf"></object><embed src="x.swf">嵌', '嵌'],
    ['<form action="https://evil"><input name="q"><button>提交</button></form>', '提交'],
    ['<style>p{color:red}</style><p>样</p>', '<p>样</p>'],
    ['<p style="color:red">红</p>', '<p>红</p>'],
    ['<div style="background:url(javascript:alert(1))">块</div>', '<div>块</div>'],
    [
      '<table style="width:1px"><colgroup><col style="width:9px" onclick="x()"></colgroup><tbody><tr>' +
        '<td style="text-align: center" colwidth="100" onclick="x()"><p>格</p></td></tr></tbody></table>',
      '<table><colgroup><col /></colgroup><tbody><tr><td><p>格</p></td></tr></tbody></table>',
    ],
    ['<ol type="javascript" start="2"><li>项</li></ol>', '<ol start="2"><li>项</li></ol>'],
    // Typed as text in the editor, it arrives escaped and stays text.
    ['<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
  ]);
});

describe('bodyToText', () => {
  it('turns blocks into lines and decodes entities', () => {
    expect(bodyToText('<p>第一段 &amp; 说明</p><p>电话：13812345678</p>')).toBe(
      '第一段 & 说明\n电话：13812345678',
    );
  });
});

describe('maskInHtml', () => {
  it('masks every occurrence', () => {
    expect(maskInHtml('<p>13812345678</p><td>13812345678</td>', '13812345678', '138****5678')).toBe(
      '<p>138****5678</p><td>138****5678</td>',
    );
  });
});

describe('the images a body keeps are ones the pages may show', () => {
  // The sanitiser keeps https and data images; a CSP without them would break every such body on the portal.
  const imgSrc = (SECURITY_HEADERS['Content-Security-Policy'] ?? '')
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find((d) => d[0] === 'img-src')!
    .slice(1);
  it.each([
    ['https://www.gov.cn/images/map.png', 'https:'],
    ['data:image/png;base64,iVBORw0KGgo=', 'data:'],
  ])('%s is kept and allowed by img-src', (src, scheme) => {
    expect(sanitizeBody(`<p><img src="${src}" alt="图"></p>`)).toContain(`src="${src}"`);
    expect(imgSrc).toContain(scheme);
  });
  it('an http image is dropped (mixed content), as the CSP would block it', () => {
    expect(sanitizeBody('<p><img src="http://example.com/a.png" alt="图"></p>')).not.toContain('http://');
  });
});
