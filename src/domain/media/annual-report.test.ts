import { describe, expect, it } from 'vitest';
import {
  averageDays,
  checkValue,
  crossCheck,
  type FieldValues,
  formatValue,
  parseManual,
  REPORT_FIELDS,
  REPORT_GROUPS,
  reportDue,
  reportField,
  reportOverdue,
  usedValues,
} from './annual-report';

const field = (key: string) => {
  const x = reportField(key);
  if (!x) throw new Error(key);
  return x;
};
const check = (key: string, raw: unknown) => {
  const r = checkValue(field(key), raw);
  return r.ok ? r.value : r.message;
};

describe('the field list', () => {
  it('has unique keys, every group used, and the 8 groups of 国办函〔2018〕12号 between header and footer', () => {
    expect(new Set(REPORT_FIELDS.map((x) => x.key)).size).toBe(REPORT_FIELDS.length);
    for (const g of REPORT_GROUPS) expect(REPORT_FIELDS.some((x) => x.group === g)).toBe(true);
    expect(REPORT_GROUPS.slice(1, -1)).toEqual([
      'publish',
      'topics',
      'interpret',
      'service',
      'interact',
      'security',
      'mobile',
      'innovation',
    ]);
  });
});

describe('checkValue by kind', () => {
  it.each([
    ['visits', 0, 0],
    ['visits', 12, 12],
    ['visits', -1, '网站总访问量不能为负数'],
    ['visits', 1.5, '网站总访问量应为整数'],
    ['visits', '12', '网站总访问量应为整数'],
    ['lettersAvgDays', 0, 0],
    ['lettersAvgDays', 3.5, 3.5],
    ['lettersAvgDays', 3.55, '平均办理时间最多保留一位小数'],
    ['lettersAvgDays', -0.1, '平均办理时间不能为负数'],
    ['serviceCatalog', true, true],
    ['serviceCatalog', '是', '是否发布服务事项目录应为“是”或“否”'],
    ['head', '  张三 ', '张三'],
    ['head', 'x'.repeat(201), '负责人不能超过200字'],
    ['siteType', '部门网站', '部门网站'],
    ['siteType', '门户', '网站类型应为政府门户网站、部门网站、专项网站之一'],
  ] as const)('%s = %j → %j', (key, raw, want) => expect(check(key, raw)).toBe(want));
});

describe('parseManual', () => {
  it('keeps valid values, drops cleared ones, reports unknown keys and bad followers', () => {
    const r = parseManual({
      values: { visits: 10, head: '', topicsKept: null, nope: 1, lettersClosed: -2 },
      followers: { a: 100, b: -1, c: null },
    });
    expect(r.manual).toEqual({ values: { visits: 10 }, followers: { a: 100 } });
    expect(r.issues.map((i) => i.key)).toEqual(['nope', 'lettersClosed', 'followers.b']);
  });
});

describe('crossCheck (on the values used)', () => {
  it.each<[string, FieldValues, string[]]>([
    ['nothing given', {}, []],
    ['办结 = 收到', { lettersReceived: 5, lettersClosed: 5 }, []],
    ['办结 > 收到', { lettersReceived: 5, lettersClosed: 6 }, ['办结留言数量不能大于收到留言数量']],
    ['公开 > 收到', { lettersReceived: 1, lettersPublic: 2 }, ['公开答复数量不能大于收到留言数量']],
    ['整改 = 发现', { securityFound: 3, securityFixed: 3 }, []],
    ['整改 > 发现', { securityFound: 3, securityFixed: 4 }, ['问题整改数量不能大于发现问题数量']],
    [
      '全程在线 > 事项',
      { serviceItems: 10, serviceOnline: 11 },
      ['可全程在线办理政务服务事项数量不能大于政务服务事项数量'],
    ],
    ['办件 sums', { casesTotal: 10, casesPersons: 6, casesEntities: 4 }, []],
    [
      '办件 off by one',
      { casesTotal: 10, casesPersons: 6, casesEntities: 5 },
      ['自然人办件量与法人办件量之和应等于办件量总数'],
    ],
    ['办件 partly given', { casesTotal: 10, casesPersons: 6 }, []],
    ['解读 parts = total', { interpretTotal: 5, interpretMaterials: 3, interpretProducts: 2 }, []],
    [
      '解读 parts > total',
      { interpretTotal: 5, interpretMaterials: 3, interpretProducts: 2, interpretMedia: 1 },
      ['解读材料、解读产品和媒体评论文章数量之和不能大于解读信息发布总数'],
    ],
  ])('%s', (_name, values, want) => expect(crossCheck(values).map((i) => i.message)).toEqual(want));

  it('a hand-filled value is checked against a computed one', () => {
    const used = usedValues(
      { lettersReceived: { value: 4, source: '平台数据' }, lettersClosed: { value: 4, source: '平台数据' } },
      { lettersReceived: 3 },
    );
    expect(used).toEqual({ lettersReceived: 3, lettersClosed: 4 });
    expect(crossCheck(used).map((i) => i.key)).toEqual(['lettersClosed']);
  });
});

describe('due date and overdue (injected dates)', () => {
  it('is 1月31日 of the following year', () => {
    expect(reportDue(2025)).toBe('2026-01-31');
    expect(reportDue(2024)).toBe('2025-01-31');
  });
  it.each([
    [null, '2026-01-31', false],
    [null, '2026-02-01', true],
    ['draft', '2026-02-01', true],
    ['draft', '2025-12-31', false],
    ['submitted', '2026-03-01', false],
    ['published', '2026-03-01', false],
  ] as const)('2025 report %s on %s → overdue %s', (status, today, want) =>
    expect(reportOverdue(2025, status, today)).toBe(want),
  );
});

describe('formatting', () => {
  it.each([
    ['serviceCatalog', true, '是'],
    ['serviceCatalog', false, '否'],
    ['visits', 0, '0'],
    ['visits', undefined, ''],
  ] as const)('%s %j → %s', (key, v, want) => expect(formatValue(field(key), v)).toBe(want));
  it.each([
    [[], null],
    [[1, 2], 1.5],
    [[1, 1, 2], 1.3],
    [[0], 0],
  ] as const)('average of %j → %j', (spans, want) => expect(averageDays(spans)).toBe(want));
});
