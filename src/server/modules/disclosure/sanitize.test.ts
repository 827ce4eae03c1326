import { describe, expect, it } from 'vitest';
import { bodyToText, maskInHtml, sanitizeBody } from './sanitize';

describe('sanitizeBody', () => {
  it.each([
    ['<p>正文<script>alert(1)</script></p>', '<p>正文</p>'],
    ['<p onclick="x()">点</p>', '<p>点</p>'],
    ['<a href="javascript:alert(1)">链接</a>', '<a>链接</a>'],
    ['<a href="https://www.gov.cn">政府网</a>', '<a href="https://www.gov.cn">政府网</a>'],
    ['<img src="x" onerror="alert(1)">', '<img src="x" />'],
    ['<iframe src="https://evil"></iframe>文字', '文字'],
    ['<p style="color:red">红</p>', '<p>红</p>'],
  ])('%s', (input, expected) => {
    expect(sanitizeBody(input)).toBe(expected);
  });
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
