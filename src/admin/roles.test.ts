import { describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS, PERMISSIONS } from '../contracts/permissions';
import { groupPermissions, PERMISSION_ENTITY_LABELS, PERMISSION_MODULE_LABELS } from './roles';

describe('groupPermissions', () => {
  const all = ALL_PERMISSIONS.map((code) => ({ code, label: PERMISSIONS[code] }));
  const groups = groupPermissions(all);

  it('groups every contract permission exactly once, by module then entity', () => {
    expect(groups.map((g) => g.label)).toEqual([
      '组织机构',
      '安全审计',
      '系统设置',
      '依申请公开',
      '年度报告',
      '工作任务',
      '信息发布',
      '网站与新媒体',
      '互动回应',
      '考核评估',
    ]);
    const flat = groups.flatMap((g) => g.entities.flatMap((e) => e.items.map((i) => i.code)));
    expect(flat).toEqual(ALL_PERMISSIONS);
  });

  it('has a Chinese label for every module and entity in the contracts', () => {
    for (const g of groups) {
      expect(PERMISSION_MODULE_LABELS[g.module]).toBeDefined();
      for (const e of g.entities) expect(PERMISSION_ENTITY_LABELS[e.entity]).toBeDefined();
    }
  });

  it('puts the user actions under 组织机构 / 用户', () => {
    const user = groups[0]?.entities.find((e) => e.entity === 'org:user');
    expect(user?.label).toBe('用户');
    expect(user?.items.map((i) => i.label)).toContain('重置密码');
  });
});
