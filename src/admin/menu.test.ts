import { describe, expect, it } from 'vitest';
import type { PermissionCode } from '../contracts/permissions';
import { BUILTIN_ROLES, type RoleCode } from '../contracts/roles';
import { canSee, firstAllowedPath, type ModuleEntry, selectedPath, visibleModules } from './menu';
import { ADMIN_MODULES } from './modules';
import { PAGE_COMPONENTS } from './routes';

const modules: ModuleEntry[] = [
  { key: 'home', label: '首页', pages: [{ path: '/', label: '首页' }] },
  {
    key: 'org',
    label: '组织机构',
    pages: [
      { path: '/org/units', label: '单位管理', anyOf: ['org:unit:list'] },
      { path: '/org/users', label: '用户管理', anyOf: ['org:user:list'] },
      { path: '/org/users/import', label: '导入', anyOf: ['org:user:import'], hideInMenu: true },
    ],
  },
  {
    key: 'audit',
    label: '安全审计',
    pages: [{ path: '/audit/logs', label: '审计日志', anyOf: ['audit:log:list'] }],
  },
];

describe('canSee', () => {
  it.each<[PermissionCode[] | undefined, PermissionCode[], boolean]>([
    [undefined, [], true],
    [[], [], true],
    [['org:unit:list'], ['org:unit:list'], true],
    [['org:unit:list'], ['org:user:list'], false],
    [['org:unit:list', 'audit:log:list'], ['audit:log:list'], true],
  ])('anyOf %j with %j -> %s', (anyOf, granted, expected) => {
    expect(canSee({ path: '/x', label: 'x', anyOf }, granted)).toBe(expected);
  });
});

describe('visibleModules', () => {
  it('drops pages without permission, hidden pages and empty modules', () => {
    const vis = visibleModules(modules, ['org:unit:list', 'org:user:import']);
    expect(vis.map((m) => [m.key, m.pages.map((p) => p.path)])).toEqual([
      ['home', ['/']],
      ['org', ['/org/units']],
    ]);
  });
  it('does not mutate the registry', () => {
    visibleModules(modules, []);
    expect(modules[1]?.pages).toHaveLength(3);
  });
});

describe('selectedPath', () => {
  it.each([
    ['/', '/'],
    ['/org/units', '/org/units'],
    ['/org/users/import', '/org/users/import'],
    ['/org/users/42', '/org/users'],
    ['/org/unitsX', null],
    ['/nowhere', null],
  ])('%s -> %s', (pathname, expected) => {
    expect(selectedPath(modules, pathname)).toBe(expected);
  });
});

describe('firstAllowedPath', () => {
  it('is the first visible page', () => {
    expect(firstAllowedPath(modules.slice(1), ['audit:log:list'])).toBe('/audit/logs');
    expect(firstAllowedPath(modules.slice(1), [])).toBeNull();
  });
});

// The real registry against the built-in roles: each role sees exactly the console pages its duties need
// (三权分立: the auditor sees audit pages only, the security admin no org management beyond users).
const menuOf = (role: RoleCode) =>
  visibleModules(ADMIN_MODULES, BUILTIN_ROLES.find((r) => r.code === role)!.permissions).flatMap((m) =>
    m.pages.map((p) => p.label),
  );

describe.each<[RoleCode, string[]]>([
  [
    'office',
    [
      '首页',
      '单位管理',
      '用户管理',
      '领导小组',
      '任务台账',
      '按任务台账',
      '导入任务分工',
      '督办看板',
      '申请办理',
      '统计',
      '年度报告',
      '政策咨询',
      '信箱',
      '问答库',
      '咨询与信箱统计',
      '来电登记',
      '舆情回应',
      '公开承诺',
      '信息管理',
      '公开目录',
      '导入标准目录',
      '标准目录覆盖',
      '规范性文件',
      '政策解读',
      '新闻发布会/访谈',
      '规范性文件清理',
      '行政执法公示',
      '决策预公开',
      '发布日历',
      '发布统计',
      '发布设置',
      '政府网站',
      '政务新媒体',
      '备案审核',
      '健康与整改',
      '检查通报',
      '考核排名',
      '考核评分',
      '指标体系',
      '工作日历',
    ],
  ],
  [
    'liaison',
    [
      '首页',
      '单位管理',
      '用户管理',
      '领导小组',
      '任务台账',
      '按任务台账',
      '申请办理',
      '统计',
      '年度报告',
      '政策咨询',
      '信箱',
      '问答库',
      '咨询与信箱统计',
      '来电登记',
      '舆情回应',
      '公开承诺',
      '信息管理',
      '公开目录',
      '标准目录覆盖',
      '规范性文件',
      '政策解读',
      '新闻发布会/访谈',
      '规范性文件清理',
      '行政执法公示',
      '决策预公开',
      '发布日历',
      '政府网站',
      '政务新媒体',
      '备案审核',
      '健康与整改',
      '检查通报',
      '考核排名',
      '工作日历',
    ],
  ],
  [
    'reviewer',
    [
      '首页',
      '单位管理',
      '用户管理',
      '任务台账',
      '按任务台账',
      '申请办理',
      '统计',
      '年度报告',
      '政策咨询',
      '信箱',
      '问答库',
      '来电登记',
      '舆情回应',
      '公开承诺',
      '信息管理',
      '待我审核',
      '公开目录',
      '标准目录覆盖',
      '规范性文件',
      '政策解读',
      '新闻发布会/访谈',
      '规范性文件清理',
      '行政执法公示',
      '决策预公开',
      '发布日历',
      '工作日历',
    ],
  ],
  [
    'leader',
    [
      '首页',
      '单位管理',
      '用户管理',
      '领导小组',
      '任务台账',
      '按任务台账',
      '督办看板',
      '延期审批',
      '申请办理',
      '统计',
      '年度报告',
      '政策咨询',
      '信箱',
      '问答库',
      '咨询与信箱统计',
      '来电登记',
      '舆情回应',
      '公开承诺',
      '信息管理',
      '公开目录',
      '标准目录覆盖',
      '规范性文件',
      '政策解读',
      '新闻发布会/访谈',
      '规范性文件清理',
      '行政执法公示',
      '决策预公开',
      '发布日历',
      '发布统计',
      '政府网站',
      '政务新媒体',
      '备案审核',
      '健康与整改',
      '检查通报',
      '工作日历',
    ],
  ],
  ['sysadmin', ['首页', '单位管理', '用户管理', '角色权限', '工作日历']],
  ['secadmin', ['首页', '用户管理', '角色权限', '登录日志', '安全策略']],
  ['auditor', ['首页', '审计日志', '登录日志']],
])('menu of %s', (role, expected) => {
  it('shows exactly its pages', () => {
    expect(menuOf(role)).toEqual(expected);
  });
});

describe('registry', () => {
  it('has unique paths starting with /', () => {
    const paths = ADMIN_MODULES.flatMap((m) => m.pages.map((p) => p.path));
    expect(new Set(paths).size).toBe(paths.length);
    for (const p of paths) expect(p.startsWith('/')).toBe(true);
  });
  it('guards every page except the home page with a permission', () => {
    const unguarded = ADMIN_MODULES.flatMap((m) => m.pages).filter((p) => !p.anyOf?.length);
    expect(unguarded.map((p) => p.path)).toEqual(['/']);
  });
  it('has a component for every page and no component without a page', () => {
    const paths = ADMIN_MODULES.flatMap((m) => m.pages.map((p) => p.path));
    expect(Object.keys(PAGE_COMPONENTS).sort()).toEqual([...paths].sort());
  });
});
