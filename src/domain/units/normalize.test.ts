import { describe, expect, it } from 'vitest';
import { eachReturns } from '../../../test/table';
import { applyAbbreviations, cleanUnitName, normalizeUnitName, UNIT_ABBREVIATIONS } from './normalize';
import { editDistance, nameSimilarity, sharedCharScore } from './similarity';

describe('normalizeUnitName: spellings of one unit share a key', () => {
  it.each<[string[], string[]]>([
    [['区发展改革委', '区发改委', '区发展和改革委员会', '发展和改革委员会', '县发展改革委'], []],
    [['区人力社保局', '区人社局', '区人力资源和社会保障局', ' 区 人力 社保局 '], []],
    [['区住房城乡建委', '区住建委', '区住房和城乡建设委员会'], []],
    [['区城市管理局', '区城管局'], []],
    [['区卫生健康委', '区卫健委', '区卫生健康委员会'], []],
    [['区规划自然资源局', '区规划和自然资源局'], []],
    [['区经济信息委', '区经信委', '区经济和信息化委员会'], []],
    [['区农业农村委', '区农业农村委员会'], []],
    [['区文化旅游委', '区文旅委', '区文化和旅游委员会'], []],
    [
      ['区市场监管局', '区市场监督管理局', '潼南市场监管局', '重庆市潼南区市场监督管理局'],
      ['重庆市', '潼南'],
    ],
    [['区应急局', '区应急管理局'], []],
    [
      ['区政府办公室', '区政府办', '区人民政府办公室', '重庆市潼南区人民政府办公室'],
      ['重庆市', '潼南'],
    ],
    [['区教委', '区教育委员会'], []],
    [
      ['区委宣传部', '中共重庆市潼南区委宣传部', '中共潼南区委宣传部'],
      ['重庆市', '潼南'],
    ],
    [['各镇人民政府、街道办事处', '各镇政府，街道办事处', '各镇人民政府,街道办事处'], []],
    [['区委宣传部（区政府新闻办）', '区委宣传部(区政府新闻办)', '区委宣传部〔区政府新闻办〕'], []],
    [['双江镇', '双江镇人民政府', '双江镇政府'], []],
    [['梓潼街道', '梓潼街道办事处'], []],
  ])('%j', (spellings, prefixes) => {
    const keys = new Set(spellings.map((s) => normalizeUnitName(s, prefixes)));
    expect([...keys]).toHaveLength(1);
  });
});

describe('normalizeUnitName: distinct units stay distinct', () => {
  it.each<[string, string]>([
    ['区发展改革委', '区发改局'],
    ['区卫生健康委', '区卫健局'],
    ['区教委', '区教育局'],
    ['区委办公室', '区政府办公室'],
    ['区财政局', '区民政局'],
    ['区市场监管局', '区城市管理局'],
    // without the region prefix configured, 潼南 is part of the name
    ['潼南市场监管局', '区市场监管局'],
  ])('%s ≠ %s', (a, b) => {
    expect(normalizeUnitName(a)).not.toBe(normalizeUnitName(b));
  });
});

describe('normalizeUnitName: concrete keys', () => {
  it.each<[string, string[], string]>([
    ['重庆市潼南区发展和改革委员会', ['重庆市', '潼南'], '发改委'],
    ['潼南市场监管局', ['潼南'], '市场监管局'],
    ['区人民政府', [], '政府'],
    ['各区县政府', [], '各区县政府'],
    ['区县政府', [], '区县政府'],
    ['ＡＢＣ　局', [], 'ABC局'],
    // the region alone is not stripped to nothing
    ['潼南', ['潼南'], '潼南'],
  ])('%s → %s', (written, prefixes, key) => {
    expect(normalizeUnitName(written, prefixes)).toBe(key);
  });
});

describe('cleanUnitName', () => {
  eachReturns(
    cleanUnitName,
    [
      [' 区 委 宣传部（区政府新闻办）。', '区委宣传部(区政府新闻办)'],
      ['【区档案局】', '(区档案局)'],
      ['区档案局\u3000', '区档案局'],
    ],
    '%s → %s',
  );
});

describe('UNIT_ABBREVIATIONS', () => {
  it('has no spelling in two rows (one table, one meaning)', () => {
    const all = UNIT_ABBREVIATIONS.flat();
    expect(new Set(all).size).toBe(all.length);
  });
  it('canonical forms are not rewritten again', () => {
    for (const row of UNIT_ABBREVIATIONS) {
      const canonical = row[0] ?? '';
      expect(applyAbbreviations(canonical)).toBe(canonical);
    }
  });
  it('rewrites longest spelling first, until stable', () => {
    expect(applyAbbreviations('人民政府办公室')).toBe('政府办');
    expect(applyAbbreviations('双江镇人民政府')).toBe('双江镇');
    expect(applyAbbreviations('政府新闻办公室')).toBe('政府新闻办');
  });
});

describe('similarity', () => {
  it.each<[string, string, number]>([
    ['住房城市建委', '住房城乡建委', 1],
    ['交通', '交通局', 1],
    ['', 'abc', 3],
    ['财政局', '财政局', 0],
    ['kitten', 'sitting', 3],
  ])('editDistance(%s, %s) = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
  it('sharedCharScore counts repeated characters once each', () => {
    expect(sharedCharScore('农业农村委', '农农')).toBeCloseTo((2 * 2) / 7);
    expect(sharedCharScore('甲', '乙')).toBe(0);
  });
  it('nameSimilarity is 1 for equal and 0 for disjoint names, in between otherwise', () => {
    expect(nameSimilarity('区教委', '区教委')).toBe(1);
    expect(nameSimilarity('甲乙', '丙丁')).toBe(0);
    // 1 edit of 6, 5 of 6 characters shared: 0.6·5/6 + 0.4·5/6
    expect(nameSimilarity('住房城市建委', '住房城乡建委')).toBeCloseTo(5 / 6);
  });
});
