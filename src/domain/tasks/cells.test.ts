// What a header label or a table cell is taken for, case by case.

import { describe } from 'vitest';
import { eachEquals, eachReturns } from '../../../test/table';
import { headerRoles, isUnitCell, kindOf } from './cells';

describe('headerRoles: an assessment table’s finest indicator level is its task column', () => {
  eachEquals(
    headerRoles,
    [
      [
        ['一级指标', '二级指标', '三级指标', '四级指标', '五级指标', '责任科室、单位'],
        ['other', 'other', 'other', 'other', 'task', 'responsible'],
      ],
      [
        ['序号', '一级 指标', '二级 指标', '三级指标', '责任单位'],
        ['seq', 'other', 'other', 'task', 'responsible'],
      ],
      // a table that names its task column keeps it; its indicator columns stay categories
      [
        ['一级指标', '二级指标', '工作任务', '责任单位'],
        ['other', 'other', 'task', 'responsible'],
      ],
      // one indicator column alone is no assessment table
      [
        ['指标', '一级指标', '责任单位'],
        ['other', 'other', 'responsible'],
      ],
    ],
    '%j',
  );
});

describe('kindOf: scores, zones and units said to work by their functions', () => {
  eachReturns(
    kindOf,
    [
      ['0.75', 'score'],
      ['0.5 |', 'score'],
      ['23', 'seq'],
      ['2.', 'seq'],
      // a zone's name stands for its administering body
      ['平潭综合实验区', 'unit'],
      ['省直各部门,各设区市、平潭综合实验区 |', 'unit'],
      ['市高新区、经开区', 'unit'],
      // "按职能分工落实" / "按照职能分别落实" say who does the work, as 按职责分工负责
      ['市政府办公室、市司法局牵头,市直其他单位按职能分工落实', 'unit'],
      ['各县(市)区人民政府,市政府各部门(单位)按照职能分别落实', 'unit'],
      // text that merely ends in a place is not a unit
      ['推进园区建设信息公开。', 'text'],
    ],
    '%s',
  );
});

describe('isUnitCell', () => {
  eachReturns(
    isUnitCell,
    [
      ['市直其他单位按职能分工落实', true],
      ['各级政府各部门、各单位按照职能分别落实', true],
      ['按照职能做好政策解读', false],
    ],
    '%s',
  );
});
