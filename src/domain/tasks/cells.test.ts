// What a header label or a table cell is taken for, case by case.

import { describe } from 'vitest';
import { eachEquals, eachReturns } from '../../../test/table';
import { headerRoles, isUnitCell, kindOf, roleOf } from './cells';

describe('headerRoles: an assessment table’s finest indicator (or 要点) level is its task column', () => {
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
      // a 要点分工方案 names its levels "一级要点 / 二级要点": the finest holds the tasks
      [
        ['一级要点', '二级要点', '责任单位'],
        ['other', 'task', 'responsible'],
      ],
      // levels after a column that says 要求: that column is their category, the finest level the task
      [
        ['工作要求', '一级要点', '二级要点', '责任科室'],
        ['task', 'other', 'task', 'responsible'],
      ],
      // no column says 任务: the one that names what the work is about holds the tasks
      [
        ['序号', '工作目标', '责任单位', '时间'],
        ['seq', 'task', 'responsible', 'deadline'],
      ],
      [
        ['类别', '工作项目', '归口部门', '期限'],
        ['other', 'task', 'responsible', 'deadline'],
      ],
      [
        ['要点', '相关单位'],
        ['task', 'responsible'],
      ],
      // beside a task column, a 目标 column is a detail of the task, not the task
      [
        ['工作任务', '工作目标', '责任单位', '完成时限'],
        ['task', 'other', 'responsible', 'deadline'],
      ],
      // the units named, the task headed with a word of the table's own: the nearest label before the units
      [
        ['序号', '领域', '实施要点', '责任单位', '完成时限'],
        ['seq', 'other', 'task', 'responsible', 'deadline'],
      ],
      [
        ['推进路径', '分管领导', '牵头单位', '配合单位'],
        ['task', 'other', 'lead', 'responsible'],
      ],
      // …but not a body row's unit cell, a caption, a unit's name or a leaders' column
      [
        ['政策解读', '各相关部门'],
        ['other', 'responsible'],
      ],
      [
        ['附表二', '责任单位'],
        ['other', 'responsible'],
      ],
      [
        ['区政府办公室', '责任单位'],
        ['other', 'responsible'],
      ],
      [
        ['分管领导', '责任单位'],
        ['other', 'responsible'],
      ],
    ],
    '%j',
  );
});

describe('roleOf: the column a header label names, in the words task tables use', () => {
  eachReturns(
    roleOf,
    [
      // the task
      ['工作任务', 'task'],
      ['重点任务', 'task'],
      ['任务内容', 'task'],
      ['具体措施', 'task'],
      ['工作重点', 'task'],
      ['主要工作', 'task'],
      ['公开内容', 'task'],
      ['重点内容', 'task'],
      ['公开要点', 'task'],
      ['公开事项', 'task'],
      // the lead
      ['牵头单位', 'lead'],
      ['牵头部门', 'lead'],
      ['主责单位', 'lead'],
      ['主责部门', 'lead'],
      ['主办单位', 'lead'],
      // the other units
      ['责任单位', 'responsible'],
      ['负责单位', 'responsible'],
      ['承担单位', 'responsible'],
      ['承担部门', 'responsible'],
      ['协同单位', 'responsible'],
      ['执行单位', 'responsible'],
      ['配合科室', 'responsible'],
      ['责任单位（部门）', 'responsible'],
      ['责任主体', 'responsible'],
      ['实施主体', 'responsible'],
      ['责任县直单位', 'responsible'],
      ['责任区直部门', 'responsible'],
      ['归口部门', 'responsible'],
      ['协作单位', 'responsible'],
      ['相关单位', 'responsible'],
      ['职能部门', 'responsible'],
      ['责任处（室）', 'responsible'],
      ['责任科(股)', 'responsible'],
      ['责任镇（街道）', 'responsible'],
      ['责任乡镇', 'responsible'],
      ['牵头处（室）', 'lead'],
      // the word alone ("牵头 | 配合"), or the column of who does what ("X牵头，Y配合")
      ['牵头', 'lead'],
      ['配合', 'responsible'],
      ['协办', 'responsible'],
      ['责任', 'responsible'],
      ['责任分工', 'responsible'],
      ['分工', 'responsible'],
      // the deadline
      ['完成时限', 'deadline'],
      ['时 限 要 求', 'deadline'],
      ['截止时间', 'deadline'],
      ['完成日期', 'deadline'],
      ['时间安排', 'deadline'],
      ['进度要求', 'deadline'],
      ['办结时限', 'deadline'],
      ['时间', 'deadline'],
      ['期 限', 'deadline'],
      ['时间进度', 'deadline'],
      ['时间计划', 'deadline'],
      ['进度计划', 'deadline'],
      // a short label ending in a word of time
      ['办结时间', 'deadline'],
      ['推进时间', 'deadline'],
      ['完成年限', 'deadline'],
      ['时间表', 'deadline'],
      ['推进时序', 'deadline'],
      // other columns, and content
      ['完成情况', 'other'],
      ['备注', 'other'],
      ['责任人', 'other'],
      ['督办单位', 'other'],
      ['完成进度', 'other'],
      ['启动时间', 'other'],
      ['发布时间', 'other'],
      ['工作目标', 'other'],
      ['分管县领导', 'other'],
      ['责任人', 'other'],
      ['一级要点', 'other'],
      ['序号', 'seq'],
      ['', null],
      ['做好政策文件的解读和回应关切工作并按时报送责任单位', null],
    ],
    '%s → %s',
  );
});

describe('kindOf: scores, zones and units said to work by their functions', () => {
  eachReturns(
    kindOf,
    [
      ['0.75', 'score'],
      ['0.5 |', 'score'],
      ['23', 'seq'],
      // a row number in Chinese numerals alone is no heading
      ['（一）', 'seq'],
      ['三、', 'seq'],
      ['牵头：区司法局；配合：区政府办公室', 'unit'],
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
      // "/", "—" say a column has nothing for this row (layout test)
      ['/', 'none'],
      ['／ |', 'none'],
      ['——', 'none'],
      ['无', 'none'],
      // a deadline cell says little besides its deadlines, or each of its clauses starts with one
      ['2022年6月底前完成', 'deadline'],
      ['2021年2月公布预算信息,2021年8月公布上年度决算信息', 'deadline'],
      ['在2020年10月20日前，编制完成26个试点领域政务公开标准目录并向社会公开', 'text'],
      // a deadline counted from an event names the event first, in a few words
      ['受理后及时公开', 'deadline'],
      ['事项办结之日起5个工作日内', 'deadline'],
      ['项目竣工验收后及时公开验收结果和资金使用情况', 'text'],
      // a word such as 按时 or 每季度 is followed by a few letters at most; a date by what is due then
      ['按时公开环境质量信息', 'text'],
      ['每季度更新', 'deadline'],
      ['依法按时办理', 'deadline'],
      ['2021年8月前公布决算信息', 'deadline'],
      ['及时公开延崇高速公路建设进展情况', 'text'],
      ['常态化推进十大民生实事项目预算信息应公开尽公开', 'text'],
      // level words after 各县 are part of its name, in a unit cell as in a unit list
      ['市发展改革委牵头，市经信局、各县、市、区政府配合', 'unit'],
      ['各乡镇人民政府、县政府各部门、县直、驻县有关单位', 'unit'],
      // parks and task forces are units
      ['新材料产业园、高端装备产业园、商贸物流园配合', 'unit'],
      ['区发改局牵头，全区经济运行各专班配合', 'unit'],
      ['市财政局牵头，市税务局、滁州海关、市人行配合', 'unit'],
      ['县司法局、县委党校（巫山行政学院）、区行政学校', 'unit'],
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
