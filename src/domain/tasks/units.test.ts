import { describe, expect, it } from 'vitest';
import { eachEquals } from '../../../test/table';
import { splitLabelled, splitUnitList, splitUnits } from './units';

describe('splitUnitList', () => {
  eachEquals(
    splitUnitList,
    [
      ['区发展改革委、区商务委、区市场监管局', ['区发展改革委', '区商务委', '区市场监管局']],
      ['区发展改革委、\n区商务委', ['区发展改革委', '区商务委']],
      [
        '区行政学校，区政府各部门、管委会、街道办事处',
        ['区行政学校', '区政府各部门', '管委会', '街道办事处'],
      ],
      [
        '区公安分局,区经信局;区政府信息公开管理中心；各乡镇街委。',
        ['区公安分局', '区经信局', '区政府信息公开管理中心', '各乡镇街委'],
      ],
      // brackets are never split: aliases and groups stay one entry
      [
        '县司法局、县委党校（巫山行政学院），县政府各部门、各乡镇（街道）',
        ['县司法局', '县委党校（巫山行政学院）', '县政府各部门', '各乡镇（街道）'],
      ],
      // vague and conditional groups kept as written, not expanded
      [
        '区审计局、被审计区级部门（单位），各乡镇街委。',
        ['区审计局', '被审计区级部门（单位）', '各乡镇街委'],
      ],
      ['牵头职能部门。', ['牵头职能部门']],
      ['区市场监管局等部门（单位），各乡镇街委。', ['区市场监管局等部门（单位）', '各乡镇街委']],
      // a bare 等 closing the list means "and others": not part of the last name
      ['财政所、便民综合服务中心、土管所等', ['财政所', '便民综合服务中心', '土管所']],
      ['县发改局等。', ['县发改局']],
      // "各州、市人民政府" is 各州（市）人民政府, like "各县、市、区政府": one name
      ['省直有关部门,各州、市人民政府', ['省直有关部门', '各州、市人民政府']],
      ['各县、市、区政府', ['各县、市、区政府']],
      // "县直、驻县有关单位": 县直 names no unit, it shares the noun of the name after it
      [
        '各乡镇人民政府,县政府各部门,县直、驻县有关单位',
        ['各乡镇人民政府', '县政府各部门', '县直、驻县有关单位'],
      ],
      // a full name beginning with 市直 is a name of its own
      ['市直各部门、区政府', ['市直各部门', '区政府']],
      // "各市〔州〕、县〔市、区〕政府": levels carrying their alternatives in brackets, one name
      [
        '各市〔州〕、县〔市、区〕政府,各级政府各部门、各单位',
        ['各市〔州〕、县〔市、区〕政府', '各级政府各部门', '各单位'],
      ],
      ['各市(州)、县(市、区)人民政府', ['各市(州)、县(市、区)人民政府']],
      ['各县(市)区人民政府,开发区管委会', ['各县(市)区人民政府', '开发区管委会']],
      // whitespace removed, no correction (区住房城市建委 is a known defect of the source, kept)
      ['区住房城市建委、\n区 金融办', ['区住房城市建委', '区金融办']],
      ['', []],
    ],
    '%j',
  );
});

describe('splitUnits: lead and responsible in one cell', () => {
  it.each<[string, 'lead' | 'responsible', string[], string[]]>([
    ['区财政局牵头，区级各部门配合', 'responsible', ['区财政局'], ['区级各部门']],
    ['区发展改革委牵头,区商务委等有关单位', 'responsible', ['区发展改革委'], ['区商务委等有关单位']],
    ['区政府办公室、区大数据局牵头；各镇街配合', 'responsible', ['区政府办公室', '区大数据局'], ['各镇街']],
    [
      '牵头单位：区司法局；责任单位：区政府各部门、各镇街',
      'responsible',
      ['区司法局'],
      ['区政府各部门', '各镇街'],
    ],
    // labels shortened to their role word
    ['牵头：区司法局；配合：区政府办公室', 'responsible', ['区司法局'], ['区政府办公室']],
    ['主责：区财政局\n协办：各镇街', 'responsible', ['区财政局'], ['各镇街']],
    // unmarked cells follow their column
    ['区发展改革委、区商务委', 'lead', ['区发展改革委', '区商务委'], []],
    // a role after each name: in brackets, or "为牵头单位"; untagged names cooperate
    ['区财政局（牵头）、区审计局', 'responsible', ['区财政局'], ['区审计局']],
    ['区财政局（牵头单位）、区审计局（配合）', 'responsible', ['区财政局'], ['区审计局']],
    ['区财政局（主责）、各镇街（参照执行）', 'responsible', ['区财政局'], ['各镇街']],
    ['区财政局为牵头单位，区审计局为配合单位', 'responsible', ['区财政局'], ['区审计局']],
    ['区财政局主责，区审计局协同', 'responsible', ['区财政局'], ['区审计局']],
    // names a copied cell separates with spaces or slashes; a space inside a name is not a separator
    ['区发改委 区财政局', 'responsible', [], ['区发改委', '区财政局']],
    ['区发改委 区财政局牵头 区审计局配合', 'responsible', ['区发改委', '区财政局'], ['区审计局']],
    ['区发改委/区财政局', 'responsible', [], ['区发改委', '区财政局']],
    ['区 财政局', 'responsible', [], ['区财政局']],
    ['区委 宣传部', 'responsible', [], ['区委宣传部']],
    // a line break in the cell separates whole names of any length; inside a name (a wrapped cell) it does not
    ['各镇街\n区级各部门', 'responsible', [], ['各镇街', '区级各部门']],
    ['区财政局牵头\n区审计局配合', 'responsible', ['区财政局'], ['区审计局']],
    ['区发展改革\n委', 'responsible', [], ['区发展改革委']],
    ['区政府有关部门', 'responsible', [], ['区政府有关部门']],
    // "牵头职能部门" is a group named by its role, not a "X牵头" clause
    ['牵头职能部门。', 'responsible', [], ['牵头职能部门']],
    // the note "逗号前的为牵头单位": the names before the first comma lead, the rest keep the label's role
    [
      '责任单位：区政府办、区公开办，各乡镇、街道、区直各部门。逗号前的为牵头单位。',
      'responsible',
      ['区政府办', '区公开办'],
      ['各乡镇', '街道', '区直各部门'],
    ],
    ['责任单位：区司法局,区直各部门。逗号前为牵头单位', 'responsible', ['区司法局'], ['区直各部门']],
    ['责任单位：区司法局。逗号前的为牵头单位。', 'responsible', ['区司法局'], []],
    // "按职责分工落实" after a lead clause: the names are the cooperating units
    ['办公室牵头,各科室按职责分工落实', 'responsible', ['办公室'], ['各科室']],
    ['法规科牵头，办公室、财务科按职责落实', 'responsible', ['法规科'], ['办公室', '财务科']],
    // the same said "按照职责分工负责" / "按各自职责落实"
    [
      '省政府办公厅、省发展改革委牵头;省直有关部门,各州、市人民政府按照职责分工负责',
      'responsible',
      ['省政府办公厅', '省发展改革委'],
      ['省直有关部门', '各州、市人民政府'],
    ],
    [
      '省直有关部门,各州、市人民政府按照职责分工负责',
      'responsible',
      [],
      ['省直有关部门', '各州、市人民政府'],
    ],
    ['法规科牵头，办公室按各自职责落实', 'responsible', ['法规科'], ['办公室']],
    // without the note a comma is only a separator
    ['责任单位：区政府办，各乡镇', 'responsible', [], ['区政府办', '各乡镇']],
    // the note may add that several leads each lead their part, and that it holds below
    [
      '责任单位:市发展改革委、市商务局,各区县政府、高新区管委会。逗号前为牵头单位,多个牵头单位的按职责分别牵头,下同',
      'responsible',
      ['市发展改革委', '市商务局'],
      ['各区县政府', '高新区管委会'],
    ],
    ['责任单位：市财政局,各区县政府。逗号前为牵头单位，下同。', 'responsible', ['市财政局'], ['各区县政府']],
    // "按职能分工落实" / "按照职能分别落实": the same as 按职责分工负责
    [
      '市政府办公室、市司法局牵头,市直其他单位按职能分工落实',
      'responsible',
      ['市政府办公室', '市司法局'],
      ['市直其他单位'],
    ],
    [
      '各县(市)区人民政府,开发区管委会,市政府各部门(单位)按照职能分别落实',
      'responsible',
      [],
      ['各县(市)区人民政府', '开发区管委会', '市政府各部门(单位)'],
    ],
  ])('%s', (cell, role, lead, responsible) => {
    expect(splitUnits(cell, role)).toEqual({ lead, responsible });
  });
});

describe('splitUnits: a notice’s "逗号前为牵头单位，下同" holds for its later 责任单位 lists', () => {
  it.each<[string, boolean, string[], string[]]>([
    [
      '责任单位:市经济和信息化局、市商务局,各区县政府',
      true,
      ['市经济和信息化局', '市商务局'],
      ['各区县政府'],
    ],
    ['责任单位:市教育局', true, ['市教育局'], []],
    // a 牵头单位 list is not touched
    ['牵头单位:市教育局,市体育局', true, ['市教育局', '市体育局'], []],
    // without the notice's note a comma is only a separator
    [
      '责任单位:市经济和信息化局、市商务局,各区县政府',
      false,
      [],
      ['市经济和信息化局', '市商务局', '各区县政府'],
    ],
  ])('%s (下同: %s)', (cell, commaLeads, lead, responsible) => {
    expect(splitUnits(cell, 'responsible', { commaLeads })).toEqual({ lead, responsible });
  });
});

describe('splitLabelled', () => {
  it('splits labelled parts in order', () => {
    expect(splitLabelled('牵头单位:区司法局,责任单位:各镇人民政府、街道办事处')).toEqual([
      ['lead', '区司法局,'],
      ['responsible', '各镇人民政府、街道办事处'],
    ]);
  });
  it('returns null without labels', () => {
    expect(splitLabelled('区司法局')).toBeNull();
  });
});
