import { describe } from 'vitest';
import { eachEquals } from '../../../test/table';
import { readPhoneRow } from './phone';

describe('readPhoneRow (电话测评 .xlsx rows)', () => {
  eachEquals(readPhoneRow, [
    [
      { 单位: '区发展改革委', 测评得分: '85.5', 拨打次数: '3', 备注: '接通及时' },
      { ok: true, value: { unit: '区发展改革委', score: 85.5, calls: 3, note: '接通及时' } },
    ],
    [
      { 单位: ' 区教委 ', 测评得分: '100' },
      { ok: true, value: { unit: '区教委', score: 100, calls: 1, note: '' } },
    ],
    [
      { 单位: '区教委', 测评得分: '0' },
      { ok: true, value: { unit: '区教委', score: 0, calls: 1, note: '' } },
    ],
    [
      { 单位: '区教委', 测评得分: '100.5' },
      { ok: false, unit: '区教委', errors: ['测评得分100.5超过100分'] },
    ],
    [
      { 单位: '区教委', 测评得分: '良好' },
      { ok: false, unit: '区教委', errors: ['测评得分“良好”应为0至100的数字，最多两位小数'] },
    ],
    [
      { 单位: '', 测评得分: '', 拨打次数: '0' },
      { ok: false, unit: '', errors: ['缺少单位', '缺少测评得分', '拨打次数“0”应为正整数'] },
    ],
  ]);
});
