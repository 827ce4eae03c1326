import { describe, expect, it } from 'vitest';
import { eachReturns } from '../../../../test/table';
import { yearOfCalendarJson } from './calendarJson';

describe('yearOfCalendarJson', () => {
  it.each([
    ['{"year":2027,"holidays":[]}', 2027],
    ['\uFEFF{"year":2026}', 2026], // BOM from Windows editors
  ])('%s -> year %i', (text, year) => {
    expect(yearOfCalendarJson(text)).toEqual({ year, body: JSON.parse(text.replace('\uFEFF', '')) });
  });
  eachReturns(
    yearOfCalendarJson,
    [
      ['not json', '文件不是有效的 JSON'],
      ['[2026]', '文件内容应为一个年度日历对象'],
      ['null', '文件内容应为一个年度日历对象'],
      ['{"year":"2026"}', '缺少有效的 year（年份）字段'],
      ['{"year":2026.5}', '缺少有效的 year（年份）字段'],
      ['{"holidays":[]}', '缺少有效的 year（年份）字段'],
    ],
    '%s -> %s',
  );
});
